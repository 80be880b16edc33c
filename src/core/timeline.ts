/** The timeline: dated events, oldest first, one per distinct (date, event). */
import type { Sentence, TemporalExpression, TimelineEntry } from './types.ts';
import { articleView, eventFor, type ArticleView } from './temporal/event.ts';
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

/** Up to this many events, comparing each with those kept is cheaper than indexing them (same result). */
const SCAN_LIMIT = 64;

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
 * Drops an event already kept for the same date. Candidates come from an index rather than a scan
 * of everything kept (prefix filtering): when two word sets share ≥ 70% of the smaller one, the
 * smaller one's rarest words include a shared one, so indexing each kept set by its rarest words
 * and probing with a candidate's rarest words finds every match.
 */
class EventDeduper {
  private readonly all = new Map<string, number[]>();
  private readonly rare = new Map<string, number[]>();
  private readonly kept: { date: string; words: Set<string> }[] = [];

  constructor(private readonly rank: (w: string) => number) {}

  /** The words of `words` that a match must share one of when `words` is the smaller set, rarest first. */
  private prefix(words: Set<string>): string[] {
    const sorted = [...words].sort((a, b) => this.rank(a) - this.rank(b) || (a < b ? -1 : 1));
    let need = 0; // the fewest shared words sameEvent accepts for a set this size
    while (need < words.size && need / words.size < SAME_EVENT_OVERLAP) need++;
    return sorted.slice(0, words.size - need + 1);
  }

  /** Keeps the event unless one of the same date is the same event; says whether it was kept. */
  add(date: string, words: Set<string>): boolean {
    const key = (w: string): string => `${date}\u0000${w}`;
    const seen = new Set<number>();
    const check = (ids: number[] | undefined): boolean => {
      for (const id of ids ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        if (sameEvent(this.kept[id]!.words, words)) return true;
      }
      return false;
    };
    const mine = this.prefix(words);
    // This set the smaller one: a kept set holds one of its rarest words.
    for (const w of mine) if (check(this.all.get(key(w)))) return false;
    // A kept set the smaller one: this set holds one of that set's rarest words.
    for (const w of words) if (check(this.rare.get(key(w)))) return false;
    if (words.size === 0 && check(this.all.get(key('')))) return false;
    const id = this.kept.length;
    this.kept.push({ date, words });
    const push = (map: Map<string, number[]>, w: string): void => {
      const list = map.get(key(w));
      if (list) list.push(id);
      else map.set(key(w), [id]);
    };
    for (const w of words) push(this.all, w);
    for (const w of mine) push(this.rare, w);
    if (words.size === 0) push(this.all, '');
    return true;
  }
}

/** Builds the timeline from the segmentation and the resolved time expressions. Linear in the text (up to a log). */
export function buildTimeline(text: string, sentences: Sentence[], temporal: TemporalExpression[]): TimelineEntry[] {
  const times = [...temporal].sort((a, b) => a.start - b.start);
  const bySentence = timesBySentence(sentences, times);
  const entries: TimelineEntry[] = [];
  let view: ArticleView | null = null; // normalized once, and only when something is dated
  for (const expr of times) {
    if (expr.value === null) continue;
    const k = sentenceAt(sentences, expr.start);
    const sentence = sentences[k];
    if (!sentence || sentence.heading) continue;
    const event = eventFor(text, sentence, expr, bySentence.get(k) ?? [], (view ??= articleView(text)));
    if (!event) continue;
    entries.push({ date: expr.value, when: expr.text, start: expr.start, end: expr.end, event, sentence: k });
  }
  // A clock time and its day in one sentence: the clock time says more.
  const clockDays = new Set(entries.filter((e) => e.date.length === 16).map((e) => `${e.sentence} ${e.date.slice(0, 10)}`));
  const precise = entries.filter((e) => e.date.length !== 10 || !clockDays.has(`${e.sentence} ${e.date}`));
  const wordsOf = precise.map((e) => contentWords(e.event));
  let kept: TimelineEntry[];
  if (precise.length <= SCAN_LIMIT) {
    const seen: { date: string; words: Set<string> }[] = [];
    kept = precise.filter((entry, i) => {
      const words = wordsOf[i]!;
      if (seen.some((k) => k.date === entry.date && sameEvent(k.words, words))) return false;
      seen.push({ date: entry.date, words });
      return true;
    });
  } else {
    const frequency = new Map<string, number>();
    for (const ws of wordsOf) for (const w of ws) frequency.set(w, (frequency.get(w) ?? 0) + 1);
    const dedupe = new EventDeduper((w) => frequency.get(w) ?? 0);
    kept = precise.filter((entry, i) => dedupe.add(entry.date, wordsOf[i]!));
  }
  return kept.sort((a, b) => {
    const ka = periodKey(a.date);
    const kb = periodKey(b.date);
    if (ka.start !== kb.start) return ka.start < kb.start ? -1 : 1;
    if (ka.rank !== kb.rank) return ka.rank - kb.rank;
    return a.start - b.start;
  });
}
