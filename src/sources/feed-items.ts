/**
 * Parsing a changed feed without parsing again the items it already had. A feed that changed since
 * the last poll mostly repeats its items (a few new ones on top, the oldest dropped), and parsing
 * every item of every changed body is most of what reading a feed costs. So the body is split at
 * its items (<item> of RSS, <entry> of Atom) by a small scanner that knows comments, CDATA,
 * processing instructions and quoted attributes; the items whose exact text was parsed last time
 * keep their parse, and the rest of the body (the feed's own elements and the new items) is parsed
 * and validated as always. Anything the scanner is unsure of (a DOCTYPE, which may declare
 * entities; an item inside an item; an unterminated comment), JSON Feed, and any error is parsed
 * whole, so the result and the errors are the same as parseFeed's.
 */
import { parseFeed, type FeedItem, type ParsedFeed } from './feed-parse.ts';

/** A feed body cut at its items: `gaps[i]` comes before `items[i]`, and `gaps` has one more (the tail). */
export interface SplitFeed {
  gaps: string[];
  items: string[];
}

/** The end (index after) of the markup that opens at `i` with `open`, closed by `close`; -1 when unterminated. */
function skipPast(xml: string, i: number, close: string): number {
  const end = xml.indexOf(close, i);
  return end < 0 ? -1 : end + close.length;
}

/** The index after the '>' that ends the tag opening at `i`, quoted attribute values skipped; -1 when unterminated. */
function tagEnd(xml: string, i: number): number {
  let quote = '';
  for (let j = i + 1; j < xml.length; j++) {
    const c = xml[j]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return j + 1;
    }
  }
  return -1;
}

/** Whether the tag at `i` is named `name` (`<name` or `</name` followed by a space, '>' or '/'). */
function tagNamed(xml: string, i: number, name: string, closing: boolean): boolean {
  const at = i + (closing ? 2 : 1);
  if (!xml.startsWith(name, at)) return false;
  const next = xml[at + name.length];
  return next === '>' || next === '/' || next === ' ' || next === '\t' || next === '\n' || next === '\r';
}

/**
 * Splits an XML feed body at its `name` elements (item or entry); undefined when it has none or the
 * scanner cannot be sure of them (a DOCTYPE, an item inside an item, unterminated markup).
 */
export function splitFeedItems(xml: string, name: 'item' | 'entry'): SplitFeed | undefined {
  const gaps: string[] = [];
  const items: string[] = [];
  let from = 0;
  let itemStart = -1;
  let i = xml.indexOf('<');
  while (i >= 0) {
    let end: number;
    if (xml.startsWith('<!--', i)) end = skipPast(xml, i + 4, '-->');
    else if (xml.startsWith('<![CDATA[', i)) end = skipPast(xml, i + 9, ']]>');
    else if (xml.startsWith('<?', i)) end = skipPast(xml, i + 2, '?>');
    else if (xml.startsWith('<!', i)) return undefined; // a DOCTYPE, which may declare entities
    else {
      end = tagEnd(xml, i);
      if (end >= 0 && tagNamed(xml, i, name, false) && xml[end - 2] !== '/') {
        if (itemStart >= 0) return undefined;
        gaps.push(xml.slice(from, i));
        itemStart = i;
      } else if (end >= 0 && itemStart >= 0 && tagNamed(xml, i, name, true)) {
        items.push(xml.slice(itemStart, end));
        from = end;
        itemStart = -1;
      }
    }
    if (end < 0) return undefined;
    i = xml.indexOf('<', end);
  }
  if (itemStart >= 0 || items.length === 0) return undefined;
  gaps.push(xml.slice(from));
  return { gaps, items };
}

/** The element name of a feed's items: entry when it opens as Atom, else item (RSS). */
function itemName(xml: string): 'item' | 'entry' {
  const head = xml.slice(0, 4000);
  return /<feed[\s>]/.test(head) && !/<rss[\s>]|<rdf:RDF[\s>]/.test(head) ? 'entry' : 'item';
}

/**
 * A feed's items of its last body, parsed, by their raw text. Looked up by the text's length first
 * and then compared: a Map keyed by the texts themselves hashed every item of every new body in
 * full (a body's items are new strings at each read), where a comparison stops at the first
 * difference and is only made with a text of the same length.
 */
class KnownItems {
  private readonly byLength = new Map<number, [string, FeedItem][]>();

  /** The parse of an item whose raw text is `raw`, if the last body had it. */
  get(raw: string): FeedItem | undefined {
    const same = this.byLength.get(raw.length);
    if (!same) return undefined;
    for (const [text, item] of same) if (text === raw) return item;
    return undefined;
  }

  /** Remembers an item's parse. */
  set(raw: string, item: FeedItem): void {
    const same = this.byLength.get(raw.length);
    if (same) same.push([raw, item]);
    else this.byLength.set(raw.length, [[raw, item]]);
  }
}

/**
 * Parses feed bodies, one feed at a time, keeping the parse of each item of the last body read
 * for a feed (about the body's size in memory per feed), so the next body parses only the items
 * it does not share with the last one. Gives what {@link parseFeed} gives, and throws what it throws.
 */
export class FeedItemMemo {
  private readonly last = new Map<number, KnownItems>();

  /** Parses a feed's body, reusing the items it shares with the feed's last body. */
  parse(feedId: number, body: string, contentType = ''): ParsedFeed {
    const text = body.trimStart();
    const split = text.startsWith('<') && !contentType.includes('json') ? splitFeedItems(body, itemName(text)) : undefined;
    if (!split) {
      this.last.delete(feedId);
      return parseFeed(body, contentType);
    }
    const known = this.last.get(feedId) ?? new KnownItems();
    const parsed = this.parseNew(split, known, body, contentType);
    const next = new KnownItems();
    split.items.forEach((raw, i) => next.set(raw, parsed.items[i]!));
    this.last.set(feedId, next);
    return parsed;
  }

  /** The feed with its known items reused and the rest parsed; the whole body parsed when that fails. */
  private parseNew(split: SplitFeed, known: KnownItems, body: string, contentType: string): ParsedFeed {
    const reused = split.items.map((raw) => known.get(raw));
    if (reused.every((item) => item === undefined)) return parseFeed(body, contentType);
    const rest = split.gaps.map((gap, i) => (i < split.items.length && reused[i] === undefined ? gap + split.items[i]! : gap)).join('');
    let partial: ParsedFeed;
    try {
      partial = parseFeed(rest, contentType);
    } catch {
      return parseFeed(body, contentType);
    }
    const fresh = partial.items;
    if (fresh.length !== reused.filter((item) => item === undefined).length) return parseFeed(body, contentType);
    let f = 0;
    return { ...partial, items: reused.map((item) => item ?? fresh[f++]!) };
  }
}
