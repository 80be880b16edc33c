/**
 * Time expression detection on the hand-annotated TIMEX3 sample (test/temporal/timex-sample.jsonl,
 * 25 ANT articles outside the dev gold; how it was written: test/temporal/README.md): relaxed (any
 * overlap) and strict (same extent) precision, recall and F1, and recall per TimeML type.
 * Run: npm run bench:timex [-- --verbose]  (--verbose lists each miss and each extra)
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
const sample = readFileSync(new URL('../test/temporal/timex-sample.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Annotated);
const wanted = new Set(sample.map((a) => a.id));
const texts = new Map<string, string>();
for (const line of readFileSync(join(sharedDataDir(), 'data/ant/articles.jsonl'), 'utf8').split('\n')) {
  if (!line) continue;
  const a = JSON.parse(line) as { id: string; text: string };
  if (wanted.has(a.id)) texts.set(a.id, a.text);
}

const zero: TimexCounts = { gold: 0, system: 0, goldMatched: 0, systemMatched: 0 };
let relaxed = zero;
let strict = zero;
const perType = new Map<string, TimexCounts>();
for (const a of sample) {
  const text = texts.get(a.id);
  if (text === undefined) throw new Error(`${a.id} is not in the ANT articles`);
  const found: TimexSpan[] = findTemporal(text, a.published.slice(0, 10));
  relaxed = addCounts(relaxed, countMatches(a.timex, found, overlaps));
  strict = addCounts(strict, countMatches(a.timex, found, sameExtent));
  for (const g of a.timex) perType.set(g.type, addCounts(perType.get(g.type) ?? zero, countMatches([g], found, overlaps)));
  if (!verbose) continue;
  for (const g of a.timex) if (!found.some((s) => overlaps(g, s))) console.log(`  miss  ${a.id}: «${g.text}» ${g.type}`);
  for (const s of found) if (!a.timex.some((g) => overlaps(g, s))) console.log(`  extra ${a.id}: «${s.text}» ${s.type}`);
  for (const s of found) if (a.timex.some((g) => overlaps(g, s) && !sameExtent(g, s))) console.log(`  edge  ${a.id}: «${s.text}» vs «${a.timex.find((g) => overlaps(g, s))?.text}»`);
}
const show = (name: string, c: TimexCounts): string => {
  const { p, r, f } = prf(c);
  return `${name}: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f.toFixed(3)} (gold ${c.gold}, found ${c.system})`;
};
console.log(`TIMEX3 sample: ${sample.length} articles, ${relaxed.gold} expressions`);
console.log(show('relaxed (overlap)', relaxed));
console.log(show('strict (same extent)', strict));
const types = ['DATE', 'TIME', 'DURATION', 'SET'].map((t) => {
  const c = perType.get(t) ?? zero;
  return `${t} ${c.goldMatched}/${c.gold}`;
});
console.log(`recall by type: ${types.join(', ')}`);
