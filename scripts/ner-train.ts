/**
 * The NER trainer as a library: an averaged structured perceptron over BIO tags with the feature
 * templates of src/core/who/features.ts, word clusters from unlabeled text, and jackknifed
 * known-word and known-phrase lists. Used by scripts/train-ner.ts (the shipped model) and by
 * bench/ner.ts (a model held out from the dev split it scores). Deterministic: fixed seeds.
 */
import { readFileSync } from 'node:fs';
import { splitTrainDev, type TaggedSentence } from '../src/core/who/conll.ts';
import {
  buildKnownPhrases,
  buildKnownWords,
  indexPhrases,
  OFFSETS,
  phraseFeatures,
  wordFeatures,
  type Clusters,
  type KnownWords,
  type PhraseIndex,
} from '../src/core/who/features.ts';
import { tokenize } from '../src/core/who/tokenize.ts';
import { learnClusters, rng } from './ner-clusters.ts';
import { loadModel, type NerModelData } from '../src/core/who/tagger.ts';

/** Training settings; the defaults are the shipped configuration (see src/core/who/model/README.md). */
export interface TrainOptions {
  epochs: number;
  /** Tag scheme the model learns (it always tags in BIO). */
  scheme: 'bio' | 'bioes';
  /** Identity features of training words seen at most this often are dropped while training. */
  rare: number;
  phrases: boolean;
  /** Distillation (scripts/ner-distil.ts): every distil-th unlabeled article, analysed with a first model, joins the training sentences; 0 for none. */
  distil: number;
  /** Word-cluster tree branching per level; empty for no clusters. */
  branching: number[];
  clusterMinCount: number;
  clusterMaxWords: number;
  clusterContexts: number;
  clusterIterations: number;
  clusterWindow: number;
  clusterSeed: number;
  /** Jackknife folds for the known-word and known-phrase features. */
  jackknife: number;
  /** Seed of the order sentences are visited in each epoch. */
  seed: number;
  /**
   * Perceptrons trained on different visiting orders (seeds seed, seed+1, …) whose averaged weights
   * are averaged again into the model: one model's marginal choices hang on its order.
   */
  shuffles: number;
  /** Averaged weights below this (perceptron units) are dropped to keep the file small. */
  minAbs: number;
  log: (line: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 12,
  scheme: 'bio',
  rare: 2,
  phrases: true,
  distil: 0,
  branching: [16, 16, 8],
  clusterMinCount: 2,
  clusterMaxWords: 40000,
  clusterContexts: 1000,
  clusterIterations: 12,
  clusterWindow: 1,
  clusterSeed: 20231208,
  jackknife: 5,
  seed: 20231208,
  shuffles: 3,
  minAbs: 0.6,
  log: () => {},
};

/** The texts of a JSONL file of articles (the unlabeled news: ANT). */
export function loadArticles(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Unlabeled sentences for the word clusters: the articles' paragraphs, tokenized. */
export function paragraphs(articles: readonly string[]): string[][] {
  return articles.flatMap((text) => text.split('\n')).map((p) => tokenize(p).map((t) => t.text));
}

/**
 * Validation runs over the training part: slice k is the k-th tenth counted back from its end (slice
 * 0 is what splitTrainDev(part) holds out), each with the rest of the part to train on.
 */
export function validationSlices(part: readonly TaggedSentence[], count: number): { train: TaggedSentence[]; test: TaggedSentence[] }[] {
  const size = part.length - splitTrainDev(part).train.length;
  return Array.from({ length: count }, (_, k) => {
    const end = part.length - k * size;
    return { train: [...part.slice(0, end - size), ...part.slice(end)], test: part.slice(end - size, end) };
  });
}

/**
 * Cross-validation folds over a whole tagged corpus: `count` contiguous blocks of sentences in
 * corpus order, each held out once with the rest to train on. ANERcorp's train.txt marks no
 * document breaks (only 6 of its 4,165 sentences open with a dateline), so the blocks stand in
 * for documents: a block shares at most the one article cut at each of its edges with the rest.
 */
export function crossValidationFolds(all: readonly TaggedSentence[], count: number): { train: TaggedSentence[]; test: TaggedSentence[] }[] {
  const edge = (k: number): number => Math.round((k * all.length) / count);
  return Array.from({ length: count }, (_, k) => ({
    train: [...all.slice(0, edge(k)), ...all.slice(edge(k + 1))],
    test: all.slice(edge(k), edge(k + 1)),
  }));
}

const SCALE = 100;
const TYPES = ['PERS', 'LOC', 'ORG', 'MISC'];

/** The tag set of a scheme. */
function tagSet(scheme: 'bio' | 'bioes'): string[] {
  const parts = scheme === 'bio' ? ['B', 'I'] : ['B', 'I', 'E', 'S'];
  return ['O', ...TYPES.flatMap((t) => parts.map((p) => p + '-' + t))];
}

/** BIO tags of a sentence in the BIOES scheme: a one-word span is S-, a span's last word E-. */
export function toBioes(tags: readonly string[]): string[] {
  return tags.map((t, i) => {
    if (t === 'O') return t;
    const next = tags[i + 1];
    const ends = next === undefined || !next.startsWith('I-') || next.slice(2) !== t.slice(2);
    if (t.startsWith('B-')) return ends ? 'S-' + t.slice(2) : t;
    return ends ? 'E-' + t.slice(2) : t;
  });
}

// Identity features of words seen at most `rare` times are dropped while training, so that the
// weights learn to tag such words the way unseen words must be tagged: by context, shape, clusters.
const IDENTITY = /^-?\d\|(w|s|raw|r1)=/;

/** What a sentence's features depend on besides its words. */
interface FeatureContext {
  known: KnownWords;
  clusters: Clusters;
  entities: PhraseIndex;
  rare: ReadonlySet<string>;
}

function sentenceFeatures(words: readonly string[], ctx: FeatureContext): string[][] {
  const per = words.map((w) => {
    const f = wordFeatures(w, ctx.known, ctx.clusters);
    return ctx.rare.has(w) ? f.map((list) => list.filter((x) => !IDENTITY.test(x))) : f;
  });
  const phrases = phraseFeatures(words, ctx.entities);
  return words.map((_, i) => {
    const fs: string[] = [];
    for (let o = 0; o < OFFSETS.length; o++) {
      const j = i + OFFSETS[o]!;
      if (j >= 0 && j < words.length) fs.push(...per[j]![o]!);
    }
    for (const f of phrases[i]!) fs.push('0|' + f);
    return fs;
  });
}

/** Word clusters from unlabeled text: the ANT articles plus the words of the given training sentences (never dev). */
function clustersFor(train: readonly TaggedSentence[], unlabeled: readonly string[][], o: TrainOptions): Map<string, string> {
  if (o.branching.length === 0) return new Map();
  return learnClusters([...unlabeled, ...train.map((s) => s.words)], {
    minCount: o.clusterMinCount,
    maxWords: o.clusterMaxWords,
    contexts: o.clusterContexts,
    branching: o.branching,
    iterations: o.clusterIterations,
    window: o.clusterWindow,
    seed: o.clusterSeed,
  });
}

/** Trains one model on `train` (word clusters also from `unlabeled`). */
export function trainModel(train: readonly TaggedSentence[], unlabeled: readonly string[][], options: Partial<TrainOptions> = {}): NerModelData {
  const o: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const TAGS = tagSet(o.scheme);
  const N = TAGS.length;
  const tagIndex = new Map(TAGS.map((t, i) => [t, i]));
  const { allowed, canEnd } = loadModel({ tags: TAGS, scale: 1, trans: new Array((N + 1) * N).fill(0), features: '', known: '' });
  const t0 = Date.now();
  const elapsed = (): string => ((Date.now() - t0) / 1000).toFixed(1) + ' s';
  const clusters = clustersFor(train, unlabeled, o);
  // Known-words and known-phrase features are jackknifed: each fold sees the lists built from the
  // other folds only, so the model learns how far to trust them on words it has not seen.
  const FOLDS = o.jackknife;
  const foldOf = (i: number): number => Math.floor((i * FOLDS) / train.length);
  const counts = new Map<string, number>();
  for (const s of train) for (const w of s.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const rare = new Set([...counts].filter(([, n]) => n <= o.rare).map(([w]) => w));
  const foldCtx = Array.from({ length: FOLDS }, (_, k): FeatureContext => {
    const others = train.filter((_, i) => foldOf(i) !== k);
    return { known: buildKnownWords(others), clusters, entities: indexPhrases(o.phrases ? buildKnownPhrases(others) : []), rare };
  });
  const known = buildKnownWords(train);
  const knownPhrases = o.phrases ? buildKnownPhrases(train) : new Map<string, string>();

  const featIndex = new Map<string, number>();
  const featNames: string[] = [];
  const encoded = train.map((s, si) => ({
    feats: sentenceFeatures(s.words, foldCtx[foldOf(si)]!).map((fs) =>
      Int32Array.from(fs, (f) => {
        let id = featIndex.get(f);
        if (id === undefined) {
          id = featNames.length;
          featIndex.set(f, id);
          featNames.push(f);
        }
        return id;
      }),
    ),
    gold: Int32Array.from(o.scheme === 'bio' ? s.tags : toBioes(s.tags), (t) => tagIndex.get(t) ?? 0),
  }));
  const F = featNames.length;
  o.log(`train ${train.length} sentences, ${clusters.size} clustered word forms, ${F} features (${elapsed()})`);

  // The averaged weights of each visiting order, summed (divided by the count below).
  const meanW = new Float64Array(F * N);
  const meanT = new Float64Array((N + 1) * N);
  for (let k = 0; k < o.shuffles; k++) {
    const run = trainPerceptron(encoded, { F, N, allowed, canEnd, epochs: o.epochs, seed: o.seed + k, log: (line) => o.log(line + ` (${elapsed()})`) });
    for (let x = 0; x < meanW.length; x++) meanW[x]! += run.w[x]! / o.shuffles;
    for (let x = 0; x < meanT.length; x++) meanT[x]! += run.t[x]! / o.shuffles;
  }

  // Averaged weights, pruned, scaled to integers, and grouped by base feature (one row per feature
  // holding all positions) so that inference looks each feature up once.
  const rows = new Map<string, string[]>();
  for (let f = 0; f < F; f++) {
    const name = featNames[f]!;
    const bar = name.indexOf('|');
    const base = name.slice(bar + 1);
    const pos = OFFSETS.indexOf(Number(name.slice(0, bar)) as (typeof OFFSETS)[number]);
    for (let t = 0; t < N; t++) {
      const avg = meanW[f * N + t]!;
      if (Math.abs(avg) < o.minAbs) continue;
      const row = rows.get(base) ?? [];
      row.push(`${pos * N + t}:${Math.round(avg * SCALE)}`);
      rows.set(base, row);
    }
  }
  const lines = [...rows].map(([base, pairs]) => base + '\t' + pairs.join(' '));
  const trans = Array.from(meanT, (x) => Math.round(x * SCALE));
  const pairs = (m: ReadonlyMap<string, string>): string => [...m].map(([k, v]) => k + '\t' + v).join('\n');
  o.log(`kept ${lines.length} of ${F} features`);
  return { tags: TAGS, scale: SCALE, trans, features: lines.join('\n'), known: pairs(known), clusters: pairs(clusters), phrases: pairs(knownPhrases) };
}

/** What one perceptron run needs: the feature and tag counts, the BIO constraints, and its order. */
interface PerceptronSetup {
  F: number;
  N: number;
  allowed: Uint8Array;
  canEnd: Uint8Array;
  epochs: number;
  seed: number;
  log: (line: string) => void;
}

/** One averaged structured perceptron over encoded sentences: its averaged weights (F × N) and transitions ((N+1) × N). */
function trainPerceptron(
  encoded: readonly { feats: Int32Array[]; gold: Int32Array }[],
  { F, N, allowed, canEnd, epochs, seed, log }: PerceptronSetup,
): { w: Float64Array; t: Float64Array } {
  // Weights, their running sums for averaging (lazy trick), transitions likewise. Row N of trans = start.
  const w = new Float64Array(F * N);
  const u = new Float64Array(F * N);
  const tw = new Float64Array((N + 1) * N);
  const tu = new Float64Array((N + 1) * N);

  function decode(feats: Int32Array[]): Int32Array {
    const len = feats.length;
    const score = new Float64Array(len * N);
    const back = new Int32Array(len * N);
    const em = new Float64Array(N);
    for (let i = 0; i < len; i++) {
      em.fill(0);
      for (const f of feats[i]!) for (let t = 0; t < N; t++) em[t]! += w[f * N + t]!;
      for (let c = 0; c < N; c++) {
        if (i === 0) {
          score[c] = allowed[N * N + c] ? em[c]! + tw[N * N + c]! : -Infinity;
          continue;
        }
        let best = -Infinity;
        let arg = 0;
        for (let p = 0; p < N; p++) {
          if (!allowed[p * N + c]) continue;
          const s = score[(i - 1) * N + p]! + tw[p * N + c]!;
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        score[i * N + c] = best + em[c]!;
        back[i * N + c] = arg;
      }
    }
    const out = new Int32Array(len);
    let arg = -1;
    for (let c = 0; c < N; c++) if (canEnd[c] && (arg < 0 || score[(len - 1) * N + c]! > score[(len - 1) * N + arg]!)) arg = c;
    for (let i = len - 1; i >= 0; i--) {
      out[i] = arg;
      arg = back[i * N + arg]!;
    }
    return out;
  }

  const random = rng(seed);
  const order = encoded.map((_, i) => i);
  let c = 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (const idx of order) {
      const { feats, gold } = encoded[idx]!;
      const pred = decode(feats);
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        const gp = i > 0 ? gold[i - 1]! : N;
        const pp = i > 0 ? pred[i - 1]! : N;
        if (g !== p) {
          errors++;
          for (const f of feats[i]!) {
            w[f * N + g]! += 1;
            u[f * N + g]! += c;
            w[f * N + p]! -= 1;
            u[f * N + p]! -= c;
          }
        }
        if (g !== p || gp !== pp) {
          tw[gp * N + g]! += 1;
          tu[gp * N + g]! += c;
          tw[pp * N + p]! -= 1;
          tu[pp * N + p]! -= c;
        }
      }
      c++;
    }
    if (epoch === epochs) log(`epoch ${epoch}: ${errors} token errors`);
  }

  return { w: w.map((x, k) => x - u[k]! / c), t: tw.map((x, k) => x - tu[k]! / c) };
}
