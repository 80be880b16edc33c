/**
 * Time expressions that date no event of their own, told by the words around them: a date that
 * only names something ("قانون 7 أوت 2015", "إحياء ذكرى 2 مارس 1934", "ميزانية سنة 2016"), a
 * report's edition in brackets ("نتائج التجارة الخارجية (ديسمبر 2016)"), a second naming of the
 * date just given ("6 مارس آذار", "الخميس، 2 مارس"), the end of a range ("ما بين جانفي و نوفمبر
 * 2016": the range is dated by its first time), a place named after a date ("نهج 18 جانفي"), the
 * word شهر before a month's name read as "a month ago" ("منذ شهر جانفي"), the window of a count ("78 هجومًا منذ 17 أكتوبر"),
 * the point a figure is compared with ("بنسبة 4،2 بالمائة مقارنة مع نفس الفترة من سنة 2015"). Each rule reads a few words on either side, so the
 * whole pass is linear in the text.
 */
import { normalize } from '../text/normalize.ts';
import { isSpace } from '../text/tokens.ts';
import eventData from '../lexicon/temporal/event.json' with { type: 'json' };
import { APPROX, MORE_LESS, UNITS } from './lexicon.ts';

const words = (list: string[]): Set<string> => new Set(list.map((w) => normalize(w)));
const NAMING = words(eventData.namingNouns);
const NAMING_EVENTS = words(eventData.namingEventNouns);
const EDITION = words(eventData.editionNouns);
const PLACES = words(eventData.placeNouns);
const ISSUED = words(eventData.issuedWords);
const ISSUED_SIGNALS = words(eventData.issuedSignals);
const LEGAL = words(eventData.legalNouns);
/** Most words between الصادر/المؤرخ and the law it dates (عدد 1123 لسنة 2016 and an adjective). */
const ISSUED_REACH = 6;
const RANGE_OPENERS = words(eventData.rangeOpeners);
const RANGE_LINKS = words(eventData.rangeLinks);
const CONTINUING = words(eventData.continuationVerbs);
const NOMINAL_OPENERS = words(eventData.nominalOpeners.filter((w) => !w.includes(' ')));
const NOMINAL_OPENER_PAIRS = words(eventData.nominalOpeners.filter((w) => w.includes(' ')));

/** A time expression as these rules see it. */
export interface TimeAt {
  start: number;
  end: number;
  text: string;
  value: string | null;
}

/** A year named by سنة/عام without digits ("السنة القادمة", "للسنة القادمة"), as a budget or a law names it. */
const NAMED_YEAR = /^(?:لل|ل?(?:ال)?)(?:سنة|عام)\s/;

/** Most words looked back from a bracket for the noun of a series. */
const EDITION_WORDS = 5;
/** Most characters a word is read from (a longer run of letters is no word of these lists). */
const WORD_CHARS = 24;

/** Start of the word ending at `end` (white space before `end` skipped), or -1; `end` moves past the space. */
function wordBefore(text: string, end: number, floor = 0): { start: number; end: number } | null {
  let e = end;
  while (e > floor && isSpace(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > floor && e - s < WORD_CHARS && !isSpace(text.charCodeAt(s - 1))) s--;
  return s < e ? { start: s, end: e } : null;
}

/** The normalized word in text[start, end), without a leading و (a clitic before a noun of these lists). */
function bare(text: string, span: { start: number; end: number }): string {
  const w = normalize(text.slice(span.start, span.end));
  return w.length > 3 && w.startsWith('و') ? w.slice(1) : w;
}

/** The word before a date, past a ل or ب glued to it ("ميزانية الدولة لسنة 2017": the date is read from سنة). */
function namingWordBefore(text: string, start: number): { start: number; end: number } | null {
  const before = wordBefore(text, start);
  if (before?.end !== start || before.end - before.start !== 1 || !/[لب]/.test(text[before.start]!)) return before;
  return wordBefore(text, before.start);
}

/** Whether the date only names what the noun right before it names: a law, an anniversary, a budget. */
export function namesSomething(text: string, t: TimeAt): boolean {
  // A name holds a date as written (a number, or سنة/عام with one): "إعادة القانون اليوم" is today.
  if (!/[0-9\u0660-\u0669\u06F0-\u06F9]/.test(t.text) && !NAMED_YEAR.test(normalize(t.text))) return false;
  const before = namingWordBefore(text, t.start);
  if (!before) return false;
  const w = bare(text, before);
  if (inList(NAMING, w) || datesLegalText(text, before)) return true;
  // "ضحايا أحداث 11 سبتمبر 2001": a happening named by its day, the day written right after it.
  if (inList(NAMING_EVENTS, w) && /^[0-9\u0660-\u0669]/.test(t.text)) return true;
  // A place is named by a day and a month ("نهج 18 جانفي", "بالمركب الشبابي 17 ديسمبر", with its
  // nisba adjective); a year after a body ("تأسيس الجامعة العربية عام 1945") dates what it did.
  if (t.value?.length !== 10 || /\d{4}/.test(t.text)) return false;
  if (inList(PLACES, w)) return true;
  if (!/^(?:ال|لل|بال).+ي[ةه]?$/.test(w)) return false;
  const noun = wordBefore(text, before.start);
  return noun !== null && inList(PLACES, bare(text, noun));
}

/** Whether a word, or the word without a glued ل or ب, is in the list (للمرسوم is ل + المرسوم). */
function inList(list: Set<string>, w: string): boolean {
  return list.has(w) || ((w.startsWith('ل') || w.startsWith('ب')) && list.has(w.slice(1))) || (w.startsWith('لل') && list.has(`ا${w.slice(1)}`));
}

/**
 * Whether the word before a date (`before`, past في or بتاريخ) is الصادر or المؤرخ after a law, a
 * decree or an order, its number and adjective between: "القانون عدد 64 لسنة 1991 المؤرخ في 2 أوت
 * 1991", "الأمر الرئاسي عدد 95 لسنة 2016 الصادر بتاريخ 3 أوت": the date names the text.
 */
function datesLegalText(text: string, before: { start: number; end: number }): boolean {
  let at: { start: number; end: number } | null = before;
  if (ISSUED_SIGNALS.has(bare(text, at))) at = wordBefore(text, at.start);
  if (!at || !ISSUED.has(bare(text, at))) return false;
  for (let k = 0; k < ISSUED_REACH; k++) {
    at = wordBefore(text, at.start);
    if (!at || /[.،,؛;:!?؟()]/.test(text.slice(at.start, at.end))) return false;
    const w = bare(text, at);
    if (inList(LEGAL, w)) return true;
    // A number, عدد, لسنة/سنة and a nisba adjective (الحكومي، الرئاسي) stand between.
    if (!/^[0-9\u0660-\u0669]+$/.test(w) && !/^(?:عدد|لسنه|لسنة|سنة|سنه)$/.test(w) && !/^ال.+ي$/.test(w)) return false;
  }
  return false;
}

/** Whether `t` ends with the word شهر that heads the month named right after it ("منذ شهر جانفي" is since January, not a month ago). */
export function headsMonth(text: string, t: TimeAt, next: TimeAt): boolean {
  if (next.value === null || next.value.length < 7 || next.start < t.end || next.start - t.end > 2) return false;
  return /(?:^|\s)شهر$/.test(normalize(t.text)) && text.slice(t.end, next.start).trim() === '';
}

/** Whether the date stands alone in brackets after the noun of a published series ("نتائج التجارة الخارجية (ديسمبر 2016)"). */
export function namesEdition(text: string, t: TimeAt): boolean {
  let open = t.start;
  while (open > 0 && isSpace(text.charCodeAt(open - 1))) open--;
  let close = t.end;
  while (close < text.length && isSpace(text.charCodeAt(close))) close++;
  if (text[open - 1] !== '(' || text[close] !== ')') return false;
  let at = open - 1;
  for (let k = 0; k < EDITION_WORDS; k++) {
    const w = wordBefore(text, at);
    if (!w || /[.،,؛;:!?؟()]/.test(text.slice(w.start, at))) return false;
    if (EDITION.has(bare(text, w))) return true;
    at = w.start;
  }
  return false;
}

/** Whether `t` names again, right after it, the date `prev` gave ("6 مارس آذار", "الخميس، 2 مارس"): the same or a coarser value. */
export function restates(text: string, prev: TimeAt, t: TimeAt): boolean {
  if (prev.value === null || t.value === null || prev.end > t.start || t.start - prev.end > 3) return false;
  if (!/^[\s/،,]*$/.test(text.slice(prev.end, t.start))) return false;
  return prev.value.startsWith(t.value);
}

/** Most characters between a range's two times: its link words ("و", "إلى", "إلى غاية"). */
const RANGE_GAP_CHARS = 12;

/** Words back from a time that the link to it and then the verb of what goes on are looked for. */
const LINK_WORDS = 2;
const CONTINUING_REACH = 4;

/**
 * Whether `t` is the end of something told going on up to it: "ويتواصل إلى يوم الأحد", "تتواصل
 * فعالياتها الى غاية 8 ماي", "ستستمر إلى غاية 26 …". As a range's end, it dates no event of its own
 * (what goes on is dated by its start). The link (إلى، حتى، لغاية، إلى غاية) stands right before the
 * time, the verb (its و، ف، س off) within a few words before the link.
 */
export function endsContinuation(text: string, t: TimeAt): boolean {
  let at = t.start;
  let links = 0;
  for (let k = 0; k < LINK_WORDS; k++) {
    const w = wordBefore(text, at);
    if (!w || /[.،,؛;:!?؟]/.test(text.slice(w.end, at))) break;
    const n = normalize(text.slice(w.start, w.end));
    if (!RANGE_LINKS.has(n) && n !== 'لغاية') break;
    links++;
    at = w.start;
  }
  if (links === 0) return false;
  for (let k = 0; k < CONTINUING_REACH; k++) {
    const w = wordBefore(text, at);
    // A clause mark after the word, glued to it or not, ends the look back.
    if (!w || /[.،,؛;:!?؟]/.test(text.slice(w.start, at))) return false;
    if (CONTINUING.has(normalize(text.slice(w.start, w.end)).replace(/^[وف]?س?(?=[يتم])/, ''))) return true;
    at = w.start;
  }
  return false;
}

/** "شهري جوان وجويلية": two months in a row named as a pair are one stretch, dated by the first (not "شهري سبتمبر وديسمبر"). */
function pairsMonths(prev: TimeAt, t: TimeAt): boolean {
  if (!/^و?شهري\s/.test(normalize(prev.text)) || prev.value?.length !== 7 || t.value?.length !== 7) return false;
  const month = (v: string): number => Number(v.slice(0, 4)) * 12 + Number(v.slice(5, 7));
  return month(t.value) - month(prev.value) === 1;
}

/** Whether `t` ends a range that `prev` opens ("بين 2014 و2016", "من جانفي إلى مارس"): the range is dated by its start. */
export function endsRange(text: string, prev: TimeAt, t: TimeAt): boolean {
  // A first time without a value (the window of a superlative, "الأكثر ارتفاعا منذ سنة 2010 إلى غاية أفريل 2017") opens a range too.
  if (t.value === null || prev.end > t.start || t.start - prev.end > RANGE_GAP_CHARS) return false;
  const between = normalize(text.slice(prev.end, t.start).trim());
  // One link or two ("منذ سنة 2010 إلى غاية أفريل 2017").
  const links = between.split(/\s+/);
  const linked = between === '' ? /^و\S/.test(t.text) : links.length <= 2 && links.every((w) => RANGE_LINKS.has(w));
  if (!linked) return false;
  if (pairsMonths(prev, t)) return true;
  const one = wordBefore(text, prev.start);
  if (!one) return false;
  if (RANGE_OPENERS.has(normalize(text.slice(one.start, one.end)))) return true;
  const two = wordBefore(text, one.start);
  return two !== null && RANGE_OPENERS.has(normalize(text.slice(two.start, one.end).replace(/\s+/g, ' ')));
}

/**
 * Whether `t` is the window of a count right before منذ ("أحصت 78 هجومًا منذ 17 أكتوبر", "15 صحفيا
 * منذ 2016") or right after its time ("استقبلت منذ سنة 2014 نحو 245 ألف لاجئ"): the count is told now, not on that day. An age ("البالغ 14 عاما منذ الإثنين") counts
 * nothing, so the disappearance told with it stays dated.
 */
export function windowsCount(text: string, t: TimeAt): boolean {
  const since = wordBefore(text, t.start);
  if (!since || bare(text, since) !== 'منذ') return false;
  if (countFollows(text, t.end)) return true;
  const noun = wordBefore(text, since.start);
  const count = noun && wordBefore(text, noun.start);
  if (!noun || !count || UNITS.has(normalize(text.slice(noun.start, noun.end)))) return false;
  return /^[0-9]+(?:[.,٫][0-9]+)?$/.test(normalize(text.slice(count.start, count.end)));
}

/** Words that may stand between a window and the count after it: "منذ 2014 نحو 245 ألف", "أكثر من 300". */
const COUNT_LEADS = new Set([...APPROX, ...MORE_LESS, 'من', 'ما', 'يقرب']);

/** Whether a count follows right after `end` ("استقبلت منذ سنة 2014 نحو 245 ألف لاجئ"), past at most three lead words. */
function countFollows(text: string, end: number): boolean {
  const after = text.slice(end, end + 40).trim().split(/\s+/, 4);
  for (const w of after) {
    if (/^[0-9]+(?:[.,٫][0-9]+)?$/.test(w)) return true;
    if (!COUNT_LEADS.has(normalize(w))) return false;
  }
  return false;
}

/** Marks that end the clause before a word: a subject right after one opens its clause. */
const CLAUSE_EDGE = /[.،,؛;:!?؟\n]\s*$/;

/**
 * Whether اليوم right after the subject that opens a clause means "nowadays" ("إن العالم اليوم يواجه
 * تحديات", "الشباب اليوم يبحثون عن عمل"): it tells the state of the world, not the day of an event.
 * After a verb the subject's اليوم is the day ("وصل الوزير اليوم"), and so it is after a noun in a
 * construct ("مباراة اليوم").
 */
export function meansNowadays(text: string, t: TimeAt): boolean {
  if (normalize(t.text) !== 'اليوم') return false;
  const subject = wordBefore(text, t.start);
  if (!subject || !bare(text, subject).startsWith('ال') || /[^\s\u0621-\u0652]/.test(text.slice(subject.start, t.start))) return false;
  const opener = wordBefore(text, subject.start);
  if (!opener) return true;
  if (CLAUSE_EDGE.test(text.slice(Math.max(0, subject.start - 3), subject.start))) return true;
  if (NOMINAL_OPENERS.has(normalize(text.slice(opener.start, opener.end)))) return true;
  const before = wordBefore(text, opener.start);
  return before !== null && NOMINAL_OPENER_PAIRS.has(normalize(text.slice(before.start, opener.end).replace(/\s+/g, ' ')));
}

const NOWADAYS_VERBS = words(eventData.nowadaysVerbs);
/** Words back from اليوم that a verb of a state may stand (the verb, its subject of up to two words). */
const NOWADAYS_REACH = 3;
/** Words after اليوم that are no object of a state: a preposition or a particle (تعيش البلاد اليوم على وقع …: the day's events). */
const NOT_OBJECT = words(['في', 'على', 'من', 'إلى', 'الى', 'عن', 'مع', 'بين', 'أمام', 'حول', 'خلال', 'بعد', 'قبل', 'عند', 'لدى', 'ما', 'أن', 'إن']);

/**
 * Whether a bare اليوم after a verb of a lasting state means "nowadays" ("تعيش البلاد اليوم أزمة
 * اقتصادية", "بات اليوم ضرورة", "القضايا التي نواجهها اليوم"): the verb within a few words before
 * it, in its clause, and after it an indefinite object, not a named one (يواجه الفريق اليوم
 * الترجي) nor a preposition (تعيش المدينة اليوم على وقع الاحتجاجات); after the first person always.
 */
export function statesNowadays(text: string, t: TimeAt): boolean {
  if (normalize(t.text) !== 'اليوم') return false;
  let at = t.start;
  let verb = '';
  for (let k = 0; k < NOWADAYS_REACH && verb === ''; k++) {
    const w = wordBefore(text, at);
    if (!w || /[.،,؛;:!?؟"«»]/.test(text.slice(w.end, at))) return false;
    const form = bare(text, w);
    if (NOWADAYS_VERBS.has(form) || NOWADAYS_VERBS.has(normalize(text.slice(w.start, w.end)))) verb = form;
    at = w.start;
  }
  if (verb === '') return false;
  if (verb.startsWith('ن')) return true;
  const next = /^\s*([^\s.،,؛;:!?؟"«»()]+)/.exec(text.slice(t.end, t.end + WORD_CHARS + 2))?.[1];
  if (next === undefined) return false;
  const n = normalize(next);
  return /^[\u0621-\u064A]+$/.test(n) && !n.startsWith('ال') && !inList(NOT_OBJECT, n) && !NOT_OBJECT.has(n);
}

/** Words a quoted title may hold before its time word ("روسيا اليوم", "أخبار اليوم", "المصري اليوم"). */
const TITLE_WORDS = 3;

/**
 * Whether a time word ends a title in quotation marks ("وفق ما أورده موقع "روسيا اليوم"", «أخبار
 * اليوم»): the name of a channel or a paper, no time. The quote opens at most TITLE_WORDS words
 * before it and closes right after it.
 */
export function endsQuotedTitle(text: string, t: TimeAt): boolean {
  let close = t.end;
  while (close < text.length && isSpace(text.charCodeAt(close))) close++;
  if (!/["»”]/.test(text[close] ?? '')) return false;
  let at = t.start;
  for (let k = 0; k < TITLE_WORDS; k++) {
    const w = wordBefore(text, at);
    if (!w || /[.،,؛;:!?؟]/.test(text.slice(w.end, at))) return false;
    if (/^["«“]/.test(text.slice(w.start, w.end))) return true;
    at = w.start;
    if (/["«“]\s*$/.test(text.slice(Math.max(0, at - 2), at))) return true;
  }
  return false;
}

/** Whether `t` (with the valued times before and after it, if any) dates no event of its own. */
/** Characters looked back from a time for the comparison word that introduces it. */
const COMPARISON_REACH = 48;
/**
 * "مقارنة بالفترة ذاتها من سنة 2015", "مقارنة مع الثلاثي الرابع من سنة 2015", "بالمقارنة مع عام 2010":
 * the comparison word and only words of a period before the time, no figure and no clause mark.
 */
const COMPARED_WITH = /(?:^|[\s\d])(?:و?بال|ل?)مقارن[ةه]\s*(?:ب|مع\s)[^\d\u0660-\u0669،,.:;؛()]*$/;

/**
 * Whether the time is only the point a figure is compared with, no figure of its own told at it:
 * "ارتفعت قيمته المضافة بنسبة 4،2 بالمائة مقارنة مع نفس الفترة من سنة 2015" dates nothing in 2015.
 * A baseline with its figure ("مقارنة بـ 1003 قتلى في سبتمبر") is a dated fact (comparison.ts).
 */
export function comparedOnly(text: string, t: TimeAt): boolean {
  const before = normalize(text.slice(Math.max(0, t.start - COMPARISON_REACH), t.start));
  return COMPARED_WITH.test(before);
}

export function datesNoEvent(text: string, t: TimeAt, prev: TimeAt | undefined, next?: TimeAt): boolean {
  if (comparedOnly(text, t) || endsContinuation(text, t) || namesSomething(text, t) || namesEdition(text, t) || windowsCount(text, t) || meansNowadays(text, t) || statesNowadays(text, t) || endsQuotedTitle(text, t)) return true;
  if (next !== undefined && headsMonth(text, t, next)) return true;
  return prev !== undefined && (restates(text, prev, t) || endsRange(text, prev, t) || extendsContinuation(text, prev, t) || datesTellingOnly(text, prev, t));
}

/** Characters looked back from a time for the attribution it is told in ("، وفق ما أفاد به، "). */
const TELLING_REACH = 40;
/** "وفق ما أفاد به،", "حسب ما أوردته", "بحسب ما أعلنت عنه": the attribution and at most three words after it, right before the time. */
const TELLING_TAIL = /(?:^|\s)(?:و?(?:وفق|حسب|بحسب|وفقا ل)\s*ما|حسبما|بحسبما)(?:\s+[^\s.!?؟]+){0,3}[\s،,]*$/;
const SENTENCE_END = /[.!?؟\n]/;
const REPORTED = /(?:^|\s)(?:أن|إن|ان|بأن|بان)(?:\s|$)/;

/**
 * Whether `t` only dates the telling of what an earlier day of its sentence dates: "تمكنت مصالح
 * الأمن، مساء أمس الثلاثاء، من الإطاحة بعصابة …، وذلك وفق ما أفاد به، اليوم الأربعاء، مصدر أمني".
 * The earlier day stands in the sentence's own clause, not in a reported one ("رجح مسؤول أن يكون
 * سبب تحطم الطائرة السبت الماضي قنبلة، بحسب ما أوردت اليوم شبكة …": today's telling is the news).
 */
export function datesTellingOnly(text: string, prev: TimeAt, t: TimeAt): boolean {
  if (prev.value === null || t.value === null || prev.value.length < 10 || prev.value.slice(0, 10) >= t.value.slice(0, 10)) return false;
  if (prev.end > t.start || SENTENCE_END.test(text.slice(prev.end, t.start))) return false;
  if (!TELLING_TAIL.test(normalize(text.slice(Math.max(prev.end, t.start - TELLING_REACH), t.start)))) return false;
  let from = prev.start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  return !REPORTED.test(normalize(text.slice(from, prev.start)));
}

/** A later end of what goes on, right after its first end: "يستمر التصويت حتى الساعة 16,00 بل وحتى الساعة 18,00". */
const LATER_END = /^\s*(?:بل\s+)?و?(?:حتى|إلى|الى|لغاية)\s*$/;

/** Whether `t` is a second end, linked by (بل) وحتى, of something told going on up to `prev`. */
export function extendsContinuation(text: string, prev: TimeAt, t: TimeAt): boolean {
  return prev.end <= t.start && LATER_END.test(normalize(text.slice(prev.end, t.start))) && endsContinuation(text, prev);
}
