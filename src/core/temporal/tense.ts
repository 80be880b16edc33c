/** Whether the words around an expression put it in the future (سيزور، سوف، من المقرر، المقبل). */
import type { Tok } from './tokens.ts';
import { FUTURE_NOUN_STOPLIST, FUTURE_WORDS } from './lexicon.ts';

// س + an imperfect prefix + a consonant: سيزور، ستنطلق. A long vowel there (ستيفن، سيول، سياتل) marks a name or noun.
const FUTURE_PREFIX = /^[وف]?س[يتن][\u0621-\u0626\u0628-\u0647\u0649][\u0621-\u064A]+$/;
const LOOK_BACK = 4;
// The future of another clause does not reach past these: "وسيستمر الجدل لأن الحكم الصادر يوم الخميس".
const CLAUSE_BREAK = new Set(['،', ',', 'لأن', 'لان', 'الذي', 'التي', 'الذين', 'بعدما', 'عندما']);
const LOOK_AHEAD = 1;

const QUOTES = new Set(['"', '«', '“', "'", '(']);

const WAS = new Set(['كان', 'كانت', 'وكان', 'وكانت', 'فكان', 'فكانت']);

function isFutureMarker(tok: Tok, prev: Tok | undefined, prev2?: Tok): boolean {
  // "وكان من المقرر أن تصل" was a plan, now past.
  if (tok.forms.some((f) => FUTURE_WORDS.has(f))) return !(WAS.has(prev?.t ?? '') || WAS.has(prev2?.t ?? ''));
  if (!FUTURE_PREFIX.test(tok.t)) return false;
  if (prev && QUOTES.has(prev.t)) return false; // a quoted name: "سيلفي غولار"
  const bare = tok.t[0] === 'و' || tok.t[0] === 'ف' ? tok.t.slice(1) : tok.t;
  if (FUTURE_NOUN_STOPLIST.has(bare)) return false;
  // Nouns of the stoplist with a possessive or plural ending: سيارته، سياساتها.
  for (const stem of [bare.slice(0, -1), bare.slice(0, -2), bare.slice(0, -3)]) {
    if (stem.length >= 3 && FUTURE_NOUN_STOPLIST.has(stem)) return false;
  }
  return true;
}

/** Words at the head of a sentence that put all of it in the future: "من المنتظر أن …". */
const HEAD_WORDS = 3;
/** How far back the head of a sentence is looked for: text with no full stop at all must not cost quadratic time. */
const MAX_SENTENCE_TOKENS = 300;

function futureHead(toks: Tok[], first: number): boolean {
  let start = first;
  while (start > 0 && !toks[start]!.brk && first - start < MAX_SENTENCE_TOKENS) start--;
  if (start > 0 && !toks[start]!.brk) return false;
  for (let i = start; i < first && i < start + HEAD_WORDS; i++) {
    if (toks[i]!.forms.some((f) => FUTURE_WORDS.has(f))) return isFutureMarker(toks[i]!, toks[i - 1], toks[i - 2]);
  }
  return false;
}

/** True when a future marker stands in the same sentence just before token `first` or right after token `last`. */
export function isFuture(toks: Tok[], first: number, last: number): boolean {
  if (futureHead(toks, first)) return true;
  for (let i = first - 1; i >= 0 && i >= first - LOOK_BACK; i--) {
    const tok = toks[i]!;
    if (CLAUSE_BREAK.has(tok.t)) break;
    if (isFutureMarker(tok, toks[i - 1], toks[i - 2])) return true;
    if (tok.brk) break;
  }
  for (let i = last + 1; i < toks.length && i <= last + LOOK_AHEAD; i++) {
    const tok = toks[i]!;
    if (tok.brk) break;
    if (isFutureMarker(tok, toks[i - 1], toks[i - 2])) return true;
  }
  return false;
}
