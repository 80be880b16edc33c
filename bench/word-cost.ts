/**
 * The cold per-word cost of the analysis (issue 9): the functions the analysis computes once per
 * distinct word and caches, each run over the distinct words of the ANT articles with nothing
 * cached, in µs per word. A cold `mojaz analyze --jsonl` pays these once per new word.
 *
 *   npx tsx bench/word-cost.ts [--rounds 5] [FILE.jsonl]
 *
 * Each round takes every function over all the words once (a fresh tagger for the tagger's
 * functions); the best and median round are printed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { normalize } from '../src/core/text/normalize.ts';
import { lightStem } from '../src/core/text/tokens.ts';
import { isStopword } from '../src/core/text/stopwords.ts';
import { splitClitics, strippedCandidates } from '../src/core/who/clitics.ts';
import { dictionaryClass } from '../src/core/who/dictionary.ts';
import { GAZ_PHRASE_INDEX, featureTiers, phraseStarts, type ParsedWord } from '../src/core/who/features.ts';
import { makeWordForms } from '../src/core/who/doc.ts';
import { tokenize } from '../src/core/who/tokenize.ts';
import { loadTagger, type NerModelData } from '../src/core/who/tagger.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const rounds = at >= 0 ? Number(args[at + 1]) : 5;
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds') ??
  fileURLToPath(new URL('../../shared/data/ant/articles.jsonl', import.meta.url));

/** The distinct tokens of the articles' titles and texts, in first-seen order. */
function distinctWords(path: string): string[] {
  const seen = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const a = JSON.parse(line) as { title?: string; text?: string };
    for (const t of tokenize(`${a.title ?? ''}\n${a.text ?? ''}`)) seen.add(t.text);
  }
  return [...seen];
}

const words = distinctWords(file);
const norms = words.map((w) => normalize(w));
const parsed: ParsedWord[] = norms.map((norm) => ({ norm, split: splitClitics(norm) }));
const modelData = JSON.parse(readFileSync(new URL('../src/core/who/model/ner-model.json', import.meta.url), 'utf8')) as NerModelData;

let sink = 0;
/** One pass of a per-word function over all words: µs per word. `setup` runs untimed before it. */
type Case = { name: string; setup?: () => void; run: (i: number) => unknown };

let tagger = loadTagger(modelData);
const model = tagger.model;
const cases: Case[] = [
  { name: 'normalize', run: (i) => normalize(words[i]!) },
  { name: 'splitClitics', run: (i) => splitClitics(norms[i]!) },
  { name: 'strippedCandidates', run: (i) => strippedCandidates(norms[i]!) },
  { name: 'dictionaryClass', run: (i) => dictionaryClass(norms[i]!) },
  { name: 'featureTiers', run: (i) => featureTiers(words[i]!, model.known, model.clusters, parsed[i]!) },
  { name: 'phraseStarts (gazetteer)', run: (i) => phraseStarts(norms[i]!, GAZ_PHRASE_INDEX) },
  {
    name: 'tagger entry (vector + phrases)',
    setup: () => (tagger = loadTagger(modelData)),
    run: (i) => tagger.emissions([words[i]!], [norms[i]!]),
  },
  { name: 'who wordForms', run: (i) => makeWordForms(words[i]!) },
  {
    name: 'brief contentStem',
    run: (i) => {
      const w = norms[i]!.toLowerCase();
      return w.length < 2 || isStopword(w) ? '' : lightStem(w);
    },
  },
];

function pass(c: Case): number {
  c.setup?.();
  const t0 = performance.now();
  for (let i = 0; i < words.length; i++) if (c.run(i) !== undefined) sink++;
  return ((performance.now() - t0) * 1000) / words.length;
}

console.log(`${words.length} distinct words from ${file}, ${rounds} rounds, load ${loadavg()[0]!.toFixed(2)}`);
const results = cases.map((c) => ({ name: c.name, times: [] as number[] }));
for (let r = 0; r < rounds; r++) cases.forEach((c, k) => results[k]!.times.push(pass(c)));
for (const { name, times } of results) {
  const sorted = [...times].sort((a, b) => a - b);
  const first = times[0]!;
  console.log(`${name.padEnd(32)} first ${first.toFixed(2)}  best ${sorted[0]!.toFixed(2)}  median ${sorted[sorted.length >> 1]!.toFixed(2)} µs/word`);
}
if (sink < 0) console.log(sink);
