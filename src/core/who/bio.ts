/** BIO tag sequences: spans out of tags, and exact-span scoring (conlleval style). */

/** A typed span over token indices, end exclusive. */
export interface TagSpan {
  type: string;
  start: number;
  end: number;
}

/** Spans from IOB2 tags; an I- without a matching B- opens a new span, as conlleval does. */
export function spansFromTags(tags: readonly string[]): TagSpan[] {
  const out: TagSpan[] = [];
  let cur: TagSpan | undefined;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const type = tag.length > 2 ? tag.slice(2) : '';
    if (tag.startsWith('B-') || (tag.startsWith('I-') && (!cur || cur.type !== type))) {
      if (cur) out.push(cur);
      cur = { type, start: i, end: i + 1 };
    } else if (tag.startsWith('I-') && cur) {
      cur.end = i + 1;
    } else {
      if (cur) out.push(cur);
      cur = undefined;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Precision, recall and F1 counts for one type (or all). */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { tp, fp, fn, p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** Exact-span P/R/F1 per type and overall over the given types, from gold and predicted tag sequences. */
export function scoreSpans(
  gold: readonly (readonly string[])[],
  pred: readonly (readonly string[])[],
  types: readonly string[],
): Record<string, Prf> {
  const counts = new Map<string, [number, number, number]>();
  for (const t of [...types, 'ALL']) counts.set(t, [0, 0, 0]);
  for (let s = 0; s < gold.length; s++) {
    const g = spansFromTags(gold[s]!).filter((x) => types.includes(x.type));
    const p = spansFromTags(pred[s]!).filter((x) => types.includes(x.type));
    const key = (x: TagSpan): string => `${x.type}:${x.start}:${x.end}`;
    const gs = new Set(g.map(key));
    const ps = new Set(p.map(key));
    for (const x of p) {
      const hit = gs.has(key(x));
      for (const t of [x.type, 'ALL']) counts.get(t)![hit ? 0 : 1]++;
    }
    for (const x of g) if (!ps.has(key(x))) for (const t of [x.type, 'ALL']) counts.get(t)![2]++;
  }
  const out: Record<string, Prf> = {};
  for (const [t, [tp, fp, fn]] of counts) out[t] = prf(tp, fp, fn);
  return out;
}
