/** Scoring of time expressions against hand-marked TIMEX3 spans (test/temporal/timex-sample.jsonl), for bench/timex.ts. */

/** A marked or found span: offsets into the article's text, and its TimeML type. */
export interface TimexSpan {
  start: number;
  end: number;
  text: string;
  type: string;
}

/** Counts of one scoring: gold and system spans, and how many of each were matched. */
export interface TimexCounts {
  gold: number;
  system: number;
  goldMatched: number;
  systemMatched: number;
}

/** Whether two spans share at least one character. */
export const overlaps = (a: TimexSpan, b: TimexSpan): boolean => a.start < b.end && b.start < a.end;

/** Whether two spans cover the same characters once spaces at their edges are left out. */
export function sameExtent(a: TimexSpan, b: TimexSpan): boolean {
  const trim = (s: TimexSpan): [number, number] => {
    const lead = s.text.length - s.text.trimStart().length;
    const tail = s.text.length - s.text.trimEnd().length;
    return [s.start + lead, s.end - tail];
  };
  const [as, ae] = trim(a);
  const [bs, be] = trim(b);
  return as === bs && ae === be;
}

/** Counts one article: a gold span is found when a system span matches it, a system span is right when it matches a gold one. */
export function countMatches(gold: TimexSpan[], system: TimexSpan[], match: (g: TimexSpan, s: TimexSpan) => boolean): TimexCounts {
  return {
    gold: gold.length,
    system: system.length,
    goldMatched: gold.filter((g) => system.some((s) => match(g, s))).length,
    systemMatched: system.filter((s) => gold.some((g) => match(g, s))).length,
  };
}

/** Sums counts over articles. */
export function addCounts(a: TimexCounts, b: TimexCounts): TimexCounts {
  return { gold: a.gold + b.gold, system: a.system + b.system, goldMatched: a.goldMatched + b.goldMatched, systemMatched: a.systemMatched + b.systemMatched };
}

/** Precision, recall and F1 of summed counts. */
export function prf(c: TimexCounts): { p: number; r: number; f: number } {
  const p = c.system ? c.systemMatched / c.system : 0;
  const r = c.gold ? c.goldMatched / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
