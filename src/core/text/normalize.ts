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

/**
 * Every code unit that {@link foldChar} changes. Most words need no folding, so the fast paths
 * below leave them to native string code instead of a loop that rebuilds the string unit by unit.
 */
const FOLDABLE =
  /[\u0610-\u061A\u061C\u0622\u0623\u0625\u0640\u064B-\u065F\u0660-\u0669\u0670-\u0673\u06A9\u06CC\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u06F0-\u06F9\u200C-\u200F]/g;
const FOLDABLE_ONE = new RegExp(FOLDABLE.source);

/** Folds one code unit, through a cache. */
function foldCached(ch: string): string {
  let folded = FOLD_TABLE.get(ch);
  if (folded === undefined) {
    folded = foldChar(ch);
    FOLD_TABLE.set(ch, folded);
  }
  return folded;
}

/** Normalizes text for matching: the result must never be shown to a user. */
export function normalize(text: string): string {
  if (!FOLDABLE_ONE.test(text)) return text;
  return text.replace(FOLDABLE, foldCached);
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
  if (!FOLDABLE_ONE.test(text)) {
    for (let i = 0; i <= text.length; i++) offsets[i] = i;
    return { text, offsets };
  }
  let out = '';
  let last = 0;
  FOLDABLE.lastIndex = 0;
  for (let m = FOLDABLE.exec(text); m !== null; m = FOLDABLE.exec(text)) {
    const at = m.index;
    for (let k = last; k < at; k++) offsets[out.length + k - last] = k;
    out += text.slice(last, at);
    const folded = foldCached(text[at]!);
    for (let k = 0; k < folded.length; k++) offsets[out.length + k] = at;
    out += folded;
    last = at + 1;
  }
  for (let k = last; k < text.length; k++) offsets[out.length + k - last] = k;
  out += text.slice(last);
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
