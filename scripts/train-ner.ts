/**
 * Trains the NER tagger: an averaged structured perceptron over BIO tags on the training part of
 * ANERcorp (all but the last tenth of the sentences, which stays held out as the dev split), and
 * writes src/core/who/model/ner-model.json. Deterministic: fixed seed, fixed epochs.
 *
 * Usage: npm run train:ner [-- --data PATH --epochs N --out PATH]
 *        npm run train:ner -- --validate [--folds K]   (tuning: scores K validation slices of the
 *        training part, each a tenth, pooled; dev is never touched and no model is written)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseConll, splitTrainDev, type TaggedSentence } from '../src/core/who/conll.ts';
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
import { scoreSpans } from '../src/core/who/bio.ts';
import { loadModel, tagWords, type NerModelData } from '../src/core/who/tagger.ts';

const args = process.argv.slice(2);
function arg(name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}
const DATA = arg('--data', '../shared/data/anercorp/train.txt');
const UNLABELED = arg('--unlabeled', '../shared/data/ant/articles.jsonl');
const BRANCHING = args.includes('--no-clusters') ? [] : arg('--branching', '16,16,8').split(',').filter(Boolean).map(Number);
const EPOCHS = Number(arg('--epochs', '12'));
const OUT = arg('--out', 'src/core/who/model/ner-model.json');
const RARE = Number(arg('--rare', '2'));
const USE_PHRASES = !args.includes('--no-phrases');
const SCALE = 100;
const MIN_ABS = Number(arg('--min', '0.6')); // averaged weights below this (in perceptron units) are dropped to keep the file small

const TAGS = ['O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'];
const N = TAGS.length;
const tagIndex = new Map(TAGS.map((t, i) => [t, i]));
const allowed = loadModel({ tags: TAGS, scale: 1, trans: new Array((N + 1) * N).fill(0), features: '', known: '' }).allowed;
const t0 = Date.now();
const elapsed = (): string => ((Date.now() - t0) / 1000).toFixed(1) + ' s';

// Identity features of words seen at most RARE times are dropped while training, so that the
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
function clustersFor(train: readonly TaggedSentence[], unlabeled: readonly string[][]): Map<string, string> {
  if (BRANCHING.length === 0) return new Map();
  return learnClusters([...unlabeled, ...train.map((s) => s.words)], {
    minCount: Number(arg('--cmin', '2')),
    maxWords: Number(arg('--cmax', '40000')),
    contexts: Number(arg('--ctx', '1000')),
    branching: BRANCHING,
    iterations: Number(arg('--citer', '12')),
    window: Number(arg('--window', '1')),
    seed: Number(arg('--cseed', '20231208')),
  });
}

/** Trains one model on `train`. */
function trainModel(train: readonly TaggedSentence[], unlabeled: readonly string[][]): NerModelData {
  const clusters = clustersFor(train, unlabeled);
  // Known-words and known-phrase features are jackknifed: each fold sees the lists built from the
  // other folds only, so the model learns how far to trust them on words it has not seen.
  const FOLDS = Number(arg('--jk', '5'));
  const foldOf = (i: number): number => Math.floor((i * FOLDS) / train.length);
  const counts = new Map<string, number>();
  for (const s of train) for (const w of s.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const rare = new Set([...counts].filter(([, n]) => n <= RARE).map(([w]) => w));
  const foldCtx = Array.from({ length: FOLDS }, (_, k): FeatureContext => {
    const others = train.filter((_, i) => foldOf(i) !== k);
    return { known: buildKnownWords(others), clusters, entities: indexPhrases(USE_PHRASES ? buildKnownPhrases(others) : []), rare };
  });
  const known = buildKnownWords(train);
  const knownPhrases = USE_PHRASES ? buildKnownPhrases(train) : new Map<string, string>();

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
    gold: Int32Array.from(s.tags, (t) => tagIndex.get(t) ?? 0),
  }));
  const F = featNames.length;
  console.log(`train ${train.length} sentences, ${clusters.size} clustered word forms, ${F} features (${elapsed()})`);

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
    let arg = 0;
    for (let c = 1; c < N; c++) if (score[(len - 1) * N + c]! > score[(len - 1) * N + arg]!) arg = c;
    for (let i = len - 1; i >= 0; i--) {
      out[i] = arg;
      arg = back[i * N + arg]!;
    }
    return out;
  }

  const random = rng(20231208);
  const order = encoded.map((_, i) => i);
  let c = 1;
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
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
    if (epoch === EPOCHS) console.log(`epoch ${epoch}: ${errors} token errors (${elapsed()})`);
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
      const avg = w[f * N + t]! - u[f * N + t]! / c;
      if (Math.abs(avg) < MIN_ABS) continue;
      const row = rows.get(base) ?? [];
      row.push(`${pos * N + t}:${Math.round(avg * SCALE)}`);
      rows.set(base, row);
    }
  }
  const lines = [...rows].map(([base, pairs]) => base + '\t' + pairs.join(' '));
  const trans = Array.from(tw, (x, k) => Math.round((x - tu[k]! / c) * SCALE));
  const pairs = (m: ReadonlyMap<string, string>): string => [...m].map(([k, v]) => k + '\t' + v).join('\n');
  console.log(`kept ${lines.length} of ${F} features`);
  return { tags: TAGS, scale: SCALE, trans, features: lines.join('\n'), known: pairs(known), clusters: pairs(clusters), phrases: pairs(knownPhrases) };
}

const all = parseConll(readFileSync(DATA, 'utf8'));
const split = splitTrainDev(all);
const unlabeled = readFileSync(UNLABELED, 'utf8')
  .split('\n')
  .filter(Boolean)
  .flatMap((l) => (JSON.parse(l) as { text: string }).text.split('\n'))
  .map((p) => tokenize(p).map((t) => t.text));

// --validate: tune on slices of the training part only (dev stays untouched); writes no model.
// Slice k is the k-th tenth counted back from the end of the training part; slice 0 is what
// splitTrainDev(training part) holds out.
const VALIDATE = args.includes('--validate');
const runs: { train: TaggedSentence[]; test: TaggedSentence[] }[] = [];
if (VALIDATE) {
  const part = split.train;
  const size = part.length - splitTrainDev(part).train.length;
  for (let k = 0; k < Number(arg('--folds', '5')); k++) {
    const end = part.length - k * size;
    runs.push({ train: [...part.slice(0, end - size), ...part.slice(end)], test: part.slice(end - size, end) });
  }
} else runs.push({ train: split.train, test: split.dev });

const gold: string[][] = [];
const pred: string[][] = [];
for (const run of runs) {
  const model = trainModel(run.train, unlabeled);
  if (!VALIDATE || args.includes('--out')) {
    const json = JSON.stringify(model);
    writeFileSync(OUT, json + '\n');
    console.log(`wrote ${OUT} (${(json.length / 1e6).toFixed(2)} MB)`);
  }
  // Held-out figures, for information only: nothing above depends on them.
  const loaded = loadModel(model);
  const foldPred = run.test.map((s) => tagWords(s.words, loaded));
  if (runs.length > 1) {
    const f = scoreSpans(
      run.test.map((s) => s.tags),
      foldPred,
      ['PERS', 'LOC', 'ORG'],
    ).ALL!;
    console.log(`validation slice ${runs.indexOf(run)} (${run.test.length} sentences): ALL F1 ${f.f1.toFixed(3)}`);
  }
  gold.push(...run.test.map((s) => s.tags));
  pred.push(...foldPred);
}
const scores = scoreSpans(gold, pred, ['PERS', 'LOC', 'ORG']);
const label = VALIDATE ? `validation (${runs.length} slices pooled)` : 'dev';
for (const [t, s] of Object.entries(scores)) console.log(`${label} ${t}: P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)}`);
console.log(`done in ${elapsed()}`);
