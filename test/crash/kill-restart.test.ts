import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.ts';
import { seedStories } from '../schedule/helpers.ts';

const CHILD = fileURLToPath(new URL('./fanout-child.ts', import.meta.url));
const CHATS = 24;
const CONCURRENCY = 4;

/** A store with CHATS group chats subscribed at midnight UTC two days ago, and stories from the last hour. */
async function prepare(): Promise<{ db: string; log: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mojaz-crash-'));
  const db = join(dir, 'mojaz.sqlite');
  const store = openStore(db);
  const created = new Date(Date.now() - 2 * 86_400_000).toISOString();
  for (let i = 0; i < CHATS; i++) {
    await store.upsertSubscription({ chatId: `telegram:-100${i}`, platform: 'telegram', times: ['00:00'], timezone: 'UTC', topN: 3 }, created);
  }
  await seedStories(store, ['خبر أول', 'خبر ثان'], new Date(Date.now() - 3_600_000).toISOString());
  await store.close();
  return { db, log: join(dir, 'platform.log') };
}

function start(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, CONCURRENCY: String(CONCURRENCY), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

/** Messages the fake platform accepted, per chat. */
function received(log: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!existsSync(log)) return counts;
  for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
    const { chatId } = JSON.parse(line) as { chatId: string };
    counts.set(chatId, (counts.get(chatId) ?? 0) + 1);
  }
  return counts;
}

async function waitForLines(log: string, n: number): Promise<void> {
  // A bound, not a timing: a loaded machine can take seconds to start a tsx process.
  for (let i = 0; i < 12_000; i++) {
    if (existsSync(log) && readFileSync(log, 'utf8').split('\n').filter(Boolean).length >= n) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`the child never sent ${n} messages`);
}

async function ledgerAllSent(db: string): Promise<void> {
  const store = openStore(db);
  const rows = store.db.prepare('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status').all() as { status: string; n: number }[];
  await store.close();
  assert.deepEqual(rows, [{ status: 'sent', n: CHATS }]);
}

test('GIVEN a fan-out killed right after the platform accepted a message THEN after a restart of two schedulers every chat has its digest, exactly one chat twice', async () => {
  const { db, log } = await prepare();
  const first = start({ DB: db, LOG: log, HANG_AFTER: '7', SEND_MS: '3' });
  const firstExit = exited(first);
  await waitForLines(log, 7);
  first.kill('SIGKILL');
  assert.equal((await firstExit).signal, 'SIGKILL');
  const before = received(log);
  assert.ok([...before.values()].reduce((a, b) => a + b, 0) < CHATS, 'the kill came in the middle of the fan-out');

  // A rolling restart: two new processes over the same file at once, after the dead process's
  // leases lapsed (their clocks run a lease ahead). They must not both send any chat's digest.
  const restarted = await Promise.all([
    exited(start({ DB: db, LOG: log, CLOCK_OFFSET_MS: '61000', SEND_MS: '2' })),
    exited(start({ DB: db, LOG: log, CLOCK_OFFSET_MS: '61000', SEND_MS: '2' })),
  ]);
  assert.deepEqual(restarted.map((r) => r.code), [0, 0], restarted.map((r) => r.out).join());
  const after = received(log);
  assert.equal(after.size, CHATS, 'no chat lost its digest');
  const twice = [...after.entries()].filter(([, n]) => n > 1);
  assert.ok([...after.values()].every((n) => n <= 2), 'one message a chat is the most a crash can repeat');
  // The documented window: the message accepted just before the crash is sent again (at-least-once).
  assert.equal(twice.length, 1, JSON.stringify(twice));
  await ledgerAllSent(db);
});

test('GIVEN a fan-out killed at an arbitrary moment THEN after a restart every chat has its digest and at most the in-flight ones twice', async () => {
  const { db, log } = await prepare();
  const first = start({ DB: db, LOG: log, SEND_MS: '8' });
  const firstExit = exited(first);
  await waitForLines(log, 5);
  first.kill('SIGKILL');
  await firstExit;
  const second = await exited(start({ DB: db, LOG: log, CLOCK_OFFSET_MS: '61000', SEND_MS: '0' }));
  assert.equal(second.code, 0, second.out);
  const after = received(log);
  assert.equal(after.size, CHATS);
  assert.ok([...after.values()].every((n) => n <= 2));
  assert.ok([...after.values()].filter((n) => n === 2).length <= CONCURRENCY);
  await ledgerAllSent(db);
});
