/** The timeline: dated events, oldest first, one per distinct (date, event). */
import type { Sentence, TemporalExpression, TimelineEntry } from './types.ts';
import { eventFor } from './temporal/event.ts';
import { normalize } from './text/normalize.ts';

/** Two events of one date are the same when this share of the shorter one's words recur in the other. */
const SAME_EVENT_OVERLAP = 0.7;

/** Start of the period a value names (for ordering) and how coarse it is (coarser first). */
export function periodKey(value: string): { start: string; rank: number } {
  if (/^\d{4}$/.test(value)) return { start: `${value}-01-01T00:00`, rank: 0 };
  const q = /^(\d{4})-Q([1-4])$/.exec(value);
  if (q) return { start: `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01T00:00`, rank: 1 };
  if (/^\d{4}-\d{2}$/.test(value)) return { start: `${value}-01T00:00`, rank: 2 };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { start: `${value}T00:00`, rank: 3 };
  return { start: value, rank: 4 };
}

/** Index of the sentence holding `offset`, or -1 (sentences are in text order). */
function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const SHORT_WORD = 2;

function contentWords(event: string): Set<string> {
  return new Set(
    normalize(event)
      .split(/[^\u0621-\u064A0-9]+/)
      .map((w) => w.replace(/^(?:وال|ال|و)/, ''))
      .filter((w) => w.length > SHORT_WORD),
  );
}

function sameEvent(a: Set<string>, b: Set<string>): boolean {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  if (small.size === 0) return large.size === 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size >= SAME_EVENT_OVERLAP;
}

/** Builds the timeline from the segmentation and the resolved time expressions. */
export function buildTimeline(text: string, sentences: Sentence[], temporal: TemporalExpression[]): TimelineEntry[] {
  const times = [...temporal].sort((a, b) => a.start - b.start);
  const entries: TimelineEntry[] = [];
  for (const expr of times) {
    if (expr.value === null) continue;
    const k = sentenceAt(sentences, expr.start);
    const sentence = sentences[k];
    if (!sentence || sentence.heading) continue;
    const event = eventFor(text, sentence, expr, times);
    if (!event) continue;
    entries.push({ date: expr.value, when: expr.text, start: expr.start, end: expr.end, event, sentence: k });
  }
  // A clock time and its day in one sentence: the clock time says more.
  const precise = entries.filter((e) => {
    if (e.date.length !== 10) return true;
    return !entries.some((o) => o.sentence === e.sentence && o.date.length === 16 && o.date.startsWith(e.date));
  });
  const kept: { entry: TimelineEntry; words: Set<string> }[] = [];
  for (const entry of precise) {
    const words = contentWords(entry.event);
    if (kept.some((k) => k.entry.date === entry.date && sameEvent(k.words, words))) continue;
    kept.push({ entry, words });
  }
  return kept
    .map((k) => k.entry)
    .sort((a, b) => {
      const ka = periodKey(a.date);
      const kb = periodKey(b.date);
      if (ka.start !== kb.start) return ka.start < kb.start ? -1 : 1;
      if (ka.rank !== kb.rank) return ka.rank - kb.rank;
      return a.start - b.start;
    });
}
