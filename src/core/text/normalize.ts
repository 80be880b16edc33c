/**
 * Arabic normalization for matching only — never for display. Folds what writers vary freely
 * (diacritics, tatweel, alef forms, Arabic-Indic digits, Persian kaf/yeh) and keeps what carries
 * meaning: ى stays ى, because folding it into ي turns the preposition على into the name علي;
 * ة stays ة.
 */

const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/;
const TATWEEL = '\u0640';

/** Maps one code unit to its matching form ('' to drop it). */
function foldChar(ch: string): string {
  if (ch === TATWEEL || DIACRITICS.test(ch)) return '';
  switch (ch) {
    case 'أ':
    case 'إ':
    case 'آ':
    case 'ٱ':
    case 'ٲ':
    case 'ٳ':
      return 'ا';
    case 'ی': // Persian yeh: keep it apart from ى, as Arabic writers do
      return 'ي';
    case 'ک':
      return 'ك';
    case '\u200c':
    case '\u200d':
    case '\u200e':
    case '\u200f':
    case '\u061c':
      return '';
    default: {
      const code = ch.charCodeAt(0);
      if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
      if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
      return ch;
    }
  }
}

const FOLD_TABLE = new Map<string, string>();

/** Normalizes text for matching: the result must never be shown to a user. */
export function normalize(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch.charCodeAt(0) < 0x0600 && ch !== '\u200c' && ch !== '\u200d' && ch !== '\u200e' && ch !== '\u200f') {
      out += ch;
      continue;
    }
    let folded = FOLD_TABLE.get(ch);
    if (folded === undefined) {
      folded = foldChar(ch);
      FOLD_TABLE.set(ch, folded);
    }
    out += folded;
  }
  return out;
}

/** Normalized text plus, for each of its code units, the index of the original code unit. */
export interface NormalizedText {
  text: string;
  /** offsets[i] is the original index of normalized index i; offsets[text.length] is the original length. */
  offsets: Int32Array;
}

/** Normalizes like {@link normalize} and keeps a map back to the original offsets. */
export function normalizeWithOffsets(text: string): NormalizedText {
  const offsets = new Int32Array(text.length + 1);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    let folded = FOLD_TABLE.get(ch);
    if (folded === undefined) {
      folded = foldChar(ch);
      FOLD_TABLE.set(ch, folded);
    }
    for (let k = 0; k < folded.length; k++) offsets[out.length + k] = i;
    out += folded;
  }
  offsets[out.length] = text.length;
  return { text: out, offsets: offsets.subarray(0, out.length + 1) };
}

/** Maps a normalized span [start, end) back to the original text's span. */
export function originalSpan(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const s = norm.offsets[start] ?? 0;
  // End: one past the original index of the last normalized unit, so dropped marks after it stay inside.
  const last = end > start ? norm.offsets[end - 1] : undefined;
  const next = norm.offsets[end];
  let e = last === undefined ? s : last + 1;
  if (next !== undefined && next > e) {
    // Include trailing diacritics/tatweel that were dropped between the last unit and the next one.
    e = next;
  }
  return { start: s, end: e };
}

/** Arabic-Indic and Persian digits to ASCII digits, nothing else changed. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
