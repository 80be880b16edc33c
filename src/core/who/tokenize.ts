/**
 * ANERcorp-compatible tokenization: whitespace splits words, punctuation becomes its own token,
 * clitics stay attached ("والعراق" is one token), as the training data has it.
 */
import type { Span } from '../types.ts';

/** One token with its span in the original text. */
export interface Token extends Span {
  text: string;
}

// Punctuation that ANERcorp separates from words. "." inside numbers ("3.5") stays attached.
const PUNCT = new Set([...'.,،؛;:!?؟"«»()[]{}\'“”‘’…/\\|<>*#=+~`^']);
const DASHES = new Set(['-', '–', '—']);

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x200b || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[0-9\u0660-\u0669\u06F0-\u06F9]/.test(ch);
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/** Start of the run of letters that ends just before index i. */
function lastChunk(text: string, i: number): number {
  let k = i;
  while (k > 0 && isLetter(text[k - 1])) k--;
  return k;
}

/** Splits text into tokens the way ANERcorp does, with original offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let start = -1;
  const flush = (end: number): void => {
    if (start >= 0 && end > start) out.push({ text: text.slice(start, end), start, end });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (isSpace(code)) {
      flush(i);
      continue;
    }
    let punct = PUNCT.has(ch);
    if ((ch === '.' || ch === ',' || ch === '/') && isDigit(text[i - 1]) && isDigit(text[i + 1])) punct = false;
    // Dotted abbreviations stay one token ("سي.بي.إس", "آر.إف.إم", "د.ب.أ"): a dot between letters
    // after a chunk of at most three letters.
    if (ch === '.' && start >= 0 && i - lastChunk(text, i) <= 3 && isLetter(text[i - 1]) && isLetter(text[i + 1])) punct = false;
    // A dash between letters joins a compound ("فرانس-برس"); alone or at edges it is punctuation.
    if (DASHES.has(ch)) punct = start < 0 || isSpace(text.charCodeAt(i + 1)) || i + 1 >= text.length;
    if (punct) {
      flush(i);
      out.push({ text: ch, start: i, end: i + 1 });
      continue;
    }
    if (start < 0) start = i;
  }
  flush(text.length);
  return out;
}
