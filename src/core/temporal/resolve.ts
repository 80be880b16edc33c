/**
 * Resolves a Reading against the reference date: a month or day named without its year is the
 * most recent one not after the reference, unless a modifier or a future marker says otherwise.
 */
import type { Reading } from './parse.ts';
import type { Unit } from './lexicon.ts';
import { dayNumber, formatDay, formatMonth, fromHijri, weekday, ymd, type DayNumber, type Reference } from './calendar.ts';

/** The reference date plus what the sentence says about tense. */
export interface ResolveContext {
  ref: Reference;
  future: boolean;
  /** The clause opens with a verb in the present: a bare weekday is this one or the coming one. */
  present?: boolean;
  /** No past year is named in the sentence before or up to it: a month just after the reference's is the coming one. */
  nearMonth?: boolean;
}

/** A day named without a year this close after the reference is taken as upcoming, not last year's. */
const NEAR_FUTURE_DAYS = 60;
/**
 * A month named without a year this many months after the reference's is the coming one ("في ماي"
 * late in April), as a near day is, unless the story just told a past year (ResolveContext.nearMonth).
 */
const NEAR_FUTURE_MONTHS = 1;

type Mode = 'past' | 'notAfter' | 'future' | 'notBefore';

/** Picks among candidate keys (ascending) the one the mode asks for, relative to the reference key. */
function choose(keys: number[], ref: number, mode: Mode, near = 0): number | undefined {
  const valid = keys.filter((k) => !Number.isNaN(k));
  switch (mode) {
    case 'past':
      return valid.filter((k) => k < ref).at(-1);
    case 'future':
      return valid.find((k) => k > ref);
    case 'notBefore':
      return valid.find((k) => k >= ref);
    case 'notAfter': {
      const upcoming = valid.find((k) => k > ref);
      if (near > 0 && upcoming !== undefined && upcoming - ref <= near) return upcoming;
      return valid.filter((k) => k <= ref).at(-1);
    }
  }
}

function modeOf(mod: string | undefined, future: boolean): Mode {
  if (mod === 'past') return 'past';
  if (mod === 'future') return 'future';
  return future ? 'notBefore' : 'notAfter';
}

/** Above this a year given with a Hijri month is a Gregorian year ("رمضان 2017"). */
const HIJRI_YEAR_MAX = 1600;

/** The Hijri year whose month `m` begins in Gregorian year `gy`. */
function hijriYearIn(gy: number, m: number): number {
  const guess = Math.round(((gy - 622) * 33) / 32);
  for (const hy of [guess, guess - 1, guess + 1, guess - 2, guess + 2]) {
    const start = fromHijri(hy, m, 1);
    if (!Number.isNaN(start) && ymd(start).y === gy) return hy;
  }
  return guess;
}

/**
 * The year of a day written with its weekday: the written one, unless the weekday is wrong in it and right
 * one year off in the reference's year or the year before. Writers carry last year's number into a new
 * year ("الإثنين 23 جانفي 2016" in a January 2017 article); a weekday wrong in the reference's own
 * year is the writer's slip of a day ("أمس الجمعة 29 أوت 2015" on a Saturday), not of a year.
 */
export function yearOfWeekday(y: number, wd: number | undefined, make: (y: number) => DayNumber, refY: number): number {
  if (wd === undefined || y === refY || Number.isNaN(make(y)) || weekday(make(y)) === wd) return y;
  const shifted = [y + 1, y - 1].find((c) => (c === refY || c === refY - 1) && weekday(make(c)) === wd);
  return shifted ?? y;
}

function resolveDay(r: Extract<Reading, { k: 'day' }>, ctx: ResolveContext): DayNumber {
  const refY = ctx.ref.y;
  const make = r.cal === 'hijri' ? (y: number) => fromHijri(y, r.m, r.d) : (y: number) => dayNumber(y, r.m, r.d);
  if (r.mRel !== undefined) {
    const month = ctx.ref.m - 1 + r.mRel;
    return dayNumber(refY + Math.floor(month / 12), (((month % 12) + 12) % 12) + 1, r.d);
  }
  const baseYear = r.cal === 'hijri' ? ctx.ref.hijriYear : refY;
  if (r.y !== undefined && r.cal === 'gregorian') return make(yearOfWeekday(r.y, r.wd, make, refY));
  if (r.y !== undefined) return make(r.cal === 'hijri' && r.y > HIJRI_YEAR_MAX ? hijriYearIn(r.y, r.m) : r.y);
  if (r.yRel !== undefined || r.mod === 'current') return make(baseYear + (r.yRel ?? 0));
  const keys = [make(baseYear - 1), make(baseYear), make(baseYear + 1)];
  return choose(keys, ctx.ref.day, modeOf(r.mod, ctx.future), NEAR_FUTURE_DAYS) ?? Number.NaN;
}

function resolveMonth(r: Extract<Reading, { k: 'month' }>, ctx: ResolveContext): string | null {
  const ref = ctx.ref;
  if (r.cal === 'hijri') {
    const hy = ctx.ref.hijriYear;
    let day: DayNumber | undefined;
    if (r.y !== undefined) day = fromHijri(r.y > HIJRI_YEAR_MAX ? hijriYearIn(r.y, r.m) : r.y, r.m, 1);
    else if (r.yRel !== undefined || r.mod === 'current') day = fromHijri(hy + (r.yRel ?? 0), r.m, 1);
    else {
      // A Hijri month is named in the weeks before it too: "(start) not after" with a near window.
      const keys = [fromHijri(hy - 1, r.m, 1), fromHijri(hy, r.m, 1), fromHijri(hy + 1, r.m, 1)];
      day = choose(keys, ctx.ref.day, modeOf(r.mod, ctx.future), NEAR_FUTURE_DAYS);
    }
    if (day === undefined || Number.isNaN(day)) return null;
    const g = ymd(day);
    return formatMonth(g.y * 12 + g.m - 1);
  }
  const refKey = ref.y * 12 + ref.m - 1;
  if (r.y !== undefined) return formatMonth(r.y * 12 + r.m - 1);
  if (r.yRel !== undefined || r.mod === 'current') return formatMonth((ref.y + (r.yRel ?? 0)) * 12 + r.m - 1);
  const keys = [ref.y - 1, ref.y, ref.y + 1].map((y) => y * 12 + r.m - 1);
  const key = choose(keys, refKey, modeOf(r.mod, ctx.future), ctx.nearMonth === true ? NEAR_FUTURE_MONTHS : 0);
  return key === undefined ? null : formatMonth(key);
}

function resolveWeekday(r: Extract<Reading, { k: 'weekday' }>, ctx: ResolveContext): DayNumber {
  const today = ctx.ref.weekday;
  if (r.anchor !== undefined) {
    // "اليوم السبت" in an article dated Friday: the writer's day is the named one, within three days.
    const base = ctx.ref.day + r.anchor;
    let diff = (r.wd - weekday(base) + 7) % 7;
    if (diff > 3) diff -= 7;
    return base + diff;
  }
  const back = (today - r.wd + 7) % 7;
  const ahead = (r.wd - today + 7) % 7;
  if (r.mod === 'past') return ctx.ref.day - (back === 0 ? 7 : back);
  if (r.mod === 'future') return ctx.ref.day + (ahead === 0 ? 7 : ahead);
  // A bare weekday in a future clause is the coming one, and the reference's own weekday is the reference
  // day ("يعتزم كاميرون الأربعاء الإعلان عن خطط" on a Wednesday is that day: next week's would be "الأربعاء المقبل").
  if (ctx.future) return ctx.ref.day + ahead;
  if (ctx.present && r.mod === undefined) return ctx.ref.day + ahead;
  // Past by default, and the reference's own weekday is the reference day ("فجر الجمعة" on a Friday).
  return ctx.ref.day - back;
}

function resolveYear(r: Reading, ctx: ResolveContext): number | null {
  if (r.k === 'year') {
    if (r.cal === 'hijri') {
      const day = fromHijri(r.y, 1, 1);
      return Number.isNaN(day) ? null : ymd(day).y;
    }
    return r.y;
  }
  if (r.k === 'rel' && r.unit === 'year') return ctx.ref.y + r.n;
  return null;
}

function dayValue(day: DayNumber): string | null {
  return Number.isNaN(day) ? null : formatDay(day);
}

/** The value of a reading: YYYY-MM-DD | YYYY-MM | YYYY | YYYY-Qn | YYYY-MM-DDTHH:MM, or null. */
export function resolveReading(r: Reading, ctx: ResolveContext): string | null {
  switch (r.k) {
    case 'day':
      return dayValue(resolveDay(r, ctx));
    case 'month':
      return resolveMonth(r, ctx);
    case 'year': {
      const y = resolveYear(r, ctx);
      return y === null ? null : String(y);
    }
    case 'rel': {
      if (r.unit === 'day') return dayValue(ctx.ref.day + r.n);
      const ref = ctx.ref;
      if (r.unit === 'month') return formatMonth(ref.y * 12 + ref.m - 1 + r.n);
      return String(ref.y + r.n);
    }
    case 'weekday':
      return dayValue(resolveWeekday(r, ctx));
    case 'quarter': {
      const ref = ctx.ref;
      const refQ = Math.ceil(ref.m / 3);
      let y = r.year ? resolveYear(r.year, ctx) : null;
      if (y === null) y = ctx.future ? (r.q >= refQ ? ref.y : ref.y + 1) : r.q <= refQ ? ref.y : ref.y - 1;
      return `${y}-Q${r.q}`;
    }
    case 'clock': {
      if (!r.day) return null;
      const day = resolveReading(r.day, ctx);
      return day && day.length === 10 ? withClock(day, r.h, r.min) : null;
    }
    case 'season':
    case 'fixed': // حاليا، الآن: the reference day in the TIMEX3 value, but a state, not a point of the timeline
    case 'dur':
    case 'set':
    case 'decade':
    case 'century':
    case 'daypart':
    case 'none':
      return null;
  }
}

const UNIT_LETTER: Record<Unit, string> = { day: 'D', week: 'W', month: 'M', year: 'Y', decade: 'DE', century: 'CE', hour: 'H', minute: 'M' };

/** An ISO 8601 length (P3D, PT2H, P26Y; X for a vague count: PXY); a smaller part joined to it follows (P2Y3M, PT1H20M, P1DT6H). */
export function isoLength(unit: Unit, n: number | null, and?: { unit: Unit; n: number }): string {
  const isClock = (u: Unit): boolean => u === 'hour' || u === 'minute';
  const part = (u: Unit, c: number | null): string => `${c === null ? 'X' : String(c)}${UNIT_LETTER[u]}`;
  const parts: [Unit, number | null][] = and ? [[unit, n], [and.unit, and.n]] : [[unit, n]];
  const date = parts.filter(([u]) => !isClock(u)).map(([u, c]) => part(u, c)).join('');
  const clock = parts.filter(([u]) => isClock(u)).map(([u, c]) => part(u, c)).join('');
  return `P${date}${clock ? `T${clock}` : ''}`;
}

/** ISO week (YYYY-Www) of a day number. */
function isoWeek(day: DayNumber): string {
  const wd = (weekday(day) + 6) % 7; // Monday 0
  const thursday = day - wd + 3;
  const { y } = ymd(thursday);
  const week = Math.floor((thursday - dayNumber(y, 1, 1)) / 7) + 1;
  return `${y}-W${String(week).padStart(2, '0')}`;
}

/** First month of each season (winter starts in December and takes that year's number). */
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** The year of a season: given, else the last one begun by the reference (الماضي the one before, المقبل the next). */
function seasonYear(r: Extract<Reading, { k: 'season' }>, ctx: ResolveContext): number {
  if (r.y !== undefined) return r.y;
  if (r.yRel !== undefined) return ctx.ref.y + r.yRel;
  const ref = ctx.ref;
  const refKey = ref.y * 12 + ref.m - 1;
  const start = SEASON_START[r.code] ?? 1;
  const keys = [ref.y - 2, ref.y - 1, ref.y, ref.y + 1].map((y) => y * 12 + start - 1);
  const begun = keys.filter((k) => k <= refKey);
  const mode = r.mod === 'past' ? 'past' : r.mod === 'future' || ctx.future ? 'future' : 'current';
  let key: number | undefined;
  if (mode === 'future') key = keys.find((k) => k > refKey);
  else if (mode === 'past') key = begun.filter((k) => refKey - k >= 3).at(-1);
  else key = begun.at(-1);
  return Math.floor((key ?? refKey) / 12);
}

/** The reference's century, 1-based (2023 → 21). */
const centuryOf = (year: number): number => Math.floor((year - 1) / 100) + 1;

/**
 * The TIMEX3 value of a reading, given its resolved point value: the point itself for a date or a
 * time, P3D for a length, P1Y for a recurrence, 196X for a decade, 18XX for a century, a week as
 * YYYY-Www, PAST_REF and the like for fuzzy times; null when nothing can be said.
 */
export function timexValue(r: Reading, value: string | null, ctx: ResolveContext): string | null {
  switch (r.k) {
    case 'dur':
      return isoLength(r.unit, r.n, r.and);
    case 'set':
      return r.unit === 'week' && r.n === 1 ? 'P1W' : isoLength(r.unit, r.n);
    case 'decade': {
      const refY = ctx.ref.y;
      let base: number;
      if (r.c !== undefined) base = (r.c - 1) * 100 + r.d * 10;
      else if (r.cRel !== undefined) base = (centuryOf(refY) - 1 + r.cRel) * 100 + r.d * 10;
      else {
        // The latest such decade that has ended: الستينيات in 2023 is the 1960s, العشرينيات the 1920s.
        base = Math.floor(refY / 100) * 100 + r.d * 10;
        if (base + 9 >= refY) base -= 100;
      }
      return `${String(base / 10).padStart(3, '0')}X`;
    }
    case 'century': {
      const c = r.c ?? centuryOf(ctx.ref.y) + (r.cRel ?? 0);
      return `${String(c - 1).padStart(2, '0')}XX`;
    }
    case 'fixed': {
      const spec = /^(week|weekend|decade)([+-]\d+)$/.exec(r.spec);
      if (spec) {
        const n = Number(spec[2]);
        if (spec[1] === 'decade') return `${Math.floor(ctx.ref.y / 10) + n}X`;
        const week = isoWeek(ctx.ref.day + 7 * n);
        return spec[1] === 'weekend' ? `${week}-WE` : week;
      }
      if (r.spec === 'now') return dayValue(ctx.ref.day);
      return r.spec === '-' ? null : r.spec;
    }
    case 'daypart':
      return null; // its day is worked out from the times around it (refine.ts)
    case 'season':
      return `${seasonYear(r, ctx)}-${r.code}`;
    default:
      return value;
  }
}

/** YYYY-MM-DD plus a clock time → YYYY-MM-DDTHH:MM. */
export function withClock(day: string, h: number, min: number): string {
  return `${day}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
