/**
 * Start-up benchmark: how long one instance takes to start over a store that already holds N
 * digest subscriptions (default 1,000, each with two times in one of several zones, a few followed
 * feeds), against the same store with none. The instance is `npm start` itself (src/main.ts) in
 * console mode, asked `/status`: the time to its answer is the start-up (store opened and
 * migrated, the scheduler's tasks built for every subscription, the first feed round, the
 * console open), and the time to exit includes the stop. Apart from the process, it times the
 * digest scheduler's own start over the same store in this process (real node-cron tasks, the
 * catch-up pass), the part that grows with the subscriptions, which the process's start-up under a
 * loaded machine's noise hides.
 *
 *   npx tsx bench/startup.ts [-- --subscriptions 1000 --runs 3]
 *   npx tsx bench/startup.ts -- --postgres      on a local PostgreSQL server (test/support/postgres.ts, fsync on)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ledgerOf, openConfiguredStore, type FeedRecord } from '../src/store/index.ts';
import { startScheduler } from '../src/schedule/scheduler.ts';
import { freshPostgresUrl } from '../test/support/postgres.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const SUBSCRIPTIONS = Number(arg('subscriptions', '1000'));
const RUNS = Number(arg('runs', '3'));
const POSTGRES = process.argv.includes('--postgres');
const ZONES = ['Asia/Riyadh', 'Africa/Cairo', 'Asia/Baghdad', 'Africa/Casablanca', 'Asia/Dubai', 'Europe/London'];
const NOW = new Date().toISOString();

/** A new store (a data directory, or a PostgreSQL database) holding `n` subscriptions. */
async function seed(n: number): Promise<{ dataDir: string; databaseUrl: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mojaz-bench-startup-'));
  const databaseUrl = POSTGRES ? await freshPostgresUrl({ durable: true }) : '';
  const store = await openConfiguredStore({ dataDir, databaseUrl });
  const feeds: FeedRecord[] = [];
  for (let f = 0; f < 10; f++) feeds.push(await store.addFeed(`https://news${f}.example/rss`, { now: NOW }));
  await store.inTransaction(async () => {
    for (let i = 0; i < n; i++) {
      const chatId = `telegram:${1_000_000 + i}`;
      const hour = String(5 + (i % 14)).padStart(2, '0');
      await store.upsertSubscription({ chatId, platform: 'telegram', times: [`${hour}:00`, `${hour}:30`], timezone: ZONES[i % ZONES.length]!, topN: 5 }, NOW);
      if (i % 3 === 0) await store.followFeed(chatId, feeds[i % feeds.length]!.id, NOW);
    }
  });
  await store.close();
  return { dataDir, databaseUrl };
}

/** Starts src/main.ts over the store; ms until it answers /status, and until it has exited. */
async function startOnce(dataDir: string, databaseUrl: string): Promise<{ answered: number; exited: number }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dataDir, MOJAZ_DATA_DIR: dataDir, MOJAZ_LOG_LEVEL: 'error', MOJAZ_BACKUP_HOURS: '0' };
  if (databaseUrl) env.MOJAZ_DATABASE_URL = databaseUrl;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  let answered = 0;
  child.stdout.on('data', () => (answered ||= performance.now() - started));
  child.stdin.end('/status\n');
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`src/main.ts exited with ${code}`);
  return { answered, exited: performance.now() - started };
}

/** Milliseconds the digest scheduler takes to start (and then to stop) over the store, in this process. */
async function schedulerStart(dataDir: string, databaseUrl: string): Promise<{ start: number; stop: number }> {
  const store = await openConfiguredStore({ dataDir, databaseUrl });
  try {
    const t0 = performance.now();
    const scheduler = await startScheduler({ store, ledger: ledgerOf(store), sender: { send: async () => {} }, settings: { topN: 5, timezone: 'UTC', quietHours: '' }, sweepMs: 0 });
    const t1 = performance.now();
    await scheduler.stop();
    return { start: t1 - t0, stop: performance.now() - t1 };
  } finally {
    await store.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`start-up bench: ${POSTGRES ? 'PostgreSQL (local server, fsync on)' : 'SQLite'}, ${RUNS} runs each; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const n of [0, SUBSCRIPTIONS]) {
  const { dataDir, databaseUrl } = await seed(n);
  try {
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await startOnce(dataDir, databaseUrl));
    const inProcess = [];
    for (let r = 0; r < RUNS; r++) inProcess.push(await schedulerStart(dataDir, databaseUrl));
    const answered = runs.map((r) => r.answered);
    const exited = runs.map((r) => r.exited);
    console.log(
      `${String(n).padStart(5)} subscriptions: answers /status after ${(median(answered) / 1000).toFixed(2)} s median ` +
        `(${answered.map((x) => (x / 1000).toFixed(2)).join(', ')}), exited after ${(median(exited) / 1000).toFixed(2)} s median; ` +
        `the scheduler alone starts in ${median(inProcess.map((r) => r.start)).toFixed(0)} ms median (${inProcess.map((r) => r.start.toFixed(0)).join(', ')}), stops in ${median(inProcess.map((r) => r.stop)).toFixed(0)} ms`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
