/** Word tokens of normalized text, each with the forms it takes once clitics (و، ف، ب، ل، ك) are peeled. */

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

const TOKEN = /[\u0621-\u064A\u066E-\u06D3A-Za-z]+|[0-9]+|[^\s]/g;

const CLITIC_START = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

const NO_PRES: number[] = [0];

/** The clitic forms of a word; most words cannot carry one and keep just themselves. */
function formsOf(t: string): { forms: string[]; pres: number[] } {
  if (t.length < 3 || !CLITIC_START.has(t[0]!)) return { forms: [t], pres: NO_PRES };
  const forms = [t];
  const pres = [0];
  addForms(t, forms, pres);
  return { forms, pres };
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

const BREAK_PUNCT = new Set(['.', '!', '?', '؟', '؛', ';']);

/** Tokenizes normalized text: Arabic/Latin letter runs, digit runs, and single punctuation marks. */
export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let prevEnd = 0;
  let pendingBreak = true;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const s = match.index;
    const t = match[0];
    for (let k = prevEnd; k < s && !pendingBreak; k++) if (text.charCodeAt(k) === 10) pendingBreak = true;
    const { forms, pres } = formsOf(t);
    const code = t.charCodeAt(0);
    out.push({ s, e: s + t.length, t, forms, pres, brk: pendingBreak, digits: code >= 48 && code <= 57 });
    pendingBreak = BREAK_PUNCT.has(t);
    prevEnd = s + t.length;
  }
  return out;
}
