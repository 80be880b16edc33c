/**
 * The store interface: everything mojaz keeps between runs. The SQLite implementation
 * (./sqlite.ts) is the embedded default; a server database can take its place by implementing
 * this interface. No SQL lives outside src/store.
 *
 * Times are ISO 8601 strings in UTC (`new Date().toISOString()`), passed in by the caller from its
 * injected clock, so tests run on fake time. Ids are SQLite integer row ids.
 */
import type { Analysis } from '../core/types.ts';
import type { Message } from '../messages/model.ts';
import type { ButtonActionStore, ForumPost, ForumPostStore } from '../messages/sender.ts';

export type { ButtonActionStore, ForumPost, ForumPostStore };

// ───────────────────────────── feeds ─────────────────────────────

/** A polled feed and its polling state. */
export interface FeedRecord {
  id: number;
  url: string;
  title?: string;
  etag?: string;
  lastModified?: string;
  /** When the feed was last fetched (successfully or not). */
  lastFetch?: string;
  /** When the feed last answered with a parsable feed (or 304). */
  lastSuccess?: string;
  /** Failures in a row; 0 after a success. */
  failures: number;
  /** Do not poll before this time (exponential backoff after failures). */
  nextTry?: string;
  /** Log text of the last failure (English, no secrets). */
  lastError?: string;
  /** Arabic text of the last failure, safe to show in a chat. */
  lastErrorMessage?: string;
  /** Chat that added the feed, when a chat did. */
  addedBy?: string;
  createdAt: string;
}

/** What a poll learned about a feed, written back in one call. */
export interface FeedPollUpdate {
  title?: string;
  etag?: string | null;
  lastModified?: string | null;
  lastFetch: string;
  lastSuccess?: string;
  failures: number;
  nextTry?: string | null;
  lastError?: string | null;
  lastErrorMessage?: string | null;
}

// ───────────────────────────── articles ─────────────────────────────

/** A deduplicated article: one text, however many feeds carried it. */
export interface ArticleRecord {
  id: number;
  /** Canonical URL of the first source that carried it (utm_* and fragment stripped, host normalized). */
  url?: string;
  title: string;
  text: string;
  /** The feed's own excerpt, when it had one. */
  summary?: string;
  /** Publication date-time (ISO 8601), as the feed gave it, when known. */
  published?: string;
  /** When mojaz first saw it. */
  firstSeen: string;
  /** Hash of the normalized text (./keys.ts contentHash). */
  contentHash: string;
}

/** One place an article was seen: a feed item, a pasted URL, another outlet's re-publication. */
export interface ArticleSource {
  articleId: number;
  feedId?: number;
  /** Outlet name (the feed's title or the site's host). */
  outlet?: string;
  guid?: string;
  url?: string;
  title?: string;
  seenAt: string;
}

/** An article to store, as a feed item or a fetched page gives it. */
export interface NewArticle {
  feedId?: number;
  outlet?: string;
  guid?: string;
  url?: string;
  title: string;
  text: string;
  summary?: string;
  published?: string;
  seenAt: string;
}

/**
 * What storing an article did:
 * - 'new': a text not seen before;
 * - 'new-source': a known text (same guid, canonical URL or content) seen from another feed/outlet;
 * - 'known': already recorded from this source (a re-poll, or a changed guid with the same content).
 */
export type UpsertStatus = 'new' | 'new-source' | 'known';

/** A stored article an item matched, without its text (the matching reads no more than it needs). */
export type KnownArticle = Omit<ArticleRecord, 'text'>;

/** The stored article and what happened: a new one in full, a known one without its text. */
export type UpsertResult = { article: ArticleRecord; status: 'new' } | { article: KnownArticle; status: Exclude<UpsertStatus, 'new'> };

// ───────────────────────────── analyses ─────────────────────────────

/** An article's analysis, tagged with the analyzer version that made it. */
export interface AnalysisRecord {
  articleId: number;
  version: string;
  analysis: Analysis;
  createdAt: string;
}

// ───────────────────────────── stories ─────────────────────────────

/** A story: articles from one or more feeds about the same event. */
export interface StoryRecord {
  id: number;
  title: string;
  firstSeen: string;
  lastSeen: string;
}

/** A story with counts, for digests and /status. */
export interface StorySummary extends StoryRecord {
  articleCount: number;
  /** Distinct outlets (feeds or sites) that carried any of its articles: the "N مصادر" of a digest. */
  sourceCount: number;
  /** Feeds that carried any of its articles. */
  feedIds: number[];
}

/** Which stories to list. */
export interface StoryQuery {
  /** Stories with last_seen at or after this time. */
  since?: string;
  /** Stories with last_seen before this time. */
  until?: string;
  /** Only stories with an article from one of these feeds. */
  feedIds?: number[];
  /** Most recent first; default 50. */
  limit?: number;
}

/** An article as the story grouper needs it to rebuild its index after a restart. */
export interface GroupingArticle {
  articleId: number;
  storyId?: number;
  title: string;
  text: string;
  published?: string;
  firstSeen: string;
}

// ───────────────────────────── chats ─────────────────────────────

/** A chat's digest subscription. */
export interface Subscription {
  id: number;
  chatId: string;
  /** 'telegram' | 'discord' | 'console' … */
  platform: string;
  /** Local times "HH:MM" in `timezone`, or cron expressions: the scheduler decides. */
  times: string[];
  timezone: string;
  topN: number;
  active: boolean;
  createdAt: string;
  /** The subscription's own settings; what is absent follows the configured defaults. */
  options: SubscriptionOptions;
}

/** A subscription's own settings, typed so that /subscribe, /status and the scheduler read them alike. */
export interface SubscriptionOptions {
  /** Quiet hours "HH:MM-HH:MM" in the subscription's zone; null: none ("هدوء لا"); absent: the configured default. */
  quiet?: string | null;
}


/** Fields to create or replace a chat's subscription. */
export interface SubscriptionInput {
  chatId: string;
  platform: string;
  times: string[];
  timezone: string;
  topN: number;
  active?: boolean;
  options?: SubscriptionOptions;
}

/** A chat's keyword filter. */
export interface FilterRecord {
  id: number;
  chatId: string;
  mode: 'include' | 'exclude';
  pattern: string;
  createdAt: string;
}

/** One item of a digest: a story and the articles shown for it. */
export interface DigestItem {
  storyId?: number;
  articleIds: number[];
  title?: string;
}

/** A composed digest, kept so "/timeline 2" can find item 2 of the chat's last digest. */
export interface DigestRecord {
  id: number;
  chatId: string;
  createdAt: string;
  items: DigestItem[];
}

// ─────────────────────── digest delivery ledger ───────────────────────

/** What the scheduler offers to open a chat's digest for one scheduled slot (the delivery ledger, src/schedule/ledger.ts). */
export interface OpenDigestInput {
  chatId: string;
  /** The scheduled minute (ISO 8601 UTC): the digest's identity for this chat. */
  slot: string;
  now: string;
  /**
   * The digest's items, best first: stories new to the chat when they were read
   * (`newToChat`), as many as the digest keeps.
   */
  items: DigestItem[];
  /** The message that shows them, rendered before the call (the ledger calls nothing back). */
  message: Message;
  /** Already delivered as a command reply (/digest): recorded as sent, never fanned out. */
  delivered?: boolean;
  /** Start of the period the candidates were taken from (ISO 8601), kept with the digest. */
  since?: string;
}

/**
 * The outcome of opening a digest: `stale` when one of its stories reached the chat (another
 * digest, another instance) between reading and opening; nothing was written, read again.
 */
export type OpenDigestResult =
  | { status: 'opened'; digestId: number; key: string; items: DigestItem[]; message: Message }
  | { status: 'exists'; digestId: number; key: string }
  | { status: 'empty' }
  | { status: 'stale' };

/** A delivery this scheduler now holds the lease on, with the message to send. */
export interface ClaimedDelivery {
  key: string;
  chatId: string;
  digestId: number;
  /** Claims so far, this one included: above 1 means an earlier attempt may have reached the chat. */
  attempts: number;
  message: Message;
}

/** What /status shows about a chat's digests. */
export interface DigestHistory {
  /** Slot of the chat's latest digest. */
  lastSlot?: string;
  /** Start of the period of the chat's latest digest, when it was recorded. */
  lastSince?: string;
  /** When a digest last reached the chat. */
  lastSentAt?: string;
  /** Digests opened but not yet delivered. */
  pending: number;
}

// ───────────────────────────── chat memory ─────────────────────────────

/** An article as commands see it: pasted text, a fetched page, or a feed item. */
export interface StoredArticle {
  /** Store id, when the article is stored. */
  id?: string;
  url?: string;
  title?: string;
  text: string;
  /** Publication date or date-time (ISO 8601), when known. */
  published?: string;
  /** Outlet or feed name, when known. */
  source?: string;
}

/**
 * Per-chat memory the commands rely on: the chat's most recent article, and the stories of the
 * chat's last digest (so "/timeline 2" means item 2 of that digest). The SQLite store implements it;
 * tests may use an in-memory one.
 */
export interface ChatMemory {
  /** Records `article` as the chat's most recent one. */
  rememberArticle(chatId: string, article: StoredArticle): Promise<void>;
  /** The chat's most recent article, if any. */
  lastArticle(chatId: string): Promise<StoredArticle | undefined>;
  /** The articles of item `n` (1-based) of the chat's last digest, or undefined when there is none. */
  digestItem(chatId: string, n: number): Promise<StoredArticle[] | undefined>;
}

// ───────────────────────────── the store ─────────────────────────────

/** Feeds, their polling state, and which chats follow which. */
export interface FeedStore {
  /** Adds a feed (or returns the existing one with that URL); links it to `addedBy`'s chat. */
  addFeed(url: string, opts: { title?: string; addedBy?: string; now: string }): Promise<FeedRecord>;
  /** The feed with that id or URL. */
  getFeed(idOrUrl: number | string): Promise<FeedRecord | undefined>;
  /** Every feed. */
  listFeeds(): Promise<FeedRecord[]>;
  /** Feeds whose next_try is unset or not after `now`. */
  dueFeeds(now: string): Promise<FeedRecord[]>;
  /**
   * Claims the feeds that are due (next_try unset or not after `now`) and not leased to anyone
   * until after `now`, in one atomic step: they are leased to `owner` until `until`, and no other
   * caller (another instance over the same database) gets them before then. Ordered by id.
   */
  claimDueFeeds(now: string, lease: { owner: string; until: string }): Promise<FeedRecord[]>;
  /**
   * Renews `owner`'s lease on one feed until `until`, when it still holds it at `now`; false when the
   * lease ran out (another instance may have it): then this owner must not poll the feed.
   */
  renewFeedLease(feedId: number, lease: { owner: string; now: string; until: string }): Promise<boolean>;
  /** Ends `owner`'s leases (of those feeds, or all of them) so another instance may poll them at once; how many it ended. */
  releaseFeeds(owner: string, feedIds?: number[]): Promise<number>;
  /** Writes a poll's outcome. */
  updateFeedPoll(feedId: number, update: FeedPollUpdate): Promise<void>;
  /** Feeds with at least `minFailures` failures in a row (default 3). */
  failingFeeds(minFailures?: number): Promise<FeedRecord[]>;
  /** Removes a feed, its chat links and its sources (articles stay). */
  removeFeed(feedId: number): Promise<void>;
  /** Feeds a chat follows. */
  chatFeeds(chatId: string): Promise<FeedRecord[]>;
  /** Makes a chat follow a feed. */
  followFeed(chatId: string, feedId: number, now: string): Promise<void>;
  /** Makes a chat stop following a feed; true when it did follow it. */
  unfollowFeed(chatId: string, feedId: number): Promise<boolean>;
  /** Chats that follow a feed. */
  feedFollowers(feedId: number): Promise<string[]>;
}

/** Articles (deduplicated), where each was seen, and their analyses. */
export interface ArticleStore {
  /** Stores an article, deduplicated by guid, canonical URL and normalized-content hash. */
  upsertArticle(article: NewArticle): Promise<UpsertResult>;
  /**
   * Stores several articles as {@link upsertArticle} one after another would (a later one can be
   * a copy of an earlier one), in one transaction; the results in the order of `articles`.
   */
  upsertArticles(articles: readonly NewArticle[]): Promise<UpsertResult[]>;
  /** Whether `article` would be stored as a new article (no feed guid, URL or content of a stored one matches). */
  isNewArticle(article: NewArticle): Promise<boolean>;
  /** Articles that reached no story (older versions could crash between storing and grouping), oldest first. */
  articlesWithoutStory(limit: number): Promise<ArticleRecord[]>;
  /** The article with that id. */
  getArticle(id: number): Promise<ArticleRecord | undefined>;
  /** Several articles, in the order of `ids` (unknown ids left out). */
  getArticles(ids: number[]): Promise<ArticleRecord[]>;
  /** Every place an article was seen. */
  articleSources(articleId: number): Promise<ArticleSource[]>;
  /** Whether a feed item (feed + guid, or its canonical URL) was already recorded from that feed. */
  hasFeedItem(feedId: number, guid: string | undefined, url: string | undefined): Promise<boolean>;
  /** Number of stored articles. */
  countArticles(): Promise<number>;

  /** Stores (or replaces) an article's analysis for that analyzer version. */
  saveAnalysis(articleId: number, version: string, analysis: Analysis, now: string): Promise<void>;
  /** {@link saveAnalysis} for several articles at once (one statement on PostgreSQL), in their order. */
  saveAnalyses(version: string, rows: readonly AnalysisToSave[]): Promise<void>;
  /** The article's analysis (the latest version when `version` is not given). */
  getAnalysis(articleId: number, version?: string): Promise<AnalysisRecord | undefined>;
}

/** One analysis for {@link ArticleStore.saveAnalyses}: the analysis, or its JSON as stored (with its id). */
export type AnalysisToSave = { articleId: number; now: string } & ({ analysis: Analysis } | { json: string });

/** Stories: articles from several outlets about one event. */
export interface StoryStore {
  /** Creates a story holding one article. */
  createStory(articleId: number, title: string, seenAt: string): Promise<StoryRecord>;
  /** Adds an article to a story and moves its last_seen forward. */
  addToStory(storyId: number, articleId: number, score: number, seenAt: string): Promise<void>;
  /**
   * Merges story `from` into story `into` (an article tied them: one happening): its articles move to
   * `into`, which keeps its id and title and spans both stories' times; `from` stays as a row that
   * names `into` (merged_into) and is listed no more. A chat that got either story in a digest has
   * got the merged one: it does not come to that chat again as new.
   */
  mergeStories(into: number, from: number, seenAt: string): Promise<void>;
  /** The story an article belongs to. */
  storyOf(articleId: number): Promise<number | undefined>;
  /** A story with its counts; a story merged into another gives the one it was merged into (its id, title and articles). */
  getStory(storyId: number): Promise<StorySummary | undefined>;
  /** Stories with counts, most recently seen first. */
  listStories(query?: StoryQuery): Promise<StorySummary[]>;
  /** Article ids of a story, oldest first; of a merged story, those of the story it was merged into. */
  storyArticleIds(storyId: number): Promise<number[]>;
  /** Articles first seen at or after `since`, oldest first, for rebuilding the grouping index. */
  articlesSince(since: string): Promise<GroupingArticle[]>;
  /** Number of stories. */
  countStories(): Promise<number>;
}

/** Chats' digest subscriptions and keyword filters. */
export interface ChatStore {
  /** Creates or replaces the chat's subscription. */
  upsertSubscription(input: SubscriptionInput, now: string): Promise<Subscription>;
  /** The chat's subscription. */
  getSubscription(chatId: string): Promise<Subscription | undefined>;
  /** Every subscription (active only unless `all`). */
  listSubscriptions(opts?: { all?: boolean }): Promise<Subscription[]>;
  /** Removes the chat's subscription; true when there was one. */
  removeSubscription(chatId: string): Promise<boolean>;
  /** Adds a keyword filter. */
  addFilter(chatId: string, mode: 'include' | 'exclude', pattern: string, now: string): Promise<FilterRecord>;
  /** The chat's filters, oldest first. */
  listFilters(chatId: string): Promise<FilterRecord[]>;
  /** Removes one filter (by id) of the chat; true when it existed. */
  removeFilter(chatId: string, filterId: number): Promise<boolean>;
  /** Removes every filter of the chat; how many there were. */
  clearFilters(chatId: string): Promise<number>;
}

/** Composed digests: a chat's last one is what "/timeline 2" reads (the delivery ledger is src/store/digest-ledger.ts). */
export interface DigestStore {
  /** Records a composed digest for a chat (it becomes the chat's last digest). */
  recordDigest(chatId: string, items: DigestItem[], now: string): Promise<DigestRecord>;
  /** The chat's most recent digest. */
  lastDigest(chatId: string): Promise<DigestRecord | undefined>;
}

/** A digest's forum post whose story has since been merged into another (StoryStore.mergeStories). */
export interface MergedForumPost {
  chatId: string;
  key: string;
  thread: string;
  /** The story it was posted for, merged away, and that story's title. */
  storyId: number;
  storyTitle: string;
  /** The story it went into. */
  into: { id: number; title: string };
  /** The same chat's post of that story, when the chat has one. */
  intoThread?: string;
}

/** The forum posts whose story was merged, for telling their readers where the story goes on. */
export interface ForumMergeStore {
  /** Complete forum posts, of every chat, whose story has been merged into another: at most `limit`, oldest first. */
  mergedForumPosts(limit: number): Promise<MergedForumPost[]>;
  /**
   * Moves a post from the merged story `from` to `to` (undefined: to no story, when the chat has
   * a post of the story it went into). False when it no longer stands for `from` (another instance moved it).
   */
  moveForumPost(chatId: string, key: string, from: number, to: number | undefined): Promise<boolean>;
}

/** Days a forum post stays known: a retried digest comes back within hours; older posts are forgotten. */
export const FORUM_POST_DAYS = 7;

/** Days a long button action is kept after the last message that carried it: its button then says it has expired. */
export const BUTTON_ACTION_DAYS = 30;

/**
 * Everything mojaz keeps, one interface per concern; a consumer names the concerns it uses
 * (`ChatStore & FeedStore`). Implements {@link ChatMemory} for the commands.
 */
export interface Store extends FeedStore, ArticleStore, StoryStore, ChatStore, DigestStore, ForumPostStore, ForumMergeStore, ButtonActionStore, ChatMemory {
  /**
   * Runs `work` as one transaction: every write it makes lands, or none does (a crash or a full
   * disk midway leaves nothing half done). `work` must only await this store between its writes.
   */
  inTransaction<T>(work: () => Promise<T>): Promise<T>;
  /** Closes the database. */
  close(): Promise<void>;
}

