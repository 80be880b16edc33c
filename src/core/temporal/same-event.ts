/**
 * Same-event merging for the timeline: entries of one date (a clock time counts as its day) that
 * tell one event — the news told again by another source, or in other words — become one entry.
 *
 * Two tellings are one event when they share most of their content words (near repetition), or
 * when they are of one kind of event (an attack, casualties, a call, a meeting …; see
 * lexicon/temporal/event-classes.json) and share enough of the rest ("وقع هجوم على السفارة" and
 * "استهدفت صواريخ السفارة"). Two kinds and nothing more in common, or counts that disagree ("3
 * قتلى" / "12 قتيلا"), keep two entries: a shared date alone never merges.
 *
 * The thresholds were read off the 1,394 pairs of same-date tellings in the ANT articles: pairs of
 * one kind sharing a third of their words were one event (the train derailment told by the police,
 * the Grenfell fire and its toll, two accounts of one court ruling) far more often than not (two
 * meetings of one speaker on one day was the exception met); without a kind, half the words and five
 * of them were needed before pairs stopped being two figures of one report (oil prices, inflation
 * by sector). Months and years hold many events of one kind, so they merge only on near repetition.
 * A year or a month that tells the event of a day inside it ("أفريل 2015" / "25 أبريل 2015" of one
 * earthquake) goes, the day kept (foldCoarse).
 */
import type { TimelineEntry } from '../types.ts';
import { normalize } from '../text/normalize.ts';
import { isArabicLetter as isLetter, lightStem } from '../text/tokens.ts';
import { isStopword } from '../text/stopwords.ts';
import { isReporting, kindsOf } from './kinds.ts';

/** Share of the smaller telling's words found in the other above which two tellings are one, whatever their kind. */
export const REPEAT_OVERLAP = 0.7;
/** Share, and count, of shared words enough for two tellings of one day and one kind of event. */
export const KIND_OVERLAP = 1 / 3;
export const KIND_SHARED = 2;
/** Share, and count, of shared words enough for two tellings of one day whatever their kind (a long fact told twice). */
export const WORDS_OVERLAP = 0.5;
export const WORDS_SHARED = 5;

const PROCLITIC = /^[بلكف]/;
const SHORT = 2;

/** What the merger knows of one telling: its content stems, its kinds (bits), its numbers and whether it is dated to a day. */
export interface Telling {
  words: string[];
  kinds: number;
  numbers: string[];
  day: boolean;
  /** Stems that end a word on ت ("اندلعت", not "كنيستين"): a past verb's feminine ending may come off them. */
  finalT?: string[];
}

/**
 * Content stems of an event description: normalized, light-stemmed, without stop words, reporting
 * words (قال، أفادت، وكالة) and words of one or two letters.
 */
export function tellingOf(event: string, date = ''): Telling {
  const words = new Set<string>();
  const numbers: string[] = [];
  const finalT: string[] = [];
  const norm = normalize(event);
  let kinds = 0;
  // One pass over runs of Arabic letters and of digits; "3,5", "3،2", "9ر3" (Tunisian decimals) are one number each.
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const c = norm.charCodeAt(i);
    if (isDigit(c)) {
      const from = i;
      i++;
      for (;;) {
        while (i < n && isDigit(norm.charCodeAt(i))) i++;
        if (i + 1 < n && DECIMAL_MARKS.has(norm.charCodeAt(i)) && isDigit(norm.charCodeAt(i + 1))) i++;
        else break;
      }
      numbers.push(norm.slice(from, i));
    } else if (isLetter(c)) {
      const from = i;
      while (i < n && isLetter(norm.charCodeAt(i))) i++;
      if (i - from <= SHORT) continue;
      const stem = contentStem(norm.slice(from, i));
      if (stem === '') continue;
      words.add(stem);
      kinds |= kindsOf(stem);
      if (stem.endsWith('ت') && norm.endsWith(stem, i)) finalT.push(stem);
    } else i++;
  }
  return { words: [...words], kinds, numbers, day: date.length >= 10, finalT };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const DECIMAL_MARKS = new Set([46, 44, 0x060c, 0x0631]); // . , ، ر

/** Stems of words seen before ('' for a word that carries no content); emptied when full. */
const STEMS = new Map<string, string>();
const STEMS_LIMIT = 60_000; // above a year of news's word types (ANT: 44.5k), so a long run does not refill it

/** The content stem of a normalized word, or '' for a stop word, a reporting word or a short stem. */
function contentStem(raw: string): string {
  let stem = STEMS.get(raw);
  if (stem !== undefined) return stem;
  stem = isStopword(raw) || isStopword(raw.replace(/^و/, '')) ? '' : lightStem(raw);
  if (stem.length <= SHORT || isReporting(stem)) stem = '';
  if (STEMS.size >= STEMS_LIMIT) STEMS.clear();
  STEMS.set(raw, stem);
  return stem;
}

/**
 * Takes a one-letter preposition off a stem when the bare stem is a word of the same date
 * ("ببغداد" beside "بغداد", "لهجوم" beside "هجوم"), a tanween alef ("إضرابا" beside "إضراب") and a
 * past verb's feminine ت ("اندلعت النيران" beside "اندلع حريق"): the light stemmer leaves them all,
 * as "بغداد" itself starts with one, "سوريا" ends with one and "بيروت" with a ت.
 */
function unglue(tellings: Telling[]): void {
  const vocabulary = new Set<string>();
  for (const t of tellings) for (const w of t.words) vocabulary.add(w);
  for (const t of tellings) {
    let changed = false;
    const words = t.words.map((w) => {
      const bare = withoutFeminineT(w, t, vocabulary) ?? unglued(w, vocabulary);
      if (bare === w) return w;
      changed = true;
      t.kinds |= kindsOf(bare);
      return bare;
    });
    if (changed) t.words = [...new Set(words)];
  }
}

/** A stem that ended its word on ت, without it, when that form is in the vocabulary; undefined otherwise. */
function withoutFeminineT(w: string, t: Telling, vocabulary: Set<string>): string | undefined {
  if (w.length < 4 || t.finalT?.includes(w) !== true || !vocabulary.has(w.slice(0, -1))) return undefined;
  return w.slice(0, -1);
}

/** A stem without a glued preposition or a tanween alef ("هجوما") when that form is in the vocabulary. */
function unglued(w: string, vocabulary: Set<string>): string {
  if (w.length < 4) return w;
  if (PROCLITIC.test(w) && vocabulary.has(w.slice(1))) return w.slice(1);
  if (w.endsWith('ا') && (vocabulary.has(w.slice(0, -1)) || kindsOf(w.slice(0, -1)) !== 0)) return w.slice(0, -1);
  return w;
}

/** Whether two tellings of one date are one event, given how many content words they share. */
export function sameEvent(a: Telling, b: Telling, shared: number): boolean {
  const small = Math.min(a.words.length, b.words.length);
  if (small === 0) return a.words.length === b.words.length && sameNumbers(a, b, true);
  // "سجلت 100 إصابة" and "سجلت 120 إصابة": other counts, another fact, however alike the words.
  if (!sameNumbers(a, b, false)) return false;
  const share = shared / small;
  if (share >= REPEAT_OVERLAP) return true;
  // A month or a year holds many events of one kind (two strikes, two candidacies, a list of
  // figures): only a day is narrow enough to read a looser overlap as one event.
  if (!a.day || !b.day) return false;
  if (shared >= WORDS_SHARED && share >= WORDS_OVERLAP) return true;
  return (a.kinds & b.kinds) !== 0 && shared >= KIND_SHARED && share >= KIND_OVERLAP - 1e-9;
}

/** Whether the counts agree: both without numbers, or one number in common (`strict`: the same numbers). */
function sameNumbers(a: Telling, b: Telling, strict: boolean): boolean {
  if (a.numbers.length === 0 || b.numbers.length === 0) return !strict || a.numbers.length === b.numbers.length;
  if (strict) return a.numbers.join(' ') === b.numbers.join(' ');
  return a.numbers.some((n) => b.numbers.includes(n));
}

/** The day of a date for merging: a clock time belongs to its day; coarser dates stand for themselves. */
export function dayOf(date: string): string {
  return date.length === 16 ? date.slice(0, 10) : date;
}

/**
 * Most tellings a word's posting list holds. Past it (a text that repeats one word on one date
 * hundreds of times) the word stops finding candidates, so merging stays linear in the text; an
 * article never gets near it.
 */
const POSTING_CAP = 48;

/**
 * Groups the entries (in text order) into events: each group lists indices into `entries`, first
 * telling first. A telling joins the first group holding a telling of the same event. Returns the
 * tellings too (undefined for an entry alone on its date, which needs none).
 */
export function groupSameEvents(entries: readonly TimelineEntry[]): { groups: number[][]; tellings: (Telling | undefined)[] } {
  const byDay = new Map<string, number[]>();
  for (let i = 0; i < entries.length; i++) {
    const day = dayOf(entries[i]!.date);
    const list = byDay.get(day);
    if (list) list.push(i);
    else byDay.set(day, [i]);
  }
  const tellings: (Telling | undefined)[] = new Array<Telling | undefined>(entries.length);
  const groupOf = new Int32Array(entries.length).fill(-1);
  const groups: number[][] = [];
  for (const ids of byDay.values()) {
    if (ids.length === 1) {
      groupOf[ids[0]!] = groups.length;
      groups.push([ids[0]!]);
      continue;
    }
    for (const i of ids) tellings[i] = tellingOf(entries[i]!.event, entries[i]!.date);
    unglue(ids.map((i) => tellings[i]!));
    const postings = new Map<string, number[]>();
    const empty: number[] = []; // tellings with no content word, compared with each other only
    for (const i of ids) {
      const t = tellings[i]!;
      const shared = new Map<number, number>();
      for (const w of t.words) for (const j of postings.get(w) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1);
      let match = -1;
      const candidates = t.words.length === 0 ? empty.map((j) => [j, 0] as const) : [...shared].sort((x, y) => x[0] - y[0]);
      for (const [j, n] of candidates) {
        if (sameEvent(tellings[j]!, t, n)) {
          match = groupOf[j]!;
          break;
        }
      }
      if (match < 0) {
        match = groups.length;
        groups.push([]);
      }
      groups[match]!.push(i);
      groupOf[i] = match;
      if (t.words.length === 0) empty.push(i);
      for (const w of t.words) {
        const list = postings.get(w);
        if (!list) postings.set(w, [i]);
        else if (list.length < POSTING_CAP) list.push(i);
      }
    }
  }
  return { groups: groups.sort((a, b) => a[0]! - b[0]!), tellings };
}

/**
 * The entry that stands for a group. Its date: the day when any telling is dated by the day, as an
 * editor's timeline lists an event once under its day and the hour is a detail of one telling; a
 * clock time stays only when every telling gives it. Its description: among tellings of that date,
 * the one sharing the most words with the other tellings (the core of what they all say), then
 * the one with more content, then the first.
 */
export function representative(entries: readonly TimelineEntry[], group: readonly number[], tellings: readonly (Telling | undefined)[] = []): TimelineEntry {
  if (group.length === 1) return entries[group[0]!]!;
  // The first tellings say what an event is; past them (a text repeating one story) scoring would grow with the square.
  if (group.length > REPRESENTATIVE_POOL) group = group.slice(0, REPRESENTATIVE_POOL);
  const dayDated = group.filter((i) => entries[i]!.date.length !== 16);
  const pool = dayDated.length > 0 ? dayDated : group;
  const sets = group.map((i) => new Set((tellings[i] ?? tellingOf(entries[i]!.event)).words));
  let best = pool[0]!;
  let bestScore = -1;
  let bestSize = -1;
  for (const i of pool) {
    const mine = sets[group.indexOf(i)]!;
    let score = 0;
    for (const other of sets) if (other !== mine) for (const w of mine) if (other.has(w)) score++;
    if (score > bestScore || (score === bestScore && mine.size > bestSize)) {
      best = i;
      bestScore = score;
      bestSize = mine.size;
    }
  }
  return entries[best]!;
}

/** Most tellings of one event weighed for its description. */
const REPRESENTATIVE_POOL = 32;

/** One entry per distinct (date, event), in the entries' order of first telling. */
export function mergeSameEvents(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const { groups, tellings } = groupSameEvents(entries);
  return foldCoarse(groups.map((g) => representative(entries, g, tellings)));
}

/** Whether a coarse telling (a year, a month) is the same event as a finer one inside its period. */
function sameAsFiner(coarse: Telling, fine: Telling, monthToDay: boolean): boolean {
  // "بالزلزال" beside "لزلزال": both without the glued preposition, as same-day tellings are.
  const vocabulary = new Set([...coarse.words, ...fine.words]);
  const other = new Set(fine.words.map((w) => unglued(w, vocabulary)));
  let shared = 0;
  let kindShared = false;
  for (const w of new Set(coarse.words.map((x) => unglued(x, vocabulary)))) {
    if (!other.has(w)) continue;
    shared++;
    if (kindsOf(w) !== 0) kindShared = true;
  }
  const small = Math.min(coarse.words.length, fine.words.length);
  if (small === 0) return false;
  const share = shared / small;
  if (share >= REPEAT_OVERLAP && sameNumbers(coarse, fine, false)) return true;
  if (shared >= WORDS_SHARED && share >= WORDS_OVERLAP) return true;
  // "الزلزال الذي ضرب المنطقة في أفريل 2015" and "زلزال مدمر … في 25 أبريل 2015": a month holds
  // one earthquake, one meeting of a council, and the day tells when in it (the kind and one more
  // word shared: two attacks on two places in one month stay two).
  return monthToDay && kindShared && shared >= KIND_SHARED;
}

/**
 * Drops a year or month entry that tells the same event as an entry dated inside its period
 * ("في أفريل 2015" and "في 25 أبريل 2015" of one earthquake, "شهر مارس المقبل" and "20 مارس" of one
 * meeting): an editor lists the event once, at its most precise date. Each period looks at no more
 * than POSTING_CAP finer entries, so the pass stays linear.
 */
export function foldCoarse(entries: TimelineEntry[]): TimelineEntry[] {
  const finer = new Map<string, number[]>(); // a year or a month → the entries dated inside it, more precisely
  entries.forEach((e, i) => {
    const d = dayOf(e.date);
    for (const period of d.length === 10 ? [d.slice(0, 4), d.slice(0, 7)] : d.length === 7 ? [d.slice(0, 4)] : []) {
      const list = finer.get(period);
      if (!list) finer.set(period, [i]);
      else if (list.length < POSTING_CAP) list.push(i);
    }
  });
  if (finer.size === 0) return entries;
  const tellings = new Map<number, Telling>();
  const telling = (i: number): Telling => {
    let t = tellings.get(i);
    if (!t) tellings.set(i, (t = tellingOf(entries[i]!.event, entries[i]!.date)));
    return t;
  };
  return entries.filter((e, i) => {
    const inside = finer.get(e.date);
    if (!inside) return true;
    return !inside.some((j) => sameAsFiner(telling(i), telling(j), e.date.length === 7 && dayOf(entries[j]!.date).length === 10));
  });
}
