/** Word tokens of normalized text, each with the forms it takes once clitics (و، ف، ب، ل، ك) are peeled. */
import { tokenize as coreTokenize } from '../text/tokens.ts';

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

/** A sentence ends after a one-unit token: . ! ? ؟ ؛ ; (a char test: hashing every token is dear). */
function endsSentence(t: string): boolean {
  if (t.length !== 1) return false;
  const c = t.charCodeAt(0);
  return c === 46 || c === 33 || c === 63 || c === 0x061f || c === 0x061b || c === 59;
}

/**
 * Tokenizes normalized text with the core's one tokenizer (text/tokens.ts): letter runs, digit
 * runs and single marks. A number it keeps whole with its decimal or thousands mark (3.5, 1,200)
 * is split here into its digit runs and marks, which the grammar reads itself (17.30, 05.03.2021).
 */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let pendingBreak = true;
  let last = 0;
  for (const token of coreTokenize(text)) {
    // A line break in the white space before the token ends the sentence.
    for (let k = last; k < token.start && !pendingBreak; k++) if (text.charCodeAt(k) === 10) pendingBreak = true;
    last = token.end;
    if (token.kind === 'number' && token.text.length > 1 && !isAllDigits(token.text)) {
      for (let a = token.start; a < token.end; ) {
        let b = a + 1;
        if (isAsciiDigit(text.charCodeAt(a))) while (b < token.end && isAsciiDigit(text.charCodeAt(b))) b++;
        out.push(makeTok(text, a, b, pendingBreak));
        // As before the tokenizers were one: the mark of 47.58 counts as a full stop for the
        // sentence a clock time looks back in (changing it moves one clock of the ANT articles to a wrong day).
        pendingBreak = b - a === 1 && endsSentence(text.slice(a, b));
        a = b;
      }
      continue;
    }
    out.push(makeTok(text, token.start, token.end, pendingBreak));
    pendingBreak = endsSentence(token.text);
  }
  return out;
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

function isAllDigits(t: string): boolean {
  for (let k = 0; k < t.length; k++) if (!isAsciiDigit(t.charCodeAt(k))) return false;
  return true;
}

function makeTok(text: string, s: number, e: number, brk: boolean): Tok {
  const t = text.slice(s, e);
  const digits = isAsciiDigit(t.charCodeAt(0)) && isAllDigits(t);
  if (!mayCarryClitic(t)) return { s, e, t, forms: [t], pres: NO_PRES, brk, digits };
  const forms = [t];
  const pres = [0];
  addForms(t, forms, pres);
  return { s, e, t, forms, pres, brk, digits };
}
