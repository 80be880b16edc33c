/**
 * Throughput of the full analysis on one core over ANT: articles per second after a warm-up, peak
 * RSS, and where the time goes stage by stage (so a missed bar points at its owner).
 *
 * Usage: npm run bench:speed [-- FILE.jsonl] [--rounds N]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze, parsePublished } from '../src/core/analyze.ts';
import { segment } from '../src/core/text/segment.ts';
import { findTemporal } from '../src/core/temporal/index.ts';
import { buildTimeline } from '../src/core/timeline.ts';
import { analyzeWho } from '../src/core/who/index.ts';
import { buildBrief } from '../src/core/brief.ts';
import type { ArticleInput } from '../src/core/types.ts';
import { cpuMs } from './cpu.ts';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 3;
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds') ??
  fileURLToPath(new URL('../../shared/data/ant/articles.jsonl', import.meta.url));

const inputs: ArticleInput[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const a = JSON.parse(l) as { id: string; title?: string; text: string; published?: string };
    const ref = a.published ? parsePublished(a.published) : { reference: '2017-01-01' };
    return { id: a.id, text: a.text, ...(a.title ? { title: a.title } : {}), ...ref };
  });
const chars = inputs.reduce((n, a) => n + a.text.length, 0);

// Warm-up: let the JIT settle and lazy lexicons/models load before timing.
for (const a of inputs.slice(0, 500)) analyze(a);

// Wall time and this process's CPU time: on a shared machine the wall clock also counts the time
// other processes held the core, so CPU time is the fairer per-core figure. Both are printed.
let best = Infinity;
let bestCpu = Infinity;
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const a of inputs) analyze(a);
  best = Math.min(best, performance.now() - t0);
  const cpu = process.cpuUsage(c0);
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
}

// Stage breakdown: each stage run over the whole corpus on its own, CPU time.
const sentences = inputs.map((a) => segment(a.text));
const temporal = inputs.map((a) => findTemporal(a.text, a.reference, a.referenceTime));
const who = inputs.map((a, i) => analyzeWho(a.text, sentences[i]!));
const stages = {
  segment: cpuMs(() => inputs.forEach((a) => segment(a.text))),
  temporal: cpuMs(() => inputs.forEach((a) => findTemporal(a.text, a.reference, a.referenceTime))),
  timeline: cpuMs(() => inputs.forEach((a, i) => buildTimeline(a.text, sentences[i]!, temporal[i]!))),
  who: cpuMs(() => inputs.forEach((a, i) => analyzeWho(a.text, sentences[i]!))),
  brief: cpuMs(() =>
    inputs.forEach((a, i) => buildBrief(a.text, sentences[i]!, { mentions: who[i]!.mentions, temporal: temporal[i]! })),
  ),
};

const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`${inputs.length} articles, ${(chars / 1e6).toFixed(2)} M characters, from ${file}`);
console.log(`full analysis, best of ${rounds} rounds after warm-up:`);
console.log(`  CPU time:  ${(inputs.length / (bestCpu / 1000)).toFixed(0)} articles/s (${(bestCpu / inputs.length).toFixed(3)} ms/article)`);
console.log(`  wall time: ${(inputs.length / (best / 1000)).toFixed(0)} articles/s (${(best / inputs.length).toFixed(3)} ms/article, ${(chars / 1e6 / (best / 1000)).toFixed(2)} M chars/s)`);
console.log(`  load average now: ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores`);
console.log(`peak RSS: ${rssMb.toFixed(0)} MB`);
const total = Object.values(stages).reduce((x, y) => x + y, 0);
console.log('stage      CPU ms/article  share');
for (const [name, ms] of Object.entries(stages)) {
  console.log(`${name.padEnd(10)} ${(ms / inputs.length).toFixed(4).padStart(14)}  ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
}
