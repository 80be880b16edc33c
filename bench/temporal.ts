/**
 * Temporal benchmark: the worked cases (../shared/data/temporal/cases.json, or under $MOJAZ_SHARED)
 * and, over the ANT articles, expressions per article, share with a value, and time per article.
 * Run: npm run bench:temporal [-- --show N]  (--show prints the expressions of N sampled articles)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findTemporal } from '../src/core/temporal/index.ts';
import { normalizeWithOffsets } from '../src/core/text/normalize.ts';
import { sharedDataDir } from '../src/config.ts';
import { buildTimeline } from '../src/core/timeline.ts';
import { segment } from '../src/core/text/segment.ts';
import { scoreCases, type TemporalCase } from '../test/core/temporal/cases.ts';

const shared = sharedDataDir();
const cases = JSON.parse(readFileSync(join(shared, 'data/temporal/cases.json'), 'utf8')) as TemporalCase[];
const result = scoreCases(cases);
console.log(`cases passed: ${result.passed}/${cases.length}`);
for (const miss of result.failures) console.log(`  miss: ${miss}`);

interface Article {
  id: string;
  text: string;
  published?: string;
}
const articles = readFileSync(join(shared, 'data/ant/articles.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Article);
const refOf = (a: Article): string => (a.published ?? '2023-12-08').slice(0, 10);

let found = 0;
let valued = 0;
let timexed = 0;
let chars = 0;
const byType = new Map<string, number>();
for (const a of articles) {
  const exprs = findTemporal(a.text, refOf(a));
  found += exprs.length;
  valued += exprs.filter((e) => e.value !== null).length;
  timexed += exprs.filter((e) => e.timex !== null).length;
  for (const e of exprs) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  chars += a.text.length;
}
// Timed pass after a warm-up pass, so JIT compilation is not counted.
// CPU time (process.cpuUsage) as well as wall time: on a shared machine the wall clock also counts waiting.
const rounds = 3;
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const a of articles) findTemporal(a.text, refOf(a));
const cpu = process.cpuUsage(c0);
const wallMs = (performance.now() - t0) / (rounds * articles.length);
const ms = (cpu.user + cpu.system) / 1000 / (rounds * articles.length);
const per3k = (ms * 3000) / (chars / articles.length);
console.log(`ANT articles: ${articles.length}, mean length ${(chars / articles.length).toFixed(0)} chars`);
console.log(`expressions per article: ${(found / articles.length).toFixed(2)}`);
console.log(`share with a non-null value: ${((100 * valued) / Math.max(1, found)).toFixed(1)}%`);
console.log(`by kind (per article): ${['DATE', 'TIME', 'DURATION', 'SET'].map((t) => `${t} ${((byType.get(t) ?? 0) / articles.length).toFixed(2)}`).join(', ')}`);
console.log(`share with a TIMEX3 value: ${((100 * timexed) / Math.max(1, found)).toFixed(1)}%`);
console.log(`time per article: ${ms.toFixed(4)} ms CPU, ${wallMs.toFixed(4)} ms wall (≈ ${per3k.toFixed(4)} ms CPU per 3,000 characters)`);

// The timeline on top of it (segmentation done beforehand, as analyze() does).
const prepared = articles.map((a) => ({ a, sentences: segment(a.text), temporal: findTemporal(a.text, refOf(a)) }));
let entries = 0;
const c1 = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const p of prepared) entries += buildTimeline(p.a.text, p.sentences, p.temporal).length;
const tcpu = process.cpuUsage(c1);
const tms = (tcpu.user + tcpu.system) / 1000 / (rounds * articles.length);
console.log(`timeline entries per article: ${(entries / rounds / articles.length).toFixed(2)}`);
console.log(`timeline time per article: ${tms.toFixed(4)} ms CPU (≈ ${((tms * 3000) / (chars / articles.length)).toFixed(4)} ms per 3,000 characters)`);

// Articles of about 3,000 characters (consecutive ANT articles joined), the size the budget speaks of.
const long: { text: string; ref: string }[] = [];
for (let i = 0, text = ''; i < articles.length; i++) {
  text += (text ? '\n' : '') + articles[i]!.text;
  if (text.length >= 3000) {
    long.push({ text, ref: refOf(articles[i]!) });
    text = '';
  }
}
const c2 = process.cpuUsage();
for (let r = 0; r < rounds; r++) {
  for (const l of long) {
    // As analyze() does: the matching form made once and shared by both.
    const norm = normalizeWithOffsets(l.text);
    const temporal = findTemporal(l.text, l.ref, undefined, norm);
    buildTimeline(l.text, segment(l.text), temporal, norm);
  }
}
const c2u = process.cpuUsage(c2);
const c3 = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const l of long) segment(l.text);
const c3u = process.cpuUsage(c3);
const bothMs = (c2u.user + c2u.system - (c3u.user + c3u.system)) / 1000 / (rounds * long.length);
console.log(`${long.length} joined articles of ≥ 3,000 characters: findTemporal + buildTimeline ${bothMs.toFixed(4)} ms CPU each (segmentation not counted)`);

const showAt = process.argv.indexOf('--show');
if (showAt >= 0) {
  const n = Number(process.argv[showAt + 1] ?? 10);
  const step = Math.max(1, Math.floor(articles.length / n));
  for (let i = 0; i < articles.length && i / step < n; i += step) {
    const a = articles[i]!;
    console.log(`\n# ${a.id} (${refOf(a)})`);
    for (const e of findTemporal(a.text, refOf(a))) console.log(`  ${e.value ?? 'null'}\t${e.text}`);
  }
}
