/**
 * The PostgreSQL store (node-postgres): the server database for a deployment past one process
 * (MOJAZ_DATABASE_URL=postgres://…). Same interface and the same rules as ./sqlite.ts, the same
 * tables (./postgres-migrations.ts), migrations applied at open.
 *
 * Transactions: SQLite's writers take one write lock (BEGIN IMMEDIATE); here every writing
 * transaction of the store takes one advisory lock, so the dedupe rule (look, then insert) holds
 * across instances exactly as it does across processes on one SQLite file, and two transactions
 * never wait on each other's rows in opposite orders. A call made inside {@link inTransaction}'s
 * work runs on that transaction's connection (carried by AsyncLocalStorage); any other call takes
 * a connection of the pool.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Analysis } from '../core/types.ts';
import { articleKeys, canonicalUrl, isArticleUrl, urlTwins, type ArticleKeys } from './keys.ts';
import { pgMigrations, type PgMigration } from './postgres-migrations.ts';
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

/**
 * Prepared statements' names by their text, one name per text for the whole process: node-postgres
 * prepares a named statement on a connection the first time it runs there and refuses one name
 * for two texts. The store's texts are a fixed set (the few built from parts have a few shapes).
 */
const statementNames = new Map<string, string>();

function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) statementNames.set(sql, (name = `mojaz_${statementNames.size + 1}`));
  return name;
}

/** Advisory lock keys (first int: mojaz's namespace; second: what is locked). */
const LOCK_SPACE = 0x6d6f6a;
const LOCK = { writes: 1, migrations: 2 } as const;

/** Options for {@link openPostgresStore}. */
export interface OpenPostgresOptions {
  /** Migrations to apply (tests pass a prefix to build an old-version database). */
  migrations?: readonly PgMigration[];
  /** Time recorded for applied migrations and chat memory updates. */
  now?: () => string;
  /** Most connections this instance holds (default 10). */
  maxConnections?: number;
  /** Told when an idle connection breaks (the server restarted): the pool replaces it. */
  onError?(message: string): void;
}

/** The URL without its password, for messages and logs: postgres://user@host:port/db. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'an unparsable PostgreSQL URL';
  }
}

/**
 * Connects to the database at `url`, applies pending migrations and returns the store. A server
 * that cannot be reached, or refuses the login, throws with the URL (password left out) and why.
 */
export async function openPostgresStore(url: string, options: OpenPostgresOptions = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, connectionTimeoutMillis: 10_000, allowExitOnIdle: true });
  // An idle connection that breaks emits 'error' on the pool; unhandled, that would end the process.
  pool.on('error', (err) => options.onError?.(`postgres: idle connection lost: ${err.message}`));
  const now = options.now ?? (() => new Date().toISOString());
  try {
    await migratePostgres(pool, options.migrations ?? pgMigrations, now());
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot open the PostgreSQL store ${describeDatabaseUrl(url)}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return new PostgresStore(pool, now);
}

/** Applies the migrations not yet recorded, each in its own transaction; two instances starting at once take turns. */
export async function migratePostgres(pool: pg.Pool, migrations: readonly PgMigration[], now: string): Promise<string[]> {
  const seen = new Set<string>();
  for (const m of migrations) {
    if (seen.has(m.id)) throw new Error(`duplicate migration id ${m.id}`);
    seen.add(m.id);
  }
  const client = await pool.connect();
  const done: string[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, LOCK.migrations]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT COLLATE "C" PRIMARY KEY, applied_at TEXT COLLATE "C" NOT NULL, seq BIGINT GENERATED ALWAYS AS IDENTITY)',
    );
    await client.query('COMMIT');
    for (const m of migrations) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_SPACE, LOCK.migrations]);
        const applied = await client.query('SELECT 1 FROM schema_migrations WHERE id = $1', [m.id]);
        if (applied.rowCount === 0) {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [m.id, now]);
          done.push(m.id);
        }
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    }
  } finally {
    client.release();
  }
  return done;
}

/** Ids of the migrations recorded as applied, in the order they were applied. */
export async function appliedPostgresMigrations(pool: pg.Pool): Promise<string[]> {
  return (await pool.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY seq')).rows.map((r) => r.id);
}

/** The story a story id names now: itself, or the story it was merged into (mergeStories keeps merged_into one step deep). */
const SURVIVOR_SQL = '(SELECT COALESCE(merged_into, id) FROM stories WHERE id = $1)';

const STORY_SUMMARY_SQL = `
  SELECT s.id, s.title, s.first_seen, s.last_seen,
    (SELECT COUNT(*) FROM story_articles sa WHERE sa.story_id = s.id) AS article_count,
    (SELECT COUNT(DISTINCT COALESCE(src.outlet, 'feed:' || src.feed_id, src.url))
       FROM story_articles sa JOIN article_sources src ON src.article_id = sa.article_id
       WHERE sa.story_id = s.id) AS source_count,
    (SELECT string_agg(src.feed_id::text, ',')
       FROM story_articles sa JOIN article_sources src ON src.article_id = sa.article_id
       WHERE sa.story_id = s.id AND src.feed_id IS NOT NULL) AS feed_ids
  FROM stories s`;

/**
 * The dedupe look-ups of an article (./sqlite.ts's order: same feed+guid, then same canonical URL,
 * then same normalized content) as one query: the best match's rank (1–3) and article id, if any.
 * Parameters $1–$5: {@link matchParams}.
 */
const MATCH_SQL = `SELECT m.rank, m.article_id FROM (
    (SELECT 1 AS rank, article_id FROM article_sources WHERE feed_id = $1 AND guid = $2 LIMIT 1)
    UNION ALL (SELECT 2, article_id FROM article_sources WHERE url IN ($3, $4) LIMIT 1)
    UNION ALL (SELECT 3, id FROM articles WHERE content_hash = $5)
  ) m ORDER BY m.rank LIMIT 1`;

/**
 * {@link PostgresStore.upsertIn}'s statement ($1-$5: {@link matchParams}; $6-$11: the article;
 * $12-$14: its source's outlet, guid and feed; $15: the item's own outlet, from a feed). An item
 * found by URL or content (rank 2 or 3) is recorded as a new source even when its origin had the
 * article (so the next poll recognizes its guid at once), and `same` says whether it had: one feed
 * carrying items of several outlets (RSS <source>) counts each outlet apart. All parts of the
 * statement see the tables as they were before it, so the source it adds is not counted.
 */
function upsertSql(sameOrigin: string): string {
  return `WITH m AS (${MATCH_SQL}), a AS (
       INSERT INTO articles (url, title, text, summary, published, first_seen, content_hash)
       SELECT $6, $7, $8, $9, $10, $11, $5 WHERE NOT EXISTS (SELECT 1 FROM m) RETURNING *
     ), s AS (
       INSERT INTO article_sources (article_id, feed_id, outlet, guid, url, title, seen_at)
       SELECT a.id, $14::bigint, $12, $13, a.url, a.title, a.first_seen FROM a
     ), k AS (SELECT article_id FROM m WHERE rank > 1
     ), same AS (SELECT k.article_id, EXISTS (${sameOrigin}) AS same FROM k
     ), s2 AS (
       INSERT INTO article_sources (article_id, feed_id, outlet, guid, url, title, seen_at)
       SELECT k.article_id, $14::bigint, $12, $13, $6, $7, $11 FROM k
     ), story AS (
       UPDATE stories SET last_seen = GREATEST(last_seen, $11)
        WHERE id = (SELECT sa.story_id FROM story_articles sa JOIN same ON sa.article_id = same.article_id WHERE NOT same.same)
     ) SELECT 0 AS rank, NULL::boolean AS same, a.* FROM a
       UNION ALL SELECT m.rank, (SELECT same FROM same), x.* FROM m JOIN articles x ON x.id = m.article_id`;
}

const UPSERT_SQL = {
  fromFeed: upsertSql('SELECT 1 FROM article_sources WHERE article_id = k.article_id AND feed_id = $14 AND ($15::text IS NULL OR outlet = $15)'),
  noFeed: upsertSql('SELECT 1 FROM article_sources WHERE article_id = k.article_id AND feed_id IS NULL AND (outlet = $12 OR url = $6)'),
};

/** MATCH_SQL's parameters: a look-up that does not apply (no feed or guid; no article URL) gets nulls and finds nothing. */
function matchParams(a: NewArticle, { canon, guid, hash }: ArticleKeys): unknown[] {
  const byGuid = a.feedId !== undefined && guid ? [a.feedId, guid] : [null, null];
  const [url, twin] = canon && isArticleUrl(canon) ? urlTwins(canon) : [null, null];
  return [...byGuid, url, twin, hash];
}

/**
 * The items of a batch that can be inserted together: those that match no stored article and no
 * earlier item of the batch (by feed+guid, canonical URL or content), as their indexes.
 */
function freshOfBatch(articles: readonly NewArticle[], keys: readonly ArticleKeys[], matched: readonly boolean[]): number[] {
  const seen = new Set<string>();
  const fresh: number[] = [];
  for (const [i, a] of articles.entries()) {
    const { canon, guid, hash } = keys[i]!;
    const own = [`h:${hash}`, ...(canon && isArticleUrl(canon) ? urlTwins(canon).map((u) => `u:${u}`) : []), ...(a.feedId !== undefined && guid ? [`g:${a.feedId}:${guid}`] : [])];
    if (!matched[i] && !own.some((k) => seen.has(k))) fresh.push(i);
    for (const k of own) seen.add(k);
  }
  return fresh;
}

/** A stored article an item matched, with its row. */
interface ArticleMatch {
  articleId: number;
  /** Matched by the same feed and guid (a re-poll), not by URL or content. */
  byFeedGuid: boolean;
  row: Row;
}

function matchOf(row: Row): ArticleMatch {
  return { articleId: Number(row.id), byFeedGuid: Number(row.rank) === 1, row };
}

/** The connection of an open transaction; `open` turns false at its end, so late callers use the pool. */
interface TxContext {
  client: pg.PoolClient;
  open: boolean;
}

/** The PostgreSQL implementation of {@link Store}. */
export class PostgresStore implements Store {
  private readonly tx = new AsyncLocalStorage<TxContext>();

  constructor(
    readonly pool: pg.Pool,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /**
   * Runs one statement: on the current transaction's connection, else on the pool. A statement with
   * parameters is a named prepared statement, so each connection parses and plans it once.
   */
  async query(sql: string, params: unknown[] = []): Promise<pg.QueryResult<Row>> {
    const ctx = this.tx.getStore();
    const statement: pg.QueryConfig = params.length > 0 ? { name: statementName(sql), text: sql, values: params } : { text: sql };
    return ctx?.open ? ctx.client.query<Row>(statement) : this.pool.query<Row>(statement);
  }

  private async get(sql: string, ...params: unknown[]): Promise<Row | undefined> {
    return (await this.query(sql, params)).rows[0];
  }

  private async all(sql: string, ...params: unknown[]): Promise<Row[]> {
    return (await this.query(sql, params)).rows;
  }

  /** Rows the statement changed. */
  private async run(sql: string, ...params: unknown[]): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  /**
   * Runs `work` in one transaction on one connection; inside another, it is part of that one.
   * `writes` (the store's own writers, and {@link inTransaction}) first takes the write lock.
   */
  async transaction<T>(work: () => Promise<T>, opts: { writes?: boolean } = {}): Promise<T> {
    if (this.tx.getStore()?.open) return work();
    const client = await this.pool.connect();
    const ctx: TxContext = { client, open: true };
    let broken = false;
    try {
      // With the write lock: both in one round trip (the simple protocol takes two statements at once).
      await client.query(opts.writes ? `BEGIN; SELECT pg_advisory_xact_lock(${LOCK_SPACE}, ${LOCK.writes})` : 'BEGIN');
      const out = await this.tx.run(ctx, work);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw err;
    } finally {
      ctx.open = false;
      client.release(broken);
    }
  }

  async inTransaction<T>(work: () => Promise<T>): Promise<T> {
    return this.transaction(work, { writes: true });
  }

  // ───────── feeds ─────────

  async addFeed(url: string, opts: { title?: string; addedBy?: string; now: string }): Promise<FeedRecord> {
    return this.transaction(async () => {
      await this.run(
        'INSERT INTO feeds (url, title, added_by, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (url) DO NOTHING',
        url,
        opts.title ?? null,
        opts.addedBy ?? null,
        opts.now,
      );
      const feed = feedFrom((await this.get('SELECT * FROM feeds WHERE url = $1', url))!);
      if (opts.addedBy) await this.followFeed(opts.addedBy, feed.id, opts.now);
      return feed;
    }, { writes: true });
  }

  async getFeed(idOrUrl: number | string): Promise<FeedRecord | undefined> {
    const r =
      typeof idOrUrl === 'number'
        ? await this.get('SELECT * FROM feeds WHERE id = $1', idOrUrl)
        : await this.get('SELECT * FROM feeds WHERE url = $1', idOrUrl);
    return r ? feedFrom(r) : undefined;
  }

  async listFeeds(): Promise<FeedRecord[]> {
    return (await this.all('SELECT * FROM feeds ORDER BY id')).map(feedFrom);
  }

  async dueFeeds(now: string): Promise<FeedRecord[]> {
    return (await this.all('SELECT * FROM feeds WHERE next_try IS NULL OR next_try <= $1 ORDER BY id', now)).map(feedFrom);
  }

  async claimDueFeeds(now: string, lease: { owner: string; until: string }): Promise<FeedRecord[]> {
    // Rows another instance is claiming right now are skipped, not waited for: they are its.
    const rows = await this.all(
      `UPDATE feeds SET lease_owner = $1, lease_until = $2
        WHERE id IN (SELECT id FROM feeds
                      WHERE (next_try IS NULL OR next_try <= $3) AND (lease_until IS NULL OR lease_until <= $3)
                      FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      lease.owner,
      lease.until,
      now,
    );
    return rows.map(feedFrom).sort((a, b) => a.id - b.id);
  }

  async renewFeedLease(feedId: number, lease: { owner: string; now: string; until: string }): Promise<boolean> {
    return (await this.run('UPDATE feeds SET lease_until = $1 WHERE id = $2 AND lease_owner = $3 AND lease_until > $4', lease.until, feedId, lease.owner, lease.now)) > 0;
  }

  async releaseFeeds(owner: string, feedIds?: number[]): Promise<number> {
    if (feedIds?.length === 0) return 0;
    return feedIds
      ? this.run('UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1 AND id = ANY($2::bigint[])', owner, feedIds)
      : this.run('UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $1', owner);
  }

  async updateFeedPoll(feedId: number, u: FeedPollUpdate): Promise<void> {
    const params: unknown[] = [u.lastFetch, u.failures];
    const sets: string[] = ['last_fetch = $1', 'failures = $2'];
    for (const [key, col] of POLL_COLUMNS) {
      if (u[key] !== undefined) {
        params.push(u[key]);
        sets.push(`${col} = $${params.length}`);
      }
    }
    params.push(feedId);
    await this.run(`UPDATE feeds SET ${sets.join(', ')} WHERE id = $${params.length}`, ...params);
  }

  async failingFeeds(minFailures = 3): Promise<FeedRecord[]> {
    return (await this.all('SELECT * FROM feeds WHERE failures >= $1 ORDER BY id', minFailures)).map(feedFrom);
  }

  async removeFeed(feedId: number): Promise<void> {
    await this.run('DELETE FROM feeds WHERE id = $1', feedId);
  }

  async chatFeeds(chatId: string): Promise<FeedRecord[]> {
    return (
      await this.all('SELECT f.* FROM feeds f JOIN chat_feeds c ON c.feed_id = f.id WHERE c.chat_id = $1 ORDER BY c.created_at, f.id', chatId)
    ).map(feedFrom);
  }

  async followFeed(chatId: string, feedId: number, now: string): Promise<void> {
    await this.run('INSERT INTO chat_feeds (chat_id, feed_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', chatId, feedId, now);
  }

  async unfollowFeed(chatId: string, feedId: number): Promise<boolean> {
    return (await this.run('DELETE FROM chat_feeds WHERE chat_id = $1 AND feed_id = $2', chatId, feedId)) > 0;
  }

  async feedFollowers(feedId: number): Promise<string[]> {
    return (await this.all('SELECT chat_id FROM chat_feeds WHERE feed_id = $1 ORDER BY created_at', feedId)).map((r) => String(r.chat_id));
  }

  // ───────── articles ─────────

  async upsertArticle(a: NewArticle): Promise<UpsertResult> {
    return this.transaction(() => this.upsertIn(a), { writes: true });
  }

  /**
   * A feed's batch in three round trips however many it holds: every item's look-ups in one query;
   * the items that match nothing stored and no earlier item of the batch inserted together, their
   * articles in one multi-row INSERT and their sources in another; the rest (a copy, a re-publication,
   * a re-poll) one by one as {@link upsertArticle}, after those, so they find them.
   */
  async upsertArticles(articles: readonly NewArticle[]): Promise<UpsertResult[]> {
    if (articles.length <= 1) return Promise.all(articles.map((a) => this.upsertArticle(a)));
    return this.transaction(async () => {
      const keys = articles.map((a) => articleKeys(a));
      const matched = await this.matchedOf(articles, keys);
      const fresh = freshOfBatch(articles, keys, matched);
      const results = Array.from({ length: articles.length }, (): UpsertResult | undefined => undefined);
      for (const [i, article] of (await this.insertFresh(fresh.map((i) => articles[i]!), fresh.map((i) => keys[i]!))).entries()) {
        results[fresh[i]!] = { article, status: 'new' };
      }
      for (const [i, a] of articles.entries()) results[i] ??= await this.upsertIn(a);
      return results as UpsertResult[];
    }, { writes: true });
  }

  /** Which of `articles` match a stored one (MATCH_SQL for each, in one query). */
  private async matchedOf(articles: readonly NewArticle[], keys: readonly ArticleKeys[]): Promise<boolean[]> {
    const params = articles.map((a, i) => matchParams(a, keys[i]!));
    const column = (k: number): unknown[] => params.map((p) => p[k]);
    const rows = await this.all(
      `SELECT k.n FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS k(feed, guid, url, twin, hash, n)
        WHERE EXISTS (SELECT 1 FROM article_sources WHERE feed_id = k.feed AND guid = k.guid)
           OR EXISTS (SELECT 1 FROM article_sources WHERE url IN (k.url, k.twin))
           OR EXISTS (SELECT 1 FROM articles WHERE content_hash = k.hash)`,
      column(0),
      column(1),
      column(2),
      column(3),
      column(4),
    );
    const hit = new Set(rows.map((r) => Number(r.n) - 1));
    return articles.map((_, i) => hit.has(i));
  }

  /** Inserts articles that match nothing (and their sources) in two statements; their records, in order. */
  private async insertFresh(articles: readonly NewArticle[], keys: readonly ArticleKeys[]): Promise<ArticleRecord[]> {
    if (articles.length === 0) return [];
    const inserted = await this.all(
      `INSERT INTO articles (url, title, text, summary, published, first_seen, content_hash)
       SELECT a.url, a.title, a.text, a.summary, a.published, a.first_seen, a.hash
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS a(url, title, text, summary, published, first_seen, hash, n)
        ORDER BY a.n RETURNING *`,
      keys.map((k) => k.canon ?? null),
      articles.map((a) => a.title),
      articles.map((a) => a.text),
      articles.map((a) => a.summary ?? null),
      articles.map((a) => a.published ?? null),
      articles.map((a) => a.seenAt),
      keys.map((k) => k.hash),
    );
    const byHash = new Map(inserted.map((r) => [str(r.content_hash), articleFrom(r)]));
    const records = keys.map((k) => byHash.get(k.hash)!);
    await this.run(
      `INSERT INTO article_sources (article_id, feed_id, outlet, guid, url, title, seen_at)
       SELECT s.id, s.feed, s.outlet, s.guid, s.url, s.title, s.seen_at
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS s(id, feed, outlet, guid, url, title, seen_at, n)
        ORDER BY s.n`,
      records.map((r) => r.id),
      articles.map((a) => a.feedId ?? null),
      articles.map((a, i) => outletOf(a, keys[i]!.canon) ?? null),
      keys.map((k) => k.guid ?? null),
      keys.map((k) => k.canon ?? null),
      articles.map((a) => a.title),
      articles.map((a) => a.seenAt),
    );
    return records;
  }

  /**
   * The stored article `a` is (same feed+guid, then same canonical URL, then same normalized
   * content), if any, with its row: the three look-ups in one round trip.
   */
  private async existing(a: NewArticle, keys: ArticleKeys): Promise<ArticleMatch | undefined> {
    const hit = await this.get(`WITH m AS (${MATCH_SQL}) SELECT m.rank, a.* FROM m JOIN articles a ON a.id = m.article_id`, ...matchParams(a, keys));
    return hit ? matchOf(hit) : undefined;
  }

  async isNewArticle(a: NewArticle): Promise<boolean> {
    return (await this.existing(a, articleKeys(a))) === undefined;
  }

  async articlesWithoutStory(limit: number): Promise<ArticleRecord[]> {
    return (
      await this.all(
        'SELECT a.* FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id) ORDER BY a.id LIMIT $1',
        limit,
      )
    ).map(articleFrom);
  }

  /**
   * The dedupe rule (as ./sqlite.ts): same feed+guid, then same canonical URL, then same normalized
   * content. One round trip: the look-ups; the article with its source inserted when they find
   * nothing; and when they find it by URL or content, the item recorded as a new source of it and,
   * when it is from another origin, its story's last_seen moved.
   */
  private async upsertIn(a: NewArticle): Promise<UpsertResult> {
    const keys = articleKeys(a);
    const { canon, guid, hash } = keys;
    const outlet = outletOf(a, canon);
    const row = await this.get(
      a.feedId !== undefined ? UPSERT_SQL.fromFeed : UPSERT_SQL.noFeed,
      ...matchParams(a, keys),
      canon ?? null,
      a.title,
      a.text,
      a.summary ?? null,
      a.published ?? null,
      a.seenAt,
      outlet ?? null,
      guid ?? null,
      a.feedId ?? null,
      ...(a.feedId !== undefined ? [a.outlet?.trim() || null] : []),
    );
    if (Number(row!.rank) === 0) return { article: articleFrom(row!), status: 'new' };
    const match = matchOf(row!);
    if (match.byFeedGuid) return this.known(match, a, hash, 'known');
    return this.known(match, a, hash, row!.same === true ? 'known' : 'new-source');
  }

  /** A known article (its row as {@link existing} read it); a longer text (the full article after an excerpt) replaces the stored one. */
  private async known(match: ArticleMatch, a: NewArticle, hash: string, status: Exclude<UpsertStatus, 'new'>): Promise<UpsertResult> {
    const stored = knownArticleFrom(match.row);
    if (isFullerText(a.text, String(match.row.text).length) && !(await this.get('SELECT 1 FROM articles WHERE content_hash = $1', hash))) {
      await this.run('UPDATE articles SET text = $1, content_hash = $2 WHERE id = $3', a.text, hash, match.articleId);
      stored.contentHash = hash;
    }
    return { article: stored, status };
  }

  async getArticle(id: number): Promise<ArticleRecord | undefined> {
    const r = await this.get('SELECT * FROM articles WHERE id = $1', id);
    return r ? articleFrom(r) : undefined;
  }

  async getArticles(ids: number[]): Promise<ArticleRecord[]> {
    if (ids.length === 0) return [];
    const byId = new Map((await this.all('SELECT * FROM articles WHERE id = ANY($1::bigint[])', ids)).map((r) => [Number(r.id), articleFrom(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async articleSources(articleId: number): Promise<ArticleSource[]> {
    return (await this.all('SELECT * FROM article_sources WHERE article_id = $1 ORDER BY id', articleId)).map(sourceFrom);
  }

  async hasFeedItem(feedId: number, guid: string | undefined, url: string | undefined): Promise<boolean> {
    const canon = canonicalUrl(url);
    const [u, twin] = canon && isArticleUrl(canon) ? urlTwins(canon) : [null, null];
    const g = guid?.trim() || null;
    if (g === null && u === null) return false;
    // One round trip: by guid, then by URL (either scheme), each by its own index.
    return Boolean(
      await this.get(
        `(SELECT 1 FROM article_sources WHERE feed_id = $1 AND guid = $2 LIMIT 1)
         UNION ALL (SELECT 1 FROM article_sources WHERE url IN ($3, $4) AND feed_id = $1 LIMIT 1) LIMIT 1`,
        feedId,
        g,
        u,
        twin,
      ),
    );
  }

  async countArticles(): Promise<number> {
    return Number((await this.get('SELECT COUNT(*) AS n FROM articles'))!.n);
  }

  // ───────── analyses ─────────

  async saveAnalysis(articleId: number, version: string, analysis: Analysis, now: string): Promise<void> {
    await this.run(
      `INSERT INTO analyses (article_id, version, analysis, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (article_id, version) DO UPDATE SET analysis = excluded.analysis, created_at = excluded.created_at`,
      articleId,
      version,
      JSON.stringify(analysis),
      now,
    );
  }

  async saveAnalyses(version: string, rows: readonly AnalysisToSave[]): Promise<void> {
    // One statement for the lot; an article listed twice keeps its last analysis, as one
    // saveAnalysis after another would (ON CONFLICT cannot update one row twice in a statement).
    const last = new Map(rows.map((r) => [r.articleId, r]));
    const kept = rows.filter((r) => last.get(r.articleId) === r);
    if (kept.length === 0) return;
    await this.run(
      `INSERT INTO analyses (article_id, version, analysis, created_at)
       SELECT a.id, $1, a.analysis, a.created_at FROM unnest($2::bigint[], $3::text[], $4::text[]) WITH ORDINALITY AS a(id, analysis, created_at, n) ORDER BY a.n
       ON CONFLICT (article_id, version) DO UPDATE SET analysis = excluded.analysis, created_at = excluded.created_at`,
      version,
      kept.map((r) => r.articleId),
      kept.map(analysisJsonOf),
      kept.map((r) => r.now),
    );
  }

  async getAnalysis(articleId: number, version?: string): Promise<AnalysisRecord | undefined> {
    const r =
      version === undefined
        ? await this.get('SELECT * FROM analyses WHERE article_id = $1 ORDER BY created_at DESC, seq DESC LIMIT 1', articleId)
        : await this.get('SELECT * FROM analyses WHERE article_id = $1 AND version = $2', articleId, version);
    return r ? analysisFrom(r) : undefined;
  }

  // ───────── stories ─────────

  async createStory(articleId: number, title: string, seenAt: string): Promise<StoryRecord> {
    // The story and its first article in one statement (so in one round trip, and atomic).
    const row = await this.get(
      `WITH s AS (INSERT INTO stories (title, first_seen, last_seen) VALUES ($1, $2, $2) RETURNING id)
       , sa AS (INSERT INTO story_articles (story_id, article_id, score, joined_at) SELECT s.id, $3::bigint, 1, $2 FROM s)
       SELECT id FROM s`,
      title,
      seenAt,
      articleId,
    );
    return { id: Number(row!.id), title, firstSeen: seenAt, lastSeen: seenAt };
  }

  async addToStory(storyId: number, articleId: number, score: number, seenAt: string): Promise<void> {
    await this.run(
      `WITH sa AS (
         INSERT INTO story_articles (story_id, article_id, score, joined_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING
       ) UPDATE stories SET last_seen = GREATEST(last_seen, $4) WHERE id = $1`,
      storyId,
      articleId,
      score,
      seenAt,
    );
  }

  async mergeStories(into: number, from: number, seenAt: string): Promise<void> {
    if (into === from) return;
    await this.transaction(async () => {
      await this.run('UPDATE story_articles SET story_id = $1 WHERE story_id = $2', into, from);
      await this.run(
        `UPDATE stories s SET first_seen = LEAST(s.first_seen, f.first_seen), last_seen = GREATEST(s.last_seen, f.last_seen, $3)
         FROM stories f WHERE s.id = $1 AND f.id = $2`,
        into,
        from,
        seenAt,
      );
      await this.run('UPDATE stories SET merged_into = $1 WHERE id = $2 OR merged_into = $2', into, from);
      await this.run(
        'INSERT INTO digest_stories (chat_id, story_id, digest_id) SELECT chat_id, $1, digest_id FROM digest_stories WHERE story_id = $2 ON CONFLICT DO NOTHING',
        into,
        from,
      );
    }, { writes: true });
  }

  async storyOf(articleId: number): Promise<number | undefined> {
    const r = await this.get('SELECT story_id FROM story_articles WHERE article_id = $1', articleId);
    return r ? Number(r.story_id) : undefined;
  }

  async getStory(storyId: number): Promise<StorySummary | undefined> {
    const r = await this.get(`${STORY_SUMMARY_SQL} WHERE s.id = ${SURVIVOR_SQL}`, storyId);
    return r ? summaryFrom(r) : undefined;
  }

  async listStories(q: StoryQuery = {}): Promise<StorySummary[]> {
    const where: string[] = ['s.merged_into IS NULL'];
    const params: unknown[] = [];
    if (q.since) {
      params.push(q.since);
      where.push(`s.last_seen >= $${params.length}`);
    }
    if (q.until) {
      params.push(q.until);
      where.push(`s.last_seen < $${params.length}`);
    }
    if (q.feedIds) {
      if (q.feedIds.length === 0) return [];
      params.push(q.feedIds);
      where.push(
        `EXISTS (SELECT 1 FROM story_articles sa JOIN article_sources src ON src.article_id = sa.article_id
                 WHERE sa.story_id = s.id AND src.feed_id = ANY($${params.length}::bigint[]))`,
      );
    }
    params.push(q.limit ?? 50);
    const sql = `${STORY_SUMMARY_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.last_seen DESC, s.id DESC LIMIT $${params.length}`;
    return (await this.all(sql, ...params)).map(summaryFrom);
  }

  async storyArticleIds(storyId: number): Promise<number[]> {
    return (await this.all(`SELECT article_id FROM story_articles WHERE story_id = ${SURVIVOR_SQL} ORDER BY joined_at, article_id`, storyId)).map((r) =>
      Number(r.article_id),
    );
  }

  async articlesSince(since: string): Promise<GroupingArticle[]> {
    const rows = await this.all(
      `SELECT a.id, a.title, a.text, a.published, a.first_seen, sa.story_id
       FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
       WHERE a.first_seen >= $1 ORDER BY a.first_seen, a.id`,
      since,
    );
    return rows.map(groupingFrom);
  }

  async countStories(): Promise<number> {
    return Number((await this.get('SELECT COUNT(*) AS n FROM stories WHERE merged_into IS NULL'))!.n);
  }

  // ───────── subscriptions and filters ─────────

  async upsertSubscription(s: SubscriptionInput, now: string): Promise<Subscription> {
    const r = await this.get(
      `INSERT INTO subscriptions (chat_id, platform, times, timezone, top_n, active, options, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (chat_id) DO UPDATE SET platform = excluded.platform, times = excluded.times,
         timezone = excluded.timezone, top_n = excluded.top_n, active = excluded.active, options = excluded.options
       RETURNING *`,
      s.chatId,
      s.platform,
      JSON.stringify(s.times),
      s.timezone,
      s.topN,
      s.active === false ? 0 : 1,
      JSON.stringify(s.options ?? {}),
      now,
    );
    return subscriptionFrom(r!);
  }

  async getSubscription(chatId: string): Promise<Subscription | undefined> {
    const r = await this.get('SELECT * FROM subscriptions WHERE chat_id = $1', chatId);
    return r ? subscriptionFrom(r) : undefined;
  }

  async listSubscriptions(opts: { all?: boolean } = {}): Promise<Subscription[]> {
    const rows = opts.all
      ? await this.all('SELECT * FROM subscriptions ORDER BY id')
      : await this.all('SELECT * FROM subscriptions WHERE active = 1 ORDER BY id');
    return rows.map(subscriptionFrom);
  }

  async removeSubscription(chatId: string): Promise<boolean> {
    return (await this.run('DELETE FROM subscriptions WHERE chat_id = $1', chatId)) > 0;
  }

  async addFilter(chatId: string, mode: 'include' | 'exclude', pattern: string, now: string): Promise<FilterRecord> {
    const r = await this.get('INSERT INTO filters (chat_id, mode, pattern, created_at) VALUES ($1, $2, $3, $4) RETURNING *', chatId, mode, pattern, now);
    return filterFrom(r!);
  }

  async listFilters(chatId: string): Promise<FilterRecord[]> {
    return (await this.all('SELECT * FROM filters WHERE chat_id = $1 ORDER BY id', chatId)).map(filterFrom);
  }

  async removeFilter(chatId: string, filterId: number): Promise<boolean> {
    return (await this.run('DELETE FROM filters WHERE chat_id = $1 AND id = $2', chatId, filterId)) > 0;
  }

  async clearFilters(chatId: string): Promise<number> {
    return this.run('DELETE FROM filters WHERE chat_id = $1', chatId);
  }

  // ───────── digests (delivery ledger: postgres-ledger.ts) ─────────

  async recordDigest(chatId: string, items: DigestItem[], now: string): Promise<DigestRecord> {
    const r = await this.get('INSERT INTO digests (chat_id, created_at, items) VALUES ($1, $2, $3) RETURNING *', chatId, now, JSON.stringify(items));
    return digestFrom(r!);
  }

  async lastDigest(chatId: string): Promise<DigestRecord | undefined> {
    const r = await this.get('SELECT * FROM digests WHERE chat_id = $1 ORDER BY id DESC LIMIT 1', chatId);
    return r ? digestFrom(r) : undefined;
  }

  // ───────── forum posts ─────────

  async forumPost(chatId: string, key: string): Promise<ForumPost | undefined> {
    const r = await this.get('SELECT thread_id, complete FROM forum_posts WHERE chat_id = $1 AND post_key = $2', chatId, key);
    return r ? forumPostFrom(r) : undefined;
  }

  async recordForumPost(chatId: string, key: string, post: ForumPost, now: string): Promise<void> {
    await this.run(
      `INSERT INTO forum_posts (chat_id, post_key, thread_id, complete, created_at, story_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (chat_id, post_key) DO UPDATE SET thread_id = excluded.thread_id, complete = excluded.complete,
         story_id = COALESCE(forum_posts.story_id, excluded.story_id)`,
      chatId,
      key,
      post.thread,
      post.complete,
      now,
      post.storyId ?? null,
    );
    await this.run('DELETE FROM forum_posts WHERE chat_id = $1 AND created_at < $2', chatId, forumPostCutoff(now));
  }

  async mergedForumPosts(limit: number): Promise<MergedForumPost[]> {
    return (await this.all(mergedForumPostsSql('$1', 'true'), limit)).map(mergedForumPostFrom);
  }

  async moveForumPost(chatId: string, key: string, from: number, to: number | undefined): Promise<boolean> {
    return (await this.run('UPDATE forum_posts SET story_id = $1 WHERE chat_id = $2 AND post_key = $3 AND story_id = $4', to ?? null, chatId, key, from)) === 1;
  }

  // ───────── long button actions ─────────

  async buttonAction(key: string): Promise<string | undefined> {
    return str((await this.get('SELECT action FROM button_actions WHERE action_key = $1', key))?.action);
  }

  async saveButtonAction(key: string, action: string, now: string): Promise<void> {
    await this.run(
      `INSERT INTO button_actions (action_key, action, handed_at) VALUES ($1, $2, $3)
       ON CONFLICT (action_key) DO UPDATE SET handed_at = excluded.handed_at`,
      key,
      action,
      now,
    );
    await this.run('DELETE FROM button_actions WHERE handed_at < $1', buttonActionCutoff(now));
  }

  // ───────── chat memory ─────────

  async rememberArticle(chatId: string, article: StoredArticle): Promise<void> {
    await this.run(
      `INSERT INTO chat_memory (chat_id, last_article, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (chat_id) DO UPDATE SET last_article = excluded.last_article, updated_at = excluded.updated_at`,
      chatId,
      JSON.stringify(article),
      this.now(),
    );
  }

  async lastArticle(chatId: string): Promise<StoredArticle | undefined> {
    const r = await this.get('SELECT last_article FROM chat_memory WHERE chat_id = $1', chatId);
    return r?.last_article ? (JSON.parse(String(r.last_article)) as StoredArticle) : undefined;
  }

  async digestItem(chatId: string, n: number): Promise<StoredArticle[] | undefined> {
    const firstOutlet = async (id: number) => str((await this.get('SELECT outlet FROM article_sources WHERE article_id = $1 ORDER BY id LIMIT 1', id))?.outlet);
    return digestItemOf(this, firstOutlet, chatId, n);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
