/**
 * Tokens with offsets, Arabic clitic splitting and a light stemmer. Offsets are indices into the
 * text as given, so callers can map anything they find back to the article.
 */
import { normalize } from './normalize.ts';

export type TokenKind = 'arabic' | 'latin' | 'number' | 'punct' | 'other';

/** One token: a run of Arabic letters (with their marks), Latin letters or digits, or one other character. */
export interface Token {
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
}

/** Whether a code unit is an Arabic letter (not a digit or punctuation of the Arabic block). */
export function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

/** Whether a code unit is an Arabic mark that belongs to the letter before it (diacritics, tatweel, zero-width joiners). */
export function isArabicMark(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0640 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e8) ||
    (c >= 0x06ea && c <= 0x06ed) ||
    c === 0x200c ||
    c === 0x200d
  );
}

/** Whether a code unit is a digit: ASCII, Arabic-Indic or Persian. */
export function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

/** Whether a code unit is a Latin letter (ASCII or Latin-1/Latin Extended-A). */
export function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** Whether a code unit is white space (including no-break and bidi marks, which carry no text). */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const PUNCT = new Set('.,;:!?()[]{}«»"\'“”‘’-–—/\\…،؛؟٪٫٬*•·|<>'.split(''));

/** Splits text into tokens with offsets, in linear time; spaces are dropped. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    if (isArabicLetter(c) || (isArabicMark(c) && c !== 0x200c && c !== 0x200d)) {
      kind = 'arabic';
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (!isArabicLetter(d) && !isArabicMark(d)) break;
        i++;
      }
    } else if (isLatinLetter(c)) {
      kind = 'latin';
      i++;
      while (i < n && (isLatinLetter(text.charCodeAt(i)) || text.charCodeAt(i) === 0x27 && isLatinLetter(text.charCodeAt(i + 1)))) i++;
    } else if (isDigit(c)) {
      kind = 'number';
      i++;
      // A decimal or thousands separator between digits stays inside the number: 3.5, 1,200, ٣٫٥
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isDigit(d)) i++;
        else if ((d === 46 || d === 44 || d === 0x066b || d === 0x066c) && isDigit(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
    } else {
      const ch = text[i]!;
      kind = PUNCT.has(ch) ? 'punct' : 'other';
      // Keep a surrogate pair (an emoji, say) in one token.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    }
    out.push({ start, end: i, text: text.slice(start, i), kind });
  }
  return out;
}

/** Arabic words of a text, normalized for matching: the bag of words that overlap measures use. */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (t.kind === 'arabic' || t.kind === 'latin' || t.kind === 'number') out.push(normalize(t.text).toLowerCase());
  }
  return out;
}

/** A word split into its proclitics and stem; `stemStart` is the stem's offset in the original text. */
export interface CliticSplit {
  /** The proclitics as written in normalized form, e.g. "وبال"; '' when none. */
  prefix: string;
  /** The stem, as written in the original text (marks kept). */
  stem: string;
  stemStart: number;
}

/**
 * Proclitic sequences, longest first. و/ف (conjunction), ب/ك/ل (preposition), ال (article), and
 * لل (ل + ال with the alef dropped).
 */
const PROCLITICS = [
  'وبال', 'فبال', 'وكال', 'فكال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال',
  'وب', 'فب', 'ول', 'فل', 'وك', 'فك',
  'و', 'ف', 'ب', 'ل', 'ك',
];

/** Shortest stem (in letters) left after removing proclitics: short words are kept whole. */
const MIN_STEM = 3;

/** Letters of a token with their original offsets, marks skipped and letters normalized. */
function lettersOf(text: string, offset: number): { letters: string; at: number[] } {
  let letters = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isArabicMark(c)) continue;
    const folded = normalize(text[i]!);
    if (folded === '') continue;
    letters += folded;
    at.push(offset + i);
  }
  return { letters, at };
}

/**
 * Every reading of a word as proclitics + stem: the whole word first, then longer stems before
 * shorter ones, each leaving at least three letters. A gazetteer lookup tries them in order and
 * stops at the first it knows: "وبغداد" → وبغداد, بغداد, غداد.
 */
export function cliticCandidates(word: string, offset = 0): CliticSplit[] {
  const { letters, at } = lettersOf(word, offset);
  const out: CliticSplit[] = [{ prefix: '', stem: word, stemStart: offset }];
  const seen = new Set<string>([letters]);
  for (const p of PROCLITICS) {
    if (!letters.startsWith(p) || letters.length - p.length < MIN_STEM) continue;
    const stemLetters = letters.slice(p.length);
    if (seen.has(stemLetters)) continue;
    // ال + a stem that itself starts with ل is written لل: "لليل"; skip readings that break that.
    seen.add(stemLetters);
    const startAt = at[p.length]!;
    out.push({ prefix: p, stem: word.slice(startAt - offset), stemStart: startAt });
  }
  // Longest stem first after the whole word, so the least aggressive reading is tried first.
  const rest = out.slice(1).sort((a, b) => b.stem.length - a.stem.length);
  return [out[0]!, ...rest];
}

/**
 * The most likely proclitic split of one word: the longest proclitic sequence that leaves a stem
 * of at least three letters, where a bare ب/ك/ل/ف only counts before an article-like stem or in a
 * known combination, because words that merely start with those letters are common (بغداد, كتاب).
 */
export function splitClitics(word: string, offset = 0): CliticSplit {
  const { letters, at } = lettersOf(word, offset);
  for (const p of PROCLITICS) {
    if (!letters.startsWith(p)) continue;
    const rest = letters.length - p.length;
    if (rest < MIN_STEM) continue;
    // A bare one-letter preposition or ف is too ambiguous on its own; و is the common exception.
    if (p.length === 1 && p !== 'و') continue;
    // و/ف + a bare preposition: only before a long stem, since وبغداد is و + بغداد.
    if (p.length === 2 && p[1] !== 'ل' && rest < 5) continue;
    if ((p === 'ول' || p === 'فل') && rest < 5) continue;
    if (p === 'و' && rest < 3) continue;
    const startAt = at[p.length]!;
    return { prefix: p, stem: word.slice(startAt - offset), stemStart: startAt };
  }
  return { prefix: '', stem: word, stemStart: offset };
}

const STEM_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'و'];
const STEM_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];

/**
 * A light stemmer for matching (after Larkey's light10): strips the article, conjunction and
 * common suffixes, never leaving fewer than three letters, so بغداد stays بغداد.
 */
export function lightStem(word: string): string {
  let w = normalize(word);
  for (const p of STEM_PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= 3) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of STEM_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 3) {
      w = w.slice(0, -s.length);
    }
  }
  return w;
}
