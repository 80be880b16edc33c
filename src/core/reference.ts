/**
 * The reference day relative expressions ("أمس", "الثلاثاء الماضي") count from — the one place that
 * turns a publication value into it:
 * - a publication date or date-time counts as written, in its own offset: "2017-01-21T23:43:00+01:00"
 *   and "Sat, 21 Jan 2017 23:43:00 +0100" are both 21 January at 23:43 (the article's own day is what
 *   "اليوم" means, whatever the server's zone);
 * - any other date the JavaScript Date reads counts in the given time zone;
 * - without one, today in that zone, marked `referenceIsToday` so the analysis can look for the
 *   article's own date in its text (referenceInText) and the answer can say what the dates count from.
 * Pure: "now" is passed in.
 */
import type { TemporalExpression, Sentence } from './types.ts';
import { normalize } from './text/normalize.ts';
import modifiers from './lexicon/temporal/modifiers.json' with { type: 'json' };
import { WEEKDAYS } from './temporal/lexicon.ts';

/** Thrown for a publication date or reference that is not a real calendar date. */
export class InvalidDateError extends Error {
  override name = 'InvalidDateError';
  constructor(readonly value: string) {
    super(`invalid date: ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`);
  }
}

/** The reference a publication value gives: its own calendar day as written, and its clock time if any. */
export interface Reference {
  reference: string;
  referenceTime?: string;
  /** Set when no publication date was given and the reference is the day the analysis ran. */
  referenceIsToday?: true;
}

const PUBLISHED = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\s*$/;
/** RFC 822 / 2822 as RSS writes it: "Sat, 21 Jan 2017 23:43:00 +0100" (the zone is not needed: the day counts as written). */
const RFC822 = /^\s*(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(?:[+-]\d{4}|[A-Z]{1,4}))?\s*$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Days in a month of the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The reference of a date and optional clock time as written; throws InvalidDateError when it is no real day or time. */
function written(value: string, year: number, month: number, day: number, hh?: string, mm?: string, ss?: string): Reference {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) throw new InvalidDateError(value);
  const reference = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (hh === undefined || mm === undefined) return { reference };
  if (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 59)) throw new InvalidDateError(value);
  return { reference, referenceTime: `${pad(Number(hh))}:${mm}` };
}

/**
 * Turns a published value ("2023-12-08", "2017-01-21T23:43:00+01:00", "Sat, 21 Jan 2017 23:43:00
 * +0100") into the reference day as written (not shifted to UTC) and its HH:MM. Throws
 * InvalidDateError for anything else.
 */
export function parsePublished(value: string): Reference {
  const iso = PUBLISHED.exec(value);
  if (iso) {
    const [, y, mo, d, hh, mm, ss] = iso;
    return written(value, Number(y), Number(mo), Number(d), hh, mm, ss);
  }
  const rfc = RFC822.exec(value);
  const month = rfc ? MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1 : 0;
  if (rfc && month > 0) return written(value, Number(rfc[3]), month, Number(rfc[1]), rfc[4], rfc[5], rfc[6]);
  throw new InvalidDateError(value);
}

/** One formatter per time zone, built once: an Intl.DateTimeFormat is slow to create, and this runs per command and per undated article. */
const dayTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Calendar day (YYYY-MM-DD) and clock time (HH:MM) of `date` in `timeZone`. */
export function dayAndTime(date: Date, timeZone: string): { day: string; time: string } {
  let format = dayTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dayTimeFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The reference for an article: its publication value as written (parsePublished); another date
 * the JavaScript Date reads, in `timeZone`; else `now`'s day in `timeZone`, marked referenceIsToday.
 */
export function referenceFor(published: string | undefined, now: Date, timeZone: string): Reference {
  if (published !== undefined && published.trim() !== '') {
    try {
      return parsePublished(published);
    } catch {
      const parsed = new Date(published);
      if (!Number.isNaN(parsed.getTime())) {
        const { day, time } = dayAndTime(parsed, timeZone);
        return { reference: day, referenceTime: time };
      }
    }
  }
  return { reference: dayAndTime(now, timeZone).day, referenceIsToday: true };
}

/** Sentences from the start in which a date is read as the article's dateline. */
const DATELINE_SENTENCES = 1;
/** Days from a deictic word's day to the article's: "أمس الجمعة 29 أفريل 2016" is told a day later. */
const DEICTIC_SHIFT = new Map(Object.entries(modifiers.articleDayShift).map(([w, shift]): [string, number] => [normalize(w), shift]));

/** What `table` gives the first word of `text` it knows (a leading و may go), or undefined. */
function firstKnown<V>(table: ReadonlyMap<string, V>, text: string): V | undefined {
  for (const w of normalize(text).split(/\s+/)) {
    const value = table.get(w) ?? table.get(w.replace(/^و/, ''));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The shift of the first deictic word of an expression, or undefined when it has none. */
function deicticShift(text: string): number | undefined {
  return firstKnown(DEICTIC_SHIFT, text);
}

/**
 * The article's own day told in its text, for an article without a publication date: a full date
 * with its year in the first sentence (a dateline: "الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015"),
 * or anywhere when it is said to be today or yesterday ("اليوم الثلاثاء 21 مارس 2017", "أمس
 * الجمعة 29 أفريل 2016" → the next day). null when the text tells none. `temporal` is read in text order.
 */
export function referenceInText(sentences: readonly Sentence[], temporal: readonly TemporalExpression[]): string | null {
  const datelineEnd = sentences[Math.min(sentences.length, DATELINE_SENTENCES) - 1]?.end ?? 0;
  for (const t of [...temporal].sort((a, b) => a.start - b.start)) {
    if (t.value === null || !/^\d{4}-\d{2}-\d{2}/.test(t.value) || !/[0-9\u0660-\u0669\u06F0-\u06F9]{4}/.test(t.text)) continue;
    const shift = deicticShift(t.text);
    if (shift === undefined && t.start >= datelineEnd) continue;
    const day = new Date(`${t.value.slice(0, 10)}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + (shift ?? 0));
    return day.toISOString().slice(0, 10);
  }
  return null;
}

/**
 * For an article with no date of its own anywhere (referenceInText gave null) that names its own
 * weekday ("دعا المتحدث اليوم الجمعة …", "أعلنت أمس الخميس …" → a Friday): the latest such day up
 * to `today`, so that "اليوم الجمعة" and "فجر الجمعة" are one day, not next Friday and last Friday.
 * null when no deictic word is paired with a weekday, or `today` is that day already.
 */
export function referenceFromWeekday(temporal: readonly TemporalExpression[], today: string): string | null {
  for (const t of [...temporal].sort((a, b) => a.start - b.start)) {
    if (/[0-9\u0660-\u0669\u06F0-\u06F9]/.test(t.text)) continue;
    const shift = deicticShift(t.text);
    const named = shift === undefined ? undefined : firstKnown(WEEKDAYS, t.text)?.day;
    if (shift === undefined || named === undefined) continue;
    const day = new Date(`${today}T00:00:00Z`);
    const own = (((named + shift) % 7) + 7) % 7;
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() - own + 7) % 7));
    const iso = day.toISOString().slice(0, 10);
    return iso === today ? null : iso;
  }
  return null;
}
