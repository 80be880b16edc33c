/** Date formatting for the scheduler: cached Intl formatters, and local date-time text for chats. */

const formats = new Map<string, Intl.DateTimeFormat>();

/** One Intl.DateTimeFormat per (locale, zone, options), built once: they are slow to create. */
export function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, f);
  }
  return f;
}

const LOCAL: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "الثلاثاء، 24 نوفمبر في 08:00" in `timeZone`: Arabic words, Latin digits. */
export function localDateTime(date: Date, timeZone: string): string {
  return dateFormat('ar-u-nu-latn', timeZone, LOCAL).format(date);
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "الثلاثاء 24 نوفمبر" in `timeZone`. */
export function localDay(date: Date, timeZone: string): string {
  return dateFormat('ar-u-nu-latn', timeZone, DAY).format(date).replace('،', '');
}

/** "08:00" in `timeZone`. */
export function localTime(date: Date, timeZone: string): string {
  return dateFormat('ar-u-nu-latn', timeZone, TIME).format(date);
}

const YEAR: Intl.DateTimeFormatOptions = { year: 'numeric' };
const DAY_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** Whether `value` is a day without a time ("2017-06-19"), as a feed may date an item. */
export function isDayOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/**
 * The day of `date` as a digest item shows it: "الثلاثاء 24 نوفمبر", or "20 يونيو 2017" when not in `now`'s year.
 * A publication given as a day only ("2017-06-19", no time) is that day in every time zone: it is not read as
 * midnight UTC, which west of UTC would show the day before.
 */
export function itemDay(date: Date | string, now: Date, timeZone: string): string {
  if (typeof date === 'string') return isDayOnly(date) ? itemDay(new Date(`${date}T12:00:00Z`), now, 'UTC') : itemDay(new Date(date), now, timeZone);
  const year = dateFormat('en', timeZone, YEAR);
  if (year.format(date) === year.format(now)) return localDay(date, timeZone);
  return dateFormat('ar-u-nu-latn', timeZone, DAY_YEAR).format(date);
}
