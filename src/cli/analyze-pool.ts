/**
 * Worker threads for `mojaz analyze --jsonl`: batches of input lines are analysed on the machine's
 * other cores, inside the one process, and come back in input order, as output lines or (part
 * 'front') as lines started by startLine for the calling thread to finish. A thread that dies (out
 * of memory, a crash) takes no line with it: its batches are computed on the calling thread
 * instead, and the remaining threads carry on.
 */
import { Worker } from 'node:worker_threads';
import type { Reference } from '../core/analyze.ts';

/**
 * What a thread makes of each line: the output line ('whole'), or the line started by startLine,
 * up to the who step ('front').
 */
export type LinePart = 'whole' | 'front';

/** What a batch of input lines gives, line by line (output lines, or started lines), computed by some thread. */
export interface LinePool<T = string> {
  run(lines: string[]): Promise<T[]>;
  /** Whether some live thread has fewer than `depth` batches waiting (else the caller does one). */
  hasRoom(depth: number): boolean;
  close(): Promise<void>;
}

interface Pending<T> {
  lines: string[];
  resolve: (out: T[]) => void;
}

interface Thread<T> {
  worker: Worker;
  /** Batches sent and not answered, by id. */
  busy: Map<number, Pending<T>>;
  dead: boolean;
}

/** The module each thread runs. */
const WORKER = new URL('./analyze-worker.mjs', import.meta.url);

/**
 * A pool of `threads` workers computing `part` of lines with `fallback` as the reference of undated
 * ones; `inline` computes the same for a batch on the calling thread (used when a thread is lost).
 * `entry` is the threads' module (a test gives one that fails).
 */
export function createLinePool<T = string>(
  threads: number,
  fallback: Reference,
  inline: (lines: string[]) => T[],
  entry: URL = WORKER,
  part: LinePart = 'whole',
): LinePool<T> {
  let nextId = 0;
  const pool: Thread<T>[] = Array.from({ length: threads }, () => {
    const worker = new Worker(entry, {
      // A hostile article must not take the process's memory with it.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    const thread: Thread<T> = { worker, busy: new Map(), dead: false };
    worker.on('message', ({ id, out }: { id: number; out: T[] }) => {
      const job = thread.busy.get(id);
      thread.busy.delete(id);
      job?.resolve(out);
    });
    const lose = (): void => {
      if (thread.dead) return;
      thread.dead = true;
      for (const job of thread.busy.values()) job.resolve(inline(job.lines));
      thread.busy.clear();
    };
    worker.on('error', lose);
    worker.on('exit', lose);
    return thread;
  });
  return {
    run(lines) {
      // The live thread with the fewest batches waiting; none left: the calling thread.
      let pick: Thread<T> | undefined;
      for (const t of pool) if (!t.dead && (!pick || t.busy.size < pick.busy.size)) pick = t;
      if (!pick) return Promise.resolve(inline(lines));
      const id = nextId++;
      const thread = pick;
      return new Promise((resolve) => {
        thread.busy.set(id, { lines, resolve });
        thread.worker.postMessage({ id, lines, fallback, part });
      });
    },
    hasRoom(depth) {
      return pool.some((t) => !t.dead && t.busy.size < depth);
    },
    async close() {
      await Promise.all(
        pool.map((t) => {
          t.dead = true;
          return t.worker.terminate();
        }),
      );
    },
  };
}
