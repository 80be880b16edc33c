/**
 * Page extraction and article analysis of fetched or polled content, off the event loop: a small
 * pool of worker threads (piscina) runs them, each job under a time budget. A job over budget is
 * abandoned (piscina terminates its thread and starts a fresh one) and fails with a JobTimeoutError
 * whose Arabic `userMessage` says so; meanwhile every chat keeps getting answers.
 *
 * The worker loads jobs-worker.ts from the compiled bundle (bin/bundle.mjs), or through tsx's API
 * where the bundle cannot be built (jobs-worker.mjs).
 */
import { Piscina } from 'piscina';
import type { Analysis, ArticleInput } from '../core/types.ts';
import { analyze as analyzeArticle } from '../core/analyze.ts';
import { extractArticle, type Article } from './page.ts';
import { prepareAnalysis, type PreparedAnalysis } from '../store/stored-analysis.ts';

/** Runs the costly steps of fetched content. */
export interface JobRunner {
  /** The article of a fetched page (Readability), or null when it has none. */
  extract(html: string, url: string): Promise<Article | null>;
  /** The core analysis of an article. */
  analyze(input: ArticleInput): Promise<Analysis>;
  /** The core analysis of an article as ingest stores it: its JSON and what the story grouper reads. */
  prepare(input: ArticleInput): Promise<PreparedAnalysis>;
  /**
   * Starts `threads` threads (default: all of them) and loads what the jobs use in each (the NER
   * model…), so the first jobs are not slow.
   */
  warm(input: ArticleInput, threads?: number): Promise<void>;
  /** Stops the threads. */
  close(): Promise<void>;
}

/** A job that ran over its time budget and was abandoned. */
export class JobTimeoutError extends Error {
  override name = 'JobTimeoutError';
  readonly code = 'job-timeout';
  readonly userMessage = 'استغرقت معالجة هذا المحتوى أطول من المسموح فأوقفتُها. جرّب رابطًا آخر أو الصق نص المقال مباشرة.';
  constructor(
    readonly job: string,
    readonly budgetMs: number,
  ) {
    super(`${job} took longer than ${budgetMs} ms and was abandoned`);
  }
}

/** Options of {@link createJobPool}. */
export interface JobPoolOptions {
  /** Worker threads (default 1; the bot takes its count from its settings: config.ts `jobThreads`). */
  threads?: number;
  /**
   * Threads started with the pool (default: all). The others start when jobs wait for a thread or
   * at {@link JobRunner.warm}, and then stay: loading the analysis in a thread takes a second or
   * two of CPU, which a bot starting up would rather spend answering.
   */
  startThreads?: number;
  /**
   * Longest a page extraction may take, ms, from the moment it is asked (a job waits for the one
   * running before it; ingest runs one at a time, so that wait is at most one job). Default 20 s.
   */
  extractBudgetMs?: number;
  /** Longest an analysis may take, ms (default 30 s). */
  analyzeBudgetMs?: number;
}

/** The same steps on the calling thread: for tests, benchmarks and the CLI, where nothing else waits. */
export const inlineJobs: JobRunner = {
  extract: async (html, url) => extractArticle(html, url),
  analyze: async (input) => analyzeArticle(input),
  prepare: async (input) => prepareAnalysis(analyzeArticle(input)),
  warm: async (input) => void analyzeArticle(input),
  close: async () => undefined,
};

/** A pool of worker threads running extraction and analysis under time budgets; `threadsStarted` counts its threads. */
export function createJobPool(options: JobPoolOptions = {}): JobRunner & { threadsStarted(): number } {
  const threads = options.threads ?? 1;
  const pool = new Piscina({
    filename: new URL('./jobs-worker.mjs', import.meta.url).href,
    minThreads: Math.min(threads, options.startThreads ?? threads),
    maxThreads: threads,
    // A thread once started stays (its modules and model are loaded).
    idleTimeout: Infinity,
    // A hostile page must not take the process's memory with it.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  const run = async <T>(name: string, data: unknown, budgetMs: number): Promise<T> => {
    const signal = AbortSignal.timeout(budgetMs);
    try {
      return (await pool.run(data, { name, signal })) as T;
    } catch (err) {
      if (signal.aborted) throw new JobTimeoutError(name, budgetMs);
      throw err;
    }
  };
  return {
    extract: (html, url) => run<Article | null>('extract', { html, url }, options.extractBudgetMs ?? 20_000),
    analyze: (input) => run<Analysis>('analyze', input, options.analyzeBudgetMs ?? 30_000),
    prepare: (input) => run<PreparedAnalysis>('prepare', input, options.analyzeBudgetMs ?? 30_000),
    // No budget: loading the modules in a fresh thread takes seconds on a busy machine.
    // Jobs run at once, one a thread: the pool starts the threads they need.
    warm: async (input, count = threads) => {
      await Promise.all(Array.from({ length: Math.min(count, threads) }, () => pool.run(input, { name: 'analyze' })));
    },
    close: () => pool.close({ force: true }),
    threadsStarted: () => pool.threads.length,
  };
}
