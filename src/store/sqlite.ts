/**
 * The SQLite store (better-sqlite3): WAL mode, a busy timeout so two processes can share the file,
 * foreign keys on, versioned migrations applied at open. Calls are synchronous underneath; the
 * interface is async so a server database can take its place.
 */
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Analysis } from '../core/types.ts';
import { articleKeys, canonicalUrl, isArticleUrl, urlTwins } from './keys.ts';
import { migrate } from './migrate.ts';
import { migrations as allMigrations, type Migration } from './migrations/index.ts';
import {
  analysisFrom,
  analysisJsonOf,
  articleFrom,
  digestFrom,
  digestItemOf,
  feedFrom,
  filterFrom,
  forumPostCutoff,
  buttonActionCutoff,
  forumPostFrom,
  mergedForumPostFrom,
  mergedForumPostsSql,
  groupingFrom,
  isFullerText,
  KNOWN_ARTICLE_COLUMNS,
  knownArticleFrom,
  outletOf,
  POLL_COLUMNS,
  sourceFrom,
  str,
  subscriptionFrom,
  summaryFrom,
  type Row,
} from './rows.ts';
import type {
  AnalysisRecord,
  AnalysisToSave,
  ArticleRecord,
  ArticleSource,
  DigestItem,
  DigestRecord,
  FeedPollUpdate,
  FeedRecord,
  FilterRecord,
  ForumPost,
  GroupingArticle,
  MergedForumPost,
  NewArticle,
  Store,
  StoryQuery,
  StoredArticle,
  StoryRecord,
  StorySummary,
  Subscription,
  SubscriptionInput,
  UpsertResult,
  UpsertStatus,
} from './types.ts';

/** Options for {@link openStore}. */
export interface OpenStoreOptions {
  /** Migrations to apply (tests pass a prefix to build an old-version database). */
  migrations?: readonly Migration[];
  /** Time recorded for applied migrations. */
  now?: () => string;
}

const DB_FILE = 'mojaz.sqlite';

/** The database file inside a data directory, creating the directory if missing. */
export function storePath(dataDir: string): string {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  return join(dir, DB_FILE);
}

/** Opens (creating and migrating if needed) the SQLite store at `path`, or an in-memory one for ':memory:'. */
export function openStore(path: string, options: OpenStoreOptions = {}): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  const now = options.now ?? (() => new Date().toISOString());
  migrate(db, options.migrations ?? allMigrations, now());
  return new SqliteStore(db, now);
}

const STORY_SUMMARY_SQL = `
  SELECT s.id, s.title, s.first_seen, s.last_seen,
    (SELECT COUNT(*) FROM story_articles sa WHERE sa.story_id = s.id) AS article_count,
    (SELECT COUNT(DISTINCT COALESCE(src.outlet, 'feed:' || src.feed_id, src.url))
       FROM story_articles sa JOIN article_sources src ON src.article_id = sa.article_id
       WHERE sa.story_id = s.id) AS source_count,
    (SELECT GROUP_CONCAT(src.feed_id)
       FROM story_articles sa JOIN article_sources src ON src.article_id = sa.article_id
       WHERE sa.story_id = s.id AND src.feed_id IS NOT NULL) AS feed_ids
  FROM stories s`;

/** The story a story id names now: itself, or the story it was merged into (mergeStories keeps merged_into one step deep). */
const SURVIVOR_SQL = '(SELECT COALESCE(merged_into, id) FROM stories WHERE id = ?)';

/** The record of an article just inserted, as reading its row back would give it (articleFrom). */
export function insertedArticle(id: number, a: NewArticle, canon: string | undefined, hash: string): ArticleRecord {
  const article: ArticleRecord = { id, title: a.title, text: a.text, firstSeen: a.seenAt, contentHash: hash };
  if (canon !== undefined) article.url = canon;
  if (a.summary !== undefined) article.summary = a.summary;
  if (a.published !== undefined) article.published = a.published;
  return article;
}

/** The transaction {@link SqliteStore.inTransaction} holds open: who opened it, and when it ends. */
interface OpenTransaction {
  owner: object;
  ended: Promise<void>;
}

/** The SQLite implementation of {@link Store}. */
export class SqliteStore implements Store {
  private readonly cache = new Map<string, Database.Statement>();
  /**
   * The transaction open across awaits, if any. One connection has one transaction, so whatever
   * runs meanwhile would write into it (and be rolled back with it): a write that belongs to no
   * transaction, or a transaction of its own, made from outside its work waits for its end.
   */
  private open: OpenTransaction | undefined;
  /** The owner of the transaction whose work is running (carried through its awaits). */
  private readonly owner = new AsyncLocalStorage<object>();

  /** `now` stamps what the interface gives no time for (chat memory updates). */
  constructor(
    readonly db: Database.Database,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  private st(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  private get(sql: string, ...params: unknown[]): Row | undefined {
    return this.st(sql).get(...params) as Row | undefined;
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.st(sql).all(...params) as Row[];
  }

  private run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.st(sql).run(...params);
  }

  // ───────── feeds ─────────

  async addFeed(url: string, opts: { title?: string; addedBy?: string; now: string }): Promise<FeedRecord> {
    return this.db.transaction(() => {
      this.run(
        'INSERT INTO feeds (url, title, added_by, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO NOTHING',
        url,
        opts.title ?? null,
        opts.addedBy ?? null,
        opts.now,
      );
      const feed = feedFrom(this.get('SELECT * FROM feeds WHERE url = ?', url)!);
      if (opts.addedBy) {
        this.run('INSERT OR IGNORE INTO chat_feeds (chat_id, feed_id, created_at) VALUES (?, ?, ?)', opts.addedBy, feed.id, opts.now);
      }
      return feed;
    })();
  }

  async getFeed(idOrUrl: number | string): Promise<FeedRecord | undefined> {
    const r =
      typeof idOrUrl === 'number'
        ? this.get('SELECT * FROM feeds WHERE id = ?', idOrUrl)
        : this.get('SELECT * FROM feeds WHERE url = ?', idOrUrl);
    return r ? feedFrom(r) : undefined;
  }

  async listFeeds(): Promise<FeedRecord[]> {
    return this.all('SELECT * FROM feeds ORDER BY id').map(feedFrom);
  }

  async dueFeeds(now: string): Promise<FeedRecord[]> {
    return this.all('SELECT * FROM feeds WHERE next_try IS NULL OR next_try <= ? ORDER BY id', now).map(feedFrom);
  }

  async claimDueFeeds(now: string, lease: { owner: string; until: string }): Promise<FeedRecord[]> {
    // One statement: SQLite takes the write lock for it, so two instances never claim one feed.
    return this.all(
      `UPDATE feeds SET lease_owner = ?, lease_until = ?
        WHERE (next_try IS NULL OR next_try <= ?) AND (lease_until IS NULL OR lease_until <= ?)
        RETURNING *`,
      lease.owner,
      lease.until,
      now,
      now,
    )
      .map(feedFrom)
      .sort((a, b) => a.id - b.id);
  }

  async renewFeedLease(feedId: number, lease: { owner: string; now: string; until: string }): Promise<boolean> {
    // Not held back by another feed's open batch (the feed's read waits for this): rolled back with
    // it, the lease keeps the end its claim gave it.
    return this.run('UPDATE feeds SET lease_until = ? WHERE id = ? AND lease_owner = ? AND lease_until > ?', lease.until, feedId, lease.owner, lease.now).changes > 0;
  }

  async releaseFeeds(owner: string, feedIds?: number[]): Promise<number> {
    if (feedIds?.length === 0) return 0;
    const only = feedIds ? ` AND id IN (${feedIds.map(() => '?').join(', ')})` : '';
    return this.outsideOthersTransaction(() => this.db.prepare(`UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?${only}`).run(owner, ...(feedIds ?? [])).changes);
  }

  async updateFeedPoll(feedId: number, u: FeedPollUpdate): Promise<void> {
    // A feed's poll is its own: never committed or rolled back with another feed's batch.
    return this.outsideOthersTransaction(() => this.writeFeedPoll(feedId, u));
  }

  private writeFeedPoll(feedId: number, u: FeedPollUpdate): void {
    const sets: string[] = ['last_fetch = ?', 'failures = ?'];
    const params: unknown[] = [u.lastFetch, u.failures];
    for (const [key, col] of POLL_COLUMNS) {
      if (u[key] !== undefined) {
        sets.push(`${col} = ?`);
        params.push(u[key]);
      }
    }
    this.run(`UPDATE feeds SET ${sets.join(', ')} WHERE id = ?`, ...params, feedId);
  }

  async failingFeeds(minFailures = 3): Promise<FeedRecord[]> {
    return this.all('SELECT * FROM feeds WHERE failures >= ? ORDER BY id', minFailures).map(feedFrom);
  }

  async removeFeed(feedId: number): Promise<void> {
    this.run('DELETE FROM feeds WHERE id = ?', feedId);
  }

  async chatFeeds(chatId: string): Promise<FeedRecord[]> {
    return this.all(
      'SELECT f.* FROM feeds f JOIN chat_feeds c ON c.feed_id = f.id WHERE c.chat_id = ? ORDER BY c.created_at, f.id',
      chatId,
    ).map(feedFrom);
  }

  async followFeed(chatId: string, feedId: number, now: string): Promise<void> {
    this.run('INSERT OR IGNORE INTO chat_feeds (chat_id, feed_id, created_at) VALUES (?, ?, ?)', chatId, feedId, now);
  }

  async unfollowFeed(chatId: string, feedId: number): Promise<boolean> {
    return this.run('DELETE FROM chat_feeds WHERE chat_id = ? AND feed_id = ?', chatId, feedId).changes > 0;
  }

  async feedFollowers(feedId: number): Promise<string[]> {
    return this.all('SELECT chat_id FROM chat_feeds WHERE feed_id = ? ORDER BY created_at', feedId).map((r) => String(r.chat_id));
  }

  // ───────── articles ─────────

  async upsertArticle(a: NewArticle): Promise<UpsertResult> {
    return this.db.transaction(() => this.upsertSync(a)).immediate();
  }

  async upsertArticles(articles: readonly NewArticle[]): Promise<UpsertResult[]> {
    return this.db.transaction(() => articles.map((a) => this.upsertSync(a))).immediate();
  }

  /** The stored article `a` is (same feed+guid, then same canonical URL, then same normalized content), if any. */
  private existing(a: NewArticle, canon: string | undefined, guid: string | undefined, hash: string): { articleId: number; byFeedGuid: boolean } | undefined {
    if (a.feedId !== undefined && guid) {
      const hit = this.get('SELECT article_id FROM article_sources WHERE feed_id = ? AND guid = ? LIMIT 1', a.feedId, guid);
      if (hit) return { articleId: Number(hit.article_id), byFeedGuid: true };
    }
    if (canon && isArticleUrl(canon)) {
      const hit = this.get('SELECT article_id FROM article_sources WHERE url IN (?, ?) LIMIT 1', ...urlTwins(canon));
      if (hit) return { articleId: Number(hit.article_id), byFeedGuid: false };
    }
    const hit = this.get('SELECT id FROM articles WHERE content_hash = ?', hash);
    return hit ? { articleId: Number(hit.id), byFeedGuid: false } : undefined;
  }

  async isNewArticle(a: NewArticle): Promise<boolean> {
    const { canon, guid, hash } = articleKeys(a);
    return this.existing(a, canon, guid, hash) === undefined;
  }

  async articlesWithoutStory(limit: number): Promise<ArticleRecord[]> {
    // Not while another caller's batch is open: its articles are stored before they are grouped.
    return this.outsideOthersTransaction(() => this.unassigned(limit));
  }

  private unassigned(limit: number): ArticleRecord[] {
    // Each story_articles row is one article's (article_id is unique and references articles), so
    // equal counts mean every article has its story: two small index counts instead of a walk over
    // every article's row, which the poller would pay at the start of each round.
    if (this.get('SELECT (SELECT COUNT(*) FROM articles) = (SELECT COUNT(*) FROM story_articles) AS done')!.done === 1) return [];
    return this.all(
      'SELECT a.* FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id) ORDER BY a.id LIMIT ?',
      limit,
    ).map(articleFrom);
  }

  async inTransaction<T>(work: () => Promise<T>): Promise<T> {
    // Nested: part of the transaction already open. The store's calls are synchronous underneath,
    // so awaiting them only runs microtasks; but another feed's poll may run in those, and waits.
    if (this.open && this.owner.getStore() === this.open.owner) return work();
    const open = await this.outsideOthersTransaction(() => this.begin());
    try {
      const out = await this.owner.run(open.owner, work);
      this.db.exec('COMMIT');
      return out;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    } finally {
      this.open = undefined;
      open.end();
    }
  }

  /** Opens the transaction of {@link inTransaction} (the write lock taken) and makes it the open one. */
  private begin(): { owner: object; end: () => void } {
    this.db.exec('BEGIN IMMEDIATE');
    const owner = {};
    let end = (): void => undefined;
    this.open = { owner, ended: new Promise<void>((resolve) => (end = resolve)) };
    return { owner, end };
  }

  /**
   * Runs `write` once no transaction opened by another caller is open (at once inside the open
   * one's work, or when none is): nothing runs between that check and the write.
   */
  private async outsideOthersTransaction<T>(write: () => T): Promise<T> {
    while (this.open && this.owner.getStore() !== this.open.owner) await this.open.ended;
    return write();
  }

  /** The dedupe rule: same feed+guid, then same canonical URL, then same normalized content. */
  private upsertSync(a: NewArticle): UpsertResult {
    const { canon, guid, hash } = articleKeys(a);
    const outlet = outletOf(a, canon);

    const match = this.existing(a, canon, guid, hash);
    if (match?.byFeedGuid) return this.known(match.articleId, a, hash, 'known');
    const articleId = match?.articleId;
    if (articleId !== undefined) {
      const sameOrigin =
        a.feedId !== undefined
          ? // One feed carrying items of several outlets (RSS <source>) counts each outlet apart.
            this.get('SELECT 1 FROM article_sources WHERE article_id = ? AND feed_id = ? AND (? IS NULL OR outlet = ?) LIMIT 1', articleId, a.feedId, a.outlet?.trim() || null, a.outlet?.trim() || null)
          : this.get('SELECT 1 FROM article_sources WHERE article_id = ? AND feed_id IS NULL AND (outlet = ? OR url = ?) LIMIT 1', articleId, outlet ?? null, canon ?? null);
      // Record the new guid/url even for the same origin, so the next poll recognizes it at once.
      this.addSource(articleId, a, guid, canon, outlet);
      if (!sameOrigin) this.run('UPDATE stories SET last_seen = MAX(last_seen, ?) WHERE id = (SELECT story_id FROM story_articles WHERE article_id = ?)', a.seenAt, articleId);
      return this.known(articleId, a, hash, sameOrigin ? 'known' : 'new-source');
    }
    const info = this.run(
      'INSERT INTO articles (url, title, text, summary, published, first_seen, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      canon ?? null,
      a.title,
      a.text,
      a.summary ?? null,
      a.published ?? null,
      a.seenAt,
      hash,
    );
    const id = Number(info.lastInsertRowid);
    this.addSource(id, a, guid, canon, outlet);
    return { article: insertedArticle(id, a, canon, hash), status: 'new' };
  }

  private addSource(articleId: number, a: NewArticle, guid: string | undefined, canon: string | undefined, outlet: string | undefined): void {
    this.run(
      'INSERT INTO article_sources (article_id, feed_id, outlet, guid, url, title, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      articleId,
      a.feedId ?? null,
      outlet ?? null,
      guid ?? null,
      canon ?? null,
      a.title,
      a.seenAt,
    );
  }

  /**
   * A known article, read without its text (only the text's length is compared: in characters, which
   * differs from JavaScript's length only for characters outside the BMP); a longer text (the full
   * article after an excerpt) replaces the stored one.
   */
  private known(articleId: number, a: NewArticle, hash: string, status: Exclude<UpsertStatus, 'new'>): UpsertResult {
    const row = this.get(`SELECT ${KNOWN_ARTICLE_COLUMNS}, length(text) AS text_length FROM articles WHERE id = ?`, articleId)!;
    const stored = knownArticleFrom(row);
    if (isFullerText(a.text, Number(row.text_length)) && !this.get('SELECT 1 FROM articles WHERE content_hash = ?', hash)) {
      this.run('UPDATE articles SET text = ?, content_hash = ? WHERE id = ?', a.text, hash, articleId);
      stored.contentHash = hash;
    }
    return { article: stored, status };
  }

  async getArticle(id: number): Promise<ArticleRecord | undefined> {
    const r = this.get('SELECT * FROM articles WHERE id = ?', id);
    return r ? articleFrom(r) : undefined;
  }

  async getArticles(ids: number[]): Promise<ArticleRecord[]> {
    const out: ArticleRecord[] = [];
    for (const id of ids) {
      const r = this.get('SELECT * FROM articles WHERE id = ?', id);
      if (r) out.push(articleFrom(r));
    }
    return out;
  }

  async articleSources(articleId: number): Promise<ArticleSource[]> {
    return this.all('SELECT * FROM article_sources WHERE article_id = ? ORDER BY id', articleId).map(sourceFrom);
  }

  async hasFeedItem(feedId: number, guid: string | undefined, url: string | undefined): Promise<boolean> {
    const g = guid?.trim();
    if (g && this.get('SELECT 1 FROM article_sources WHERE feed_id = ? AND guid = ? LIMIT 1', feedId, g)) return true;
    const canon = canonicalUrl(url);
    // By the URL index (+feed_id keeps SQLite from walking all of the feed's rows by feed_id instead).
    if (canon && isArticleUrl(canon) && this.get('SELECT 1 FROM article_sources WHERE url IN (?, ?) AND +feed_id = ? LIMIT 1', ...urlTwins(canon), feedId)) return true;
    return false;
  }

  async countArticles(): Promise<number> {
    return Number(this.get('SELECT COUNT(*) AS n FROM articles')!.n);
  }

  // ───────── analyses ─────────

  async saveAnalysis(articleId: number, version: string, analysis: Analysis, now: string): Promise<void> {
    this.saveAnalysisJson(articleId, version, JSON.stringify(analysis), now);
  }

  private saveAnalysisJson(articleId: number, version: string, json: string, now: string): void {
    this.run(
      'INSERT INTO analyses (article_id, version, analysis, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(article_id, version) DO UPDATE SET analysis = excluded.analysis, created_at = excluded.created_at',
      articleId,
      version,
      json,
      now,
    );
  }

  async saveAnalyses(version: string, rows: readonly AnalysisToSave[]): Promise<void> {
    for (const r of rows) this.saveAnalysisJson(r.articleId, version, analysisJsonOf(r), r.now);
  }

  async getAnalysis(articleId: number, version?: string): Promise<AnalysisRecord | undefined> {
    const r =
      version === undefined
        ? this.get('SELECT * FROM analyses WHERE article_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1', articleId)
        : this.get('SELECT * FROM analyses WHERE article_id = ? AND version = ?', articleId, version);
    return r ? analysisFrom(r) : undefined;
  }

  // ───────── stories ─────────

  async createStory(articleId: number, title: string, seenAt: string): Promise<StoryRecord> {
    return this.db.transaction(() => {
      const id = Number(this.run('INSERT INTO stories (title, first_seen, last_seen) VALUES (?, ?, ?)', title, seenAt, seenAt).lastInsertRowid);
      this.run('INSERT INTO story_articles (story_id, article_id, score, joined_at) VALUES (?, ?, 1, ?)', id, articleId, seenAt);
      return { id, title, firstSeen: seenAt, lastSeen: seenAt };
    })();
  }

  async addToStory(storyId: number, articleId: number, score: number, seenAt: string): Promise<void> {
    this.db.transaction(() => {
      this.run('INSERT OR IGNORE INTO story_articles (story_id, article_id, score, joined_at) VALUES (?, ?, ?, ?)', storyId, articleId, score, seenAt);
      this.run('UPDATE stories SET last_seen = MAX(last_seen, ?) WHERE id = ?', seenAt, storyId);
    })();
  }

  async mergeStories(into: number, from: number, seenAt: string): Promise<void> {
    if (into === from) return;
    this.db.transaction(() => {
      this.run('UPDATE story_articles SET story_id = ? WHERE story_id = ?', into, from);
      this.run(
        `UPDATE stories SET first_seen = MIN(first_seen, (SELECT first_seen FROM stories WHERE id = ?)),
           last_seen = MAX(last_seen, (SELECT last_seen FROM stories WHERE id = ?), ?) WHERE id = ?`,
        from,
        from,
        seenAt,
        into,
      );
      this.run('UPDATE stories SET merged_into = ? WHERE id = ? OR merged_into = ?', into, from, from);
      this.run('INSERT OR IGNORE INTO digest_stories (chat_id, story_id, digest_id) SELECT chat_id, ?, digest_id FROM digest_stories WHERE story_id = ?', into, from);
    })();
  }

  async storyOf(articleId: number): Promise<number | undefined> {
    const r = this.get('SELECT story_id FROM story_articles WHERE article_id = ?', articleId);
    return r ? Number(r.story_id) : undefined;
  }

  async getStory(storyId: number): Promise<StorySummary | undefined> {
    const r = this.get(`${STORY_SUMMARY_SQL} WHERE s.id = ${SURVIVOR_SQL}`, storyId);
    return r ? summaryFrom(r) : undefined;
  }

  async listStories(q: StoryQuery = {}): Promise<StorySummary[]> {
    const where: string[] = ['s.merged_into IS NULL'];
    const params: unknown[] = [];
    if (q.since) {
      where.push('s.last_seen >= ?');
      params.push(q.since);
    }
    if (q.until) {
      where.push('s.last_seen < ?');
      params.push(q.until);
    }
    if (q.feedIds) {
      if (q.feedIds.length === 0) return [];
      where.push(
        `EXISTS (SELECT 1 FROM story_articles sa JOIN article_sources src ON src.article_id = sa.article_id
                 WHERE sa.story_id = s.id AND src.feed_id IN (${q.feedIds.map(() => '?').join(',')}))`,
      );
      params.push(...q.feedIds);
    }
    const sql = `${STORY_SUMMARY_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.last_seen DESC, s.id DESC LIMIT ?`;
    return this.db.prepare(sql).all(...params, q.limit ?? 50).map((r) => summaryFrom(r as Row));
  }

  async storyArticleIds(storyId: number): Promise<number[]> {
    return this.all(`SELECT article_id FROM story_articles WHERE story_id = ${SURVIVOR_SQL} ORDER BY joined_at, article_id`, storyId).map((r) =>
      Number(r.article_id),
    );
  }

  async articlesSince(since: string): Promise<GroupingArticle[]> {
    return this.all(
      `SELECT a.id, a.title, a.text, a.published, a.first_seen, sa.story_id
       FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
       WHERE a.first_seen >= ? ORDER BY a.first_seen, a.id`,
      since,
    ).map(groupingFrom);
  }

  async countStories(): Promise<number> {
    return Number(this.get('SELECT COUNT(*) AS n FROM stories WHERE merged_into IS NULL')!.n);
  }

  // ───────── subscriptions and filters ─────────

  async upsertSubscription(s: SubscriptionInput, now: string): Promise<Subscription> {
    this.run(
      `INSERT INTO subscriptions (chat_id, platform, times, timezone, top_n, active, options, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(chat_id) DO UPDATE SET platform = excluded.platform, times = excluded.times,
         timezone = excluded.timezone, top_n = excluded.top_n, active = excluded.active, options = excluded.options`,
      s.chatId,
      s.platform,
      JSON.stringify(s.times),
      s.timezone,
      s.topN,
      s.active === false ? 0 : 1,
      JSON.stringify(s.options ?? {}),
      now,
    );
    return subscriptionFrom(this.get('SELECT * FROM subscriptions WHERE chat_id = ?', s.chatId)!);
  }

  async getSubscription(chatId: string): Promise<Subscription | undefined> {
    const r = this.get('SELECT * FROM subscriptions WHERE chat_id = ?', chatId);
    return r ? subscriptionFrom(r) : undefined;
  }

  async listSubscriptions(opts: { all?: boolean } = {}): Promise<Subscription[]> {
    const rows = opts.all ? this.all('SELECT * FROM subscriptions ORDER BY id') : this.all('SELECT * FROM subscriptions WHERE active = 1 ORDER BY id');
    return rows.map(subscriptionFrom);
  }

  async removeSubscription(chatId: string): Promise<boolean> {
    return this.run('DELETE FROM subscriptions WHERE chat_id = ?', chatId).changes > 0;
  }

  async addFilter(chatId: string, mode: 'include' | 'exclude', pattern: string, now: string): Promise<FilterRecord> {
    const id = Number(this.run('INSERT INTO filters (chat_id, mode, pattern, created_at) VALUES (?, ?, ?, ?)', chatId, mode, pattern, now).lastInsertRowid);
    return { id, chatId, mode, pattern, createdAt: now };
  }

  async listFilters(chatId: string): Promise<FilterRecord[]> {
    return this.all('SELECT * FROM filters WHERE chat_id = ? ORDER BY id', chatId).map(filterFrom);
  }

  async removeFilter(chatId: string, filterId: number): Promise<boolean> {
    return this.run('DELETE FROM filters WHERE chat_id = ? AND id = ?', chatId, filterId).changes > 0;
  }

  async clearFilters(chatId: string): Promise<number> {
    return this.run('DELETE FROM filters WHERE chat_id = ?', chatId).changes;
  }

  // ───────── digests (delivery ledger: digest-ledger.ts) ─────────

  async recordDigest(chatId: string, items: DigestItem[], now: string): Promise<DigestRecord> {
    const id = Number(this.run('INSERT INTO digests (chat_id, created_at, items) VALUES (?, ?, ?)', chatId, now, JSON.stringify(items)).lastInsertRowid);
    return { id, chatId, createdAt: now, items };
  }

  async lastDigest(chatId: string): Promise<DigestRecord | undefined> {
    const r = this.get('SELECT * FROM digests WHERE chat_id = ? ORDER BY id DESC LIMIT 1', chatId);
    return r ? digestFrom(r) : undefined;
  }

  // ───────── forum posts ─────────

  async forumPost(chatId: string, key: string): Promise<ForumPost | undefined> {
    const r = this.get('SELECT thread_id, complete FROM forum_posts WHERE chat_id = ? AND post_key = ?', chatId, key);
    return r ? forumPostFrom(r) : undefined;
  }

  async recordForumPost(chatId: string, key: string, post: ForumPost, now: string): Promise<void> {
    this.run(
      `INSERT INTO forum_posts (chat_id, post_key, thread_id, complete, created_at, story_id) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(chat_id, post_key) DO UPDATE SET thread_id = excluded.thread_id, complete = excluded.complete,
         story_id = COALESCE(forum_posts.story_id, excluded.story_id)`,
      chatId,
      key,
      post.thread,
      post.complete ? 1 : 0,
      now,
      post.storyId ?? null,
    );
    this.run('DELETE FROM forum_posts WHERE chat_id = ? AND created_at < ?', chatId, forumPostCutoff(now));
  }

  async mergedForumPosts(limit: number): Promise<MergedForumPost[]> {
    return this.all(mergedForumPostsSql('?', '1'), limit).map(mergedForumPostFrom);
  }

  async moveForumPost(chatId: string, key: string, from: number, to: number | undefined): Promise<boolean> {
    return this.run('UPDATE forum_posts SET story_id = ? WHERE chat_id = ? AND post_key = ? AND story_id = ?', to ?? null, chatId, key, from).changes === 1;
  }

  // ───────── long button actions ─────────

  async buttonAction(key: string): Promise<string | undefined> {
    return str(this.get('SELECT action FROM button_actions WHERE action_key = ?', key)?.action);
  }

  async saveButtonAction(key: string, action: string, now: string): Promise<void> {
    this.run(
      `INSERT INTO button_actions (action_key, action, handed_at) VALUES (?, ?, ?)
       ON CONFLICT(action_key) DO UPDATE SET handed_at = excluded.handed_at`,
      key,
      action,
      now,
    );
    this.run('DELETE FROM button_actions WHERE handed_at < ?', buttonActionCutoff(now));
  }

  // ───────── chat memory ─────────

  async rememberArticle(chatId: string, article: StoredArticle): Promise<void> {
    this.run(
      `INSERT INTO chat_memory (chat_id, last_article, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(chat_id) DO UPDATE SET last_article = excluded.last_article, updated_at = excluded.updated_at`,
      chatId,
      JSON.stringify(article),
      this.now(),
    );
  }

  async lastArticle(chatId: string): Promise<StoredArticle | undefined> {
    const r = this.get('SELECT last_article FROM chat_memory WHERE chat_id = ?', chatId);
    return r && r.last_article ? (JSON.parse(String(r.last_article)) as StoredArticle) : undefined;
  }

  async digestItem(chatId: string, n: number): Promise<StoredArticle[] | undefined> {
    const firstOutlet = async (id: number) => str(this.get('SELECT outlet FROM article_sources WHERE article_id = ? ORDER BY id LIMIT 1', id)?.outlet);
    return digestItemOf(this, firstOutlet, chatId, n);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
