/** The timeline: dated events, oldest first, one per distinct (date, event). */
import type { Sentence, TemporalExpression, TimelineEntry } from './types.ts';
import type { NormalizedText } from './text/normalize.ts';
import { articleView, eventFor, type ArticleView } from './temporal/event.ts';
import { mergeSameEvents } from './temporal/same-event.ts';
import { datesNoEvent, endsRange } from './temporal/not-event.ts';
import { baselineFigure, withBaselineFigure, withoutBaseline } from './temporal/comparison.ts';

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

/**
 * Longest piece of a sentence the event cutter reads at once. Cutting an event reads its clause and
 * the sentence's times, so on a sentence without an end (a megabyte with no full stop) each time
 * would cost the whole sentence; in blocks it costs at most a block. No ANT sentence is this long
 * (the longest is 1,583 characters), so real articles are read as before.
 */
const MAX_BLOCK_CHARS = 2000;
const CLAUSE_MARK = /[،,؛;:.!?؟]/;

/** A sentence as the event cutter reads it: itself, or blocks of at most MAX_BLOCK_CHARS cut after a clause mark or a space. */
export function blocksOf(text: string, sentence: Sentence, max = MAX_BLOCK_CHARS): Sentence[] {
  if (sentence.end - sentence.start <= max) return [sentence];
  const out: Sentence[] = [];
  let from = sentence.start;
  while (sentence.end - from > max) {
    const limit = from + max;
    let cut = -1;
    let space = -1;
    // The last clause mark in the block's second half, else its last space, else the limit itself.
    for (let i = limit - 1; i > from + (max >> 1); i--) {
      const ch = text[i]!;
      if (CLAUSE_MARK.test(ch)) {
        cut = i + 1;
        break;
      }
      if (space < 0 && (ch === ' ' || ch === '\n')) space = i + 1;
    }
    if (cut < 0) cut = space > 0 ? space : limit;
    out.push({ start: from, end: cut, heading: sentence.heading });
    from = cut;
  }
  out.push({ start: from, end: sentence.end, heading: sentence.heading });
  return out;
}

/** Every dated telling, in text order, before same-event merging. */
export function timelineCandidates(text: string, sentences: Sentence[], temporal: TemporalExpression[], norm?: NormalizedText): TimelineEntry[] {
  // A length with no date ("تبلغ من العمر 17 سنة", "محكوما بالسجن 5 أعوام") is part of what
  // happened: the event keeps it; only the times that date something are cut out of it.
  const times = temporal.filter((t) => t.type !== 'DURATION' || t.value !== null).sort((a, b) => a.start - b.start);
  // The pieces the cutter reads, each with the index of its sentence (one piece per sentence in real articles).
  const blocks: Sentence[] = [];
  const sentenceOf: number[] = [];
  sentences.forEach((s, k) => {
    for (const b of blocksOf(text, s)) {
      blocks.push(b);
      sentenceOf.push(k);
    }
  });
  const byBlock = timesBySentence(blocks, times);
  const entries: TimelineEntry[] = [];
  let view: ArticleView | null = null; // normalized once, and only when something is dated
  const valued = times.filter((t): t is TemporalExpression & { value: string } => t.value !== null);
  const told = new Map<number, string>(); // each valued time's event before the figures are set right
  const figures = new Map<number, string[] | null>(); // each valued time's baseline figure, read once
  let before = -1; // index in `times` of the last time ending before `expr`
  for (let i = 0; i < valued.length; i++) {
    const expr = valued[i]!;
    // The valued times on either side: a restated date, a range's end, a شهر heading the next month.
    if (datesNoEvent(text, expr, valued[i - 1], valued[i + 1])) continue;
    while (before + 1 < times.length && times[before + 1]!.end <= expr.start) before++;
    // The end of a range whose first time has no value (a window): no event either.
    const opener = times[before];
    if (opener && opener.value === null && endsRange(text, opener, expr)) continue;
    const b = sentenceAt(blocks, expr.start);
    const block = blocks[b];
    if (!block || block.heading) continue;
    const found = eventFor(text, block, expr, byBlock.get(b) ?? [], (view ??= articleView(text, norm)));
    if (!found) continue;
    const event = ownFigure(text, block, valued, i, found, told, figures);
    entries.push({ date: expr.value, when: expr.text, start: expr.start, end: expr.end, event, sentence: sentenceOf[b]! });
  }
  // A clock time and its day in one sentence: the clock time says more.
  const clockDays = new Set(entries.filter((e) => e.date.length === 16).map((e) => `${e.sentence} ${e.date.slice(0, 10)}`));
  return entries.filter((e) => e.date.length !== 10 || !clockDays.has(`${e.sentence} ${e.date}`));
}

/** Farthest (in characters) a time whose figure is compared with another's stands from it: an event is shorter. */
const FIGURE_REACH = 300;

/**
 * The event with the figure its own time dates: a baseline's time ("… مقابل 4ر2 بالمائة خلال سنة
 * 2013") gets its figure in the place of the other; a time compared with a later baseline in its
 * block loses that baseline.
 */
function ownFigure(text: string, block: Sentence, valued: TemporalExpression[], i: number, event: string, told: Map<number, string>, figures: Map<number, string[] | null>): string {
  told.set(i, event);
  const figureOf = (k: number): string[] | null => {
    let f = figures.get(k);
    if (f === undefined) figures.set(k, (f = baselineFigure(text, block.start, valued[k]!)));
    return f;
  };
  const figure = figureOf(i);
  let out = event;
  if (figure) {
    // The figure compared is told with an earlier time of the block ("… 3ر2 بالمائة خلال 2014، مقابل 4ر2 بالمائة، خلال 2013"): that telling, with this figure.
    out = withBaselineFigure(event, figure);
    for (let j = i - 1; j >= 0 && valued[j]!.start >= Math.max(block.start, valued[i]!.start - FIGURE_REACH); j--) {
      const before = told.get(j);
      const mine = before === undefined ? before : withBaselineFigure(before, figure);
      if (mine !== undefined && mine !== before) {
        out = mine;
        break;
      }
    }
  }
  for (let j = i + 1; j < valued.length && valued[j]!.start < Math.min(block.end, valued[i]!.end + FIGURE_REACH); j++) {
    const other = figureOf(j);
    if (other) out = withoutBaseline(out, other);
  }
  return out;
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
