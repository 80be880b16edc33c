/**
 * Builds the command Services from the real parts: the core analyzer and the guarded page
 * fetcher, each behind a bounded cache, a chat memory (the SQLite store, or in-memory), and
 * in-memory button keys. main.ts and the latency bench build Services the same way.
 */
import type { Config } from '../config.ts';
import { analyze } from '../core/analyze.ts';
import type { Analysis, ArticleInput } from '../core/types.ts';
import { createFetcher, type Fetcher } from '../sources/http.ts';
import { createLlmBriefer } from '../sources/llm-brief.ts';
import { fetchArticle, type Extractor } from '../sources/page.ts';
import { cachedAnalyze, cachedFetch } from './cache.ts';
import { InMemoryArticleKeys } from './memory.ts';
import type { ChatMemory, StoredArticle } from '../store/types.ts';
import type { Services } from './services.ts';

/** Fetches the article at `url` with `fetcher`, in the shape commands use. */
export async function fetchStoredArticle(fetcher: Fetcher, url: string, extract?: Extractor): Promise<StoredArticle> {
  const page = await fetchArticle(fetcher, url, extract);
  return {
    url: page.url,
    title: page.title,
    text: page.text,
    ...(page.published ? { published: page.published } : {}),
    ...(page.siteName ? { source: page.siteName } : {}),
  };
}

/** Options of {@link createServices}. */
export interface ServicesOptions {
  /** Defaults to a guarded fetcher built from config.fetch. */
  fetcher?: Fetcher;
  /** How long a fetched page is reused (default 10 minutes; 0 fetches every time). */
  pageTtlMs?: number;
  /** Where the generated brief logs why it fell back to the extractive one. */
  log?(line: string): void;
  /** Extracts a fetched page's article (main.ts: in the job pool's worker thread, under a time budget). */
  extract?: Extractor;
  /** Analyses an article for /brief, /timeline and /who (main.ts: in the job pool, under a time budget); default: the core on this thread. */
  analyze?: (input: ArticleInput) => Promise<Analysis>;
}

/** Services for the bots and the console. */
export function createServices(
  config: Config,
  memory: ChatMemory,
  { fetcher = createFetcher(config.fetch), pageTtlMs = 10 * 60_000, log, extract, analyze: analyzeOff }: ServicesOptions = {},
): Services {
  const llm = createLlmBriefer({ settings: config.llm, analyze, ...(log ? { log } : {}) });
  return {
    analyze: analyzeOff ? cachedAnalyze(analyzeOff) : cachedAnalyze(analyze),
    fetchArticle: cachedFetch((url) => fetchStoredArticle(fetcher, url, extract), { ttlMs: pageTtlMs }),
    memory,
    keys: new InMemoryArticleKeys(),
    timezone: config.timezone,
    ...(llm ? { llmBrief: (input, analysis) => llm.brief(input, analysis) } : {}),
  };
}
