/**
 * `mojaz analyze --jsonl` end to end, as a user runs it: one process over the 3,106 ANT articles,
 * start-up included, each round a fresh `node bin/mojaz.mjs` (the bundle, built first if stale).
 * Prints each round's wall time, the CPU time of the process (user + system, from the kernel's
 * count of waited-for children, Linux only) and the load average at its start, then the best and
 * the spread against the 500 articles/s bar; every round's output must be the same bytes.
 *
 *   npx tsx bench/jsonl.ts [-- --rounds 3] [--jobs N] [FILE.jsonl]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const valueOf = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(valueOf('--rounds') ?? 3);
const jobs = valueOf('--jobs');
const file = args.find((a, i) => !a.startsWith('--') && !['--rounds', '--jobs'].includes(args[i - 1] ?? '')) ??
  fileURLToPath(new URL('../../shared/data/ant/articles.jsonl', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/mojaz.mjs', import.meta.url));
const TARGET = 500;

/** CPU seconds of this process's waited-for children so far (/proc/self/stat cutime + cstime), or NaN. */
function childCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // fields 16 and 17 of stat(5), in ticks of 1/100 s
  } catch {
    return Number.NaN;
  }
}

/** One run: wall seconds, CPU seconds and the digest of its standard output. */
function runOnce(): Promise<{ wall: number; cpu: number; digest: string; lines: number }> {
  return new Promise((resolve, reject) => {
    const cpu0 = childCpuSeconds();
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, 'analyze', '--jsonl', ...(jobs ? ['--jobs', jobs] : [])], { stdio: ['pipe', 'pipe', 'inherit'] });
    const hash = createHash('sha256');
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      for (const b of chunk) if (b === 10) lines++;
    });
    createReadStream(file).pipe(child.stdin);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`exit ${code}`));
      resolve({ wall: (performance.now() - t0) / 1000, cpu: childCpuSeconds() - cpu0, digest: hash.digest('hex'), lines });
    });
  });
}

const articles = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
console.log(`${articles} articles from ${file}, ${jobs ? `--jobs ${jobs}` : 'default jobs'}, ${availableParallelism()} cores`);
const results: { wall: number; cpu: number; digest: string }[] = [];
for (let r = 0; r < rounds; r++) {
  const load = loadavg()[0]!.toFixed(1);
  const res = await runOnce();
  results.push(res);
  console.log(`round ${r + 1}: ${res.wall.toFixed(2)} s wall (${(articles / res.wall).toFixed(0)} articles/s), ${res.cpu.toFixed(2)} s CPU, load ${load} at start, ${res.lines} lines`);
}
const walls = results.map((x) => x.wall);
const best = Math.min(...walls);
console.log(`wall ${best.toFixed(2)}–${Math.max(...walls).toFixed(2)} s: best ${(articles / best).toFixed(0)} articles/s (bar ${TARGET}: ${articles / best >= TARGET ? 'met' : 'not met'})`);
if (new Set(results.map((x) => x.digest)).size !== 1) {
  console.log('the rounds gave different output');
  process.exitCode = 1;
}
