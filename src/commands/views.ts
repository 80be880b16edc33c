/**
 * Builds the neutral messages of /brief, /timeline and /who from analyses. Tight by design: a
 * brief is its 1–3 items; a timeline is one "date — event" line per event; the who list is
 * grouped by kind with a role and at most one short quote each.
 */
import type { Analysis, EntityType, TimelineEntry, WhoEntry } from '../core/types.ts';
import { compareTimeValues, formatArabicDate } from '../messages/dates.ts';
import { m, type Block, type Button, type Inline, type Message } from '../messages/model.ts';
import { renderTimelinePicture } from '../messages/render/timeline-picture.ts';
import { ar } from './ar.ts';
import { articleArgs } from './resolve.ts';
import { hostLabel } from '../sources/page.ts';
import type { StoredArticle } from '../store/types.ts';

/** Longest event text and quote shown, in characters (longer ones end at a word with "…"). */
const EVENT_MAX = 220;
const QUOTE_MAX = 120;
/** Entries shown per who group; the rest are counted. */
const WHO_PER_GROUP = 8;
const GROUP_ORDER: EntityType[] = ['PER', 'ORG', 'LOC', 'SRC'];

/** An article with its analysis. */
export interface Analysed {
  article: StoredArticle;
  analysis: Analysis;
}

/** A view of one article (`key`: its button key) or of a merged digest item (`digestItem`). */
export interface ViewOptions {
  key?: string;
  digestItem?: number;
  /** Offer the timeline as a picture (a button); the console writes the picture instead. */
  pictureButton?: boolean;
}

/** Most events a timeline picture shows; the rest are counted under them. */
const PICTURE_EVENTS = 12;

/** Shortens `text` to `max` characters at a word boundary, with "…". */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s،,.؛:]+$/u, '')}…`;
}

/** The title line of an article: its title (linked when it has a URL), else a link to its source. */
function titleLine(article: StoredArticle): Block | undefined {
  const title = article.title?.trim();
  if (title && article.url) return m.paragraph(m.link(title, article.url));
  if (title) return m.paragraph(m.bold(title));
  if (article.url) return m.paragraph(m.link(article.source ?? ar.source, article.url));
  return undefined;
}

/** Buttons that open the other views of the same article: actions read "command args". */
function actionButtons(key: string, except: 'brief' | 'timeline' | 'who'): Button[][] {
  const all: Button[] = [
    { kind: 'action', label: ar.buttons.timeline, action: `timeline ${articleArgs(key)}` },
    { kind: 'action', label: ar.buttons.who, action: `who ${articleArgs(key)}` },
  ];
  return [all.filter((b) => b.kind === 'action' && !b.action.startsWith(`${except} `))];
}

/** A short message of one paragraph (replies such as errors and empty results). */
export function notice(text: string): Message {
  return { blocks: [m.paragraph(text)] };
}

/** Analyses with the URL of their article when several are merged (each line then links to it). */
function linkedSources(articles: Analysed[]): Array<{ analysis: Analysis; url?: string }> {
  const merged = articles.length > 1;
  return articles.map(({ article, analysis }) => ({ analysis, ...(merged && article.url ? { url: article.url } : {}) }));
}

/** Heading of a view, then the digest item it covers or the article's title line. */
function viewHead(
  heading: string,
  articles: Array<{ article: StoredArticle }>,
  options: { digestItem?: number },
): Block[] {
  const blocks: Block[] = [m.heading(heading)];
  if (options.digestItem !== undefined) blocks.push(m.paragraph(ar.headings.digestItem(options.digestItem)));
  else if (articles[0]) {
    const head = titleLine(articles[0].article);
    if (head) blocks.push(head);
  }
  return blocks;
}

/**
 * /brief: title line, then the brief items as a list (or the `generated` brief, already checked
 * against the article, with a line saying so); buttons for the timeline and the who list.
 */
export function briefMessage(article: StoredArticle, analysis: Analysis, key: string, generated?: string): Message {
  const head = titleLine(article);
  const items = analysis.brief.map((item) => [m.text(item.text)]);
  const blocks: Block[] = [m.heading(ar.headings.brief), ...(head ? [head] : [])];
  if (generated) blocks.push(m.paragraph(generated), m.paragraph(m.italic(ar.generatedBrief)));
  else blocks.push(items.length > 0 ? m.list(items) : m.paragraph(ar.noBrief));
  if (analysis.timeline.length > 0 && countsFromToday([{ article, analysis }])) blocks.push(m.paragraph(ar.datesFromToday));
  return { blocks, buttons: actionButtons(key, 'brief') };
}

/** One timeline line: "date — event", the event linked to its article when merging several. */
function timelineItem(entry: TimelineEntry, url: string | undefined): Inline[] {
  const event = shorten(entry.event, EVENT_MAX);
  return [m.bold(formatArabicDate(entry.date)), m.text(' — '), url ? m.link(event, url) : m.text(event)];
}

/** Timeline entries of several articles, oldest first, without repeats. */
export function mergeTimelines(sources: Array<{ analysis: Analysis; url?: string }>): Array<{ entry: TimelineEntry; url?: string }> {
  const seen = new Set<string>();
  const all = sources.flatMap(({ analysis, url }) => analysis.timeline.map((entry) => ({ entry, ...(url ? { url } : {}) })));
  return all
    .map((x, i) => ({ ...x, i }))
    .sort((a, b) => compareTimeValues(a.entry.date, b.entry.date) || a.i - b.i)
    .filter(({ entry }) => {
      const key = `${entry.date}\0${entry.event}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ entry, url }) => ({ entry, ...(url ? { url } : {}) }));
}

/** The arguments of /timeline that open the picture of the same article or digest item. */
function pictureArgs(options: ViewOptions): string | undefined {
  if (options.key) return `${ar.pictureWord} ${articleArgs(options.key)}`;
  if (options.digestItem !== undefined) return `${ar.pictureWord} ${options.digestItem}`;
  return undefined;
}

/** Whether an article's dates count from the day of the analysis (no publication date, none in its text). */
function countsFromToday(articles: Analysed[]): boolean {
  return articles.some(({ analysis }) => analysis.reference?.from === 'today');
}

/** /timeline for one article (`key` set) or a merged digest item (`digestItem` set). */
export function timelineMessage(articles: Analysed[], options: ViewOptions): Message {
  const entries = mergeTimelines(linkedSources(articles));
  const blocks = viewHead(ar.headings.timeline, articles, options);
  blocks.push(entries.length > 0 ? m.list(entries.map(({ entry, url }) => timelineItem(entry, url))) : m.paragraph(ar.noTimeline));
  if (entries.length > 0 && countsFromToday(articles)) blocks.push(m.paragraph(ar.datesFromToday));
  const buttons: Button[][] = options.key ? actionButtons(options.key, 'timeline') : [];
  const picture = options.pictureButton && entries.length > 0 ? pictureArgs(options) : undefined;
  if (picture) buttons.unshift([{ kind: 'action', label: ar.buttons.picture, action: `timeline ${picture}` }]);
  return { blocks, ...(buttons.length > 0 ? { buttons } : {}) };
}

/** "وكالة الأنباء، example.com": the outlets (or sites) the articles come from, each once. */
function sourcesOf(articles: Analysed[]): string {
  const names = articles.map(({ article }) => article.source?.trim() || (article.url ? (hostLabel(article.url) ?? '') : ''));
  return [...new Set(names.filter((n) => n !== ''))].join('، ');
}

/** /timeline as a picture: the same events drawn on a vertical axis, with the title and sources. */
export async function timelinePictureMessage(articles: Analysed[], options: ViewOptions): Promise<Message> {
  const entries = mergeTimelines(linkedSources(articles));
  const first = articles[0]?.article;
  const title =
    options.digestItem !== undefined
      ? first?.title?.trim() || ar.headings.digestItem(options.digestItem)
      : first?.title?.trim() || ar.headings.timeline;
  const sources = sourcesOf(articles);
  const shown = entries.length <= PICTURE_EVENTS + 1 ? entries : entries.slice(0, PICTURE_EVENTS);
  const picture = await renderTimelinePicture({
    title,
    entries: shown.map(({ entry }) => ({ date: formatArabicDate(entry.date), event: shorten(entry.event, EVENT_MAX) })),
    empty: ar.noTimeline,
    ...(sources ? { source: `${ar.source}: ${sources}` } : {}),
    ...(shown.length < entries.length ? { more: ar.moreEvents(entries.length - shown.length) } : {}),
  });
  return { blocks: viewHead(ar.headings.timeline, articles, options), picture };
}

/** One who entry, with the URL of the article it came from when merging. */
interface WhoItem {
  entry: WhoEntry;
  url?: string;
}

/** Who entries of several articles, one per (type, name), the most mentioned first. */
export function mergeWho(sources: Array<{ analysis: Analysis; url?: string }>): WhoItem[] {
  const byKey = new Map<string, WhoItem & { weight: number; order: number }>();
  let order = 0;
  for (const { analysis, url } of sources) {
    for (const entry of analysis.who) {
      const key = `${entry.type}\0${entry.name}`;
      const known = byKey.get(key);
      if (!known) {
        byKey.set(key, { entry, ...(url ? { url } : {}), weight: entry.mentions.length, order: order++ });
        continue;
      }
      known.weight += entry.mentions.length;
      known.entry = {
        ...known.entry,
        role: known.entry.role || entry.role,
        said: known.entry.said.length > 0 ? known.entry.said : entry.said,
      };
    }
  }
  const merged = sources.length > 1;
  return [...byKey.values()]
    .sort((a, b) => (merged ? b.weight - a.weight : 0) || a.order - b.order)
    .map(({ entry, url }) => ({ entry, ...(url ? { url } : {}) }));
}

/** One who line: name (linked to its article when merging), role, a short quote. */
function whoLine({ entry, url }: WhoItem): Inline[] {
  const line: Inline[] = [url ? m.link(entry.name, url) : m.bold(entry.name)];
  if (entry.role && entry.role !== entry.name) line.push(m.text(` — ${entry.role}`));
  const quote = entry.said.find((s) => s.trim() !== '');
  if (quote) line.push(m.text(': '), m.italic(`«${shorten(quote, QUOTE_MAX)}»`));
  return line;
}

/** /who for one article (`key` set) or a merged digest item (`digestItem` set). */
export function whoMessage(articles: Analysed[], options: ViewOptions): Message {
  const items = mergeWho(linkedSources(articles));
  const blocks = viewHead(ar.headings.who, articles, options);
  if (items.length === 0) blocks.push(m.paragraph(ar.noWho));
  for (const type of GROUP_ORDER) {
    const group = items.filter((item) => item.entry.type === type);
    if (group.length === 0) continue;
    // A "one more" line would take the room of the one it stands for.
    const count = group.length <= WHO_PER_GROUP + 1 ? group.length : WHO_PER_GROUP;
    const shown = group.slice(0, count).map(whoLine);
    if (group.length > count) shown.push([m.text(ar.more(group.length - count))]);
    blocks.push(m.heading(ar.groups[type]), m.list(shown));
  }
  return { blocks, ...(options.key ? { buttons: actionButtons(options.key, 'who') } : {}) };
}
