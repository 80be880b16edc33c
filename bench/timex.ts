/**
 * Time expression detection on the hand-annotated TIMEX3 samples (how they were written:
 * test/temporal/README.md): relaxed (any overlap) and strict (same extent) precision, recall and
 * F1, and recall per TimeML type, for each sample apart.
 * - timex-sample.jsonl: 25 ANT articles outside the dev gold; rules were tuned on it.
 * - timex-sample2.jsonl: 30 more ANT articles, held apart: never tune on it (its misses are not listed).
 * - timex-sample3.jsonl: 22 more ANT articles, held apart as the second.
 * Run: npm run bench:timex [-- --verbose]  (--verbose lists each miss and each extra of the first sample)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTemporal } from '../src/core/temporal/index.ts';
import { sharedDataDir } from '../src/config.ts';
import { addCounts, countMatches, overlaps, prf, sameExtent, type TimexCounts, type TimexSpan } from '../test/temporal/timex-score.ts';

interface Annotated {
  id: string;
  published: string;
  timex: TimexSpan[];
}

const verbose = process.argv.includes('--verbose');
const readSample = (file: string): Annotated[] =>
  readFileSync(new URL(`../test/temporal/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Annotated);
const samples = [
  { name: 'TIMEX3 sample (tuned on)', articles: readSample('timex-sample.jsonl'), listMisses: verbose },
  { name: 'TIMEX3 sample 2 (held apart)', articles: readSample('timex-sample2.jsonl'), listMisses: false },
  { name: 'TIMEX3 sample 3 (held apart)', articles: readSample('timex-sample3.jsonl'), listMisses: false },
];
const wanted = new Set(samples.flatMap((s) => s.articles.map((a) => a.id)));
const texts = new Map<string, string>();
for (const line of readFileSync(join(sharedDataDir(), 'data/ant/articles.jsonl'), 'utf8').split('\n')) {
  if (!line) continue;
  const a = JSON.parse(line) as { id: string; text: string };
  if (wanted.has(a.id)) texts.set(a.id, a.text);
}

const zero: TimexCounts = { gold: 0, system: 0, goldMatched: 0, systemMatched: 0 };

/** Lists an article's misses (gold spans nothing overlaps), extras and edge differences. */
function listMisses(id: string, gold: TimexSpan[], found: TimexSpan[]): void {
  for (const g of gold) if (!found.some((s) => overlaps(g, s))) console.log(`  miss  ${id}: «${g.text}» ${g.type}`);
  for (const s of found) if (!gold.some((g) => overlaps(g, s))) console.log(`  extra ${id}: «${s.text}» ${s.type}`);
  for (const s of found) if (gold.some((g) => overlaps(g, s) && !sameExtent(g, s))) console.log(`  edge  ${id}: «${s.text}» vs «${gold.find((g) => overlaps(g, s))?.text}»`);
}

const show = (name: string, c: TimexCounts): string => {
  const { p, r, f } = prf(c);
  return `${name}: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f.toFixed(3)} (gold ${c.gold}, found ${c.system})`;
};

for (const sample of samples) {
  let relaxed = zero;
  let strict = zero;
  const perType = new Map<string, TimexCounts>();
  for (const a of sample.articles) {
    const text = texts.get(a.id);
    if (text === undefined) throw new Error(`${a.id} is not in the ANT articles`);
    const found: TimexSpan[] = findTemporal(text, a.published.slice(0, 10));
    relaxed = addCounts(relaxed, countMatches(a.timex, found, overlaps));
    strict = addCounts(strict, countMatches(a.timex, found, sameExtent));
    for (const g of a.timex) perType.set(g.type, addCounts(perType.get(g.type) ?? zero, countMatches([g], found, overlaps)));
    if (sample.listMisses) listMisses(a.id, a.timex, found);
  }
  console.log(`${sample.name}: ${sample.articles.length} articles, ${relaxed.gold} expressions`);
  console.log(show('relaxed (overlap)', relaxed));
  console.log(show('strict (same extent)', strict));
  const types = ['DATE', 'TIME', 'DURATION', 'SET'].map((t) => {
    const c = perType.get(t) ?? zero;
    return `${t} ${c.goldMatched}/${c.gold}`;
  });
  console.log(`recall by type: ${types.join(', ')}`);
}
