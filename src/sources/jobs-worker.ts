/**
 * The work done off the event loop, in a worker thread of the job pool (jobs.ts): extracting the
 * article of a fetched page, and analysing an article. Each export is one task name.
 */
import { analyze as analyzeArticle } from '../core/analyze.ts';
import type { Analysis, ArticleInput } from '../core/types.ts';
import type { Article } from './page.ts';
import { prepareAnalysis, type PreparedAnalysis } from '../store/stored-analysis.ts';

/**
 * The page extractor, loaded with the first page a thread extracts: a thread that only analyses
 * (ingest of feeds that carry their text) never loads linkedom and Readability, about 0.15 s of
 * CPU at each thread's start.
 */
let pages: Promise<typeof import('./page.ts')> | undefined;

/** The article of a page, or null when it has none. */
export async function extract({ html, url }: { html: string; url: string }): Promise<Article | null> {
  pages ??= import('./page.ts');
  return (await pages).extractArticle(html, url);
}

/** The core analysis of an article. */
export function analyze(input: ArticleInput): Analysis {
  return analyzeArticle(input);
}

/** The core analysis of an article as ingest stores it (a string and a small outline cross threads faster than the analysis). */
export function prepare(input: ArticleInput): PreparedAnalysis {
  return prepareAnalysis(analyzeArticle(input));
}
