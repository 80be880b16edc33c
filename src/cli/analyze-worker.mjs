// Entry of `mojaz analyze --jsonl`'s worker threads (analyze-pool.ts). TypeScript loaders registered
// in the main thread do not reach worker threads in Node 20, so this plain module loads the
// TypeScript side through tsx's API. Messages posted before the listener is attached wait in the port.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { resultLines } = await tsImport('./analyze-worker.ts', import.meta.url);
parentPort.on('message', ({ id, lines, fallback }) => {
  parentPort.postMessage({ id, out: resultLines(lines, fallback) });
});
