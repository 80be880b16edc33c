/**
 * Refiners: small steps that run on the parsed expressions of a whole text, after the grammar
 * (parse.ts), as chrono's refiners do. Each one reads the neighbours of an expression, which a
 * parser looking at one position cannot:
 * - tense: whether the words around an expression put it in the future (tense.ts), before resolving;
 * - clock day: a clock time, or a part of the day said alone, takes the day named nearest to it;
 * - bracketed weekday: "مساء غد (الثلاثاء)" names one day twice, and the weekday takes the day's date;
 * - day in apposition: "صباح اليوم 19 جوان 2016", "مساء أمس، 12 مارس" name one day twice: one expression.
 * - part of the day: "فجر الجمعة" is the Friday with its part of the day in the TIMEX3 value.
 * - comparison point: after a superlative, منذ opens a comparison window ("أضعف نمو منذ 24 عاما"),
 *   which keeps its TIMEX3 value and loses its timeline value.
 * Overlaps never arise: the parser keeps the longest reading at each position and moves past it.
 */
import type { TimexType } from '../types.ts';
import type { Tok } from './tokens.ts';
import type { Hit } from './parse.ts';
import { isFuture, opensInPresent } from './tense.ts';
import { isoLength, withClock } from './resolve.ts';
import { parseDay, weekday, formatDay } from './calendar.ts';
import { COMPARISON_WORDS, WINDOW_NEGATIONS, WINDOW_NEGATIONS_NOT } from './lexicon.ts';

/** One expression being refined: its parse, resolved value and TIMEX3 kind and value. */
export interface Found {
  hit: Hit;
  value: string | null;
  type: TimexType;
  timex: string | null;
}

/** What every refiner may read. */
export interface RefineContext {
  toks: Tok[];
  /** The reference day, YYYY-MM-DD. */
  refDay: string;
  /** Sentence index of each token, made on first use. */
  sentences(): Int32Array;
}

/** Index of the first token ending after `offset` (tokens are in text order), or -1: a binary search, so each hit costs log n. */
function firstTokenAfter(toks: Tok[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.e > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo < toks.length ? lo : -1;
}

/** Tense, before resolving: true for a hit the words around put in the future (سيزور، من المقرر). */
export function futureOf(toks: Tok[], hit: Hit): boolean {
  return isFuture(toks, firstTokenAfter(toks, hit.s), hit.end - 1);
}

/** Whether a bare weekday's clause opens with a verb in the present (يعقد المجلس اجتماعا الخميس): the coming one. */
export function presentOf(toks: Tok[], hit: Hit): boolean {
  return hit.r.k === 'weekday' && opensInPresent(toks, firstTokenAfter(toks, hit.s));
}

/** Sentences back (besides its own) that a month without a year looks for a past year told before it. */
const PAST_YEAR_SENTENCES = 1;

/**
 * Whether a Gregorian month named without a year may be the coming one: no year before `refYear`
 * is written (in digits) in its sentence before it or in the sentence before ("عثر في 3 فيفري 2016
 * على جثة … وبعد فشل أول لقاء … في أفريل، سحبت روما سفيرها" tells that year's April).
 */
export function nearMonthOf(toks: Tok[], hit: Hit, refYear: number): boolean {
  if (hit.r.k !== 'month' || hit.r.cal === 'hijri' || hit.r.y !== undefined) return false;
  let breaks = 0;
  for (let i = firstTokenAfter(toks, hit.s) - 1; i >= 0; i--) {
    const tok = toks[i]!;
    if (tok.digits && tok.t.length === 4) {
      const y = Number(tok.t);
      if (y >= 1900 && y < refYear) return false;
    }
    if (tok.brk && ++breaks > PAST_YEAR_SENTENCES) break;
  }
  return true;
}

/** Index of the sentence (as the tokenizer sees it) that each token belongs to. */
export function sentenceIds(toks: Tok[]): Int32Array {
  const ids = new Int32Array(toks.length);
  let id = 0;
  for (let i = 0; i < toks.length; i++) {
    if (i > 0 && toks[i]!.brk) id++;
    ids[i] = id;
  }
  return ids;
}

/** Sentences back that a clock time looks for its day ("الليلة الماضية … الساعة التاسعة مساء"). */
const CLOCK_DAY_SENTENCES = 2;

/**
 * The day of the time at `at`: the nearest day named before it in its sentence, else after it in
 * its sentence, else the last one named in the sentences just before; else the reference day.
 */
function dayNear(found: Found[], at: number, sent: Int32Array, refDay: string): string {
  const own = sent[found[at]!.hit.end - 1]!;
  const dayOf = (k: number): string | null => {
    const v = found[k]!.value;
    return v && v.length === 10 ? v : null;
  };
  for (let k = at - 1; k >= 0; k--) {
    if (sent[found[k]!.hit.end - 1] !== own) break;
    const v = dayOf(k);
    if (v) return v;
  }
  for (let k = at + 1; k < found.length; k++) {
    if (sent[found[k]!.hit.end - 1] !== own) break;
    const v = dayOf(k);
    if (v) return v;
  }
  for (let k = at - 1; k >= 0; k--) {
    if (own - sent[found[k]!.hit.end - 1]! > CLOCK_DAY_SENTENCES) break;
    const v = dayOf(k);
    if (v) return v;
  }
  return refDay;
}

/** A clock time with no day of its own takes the day near it; so does a part of the day said alone (in its TIMEX3 value only). */
function clockDay(found: Found[], ctx: RefineContext): void {
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const r = f.hit.r;
    if (r.k === 'clock' && !r.day) {
      f.value = withClock(dayNear(found, k, ctx.sentences(), ctx.refDay), r.h, r.min);
      f.timex = f.value;
    } else if (r.k === 'daypart') {
      f.timex = dayNear(found, k, ctx.sentences(), ctx.refDay) + r.part;
    }
  }
}

/** Days a bracketed weekday may stand from the day before it and still name it. */
const BRACKET_REACH = 3;

/** "مساء غد (الثلاثاء)", "أمس (الخميس)": the weekday in brackets names the day just before it. */
function bracketedWeekday(found: Found[], ctx: RefineContext): void {
  for (let k = 1; k < found.length; k++) {
    const f = found[k]!;
    if (f.hit.r.k !== 'weekday' || f.hit.r.mod || f.hit.r.anchor !== undefined) continue;
    const prev = found[k - 1]!;
    const open = firstTokenAfter(ctx.toks, f.hit.s) - 1;
    if (open < 0 || ctx.toks[open]!.t !== '(' || prev.hit.end !== open) continue;
    if (!prev.value || prev.value.length < 10) continue;
    const day = parseDay(prev.value);
    let diff = (f.hit.r.wd - weekday(day) + 7) % 7;
    if (diff > BRACKET_REACH) diff -= 7;
    if (Math.abs(diff) > BRACKET_REACH) continue;
    f.value = formatDay(day + diff);
    f.timex = f.value;
  }
}

/** Days a date after اليوم/أمس/غدا may stand from the day they name and still be that day (a story dated the day after it was written). */
const APPOSITION_REACH = 1;

/** Whether `next` follows `prev` with nothing between them but a comma or an opening bracket. */
function adjoins(toks: Tok[], prev: Hit, next: Hit): boolean {
  const at = firstTokenAfter(toks, next.s);
  if (at === prev.end) return true;
  const between = toks[prev.end]?.t;
  return at === prev.end + 1 && (between === '،' || between === ',' || between === '(');
}

/**
 * "صباح اليوم 19 جوان 2016", "مساء أمس 12 مارس", "اليوم (الأحد 5 مارس)": a relative day followed
 * at once by a date of that day (within APPOSITION_REACH) names one day: one expression spanning
 * both, with the date's value and the relative day's kind and part of the day. A date further away
 * is another time ("حدد أمس 12 مارس موعدا للانتخابات") and stays apart.
 */
export function dayInApposition(found: Found[], ctx: RefineContext): void {
  for (let k = found.length - 2; k >= 0; k--) {
    const rel = found[k]!;
    const date = found[k + 1]!;
    if (rel.hit.r.k !== 'rel' || rel.hit.r.unit !== 'day' || !rel.value || rel.value.length !== 10) continue;
    if (date.hit.r.k !== 'day' || !date.value || date.value.length !== 10 || !adjoins(ctx.toks, rel.hit, date.hit)) continue;
    if (Math.abs(parseDay(date.value) - parseDay(rel.value)) > APPOSITION_REACH) continue;
    const closes = ctx.toks[rel.hit.end]?.t === '(' && ctx.toks[date.hit.end]?.t === ')';
    rel.hit = { ...rel.hit, end: closes ? date.hit.end + 1 : date.hit.end, r: date.hit.r };
    rel.value = date.value;
    rel.timex = date.value;
    found.splice(k + 1, 1);
  }
}

/** "فجر الجمعة": a day named with its part of the day carries the part in its TIMEX3 value. */
function partOfDay(found: Found[]): void {
  for (const f of found) if (f.hit.part && f.value && f.value.length === 10) f.timex = f.value + f.hit.part;
}

/** Tokens back from منذ that a superlative may stand: "أدنى مستوى له منذ", "أكبر تراجع شهري منذ". */
const COMPARISON_REACH = 5;

/** منذ, or بين opening a range ("أكبر نسب تضخم بين جانفي 2010 وأفريل 2017"). */
const opensWindow = (tok: Tok | undefined): boolean => tok !== undefined && (tok.forms.includes('منذ') || tok.t === 'بين');

/**
 * "أضعف نمو منذ 24 عاما", "أدنى مستوى منذ مطلع فبراير", "أكبر نسب تضخم بين جانفي 2010 وأفريل 2017":
 * after a superlative or a record, منذ (or بين) opens the window of a comparison, not an event; its time keeps its TIMEX3 value and loses its timeline
 * value. "منذ 62 سنة" after a past verb stays an event.
 */
function comparisonPoint(found: Found[], ctx: RefineContext): void {
  for (const f of found) {
    if (f.value === null) continue;
    const at = firstTokenAfter(ctx.toks, f.hit.s);
    const since = opensWindow(ctx.toks[at]) ? at : opensWindow(ctx.toks[at - 1]) ? at - 1 : -1;
    if (since < 0) continue;
    if (comparedBefore(ctx.toks, since) || (ctx.toks[since]!.t !== 'بين' && negatedBefore(ctx.toks, since))) f.value = null;
  }
}

/** Whether a superlative or a record word stands within COMPARISON_REACH tokens before the window's word, in its clause. */
function comparedBefore(toks: Tok[], since: number): boolean {
  for (let k = since - 1; k >= 0 && k >= since - COMPARISON_REACH; k--) {
    const tok = toks[k]!;
    if (isClauseMark(tok)) return false;
    // "أكثر من 24 قضية منذ 2009" compares a count, not a time.
    if (tok.forms.some((w) => COMPARISON_WORDS.has(w)) && toks[k + 1]?.t !== 'من') return true;
    if (tok.brk) return false;
  }
  return false;
}

const isClauseMark = (tok: Tok): boolean => tok.t === '،' || tok.t === ',' || tok.t === '.';

/** Tokens back from منذ that the negation of its clause may stand: "لم ترصد سيول أي حالات إصابة بشرية منذ". */
const NEGATION_REACH = 8;

/**
 * Whether منذ stands in a negated clause: "لم ترصد سيول أي حالات إصابة بشرية منذ 18 نوفمبر", "لم
 * يستطع أن يتقدم فيها منذ 3 سنوات": nothing is told to happen at the window's start. A state going
 * on ("لا يزال معتقلا منذ 2015") began then and stays dated.
 */
function negatedBefore(toks: Tok[], since: number): boolean {
  for (let k = since - 1; k >= 0 && k >= since - NEGATION_REACH; k--) {
    const tok = toks[k]!;
    if (isClauseMark(tok)) return false;
    if (tok.forms.some((w) => WINDOW_NEGATIONS.has(w))) return !(toks[k + 1]?.forms.some((w) => WINDOW_NEGATIONS_NOT.has(w)) ?? false);
    if (tok.brk) return false;
  }
  return false;
}

/** Days ahead past which a date counted forward with بعد needs a future marker to be a date (a year). */
const FAR_AHEAD_DAYS = 366;
const DAYS_IN: Record<'day' | 'month' | 'year', number> = { day: 1, month: 30, year: 365 };

/**
 * "أعيد فتح المسجد بعد 109 أعوام", "عاد الفريق إلى البطولة بعد 40 عاما": a length counted with بعد
 * from an event of the story (the closing, the last title), not from the publication. Only a clause
 * said in the future (سيعود بعد عامين، من المقرر …) counts it from today; a date more than a year
 * ahead without one keeps its length and loses its date. A near one stays ("يعقد المؤتمر بعد أسبوع").
 */
function countedFromEvent(found: Found[], ctx: RefineContext): void {
  for (const f of found) {
    const r = f.hit.r;
    const length = f.hit.counted;
    if (!length || r.k !== 'rel' || f.value === null || r.n * DAYS_IN[r.unit] <= FAR_AHEAD_DAYS) continue;
    if (futureOf(ctx.toks, f.hit)) continue;
    f.value = null;
    f.type = 'DURATION';
    f.timex = isoLength(length.unit, length.n);
  }
}

/** Tokens back from بعد that the clause's verb is looked for. */
const VERB_REACH = 8;
const CLAUSE_MARKS = new Set(['،', ',', '.', '؛', 'ان', 'إن', 'أن', 'بان', 'التي', 'الذي', 'الذين']);

/**
 * Whether a word looks like a verb in the past: a past ending (نقلت، وصلوا، عالجنا), تم or كان,
 * or, when `first` (it opens its clause, where a verb stands in news), three letters not opening
 * with an imperfect prefix (عاد، قال) or four opening with the past's أ or with ا second (أعلن، غادر). A rough test,
 * used only where the clause counts a length forward with بعد.
 */
export function looksPast(word: string, first: boolean): boolean {
  const w = word.length > 3 && (word[0] === 'و' || word[0] === 'ف') ? word.slice(1) : word;
  if (w.startsWith('ال') || /(?:ات|ة)$/.test(w) || /[0-9]/.test(w)) return false;
  if (w === 'تم' || w === 'كان' || w === 'كانت') return true;
  if (w.length >= 4 && /(?:ت|وا|نا)$/.test(w) && w[0] !== 'ي') return true;
  return first && ((w.length === 3 && !/^[يتنا]/.test(w)) || (w.length === 4 && (w[0] === 'ا' || w[1] === 'ا')));
}

/** Whether the clause before the token at `at` (back to a clause mark, within VERB_REACH) has a verb in the past. */
function pastBefore(toks: Tok[], at: number): boolean {
  let first = at;
  let opened = false; // whether the scan reached the clause's first word, not only its reach
  for (let k = at - 1; k >= 0; k--) {
    const tok = toks[k]!;
    // A mark ends the clause; إن/أن and a relative pronoun open a clause with its own tense ("قال إن النتائج تعلن بعد أسبوع").
    if (CLAUSE_MARKS.has(tok.t)) {
      opened = true;
      break;
    }
    if (at - k > VERB_REACH) break;
    // A word glued to و or ف opens a clause of its own ("وعاد بعد يومين").
    if (looksPast(tok.t, tok.t.length > 3 && (tok.t[0] === 'و' || tok.t[0] === 'ف'))) return true;
    first = k;
    if (tok.brk || k === 0) {
      opened = true;
      break;
    }
  }
  return opened && first < at && looksPast(toks[first]!.t, true);
}

/**
 * "وصل يوم 3 ماي وعاد بعد يومين", "أطلق سراحه بعد يومين": a near length counted with بعد after a
 * verb in the past counts from the story's event, not from the publication: from the day named
 * before it in its sentence, when there is one; else it keeps its length and loses its date.
 * A clause said in the future (سيعود بعد يومين) or in the present (يعقد المؤتمر بعد أسبوع) keeps today's count.
 */
function countedAfterPast(found: Found[], ctx: RefineContext): void {
  let sent: Int32Array | null = null;
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const r = f.hit.r;
    const length = f.hit.counted;
    if (!length || r.k !== 'rel' || f.value === null || futureOf(ctx.toks, f.hit)) continue;
    const at = firstTokenAfter(ctx.toks, f.hit.s);
    if (at < 0 || !pastBefore(ctx.toks, at)) continue;
    sent ??= ctx.sentences();
    const anchor = r.unit === 'day' ? dayBefore(found, k, sent) : null;
    if (anchor !== null) {
      f.value = formatDay(parseDay(anchor) + r.n);
      f.timex = f.value;
      continue;
    }
    f.value = null;
    f.type = 'DURATION';
    f.timex = isoLength(length.unit, length.n);
  }
}

/** The nearest day named before found[at] in its sentence, or null. */
function dayBefore(found: Found[], at: number, sent: Int32Array): string | null {
  const own = sent[found[at]!.hit.end - 1]!;
  for (let k = at - 1; k >= 0 && sent[found[k]!.hit.end - 1] === own; k--) {
    const v = found[k]!.value;
    if (v && v.length === 10) return v;
  }
  return null;
}

/** The refiners that run on resolved expressions, in order (a comparison window lends no day to a clock time, so it goes first). */
export const REFINERS: ((found: Found[], ctx: RefineContext) => void)[] = [dayInApposition, countedFromEvent, countedAfterPast, bracketedWeekday, comparisonPoint, clockDay, partOfDay];
