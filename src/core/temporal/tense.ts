/** Whether the words around an expression put it in the future (سيزور، سوف، من المقرر، المقبل). */
import type { Tok } from './tokens.ts';
import { FUTURE_NOUN_STOPLIST, FUTURE_WORDS, PRESENT_LEAD_PARTICLES, PRESENT_NOUN_STOPLIST } from './lexicon.ts';

// س + an imperfect prefix + a consonant: سيزور، ستنطلق. A long vowel there (ستيفن، سيول، سياتل) marks a name or noun.
const FUTURE_PREFIX = /^[وف]?س[يتن][\u0621-\u0626\u0628-\u0647\u0649][\u0621-\u064A]+$/;
const LOOK_BACK = 4;
// The future of another clause does not reach past these: "وسيستمر الجدل لأن الحكم الصادر يوم الخميس".
const CLAUSE_BREAK = new Set(['،', ',', 'لأن', 'لان', 'الذي', 'التي', 'الذين', 'بعدما', 'عندما']);
// A complementizer opens the clause whose verb is looked for too ("أعلن البريد اليوم أنه سيتولى … تأمين حصة عمل يوم
// الأحد"); it does not stop the look back, where "من المرجح أن يكون خلال شهر سبتمبر" puts what follows in the future.
const CLAUSE_HEADS = new Set([...CLAUSE_BREAK, 'أن', 'ان', 'أنه', 'انه', 'أنها', 'انها', 'بأن', 'بان']);
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
  if (futureClauseVerb(toks, first)) return true;
  for (let i = last + 1; i < toks.length && i <= last + LOOK_AHEAD; i++) {
    const tok = toks[i]!;
    if (tok.brk) break;
    if (isFutureMarker(tok, toks[i - 1], toks[i - 2])) return true;
  }
  return false;
}

/** Tokens back from an expression that the future verb opening its clause is looked for ("وسينظر مجلس الشيوخ الفرنسي هذا الإجراء أيضا يوم الخميس"). */
const CLAUSE_VERB_REACH = 10;

/** Whether the clause holding token `first` opens with a future verb (its first word, or its second after a particle). */
function futureClauseVerb(toks: Tok[], first: number): boolean {
  // The clause a complementizer opens ("أنه سيتولى …"), and the one around it ("الذي من المرجح أن يكون …").
  return [CLAUSE_HEADS, CLAUSE_BREAK].some((breaks) => {
    const head = clauseHead(toks, first, breaks);
    return head >= 0 && head < first && [head, head + 1].some((i) => i < first && isFutureMarker(toks[i]!, toks[i - 1], toks[i - 2]));
  });
}

/** The first token of the clause holding token `first`, the clause opened by one of `breaks` or a sentence break; -1 when farther than CLAUSE_VERB_REACH. */
function clauseHead(toks: Tok[], first: number, breaks: Set<string>): number {
  for (let i = first - 1; i >= 0 && i >= first - CLAUSE_VERB_REACH; i--) {
    const tok = toks[i]!;
    if (breaks.has(tok.t)) return i + 1;
    if (tok.brk || i === 0) return i;
  }
  return -1;
}

/** Tokens back from an expression that the verb opening its clause is looked for. */
const PRESENT_REACH = 7;
/** Marks and words that open a clause: what comes after them has a verb of its own. */
const PRESENT_CLAUSE_OPENERS = new Set(['،', ',', '؛', ':', 'الذي', 'التي', 'الذين', 'ان', 'أن', 'إن']);
/** Words after which an imperfect tells the past of the story (قبل أن تحولهم، بعد أن يصل، منذ تسلمه). */
const PAST_OPENERS = new Set(['بعد', 'قبل', 'منذ', 'بعدما', 'قبيل', 'حتى', 'عندما', 'لما', 'لم', 'ولم']);

/**
 * Whether a word looks like a verb in the present (يعقد، يتم، تنطلق، تتواصل، تجتمع): ي and two
 * letters more, or ت opening a form whose past starts otherwise (تن…، تت…، تست…، ت؟ت…); not a noun
 * of the stoplist (يوم، يونس), nor a past ending (تمكنت، تعرضوا). Past verbs of forms V and VI open
 * with ت too (تعرض، تظاهر، تمكن), so a ت word outside those forms is not read as present.
 */
export function looksPresent(word: string): boolean {
  const w = word.length > 3 && (word[0] === 'و' || word[0] === 'ف') ? word.slice(1) : word;
  if (!/^[يت][\u0621-\u064A]{2,}$/.test(w) || PRESENT_NOUN_STOPLIST.has(w) || /(?:ت|وا|ة|ات|ية)$/.test(w)) return false;
  return w[0] === 'ي' || (w.length >= 5 && /^(?:تن|تت|تست|ت.ت)/.test(w));
}

/**
 * Whether the clause holding the expression at tokens [first, …] opens with a verb in the present
 * ("يعقد المجلس اجتماعا الخميس", "على أن يتم يوم الثلاثاء عقد ندوة"): news tells what is coming
 * so, and a bare weekday there is the coming one. A clause opened farther back than PRESENT_REACH
 * is not read, nor one after بعد، قبل، منذ، عندما or لم, where the imperfect tells the past.
 */
export function opensInPresent(toks: Tok[], first: number): boolean {
  let start = -1;
  for (let i = first - 1; i >= 0 && first - i <= PRESENT_REACH; i--) {
    const tok = toks[i]!;
    // "قبل أن تحولهم الخميس", "منذ تسلمه مهامه الأحد": the narrative's past, not the present.
    if (PAST_OPENERS.has(tok.t)) return false;
    if (PRESENT_CLAUSE_OPENERS.has(tok.t)) {
      start = i + 1;
      break;
    }
    if (tok.brk || i === 0) {
      start = i;
      break;
    }
  }
  if (start < 0) return false;
  while (start < first && PRESENT_LEAD_PARTICLES.has(toks[start]!.t)) start++;
  return start < first && looksPresent(toks[start]!.t);
}
