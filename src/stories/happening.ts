/**
 * What tells one happening from another of its genre: the day it happened. Two seizures, sweeps or
 * army operations a few days apart read alike and share their place, yet each article's first
 * sentence dates its own happening ("تمكنت الوحدات الأمنية ليلة أمس …"); one happening told again or
 * followed up names the day of the first telling somewhere ("… الذي جد أول أمس").
 */
import type { AnalysisOutline } from '../store/stored-analysis.ts';
import { lightStem } from '../core/text/tokens.ts';
import kinds from '../core/lexicon/stories/kinds.json' with { type: 'json' };

/** When an article's happening is dated: the days its lead (first sentence) gives, and every day its timeline gives. */
export interface HappeningDays {
  /** Days (YYYY-MM-DD) of the timeline entries of the first sentence. */
  leadDays: ReadonlySet<string>;
  /** Days of all its timeline entries. */
  days: ReadonlySet<string>;
}

const DAY = /^\d{4}-\d\d-\d\d$/;

/** The days an analysis's timeline dates its lead's happening on, and all the days it gives (months and years left out). */
export function happeningDays(analysis?: AnalysisOutline): HappeningDays {
  const leadDays = new Set<string>();
  const days = new Set<string>();
  for (const t of analysis?.timeline ?? []) {
    if (!DAY.test(t.date)) continue;
    days.add(t.date);
    if (t.sentence === 0) leadDays.add(t.date);
  }
  return { leadDays, days };
}

/**
 * Whether two articles date their happenings on different days: both leads give a day, and the two
 * timelines share no day (a follow-up names its happening's day somewhere, even when its lead gives
 * the day it is told: "قالت الشرطة اليوم الخميس …" after a fire "فجر أمس الأربعاء").
 */
export function daysContradict(a: HappeningDays, b: HappeningDays): boolean {
  if (a.leadDays.size === 0 || b.leadDays.size === 0) return false;
  for (const d of a.days) if (b.days.has(d)) return false;
  return true;
}

/** The kind of each noun of a local happening (kinds.json: an operation, a harm), light-stemmed. */
const KIND_OF: ReadonlyMap<string, string> = new Map([
  ...kinds.operation.map((w): [string, string] => [lightStem(w), 'operation']),
  ...kinds.harm.map((w): [string, string] => [lightStem(w), 'harm']),
]);

/** The kinds (kinds.json) of the happenings a title names (its light-stemmed event nouns). */
export function kindsOf(titleEvents: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const e of titleEvents) {
    const kind = KIND_OF.get(e);
    if (kind) out.add(kind);
  }
  return out;
}

/**
 * Whether two titles name happenings of two kinds and none of one kind: a sweep ("إيقاف 19 مفتشا
 * عنهم") and a harm ("شاب يحاول الانتحار حرقا", "وفاة امرأة في حادث مرور") are two happenings; a
 * title naming both, or one noun both share, is not set apart.
 */
export function kindsApart(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const e of a) if (b.has(e)) return false;
  const ka = kindsOf(a);
  const kb = kindsOf(b);
  if (ka.size !== 1 || kb.size !== 1) return false;
  return [...ka][0] !== [...kb][0];
}
