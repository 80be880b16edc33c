/**
 * One article in, one Analysis out: segmentation → time expressions → timeline → who's who →
 * brief. Pure (the reference date is passed in) and total: odd input gives an empty-ish analysis,
 * and a module that fails leaves its part empty rather than losing the rest.
 */
import type { Analysis, ArticleInput, Mention, Sentence, TemporalExpression, TimelineEntry } from './types.ts';
import { segment } from './text/segment.ts';
import { findTemporal } from './temporal/index.ts';
import { buildTimeline } from './timeline.ts';
import { analyzeWho, type WhoResult } from './who/index.ts';
import { buildBrief } from './brief.ts';

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
}

const PUBLISHED = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\s*$/;

/** Days in a month of the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Turns a published value ("2023-12-08", "2017-01-21T23:43:00+01:00") into the reference day as
 * written (not shifted to UTC: the article's own day is what "اليوم" means) and its HH:MM.
 */
export function parsePublished(value: string): Reference {
  const m = PUBLISHED.exec(value);
  if (!m) throw new InvalidDateError(value);
  const [, y, mo, d, hh, mm, ss] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) throw new InvalidDateError(value);
  const reference = `${y}-${mo}-${d}`;
  if (hh === undefined || mm === undefined) return { reference };
  if (Number(hh) > 23 || Number(mm) > 59 || (ss !== undefined && Number(ss) > 59)) throw new InvalidDateError(value);
  return { reference, referenceTime: `${hh}:${mm}` };
}

/** An analysis with nothing in it, for input that has no text to analyse. */
export function emptyAnalysis(id?: string): Analysis {
  return {
    ...(id === undefined ? {} : { id }),
    sentences: [],
    brief: [],
    timeline: [],
    who: [],
    mentions: [],
    temporal: [],
    sources: [],
  };
}

/** Runs one module, giving `fallback` if it throws: one module's bug must not cost the others' results. */
function guarded<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

/** Above this length the text-wide modules run per chunk, so a huge input costs linear time. */
const CHUNK_CHARS = 20_000;

/**
 * Runs `find` on chunks of at most about CHUNK_CHARS characters cut at line ends, shifting the
 * spans it returns back into the whole text. Short texts (every real article) run in one piece.
 */
export function chunked<T extends { start: number; end: number }>(text: string, find: (chunk: string) => T[]): T[] {
  if (text.length <= CHUNK_CHARS) return find(text);
  const out: T[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + CHUNK_CHARS);
    if (to < text.length) {
      const nl = text.lastIndexOf('\n', to);
      to = nl > from ? nl + 1 : to;
    }
    for (const item of find(text.slice(from, to))) out.push({ ...item, start: item.start + from, end: item.end + from });
    from = to;
  }
  return out;
}

/** Analyses one article. Never throws; an invalid reference date leaves relative expressions unresolved. */
export function analyze(input: ArticleInput): Analysis {
  const text = typeof input?.text === 'string' ? input.text : '';
  const id = typeof input?.id === 'string' ? input.id : undefined;
  if (text.trim() === '') return emptyAnalysis(id);
  const sentences: Sentence[] = guarded(() => segment(text), []);
  const reference = guarded(() => parsePublished(String(input.reference)).reference, '');
  const temporal: TemporalExpression[] =
    reference === '' ? [] : guarded(() => chunked(text, (chunk) => findTemporal(chunk, reference, input.referenceTime)), []);
  const timeline: TimelineEntry[] = guarded(() => buildTimeline(text, sentences, temporal), []);
  const who: WhoResult = guarded(() => analyzeWho(text, sentences), { mentions: [], who: [], sources: [] });
  const mentions: Mention[] = who.mentions;
  const brief = guarded(
    () => buildBrief(text, sentences, { ...(input.title ? { title: input.title } : {}), mentions, temporal }),
    [],
  );
  return {
    ...(id === undefined ? {} : { id }),
    sentences,
    brief,
    timeline,
    who: who.who,
    mentions,
    temporal,
    sources: who.sources,
  };
}
