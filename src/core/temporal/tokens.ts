/** Word tokens of normalized text, each with the forms it takes once clitics (و، ف، ب، ل، ك) are peeled. */
import { isArabicLetter, isLatinLetter } from '../text/tokens.ts';

/** One token of the normalized text (its `forms` and `pres` arrays are shared: never mutate them). */
export interface Tok {
  /** Start and end (exclusive) in the normalized text. */
  s: number;
  e: number;
  t: string;
  /** The token and its clitic-less forms, with how many leading characters each form dropped. */
  forms: string[];
  pres: number[];
  /** A sentence ends before this token (full stop, question mark or line break). */
  brk: boolean;
  digits: boolean;
}

const NO_PRES: number[] = [0];

/** Whether a word can carry a clitic form: three letters or more, starting with و، ف، ب، ل or ك. */
function mayCarryClitic(t: string): boolean {
  if (t.length < 3) return false;
  const c = t.charCodeAt(0);
  return c === 0x0648 || c === 0x0641 || c === 0x0628 || c === 0x0644 || c === 0x0643; // و ف ب ل ك
}

/** A signature of a word in 16 bits: its first and last letter and its length. */
const signature = (w: string): number => (w.charCodeAt(0) * 961 + w.charCodeAt(w.length - 1) * 31 + w.length) & 0xffff;

/**
 * Membership in a word set behind a table of the signatures of its words: a word whose signature
 * no member has (most words of a text) skips the set lookup, which must first hash the new string.
 */
export function signedMembership(set: ReadonlySet<string>): (w: string) => boolean {
  const signatures = new Uint8Array(0x10000);
  for (const w of set) if (w.length > 0) signatures[signature(w)] = 1;
  return (w) => w.length > 0 && signatures[signature(w)] === 1 && set.has(w);
}

/** Code units the tokenizer joins into words: Arabic and Latin letters, as the core's one letter test says. */
function isWordUnit(c: number): boolean {
  return isArabicLetter(c) || isLatinLetter(c);
}

/** Whether a code unit is what /\s/ matches. */
export function isWhite(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function addForms(t: string, forms: string[], pres: number[]): void {
  const bases: [string, number][] = [[t, 0]];
  if ((t[0] === 'و' || t[0] === 'ف') && t.length > 2) {
    bases.push([t.slice(1), 1]);
    forms.push(t.slice(1));
    pres.push(1);
  }
  for (const [base, pre] of bases) {
    if (base.length < 3) continue;
    const c = base[0];
    if (c === 'ب' || c === 'ل' || c === 'ك') {
      forms.push(base.slice(1));
      pres.push(pre + 1);
      // ل before ال drops the alef: للعام = ل + العام; the span keeps the whole word.
      if (c === 'ل' && base[1] === 'ل') {
        forms.push('ا' + base.slice(1));
        pres.push(pre);
      }
    }
  }
}

/**
 * Tokenizes normalized text: Arabic/Latin letter runs, digit runs, and single punctuation marks
 * (letters as isArabicLetter/isLatinLetter of text/tokens.ts say, scanned by hand: no match arrays).
 */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let pendingBreak = true;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWhite(c)) {
      if (c === 10) pendingBreak = true;
      i++;
      continue;
    }
    const s = i;
    const digits = c >= 48 && c <= 57;
    if (digits) {
      do i++;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57);
    } else if (isWordUnit(c)) {
      do i++;
      while (i < n && isWordUnit(text.charCodeAt(i)));
    } else i++;
    const t = text.slice(s, i);
    let forms: string[];
    let pres: number[];
    if (mayCarryClitic(t)) {
      forms = [t];
      pres = [0];
      addForms(t, forms, pres);
    } else {
      forms = [t];
      pres = NO_PRES;
    }
    out.push({ s, e: i, t, forms, pres, brk: pendingBreak, digits });
    // A one-unit token that ends a sentence: . ! ? ؟ ؛ ; (a char test: hashing every token is dear).
    pendingBreak = i - s === 1 && (c === 46 || c === 33 || c === 63 || c === 0x061f || c === 0x061b || c === 59);
  }
  return out;
}
