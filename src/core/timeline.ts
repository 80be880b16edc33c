/** The timeline: dated events, oldest first, one per distinct (date, event). */
import type { Sentence, TemporalExpression, TimelineEntry } from './types.ts';
import type { NormalizedText } from './text/normalize.ts';
import { articleView, eventFor, type ArticleView } from './temporal/event.ts';
import { mergeSameEvents } from './temporal/same-event.ts';

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

/** The time expressions overlapping each sentence (times sorted by start), so an event looks only at its own. */
function timesBySentence(sentences: Sentence[], times: TemporalExpression[]): Map<number, TemporalExpression[]> {
  const out = new Map<number, TemporalExpression[]>();
  for (const t of times) {
    const first = sentenceAt(sentences, t.start);
    if (first < 0) continue;
    const last = Math.max(first, sentenceAt(sentences, Math.max(t.start, t.end - 1)));
    for (let k = first; k <= last; k++) {
      const list = out.get(k);
      if (list) list.push(t);
      else out.set(k, [t]);
    }
  }
  return out;
}

/** Every dated telling, in text order, before same-event merging. */
export function timelineCandidates(text: string, sentences: Sentence[], temporal: TemporalExpression[], norm?: NormalizedText): TimelineEntry[] {
  const times = [...temporal].sort((a, b) => a.start - b.start);
  const bySentence = timesBySentence(sentences, times);
  const entries: TimelineEntry[] = [];
  let view: ArticleView | null = null; // normalized once, and only when something is dated
  for (const expr of times) {
    if (expr.value === null) continue;
    const k = sentenceAt(sentences, expr.start);
    const sentence = sentences[k];
    if (!sentence || sentence.heading) continue;
    const event = eventFor(text, sentence, expr, bySentence.get(k) ?? [], (view ??= articleView(text, norm)));
    if (!event) continue;
    entries.push({ date: expr.value, when: expr.text, start: expr.start, end: expr.end, event, sentence: k });
  }
  // A clock time and its day in one sentence: the clock time says more.
  const clockDays = new Set(entries.filter((e) => e.date.length === 16).map((e) => `${e.sentence} ${e.date.slice(0, 10)}`));
  return entries.filter((e) => e.date.length !== 10 || !clockDays.has(`${e.sentence} ${e.date}`));
}

/** Builds the timeline from the segmentation and the resolved time expressions. Linear in the text (up to a log). */
export function buildTimeline(
  text: string,
  sentences: Sentence[],
  temporal: TemporalExpression[],
  /** The text's matching form, when the caller has it already (analyze() shares it with findTemporal). */
  norm?: NormalizedText,
): TimelineEntry[] {
  // Each entry's period key worked out once, not at every comparison.
  const keyed = mergeSameEvents(timelineCandidates(text, sentences, temporal, norm)).map((entry) => ({ entry, key: periodKey(entry.date) }));
  keyed.sort((a, b) => {
    if (a.key.start !== b.key.start) return a.key.start < b.key.start ? -1 : 1;
    if (a.key.rank !== b.key.rank) return a.key.rank - b.key.rank;
    return a.entry.start - b.entry.start;
  });
  return keyed.map((k) => k.entry);
}
