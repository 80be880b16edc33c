/**
 * Caches in front of the expensive services, so that the same link or text asked about by
 * /brief, then /timeline, then /who is fetched and analysed once. Both are bounded; fetched
 * pages also expire, since a live article may be updated.
 */
import { createHash } from 'node:crypto';
import type { Analysis, ArticleInput } from '../core/types.ts';
import { Lru } from './lru.ts';
import type { StoredArticle } from '../store/types.ts';

/**
 * Wraps `analyze` with an LRU keyed by a hash of its whole input. An analysis still running (the
 * worker thread's promise) is shared by concurrent requests; a failed one is not kept.
 */
export function cachedAnalyze<R extends Analysis | Promise<Analysis>>(analyze: (input: ArticleInput) => R, max = 500): (input: ArticleInput) => R {
  const cache = new Lru<string, R>(max);
  return (input) => {
    const key = createHash('sha256')
      .update(JSON.stringify([input.id ?? '', input.title ?? '', input.reference, input.referenceTime ?? '']))
      .update('\0')
      .update(input.text)
      .digest('base64url');
    const hit = cache.get(key);
    if (hit) return hit;
    const analysis = analyze(input);
    cache.set(key, analysis);
    if (analysis instanceof Promise) {
      analysis.catch(() => {
        if (cache.get(key) === analysis) cache.delete(key);
      });
    }
    return analysis;
  };
}

/**
 * Wraps `fetchArticle` with an LRU per URL whose entries live `ttlMs`; concurrent requests for one
 * URL share one fetch. Failures are not cached.
 */
export function cachedFetch(
  fetchArticle: (url: string) => Promise<StoredArticle>,
  { max = 200, ttlMs = 10 * 60_000, now = Date.now }: { max?: number; ttlMs?: number; now?: () => number } = {},
): (url: string) => Promise<StoredArticle> {
  const cache = new Lru<string, { at: number; article: Promise<StoredArticle> }>(max);
  return (url) => {
    const hit = cache.get(url);
    if (hit && now() - hit.at < ttlMs) return hit.article;
    const article = fetchArticle(url);
    cache.set(url, { at: now(), article });
    article.catch(() => {
      if (cache.get(url)?.article === article) cache.set(url, { at: -Infinity, article });
    });
    return article;
  };
}
