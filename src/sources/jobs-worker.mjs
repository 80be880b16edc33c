// Entry of the job pool's worker threads (jobs.ts). TypeScript loaders registered in the main
// thread do not reach worker threads in Node 20, so this plain module loads jobs-worker.ts from the
// compiled bundle (bin/bundle.mjs: built when the sources changed), which spares each thread
// transpiling and resolving the sources through tsx, or through tsx's API where the bundle cannot
// be built (tsx is a runtime dependency: `npm start` runs on it).
import { loadEntry } from '../../bin/bundle.mjs';

const worker = await loadEntry('jobs-worker');
export const extract = worker.extract;
export const analyze = worker.analyze;
export const prepare = worker.prepare;
