/**
 * Keys that decide when two feed items are the same article: a canonical URL and a hash of the
 * normalized text. Pure functions, so any store implementation dedupes the same way.
 */
import { createHash } from 'node:crypto';
import { wordsOf } from '../core/text/tokens.ts';

/** Query parameters that only track the reader, never change the page. */
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|yclid|_ga|ref_src)$/i;

/**
 * The URL with tracking parameters, the fragment, a leading "www.", default ports and a trailing
 * slash removed, and the host lower-cased; undefined when it is not an http(s) URL.
 */
export function canonicalUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  // The scheme is kept: the URL is also the link shown, and an http-only site has no https page.
  // Lookups try both schemes (urlTwins), so http and https of one article still dedupe.
  if (u.port === '80' || u.port === '443') u.port = '';
  const kept = [...u.searchParams].filter(([k]) => !TRACKING.test(k));
  u.search = '';
  for (const [k, v] of kept) u.searchParams.append(k, v);
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '');
  return u.toString();
}

/** A canonical URL and the same URL under the other scheme (http ↔ https), for lookups. */
export function urlTwins(canonical: string): [string, string] {
  const twin = canonical.startsWith('https:') ? `http:${canonical.slice(6)}` : canonical.startsWith('http:') ? `https:${canonical.slice(5)}` : canonical;
  return [canonical, twin];
}

/** Whether a canonical URL names one page (not a site's home page), so it can identify an article. */
export function isArticleUrl(canonical: string): boolean {
  try {
    const u = new URL(canonical);
    return u.pathname.length > 1 || u.search.length > 1;
  } catch {
    return false;
  }
}

/** Fewer words than this and the text alone is too thin to identify an article; the title joins it. */
const MIN_WORDS = 25;

/**
 * A hash of the text's normalized words (diacritics, alef forms, digits, punctuation, spacing and
 * case do not count), so the same text re-published elsewhere hashes the same.
 */
export function contentHash(title: string, text: string): string {
  const known = textHashes.get(text);
  if (known !== undefined) return known;
  const words = wordsOf(text);
  const hash = createHash('sha256')
    .update(words.length >= MIN_WORDS ? words.join(' ') : `${wordsOf(title).join(' ')}\n${words.join(' ')}`)
    .digest('hex')
    .slice(0, 32);
  // Only a hash the title had no part in is the text's alone.
  if (words.length >= MIN_WORDS) rememberTextHash(text, hash);
  return hash;
}

/**
 * The hashes of the texts hashed last, by text: most items of a newsroom's feeds are exact
 * re-publications of a text seen shortly before, whose hash is then found without splitting the
 * text into words again. Bounded: the oldest are forgotten first.
 */
const textHashes = new Map<string, string>();
/** Characters of the remembered texts, at most (about 8 MB). */
const REMEMBERED_CHARS = 4_000_000;
let rememberedChars = 0;

function rememberTextHash(text: string, hash: string): void {
  if (text.length > REMEMBERED_CHARS / 100 || textHashes.has(text)) return;
  for (const oldest of textHashes.keys()) {
    if (rememberedChars + text.length <= REMEMBERED_CHARS) break;
    textHashes.delete(oldest);
    rememberedChars -= oldest.length;
  }
  textHashes.set(text, hash);
  rememberedChars += text.length;
}

/** The dedupe keys of an article about to be stored. */
export interface ArticleKeys {
  /** Its canonical URL (from its link, else from a guid that is a URL). */
  canon: string | undefined;
  /** Its guid, trimmed; undefined when blank. */
  guid: string | undefined;
  /** {@link contentHash} of its title and text. */
  hash: string;
}

interface KeyedArticle {
  url?: string | undefined;
  guid?: string | undefined;
  title: string;
  text: string;
}

/** Keys already made, by the article object they were made for (with the fields they were made from). */
const madeKeys = new WeakMap<KeyedArticle, { of: KeyedArticle; keys: ArticleKeys }>();

/**
 * An article's dedupe keys, made once per article object: the store is asked whether an article is
 * new before it is stored, and hashing its words is the costly part of both. Made again when a
 * field they come from has changed since.
 */
export function articleKeys(a: KeyedArticle): ArticleKeys {
  const made = madeKeys.get(a);
  if (made && made.of.url === a.url && made.of.guid === a.guid && made.of.title === a.title && made.of.text === a.text) return made.keys;
  const keys: ArticleKeys = { canon: canonicalUrl(a.url) ?? canonicalUrl(a.guid), guid: a.guid?.trim() || undefined, hash: contentHash(a.title, a.text) };
  madeKeys.set(a, { of: { url: a.url, guid: a.guid, title: a.title, text: a.text }, keys });
  return keys;
}
