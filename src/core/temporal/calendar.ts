/**
 * Calendar arithmetic on plain UTC dates (no clock reads) and Hijri → Gregorian conversion with
 * the Umm al-Qura calendar through Intl, so no hand-made month-length table can drift.
 */

const DAY_MS = 86_400_000;

/** A calendar day as a count of days since 1970-01-01. */
export type DayNumber = number;

/** Day number of a Gregorian date (month 1–12); NaN when the date does not exist. */
export function dayNumber(y: number, m: number, d: number): DayNumber {
  if (m < 1 || m > 12 || d < 1 || d > 31) return Number.NaN;
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  // Date.UTC treats years 0–99 as 1900+; the check below also rejects 31 February and the like.
  if (check.getUTCDate() !== d || check.getUTCMonth() !== m - 1) return Number.NaN;
  return Math.round(ms / DAY_MS);
}

/** Gregorian year, month and day of a day number. */
export function ymd(day: DayNumber): { y: number; m: number; d: number } {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** Weekday of a day number as getUTCDay() counts it (0 Sunday … 6 Saturday). */
export function weekday(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** YYYY-MM-DD of a day number. */
export function formatDay(day: DayNumber): string {
  const { y, m, d } = ymd(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** YYYY-MM of a month index (y * 12 + m - 1). */
export function formatMonth(monthIndex: number): string {
  const y = Math.floor(monthIndex / 12);
  return `${pad(y, 4)}-${pad(monthIndex - y * 12 + 1)}`;
}

/** Parses YYYY-MM-DD (or the date part of an ISO date-time) into a day number; NaN when malformed. */
export function parseDay(iso: string): DayNumber {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return Number.NaN;
  return dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
}

// Created once: constructing an Intl formatter is far dearer than formatting with it.
const HIJRI = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** Umm al-Qura Hijri date of a day number. */
export function toHijri(day: DayNumber): { y: number; m: number; d: number } {
  // Formatting through Intl is slow and articles ask for a few reference days again and again.
  const known = toHijriCache.get(day);
  if (known) return { ...known };
  const found = formatHijri(day);
  if (toHijriCache.size >= HIJRI_CACHE_LIMIT) toHijriCache.clear();
  toHijriCache.set(day, found);
  return { ...found };
}

const toHijriCache = new Map<number, { y: number; m: number; d: number }>();
const HIJRI_CACHE_LIMIT = 10_000;

function formatHijri(day: DayNumber): { y: number; m: number; d: number } {
  let y = 0;
  let m = 0;
  let d = 0;
  for (const part of HIJRI.formatToParts(new Date(day * DAY_MS))) {
    if (part.type === 'year') y = Number.parseInt(part.value, 10);
    else if (part.type === 'month') m = Number(part.value);
    else if (part.type === 'day') d = Number(part.value);
  }
  return { y, m, d };
}

const hijriCache = new Map<number, DayNumber>();

/** Day number of a Umm al-Qura Hijri date; NaN when it does not exist (e.g. 30 of a 29-day month). */
export function fromHijri(y: number, m: number, d: number): DayNumber {
  if (m < 1 || m > 12 || d < 1 || d > 30) return Number.NaN;
  const key = (y * 13 + m) * 31 + d;
  const cached = hijriCache.get(key);
  if (cached !== undefined) return cached;
  // Mean-month estimate (1 Muharram 1 AH = day -492148), then walk to the exact day.
  let day = Math.round(-492148 + ((y - 1) * 12 + (m - 1)) * 29.530588853 + (d - 1));
  let result = Number.NaN;
  for (let step = 0; step < 8; step++) {
    const h = toHijri(day);
    const diff = ((y - h.y) * 12 + (m - h.m)) * 29.53 + (d - h.d);
    if (Math.abs(diff) < 0.5 && h.y === y && h.m === m && h.d === d) {
      result = day;
      break;
    }
    const move = Math.round(diff);
    if (move === 0) break; // the day does not exist in that month
    day += move;
  }
  hijriCache.set(key, result);
  return result;
}

/** The reference date, parsed once into what resolving needs: the day, its parts, weekday and Hijri year. */
export interface Reference {
  day: DayNumber;
  y: number;
  m: number;
  d: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** The Umm al-Qura year the day falls in. */
  hijriYear: number;
  /** YYYY-MM-DD. */
  iso: string;
}

/** Parses YYYY-MM-DD (or the date part of an ISO date-time) into a Reference; null when malformed. */
export function parseReference(iso: string): Reference | null {
  const day = parseDay(iso);
  if (Number.isNaN(day)) return null;
  const { y, m, d } = ymd(day);
  return { day, y, m, d, weekday: weekday(day), hijriYear: toHijri(day).y, iso: formatDay(day) };
}
