/**
 * Word clusters for the NER tagger, learned from unlabeled text at training time (a cheap stand-in
 * for Brown clusters): each frequent word form is described by the words seen just left and right
 * of it, and hierarchical spherical k-means splits the vocabulary into a tree whose path prefixes
 * become features. Names the labelled data never shows land beside names it does.
 */
import { normalize } from '../src/core/text/normalize.ts';
import { knownKey } from '../src/core/who/features.ts';

/** Seeded PRNG (mulberry32) so runs are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options: how many words to cluster, context size, branching per tree level. */
export interface ClusterOptions {
  minCount: number;
  maxWords: number;
  contexts: number;
  branching: number[];
  /** Neighbours counted on each side (1 or 2); each distance has its own dimensions. */
  window: number;
  iterations: number;
  seed: number;
}

interface Sparse {
  idx: Int32Array;
  val: Float32Array;
}

/** Spherical k-means of `items` (unit vectors) into k groups; returns the group of each item. */
function kmeans(vecs: readonly Sparse[], items: readonly number[], dim: number, k: number, iterations: number, random: () => number): Int32Array {
  const assign = new Int32Array(items.length);
  if (items.length <= k) {
    for (let i = 0; i < items.length; i++) assign[i] = i;
    return assign;
  }
  const cent = new Float32Array(k * dim);
  // Seeds: distinct items drawn at random, weighted towards the frequent ones (items come sorted by frequency).
  const used = new Set<number>();
  for (let c = 0; c < k; c++) {
    let pick: number;
    do pick = Math.floor(Math.pow(random(), 2) * items.length);
    while (used.has(pick));
    used.add(pick);
    const v = vecs[items[pick]!]!;
    for (let j = 0; j < v.idx.length; j++) cent[c * dim + v.idx[j]!] = v.val[j]!;
  }
  const sims = new Float32Array(k);
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let i = 0; i < items.length; i++) {
      const v = vecs[items[i]!]!;
      sims.fill(0);
      for (let j = 0; j < v.idx.length; j++) {
        const d = v.idx[j]!;
        const x = v.val[j]!;
        for (let c = 0; c < k; c++) sims[c]! += x * cent[c * dim + d]!;
      }
      let best = 0;
      for (let c = 1; c < k; c++) if (sims[c]! > sims[best]!) best = c;
      if (assign[i] !== best || it === 0) changed++;
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < items.length; i++) {
      const v = vecs[items[i]!]!;
      const base = assign[i]! * dim;
      for (let j = 0; j < v.idx.length; j++) cent[base + v.idx[j]!]! += v.val[j]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += cent[c * dim + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dim; d++) cent[c * dim + d]! /= norm;
    }
    if (changed === 0) break;
  }
  return assign;
}

/**
 * Clusters the word forms (knownKey of each normalized token) of tokenized sentences; returns
 * word → path string, one letter per tree level ("a", "ac", "acf"…).
 */
export function learnClusters(sentences: Iterable<readonly string[]>, opts: ClusterOptions): Map<string, string> {
  const keyed: string[][] = [];
  const freq = new Map<string, number>();
  const keyCache = new Map<string, string>();
  for (const words of sentences) {
    const keys = words.map((w) => {
      let k = keyCache.get(w);
      if (k === undefined) keyCache.set(w, (k = knownKey(normalize(w))));
      return k;
    });
    keyed.push(keys);
    for (const k of keys) freq.set(k, (freq.get(k) ?? 0) + 1);
  }
  const byFreq = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const ctxIndex = new Map(byFreq.slice(0, opts.contexts).map(([w], i) => [w, i]));
  const vocab = byFreq.filter(([, n]) => n >= opts.minCount).slice(0, opts.maxWords).map(([w]) => w);
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  const dim = opts.contexts * 2 * opts.window;
  // Dimensions: (distance - 1) × 2C + (left: 0..C-1, right: C..2C-1).
  const counts = vocab.map(() => new Map<number, number>());
  for (const keys of keyed) {
    for (let i = 0; i < keys.length; i++) {
      const v = vocabIndex.get(keys[i]!);
      if (v === undefined) continue;
      const m = counts[v]!;
      for (let d = 1; d <= opts.window; d++) {
        const base = (d - 1) * 2 * opts.contexts;
        const l = i >= d ? ctxIndex.get(keys[i - d]!) : undefined;
        const r = i + d < keys.length ? ctxIndex.get(keys[i + d]!) : undefined;
        if (l !== undefined) m.set(base + l, (m.get(base + l) ?? 0) + 1);
        if (r !== undefined) m.set(base + opts.contexts + r, (m.get(base + opts.contexts + r) ?? 0) + 1);
      }
    }
  }
  // Positive PMI weights, so that frequent function words do not dominate every vector.
  const ctxTotal = new Float64Array(dim);
  let total = 0;
  for (const m of counts) {
    for (const [d, n] of m) {
      ctxTotal[d]! += n;
      total += n;
    }
  }
  const vecs: Sparse[] = counts.map((m) => {
    let rowTotal = 0;
    for (const n of m.values()) rowTotal += n;
    const entries = [...m]
      .map(([d, n]) => [d, Math.log((n * total) / (rowTotal * ctxTotal[d]!))] as const)
      .filter(([, x]) => x > 0)
      .sort((a, b) => a[0] - b[0]);
    let norm = 0;
    for (const [, x] of entries) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return { idx: Int32Array.from(entries, (e) => e[0]), val: Float32Array.from(entries, (e) => e[1] / norm) };
  });
  const random = rng(opts.seed);
  const path = vocab.map(() => '');
  const split = (items: number[], level: number): void => {
    if (level >= opts.branching.length || items.length < 2) return;
    const groups = kmeans(vecs, items, dim, opts.branching[level]!, opts.iterations, random);
    const parts = new Map<number, number[]>();
    items.forEach((it, i) => {
      const g = groups[i]!;
      path[it] += String.fromCharCode(97 + g);
      const list = parts.get(g) ?? [];
      list.push(it);
      parts.set(g, list);
    });
    for (const g of [...parts.keys()].sort((a, b) => a - b)) split(parts.get(g)!, level + 1);
  };
  split(
    vocab.map((_, i) => i),
    0,
  );
  return new Map(vocab.map((w, i) => [w, path[i]!]));
}

