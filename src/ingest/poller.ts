/**
 * The ingest path, in one place: fetch → store → analyse → group. Each due feed is read (sources/:
 * fetch and parse), its new items are found (the store's dedupe), given their full text where the
 * feed only has an excerpt, analysed (in the job pool, several at once, before anything is
 * written), then stored, their analyses saved and their stories assigned (stories/) in one
 * transaction per feed. Each feed is polled in isolation (a bounded number at once): one that
 * hangs, fails or lies never holds up the others. A failing feed backs off exponentially and,
 * after a few failures in a row, is reported once through `onFeedFailing` so the chat's admins can
 * be told.
 *
 * Several instances over one database poll each feed once per interval: a round claims its due
 * feeds with a lease in the store (owner + expiry, one interval long), so no other instance polls
 * them before the lease ends; a poller that is halted releases the feeds it claimed but did not
 * start, and a killed instance's leases run out.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import PQueue from 'p-queue';
import type { Analysis, ArticleInput } from '../core/types.ts';
import { referenceFor } from '../core/reference.ts';
import type { AnalysisToSave, ArticleRecord, FeedRecord, NewArticle, Store } from '../store/types.ts';
import { prepareAnalysis, storedAnalysisJson, type PreparedAnalysis } from '../store/stored-analysis.ts';
import type { StoryGrouper } from '../stories/grouper.ts';
import type { Fetcher } from '../sources/http.ts';
import { feedFailureOf, FeedReader, localFeedUrl, looksLikeExcerpt, type FeedFailure, type FeedItem, type FetchFullArticle } from '../sources/feeds.ts';
import { capArticleText } from '../sources/page.ts';
import { articleKeys } from '../store/keys.ts';
import { Slots } from './slots.ts';

export type { FeedFailure } from '../sources/feeds.ts';

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

/** The core analyzer (src/core/analyze.ts `analyze`), injected so tests need not depend on it. */
export type Analyzer = (input: ArticleInput) => Analysis | Promise<Analysis>;

/** The core analyzer giving the analysis as ingest stores it (the job pool's `prepare`, run in a worker thread). */
export type PreparingAnalyzer = (input: ArticleInput) => Promise<PreparedAnalysis>;

/** Tuning of the poller. */
export interface PollerOptions {
  /** Feeds read and analysed at once (default 4). */
  concurrency: number;
  /**
   * Feeds analysed and waiting for their turn to store, at most (default 4): while the main thread
   * stores one feed's batch, the next feeds are read and analysed, and this bounds what waits in memory.
   */
  storeBacklog: number;
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
  storeBacklog: 4,
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
  /** The analyzer in the form ingest stores (its JSON made where it ran); used instead of `analyze` when given. */
  prepare?: PreparingAnalyzer;
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
  /** This instance's name on the feed leases it takes (default: host, process id and a random part). */
  owner?: string;
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

/** The backoff after `failures` failures in a row: pollMinutes × 2^(failures−1), capped. */
export function backoffMs(failures: number, pollMinutes: number, maxMinutes: number): number {
  if (failures <= 0) return 0;
  return Math.min(pollMinutes * 2 ** (failures - 1), maxMinutes) * 60_000;
}

/** A feed's place in the order of storing, and when its batch is stored (or failed). */
interface Turn {
  turn: number;
  stored: Promise<void>;
}

/** A feed's new articles and their analyses, ready to store once `deferred` resolves. */
interface PreparedBatch {
  records: NewArticle[];
  analyses: Map<NewArticle, PreparedAnalysis | undefined>;
  /** The analyses of texts an earlier feed was analysing, where still needed. */
  deferred: Promise<void>;
}

/** An item's identity within its feed, for the poller's memory of what a feed already gave. */
function itemKey(item: FeedItem): string {
  return item.guid ? `g:${item.guid.trim()}` : `u:${item.url ?? ''}`;
}

/** A promise and the function that settles it (once; later calls do nothing). */
function settler(): { done: Promise<void>; settle: () => void } {
  let settle = (): void => undefined;
  const done = new Promise<void>((resolve) => (settle = resolve));
  return { done, settle };
}

/** Polls feeds and ingests their items: the orchestration of fetch → store → analyse → group. */
export class FeedPoller {
  readonly options: PollerOptions;
  private readonly clock: PollClock;
  private readonly reader: FeedReader;
  private readonly fullTextQueue: PQueue;
  /**
   * Feeds being read, until their new texts are claimed: a second poll of one of them meanwhile is
   * skipped. Once claimed, a feed's batch has its turn to store, and a next round's poll of it may
   * start (it stores after it, and what it shares with it is found stored by then).
   */
  private readonly reading = new Set<number>();
  /** Storing and grouping run one feed at a time, so two feeds carrying one event cannot both open a story for it. */
  private readonly ingestQueue = new PQueue({ concurrency: 1 });
  /** Turns taken in `ingestQueue`, counted, so a feed knows which feeds store before it. */
  private turns = 0;
  /**
   * Texts being analysed for a feed whose batch is not stored yet (content hash → that feed's turn
   * and its batch being stored): a later feed carrying the same text waits for that batch instead of
   * analysing the text a second time, and analyses it only if it is still new then.
   */
  private readonly pendingTexts = new Map<string, Turn>();
  /**
   * Resolves once the feed that took the last turn has claimed its texts in `pendingTexts`: a feed
   * claims after the feed before it, so of two feeds carrying one text the one that stores first
   * analyses it, however their reads interleave.
   */
  private lastClaimed: Promise<void> = Promise.resolve();
  /**
   * The items of each feed's last poll that are in the store: a feed repeats most of its items
   * from one poll to the next, and these need no look-up. Lost on restart (the store answers then).
   */
  private readonly known = new Map<number, Set<string>>();
  /**
   * Each feed's last batch taken to store, until it is stored: a next round's poll of the feed
   * looks up its items only after that, so it finds what the one before stored as stored.
   */
  private readonly storing = new Map<number, Promise<void>>();
  /** The name on this poller's feed leases. */
  readonly owner: string;
  /** Set by {@link halt}: claimed feeds not yet started are released, not polled. */
  private halted = false;

  constructor(private readonly deps: FeedPollerDeps) {
    this.options = { ...DEFAULT_OPTIONS, ...deps.options };
    this.clock = deps.clock ?? systemPollClock;
    this.owner = deps.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.fullTextQueue = new PQueue({ concurrency: this.options.fullTextConcurrency });
    const { maxBytes, timeoutMs } = this.options;
    this.reader = new FeedReader(
      deps.fetcher,
      { maxItems: this.options.maxItemsPerPoll, ...(maxBytes !== undefined ? { maxBytes } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) },
      deps.localFeedPaths,
    );
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

  /**
   * Claims the feeds that are due (next_try passed) and leased to no one, for `leaseMs` (default:
   * the polling interval), and polls them, a few at once; never throws. Another instance over the
   * same store gets none of them before the lease ends. A feed holds one of `concurrency` slots
   * while it is read and analysed, and gives it back before it waits for its turn to store, so the
   * job pool keeps getting the next feeds' texts; at most `concurrency + storeBacklog` feeds are
   * in progress at once.
   */
  async pollDue(opts: { leaseMs?: number; onRead?: () => void } = {}): Promise<PollReport> {
    await this.finishUnassigned().catch((err: unknown) => this.log('error', `grouping left-over articles failed: ${err instanceof Error ? err.message : String(err)}`));
    if (this.halted) return { feeds: [], added: 0 };
    const leaseMs = opts.leaseMs ?? this.options.pollMinutes * 60_000;
    const now = this.clock.now();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const due = await this.deps.store.claimDueFeeds(now.toISOString(), { owner: this.owner, until });
    const queue = new PQueue({ concurrency: this.options.concurrency + this.options.storeBacklog });
    const reading = new Slots(this.options.concurrency);
    const unstarted: number[] = [];
    const read = due.map(() => settler());
    // Feeds take their turns to store in the order they were claimed (by id), however their reads
    // interleave: the same feeds give the same article and story ids run after run, on SQLite and
    // on PostgreSQL alike. A feed waits for the one before it to be read, not stored.
    const turns = due.map(() => settler());
    // A macrotask: whatever the caller starts then runs outside any batch's open transaction.
    if (opts.onRead) void Promise.all(read.map((r) => r.done)).then(() => setImmediate(opts.onRead!));
    const feeds = await Promise.all(
      due.map(
        (f, i) =>
          queue.add(async () => {
            const release = await reading.take();
            try {
              const turn = { after: i > 0 ? turns[i - 1]!.done : Promise.resolve(), taken: turns[i]!.settle };
              if (!this.halted && (await this.renewLease(f.id, leaseMs))) return await this.pollFeed(f, release, read[i]!.settle, turn);
            } finally {
              turns[i]!.settle();
              read[i]!.settle();
            }
            release();
            if (this.halted) unstarted.push(f.id);
            return { feedId: f.id, url: f.url, status: 'skipped', items: 0, added: 0, republished: 0, joined: 0, fullText: 0, failures: f.failures } satisfies FeedPollResult;
          }) as Promise<FeedPollResult>,
      ),
    );
    if (unstarted.length > 0) {
      await this.deps.store.releaseFeeds(this.owner, unstarted).catch((err: unknown) => this.log('warn', `releasing feed leases failed: ${err instanceof Error ? err.message : String(err)}`));
    }
    return { feeds, added: feeds.reduce((n, f) => n + f.added, 0) };
  }

  /**
   * A feed's lease runs from the moment its fetch starts: a fetch that waited in this round's queue
   * (or on a busy machine) would otherwise land just before another instance's poll of the next
   * interval. False when the lease already ran out: another instance may be polling the feed.
   */
  private async renewLease(feedId: number, leaseMs: number): Promise<boolean> {
    const now = this.clock.now();
    try {
      return await this.deps.store.renewFeedLease(feedId, { owner: this.owner, now: now.toISOString(), until: new Date(now.getTime() + leaseMs).toISOString() });
    } catch (err: unknown) {
      this.log('warn', `renewing the lease of feed ${feedId} failed: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  /** Stops taking feeds: the feeds of the running round not yet started are released to the other instances. */
  halt(): void {
    this.halted = true;
  }

  /**
   * Polls one feed and ingests what is new; records success or failure; never throws.
   * `releaseSlot` is called once the feed's new texts are analysed (or it failed before that);
   * `onClaimed` once they are claimed, the feed's turn to store taken (or it ended before that).
   * `turn`: the feed takes its turn to store once `after` resolves, and calls `taken` then.
   */
  async pollFeed(
    feed: FeedRecord,
    releaseSlot: () => void = () => undefined,
    onClaimed: () => void = () => undefined,
    turn: { after: Promise<void>; taken: () => void } = { after: Promise.resolve(), taken: () => undefined },
  ): Promise<FeedPollResult> {
    const result: FeedPollResult = { feedId: feed.id, url: feed.url, status: 'ok', items: 0, added: 0, republished: 0, joined: 0, fullText: 0, failures: feed.failures };
    if (this.reading.has(feed.id)) {
      releaseSlot();
      onClaimed();
      return { ...result, status: 'skipped' };
    }
    this.reading.add(feed.id);
    let claimed = false;
    const markClaimed = (): void => {
      if (claimed) return;
      claimed = true;
      this.reading.delete(feed.id);
      onClaimed();
    };
    const started = this.nowIso();
    try {
      // 1. fetch and parse (sources/)
      const read = await this.reader.read(feed);
      const title = read.status === 'ok' ? read.title : undefined;
      const recordSuccess = (): Promise<void> =>
        this.deps.store.updateFeedPoll(feed.id, {
          ...(title && title !== feed.title ? { title } : {}),
          etag: read.etag ?? null,
          lastModified: read.lastModified ?? null,
          lastFetch: started,
          lastSuccess: this.nowIso(),
          failures: 0,
          nextTry: null,
          lastError: null,
          lastErrorMessage: null,
        });
      if (read.status === 'not-modified') {
        result.status = 'not-modified';
        await recordSuccess();
      } else {
        result.items = read.items.length;
        // 2–4. find what is new, analyse it, store and group it; the poll is recorded with its items
        await turn.after;
        const ingested = this.ingest(feed, read.title ?? feed.title, read.items, read.local, started, result, recordSuccess, releaseSlot, markClaimed);
        turn.taken();
        await ingested;
        read.commit();
      }
      result.failures = 0;
      if (feed.failures >= this.options.failThreshold) {
        this.log('info', `feed ${feed.id} recovered`, { feed: feed.id });
        await this.notify(() => this.deps.onFeedRecovered?.(feed));
      }
    } catch (err) {
      const failure = feedFailureOf(err);
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
      releaseSlot();
      markClaimed();
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

  /**
   * Ingests a feed's items (oldest first): the new ones are completed and analysed, then stored and
   * grouped. The feed takes its turn to store as soon as it is read, so feeds are stored in the
   * order they were read however long each one's analyses take; once its own analyses are done it
   * gives back its slot (`releaseSlot`), so the next feed is read and analysed while it waits. A
   * text an earlier feed is analysing is not its own: waiting for that feed's batch to be stored
   * holds no slot, so the job pool keeps getting the next feeds' texts.
   */
  private async ingest(
    feed: FeedRecord,
    outlet: string | undefined,
    items: FeedItem[],
    local: boolean,
    seenAt: string,
    result: FeedPollResult,
    recordPoll: () => Promise<void>,
    releaseSlot: () => void,
    onClaimed: () => void,
  ): Promise<void> {
    let markStored = (): void => undefined;
    let lastClaimed = (): void => undefined;
    const turn: Turn = { turn: ++this.turns, stored: new Promise<void>((resolve) => (markStored = resolve)) };
    const earlierClaimed = this.lastClaimed;
    this.lastClaimed = new Promise<void>((resolve) => (lastClaimed = resolve));
    const markClaimed = (): void => {
      lastClaimed();
      onClaimed();
    };
    const before = this.storing.get(feed.id) ?? Promise.resolve();
    this.storing.set(feed.id, turn.stored);
    void turn.stored.then(() => this.storing.get(feed.id) === turn.stored && this.storing.delete(feed.id));
    const prepared = before.then(() => this.prepare(feed, outlet, items, local, seenAt, result, turn, earlierClaimed, markClaimed));
    // A feed that failed before claiming keeps no later feed waiting. Its failure is handled when
    // its turn comes (the catch only keeps it meanwhile from counting as unhandled); a failed
    // preparation fails this feed only, and the queue goes on with the next.
    prepared.then(markClaimed, markClaimed);
    try {
      const stored = this.ingestQueue.add(async () => {
        const batch = await prepared;
        await batch.deferred;
        return this.storeItems(batch.records, batch.analyses, result, recordPoll);
      });
      stored.catch(() => undefined);
      await prepared.then(releaseSlot, releaseSlot);
      await stored;
    } finally {
      markStored();
    }
    this.known.set(feed.id, new Set(items.map(itemKey)));
  }

  /**
   * A feed's new articles and their analyses, made before anything is written. Resolves once its
   * own analyses are done; `deferred` once those of texts an earlier feed was analysing are settled
   * too (after that feed's batch is stored, most often to find the text stored and need none).
   */
  private async prepare(
    feed: FeedRecord,
    outlet: string | undefined,
    items: FeedItem[],
    local: boolean,
    seenAt: string,
    result: FeedPollResult,
    turn: Turn,
    earlierClaimed: Promise<void>,
    markClaimed: () => void,
  ): Promise<PreparedBatch> {
    const known = this.known.get(feed.id);
    const fresh: FeedItem[] = [];
    for (const item of items) {
      if (known?.has(itemKey(item))) continue;
      if (!(await this.deps.store.hasFeedItem(feed.id, item.guid, item.url))) fresh.push(item);
    }
    // Full texts are fetched concurrently (bounded over all feeds).
    const texts = await Promise.all(fresh.map((item) => this.fullText(item, local, result)));
    const records = this.recordsOf(feed, outlet, fresh, texts, seenAt);
    // All of the feed's new articles are analysed at once (the job pool runs them on its threads);
    // an article that is a copy of a stored one needs none.
    const analyses = new Map<NewArticle, PreparedAnalysis | undefined>();
    // The store is asked after the texts are claimed: a feed that stored one of them before the claim
    // is then seen by the store (on PostgreSQL, by a query that starts after its commit).
    await earlierClaimed;
    const claims = records.map((r) => this.claim(r, turn));
    markClaimed();
    const own: Promise<unknown>[] = [];
    const deferred: Promise<unknown>[] = [];
    const stillNew = async (r: NewArticle): Promise<unknown> => (await this.deps.store.isNewArticle(r)) && analyses.set(r, await this.analyse(r));
    for (const [i, r] of records.entries()) {
      const claim = claims[i]!;
      if (claim === 'own') own.push(stillNew(r));
      else if (claim !== 'copy') deferred.push(claim.then(() => stillNew(r)));
    }
    await Promise.all(own);
    return { records, analyses, deferred: Promise.all(deferred).then(() => undefined) };
  }

  /**
   * Claims a new article's text for this feed's turn until its batch is stored ('own': this feed
   * analyses it). A text claimed already by this feed's batch needs no second analysis ('copy': the
   * first copy is stored before it); one claimed by a feed storing earlier gives that feed's stored
   * promise (the text is then most often stored by it, and this one's analysis would be dropped).
   */
  private claim(record: NewArticle, turn: Turn): 'own' | 'copy' | Promise<void> {
    const hash = articleKeys(record).hash;
    const earlier = this.pendingTexts.get(hash);
    if (earlier === turn) return 'copy';
    if (earlier && earlier.turn < turn.turn) return earlier.stored;
    if (!earlier) {
      this.pendingTexts.set(hash, turn);
      void turn.stored.then(() => this.pendingTexts.get(hash) === turn && this.pendingTexts.delete(hash));
    }
    return 'own';
  }

  /**
   * The articles to store for a feed's new items (an item with neither text nor title is left out).
   * They are first seen when the poll started (`seenAt`), not when their texts came in: a clock read
   * here would depend on how long the feed's full texts took, and so would the stories they open.
   */
  private recordsOf(feed: FeedRecord, outlet: string | undefined, fresh: FeedItem[], texts: string[], seenAt: string): NewArticle[] {
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
    return records;
  }

  /**
   * Stores a feed's new articles: every item is stored, its analysis saved and its story assigned
   * in one transaction, so a crash or a full disk midway leaves no article outside a story (and
   * its guid does not keep it from being fetched again). The feed's poll is recorded (`recordPoll`)
   * in the same transaction: one commit per feed's batch is what makes ingest fast, on PostgreSQL
   * above all (each commit waits for the disk). A feed with nothing new records its poll alone.
   */
  private async storeItems(records: NewArticle[], analyses: Map<NewArticle, PreparedAnalysis | undefined>, result: FeedPollResult, recordPoll: () => Promise<void>): Promise<void> {
    const store = this.deps.store;
    if (records.length === 0) return recordPoll();
    try {
      await store.inTransaction(async () => {
        // The analyses are saved together after the loop (one statement on PostgreSQL).
        const analysed: AnalysisToSave[] = [];
        // The rows are written together (a few statements for the batch on PostgreSQL), then grouped one by one.
        const upserted = await store.upsertArticles(records);
        for (const [i, record] of records.entries()) {
          const stored = upserted[i]!;
          if (stored.status === 'new-source') result.republished++;
          if (stored.status !== 'new') continue;
          result.added++;
          // Nothing is awaited here but the store: an analysis in a worker thread would hold the
          // transaction open across I/O. An article another feed stored since it was checked has
          // none (and is not new here).
          const analysis = analyses.get(record);
          if (analysis) analysed.push({ articleId: stored.article.id, json: storedAnalysisJson(analysis, stored.article.id), now: record.seenAt });
          if (await this.group(stored.article, analysis, record.seenAt, true)) result.joined++;
        }
        await store.saveAnalyses(this.options.analyzerVersion, analysed);
        await recordPoll();
      });
    } catch (err) {
      // Nothing of the batch was written: the story index may hold what was rolled back.
      result.added = result.joined = result.republished = 0;
      await this.deps.grouper?.rewarm(this.clock.now().getTime());
      throw err;
    }
  }

  /** The analysis of an article about to be stored; undefined without an analyzer or when it throws. */
  private async analyse(article: Pick<NewArticle, 'text' | 'title' | 'published'>): Promise<PreparedAnalysis | undefined> {
    const { analyze, prepare } = this.deps;
    const input: ArticleInput = {
      text: capArticleText(article.text),
      title: article.title,
      ...referenceFor(article.published, this.clock.now(), this.options.timezone),
    };
    try {
      if (prepare) return await prepare(input);
      return analyze && prepareAnalysis(await analyze(input));
    } catch (err) {
      this.log('error', `analysis of "${article.title.slice(0, 60)}" failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  /** Saves a stored article's analysis and assigns its story; true when it joined one. */
  private async saveAndGroup(article: ArticleRecord, analysis: PreparedAnalysis | undefined, now: string): Promise<boolean> {
    if (analysis) await this.deps.store.saveAnalyses(this.options.analyzerVersion, [{ articleId: article.id, json: storedAnalysisJson(analysis, article.id), now }]);
    return this.group(article, analysis, now);
  }

  /** Assigns a stored article's story (`justStored`: stored in this transaction, so in none); true when it joined one. */
  private async group(article: ArticleRecord, analysis: PreparedAnalysis | undefined, now: string, justStored = false): Promise<boolean> {
    if (!this.deps.grouper) return false;
    return (await this.deps.grouper.assign(article, analysis?.outline, now, justStored)).joined;
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
      const saved = (await store.getAnalysis(article.id, this.options.analyzerVersion))?.analysis;
      const analysis = saved ? prepareAnalysis(saved) : await this.analyse(article);
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
      .pollDue({ leaseMs: interval })
      .then((r) => opts.onRound?.(r))
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) timer = clock.setTimeout(round, interval);
      });
  };
  round();
  return async () => {
    stopped = true;
    poller.halt();
    if (timer !== undefined) clock.clearTimeout(timer);
    await running;
  };
}

/** Adds the configured local sample feed to the store (once) and returns it, for a fresh install's first digest. */
export async function ensureLocalFeed(store: Store, path: string, now: string, title?: string): Promise<FeedRecord> {
  return store.addFeed(localFeedUrl(path), { now, ...(title ? { title } : {}) });
}
