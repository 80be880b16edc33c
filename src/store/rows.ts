/**
 * Rows to records: the mappers both stores (SQLite and PostgreSQL) share, since both keep the same
 * columns (times as ISO 8601 text, JSON as text, flags as 0/1). Ids and counts go through Number(),
 * so PostgreSQL's BIGINT (a string from the driver) reads the same as SQLite's integer.
 */
import type { Analysis } from '../core/types.ts';
import type { Message } from '../messages/model.ts';
import type {
  AnalysisRecord,
  AnalysisToSave,
  ArticleRecord,
  KnownArticle,
  ClaimedDelivery,
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
  StoredArticle,
  StorySummary,
  Subscription,
  SubscriptionOptions,
} from './types.ts';
import { BUTTON_ACTION_DAYS, FORUM_POST_DAYS } from './types.ts';

/** A database row, column name to value. */
export type Row = Record<string, unknown>;

export const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));

export function feedFrom(r: Row): FeedRecord {
  const f: FeedRecord = { id: Number(r.id), url: String(r.url), failures: Number(r.failures), createdAt: String(r.created_at) };
  const opt: [keyof FeedRecord, string][] = [
    ['title', 'title'],
    ['etag', 'etag'],
    ['lastModified', 'last_modified'],
    ['lastFetch', 'last_fetch'],
    ['lastSuccess', 'last_success'],
    ['nextTry', 'next_try'],
    ['lastError', 'last_error'],
    ['lastErrorMessage', 'last_error_message'],
    ['addedBy', 'added_by'],
  ];
  for (const [key, col] of opt) {
    const v = str(r[col]);
    if (v !== undefined) (f as unknown as Record<string, unknown>)[key] = v;
  }
  return f;
}

export function articleFrom(r: Row): ArticleRecord {
  const { id, title, ...rest } = knownArticleFrom(r);
  return { id, title, text: String(r.text), ...rest };
}

/** An article row read without its text (see {@link KNOWN_ARTICLE_COLUMNS}). */
export function knownArticleFrom(r: Row): KnownArticle {
  const a: KnownArticle = {
    id: Number(r.id),
    title: String(r.title),
    firstSeen: String(r.first_seen),
    contentHash: String(r.content_hash),
  };
  const url = str(r.url);
  if (url !== undefined) a.url = url;
  const summary = str(r.summary);
  if (summary !== undefined) a.summary = summary;
  const published = str(r.published);
  if (published !== undefined) a.published = published;
  return a;
}

/** The columns of an article but its text, which a match of a known one needs only the length of. */
export const KNOWN_ARTICLE_COLUMNS = 'id, url, title, summary, published, first_seen, content_hash';

export function sourceFrom(r: Row): ArticleSource {
  const s: ArticleSource = { articleId: Number(r.article_id), seenAt: String(r.seen_at) };
  if (r.feed_id !== null && r.feed_id !== undefined) s.feedId = Number(r.feed_id);
  for (const k of ['outlet', 'guid', 'url', 'title'] as const) {
    const v = str(r[k]);
    if (v !== undefined) s[k] = v;
  }
  return s;
}

export function summaryFrom(r: Row): StorySummary {
  const feedIds = str(r.feed_ids);
  return {
    id: Number(r.id),
    title: String(r.title),
    firstSeen: String(r.first_seen),
    lastSeen: String(r.last_seen),
    articleCount: Number(r.article_count),
    sourceCount: Number(r.source_count),
    feedIds: feedIds ? [...new Set(feedIds.split(',').map(Number))].sort((a, b) => a - b) : [],
  };
}

/** The settings a stored options object holds (JSON from any version): unknown or mistyped keys left out. */
export function subscriptionOptions(value: unknown): SubscriptionOptions {
  if (typeof value !== 'object' || value === null) return {};
  const quiet = (value as Record<string, unknown>).quiet;
  return typeof quiet === 'string' || quiet === null ? { quiet } : {};
}

export function subscriptionFrom(r: Row): Subscription {
  return {
    id: Number(r.id),
    chatId: String(r.chat_id),
    platform: String(r.platform),
    times: JSON.parse(String(r.times)) as string[],
    timezone: String(r.timezone),
    topN: Number(r.top_n),
    active: Number(r.active) === 1,
    createdAt: String(r.created_at),
    options: subscriptionOptions(JSON.parse(String(r.options))),
  };
}

export function filterFrom(r: Row): FilterRecord {
  return {
    id: Number(r.id),
    chatId: String(r.chat_id),
    mode: r.mode === 'exclude' ? 'exclude' : 'include',
    pattern: String(r.pattern),
    createdAt: String(r.created_at),
  };
}

/** The JSON stored for an analysis to save. */
export function analysisJsonOf(r: AnalysisToSave): string {
  return 'json' in r ? r.json : JSON.stringify(r.analysis);
}

export function analysisFrom(r: Row): AnalysisRecord {
  return {
    articleId: Number(r.article_id),
    version: String(r.version),
    analysis: JSON.parse(String(r.analysis)) as Analysis,
    createdAt: String(r.created_at),
  };
}

/**
 * Whether a new text of a known article is fuller than the stored one (more than a fifth longer: the
 * full article after a feed's excerpt), so it replaces it unless another article already holds it.
 */
export function isFullerText(newText: string, storedLength: number): boolean {
  return newText.length > storedLength * 1.2;
}

export function digestFrom(r: Row): DigestRecord {
  return { id: Number(r.id), chatId: String(r.chat_id), createdAt: String(r.created_at), items: JSON.parse(String(r.items)) as DigestItem[] };
}

/** The outlet name of a source: as given, else the URL's host. */
export function outletOf(a: NewArticle, canon: string | undefined): string | undefined {
  if (a.outlet?.trim()) return a.outlet.trim();
  if (canon) return new URL(canon).hostname;
  return undefined;
}

/** The feed columns a poll may write, beside last_fetch and failures (set only when the update has them). */
export const POLL_COLUMNS: readonly [keyof FeedPollUpdate, string][] = [
  ['title', 'title'],
  ['etag', 'etag'],
  ['lastModified', 'last_modified'],
  ['lastSuccess', 'last_success'],
  ['nextTry', 'next_try'],
  ['lastError', 'last_error'],
  ['lastErrorMessage', 'last_error_message'],
];

/** An article as the story grouper reads it back (articlesSince). */
export function groupingFrom(r: Row): GroupingArticle {
  const g: GroupingArticle = { articleId: Number(r.id), title: String(r.title), text: String(r.text), firstSeen: String(r.first_seen) };
  if (r.story_id !== null && r.story_id !== undefined) g.storyId = Number(r.story_id);
  const p = str(r.published);
  if (p !== undefined) g.published = p;
  return g;
}

/**
 * The articles a digest item stands for: those it was sent with, and, when its story has since
 * been merged into another (one happening), the surviving story's too, so "/timeline 2" shows the
 * whole happening instead of the half the digest was sent with.
 */
export async function digestItemArticleIds(store: Pick<Store, 'getStory' | 'storyArticleIds'>, item: DigestItem): Promise<number[]> {
  if (item.storyId === undefined) return item.articleIds;
  const now = await store.getStory(item.storyId);
  if (!now || now.id === item.storyId) return item.articleIds;
  const sent = new Set(item.articleIds);
  return [...item.articleIds, ...(await store.storyArticleIds(now.id)).filter((id) => !sent.has(id))];
}

/** Item `n` (1-based) of the chat's last digest as commands read it: each article with its first outlet. */
export async function digestItemOf(
  store: Pick<Store, 'lastDigest' | 'getArticles' | 'getStory' | 'storyArticleIds'>,
  firstOutlet: (articleId: number) => Promise<string | undefined>,
  chatId: string,
  n: number,
): Promise<StoredArticle[] | undefined> {
  const digest = await store.lastDigest(chatId);
  const item = Number.isInteger(n) && n >= 1 ? digest?.items[n - 1] : undefined;
  if (!item) return undefined;
  const out: StoredArticle[] = [];
  for (const article of await store.getArticles(await digestItemArticleIds(store, item))) {
    const s: StoredArticle = { id: String(article.id), title: article.title, text: article.text };
    if (article.url) s.url = article.url;
    if (article.published) s.published = article.published;
    const outlet = await firstOutlet(article.id);
    if (outlet) s.source = outlet;
    out.push(s);
  }
  return out;
}

/** A delivery row just leased (its attempts before the claim) as the scheduler gets it. */
export function claimedFrom(r: Row): ClaimedDelivery {
  return {
    key: String(r.key),
    chatId: String(r.chat_id),
    digestId: Number(r.digest_id),
    attempts: Number(r.attempts) + 1,
    message: JSON.parse(String(r.message)) as Message,
  };
}

/** A forum_posts row as the post it records (SQLite keeps `complete` as 0/1, PostgreSQL as a boolean). */
export function forumPostFrom(r: Row): ForumPost {
  return { thread: String(r.thread_id), complete: r.complete === true || Number(r.complete) === 1 };
}

/** Forum posts whose story was merged into another, with that story and the chat's post of it (the store's parameter marks its limit). */
export function mergedForumPostsSql(limit: string, complete: string): string {
  return `SELECT fp.chat_id, fp.post_key, fp.thread_id, fp.story_id, g.title AS story_title, s.id AS into_id, s.title AS into_title,
      (SELECT o.thread_id FROM forum_posts o WHERE o.chat_id = fp.chat_id AND o.story_id = s.id ORDER BY o.created_at LIMIT 1) AS into_thread
    FROM forum_posts fp JOIN stories g ON g.id = fp.story_id JOIN stories s ON s.id = g.merged_into
    WHERE fp.complete = ${complete} ORDER BY fp.created_at, fp.post_key LIMIT ${limit}`;
}

/** A row of {@link mergedForumPostsSql}. */
export function mergedForumPostFrom(r: Row): MergedForumPost {
  const post: MergedForumPost = {
    chatId: String(r.chat_id),
    key: String(r.post_key),
    thread: String(r.thread_id),
    storyId: Number(r.story_id),
    storyTitle: String(r.story_title),
    into: { id: Number(r.into_id), title: String(r.into_title) },
  };
  const intoThread = str(r.into_thread);
  if (intoThread !== undefined) post.intoThread = intoThread;
  return post;
}

/** The time before which a chat's forum posts are forgotten, for a post recorded at `now`. */
export function forumPostCutoff(now: string): string {
  return new Date(Date.parse(now) - FORUM_POST_DAYS * 86_400_000).toISOString();
}

/** Long button actions last handed out before this are forgotten. */
export function buttonActionCutoff(now: string): string {
  return new Date(Date.parse(now) - BUTTON_ACTION_DAYS * 86_400_000).toISOString();
}
