/**
 * What the digest commands (/subscribe, /unsubscribe, /digest, /filter, /feeds, /status) use,
 * carried in Services.digests; and the one-time feed check behind "/feeds add".
 */
import type { Fetcher } from '../sources/http.ts';
import { discoverFeeds, parseFeed } from '../sources/feeds.ts';
import type { Store } from '../store/types.ts';
import type { DigestLedger } from './ledger.ts';
import type { DigestScheduler } from './scheduler.ts';

/** Defaults of a new subscription (config digest.* and timezone). */
export interface DigestDefaults {
  times: string[];
  timezone: string;
  topN: number;
  quietHours: string;
}

/** The store reads and writes the digest commands make. */
export type DigestStore = Pick<
  Store,
  | 'upsertSubscription'
  | 'getSubscription'
  | 'removeSubscription'
  | 'addFilter'
  | 'listFilters'
  | 'clearFilters'
  | 'addFeed'
  | 'getFeed'
  | 'listFeeds'
  | 'chatFeeds'
  | 'followFeed'
  | 'unfollowFeed'
  | 'feedFollowers'
  | 'removeFeed'
>;

/** Everything the digest commands call. */
export interface DigestServices {
  store: DigestStore;
  scheduler: Pick<DigestScheduler, 'reschedule' | 'digestNow' | 'nextDigest'>;
  ledger: Pick<DigestLedger, 'history'>;
  /** Fetches and parses a feed once; throws an error with an Arabic `userMessage` when it is not one. */
  checkFeed(url: string): Promise<{ url: string; title?: string }>;
  defaults: DigestDefaults;
  /** Failures in a row after which a feed counts as failing (the poller's threshold). */
  failThreshold: number;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5';

/**
 * Checks a feed URL with the guarded fetcher: fetch, parse; a web page that announces a feed is
 * followed to its first feed. Errors carry the sources layer's Arabic `userMessage`.
 */
export async function checkFeed(fetcher: Fetcher, url: string): Promise<{ url: string; title?: string }> {
  const res = await fetcher.get(url, { accept: FEED_ACCEPT });
  try {
    const feed = parseFeed(res.text, res.contentType);
    return { url: res.url, title: feed.title || undefined };
  } catch (err) {
    const announced = res.contentType.includes('html') ? discoverFeeds(res.text, res.url)[0] : undefined;
    if (!announced) throw err;
    const next = await fetcher.get(announced.url, { accept: FEED_ACCEPT });
    const feed = parseFeed(next.text, next.contentType);
    return { url: next.url, title: feed.title || announced.title || undefined };
  }
}
