/**
 * What the digest commands (/subscribe, /unsubscribe, /digest, /filter, /feeds, /status) use,
 * carried in Services.digests; and the one-time feed check behind "/feeds add".
 */
import type { Fetcher } from '../sources/http.ts';
import { resolveFeedUrl } from '../sources/feeds.ts';
import type { ChatStore, FeedStore } from '../store/types.ts';
import type { DigestLedger } from './ledger.ts';
import type { DigestScheduler } from './scheduler.ts';

/** Defaults of a new subscription (config digest.* and timezone). */
export interface DigestDefaults {
  times: string[];
  timezone: string;
  topN: number;
  quietHours: string;
}

/** The store as the digest commands use it: chats' subscriptions and filters, and feeds. */
export type DigestCommandStore = ChatStore & FeedStore;

/** Everything the digest commands call. */
export interface DigestServices {
  store: DigestCommandStore;
  scheduler: Pick<DigestScheduler, 'reschedule' | 'digestNow' | 'nextDigest'>;
  ledger: Pick<DigestLedger, 'history'>;
  /** Fetches and parses a feed once; throws an error with an Arabic `userMessage` when it is not one. */
  checkFeed(url: string): Promise<{ url: string; title?: string }>;
  defaults: DigestDefaults;
  /** Failures in a row after which a feed counts as failing (the poller's threshold). */
  failThreshold: number;
}

/**
 * Checks a feed URL with the guarded fetcher: fetch, parse; a web page that announces a feed is
 * followed to the first feed it announces that parses (resolveFeedUrl). Errors carry the sources
 * layer's Arabic `userMessage`.
 */
export async function checkFeed(fetcher: Fetcher, url: string): Promise<{ url: string; title?: string }> {
  const feed = await resolveFeedUrl(fetcher, url);
  return { url: feed.url, title: feed.title || undefined };
}
