/**
 * The terms an article is compared by: light-stemmed normalized words of its title (counted twice)
 * and lead, minus Arabic stopwords (stopwords-iso, MIT, 480 words), plus the entities and dates its
 * analysis found. Stories are about who, where and when, so those weigh most.
 */
import { createRequire } from 'node:module';
import type { AnalysisOutline } from '../store/stored-analysis.ts';
import { normalize } from '../core/text/normalize.ts';
import { lightStem, wordsOf } from '../core/text/tokens.ts';
import { broadcastsOf } from './broadcast.ts';
import { happeningDays, type HappeningDays } from './happening.ts';
import { headlinePlaces, localTowns, placesOf, type Setting } from './places.ts';
import units from '../core/lexicon/stories/units.json' with { type: 'json' };
import events from '../core/lexicon/stories/events.json' with { type: 'json' };

const require = createRequire(import.meta.url);
const STOPWORDS: ReadonlySet<string> = new Set(
  ((require('stopwords-iso/stopwords-iso.json') as { ar: string[] }).ar).map((w) => normalize(w)),
);

/** Extra reporting verbs and fillers of news prose that stopwords-iso lacks: they say nothing about the event. */
const NEWS_FILLERS: ReadonlySet<string> = new Set(
  ['قال', 'قالت', 'اضاف', 'اضافت', 'اكد', 'اكدت', 'اعلن', 'اعلنت', 'وفق', 'وفقا', 'حسب', 'خلال', 'يوم', 'اليوم', 'امس', 'الى', 'على', 'الذي', 'التي', 'الذين', 'مصدر', 'مصادر', 'بحسب', 'ذلك', 'وذلك', 'كما', 'ايضا', 'حيث', 'عدد', 'بين', 'بعد', 'قبل', 'منذ', 'الجمعة', 'السبت', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس'].map(
    (w) => normalize(w),
  ),
);

/** Spellings outlets vary for one word (normalized form → the one kept): الأمريكية / الأميركية. */
const VARIANTS: readonly [RegExp, string][] = [
  [/امريك/, 'اميرك'],
];

/** One spelling for words outlets write two ways. */
function unvary(w: string): string {
  for (const [re, to] of VARIANTS) w = w.replace(re, to);
  return w;
}

/** Prefix of an entity term (a who-list name of the analysis). */
export const ENTITY = 'e:';

/** Prefix of a date term (a timeline date of the analysis). */
export const DATE = 'd:';

/** Words of the text that count: the title and this many words of the body (the lead carries the event). */
const LEAD_WORDS = 120;

/** Whether a normalized word says something about the event (not a stopword, not too short). */
export function isContentWord(w: string): boolean {
  if (STOPWORDS.has(w) || NEWS_FILLERS.has(w)) return false;
  if (/^\d+$/.test(w)) return w.length >= 2;
  return w.length >= 3;
}

/** Adds `weight` to a term's count. */
function bump(terms: Map<string, number>, term: string, weight: number): void {
  terms.set(term, (terms.get(term) ?? 0) + weight);
}

/** Normalized words of the lead: the first LEAD_WORDS words of the text. */
function leadWords(text: string): string[] {
  // ~12 characters a word: this slice leaves room for LEAD_WORDS without tokenizing a long article.
  return wordsOf(text.length > LEAD_WORDS * 14 ? text.slice(0, LEAD_WORDS * 14) : text).slice(0, LEAD_WORDS);
}

/** The article's weighted terms (term → raw count; callers weight them by rarity). */
export function termsOf(title: string, text: string, analysis?: AnalysisOutline): Map<string, number> {
  return termsFromWords(wordsOf(title), leadWords(text), analysis);
}

function termsFromWords(titleWords: string[], body: string[], analysis?: AnalysisOutline): Map<string, number> {
  const terms = new Map<string, number>();
  for (const w of titleWords) if (isContentWord(w)) bump(terms, lightStem(unvary(w)), 2);
  for (let i = 0; i < body.length; i++) {
    const w = body[i]!;
    if (isContentWord(w)) bump(terms, lightStem(unvary(w)), 1);
  }
  if (analysis) {
    for (const e of analysis.who.slice(0, 8)) {
      if (e.type === 'SRC') continue;
      bump(terms, `${ENTITY}${normalize(e.name)}`, 2);
    }
    for (const t of analysis.timeline.slice(0, 6)) bump(terms, `${DATE}${t.date}`, 1);
  }
  return terms;
}

/** Everything the story index compares an article by. */
export interface ArticleFeatures extends Setting, HappeningDays {
  terms: Map<string, number>;
  /** The numbers of its title and lead (counts, ages, quantities, days), years left out. */
  numbers: ReadonlySet<string>;
  /** The numbers of its title and lead that count something seized or found ("30 كلغ", "300 صفيحة"). */
  quantities: ReadonlySet<string>;
  /** The people its analysis names (normalized full names of its who list's persons). */
  people: ReadonlySet<string>;
  /** The organizations its analysis names (normalized full names of its who list's organizations). */
  organizations: ReadonlySet<string>;
  /** The broadcasts its lead says its words were said on (broadcast.ts: 'ضيف برنامج "بوليتيكا"'), normalized. */
  broadcasts: ReadonlySet<string>;
  /** The nouns of happenings its title and lead name (events.json, light-stemmed): "مقتل", "استقالة", "زيارة". */
  events: ReadonlySet<string>;
  /** Those its title names. */
  titleEvents: ReadonlySet<string>;
}

/** The normalized names of the persons among the first entries of an analysis's who list. */
export function peopleOf(analysis?: AnalysisOutline, type: 'PER' | 'ORG' = 'PER'): Set<string> {
  return new Set((analysis?.who ?? []).slice(0, 8).filter((e) => e.type === type).map((e) => normalize(e.name)));
}

/** Units of seized or found things (units.json), normalized. */
const UNITS: ReadonlySet<string> = new Set(units.units.map((u) => wordsOf(u).join(' ')));

/** The numbers among normalized words that a unit of seized things follows ("38 كغ" → "38"; "300 صفيحة" → "300"). */
export function quantitiesOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    if (!UNITS.has(words[i + 1]!)) continue;
    for (const n of numbersOf([words[i]!])) out.add(n);
  }
  return out;
}

/** Nouns of happenings (events.json), light-stemmed. */
const EVENT_NOUNS: ReadonlySet<string> = new Set(events.events.map((w) => lightStem(w)));

/** The nouns of happenings among normalized words, light-stemmed ("والاستقالة" → "استقال"). */
export function eventsOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const s = lightStem(w);
    if (EVENT_NOUNS.has(s)) out.add(s);
  }
  return out;
}

/** The numbers among normalized words, without leading zeros ("07" → "7"), years (1900–2099) left out. */
export function numbersOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    if (!/^\d+(?:[.,٫]\d+)?$/.test(w) || /^(?:19|20)\d\d$/.test(w)) continue;
    out.add(w.replace(/^0+(?=\d)/, '').replace(/[,٫]/, '.'));
  }
  return out;
}

/** The article's terms, places, numbers and normalized lead. */
export function featuresOf(title: string, text: string, analysis?: AnalysisOutline): ArticleFeatures {
  const titleWords = wordsOf(title);
  const body = leadWords(text);
  const places = placesOf(title, analysis, [...titleWords, ...body]);
  return {
    terms: termsFromWords(titleWords, body, analysis),
    places,
    towns: localTowns(places),
    headline: headlinePlaces(places, ` ${titleWords.join(' ')} `),
    numbers: numbersOf([...titleWords, ...body]),
    quantities: quantitiesOf([...titleWords, ...body]),
    people: peopleOf(analysis),
    organizations: peopleOf(analysis, 'ORG'),
    events: eventsOf([...titleWords, ...body]),
    titleEvents: eventsOf(titleWords),
    broadcasts: broadcastsOf(text.slice(0, LEAD_WORDS * 14)),
    ...happeningDays(analysis),
    lead: ` ${titleWords.join(' ')} ${body.join(' ')} `,
  };
}
