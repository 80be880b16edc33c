/**
 * Feeds as sources/ sees them: fetched (a conditional GET through the guarded fetcher, or a
 * configured local file), parsed (RSS, Atom, JSON Feed), and the full article behind an excerpt.
 * What happens to the items next (dedupe into the store, analysis, stories) is src/ingest/.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FeedRecord } from '../store/types.ts';
import type { Fetcher, FetchResult, GetOptions } from './http.ts';
import { FeedError, parseFeed, type FeedItem, type ParsedFeed } from './feed-parse.ts';
import { discoverFeeds } from './feed-discover.ts';
import { FeedItemMemo } from './feed-items.ts';

export { FeedError, parseFeed, type FeedItem, type ParsedFeed } from './feed-parse.ts';
export { discoverFeeds, type DiscoveredFeed } from './feed-discover.ts';

/** The full article behind a feed item's link (page.ts `fetchArticle` bound to the fetcher). */
export type FetchFullArticle = (url: string) => Promise<{ text: string; title?: string; published?: string }>;

/** Why a poll failed, for logs and for chat admins. */
export interface FeedFailure {
  code: string;
  message: string;
  /** Arabic, safe to show. */
  userMessage: string;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const EXCERPT_CHARS = 400;
const ELLIPSIS = /(…|\.\.\.|\[…\]|\[\.\.\.\]|\(…\))\s*$/;

/** Whether an item's text looks like an excerpt of a longer article (short, or ends with an ellipsis). */
export function looksLikeExcerpt(text: string): boolean {
  const t = text.trim();
  return t.length < EXCERPT_CHARS || ELLIPSIS.test(t);
}

/** The feed URL to store for a configured local file (a file: URL of its absolute path). */
export function localFeedUrl(path: string): string {
  return pathToFileURL(resolvePath(path)).toString();
}

/** What a failed fetch or parse was, for logs (English) and chat admins (Arabic). */
export function feedFailureOf(err: unknown): FeedFailure {
  if (err instanceof FeedError) return { code: err.code, message: err.message, userMessage: err.userMessage };
  const e = err as { code?: unknown; message?: unknown; userMessage?: unknown } | null;
  if (e && typeof e.userMessage === 'string') {
    return { code: String(e.code ?? 'error'), message: String(e.message ?? ''), userMessage: e.userMessage };
  }
  return {
    code: 'error',
    message: err instanceof Error ? err.message : String(err),
    userMessage: 'تعذّر قراءة الموجز بسبب خطأ غير متوقع. سنحاول مجددًا لاحقًا.',
  };
}

/** What one read of a feed gave. */
export type FeedRead =
  | { status: 'not-modified'; etag?: string; lastModified?: string }
  | {
      status: 'ok';
      /** The items to consider, oldest first (see {@link oldestFirst}), at most `maxItems`. */
      items: FeedItem[];
      /** The feed's own title, when it has one. */
      title?: string;
      /** Read from a configured local file (no full-article fetch for it). */
      local: boolean;
      etag?: string;
      lastModified?: string;
      /** Call once the items are safely stored: the same body next time is then "not modified". */
      commit(): void;
    };

/**
 * A feed's newest `max` items, oldest first, so a story takes its title from the first outlet that
 * ran it: by date where the feed gives one, else in reverse feed order (feeds list newest first).
 */
export function oldestFirst(items: readonly FeedItem[], max: number): FeedItem[] {
  return items
    .slice(0, max)
    .reverse()
    .map((item, i) => ({ item, i, t: item.published ? Date.parse(item.published) : NaN }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : a.t - b.t || a.i - b.i))
    .map((x) => x.item);
}

/** Options of a {@link FeedReader}. */
export interface FeedReaderOptions {
  /** Largest feed body, bytes (default: the fetcher's cap; 5 MB for a local file). */
  maxBytes?: number;
  /** Time for one feed request, ms (default: the fetcher's). */
  timeoutMs?: number;
  /** Items taken from one read (newest first in the feed). */
  maxItems: number;
}

/**
 * Fetches and parses feeds: conditional requests (ETag, Last-Modified), and a body identical to
 * the last one stored counts as not modified (many servers ignore conditional requests). Local
 * files are read only when configured, never from a user-supplied path. Throws FeedError or the
 * fetcher's FetchError, both with an Arabic `userMessage`.
 */
export class FeedReader {
  private readonly localPaths: Set<string>;
  /**
   * Each feed's last stored body. Comparing a new body with it costs next to nothing when it
   * changed (its length or first characters differ), where hashing it cost a pass over all of it;
   * and it takes no memory of its own for an XML feed, whose remembered items (FeedItemMemo) are
   * slices of it and keep it alive anyway.
   */
  private readonly lastBody = new Map<number, string>();
  /** Each feed's items of its last body, parsed: a changed body parses only its new items. */
  private readonly items = new FeedItemMemo();

  constructor(
    private readonly fetcher: Fetcher,
    private readonly options: FeedReaderOptions,
    localFeedPaths: readonly string[] = [],
  ) {
    this.localPaths = new Set(localFeedPaths.map((p) => resolvePath(p)));
  }

  /** Reads one feed. */
  async read(feed: FeedRecord): Promise<FeedRead> {
    const res = feed.url.startsWith('file:') ? await this.readLocal(feed.url) : await this.fetch(feed);
    const cache = { ...(res.etag ? { etag: res.etag } : {}), ...(res.lastModified ? { lastModified: res.lastModified } : {}) };
    if (res.notModified) return { status: 'not-modified', ...cache };
    const body = res.text;
    if (body === this.lastBody.get(feed.id)) return { status: 'not-modified', ...cache };
    const parsed = this.items.parse(feed.id, res.text, res.contentType);
    return {
      status: 'ok',
      items: oldestFirst(parsed.items, this.options.maxItems),
      ...(parsed.title ? { title: parsed.title } : {}),
      local: res.url.startsWith('file:'),
      ...cache,
      commit: () => void this.lastBody.set(feed.id, body),
    };
  }

  private async fetch(feed: FeedRecord): Promise<FetchResult> {
    const opts: GetOptions = { accept: FEED_ACCEPT };
    if (feed.etag) opts.etag = feed.etag;
    if (feed.lastModified) opts.lastModified = feed.lastModified;
    if (this.options.maxBytes !== undefined) opts.maxBytes = this.options.maxBytes;
    if (this.options.timeoutMs !== undefined) opts.timeoutMs = this.options.timeoutMs;
    return this.fetcher.get(feed.url, opts);
  }

  /** Reads a configured local feed file; any other file: URL is refused. */
  private async readLocal(url: string): Promise<FetchResult> {
    const path = resolvePath(fileURLToPath(url));
    if (!this.localPaths.has(path)) {
      throw new FeedError('local-path-not-allowed', `local feed not configured: ${url}`, 'لا يقرأ البوت ملفات محلية إلا الموجز المضبوط في الإعدادات.');
    }
    // Read at once: a configured local file under the cap takes a few milliseconds, less than the
    // thread-pool round trips of an asynchronous read (open, stat, read, close) cost the event loop.
    const info = statSync(path);
    const cap = this.options.maxBytes ?? 5_000_000;
    if (info.size > cap) throw new FeedError('not-a-feed', `local feed larger than ${cap} bytes`, 'الموجز المحلي أكبر من الحد المسموح.');
    const text = readFileSync(path, 'utf8');
    const lastModified = info.mtime.toUTCString();
    return { url, status: 200, notModified: false, contentType: path.endsWith('.json') ? 'application/feed+json' : 'application/rss+xml', charset: 'utf-8', text, lastModified };
  }
}

/** A feed a user asked for, checked: where it really is, its title and format. */
export interface ResolvedFeed {
  url: string;
  title: string;
  format: ParsedFeed['format'];
  items: number;
}

/**
 * Finds the feed behind a URL a user gave: the URL itself when it is a feed, else the first feed
 * its HTML page announces (<link rel="alternate">). Throws FeedError (not a feed, none announced)
 * or the fetcher's FetchError, both with an Arabic `userMessage`.
 */
export async function resolveFeedUrl(fetcher: Fetcher, url: string): Promise<ResolvedFeed> {
  const res = await fetcher.get(url, { accept: FEED_ACCEPT });
  try {
    const feed = parseFeed(res.text, res.contentType);
    return { url: res.url, title: feed.title, format: feed.format, items: feed.items.length };
  } catch (err) {
    if (!(err instanceof FeedError)) throw err;
    const announced = /html/.test(res.contentType) || /^\s*<(!doctype html|html)/i.test(res.text) ? discoverFeeds(res.text, res.url) : [];
    for (const candidate of announced.slice(0, 3)) {
      try {
        const r = await fetcher.get(candidate.url, { accept: FEED_ACCEPT });
        const feed = parseFeed(r.text, r.contentType);
        return { url: r.url, title: feed.title || candidate.title || '', format: feed.format, items: feed.items.length };
      } catch {
        // Try the next one the page announces.
      }
    }
    throw err;
  }
}
