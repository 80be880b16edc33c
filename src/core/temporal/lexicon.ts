/** The temporal language data (src/core/lexicon/temporal/*.json), normalized once for matching. */
import monthsData from '../lexicon/temporal/months.json' with { type: 'json' };
import weekdaysData from '../lexicon/temporal/weekdays.json' with { type: 'json' };
import numbersData from '../lexicon/temporal/numbers.json' with { type: 'json' };
import daypartsData from '../lexicon/temporal/dayparts.json' with { type: 'json' };
import modifiersData from '../lexicon/temporal/modifiers.json' with { type: 'json' };
import timexData from '../lexicon/temporal/timex.json' with { type: 'json' };
import { normalize } from '../text/normalize.ts';

/** The calendar a month name belongs to. */
export type Calendar = 'gregorian' | 'hijri';
/** What الماضي / المقبل / الجاري and their variants say. */
export type Modifier = 'past' | 'future' | 'current';
/** Units counted in قبل/بعد/منذ N … */
export type Unit = 'day' | 'week' | 'month' | 'year' | 'hour' | 'minute' | 'decade' | 'century';
/** TimeML's four kinds of time expression. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
/** TIMEX3 mod of a part of a period (مطلع → START, منتصف → MID, أواخر → END). */
export type TimexMod = 'START' | 'MID' | 'END';

/** A month name entry. */
export interface MonthEntry {
  month: number;
  calendar: Calendar;
  ambiguous: boolean;
}

/** A multi-word phrase table keyed by its first word; longer phrases first. */
export type PhraseTable<V> = Map<string, { words: string[]; value: V }[]>;

function phraseTable<V>(pairs: [string, V][]): PhraseTable<V> {
  const table: PhraseTable<V> = new Map();
  for (const [phrase, value] of pairs) {
    const words = normalize(phrase).split(/\s+/).filter(Boolean);
    const first = words[0];
    if (first === undefined) continue;
    const list = table.get(first) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    table.set(first, list);
  }
  return table;
}

/** A phrase table that only says whether a phrase is in it. */
function phraseSet(list: string[]): PhraseTable<true> {
  return phraseTable(list.map((w): [string, true] => [w, true]));
}

function wordMap<V>(record: Record<string, V>): Map<string, V> {
  return new Map(Object.entries(record).map(([k, v]) => [normalize(k), v]));
}

function wordSet(list: string[]): Set<string> {
  return new Set(list.map((w) => normalize(w)));
}

/** Month names of every calendar, one- and two-word (كانون الأول). */
export const MONTHS: PhraseTable<MonthEntry> = phraseTable(
  monthsData.months.flatMap((entry) =>
    entry.names.map((name): [string, MonthEntry] => [
      name,
      { month: entry.month, calendar: entry.calendar as Calendar, ambiguous: entry.ambiguous === true },
    ]),
  ),
);

/** Weekday number by normalized name, and which of them are also common words. */
export const WEEKDAYS = new Map<string, { day: number; ambiguous: boolean }>(
  weekdaysData.weekdays.flatMap((entry) =>
    entry.names.map((name): [string, { day: number; ambiguous: boolean }] => [
      normalize(name),
      { day: entry.day, ambiguous: entry.ambiguous === true },
    ]),
  ),
);

// Numbers in words (numbers.json).
export const DAY_ORDINALS = wordMap(numbersData.dayOrdinals);
export const DAY_TENS = wordMap(numbersData.dayTens);
export const TEEN = wordSet(numbersData.teen);
export const CLOCK_HOURS = wordMap(numbersData.clockHours);
export const CLOCK_TEEN = wordSet(numbersData.clockTeen);
export const CLOCK_FRACTIONS = wordMap(numbersData.clockFractions);
export const COUNTS = wordMap(numbersData.counts);
/** عشر/عشرة after a count of 1-9 (خمسة عشر), and the heads that only count before them (أحد عشر، اثنا عشر). */
export const COUNT_TEEN = wordSet(numbersData.countTeen);
export const TEEN_HEADS = wordMap(numbersData.teenHeads);
/** نصف/ربع before a unit, ونصف after it, واحد after a singular unit: lengths (نصف ساعة، ساعة ونصف، يوم واحد). */
export const LENGTH_FRACTIONS = wordMap(numbersData.lengthFractions);
export const LENGTH_HALF = wordSet(numbersData.lengthHalf);
export const LENGTH_ONE = wordSet(numbersData.lengthOne);
export const QUARTER_ORDINALS = wordMap(numbersData.quarterOrdinals);

// Parts of the day (dayparts.json): before a day, and after a clock hour.
export const DAYPARTS: PhraseTable<true> = phraseSet(daypartsData.before);
export const DAYPART_ADVERBS: PhraseTable<string> = phraseTable(Object.entries(daypartsData.adverbs));
/** TIMEX3 suffix of a part of the day named before a day (فجر الجمعة → TMO). */
export const DAYPART_TIMEX = wordMap(daypartsData.timex);
/** Words after which مساء/صباح is no time of day (مساء الخير). */
export const DAYPART_NOT_BEFORE = wordSet(daypartsData.notBefore);

const m = modifiersData;
// Word lists of modifiers.json, each named after its key there.
export const MODIFIERS = new Map<string, Modifier>([
  ...m.modifiers.past.map((w): [string, Modifier] => [normalize(w), 'past']),
  ...m.modifiers.future.map((w): [string, Modifier] => [normalize(w), 'future']),
  ...m.modifiers.current.map((w): [string, Modifier] => [normalize(w), 'current']),
]);
export const RELATIVE_DAYS = wordMap(m.relativeDays);
export const RELATIVE_DAYS_AFTER_PART = wordMap(m.relativeDaysAfterPart);
export const RELATIVE_DAY_PHRASES: PhraseTable<number> = phraseTable(Object.entries(m.relativeDayPhrases));
export const TODAY_STOP = wordSet(m.todayStop);
export const TODAY_STOP_BEFORE = wordSet(m.todayStopBefore);
/** After اليوم من, these make اليوم a day of a period (اليوم من عام، اليوم من كل شهر), not today. */
export const TODAY_STOP_AFTER_MIN = wordSet(m.todayStopAfterMin);
export const WEEKDAY_STOP_BEFORE = wordSet(m.weekdayStopBefore);
/** Before الاثنين these make it "the two", not Monday. */
export const TWO_STOP_BEFORE = wordSet(m.twoStopBefore);
export const VAGUE_SINCE = wordSet(m.vagueSince);
/** Vague counts that take a definite plural unit (عشرات السنين، بعض الأسابيع; not عدد الأيام, the number of days). */
export const VAGUE_CONSTRUCT_COUNTS = wordSet(m.vagueConstructCounts);
export const APPROX = wordSet(m.approx);
export const LAW_CITATION = wordSet(m.lawCitation);
/** Nouns an ordinal can count (الأسبوع الأول), so the ordinal is no day of the month. */
export const ORDINAL_HEADS = wordSet(m.ordinalHeads);
/** Nouns a yearless date names (ثورة 14 جانفي، هجمات 11 سبتمبر، شارع 9 أفريل): a name, not a date of the story. */
export const NAMED_DATE_HEADS = wordSet(m.namedDateHeads);
export const DAY_WORDS = wordSet(m.dayWord);
export const MONTH_WORDS = wordSet(m.monthWord);
export const YEAR_WORDS = wordSet(m.yearWord);
export const MONTH_SELF = wordSet(m.monthSelf);
export const YEAR_SELF = wordSet(m.yearSelf);
export const WEEK_SELF = wordSet(m.weekSelf);
export const THIS = wordSet(m.this);
export const PERIOD_PARTS = wordSet(m.periodParts);
export const HALVES = wordSet(m.halves);
export const QUARTERS = wordSet(m.quarters);
export const AGO_WORDS = wordSet(m.agoWords);
export const AFTER_WORDS = wordSet(m.afterWords);
export const VAGUE_COUNTS = wordSet(m.vagueCounts);
export const YEAR_TRIGGERS = wordSet(m.yearTriggers);
export const CLOCK_WORDS = wordSet(m.clockWords);
export const CLOCK_LEAD = wordSet(m.clockLead);
export const LOCAL_TIME: PhraseTable<true> = phraseSet(m.localTime);
export const HIJRI_SUFFIX = wordSet(m.hijriSuffix);
export const GREGORIAN_SUFFIX = wordSet(m.gregorianSuffix);
export const RANGE_JOIN = wordSet(m.rangeJoin);
export const FUTURE_WORDS = wordSet(m.futureWords);
export const FUTURE_NOUN_STOPLIST = wordSet(m.futureNounStoplist);
export const PRESENT_LEAD_PARTICLES = wordSet(m.presentLeadParticles);
export const PRESENT_NOUN_STOPLIST = wordSet(m.presentNounStoplist);

/** A fixed expression of timex.json's phrases: its kind and its TIMEX3 value (or how to work it out). */
export interface PhraseTimex {
  type: TimexType;
  spec: string;
}
const TYPES = new Set<string>(['DATE', 'TIME', 'DURATION', 'SET']);
/** Fixed expressions (حتى الآن، مؤخرا، الأسبوع الماضي، حاليا …): none of them is a point of the timeline but حاليا. */
export const TIMEX_PHRASES: PhraseTable<PhraseTimex> = phraseTable(
  Object.entries(timexData.phrases).map(([phrase, v]): [string, PhraseTimex] => {
    const [type = '', spec = ''] = v.split(' ');
    if (!TYPES.has(type) || spec === '') throw new Error(`timex.json: bad phrase entry ${phrase}: ${v}`);
    return [phrase, { type: type as TimexType, spec }];
  }),
);
/** Adverbs of recurrence (سنويا) and their period. */
export const SET_ADVERBS = wordMap(timexData.sets);
export const EVERY = wordSet(timexData.everyWord);
/** Decade words (الستينيات → 6). */
export const DECADES = wordMap(timexData.decades);
export const CENTURY_WORDS = wordSet(timexData.centuryWords);
/** Words before a count that make it a length of time (لمدة، طيلة، خلال، على مدى). */
export const DURATION_LEADS: PhraseTable<true> = phraseSet(timexData.durationLeads);
export const DURATION_TAILS = wordSet(timexData.durationTails);
/** Parts of the day said alone (وصل مساء) and their TIMEX3 suffix. */
export const DAYPARTS_ALONE: PhraseTable<string> = phraseTable(Object.entries(timexData.dayparts));
export const PERIOD_PART_MODS = wordMap(timexData.periodPartMods as Record<string, TimexMod>);
/** Seasons (الصيف → SU), the word فصل before them, and words after which a season name is something else (الربيع العربي). */
export const SEASONS = wordMap(timexData.seasons);
export const SEASON_WORDS = wordSet(timexData.seasonWord);
export const SEASON_STOP_AFTER = wordSet(timexData.seasonStopAfter);
/** Superlatives and record words that make a منذ time the start of a comparison window. */
export const COMPARISON_WORDS = wordSet(timexData.comparisonWords);
/** Negations that make a منذ time in their clause the start of a negated window, and the words after one that tell a state going on instead. */
export const WINDOW_NEGATIONS = wordSet(timexData.windowNegations);
export const WINDOW_NEGATIONS_NOT = wordSet(timexData.windowNegationsNot);
/** Singular units in the accusative: they follow a number (15 يوما), never a lead alone. */
export const ACCUSATIVE_UNITS = wordSet(timexData.accusativeUnits);
/** Words before a season name that make it the season (في الربيع), not a name. */
export const SEASON_PREPOSITIONS = wordSet(timexData.seasonPrepositions);
/** الأخيرة/الأولى after a counted stretch (الأشهر الستة الأخيرة). */
export const LAST_WORDS = wordSet(timexData.lastWords);
/** After a plural unit, a vague length (أيام قليلة، سنوات طويلة). */
export const VAGUE_AFTER = wordSet(timexData.vagueAfter);
/** القليلة between a definite plural unit and its modifier (الساعات القليلة القادمة). */
export const FEW_WORDS = wordSet(timexData.fewWords);
/** The start or end of a day before من and the day (الساعات الأولى من صباح اليوم، ساعة متأخرة من ليلة أمس). */
export const DAY_EDGES: PhraseTable<TimexMod> = phraseTable(Object.entries(timexData.dayEdges) as [string, TimexMod][]);
/** العقد before an ordinal (العقد الثالث من القرن الماضي), and what makes it an age (من العمر). */
export const DECADE_WORDS = wordSet(timexData.decadeWords);
export const LIFE_WORDS = wordSet(timexData.lifeWords);
/** A decade with a possessive before an ordinal: an age (في عقده الثالث). */
export const OWN_DECADE_WORDS = wordSet(timexData.ownDecadeWords);
/** What joins the two years of a range (2011 و2014، 1954-1989). */
export const YEAR_JOIN = wordSet(timexData.yearJoin);
/** Plural year words before a range of years (بين أعوام 1969 و1976). */
export const YEARS_PLURAL = wordSet(timexData.yearsPlural);
/** Words before a number that make it a count or a measure, not a year. */
export const NOT_BEFORE_NAMING_YEAR = wordSet(timexData.notBeforeNamingYear);
/** أكثر/أقل before من: "منذ أكثر من 20 عاما". */
export const MORE_LESS = wordSet(timexData.moreLess);

/** A period told from another one: ذلك/تلك/نفس/ذات before its noun, نفسه/ذاته after it (ذات الفترة، الشهر ذاته). */
export const ANAPHORA_BEFORE = wordSet(timexData.anaphora.before);
export const ANAPHORA_AFTER = wordSet(timexData.anaphora.after);
export const ANAPHORA_NOUNS = wordSet(timexData.anaphora.nouns);
/** The night between two days (الليلة الفاصلة بين …), and units that with an ordinal name a day of an event (اليوم الثاني من الانتخابات). */
export const NIGHT_BETWEEN: PhraseTable<true> = phraseSet(timexData.nightBetween);
export const EVENT_DAY_UNITS = wordSet(timexData.eventDayUnits);
/** Prepositions opening a fixed phrase (في الوقت الحالي، حتى الآن): signals, outside the span. */
export const PHRASE_SIGNALS: PhraseTable<true> = phraseSet(timexData.phraseSignals);
/** Adjectives of recurrence after a noun (التقرير السنوي) and their period. */
export const SET_ADJECTIVES = wordMap(timexData.setAdjectives);
/** Prepositions before which such an adjective is a noun (مع أسبوعية "جون افريك"). */
export const SET_ADJECTIVE_NOT_AFTER = wordSet(timexData.setAdjectiveNotAfter);
/** An ordinal stretch counted so far (لليوم الرابع على التوالي): its units, the words after the ordinal, the ordinals. */
export const RUNNING_UNITS = wordMap(timexData.running.units as Record<string, Unit>);
export const RUNNING_TAILS: PhraseTable<true> = phraseSet(timexData.running.tails);
export const RUNNING_ORDINALS = wordMap(timexData.running.ordinals);
/** Words before من that make a bare year after it a period's year (الأشهر العشرة الأولى من 2015، بدءا من 2017). */
export const YEAR_AFTER_FROM = wordSet(timexData.yearAfterFrom);

/** Unit and count of a unit word: يومين → day × 2, أيام → day × many (0), أسبوع → week × 1. */
export const UNITS = new Map<string, { unit: Unit; count: number }>();
for (const [unit, forms] of Object.entries(m.units)) {
  for (const w of forms.one) UNITS.set(normalize(w), { unit: unit as Unit, count: 1 });
  for (const w of forms.two) UNITS.set(normalize(w), { unit: unit as Unit, count: 2 });
  for (const w of forms.many) UNITS.set(normalize(w), { unit: unit as Unit, count: 0 });
}
// Accusative singulars after numbers 11–99 (15 يومًا) read as a single unit with the count before.
for (const [w, unit] of [
  ['يوما', 'day'],
  ['اسبوعا', 'week'],
  ['شهرا', 'month'],
  ['عاما', 'year'],
  ['ساعة', 'hour'],
  ['دقيقة', 'minute'],
  ['عقدا', 'decade'],
  ['قرنا', 'century'],
] as const) {
  if (!UNITS.has(w)) UNITS.set(w, { unit, count: 1 });
}

/**
 * Starters that open an expression only before a stronger word (في، من، منذ، قبل، هذا …): "في 13
 * نوفمبر", "منذ بداية السنة", "قبل نحو 15 عاما", "في وقت سابق". They are the commonest words of a
 * text, so the parser tries them only when a word of the lexicon (other than these) or a number
 * follows within STRONG_WITHIN tokens.
 */
export const WEAK_STARTERS = new Set<string>(
  ['في', 'من', 'على', 'الى', 'مع', 'خلال', '(', 'بين', 'نحو', 'بعد', 'قبل', 'هذه', 'هذا', 'منذ', 'حتى', 'حوالي', 'حوالى', 'طيلة', 'طوال', 'عند'].map((w) => normalize(w)),
);
export const STRONG_WITHIN = 3;

/** Every word of every table above (phrases word by word), weak starters excepted (the parsers' trigger words are added by parse.ts). */
export const LEXICON_WORDS = new Set<string>();
for (const table of [
  MONTHS, WEEKDAYS, DAY_ORDINALS, DAY_TENS, TEEN, CLOCK_HOURS, CLOCK_TEEN, CLOCK_FRACTIONS, COUNTS, COUNT_TEEN, TEEN_HEADS, LENGTH_FRACTIONS, QUARTER_ORDINALS, DAYPARTS,
  DAYPART_ADVERBS, MODIFIERS, RELATIVE_DAYS, RELATIVE_DAYS_AFTER_PART, RELATIVE_DAY_PHRASES, TODAY_STOP, TODAY_STOP_BEFORE, TODAY_STOP_AFTER_MIN,
  WEEKDAY_STOP_BEFORE, TWO_STOP_BEFORE, VAGUE_SINCE, APPROX, LAW_CITATION, ORDINAL_HEADS, NAMED_DATE_HEADS, DAY_WORDS,
  MONTH_WORDS, YEAR_WORDS, MONTH_SELF, YEAR_SELF, WEEK_SELF, THIS, PERIOD_PARTS, HALVES, QUARTERS, AGO_WORDS, AFTER_WORDS,
  VAGUE_COUNTS, YEAR_TRIGGERS, CLOCK_WORDS, CLOCK_LEAD, LOCAL_TIME, HIJRI_SUFFIX, GREGORIAN_SUFFIX, RANGE_JOIN, FUTURE_WORDS,
  TIMEX_PHRASES, UNITS, SET_ADVERBS, EVERY, DECADES, CENTURY_WORDS, DURATION_LEADS, DURATION_TAILS, DAYPARTS_ALONE, PERIOD_PART_MODS, SEASONS, SEASON_WORDS, COMPARISON_WORDS,
  DECADE_WORDS, OWN_DECADE_WORDS, DAY_EDGES, ANAPHORA_NOUNS, SET_ADJECTIVES, NIGHT_BETWEEN, EVENT_DAY_UNITS, RUNNING_UNITS, RUNNING_TAILS, RUNNING_ORDINALS,
] as (Map<string, unknown> | Set<string>)[]) {
  for (const key of table.keys()) LEXICON_WORDS.add(key);
  if (table instanceof Map) {
    for (const value of table.values()) {
      if (!Array.isArray(value)) continue;
      for (const entry of value as { words?: unknown }[]) if (Array.isArray(entry.words)) for (const w of entry.words) LEXICON_WORDS.add(String(w));
    }
  }
}
for (const w of WEAK_STARTERS) LEXICON_WORDS.delete(w);
