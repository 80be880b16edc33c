/**
 * The work done off the event loop, in a worker thread of the job pool (jobs.ts): extracting the
 * article of a fetched page, and analysing an article. Each export is one task name.
 */
import { analyze as analyzeArticle } from '../core/analyze.ts';
import type { Analysis, ArticleInput } from '../core/types.ts';
import { extractArticle, type Article } from './page.ts';
import { prepareAnalysis, type PreparedAnalysis } from '../store/stored-analysis.ts';

/** The article of a page, or null when it has none. */
export function extract({ html, url }: { html: string; url: string }): Article | null {
  return extractArticle(html, url);
}

/** The core analysis of an article. */
export function analyze(input: ArticleInput): Analysis {
  return analyzeArticle(input);
}

/** The core analysis of an article as ingest stores it (a string and a small outline cross threads faster than the analysis). */
export function prepare(input: ArticleInput): PreparedAnalysis {
  return prepareAnalysis(analyzeArticle(input));
}
