/**
 * Feed polling and ingestion: conditional GETs through the guarded fetcher, parse, dedupe into the
 * store, fetch the full article behind an excerpt, analyse, and group into stories. Each feed is
 * polled in isolation (a bounded number at once): one that hangs, fails or lies never holds up the
 * others. A failing feed backs off exponentially and, after a few failures in a row, is reported
 * once through `onFeedFailing` so the chat's admins can be told.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import PQueue from 'p-queue';
import type { Analysis, ArticleInput } from '../core/types.ts';
import { referenceFor } from '../core/reference.ts';
import type { ArticleRecord, FeedRecord, NewArticle, Store } from '../store/types.ts';
import type { StoryGrouper } from '../stories/grouper.ts';
import type { Fetcher, FetchResult, GetOptions } from './http.ts';
import { FeedError, parseFeed, type FeedItem, type ParsedFeed } from './feed-parse.ts';
import { discoverFeeds } from './feed-discover.ts';
import { capArticleText } from './page.ts';

export { FeedError, parseFeed, type FeedItem, type ParsedFeed } from './feed-parse.ts';
export { discoverFeeds, type DiscoveredFeed } from './feed-discover.ts';

/** Time for the poller: real in production, fake in tests. */
export interface PollClock {
  now(): Date;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock (timers unref'd so polling never keeps a finished process alive). */
export const systemPollClock: PollClock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** The full article behind a feed item's link (page.ts `fetchArticle` bound to the fetcher). */
export type FetchFullArticle = (url: string) => Promise<{ text: string; title?: string; published?: string }>;

/** The core analyzer (src/core/analyze.ts `analyze`), injected so tests need not depend on it. */
export type Analyzer = (input: ArticleInput) => Analysis | Promise<Analysis>;

/** Tuning of the poller. */
export interface PollerOptions {
  /** Feeds polled at once (default 4). */
  concurrency: number;
  /** Full-article fetches at once, over all feeds (default 2). */
  fullTextConcurrency: number;
  /** The normal polling interval; the first backoff step (default 10 min). */
  pollMinutes: number;
  /** Longest backoff (default 6 h). */
  maxBackoffMinutes: number;
  /** Failures in a row after which a feed is flagged as failing (default 3). */
  failThreshold: number;
  /** Largest feed body, bytes (default: the fetcher's cap). */
  maxBytes?: number;
  /** Time for one feed request, ms (default: the fetcher's). */
  timeoutMs?: number;
  /** Items taken from one poll of one feed (newest first in the feed; default 100). */
  maxItemsPerPoll: number;
  /** Time zone whose calendar day is the reference when an item has no date (default UTC). */
  timezone: string;
  /** Analyzer version stored with each analysis. */
  analyzerVersion: string;
}

const DEFAULT_OPTIONS: PollerOptions = {
  concurrency: 4,
  fullTextConcurrency: 2,
  pollMinutes: 10,
  maxBackoffMinutes: 360,
  failThreshold: 3,
  maxItemsPerPoll: 100,
  timezone: 'UTC',
  analyzerVersion: '1',
};

/** What the poller is given. */
export interface FeedPollerDeps {
  store: Store;
  fetcher: Fetcher;
  clock?: PollClock;
  analyze?: Analyzer;
  grouper?: StoryGrouper;
  fetchFullArticle?: FetchFullArticle;
  /** Local files that may be read as feeds (the configured sample feed): never user-supplied paths. */
  localFeedPaths?: readonly string[];
  /** Called once when a feed reaches the failure threshold. */
  onFeedFailing?: (feed: FeedRecord, error: FeedFailure) => void | Promise<void>;
  /** Called when a flagged feed answers again. */
  onFeedRecovered?: (feed: FeedRecord) => void | Promise<void>;
  /** Logs (English, never secrets). */
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string, fields?: { feed: number }) => void;
  options?: Partial<PollerOptions>;
}

/** Why a poll failed, for logs and for chat admins. */
export interface FeedFailure {
  code: string;
  message: string;
  /** Arabic, safe to show. */
  userMessage: string;
}

/** What one feed's poll did. */
export interface FeedPollResult {
  feedId: number;
  url: string;
  status: 'ok' | 'not-modified' | 'failed' | 'skipped';
  items: number;
  /** New articles stored. */
  added: number;
  /** Known articles seen from a new outlet. */
  republished: number;
  /** New articles that joined an existing story. */
  joined: number;
  /** Items whose full article was fetched. */
  fullText: number;
  error?: FeedFailure;
  /** Failures in a row after this poll. */
  failures: number;
}

/** What one round over the due feeds did. */
export interface PollReport {
  feeds: FeedPollResult[];
  added: number;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const EXCERPT_CHARS = 400;
const ELLIPSIS = /(…|\.\.\.|\[…\]|\[\.\.\.\]|\(…\))\s*$/;

/** Whether an item's text looks like an excerpt of a longer article (short, or ends with an ellipsis). */
export function looksLikeExcerpt(text: string): boolean {
  const t = text.trim();
  return t.length < EXCERPT_CHARS || ELLIPSIS.test(t);
}

/** The backoff after `failures` failures in a row: pollMinutes × 2^(failures−1), capped. */
export function backoffMs(failures: number, pollMinutes: number, maxMinutes: number): number {
  if (failures <= 0) return 0;
  return Math.min(pollMinutes * 2 ** (failures - 1), maxMinutes) * 60_000;
}

/** The feed URL to store for a configured local file (a file: URL of its absolute path). */
export function localFeedUrl(path: string): string {
  return pathToFileURL(resolvePath(path)).toString();
}

/** The analyzer's reference day (and time) for an article: one rule for feeds and commands, in the core. */
export { referenceFor };

function failureOf(err: unknown): FeedFailure {
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

/** Polls feeds and ingests their items. */
export class FeedPoller {
  readonly options: PollerOptions;
  private readonly clock: PollClock;
  private readonly fullTextQueue: PQueue;
  private readonly localPaths: Set<string>;
  private readonly inFlight = new Set<number>();
  private readonly ingestQueue = new PQueue({ concurrency: 1 });
  /** Hash of each feed's last body: many servers ignore conditional requests, and an unchanged body needs no parse. */
  private readonly lastBody = new Map<number, string>();

  constructor(private readonly deps: FeedPollerDeps) {
    this.options = { ...DEFAULT_OPTIONS, ...deps.options };
    this.clock = deps.clock ?? systemPollClock;
    this.fullTextQueue = new PQueue({ concurrency: this.options.fullTextConcurrency });
    this.localPaths = new Set((deps.localFeedPaths ?? []).map((p) => resolvePath(p)));
  }

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  private log(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields?: { feed: number }): void {
    this.deps.log?.(level, message, fields);
  }

  /** Feeds that failed `failThreshold` times in a row or more (for /status and admins). */
  async failingFeeds(): Promise<FeedRecord[]> {
    return this.deps.store.failingFeeds(this.options.failThreshold);
  }

  /** Polls every feed that is due (next_try passed), a few at once; never throws. */
  async pollDue(): Promise<PollReport> {
    await this.finishUnassigned().catch((err: unknown) => this.log('error', `grouping left-over articles failed: ${err instanceof Error ? err.message : String(err)}`));
    const due = await this.deps.store.dueFeeds(this.nowIso());
    const queue = new PQueue({ concurrency: this.options.concurrency });
    const feeds = await Promise.all(due.map((f) => queue.add(() => this.pollFeed(f)) as Promise<FeedPollResult>));
    return { feeds, added: feeds.reduce((n, f) => n + f.added, 0) };
  }

  /** Polls one feed and ingests what is new; records success or failure; never throws. */
  async pollFeed(feed: FeedRecord): Promise<FeedPollResult> {
    const result: FeedPollResult = { feedId: feed.id, url: feed.url, status: 'ok', items: 0, added: 0, republished: 0, joined: 0, fullText: 0, failures: feed.failures };
    if (this.inFlight.has(feed.id)) return { ...result, status: 'skipped' };
    this.inFlight.add(feed.id);
    const started = this.nowIso();
    try {
      const res = await this.fetchFeed(feed);
      let title: string | undefined;
      const bodyHash = res.notModified ? undefined : createHash('sha1').update(res.text).digest('base64');
      if (res.notModified || bodyHash === this.lastBody.get(feed.id)) {
        result.status = 'not-modified';
      } else {
        const parsed = parseFeed(res.text, res.contentType);
        title = parsed.title || undefined;
        await this.ingest(feed, parsed, result, res.url.startsWith('file:'));
        if (bodyHash) this.lastBody.set(feed.id, bodyHash);
      }
      await this.deps.store.updateFeedPoll(feed.id, {
        ...(title && title !== feed.title ? { title } : {}),
        etag: res.etag ?? null,
        lastModified: res.lastModified ?? null,
        lastFetch: started,
        lastSuccess: this.nowIso(),
        failures: 0,
        nextTry: null,
        lastError: null,
        lastErrorMessage: null,
      });
      result.failures = 0;
      if (feed.failures >= this.options.failThreshold) {
        this.log('info', `feed ${feed.id} recovered`, { feed: feed.id });
        await this.notify(() => this.deps.onFeedRecovered?.(feed));
      }
    } catch (err) {
      const failure = failureOf(err);
      const failures = feed.failures + 1;
      const nextTry = new Date(this.clock.now().getTime() + backoffMs(failures, this.options.pollMinutes, this.options.maxBackoffMinutes));
      result.status = 'failed';
      result.error = failure;
      result.failures = failures;
      this.log('warn', `feed ${feed.id} failed (${failures} in a row): ${failure.message}`, { feed: feed.id });
      await this.deps.store.updateFeedPoll(feed.id, {
        lastFetch: started,
        failures,
        nextTry: nextTry.toISOString(),
        lastError: failure.message,
        lastErrorMessage: failure.userMessage,
      });
      if (failures === this.options.failThreshold) {
        const flagged = (await this.deps.store.getFeed(feed.id)) ?? feed;
        await this.notify(() => this.deps.onFeedFailing?.(flagged, failure));
      }
    } finally {
      this.inFlight.delete(feed.id);
    }
    return result;
  }

  /** Runs a callback of the host, whose errors must not break polling. */
  private async notify(fn: () => void | Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.log('error', `feed notification failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async fetchFeed(feed: FeedRecord): Promise<FetchResult> {
    if (feed.url.startsWith('file:')) return this.readLocal(feed.url);
    const opts: GetOptions = { accept: FEED_ACCEPT };
    if (feed.etag) opts.etag = feed.etag;
    if (feed.lastModified) opts.lastModified = feed.lastModified;
    if (this.options.maxBytes !== undefined) opts.maxBytes = this.options.maxBytes;
    if (this.options.timeoutMs !== undefined) opts.timeoutMs = this.options.timeoutMs;
    return this.deps.fetcher.get(feed.url, opts);
  }

  /** Reads a configured local feed file; any other file: URL is refused. */
  private async readLocal(url: string): Promise<FetchResult> {
    const path = resolvePath(fileURLToPath(url));
    if (!this.localPaths.has(path)) {
      throw new FeedError('local-path-not-allowed', `local feed not configured: ${url}`, 'لا يقرأ البوت ملفات محلية إلا الموجز المضبوط في الإعدادات.');
    }
    const info = await stat(path);
    const cap = this.options.maxBytes ?? 5_000_000;
    if (info.size > cap) throw new FeedError('not-a-feed', `local feed larger than ${cap} bytes`, 'الموجز المحلي أكبر من الحد المسموح.');
    const text = await readFile(path, 'utf8');
    const lastModified = info.mtime.toUTCString();
    return { url, status: 200, notModified: false, contentType: path.endsWith('.json') ? 'application/feed+json' : 'application/rss+xml', charset: 'utf-8', text, lastModified };
  }

  /** Stores a parsed feed's new items, oldest first (so stories form in order). */
  private async ingest(feed: FeedRecord, parsed: ParsedFeed, result: FeedPollResult, local: boolean): Promise<void> {
    const outlet = parsed.title || feed.title;
    // Oldest first, so a story takes its title from the first outlet that ran it: by date where the
    // feed gives one, else in reverse feed order (feeds list newest first).
    const items = parsed.items
      .slice(0, this.options.maxItemsPerPoll)
      .reverse()
      .map((item, i) => ({ item, i, t: item.published ? Date.parse(item.published) : NaN }))
      .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : a.t - b.t || a.i - b.i))
      .map((x) => x.item);
    result.items = items.length;
    const fresh: FeedItem[] = [];
    for (const item of items) {
      if (!(await this.deps.store.hasFeedItem(feed.id, item.guid, item.url))) fresh.push(item);
    }
    // Full texts are fetched concurrently (bounded); storing, analysis and grouping run one feed at a
    // time, so two feeds carrying the same event cannot both open a story for it.
    const texts = await Promise.all(fresh.map((item) => this.fullText(item, local, result)));
    await this.ingestQueue.add(() => this.storeItems(feed, outlet, fresh, texts, result));
  }

  /**
   * Stores a feed's new items: the new articles are analysed first (before anything is written),
   * then every item is stored, its analysis saved and its story assigned in one transaction, so a
   * crash or a full disk midway leaves no article outside a story (and its guid does not keep it
   * from being fetched again). One transaction per feed's batch is also what makes ingest fast.
   */
  private async storeItems(feed: FeedRecord, outlet: string | undefined, fresh: FeedItem[], texts: string[], result: FeedPollResult): Promise<void> {
    const store = this.deps.store;
    const seenAt = this.nowIso();
    const records: NewArticle[] = [];
    for (let i = 0; i < fresh.length; i++) {
      const item = fresh[i]!;
      const text = texts[i]!;
      if (!text.trim() && !item.title.trim()) continue;
      records.push({
        feedId: feed.id,
        ...(item.outlet || outlet ? { outlet: item.outlet || outlet } : {}),
        ...(item.guid ? { guid: item.guid } : {}),
        ...(item.url ? { url: item.url } : {}),
        title: item.title,
        text: text || item.title,
        ...(item.summary ? { summary: item.summary } : {}),
        ...(item.published ? { published: item.published } : {}),
        seenAt,
      });
    }
    const analyses = new Map<NewArticle, Analysis | undefined>();
    for (const record of records) {
      if (await store.isNewArticle(record)) analyses.set(record, await this.analyse(record));
    }
    try {
      await store.inTransaction(async () => {
        for (const record of records) {
          const stored = await store.upsertArticle(record);
          if (stored.status === 'new-source') result.republished++;
          if (stored.status !== 'new') continue;
          result.added++;
          // Nothing is awaited here but the store: an analysis in a worker thread would hold the
          // transaction open across I/O. (An article not new before the batch has none.)
          const analysis = analyses.get(record);
          if (await this.saveAndGroup(stored.article, analysis, seenAt)) result.joined++;
        }
      });
    } catch (err) {
      // Nothing of the batch was written: the story index may hold what was rolled back.
      result.added = result.joined = result.republished = 0;
      await this.deps.grouper?.rewarm(this.clock.now().getTime());
      throw err;
    }
  }

  /** The analysis of an article about to be stored; undefined without an analyzer or when it throws. */
  private async analyse(article: Pick<NewArticle, 'text' | 'title' | 'published'>): Promise<Analysis | undefined> {
    if (!this.deps.analyze) return undefined;
    try {
      return await this.deps.analyze({
        text: capArticleText(article.text),
        title: article.title,
        ...referenceFor(article.published, this.clock.now(), this.options.timezone),
      });
    } catch (err) {
      this.log('error', `analysis of "${article.title.slice(0, 60)}" failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  /** Saves a stored article's analysis and assigns its story; true when it joined one. */
  private async saveAndGroup(article: ArticleRecord, analysis: Analysis | undefined, now: string): Promise<boolean> {
    if (analysis) await this.deps.store.saveAnalysis(article.id, this.options.analyzerVersion, { ...analysis, id: String(article.id) }, now);
    if (!this.deps.grouper) return false;
    return (await this.deps.grouper.assign(article, analysis, now)).joined;
  }

  /**
   * Finishes articles that reached no story (stored by an older version that crashed between
   * storing and grouping): analysed if need be and grouped, a bounded number per round.
   */
  async finishUnassigned(limit = 200): Promise<number> {
    if (!this.deps.grouper) return 0;
    const store = this.deps.store;
    const left = await store.articlesWithoutStory(limit);
    for (const article of left) {
      const analysis = (await store.getAnalysis(article.id, this.options.analyzerVersion))?.analysis ?? (await this.analyse(article));
      await store.inTransaction(() => this.saveAndGroup(article, analysis, this.nowIso()));
    }
    if (left.length > 0) this.log('info', `${left.length} stored article(s) without a story grouped`);
    return left.length;
  }

  /** The item's text: its content, else its excerpt, replaced by the full article when that is only an excerpt. */
  private async fullText(item: FeedItem, local: boolean, result: FeedPollResult): Promise<string> {
    const own = item.content || item.summary;
    if (local || !item.url || !this.deps.fetchFullArticle || !looksLikeExcerpt(own)) return own;
    const fetchFull = this.deps.fetchFullArticle;
    const url = item.url;
    try {
      const page = await this.fullTextQueue.add(() => fetchFull(url));
      if (page && page.text.trim().length > own.trim().length) {
        result.fullText++;
        return page.text;
      }
    } catch (err) {
      this.log('debug', `full text of ${url} unavailable: ${err instanceof Error ? err.message : String(err)}`);
    }
    return own;
  }
}

/**
 * Polls due feeds now and then every `intervalMs` (default: pollMinutes) on the given clock, one
 * round at a time; returns a function that stops it (and resolves when the running round ends).
 */
export function startFeedPolling(poller: FeedPoller, opts: { clock?: PollClock; intervalMs?: number; onRound?: (r: PollReport) => void } = {}): () => Promise<void> {
  const clock = opts.clock ?? systemPollClock;
  const interval = opts.intervalMs ?? poller.options.pollMinutes * 60_000;
  let stopped = false;
  let timer: unknown;
  let running: Promise<void> = Promise.resolve();
  const round = (): void => {
    if (stopped) return;
    running = poller
      .pollDue()
      .then((r) => opts.onRound?.(r))
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) timer = clock.setTimeout(round, interval);
      });
  };
  round();
  return async () => {
    stopped = true;
    if (timer !== undefined) clock.clearTimeout(timer);
    await running;
  };
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

/** Adds the configured local sample feed to the store (once) and returns it, for a fresh install's first digest. */
export async function ensureLocalFeed(store: Store, path: string, now: string, title?: string): Promise<FeedRecord> {
  return store.addFeed(localFeedUrl(path), { now, ...(title ? { title } : {}) });
}
