/**
 * Time expressions: finds every one in the text, types it as TimeML does (DATE, TIME, DURATION,
 * SET) and resolves it against the reference date. Three stages: the grammar (parse.ts) reads
 * expressions token by token; each is resolved (resolve.ts) with the tense of its words; the
 * refiners (refine.ts) settle what depends on the neighbours.
 *
 * Decisions the contract leaves open:
 * - A month or day named without a year is the most recent one not after the reference, unless a
 *   modifier (الماضي، المقبل، الجاري) or a future marker (سـ، سوف، من المقرر) nearby says otherwise;
 *   a day (or Hijri month) up to 60 days after the reference is taken as upcoming.
 * - A bare weekday is the most recent such day, the reference day included ("فجر الجمعة" on a
 *   Friday); with المقبل/القادم or a future marker, the next one after the reference.
 * - `value` is a point the timeline can use; lengths (ثلاثة أيام), recurrences (سنويا), decades,
 *   centuries, weeks and fuzzy times (مؤخرا) have a `timex` but no `value`. "حاليا"/"الآن" have the
 *   reference day as their `timex` and no `value`: they tell a state, not a dated event (measured:
 *   with a value they add timeline entries the dev gold does not have, F1 0.881 → 0.875).
 * - A clock time takes the day named with it, else the nearest day named before it in its
 *   sentence, after it in its sentence, or in the two sentences before; else the reference day.
 */
import type { TemporalExpression, TimexType } from '../types.ts';
import { normalizeWithOffsets, originalSpan, type NormalizedText } from '../text/normalize.ts';
import { tokenize } from './tokens.ts';
import { parseTokens, type Hit } from './parse.ts';
import { resolveReading, timexValue } from './resolve.ts';
import { parseReference } from './calendar.ts';
import { futureOf, nearMonthOf, presentOf, REFINERS, sentenceIds, type Found, type RefineContext } from './refine.ts';

/** The TimeML kind of a parsed expression. */
function typeOf(hit: Hit): TimexType {
  if (hit.type) return hit.type;
  switch (hit.r.k) {
    case 'clock':
    case 'daypart':
      return 'TIME';
    case 'dur':
      return 'DURATION';
    case 'set':
      return 'SET';
    case 'fixed':
      return hit.r.type;
    default:
      return 'DATE';
  }
}

/** Every time expression in `text`, with offsets, kind and a value resolved against `reference` (YYYY-MM-DD). */
export function findTemporal(
  text: string,
  reference: string,
  referenceTime?: string,
  /** The text's matching form, when the caller has it already (analyze() shares it with the timeline). */
  norm: NormalizedText = normalizeWithOffsets(text),
): TemporalExpression[] {
  void referenceTime; // the day is what every value needs; clock-relative phrases are not resolved yet
  const ref = parseReference(reference);
  const toks = tokenize(norm.text);
  const hits = parseTokens(toks);
  const found: Found[] = hits.map((hit) => {
    if (!ref) return { hit, value: null, type: typeOf(hit), timex: hit.timex ?? null };
    const rctx = { ref, future: futureOf(toks, hit), present: presentOf(toks, hit), nearMonth: nearMonthOf(toks, hit, ref.y) };
    const value = resolveReading(hit.r, rctx);
    return { hit, value, type: typeOf(hit), timex: hit.timex ?? timexValue(hit.r, value, rctx) };
  });
  if (ref) {
    let sent: Int32Array | null = null;
    const ctx: RefineContext = { toks, refDay: ref.iso, sentences: () => (sent ??= sentenceIds(toks)) };
    for (const refine of REFINERS) refine(found, ctx);
  }
  const out: TemporalExpression[] = [];
  for (const f of found) {
    const span = originalSpan(norm, f.hit.s, toks[f.hit.end - 1]!.e);
    // آلان (Alain) folds into الان when normalized; only الآن / الان is "now".
    if (f.hit.r.k === 'fixed' && f.hit.r.spec === 'now' && text.charCodeAt(span.start) === 0x0622) continue;
    const expr: TemporalExpression = { start: span.start, end: span.end, text: text.slice(span.start, span.end), value: f.value, type: f.type, timex: f.timex };
    if (f.hit.mod) expr.mod = f.hit.mod;
    out.push(expr);
  }
  return out;
}
