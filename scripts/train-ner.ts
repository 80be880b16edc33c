/**
 * Trains the NER tagger (scripts/ner-train.ts) and writes src/core/who/model/ner-model.json.
 * The shipped model is trained on the whole training portion of ANERcorp; the figures on the dev
 * split (its last tenth) come from a model trained without it (`--dev`, and bench/ner.ts).
 * Deterministic: fixed seeds, fixed epochs.
 *
 * Usage: npm run train:ner [-- --data PATH --out PATH --epochs N …]   the shipped model (all data)
 *        npm run train:ner -- --dev [--out PATH]    train without the dev split and score it
 *        npm run train:ner -- --validate [--folds K]   tuning: K validation slices of the training
 *          part (dev excluded), each a tenth, pooled; no model is written unless --out is given
 *        --shuffles K   average K perceptrons trained on different visiting orders (seeds seed … seed+K−1)
 *        --distil N   also train on every N-th ANT article analysed with a first model (scripts/ner-distil.ts; off by default)
 */
import { writeFileSync } from 'node:fs';
import { parseConll, splitTrainDev, type TaggedSentence } from '../src/core/who/conll.ts';
import { readFileSync } from 'node:fs';
import { scoreSpans } from '../src/core/who/bio.ts';
import { loadModel, tagWords } from '../src/core/who/tagger.ts';
import { DEFAULT_TRAIN_OPTIONS, loadArticles, validationSlices, type TrainOptions } from './ner-train.ts';
import { trainDistilled } from './ner-distil.ts';

const args = process.argv.slice(2);
function arg(name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}
const num = (name: string, fallback: number): number => Number(arg(name, String(fallback)));
const d = DEFAULT_TRAIN_OPTIONS;
const t0 = Date.now();
const options: TrainOptions = {
  epochs: num('--epochs', d.epochs),
  scheme: args.includes('--bioes') ? 'bioes' : args.includes('--bio') ? 'bio' : d.scheme,
  rare: num('--rare', d.rare),
  phrases: !args.includes('--no-phrases'),
  distil: num('--distil', d.distil),
  branching: args.includes('--no-clusters') ? [] : arg('--branching', d.branching.join(',')).split(',').filter(Boolean).map(Number),
  clusterMinCount: num('--cmin', d.clusterMinCount),
  clusterMaxWords: num('--cmax', d.clusterMaxWords),
  clusterContexts: num('--ctx', d.clusterContexts),
  clusterIterations: num('--citer', d.clusterIterations),
  clusterWindow: num('--window', d.clusterWindow),
  clusterSeed: num('--cseed', d.clusterSeed),
  jackknife: num('--jk', d.jackknife),
  seed: num('--seed', d.seed),
  shuffles: num('--shuffles', d.shuffles),
  minAbs: num('--min', d.minAbs),
  log: (line) => console.log(line),
};
const DATA = arg('--data', '../shared/data/anercorp/train.txt');
const UNLABELED = arg('--unlabeled', '../shared/data/ant/articles.jsonl');
const OUT = arg('--out', 'src/core/who/model/ner-model.json');
const VALIDATE = args.includes('--validate');
const DEV = args.includes('--dev');

const all = parseConll(readFileSync(DATA, 'utf8'));
const split = splitTrainDev(all);
const articles = loadArticles(UNLABELED);

if (!VALIDATE && !DEV) {
  const model = { ...trainDistilled(all, articles, options), trainedOn: 'all' as const };
  const json = JSON.stringify(model);
  writeFileSync(OUT, json + '\n');
  console.log(`wrote ${OUT} (${(json.length / 1e6).toFixed(2)} MB), trained on all ${all.length} sentences; dev figures: npm run bench:ner`);
} else {
  // --dev scores the dev split; --validate scores slices of the training part only (dev untouched).
  const runs: { train: TaggedSentence[]; test: TaggedSentence[] }[] = VALIDATE
    ? validationSlices(split.train, num('--folds', 5))
    : [{ train: split.train, test: split.dev }];

  const gold: string[][] = [];
  const pred: string[][] = [];
  for (const [k, run] of runs.entries()) {
    const model = { ...trainDistilled(run.train, articles, options), trainedOn: 'train-minus-dev' as const };
    if (args.includes('--out')) writeFileSync(OUT, JSON.stringify(model) + '\n');
    const loaded = loadModel(model);
    const foldPred = run.test.map((s) => tagWords(s.words, loaded));
    if (runs.length > 1) {
      const f = scoreSpans(run.test.map((s) => s.tags), foldPred, ['PERS', 'LOC', 'ORG']).ALL!;
      console.log(`validation slice ${k} (${run.test.length} sentences): ALL F1 ${f.f1.toFixed(3)}`);
    }
    gold.push(...run.test.map((s) => s.tags));
    pred.push(...foldPred);
  }
  const label = VALIDATE ? `validation (${runs.length} slices pooled)` : 'dev';
  for (const [t, s] of Object.entries(scoreSpans(gold, pred, ['PERS', 'LOC', 'ORG']))) {
    console.log(`${label} ${t}: P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)}`);
  }
}
console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
