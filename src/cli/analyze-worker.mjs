// Entry of `mojaz analyze --jsonl`'s worker threads (analyze-pool.ts; part 'front': lines started
// up to the who step, else output lines): a plain module, so it runs
// without a TypeScript loader, that loads analyze-worker.ts from the compiled bundle as the main
// thread does (bin/bundle.mjs), or through tsx. Messages posted before the listener is attached wait
// in the port.
import { parentPort } from 'node:worker_threads';
import { loadEntry } from '../../bin/bundle.mjs';

const { resultLines, startLines } = await loadEntry('analyze-worker');
parentPort.on('message', ({ id, lines, fallback, part }) => {
  parentPort.postMessage({ id, out: part === 'front' ? startLines(lines, fallback) : resultLines(lines, fallback) });
});
