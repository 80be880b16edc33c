/**
 * Turns a news web page into an article: title, plain text with one paragraph per line (the analysis
 * core segments on newlines), and the publication date, site name and byline when the page states
 * them. Uses Mozilla Readability over linkedom, after removing what Readability cannot recognise in
 * Arabic pages ("اقرأ أيضا" boxes, share bars). Arabic text is kept exactly as written: only HTML
 * whitespace is collapsed and entities decoded.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { asciiDigits } from '../core/text/normalize.ts';
import { pageErrors } from './errors.ts';
import type { Fetcher } from './http.ts';

/** What {@link extractArticle} finds in a page. */
export interface Article {
  title: string;
  /** Paragraphs, one a line. */
  text: string;
  /** Publication date or date-time, ISO 8601 (offset kept when the page gives one). */
  published?: string;
  /** The page's declared site name, else its host name (without "www."). */
  siteName?: string;
  byline?: string;
}

/** An article read from a URL. */
export interface FetchedArticle extends Article {
  /** The final URL, after redirects. */
  url: string;
}

/** The slice of the DOM this module touches (the project's tsconfig has no DOM lib). */
interface El {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  parentNode: El | null;
  nextElementSibling: El | null;
  isConnected: boolean;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  getElementsByTagName(name: string): ArrayLike<El>;
  insertBefore(node: El, before: El | null): El;
  remove(): void;
}

/** Openers of markup that never holds article text. */
const INERT_OPENER = /<(script|style|svg)\b|<!--/gi;
/** Closers for each opener (regexes, not toLowerCase: lowering a long Arabic string is slow). */
const INERT_CLOSER: Record<string, RegExp> = {
  script: /<\/script/gi,
  style: /<\/style/gi,
  svg: /<\/svg/gi,
  comment: /-->/g,
};

/**
 * Cuts scripts other than JSON-LD, styles, inline SVG icons and comments from the HTML string before
 * parsing, because building DOM nodes is the costly part. Linear: every search starts where the last
 * one ended, and an unclosed tag or element leaves the rest of the page as it is.
 */
export function stripInert(html: string): string {
  const kept: string[] = [];
  let from = 0;
  INERT_OPENER.lastIndex = 0;
  for (let m = INERT_OPENER.exec(html); m; m = INERT_OPENER.exec(html)) {
    const tag = m[1]?.toLowerCase();
    let bodyStart = m.index + 4;
    if (tag) {
      bodyStart = html.indexOf('>', m.index) + 1;
      if (bodyStart === 0) break;
      if (tag === 'script' && /application\/ld\+json/i.test(html.slice(m.index, bodyStart))) {
        INERT_OPENER.lastIndex = bodyStart;
        continue;
      }
    }
    const closer = INERT_CLOSER[tag ?? 'comment']!;
    closer.lastIndex = bodyStart;
    const close = closer.exec(html);
    if (!close) break;
    const end = tag ? html.indexOf('>', close.index) + 1 : close.index + 3;
    if (end === 0) break;
    kept.push(html.slice(from, m.index));
    from = end;
    INERT_OPENER.lastIndex = end;
  }
  kept.push(html.slice(from));
  return kept.join('');
}

/** Below this many characters of text a page is not an article (a teaser, an error page). */
const MIN_ARTICLE_CHARS = 200;
/** Above this share of text inside links the "article" is a list of headlines. */
const MAX_LINK_DENSITY = 0.5;

const READ_ALSO =
  /^[\s:•«"]*(?:(?:[اإ]قر[أا]|طالع|شاهد)\s+(?:أيضا|أيضًا|أيضاً|ايضا|ايضًا|كذلك|المزيد)|(?:مواضيع|أخبار|اخبار|مقالات|روابط)\s+(?:ذات\s+صلة|متعلقة|مشابهة))/;
const SHARE_TEXT = /^[\s:]*(?:شارك|مشاركة|انشر|تابعونا|تابعنا)/;
const SHARE_CLASS = /(?:^|[\s_-])(?:share|sharing|social|addthis|sharethis|share-?bar)(?:$|[\s_-])/i;
/** Elements never part of a story (JSON-LD scripts are kept: Readability reads them too). */
const ALWAYS_DROP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'BUTTON', 'NAV']);

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const INVISIBLE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON']);

/** A node's children, read once: linkedom rebuilds `childNodes` on every access. */
const children = (node: El): El[] => Array.from(node.childNodes);

/** HTML whitespace (and no-break spaces) collapsed to single spaces; letters untouched. */
const squeeze = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Characters of `el`'s text that sit inside links, and in total. */
function linkShare(el: El): { linked: number; total: number } {
  const total = squeeze(el.textContent ?? '').length;
  let linked = 0;
  const links = el.querySelectorAll('a');
  for (let i = 0; i < links.length; i++) linked += squeeze(links[i]!.textContent ?? '').length;
  return { linked, total };
}

/** Characters of `el`'s text outside links: a box of links with a short label has very few. */
const ownTextLength = (el: El): number => {
  const { linked, total } = linkShare(el);
  return total - linked;
};

/** What one walk over the body finds: elements to drop, share-bar candidates, label text nodes. */
interface Survey {
  drop: El[];
  shareBars: El[];
  labels: El[];
}

/** Walks `root` once (querySelectorAll with a long selector costs more than the walk). */
function survey(root: El): Survey {
  const found: Survey = { drop: [], shareBars: [], labels: [] };
  const visit = (node: El): void => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      if (READ_ALSO.test(t) || SHARE_TEXT.test(t)) found.labels.push(node);
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (
      (ALWAYS_DROP.has(tag) && !(tag === 'SCRIPT' && node.getAttribute('type') === 'application/ld+json')) ||
      node.getAttribute('role') === 'navigation'
    ) {
      found.drop.push(node);
      return;
    }
    if (SHARE_CLASS.test(node.getAttribute('class') ?? '')) found.shareBars.push(node);
    for (const child of children(node)) visit(child);
  };
  visit(root);
  return found;
}

/**
 * Removes what Readability cannot recognise in Arabic pages: "read also" / related-news boxes and
 * share bars (found from their label's text node, cheaply), plus menus, scripts and widgets.
 */
function removeBoilerplate(doc: El): void {
  const body = doc.querySelector('body');
  if (!body) return;
  const { drop, shareBars, labels } = survey(body);
  for (const el of drop) el.remove();
  for (const el of shareBars) if (el.isConnected && ownTextLength(el) <= 30) el.remove();
  for (const label of labels) {
    if (!label.isConnected) continue;
    const readAlso = READ_ALSO.test(label.textContent ?? '');
    const limit = readAlso ? 40 : 30;
    // Climb while the label still opens the element's text; keep the outermost box of links.
    let box: El | undefined;
    for (let el = label.parentNode; el && el !== body; el = el.parentNode) {
      const text = squeeze(el.textContent ?? '');
      if (!(readAlso ? READ_ALSO : SHARE_TEXT).test(text)) break;
      if (ownTextLength(el) <= limit) box = el;
    }
    if (!box) continue;
    // A bare heading ("اقرأ أيضا") often precedes the list of links as a sibling.
    const next = box.nextElementSibling;
    if (readAlso && linkShare(box).linked === 0 && next) {
      const share = linkShare(next);
      if (share.total > 0 && share.linked / share.total >= 0.8) next.remove();
    }
    box.remove();
  }
}

/**
 * Deepest element nesting kept. News pages nest 5 to 30 levels; Readability's cost grows with the
 * cube of the depth (1,500 nested <div>s took 23 s, 5,000 more than 5 minutes), so deeper
 * elements are unwrapped: their children take their place, no text is lost.
 */
const MAX_DEPTH = 48;
/** Elements Readability reads at most; a page with more is no article (Readability aborts). */
const MAX_ELEMENTS = 30_000;

/** Elements that hold a paragraph's text: kept when too deep (their inner elements are unwrapped). */
const TEXT_HOLDERS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'DD', 'DT', 'TD', 'TH']);

/** Moves `el`'s children into its place and removes it; returns the moved children. */
function unwrap(el: El): El[] {
  const parent = el.parentNode;
  const inner = children(el);
  if (parent) for (const c of inner) parent.insertBefore(c, el);
  el.remove();
  return inner;
}

/**
 * Unwraps the elements nested deeper than `maxDepth` below `root` (their children take their place,
 * no text is lost); a paragraph-like element at that depth is kept, with its inner elements
 * unwrapped. An explicit stack, so no depth overflows the call stack; linear in the number of
 * nodes. Returns how many elements were unwrapped.
 */
export function flattenDeep(root: El, maxDepth = MAX_DEPTH): number {
  let unwrapped = 0;
  const flattenAll = (holder: El): void => {
    const pending = children(holder).filter((c) => c.nodeType === 1);
    while (pending.length > 0) {
      const el = pending.pop()!;
      if (el.nodeName.toUpperCase() === 'BR') continue;
      pending.push(...unwrap(el).filter((c) => c.nodeType === 1));
      unwrapped++;
    }
  };
  const stack: Array<[El, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const pending = children(node).filter((c) => c.nodeType === 1);
    while (pending.length > 0) {
      const child = pending.pop()!;
      if (depth + 1 < maxDepth) stack.push([child, depth + 1]);
      else if (TEXT_HOLDERS.has(child.nodeName.toUpperCase())) flattenAll(child);
      else {
        pending.push(...unwrap(child).filter((c) => c.nodeType === 1));
        unwrapped++;
      }
    }
  }
  return unwrapped;
}

/** Normalises a date string to ISO 8601, keeping a date-only form and the page's offset as given. */
export function isoDate(raw: string | null | undefined): string | undefined {
  const s = (raw ?? '').trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) {
    // "+0300" becomes "+03:00": the extended form every ISO parser reads.
    return s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  }
  if (s === '' || !/\d{4}/.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Every datePublished in the page's JSON-LD blocks (objects, arrays and @graph walked). */
function jsonLdDates(doc: El): string[] {
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['datePublished'] === 'string') found.push(o['datePublished']);
      if (o['@graph']) walk(o['@graph']);
      if (o['mainEntity']) walk(o['mainEntity']);
    }
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      walk(JSON.parse(scripts[i]!.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the other date sources still apply.
    }
  }
  return found;
}

/** Meta keys (property, name or itemprop; lower case) that carry a publication date, best first. */
const DATE_METAS = ['article:published_time', 'datepublished', 'pubdate', 'publish-date', 'date', 'dc.date.issued'];

/** The content of every <meta> keyed by its property, name or itemprop (first one wins), in one pass. */
function metaMap(doc: El): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const key = m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop');
    const content = m.getAttribute('content');
    if (key && content !== null && !map.has(key.toLowerCase())) map.set(key.toLowerCase(), content);
  }
  return map;
}

/**
 * The datetime of the page's <time> elements, those marked pubdate or inside <article> first. Times in
 * menus, sidebars, footers and site headers are skipped: they are "today" widgets or other stories.
 */
function timeDates(doc: El): string[] {
  const place = (t: El): 'article' | 'chrome' | 'page' => {
    let inHeader = false;
    for (let p = t.parentNode; p; p = p.parentNode) {
      if (p.nodeName === 'ARTICLE') return 'article';
      if (p.nodeName === 'NAV' || p.nodeName === 'FOOTER' || p.nodeName === 'ASIDE') return 'chrome';
      if (p.nodeName === 'HEADER') inHeader = true;
    }
    return inHeader ? 'chrome' : 'page';
  };
  const ranked = Array.from(doc.querySelectorAll('time[datetime]')).flatMap((t, i) => {
    const where = place(t);
    if (where === 'chrome') return [];
    const r = t.getAttribute('pubdate') !== null ? 0 : where === 'article' ? 1 : 2;
    return [{ t, i, r }];
  });
  return ranked.sort((x, y) => x.r - y.r || x.i - y.i).map(({ t }) => t.getAttribute('datetime') ?? '');
}

/** The publication date the page declares: article:published_time, JSON-LD, other metas, <time>. */
function publishedOf(doc: El): string | undefined {
  const metas = metaMap(doc);
  const [first, ...others] = DATE_METAS.map((k) => metas.get(k));
  const candidates = [first, ...jsonLdDates(doc), ...others, ...timeDates(doc)];
  for (const c of candidates) {
    const iso = isoDate(c);
    if (iso) return iso;
  }
  return undefined;
}

/** The text of a DOM subtree with block elements and <br> as line breaks, empty lines dropped. */
export function blockText(root: El): string {
  const parts: string[] = [];
  const visit = (node: El): void => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    if (INVISIBLE.has(tag)) return;
    const block = BLOCKS.has(tag);
    if (block) parts.push('\n');
    for (const child of children(node)) visit(child);
    if (block) parts.push('\n');
  };
  visit(root);
  return parts
    .join('')
    .split('\n')
    .map(squeeze)
    .filter((line) => line !== '')
    .join('\n');
}

/** The title without a trailing or leading " - Site name". */
function cleanTitle(title: string, siteName: string | undefined): string {
  const t = squeeze(title);
  if (!siteName) return t;
  const site = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = t
    .replace(new RegExp(`\\s*[|\\-–—:»«/]\\s*${site}\\s*$`), '')
    .replace(new RegExp(`^\\s*${site}\\s*[|\\-–—:»«/]\\s*`), '');
  return stripped === '' ? t : stripped;
}

/**
 * The page heading that the document <title> contains, if any: "الموقع | عنوان الخبر" pages put the
 * clean title in an <h1> (or <h2>), and that beats guessing where the site name ends.
 */
function headingTexts(doc: El): { inTitle?: string } {
  const docTitle = squeeze(doc.querySelector('title')?.textContent ?? '');
  if (docTitle === '') return {};
  for (const selector of ['h1', 'h2']) {
    const found = Array.from(doc.querySelectorAll(selector))
      .slice(0, 10)
      .map((h) => squeeze(h.textContent ?? ''))
      .find((h) => h.length >= 8 && h.length < docTitle.length && docTitle.includes(h));
    if (found) return { inTitle: found };
  }
  return {};
}

/** Matches a line that is only a date or time stamp ("01 جوان 2017 - 13:29", "2017-06-01T13:29"). */
function isDateStamp(written: string): boolean {
  if (written.length > 50 || written.split(' ').length > 7) return false;
  const line = asciiDigits(written);
  if (/(?:^|\D)\d{1,2}:\d{2}(?:$|\D)/.test(line) && /\d{4}/.test(line)) return true;
  const digits = (line.match(/\d/g) ?? []).length;
  const visible = line.replace(/\s/g, '').length;
  return /\d{4}/.test(line) && digits / visible >= 0.25;
}

/** Drops date stamps printed above or below the story (up to two lines at each end). */
function trimDateLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < Math.min(2, end) && isDateStamp(lines[start]!)) start++;
  while (end > start && lines.length - end < 2 && isDateStamp(lines[end - 1]!)) end--;
  return lines.slice(start, end);
}

/** The URL's host without "www.", as a fallback site name; undefined for an unparsable URL. */
export function hostLabel(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Extracts the article of a news page, or null when the page has none (a home page, a list of
 * headlines, an error page, or text too short to be a story).
 */
export function extractArticle(html: string, url: string): Article | null {
  const { document } = parseHTML(stripInert(html)) as unknown as { document: El };
  const body = document.querySelector('body');
  if (body) flattenDeep(body);
  const published = publishedOf(document);
  // A line holding only a <time>'s text is page furniture; the date itself is read from metadata.
  const dateLines = new Set(Array.from(document.querySelectorAll('body time'), (t) => squeeze(t.textContent ?? '')));
  const headings = headingTexts(document);
  removeBoilerplate(document);
  let parsed: ReturnType<Readability<El>['parse']>;
  try {
    parsed = new Readability<El>(document as never, {
      serializer: (node) => node as unknown as El,
      // Short dispatches are common; the default 500 makes Readability retry without its clutter filters.
      charThreshold: MIN_ARTICLE_CHARS,
      maxElemsToParse: MAX_ELEMENTS,
    }).parse();
  } catch {
    return null;
  }
  if (!parsed?.content) return null;
  const siteName = squeeze(parsed.siteName ?? '') || hostLabel(url);
  const title = headings.inTitle ?? cleanTitle(parsed.title ?? '', siteName);
  let lines = blockText(parsed.content)
    .split('\n')
    .filter((line) => !dateLines.has(line));
  // Readability keeps the page's <h1> when it sits inside the article; the title is returned apart.
  if (lines[0] !== undefined && title !== '' && lines[0] === title) lines = lines.slice(1);
  const text = trimDateLines(lines).join('\n');
  const { linked, total } = linkShare(parsed.content);
  if (text.length < MIN_ARTICLE_CHARS || (total > 0 && linked / total > MAX_LINK_DENSITY)) return null;
  const byline = squeeze(parsed.byline ?? '') || undefined;
  const fallbackDate = isoDate(parsed.publishedTime);
  return {
    title,
    text,
    ...(published || fallbackDate ? { published: published ?? fallbackDate } : {}),
    ...(siteName ? { siteName } : {}),
    ...(byline ? { byline } : {}),
  };
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml', '']);

/**
 * Characters of an article given to the analysis at most. The longest news articles run to some
 * 30,000; a page or feed item beyond this is cut at the last line (or space) before it, so the
 * analysis of hostile input stays within seconds (1 MB without punctuation took 26 s).
 */
export const MAX_ANALYSED_CHARS = 50_000;

/** `text` cut to at most `max` characters, at a line break (else a space) when one is near. */
export function capArticleText(text: string, max = MAX_ANALYSED_CHARS): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(' '));
  return cut > max * 0.8 ? head.slice(0, cut) : head;
}

/** Extracts a page's article: {@link extractArticle} here, or the same in a worker thread (jobs.ts). */
export type Extractor = (html: string, url: string) => Promise<Article | null>;

/**
 * Fetches `url` and extracts its article (with `extract`: by default on this thread; main.ts passes
 * the job pool's, off the event loop); throws FetchError or PageError (both carry an Arabic userMessage).
 */
export async function fetchArticle(fetcher: Fetcher, url: string, extract: Extractor = async (html, at) => extractArticle(html, at)): Promise<FetchedArticle> {
  const res = await fetcher.get(url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' });
  const looksHtml = HTML_TYPES.has(res.contentType) && (res.contentType !== '' || /<html|<body|<p[\s>]/i.test(res.text));
  if (!looksHtml) throw pageErrors.notHtml(res.contentType || 'unknown');
  const article = await extract(res.text, res.url);
  if (!article) throw pageErrors.noArticle(res.url);
  return { url: res.url, ...article };
}
