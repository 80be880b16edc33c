/**
 * Feed parsing: RSS 2.0 (and RSS 1.0/RDF), Atom and JSON Feed into one item shape. fast-xml-parser
 * (already a dependency, pure JS, no network) reads the XML after its validator has vetted it, so
 * malformed XML or an HTML page served as a feed becomes a FeedError with an Arabic message, never
 * a crash.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { htmlToText } from './feed-text.ts';

/** One feed item, whatever the format. */
export interface FeedItem {
  /** The item's id (RSS guid, Atom id, JSON Feed id), falling back to its link. */
  guid?: string;
  url?: string;
  title: string;
  /** ISO 8601, keeping the feed's UTC offset when it gave one. */
  published?: string;
  /** The excerpt (RSS description, Atom summary, JSON Feed summary) as plain text. */
  summary: string;
  /** The full text when the feed carries it (content:encoded, Atom content, content_html/text). */
  content?: string;
  /** The outlet that first published it, when the feed names one (RSS <source>, Atom <source>). */
  outlet?: string;
}

/** A parsed feed. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json';
  title: string;
  link?: string;
  items: FeedItem[];
}

/** Why a feed could not be read. */
export type FeedErrorCode = 'not-a-feed' | 'local-path-not-allowed';

/** A feed that could not be read; `userMessage` is Arabic and safe to show in a chat. */
export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly userMessage: string,
  ) {
    super(message);
  }
}

/** The error for anything that is not a readable RSS/Atom/JSON feed. */
export function notAFeed(detail: string): FeedError {
  return new FeedError(
    'not-a-feed',
    `not a feed: ${detail}`,
    'الرابط ليس موجز RSS/Atom صالحًا. تأكّد من رابط الموجز (لا رابط الصفحة الرئيسية للموقع).',
  );
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'category',
});

type Node = Record<string, unknown>;

/** The text of an element that may be a string, a {#text} object, or absent. */
function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object') return textOf((v as Node)['#text']);
  return '';
}

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};
const ZONES: Record<string, string> = { GMT: '+00:00', UT: '+00:00', UTC: '+00:00', Z: '+00:00', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00' };

/**
 * A feed date as ISO 8601, keeping its own UTC offset (the article's calendar day is the
 * reference for "yesterday" in its text): RFC 822 as RSS writes it, ISO as Atom writes it.
 */
export function feedDate(raw: string): string | undefined {
  const s = raw.trim();
  if (!s) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return Number.isNaN(Date.parse(s)) ? s.slice(0, 10) : s;
  const m = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Z]{1,3})?$/.exec(s);
  if (m) {
    const [, d, mon, y, hh, mm, ss, zone] = m;
    const month = MONTHS[mon!.toLowerCase()];
    if (month) {
      const year = y!.length === 2 ? `20${y}` : y!;
      const offset = !zone ? '+00:00' : /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : (ZONES[zone] ?? '+00:00');
      return `${year}-${month}-${d!.padStart(2, '0')}T${hh!.padStart(2, '0')}:${mm}:${ss ?? '00'}${offset}`;
    }
  }
  const day = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(s);
  const dayMonth = day ? MONTHS[day[2]!.toLowerCase()] : undefined;
  if (day && dayMonth) return `${day[3]}-${dayMonth}-${day[1]!.padStart(2, '0')}`;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Parses a feed body of any supported format; throws FeedError when it is none of them. */
export function parseFeed(body: string, contentType = ''): ParsedFeed {
  const text = body.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{') || contentType.includes('json')) return parseJsonFeed(text);
  if (!text.startsWith('<')) throw notAFeed('body is neither XML nor JSON');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw notAFeed(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (err) {
    throw notAFeed(`unparsable XML: ${(err as Error).message}`);
  }
  if (doc.rss && typeof doc.rss === 'object') return parseRss((doc.rss as Node).channel as Node | undefined, undefined);
  if (doc['rdf:RDF'] && typeof doc['rdf:RDF'] === 'object') {
    const rdf = doc['rdf:RDF'] as Node;
    return parseRss(rdf.channel as Node | undefined, rdf.item);
  }
  if (doc.feed && typeof doc.feed === 'object') return parseAtom(doc.feed as Node);
  const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? '(none)';
  throw notAFeed(`root element <${root}> is not rss, rdf:RDF or feed`);
}

function asArray(v: unknown): Node[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Node => typeof x === 'object' && x !== null);
}

function clean(s: string): string {
  return htmlToText(s);
}

/**
 * Gives `item` its excerpt or full text as the plain text of `html`, converted when first read: a
 * poll reads the text of its new items only, and a feed repeats most items from poll to poll.
 * `content` is set only when there is markup to convert (it may still read as '' when the markup
 * holds no text, which every reader treats as no content).
 */
function textLater(item: FeedItem, key: 'summary' | 'content', html: string): void {
  if (key === 'content' && !html.trim()) return;
  let text: string | undefined;
  Object.defineProperty(item, key, {
    enumerable: true,
    configurable: true,
    get: () => (text ??= clean(html)),
    set: (value: string) => void (text = value),
  });
}

function parseRss(channel: Node | undefined, rdfItems: unknown): ParsedFeed {
  if (!channel) throw notAFeed('rss without a channel');
  const items: FeedItem[] = [];
  for (const it of asArray(rdfItems ?? channel.item)) {
    const link = textOf(it.link).trim() || undefined;
    const guid = textOf(it.guid).trim() || textOf(it['@_rdf:about']).trim() || link;
    const item: FeedItem = { title: clean(textOf(it.title)), summary: '' };
    textLater(item, 'summary', textOf(it.description));
    textLater(item, 'content', textOf(it['content:encoded']));
    if (guid) item.guid = guid;
    if (link) item.url = link;
    const published = feedDate(textOf(it.pubDate) || textOf(it['dc:date']));
    if (published) item.published = published;
    const outlet = textOf(it.source).trim();
    if (outlet) item.outlet = outlet;
    items.push(item);
  }
  const feed: ParsedFeed = { format: 'rss', title: clean(textOf(channel.title)), items };
  const link = textOf(channel.link).trim();
  if (link) feed.link = link;
  return feed;
}

/** The link an Atom element points to: rel="alternate" (or no rel) first. */
function atomLink(links: unknown): string | undefined {
  const all = asArray(links);
  const alt = all.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? all[0];
  const href = alt ? textOf(alt['@_href']).trim() : '';
  return href || undefined;
}

function parseAtom(feedNode: Node): ParsedFeed {
  const items: FeedItem[] = [];
  for (const e of asArray(feedNode.entry)) {
    const url = atomLink(e.link);
    const guid = textOf(e.id).trim() || url;
    const item: FeedItem = { title: clean(textOf(e.title)), summary: '' };
    textLater(item, 'summary', textOf(e.summary));
    textLater(item, 'content', textOf(e.content));
    if (guid) item.guid = guid;
    if (url) item.url = url;
    const published = feedDate(textOf(e.published) || textOf(e.updated));
    if (published) item.published = published;
    const outlet = e.source && typeof e.source === 'object' ? textOf((e.source as Node).title).trim() : '';
    if (outlet) item.outlet = outlet;
    items.push(item);
  }
  const feed: ParsedFeed = { format: 'atom', title: clean(textOf(feedNode.title)), items };
  const link = atomLink(feedNode.link);
  if (link) feed.link = link;
  return feed;
}

/**
 * A JSON Feed item's id as a guid: a string or number as written. The spec asks for a string, but
 * feeds in the wild send objects too; those are keyed by their JSON (String() would give every one
 * of them the same "[object Object]" and drop all but the first item as seen).
 */
function jsonFeedId(id: unknown): string | undefined {
  if (typeof id === 'string') return id.trim() || undefined;
  if (typeof id === 'number' || typeof id === 'bigint') return String(id);
  if (id === null || id === undefined || typeof id !== 'object') return undefined;
  const json = JSON.stringify(id);
  return json === '{}' || json === '[]' ? undefined : json.slice(0, 500);
}

function parseJsonFeed(text: string): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw notAFeed('malformed JSON');
  }
  const d = doc as Node;
  if (typeof d !== 'object' || d === null || typeof d.version !== 'string' || !d.version.includes('jsonfeed.org') || !Array.isArray(d.items)) {
    throw notAFeed('JSON that is not a JSON Feed');
  }
  const items: FeedItem[] = [];
  for (const it of asArray(d.items)) {
    const url = typeof it.url === 'string' ? it.url : typeof it.external_url === 'string' ? it.external_url : undefined;
    const guid = jsonFeedId(it.id) ?? url;
    const content = typeof it.content_text === 'string' ? it.content_text.trim() : typeof it.content_html === 'string' ? clean(it.content_html) : '';
    const item: FeedItem = {
      title: typeof it.title === 'string' ? clean(it.title) : '',
      summary: typeof it.summary === 'string' ? clean(it.summary) : '',
    };
    if (guid) item.guid = guid;
    if (url) item.url = url;
    const published = typeof it.date_published === 'string' ? feedDate(it.date_published) : undefined;
    if (published) item.published = published;
    if (content) item.content = content;
    items.push(item);
  }
  const feed: ParsedFeed = { format: 'json', title: typeof d.title === 'string' ? d.title : '', items };
  if (typeof d.home_page_url === 'string') feed.link = d.home_page_url;
  return feed;
}
