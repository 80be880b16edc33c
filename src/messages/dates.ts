/**
 * Arabic rendering of the analysis's time values (YYYY-MM-DD | YYYY-MM | YYYY | YYYY-Qn |
 * YYYY-MM-DDTHH:MM) and their chronological order, for timelines in chat.
 */
import names from './lexicon/ar-dates.json' with { type: 'json' };

const PATTERN = /^(\d{4})(?:-(?:Q([1-4])|(\d{2}))(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?$/u;

/** "8 ديسمبر 2023", "ديسمبر 2023", "الربع الأول 2024", "2023", "8 ديسمبر 2023، 04:00"; unknown shapes as given. */
export function formatArabicDate(value: string): string {
  const match = PATTERN.exec(value);
  if (!match) return value;
  const [, year, quarter, month, day, hour, minute] = match;
  if (quarter) return `${names.quarters[Number(quarter) - 1]} ${year}`;
  if (!month) return year!;
  const monthName = names.months[Number(month) - 1];
  if (!monthName) return value;
  if (!day) return `${monthName} ${year}`;
  const date = `${Number(day)} ${monthName} ${year}`;
  return hour ? `${date}، ${hour}:${minute}` : date;
}

/** Sort key: start of the period, then coarser periods first (2023-11 before 2023-11-03). */
function periodKey(value: string): [string, number] {
  const match = PATTERN.exec(value);
  if (!match) return [value, 9];
  const [, year, quarter, month, day, hour, minute] = match;
  if (quarter) return [`${year}-${String((Number(quarter) - 1) * 3 + 1).padStart(2, '0')}-01T00:00`, 1];
  if (!month) return [`${year}-01-01T00:00`, 0];
  if (!day) return [`${year}-${month}-01T00:00`, 2];
  if (!hour) return [`${year}-${month}-${day}T00:00`, 3];
  return [`${year}-${month}-${day}T${hour}:${minute}`, 4];
}

/** Orders two time values oldest first; a coarser period goes before the finer ones it starts. */
export function compareTimeValues(a: string, b: string): number {
  const [ka, ga] = periodKey(a);
  const [kb, gb] = periodKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : ga - gb;
}
