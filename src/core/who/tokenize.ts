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
const PUNCT = new Set([...'.,،؛;:!?؟"«»()[]{}\'“”‘’…/\\|<>*#=+~`^'].map((ch) => ch.charCodeAt(0)));
const DASHES = new Set([...'-–—'].map((ch) => ch.charCodeAt(0)));
const DOT = 46;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x200b || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}

/** Whether a code unit is an ASCII, Arabic-Indic or Persian digit (NaN, past either end of the text: no). */
function isDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9);
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
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      flush(i);
      continue;
    }
    let punct = PUNCT.has(code);
    if ((code === DOT || code === 44 || code === 47) && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) punct = false;
    // Dotted abbreviations stay one token ("سي.بي.إس", "آر.إف.إم", "د.ب.أ"): a dot between letters
    // after a chunk of at most three letters.
    if (code === DOT && start >= 0 && i - lastChunk(text, i) <= 3 && isLetter(text[i - 1]) && isLetter(text[i + 1])) punct = false;
    // A dash between letters joins a compound ("فرانس-برس"); alone or at edges it is punctuation.
    if (DASHES.has(code)) punct = start < 0 || isSpace(text.charCodeAt(i + 1)) || i + 1 >= text.length;
    if (punct) {
      flush(i);
      out.push({ text: text[i]!, start: i, end: i + 1 });
      continue;
    }
    if (start < 0) start = i;
  }
  flush(text.length);
  return out;
}
