/**
 * Pure next/previous run times of a cron expression in an IANA time zone, so /status, the
 * start-up catch-up and the tests never wait on a timer. Semantics follow node-cron 4, which fires
 * the tasks: day-of-month AND day-of-week must both match; a wall time that a DST jump skips does
 * not run that day; a wall time that occurs twice (clocks going back) runs once, at its first
 * occurrence.
 */
import cron from 'node-cron';
import { dateFormat } from './format.ts';

/** A cron expression reduced to the numeric fields this module walks. */
export interface CronFields {
  minute: number[];
  hour: number[];
  dayOfMonth: number[];
  month: number[];
  dayOfWeek: number[];
}

/** Wall-clock parts of an instant in a time zone (month 1-12, weekday 0 = Sunday). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const WALL: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  weekday: 'short',
};

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return dateFormat('en-US', timeZone, WALL);
}

/** Whether `timeZone` is an IANA zone name this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of `instant` (ms) in `timeZone`. */
export function wallTime(instant: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? 'Sun'] ?? 0,
  };
}

const DAY_MS = 86_400_000;

/**
 * The instants whose wall time in `timeZone` is the given local minute, earliest first: none in a
 * DST gap, two when clocks go back.
 */
export function instantsOf(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number[] {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsets = new Set<number>();
  for (const probe of [asUtc - DAY_MS, asUtc, asUtc + DAY_MS]) {
    const w = wallTime(probe, timeZone);
    offsets.add(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(probe / 60_000) * 60_000);
  }
  const out: number[] = [];
  for (const offset of offsets) {
    const t = asUtc - offset;
    const w = wallTime(t, timeZone);
    if (w.year === year && w.month === month && w.day === day && w.hour === hour && w.minute === minute) {
      if (!out.includes(t)) out.push(t);
    }
  }
  return out.sort((a, b) => a - b);
}

/** Parses a cron expression into numeric fields, or explains in English why it cannot be used here. */
export function cronFields(expression: string): CronFields | { error: string } {
  const check = cron.validateDetailed(expression);
  if (!check.valid || !check.fields) {
    return { error: check.errors.map((e) => e.message).join('; ') || 'invalid cron expression' };
  }
  const f = check.fields;
  const numeric = (xs: (number | string)[]): xs is number[] => xs.every((x) => typeof x === 'number');
  if (f.second.length !== 1 || f.second[0] !== 0) return { error: 'seconds are not supported' };
  if (!numeric(f.dayOfMonth) || !numeric(f.dayOfWeek)) return { error: 'L, W and # are not supported' };
  const sorted = (xs: number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);
  return {
    minute: sorted(f.minute),
    hour: sorted(f.hour),
    dayOfMonth: sorted(f.dayOfMonth),
    month: sorted(f.month),
    dayOfWeek: sorted(f.dayOfWeek.map((d) => d % 7)),
  };
}

/** How many times a day the expression fires at most (its hours × minutes). */
export function runsPerDay(fields: CronFields): number {
  return fields.hour.length * fields.minute.length;
}

// Eight years covers a schedule on 29 February that follows a skipped leap year (2096 → 2104).
const MAX_DAYS = 366 * 8;

function dayMatches(fields: CronFields, year: number, month: number, day: number): boolean {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return fields.month.includes(month) && fields.dayOfMonth.includes(day) && fields.dayOfWeek.includes(weekday);
}

function shiftDay(year: number, month: number, day: number, by: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day + by));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** The first run strictly after `after`, or null when the expression never runs. */
export function nextRun(fields: CronFields, timeZone: string, after: Date): Date | null {
  const from = after.getTime();
  const start = wallTime(from, timeZone);
  let [y, mo, d] = shiftDay(start.year, start.month, start.day, -1);
  for (let i = 0; i < MAX_DAYS; i++, [y, mo, d] = shiftDay(y, mo, d, 1)) {
    if (!dayMatches(fields, y, mo, d)) continue;
    for (const h of fields.hour) {
      for (const mi of fields.minute) {
        const first = instantsOf(y, mo, d, h, mi, timeZone)[0];
        if (first !== undefined && first > from) return new Date(first);
      }
    }
  }
  return null;
}

/** The latest run at or before `atOrBefore`, or null when there is none within eight years. */
export function previousRun(fields: CronFields, timeZone: string, atOrBefore: Date): Date | null {
  const until = atOrBefore.getTime();
  const start = wallTime(until, timeZone);
  let [y, mo, d] = shiftDay(start.year, start.month, start.day, 1);
  const hours = [...fields.hour].reverse();
  const minutes = [...fields.minute].reverse();
  for (let i = 0; i < MAX_DAYS; i++, [y, mo, d] = shiftDay(y, mo, d, -1)) {
    if (!dayMatches(fields, y, mo, d)) continue;
    for (const h of hours) {
      for (const mi of minutes) {
        const first = instantsOf(y, mo, d, h, mi, timeZone)[0];
        if (first !== undefined && first <= until) return new Date(first);
      }
    }
  }
  return null;
}
