/**
 * Time expressions: finds every one in the text and resolves it against the reference date.
 *
 * Decisions the contract leaves open:
 * - A month or day named without a year is the most recent one not after the reference, unless a
 *   modifier (الماضي، المقبل، الجاري) or a future marker (سـ، سوف، من المقرر) nearby says otherwise;
 *   a day (or Hijri month) up to 60 days after the reference is taken as upcoming.
 * - A bare weekday is the most recent such day, the reference day included ("فجر الجمعة" on a
 *   Friday); with المقبل/القادم or a future marker, the next one after the reference.
 * - "حتى اليوم" and "الأسبوع الماضي/المقبل" get no value (a duration; the contract has no week).
 * - A clock time takes the day named with it, else the nearest day named before it in its
 *   sentence, after it in its sentence, or in the two sentences before; else the reference day.
 */
import type { TemporalExpression } from '../types.ts';
import { normalizeWithOffsets, originalSpan, type NormalizedText } from '../text/normalize.ts';
import { tokenize, type Tok } from './tokens.ts';
import { parseTokens, type Hit } from './parse.ts';
import { resolveReading, withClock } from './resolve.ts';
import { isFuture } from './tense.ts';
import { parseDay } from './calendar.ts';

/** Index of the sentence (as the tokenizer sees it) that each token belongs to. */
function sentenceIds(toks: Tok[]): Int32Array {
  const ids = new Int32Array(toks.length);
  let id = 0;
  for (let i = 0; i < toks.length; i++) {
    if (i > 0 && toks[i]!.brk) id++;
    ids[i] = id;
  }
  return ids;
}

/** Index of the first token ending after `offset` (tokens are in text order), or -1: a binary search, so each hit costs log n. */
function firstTokenAfter(toks: Tok[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.e > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo < toks.length ? lo : -1;
}

/** Sentences back that a clock time looks for its day ("الليلة الماضية … الساعة التاسعة مساء"). */
const CLOCK_DAY_SENTENCES = 2;

/**
 * A clock time with no day of its own takes the nearest day named before it in its sentence, else
 * after it in its sentence, else the last one named in the sentences just before; else the reference day.
 */
function clockDay(hits: Hit[], values: (string | null)[], at: number, sent: Int32Array, refDay: string): string {
  const own = sent[hits[at]!.end - 1]!;
  const dayOf = (k: number): string | null => {
    const v = values[k];
    return v && v.length === 10 ? v : null;
  };
  for (let k = at - 1; k >= 0; k--) {
    if (sent[hits[k]!.end - 1] !== own) break;
    const v = dayOf(k);
    if (v) return v;
  }
  for (let k = at + 1; k < hits.length; k++) {
    if (sent[hits[k]!.end - 1] !== own) break;
    const v = dayOf(k);
    if (v) return v;
  }
  for (let k = at - 1; k >= 0; k--) {
    if (own - sent[hits[k]!.end - 1]! > CLOCK_DAY_SENTENCES) break;
    const v = dayOf(k);
    if (v) return v;
  }
  return refDay;
}

/** Every time expression in `text`, with offsets and a value resolved against `reference` (YYYY-MM-DD). */
export function findTemporal(
  text: string,
  reference: string,
  referenceTime?: string,
  /** The text's matching form, when the caller has it already (analyze() shares it with the timeline). */
  norm: NormalizedText = normalizeWithOffsets(text),
): TemporalExpression[] {
  void referenceTime; // the day is what every value needs; clock-relative phrases are not resolved yet
  const ref = parseDay(reference);
  const toks = tokenize(norm.text);
  const hits = parseTokens(toks);
  const values = hits.map((hit) => {
    if (Number.isNaN(ref)) return null;
    return resolveReading(hit.r, { ref, future: isFuture(toks, firstTokenAfter(toks, hit.s), hit.end - 1) });
  });
  let sent: Int32Array | null = null;
  const out: TemporalExpression[] = [];
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!;
    let value = values[k] ?? null;
    if (hit.r.k === 'clock' && !hit.r.day && !Number.isNaN(ref)) {
      sent ??= sentenceIds(toks);
      value = withClock(clockDay(hits, values, k, sent, reference.slice(0, 10)), hit.r.h, hit.r.min);
    }
    const span = originalSpan(norm, hit.s, toks[hit.end - 1]!.e);
    out.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end), value });
  }
  return out;
}
