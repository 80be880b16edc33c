// Entry of the job pool's worker threads (jobs.ts). TypeScript loaders registered in the main
// thread do not reach worker threads in Node 20, so this plain module loads the TypeScript worker
// through tsx's API (tsx is a runtime dependency: `npm start` runs on it).
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./jobs-worker.ts', import.meta.url);
export const extract = worker.extract;
export const analyze = worker.analyze;
export const prepare = worker.prepare;
