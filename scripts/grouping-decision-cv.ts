/**
 * Would a small learned decision beat the story grouper's rules? Fits L2-regularised logistic
 * regressions on the tuning part of test/stories/pairs.jsonl only (the held-out and fresh parts are
 * never read), over the rules' verdict (similarity minus what the margins ask) and what the rules
 * leave out: the article's similarity to the candidate story as a whole, the story's size, the words'
 * share of the similarity, rare terms, a shared person, one dated day, days apart. Prints each
 * feature set's 5-fold cross-validated log loss and precision/recall, and the chosen model's weights.
 *
 *   npm run bench:grouping -- --evidence /tmp/evidence.jsonl
 *   npx tsx scripts/grouping-decision-cv.ts /tmp/evidence.jsonl
 *
 * On the 112 tuning pairs of December 2026 no feature set did clearly better than the rules' verdict
 * alone (CV log loss 0.340-0.368 against 0.351, no better precision at any recall), and grouping with
 * the models tried lowered joins right on every held-out part, so the grouper keeps its rules.
 */
import { readFileSync } from 'node:fs';
import type { PairEvidence } from '../src/stories/index-terms.ts';

/** The features that may be weighed, by name. */
const FEATURES: Readonly<Record<string, (e: PairEvidence) => number>> = {
  margin: (e) => e.score - e.needed,
  score: (e) => e.score,
  story: (e) => e.story,
  storyGap: (e) => e.score - e.story,
  logSize: (e) => Math.log2(e.size),
  words: (e) => e.words,
  wordShare: (e) => (e.score > 0 ? e.words / e.score : 0),
  rare: (e) => Math.min(e.rare, 8),
  person: (e) => (e.person ? 1 : 0),
  sameDate: (e) => (e.sameDate ? 1 : 0),
  days: (e) => e.days,
};

/** The features of some evidence, in the given order. */
function featureVector(names: readonly string[], e: PairEvidence): number[] {
  return names.map((n) => FEATURES[n]!(e));
}

interface Row {
  part: string;
  same: boolean;
  evidence: PairEvidence;
}

/** The feature sets tried: the rules' verdict alone, then with what the rules leave out. */
const FEATURE_SETS: string[][] = [
  ['margin'],
  ['margin', 'story'],
  ['margin', 'words'],
  ['margin', 'wordShare'],
  ['margin', 'wordShare', 'person', 'rare'],
  ['margin', 'storyGap', 'logSize'],
  ['margin', 'story', 'logSize', 'days'],
  ['margin', 'story', 'logSize', 'rare', 'person', 'sameDate', 'days'],
  ['score', 'story', 'logSize', 'rare', 'person', 'sameDate', 'days'],
];
const LAMBDAS = [0.01, 0.03, 0.1, 0.3, 1];
const FOLDS = 5;
/** Cuts whose cross-validated precision and recall are shown. */
const CUTS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9];

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Mean and spread of each column. */
function standardise(xs: number[][]): { mean: number[]; scale: number[] } {
  const n = xs.length;
  const d = xs[0]!.length;
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((s, x) => s + x[j]!, 0) / n);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / n) || 1);
  return { mean, scale };
}

/** L2-regularised logistic regression by gradient descent on standardised features (the bias is not penalised). */
function fit(xs: number[][], ys: number[], lambda: number): { weights: number[]; bias: number; mean: number[]; scale: number[] } {
  const { mean, scale } = standardise(xs);
  const zs = xs.map((x) => x.map((v, j) => (v - mean[j]!) / scale[j]!));
  const d = mean.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const n = zs.length;
  for (let it = 0; it < 4000; it++) {
    const gw = w.map((v) => lambda * v);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const z = zs[i]!;
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * z[j]!;
      const err = sigmoid(s) - ys[i]!;
      for (let j = 0; j < d; j++) gw[j]! += (err * z[j]!) / n;
      gb += err / n;
    }
    for (let j = 0; j < d; j++) w[j]! -= 0.5 * gw[j]!;
    b -= 0.5 * gb;
  }
  return { weights: w, bias: b, mean, scale };
}

function predict(m: { weights: number[]; bias: number; mean: number[]; scale: number[] }, x: number[]): number {
  let s = m.bias;
  for (let j = 0; j < x.length; j++) s += (m.weights[j]! * (x[j]! - m.mean[j]!)) / m.scale[j]!;
  return sigmoid(s);
}

/** Out-of-fold probabilities (folds by position: every FOLDS-th row). */
function crossValidate(xs: number[][], ys: number[], lambda: number): number[] {
  const out = new Array<number>(xs.length).fill(0);
  for (let f = 0; f < FOLDS; f++) {
    const train = xs.flatMap((x, i) => (i % FOLDS === f ? [] : [i]));
    const m = fit(train.map((i) => xs[i]!), train.map((i) => ys[i]!), lambda);
    xs.forEach((x, i) => {
      if (i % FOLDS === f) out[i] = predict(m, x);
    });
  }
  return out;
}

function logLoss(ps: number[], ys: number[]): number {
  const eps = 1e-9;
  return -ps.reduce((s, p, i) => s + (ys[i] ? Math.log(p + eps) : Math.log(1 - p + eps)), 0) / ps.length;
}

/** Precision and recall of joining at p ≥ cut. */
function pr(ps: number[], ys: number[], cut: number): { precision: number; recall: number } {
  let tp = 0;
  let joined = 0;
  const pos = ys.filter((y) => y === 1).length;
  ps.forEach((p, i) => {
    if (p < cut) return;
    joined++;
    if (ys[i]) tp++;
  });
  return { precision: joined ? tp / joined : 1, recall: pos ? tp / pos : 1 };
}

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx scripts/grouping-decision-cv.ts EVIDENCE.jsonl');
const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row).filter((r) => r.part === 'tune');
const ys = rows.map((r) => (r.same ? 1 : 0));
console.log(`${rows.length} tuning pairs (${ys.filter((y) => y).length} the same happening)`);

let best: { names: string[]; lambda: number; loss: number; ps: number[] } | undefined;
for (const names of FEATURE_SETS) {
  const xs = rows.map((r) => featureVector(names, r.evidence));
  for (const lambda of LAMBDAS) {
    const ps = crossValidate(xs, ys, lambda);
    const loss = logLoss(ps, ys);
    const { precision, recall } = pr(ps, ys, 0.5);
    console.log(`${names.join('+').padEnd(52)} λ=${String(lambda).padEnd(4)} CV log loss ${loss.toFixed(4)}, at 0.5 precision ${(100 * precision).toFixed(1)}% recall ${(100 * recall).toFixed(1)}%`);
    if (!best || loss < best.loss - 1e-6) best = { names, lambda, loss, ps };
  }
}
const chosen = best!;
for (const names of [['margin'], chosen.names]) {
  const cv = crossValidate(rows.map((r) => featureVector(names, r.evidence)), ys, chosen.lambda);
  const curve = CUTS.map((c) => {
    const { precision, recall } = pr(cv, ys, c);
    return `${c}: ${(100 * precision).toFixed(0)}/${(100 * recall).toFixed(0)}`;
  });
  console.log(`CV precision/recall by cut, ${names.join('+')}: ${curve.join(', ')}`);
}
const fitted = fit(rows.map((r) => featureVector(chosen.names, r.evidence)), ys, chosen.lambda);
console.log(`chosen by CV log loss: ${chosen.names.join(' + ')}, λ=${chosen.lambda}`);
console.log(JSON.stringify({ features: chosen.names, ...fitted }));
