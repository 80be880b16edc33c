/**
 * Digest composition, what a chat's digest holds: its period (since its last digest), the candidate
 * stories of its feeds in that period, filtered by its keyword filters and ranked by number of
 * sources, then recency; the neutral message that shows them, one item per story with its brief
 * and "N مصادر" with links; and {@link openChatDigest}, which puts these together and opens the
 * digest in the ledger.
 */
import { m, type Block, type Button, type Inline, type Message, type Post } from '../messages/model.ts';
import { feedsReadBy } from '../store/reading.ts';
import type { ArticleStore, ChatStore, DigestItem, FeedStore, StoryStore, StorySummary } from '../store/types.ts';
import { openFresh, type DigestLedger, type OpenDigestResult } from './ledger.ts';
import { passesFilters, type ChatFilters } from './filters.ts';
import { isDayOnly, itemDay, localDateTime, localDay, localTime } from './format.ts';

/** What one digest item shows. */
export interface StoryDetails {
  story: StorySummary;
  articleIds: number[];
  /** Brief sentences of the story's first analysed article. */
  brief: string[];
  /** Up to a few outlets, one each, with a link when their item had one. */
  links: { outlet: string; url?: string }[];
  /** Publication time of its newest article (ISO 8601; when mojaz first saw it, for an undated one). */
  newest?: string;
}

/** The store as composition reads it: stories, their articles and analyses, the chat's feeds and filters. */
export type ComposeStore = StoryStore & ArticleStore & FeedStore & ChatStore;

/** Most stories considered per digest before filters and the ledger's "already given" check. */
const SCAN = 200;
const LINKS = 3;

/** Orders stories by distinct sources, then most recent, then newest id (a stable order for ties). */
export function rankStories<T extends { story: StorySummary }>(xs: T[]): T[] {
  return [...xs].sort(
    (a, b) =>
      b.story.sourceCount - a.story.sourceCount ||
      (a.story.lastSeen < b.story.lastSeen ? 1 : a.story.lastSeen > b.story.lastSeen ? -1 : 0) ||
      b.story.id - a.story.id,
  );
}

/** Loads what an item shows for a story; `cache` shares the work across the chats of one round. */
export async function storyDetails(
  store: ComposeStore,
  story: StorySummary,
  cache?: Map<number, StoryDetails>,
): Promise<StoryDetails> {
  const hit = cache?.get(story.id);
  if (hit && hit.story.lastSeen === story.lastSeen) return hit;
  const articleIds = await store.storyArticleIds(story.id);
  let brief: string[] = [];
  for (const id of articleIds) {
    const a = await store.getAnalysis(id);
    if (a && a.analysis.brief.length > 0) {
      brief = a.analysis.brief.map((b) => b.text);
      break;
    }
  }
  const links: StoryDetails['links'] = [];
  const outlets = new Set<string>();
  for (const id of articleIds) {
    for (const s of await store.articleSources(id)) {
      // An item without a link still names its outlet (a line of bare sources reads as broken).
      const outlet = s.outlet ?? (s.url ? new URL(s.url).hostname : undefined);
      if (!outlet || links.length >= LINKS || outlets.has(outlet)) continue;
      outlets.add(outlet);
      links.push(s.url ? { outlet, url: s.url } : { outlet });
    }
  }
  const details: StoryDetails = { story, articleIds, brief, links };
  const newest = newestOf(await store.getArticles(articleIds));
  if (newest) details.newest = newest;
  cache?.set(story.id, details);
  return details;
}

/**
 * The latest publication time of `articles` (their first sighting when a feed gave no date). A publication given as
 * a day only ("2017-06-19") is returned as that day, so the item shows it as given; it counts as the day's start, so
 * an article of the same day with a time is the newer one.
 */
export function newestOf(articles: Array<{ published?: string; firstSeen: string }>): string | undefined {
  let best: number | undefined;
  let bestDay: string | undefined;
  for (const a of articles) {
    const published = a.published ? Date.parse(a.published) : NaN;
    const t = Number.isNaN(published) ? Date.parse(a.firstSeen) : published;
    if (Number.isNaN(t) || (best !== undefined && t <= best)) continue;
    best = t;
    bestDay = !Number.isNaN(published) && a.published !== undefined && isDayOnly(a.published) ? a.published : undefined;
  }
  return bestDay ?? (best === undefined ? undefined : new Date(best).toISOString());
}

/** The chat's include/exclude filters as stored. */
async function chatFilters(store: Pick<ChatStore, 'listFilters'>, chatId: string): Promise<ChatFilters> {
  const filters = await store.listFilters(chatId);
  return {
    include: filters.filter((f) => f.mode === 'include').map((f) => f.pattern),
    exclude: filters.filter((f) => f.mode === 'exclude').map((f) => f.pattern),
  };
}

/** The chat's candidate stories since `since`, filtered and ranked, best first. */
export async function candidateStories(
  store: ComposeStore,
  chatId: string,
  since: string,
  cache?: Map<number, StoryDetails>,
): Promise<StoryDetails[]> {
  const { feeds, followsSome } = await feedsReadBy(store, chatId);
  // Following no feed in particular reads them all: no feed condition (stories of pasted links too).
  const query = followsSome ? { since, feedIds: feeds.map((f) => f.id), limit: SCAN } : { since, limit: SCAN };
  const stories = await store.listStories(query);
  const filters = await chatFilters(store, chatId);
  const out: StoryDetails[] = [];
  for (const story of stories) {
    const d = await storyDetails(store, story, cache);
    if (passesFilters(`${story.title}\n${d.brief.join('\n')}`, filters)) out.push(d);
  }
  return rankStories(out);
}

/** The ledger's view of a story: which articles the digest item stands for. */
export function digestItemOf(d: StoryDetails): DigestItem {
  return { storyId: d.story.id, articleIds: d.articleIds, title: d.story.title };
}

/** "مصدر واحد", "مصدران", "3 مصادر", "11 مصدرًا". */
export function sourcesLabel(n: number): string {
  if (n <= 1) return 'مصدر واحد';
  if (n === 2) return 'مصدران';
  if (n <= 10) return `${n} مصادر`;
  return `${n} مصدرًا`;
}

/** What a digest covers: stories seen from `since` to `slot`, shown in `timeZone`. */
export interface DigestPeriod {
  since?: Date;
  slot: Date;
  timeZone: string;
}

/** The digest's heading: the period it covers ("من الأحد 6 ديسمبر 08:00 إلى الاثنين 7 ديسمبر 08:00"). */
export function digestHeading({ since, slot, timeZone }: DigestPeriod): string {
  if (!since || since.getTime() >= slot.getTime()) return `موجز الأخبار — ${localDateTime(slot, timeZone)}`;
  const sameDay = localDay(since, timeZone) === localDay(slot, timeZone);
  if (sameDay) return `موجز الأخبار — ${localDay(slot, timeZone)}، من ${localTime(since, timeZone)} إلى ${localTime(slot, timeZone)}`;
  return `موجز الأخبار — من ${localDay(since, timeZone)} ${localTime(since, timeZone)} إلى ${localDay(slot, timeZone)} ${localTime(slot, timeZone)}`;
}

/** The "more" button under a digest: /digest again shows the next stories of the period. */
function moreButton(left: number): Button {
  return { kind: 'action', label: `المزيد (${left})`, action: 'digest' };
}

/**
 * The digest message for the kept items: a heading with the period it covers; per item its title,
 * brief, the day of its newest article and its sources; a "more" button when `left` stories of
 * the period had no room. The same stories go in `posts` too, one post each, for forum channels.
 */
export function renderDigest(items: DigestItem[], details: Map<number, StoryDetails>, period: DigestPeriod, left = 0): Message {
  const blocks: Block[] = [m.heading(digestHeading(period))];
  const posts: Post[] = [];
  items.forEach((item, i) => {
    const d = item.storyId !== undefined ? details.get(item.storyId) : undefined;
    const title = item.title ?? d?.story.title ?? '';
    const story = storyBlocks(d, period);
    blocks.push(m.paragraph(m.bold(`${i + 1}. ${title}`)), ...story);
    posts.push({ title, message: { blocks: story, direction: 'rtl' }, articleIds: item.articleIds, ...(item.storyId !== undefined ? { storyId: item.storyId } : {}) });
  });
  blocks.push(m.separator(), m.paragraph(m.italic('لخط زمن خبر منها: /timeline 2 (رقم الخبر)')));
  return { blocks, direction: 'rtl', posts, ...(left > 0 ? { buttons: [[moreButton(left)]] } : {}) };
}

/** What a digest item says under its title: the brief, then the day of its newest article and its sources. */
function storyBlocks(d: StoryDetails | undefined, period: DigestPeriod): Block[] {
  const blocks: Block[] = [];
  if (d && d.brief.length > 0) blocks.push(m.paragraph(d.brief.join(' ')));
  const day = d?.newest ? `${itemDay(d.newest, period.slot, period.timeZone)} · ` : '';
  const links = d?.links ?? [];
  const sources: Inline[] = [m.text(`${day}${sourcesLabel(d?.story.sourceCount ?? 1)}${links.length > 0 ? ': ' : ''}`)];
  links.forEach((l, k) => {
    if (k > 0) sources.push(m.text('، '));
    sources.push(l.url ? m.link(l.outlet, l.url) : m.text(l.outlet));
  });
  blocks.push(m.paragraph(...sources));
  return blocks;
}

const DAY = 86_400_000;
/** A digest never reaches back further than this, however long the chat went without one. */
const MAX_LOOKBACK = 7 * DAY;
/** Stories whose details are kept between digests (each re-read when the story changes). */
const DETAILS_CACHE = 5_000;

/** What opening a chat's digest reads and writes. */
export interface ComposeDeps {
  store: ComposeStore;
  ledger: Pick<DigestLedger, 'history' | 'newToChat' | 'openDigest'>;
  now(): Date;
  /** Story details shared by every chat of a round (1,000 chats at 08:00 read the same stories). */
  details: Map<number, StoryDetails>;
}

/**
 * Where a digest's stories start: a scheduled one after the chat's last digest; one asked for
 * (/digest, "more") in the same period as the last digest, so the stories it had no room for
 * come next (the ledger never gives a story twice). Never more than a week back; a chat's first
 * digest starts a day before it subscribed.
 */
async function periodStart(deps: ComposeDeps, chatId: string, samePeriod: boolean): Promise<string> {
  const h = await deps.ledger.history(chatId);
  const now = deps.now().getTime();
  const start = samePeriod && h.lastSince ? h.lastSince : h.lastSlot;
  let from: number;
  if (start) from = Date.parse(start);
  else {
    const sub = await deps.store.getSubscription(chatId);
    from = (sub ? Date.parse(sub.createdAt) : now) - DAY;
  }
  return new Date(Math.max(from, now - MAX_LOOKBACK)).toISOString();
}

/**
 * Opens a chat's digest for `slot`: its period, its candidate stories, then the ledger's
 * read → render → write (openFresh) keeps the first `topN` the chat has not had. `manual` (/digest,
 * "more") continues the period of the last digest. The fan-out sends what is opened.
 */
export async function openChatDigest(
  deps: ComposeDeps,
  chatId: string,
  slot: Date,
  opts: { timeZone: string; topN: number; manual: boolean },
): Promise<OpenDigestResult> {
  if (deps.details.size > DETAILS_CACHE) deps.details.clear();
  const from = await periodStart(deps, chatId, opts.manual);
  const stories = await candidateStories(deps.store, chatId, from, deps.details);
  const mine = new Map(stories.map((d) => [d.story.id, d]));
  return openFresh(deps.ledger, {
    chatId,
    slot: slot.toISOString(),
    now: deps.now().toISOString(),
    candidates: stories.map(digestItemOf),
    topN: opts.topN,
    since: from,
    render: (items, left) => renderDigest(items, mine, { since: new Date(from), slot, timeZone: opts.timeZone }, left),
  });
}
