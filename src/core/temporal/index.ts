/** Time expressions: finds every one in the text and resolves it against the reference date. */
import type { TemporalExpression } from '../types.ts';
import { normalizeWithOffsets, originalSpan } from '../text/normalize.ts';
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

/** A clock time with no day of its own takes the nearest day named in its sentence, else the reference day. */
function clockDay(hits: Hit[], values: (string | null)[], toks: Tok[], at: number, sent: Int32Array, refDay: string): string {
  const hit = hits[at]!;
  const own = sent[hit.end - 1]!;
  let best: string | null = null;
  let bestDist = Infinity;
  for (let k = 0; k < hits.length; k++) {
    const v = values[k];
    if (k === at || !v || v.length !== 10) continue;
    const other = hits[k]!;
    if (sent[other.end - 1] !== own) continue;
    const dist = Math.abs(toks[other.end - 1]!.s - hit.s) + (k > at ? 1000 : 0); // prefer a day named before
    if (dist < bestDist) {
      bestDist = dist;
      best = v;
    }
  }
  return best ?? refDay;
}

/** Every time expression in `text`, with offsets and a value resolved against `reference` (YYYY-MM-DD). */
export function findTemporal(text: string, reference: string, referenceTime?: string): TemporalExpression[] {
  void referenceTime; // the day is what every value needs; clock-relative phrases are not resolved yet
  const ref = parseDay(reference);
  const norm = normalizeWithOffsets(text);
  const toks = tokenize(norm.text);
  const hits = parseTokens(toks);
  const values = hits.map((hit) => {
    if (Number.isNaN(ref)) return null;
    const firstTok = toks.findIndex((t) => t.e > hit.s);
    return resolveReading(hit.r, { ref, future: isFuture(toks, firstTok, hit.end - 1) });
  });
  let sent: Int32Array | null = null;
  const out: TemporalExpression[] = [];
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!;
    let value = values[k] ?? null;
    if (hit.r.k === 'clock' && !hit.r.day && !Number.isNaN(ref)) {
      sent ??= sentenceIds(toks);
      value = withClock(clockDay(hits, values, toks, k, sent, reference.slice(0, 10)), hit.r.h, hit.r.min);
    }
    const span = originalSpan(norm, hit.s, toks[hit.end - 1]!.e);
    out.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end), value });
  }
  return out;
}
