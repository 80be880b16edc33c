/**
 * Splitting for platforms with a message length limit (Telegram 4096, Discord 2000 / embed 4096).
 * Two levels: {@link splitText} cuts a plain string; {@link splitMessage} cuts a neutral Message
 * into several Messages, each of which renders under the limit on its own — so every part is
 * valid markup and formatting that spans a cut is simply rendered again in the next part.
 * Cuts prefer block, then line, then sentence, then word boundaries; a word is cut only when it
 * alone is longer than the limit.
 */
import type { Block, Inline, Message } from '../model.ts';

/** Where a cut may go, best first. */
const BOUNDARIES: RegExp[] = [
  /\n[ \t]*\n+/gu, // between blocks
  /\n/gu, // between lines
  /[.!?؟؛…۔]+["'”»)]*[ \t]+/gu, // after a sentence
  /[،,;:][ \t]+/gu, // after a clause
  /[ \t]+/gu, // between words
];

/** A cut this early in the window makes a part too short; look for a finer boundary instead. */
const MIN_FILL = 0.3;

/**
 * Returns the end of the longest slice text[start, end) with end ≤ max that `fits` accepts
 * (binary search: `fits` must be monotone in the slice length).
 */
function longestFit(start: number, max: number, fits: (start: number, end: number) => boolean): number {
  let lo = start; // fits
  let hi = max; // candidate
  if (fits(start, max)) return max;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(start, mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The best cut in text[start, maxEnd): the end of the last boundary of the best level. */
function bestCut(text: string, start: number, maxEnd: number): number {
  const window = text.slice(start, maxEnd);
  let fallback = -1;
  for (const re of BOUNDARIES) {
    let last = -1;
    for (const match of window.matchAll(re)) {
      const end = match.index + match[0].length;
      if (end <= window.length && end > 0) last = end;
    }
    if (last > 0 && last >= window.length * MIN_FILL) return start + last;
    if (last > 0 && fallback < 0) fallback = start + last;
  }
  if (fallback > 0) return fallback;
  // No boundary at all: a hard cut, but never between the halves of a surrogate pair.
  let cut = maxEnd;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff && cut - 1 > start) cut -= 1;
  return cut;
}

/**
 * Cuts text into consecutive slices [start, end) each accepted by `fits(start, end)`; the slices
 * cover the whole text in order. `fits` must accept any single character.
 */
export function cutPoints(text: string, fits: (start: number, end: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    const maxEnd = longestFit(start, text.length, fits);
    if (maxEnd === text.length) {
      out.push([start, maxEnd]);
      break;
    }
    const end = bestCut(text, start, Math.max(maxEnd, start + 1));
    out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * Splits a plain text into parts of at most `limit` (as measured by `measure`, default UTF-16
 * length). Concatenating the parts gives the text back exactly; the whitespace at a cut stays at
 * the end of the earlier part, so trim parts before sending them.
 */
export function splitText(text: string, limit: number, measure: (s: string) => number = (s) => s.length): string[] {
  if (measure(text) <= limit) return [text];
  return cutPoints(text, (s, e) => e - s <= 1 || measure(text.slice(s, e)) <= limit).map(([s, e]) =>
    text.slice(s, e),
  );
}

/** The plain text of inline pieces (what the reader sees, before any markup). */
export function inlineText(content: Inline[]): string {
  return content.map((piece) => piece.text).join('');
}

/** The pieces of `content` that cover plain-text positions [start, end), formatting kept. */
export function sliceInlines(content: Inline[], start: number, end: number): Inline[] {
  const out: Inline[] = [];
  let pos = 0;
  for (const piece of content) {
    const from = Math.max(start, pos);
    const to = Math.min(end, pos + piece.text.length);
    if (from < to) out.push({ ...piece, text: piece.text.slice(from - pos, to - pos) });
    pos += piece.text.length;
  }
  return out;
}

/** Drops leading and trailing whitespace of an inline run (left over from a cut). */
function trimInlines(content: Inline[]): Inline[] {
  const out = content.map((piece) => ({ ...piece }));
  while (out.length > 0 && out[0]!.text.trim() === '') out.shift();
  while (out.length > 0 && out[out.length - 1]!.text.trim() === '') out.pop();
  if (out.length > 0) {
    out[0]!.text = out[0]!.text.trimStart();
    out[out.length - 1]!.text = out[out.length - 1]!.text.trimEnd();
  }
  return out;
}

/** Cuts an inline run into runs whose block (built by `wrap`) renders within the limit. */
function cutInlines(content: Inline[], wrap: (c: Inline[]) => Block, fitsBlock: (b: Block) => boolean): Inline[][] {
  const text = inlineText(content);
  const fits = (s: number, e: number): boolean => e - s <= 1 || fitsBlock(wrap(sliceInlines(content, s, e)));
  return cutPoints(text, fits)
    .map(([s, e]) => trimInlines(sliceInlines(content, s, e)))
    .filter((run) => run.length > 0);
}

/** One unit of packing: a whole block, or one item of a list. */
interface Atom {
  block: Block;
  /** Index of the source block (items of one list merge back into one list block). */
  source: number;
}

function listStart(block: Block & { kind: 'list' }): number {
  return block.start ?? 1;
}

/** Breaks a block that cannot fit alone into atoms that each fit alone. */
function atomsOf(block: Block, source: number, fitsBlock: (b: Block) => boolean): Atom[] {
  switch (block.kind) {
    case 'list': {
      const atoms: Atom[] = [];
      block.items.forEach((item, i) => {
        const one: Block = { kind: 'list', ordered: block.ordered, items: [item], start: listStart(block) + i };
        if (fitsBlock(one)) atoms.push({ block: one, source });
        else
          for (const run of cutInlines(item, (c) => ({ ...one, items: [c] }), fitsBlock))
            atoms.push({ block: { ...one, items: [run] }, source });
      });
      return atoms;
    }
    case 'paragraph':
      return cutInlines(block.content, (c) => ({ kind: 'paragraph', content: c }), fitsBlock).map((c) => ({
        block: { kind: 'paragraph', content: c },
        source: -1,
      }));
    case 'heading':
      return cutInlines([{ kind: 'bold', text: block.text }], (c) => ({ kind: 'heading', text: inlineText(c) }), fitsBlock).map(
        (c) => ({ block: { kind: 'heading', text: inlineText(c) }, source: -1 }),
      );
    case 'separator':
      return [{ block, source: -1 }];
  }
}

/** Appends an atom to a part, merging consecutive items of one list into one list block. */
function appendAtom(blocks: Block[], sources: number[], atom: Atom): { blocks: Block[]; sources: number[] } {
  const last = blocks[blocks.length - 1];
  if (
    last?.kind === 'list' &&
    atom.block.kind === 'list' &&
    atom.source >= 0 &&
    sources[sources.length - 1] === atom.source
  ) {
    const merged: Block = { ...last, items: [...last.items, ...atom.block.items] };
    return { blocks: [...blocks.slice(0, -1), merged], sources };
  }
  return { blocks: [...blocks, atom.block], sources: [...sources, atom.source] };
}

/**
 * Splits a Message into Messages whose rendered text (`render`, measured by `measure`) stays
 * within `limit`. Buttons go on the last part; direction is kept on every part.
 */
export function splitMessage(
  message: Message,
  render: (message: Message) => string,
  limit: number,
  measure: (rendered: string) => number = (s) => s.length,
): Message[] {
  const bare = (blocks: Block[]): Message => ({ blocks, ...(message.direction ? { direction: message.direction } : {}) });
  const fitsBlocks = (blocks: Block[]): boolean => measure(render(bare(blocks))) <= limit;
  const finish = (parts: Block[][]): Message[] => {
    const out = parts.map(bare);
    if (message.buttons && out.length > 0) out[out.length - 1]!.buttons = message.buttons;
    return out;
  };
  if (fitsBlocks(message.blocks)) return finish([message.blocks]);

  const fitsBlock = (b: Block): boolean => fitsBlocks([b]);
  const atoms: Atom[] = [];
  message.blocks.forEach((block, i) => {
    if (block.kind === 'list') atoms.push(...atomsOf(block, i, fitsBlock));
    else if (fitsBlock(block)) atoms.push({ block, source: i });
    else atoms.push(...atomsOf(block, i, fitsBlock));
  });

  const blocksOf = (from: number, to: number): Block[] => {
    let acc: { blocks: Block[]; sources: number[] } = { blocks: [], sources: [] };
    for (let k = from; k < to; k++) acc = appendAtom(acc.blocks, acc.sources, atoms[k]!);
    return acc.blocks;
  };
  // Each part takes as many atoms as fit: galloping then binary search, so a long message costs
  // O(parts · log atoms) renders rather than one render per atom.
  const parts: Block[][] = [];
  for (let start = 0; start < atoms.length; ) {
    let fit = start + 1; // one atom always fits alone (atomsOf made sure)
    let step = 1;
    let over = atoms.length + 1;
    while (fit < atoms.length) {
      const probe = Math.min(atoms.length, fit + step);
      if (fitsBlocks(blocksOf(start, probe))) {
        fit = probe;
        step *= 2;
      } else {
        over = probe;
        break;
      }
    }
    while (over - fit > 1) {
      const mid = (fit + over) >> 1;
      if (fitsBlocks(blocksOf(start, mid))) fit = mid;
      else over = mid;
    }
    parts.push(blocksOf(start, fit));
    start = fit;
  }
  // A separator is pointless at the edge of a part.
  const trimmed = parts
    .map((blocks) => {
      let b = blocks;
      while (b[0]?.kind === 'separator') b = b.slice(1);
      while (b[b.length - 1]?.kind === 'separator') b = b.slice(0, -1);
      return b;
    })
    .filter((b) => b.length > 0);
  return finish(trimmed);
}
