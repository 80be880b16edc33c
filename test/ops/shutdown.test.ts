import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';
import { freePort, until } from './helpers.ts';
import { seedStories } from '../schedule/helpers.ts';

const CHATS = ['telegram:-1001', 'telegram:-1002', 'telegram:-1003'];

// The bot as `npm start` runs it, against the loopback Telegram fake: a digest held in a 429
// wait (the other chats' digests going on meanwhile) and a reply in flight when SIGTERM comes. It must finish the reply, give the digests
// back to the ledger, close the store and exit 0 within a few seconds.
test('GIVEN a running bot with a reply in flight and digests waiting out a 429 WHEN SIGTERM THEN it finishes the reply, releases the leases, closes the store and exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mojaz-stop-'));
  const fake = new FakeTelegramApi();
  await fake.start();
  try {
    const store = openStore(join(dir, 'mojaz.sqlite'));
    const created = new Date(Date.now() - 2 * 86_400_000).toISOString();
    for (const chatId of CHATS) await store.upsertSubscription({ chatId, platform: 'telegram', times: ['00:00'], timezone: 'UTC', topN: 3 }, created);
    await seedStories(store, ['خبر أول', 'خبر ثان'], new Date(Date.now() - 3_600_000).toISOString());
    await store.close();
    // The first digest is answered "retry after 60 s": the fan-out holds its lease through the wait.
    fake.rateLimitNext('sendMessage', 1, 60);
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        MOJAZ_DATA_DIR: dir,
        MOJAZ_SAMPLE_FEED: join(dir, 'no-sample.xml'),
        MOJAZ_BACKUP_HOURS: '0',
        MOJAZ_HTTP_PORT: String(port),
        MOJAZ_HTTP_HOST: '127.0.0.1',
        MOJAZ_LOG_FORMAT: 'json',
        MOJAZ_LOG_LEVEL: 'info',
        MOJAZ_SHUTDOWN_SECONDS: '8',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const health = `http://127.0.0.1:${port}/healthz`;
      await until('/healthz 200', async () => (await fetch(health)).status === 200);
      assert.deepEqual(await (await fetch(health)).json(), { status: 'ok', checks: { store: true, telegram: true } });
      await until('a digest to be answered 429', () => fake.callsOf('sendMessage').length >= 1);

      // A /help whose reply the API is slow to accept: in flight when the signal comes.
      fake.delays.set('sendMessage', 1_500);
      const before = fake.calls.length;
      fake.queueMessage('/help', { chat: { id: 55, type: 'private' } });
      await fake.waitFor('sendMessage', { from: before, timeoutMs: 30_000, test: (c) => c.payload.chat_id === 55 });
      const signalled = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      const took = Date.now() - signalled;
      assert.equal(code, 0, stderr);
      assert.ok(took < 8_000, `stopped in ${took} ms`);
      assert.ok(took >= 1_000, `the reply in flight was waited for (${took} ms)`);

      const lines = stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: string; msg: string });
      assert.ok(lines.some((l) => l.msg === 'stopping'), stderr);
      assert.ok(lines.some((l) => /^stopped in \d+ ms$/u.test(l.msg)), stderr);
      assert.ok(!stderr.includes(fake.token), 'no token in the log');

      // The store was closed cleanly and no delivery is left leased: the one in its 429 wait is due
      // again when Telegram said (not 60 s plus a lease); the others went on during that wait, and
      // are sent, or were given back unsent (due at once) when the stop came.
      const after = openStore(join(dir, 'mojaz.sqlite'));
      const rows = after.db.prepare('SELECT chat_id, status, error, lease_until FROM deliveries ORDER BY chat_id').all() as Array<{ chat_id: string; status: string; error: string | null; lease_until: string | null }>;
      await after.close();
      assert.deepEqual(rows.map((r) => r.chat_id), CHATS);
      const waited = rows.filter((r) => r.error === 'scheduler stopped during a rate-limit wait');
      assert.equal(waited.length, 1, JSON.stringify(rows));
      assert.ok(Date.parse(waited[0]!.lease_until!) - Date.now() < 60_000, 'due again at the retry time');
      for (const r of rows.filter((x) => x !== waited[0] && x.status !== 'sent')) assert.ok(!r.lease_until || Date.parse(r.lease_until) <= Date.now(), `${r.chat_id} is not held`);
      const accepted = fake.callsOf('sendMessage').filter((c) => !c.failed && c.payload.chat_id !== 55);
      assert.equal(accepted.length, rows.filter((r) => r.status === 'sent').length, 'each chat sent is recorded, none twice');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
