/**
 * Digest composition: a chat's candidate stories since its last digest, filtered by its keyword
 * filters and ranked by number of sources, then recency; and the neutral message that shows them,
 * one item per story with its brief and "N مصادر" with links.
 */
import { m, type Block, type Inline, type Message } from '../messages/model.ts';
import type { DigestItem, Store, StorySummary } from '../store/types.ts';
import { passesFilters, type ChatFilters } from './filters.ts';
import { localDateTime } from './format.ts';

/** What one digest item shows. */
export interface StoryDetails {
  story: StorySummary;
  articleIds: number[];
  /** Brief sentences of the story's first analysed article. */
  brief: string[];
  /** Up to a few links, one per outlet. */
  links: { outlet: string; url: string }[];
}

/** The store reads composition needs. */
export type ComposeStore = Pick<
  Store,
  'listStories' | 'storyArticleIds' | 'getAnalysis' | 'articleSources' | 'chatFeeds' | 'listFilters'
>;

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
      if (!s.url || links.length >= LINKS) continue;
      const outlet = s.outlet ?? new URL(s.url).hostname;
      if (outlets.has(outlet)) continue;
      outlets.add(outlet);
      links.push({ outlet, url: s.url });
    }
  }
  const details = { story, articleIds, brief, links };
  cache?.set(story.id, details);
  return details;
}

/** The chat's include/exclude filters as stored. */
export async function chatFilters(store: Pick<Store, 'listFilters'>, chatId: string): Promise<ChatFilters> {
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
  const feeds = await store.chatFeeds(chatId);
  // A chat that follows no feed in particular gets every feed's stories.
  const query = feeds.length > 0 ? { since, feedIds: feeds.map((f) => f.id), limit: SCAN } : { since, limit: SCAN };
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

/** The digest message for the kept items, titled with the slot's local date and time. */
export function renderDigest(
  items: DigestItem[],
  details: Map<number, StoryDetails>,
  slot: Date,
  timeZone: string,
): Message {
  const blocks: Block[] = [m.heading(`موجز الأخبار — ${localDateTime(slot, timeZone)}`)];
  items.forEach((item, i) => {
    const d = item.storyId !== undefined ? details.get(item.storyId) : undefined;
    blocks.push(m.paragraph(m.bold(`${i + 1}. ${item.title ?? d?.story.title ?? ''}`)));
    if (d && d.brief.length > 0) blocks.push(m.paragraph(d.brief.join(' ')));
    const sources: Inline[] = [m.text(`${sourcesLabel(d?.story.sourceCount ?? 1)}: `)];
    (d?.links ?? []).forEach((l, k) => {
      if (k > 0) sources.push(m.text('، '));
      sources.push(m.link(l.outlet, l.url));
    });
    blocks.push(m.paragraph(...sources));
  });
  blocks.push(m.separator(), m.paragraph(m.italic('لخط زمن خبر منها: /timeline 2 (رقم الخبر)')));
  return { blocks, direction: 'rtl' };
}
