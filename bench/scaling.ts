/**
 * Scaling benchmark: analyze() on ANT articles joined into texts of 100 K, 400 K, 1.6 M and 5 M
 * characters, and the time expressions + timeline alone on the whole (unchunked) text. Linear
 * code shows a flat "per 100 K" column.
 * Run: npm run bench:scaling [-- SIZE ...]  (sizes in characters; data from $MOJAZ_SHARED or ../shared)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/core/analyze.ts';
import { sharedDataDir } from '../src/config.ts';
import { findTemporal } from '../src/core/temporal/index.ts';
import { buildTimeline } from '../src/core/timeline.ts';
import { segment } from '../src/core/text/segment.ts';
import { cpuMs } from './cpu.ts';

const shared = sharedDataDir();
const joined = readFileSync(join(shared, 'data/ant/articles.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text: string }).text)
  .join('\n');
const args = process.argv.slice(2).map(Number).filter((n) => n > 0);
const sizes = args.length > 0 ? args : [100_000, 400_000, 1_600_000, 5_000_000];
const REFERENCE = '2023-12-08';

/** The joined articles repeated (or cut) to `n` characters. */
function textOf(n: number): string {
  const parts: string[] = [];
  for (let len = 0; len < n; len += joined.length + 1) parts.push(joined);
  return parts.join('\n').slice(0, n);
}

analyze({ text: textOf(20_000), reference: REFERENCE }); // warm-up: JIT and lexicons
console.log('characters\tanalyze ms\tper 100K\ttemporal+timeline ms\tper 100K\ttimeline entries');
for (const n of sizes) {
  const text = textOf(n);
  const all = cpuMs(() => void analyze({ text, reference: REFERENCE }));
  const sentences = segment(text);
  let entries = 0;
  const tl = cpuMs(() => {
    entries = buildTimeline(text, sentences, findTemporal(text, REFERENCE)).length;
  });
  const per = (ms: number): string => ((ms * 100_000) / n).toFixed(1);
  console.log(`${n}\t${all.toFixed(0)}\t${per(all)}\t${tl.toFixed(0)}\t${per(tl)}\t${entries}`);
}
