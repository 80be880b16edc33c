/**
 * Several instances over one PostgreSQL database: three real processes (./instance-child.ts) share
 * a scheduled digest to 300 Telegram chats through the loopback Bot API and the polling of five
 * loopback feeds; one is SIGKILLed in the middle of the fan-out. Every chat must get its digest,
 * at most one chat one message twice (the message the killed instance had in flight), and no feed
 * may be polled twice in one polling interval. The counts are printed so they can be quoted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freshPostgresUrl } from '../support/postgres.ts';
import { openPostgresStore } from '../../src/store/index.ts';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';
import { startHttpServer } from '../fakes/http-server.ts';
import { seedStories } from '../schedule/helpers.ts';

const CHILD = fileURLToPath(new URL('./instance-child.ts', import.meta.url));
const CHATS = 300;
const FEEDS = 5;
const POLL_MS = 2000;
/**
 * How late a poll may reach the fake after its lease was taken. A lease runs from the fetch's start, so
 * polls of one feed are taken at least an interval apart and reach the fake that far apart give or take
 * how long each request took to leave its process: on a loaded machine that can be a second, so one late
 * poll followed by a punctual one can arrive closer than an interval without any lease being broken.
 */
const LATE_MS = POLL_MS / 2;

/**
 * Polls of one feed beyond one per interval: n polls taken an interval apart span at least n - 1
 * intervals, less what the first was late, so a count above what the span allows is a poll taken inside
 * another's interval. Counting over the whole span lets a late poll's short gap be made up by the long
 * gap before it, where comparing neighbours alone would call it a second poll.
 */
function extraPolls(times: readonly number[]): number {
  if (times.length < 2) return 0;
  const span = times[times.length - 1]! - times[0]!;
  return Math.max(0, times.length - 1 - Math.floor((span + LATE_MS) / POLL_MS));
}

const rss = (i: number): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>وكالة ${i}</title><item><title>خبر الوكالة ${i}</title><link>https://feed${i}.example/a</link><guid>feed-${i}-a</guid><description>نص خبر الوكالة ${i} ${'كلمة '.repeat(30)}</description></item></channel></rss>`;

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
}

/** Waits until `ready()` holds; a bound for a loaded machine, not a timing. */
async function until(ready: () => boolean, what: () => string, boundMs = 120_000): Promise<void> {
  const end = Date.now() + boundMs;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('GIVEN the times polls of one feed reached the fake THEN only polls beyond one an interval count', () => {
  const cases: [number[], number][] = [
    [[0, 2000, 4000, 6000], 0],
    [[0, 3032, 4000, 6000], 0], // one poll left its process a second late, the next on time
    [[0, 2000, 2500, 4000], 1], // a poll inside another's interval
    [[0, 100], 1],
    [[0, 1200], 0],
    [[0], 0],
  ];
  for (const [times, extra] of cases) assert.equal(extraPolls(times), extra, times.join(','));
});

test('GIVEN three instances over one PostgreSQL database and one SIGKILLed mid fan-out THEN every chat gets the digest, at most one chat a message twice, and no feed is polled twice in one interval', async () => {
  const url = await freshPostgresUrl();
  const setup = await openPostgresStore(url);
  const created = new Date(Date.now() - 2 * 86_400_000).toISOString();
  for (let i = 0; i < CHATS; i++) {
    await setup.upsertSubscription({ chatId: `telegram:-100${1_000_000 + i}`, platform: 'telegram', times: ['00:00'], timezone: 'UTC', topN: 3 }, created);
  }
  await seedStories(setup, ['خبر أول', 'خبر ثان'], new Date(Date.now() - 3_600_000).toISOString());
  await setup.close();

  const polls = new Map<string, number[]>();
  const feeds = await startHttpServer(
    Object.fromEntries(
      Array.from({ length: FEEDS }, (_, i) => [
        `/feed/${i}`,
        {
          handler: (req, res) => {
            polls.set(req.url!, [...(polls.get(req.url!) ?? []), Date.now()]);
            res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(i));
          },
        },
      ]),
    ),
  );
  const fake = new FakeTelegramApi();
  await fake.start();
  const children: ChildProcess[] = [];
  try {
    const env = {
      ...process.env,
      DATABASE_URL: url,
      API_ROOT: fake.apiRoot,
      TOKEN: fake.token,
      FEEDS: Array.from({ length: FEEDS }, (_, i) => feeds.url(`/feed/${i}`)).join(' '),
      POLL_MS: String(POLL_MS),
      LEASE_MS: '3000',
      SWEEP_MS: '500',
    };
    for (let i = 0; i < 3; i++) children.push(spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...env, INSTANCE: `instance-${i}` }, stdio: ['ignore', 'pipe', 'inherit'] }));
    const exits = children.map(exited);
    const started = Date.now();
    const sent = (): number => fake.callsOf('sendMessage').length;

    await until(() => sent() >= 40, () => `the fan-out to start (${sent()} sent)`);
    children[0]!.kill('SIGKILL');
    assert.equal((await exits[0])!.signal, 'SIGKILL');
    const atKill = sent();
    assert.ok(atKill < CHATS, `the kill came in the middle of the fan-out (${atKill} sent)`);

    const perChat = (): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const c of fake.callsOf('sendMessage')) counts.set(String(c.payload.chat_id), (counts.get(String(c.payload.chat_id)) ?? 0) + 1);
      return counts;
    };
    // Every chat reached (the killed instance's lease lapses and a survivor takes its delivery),
    // and the feeds polled over a few intervals.
    await until(() => perChat().size >= CHATS && Date.now() - started >= 4 * POLL_MS, () => `every chat to get its digest (${perChat().size} reached, ${sent()} sent)`);
    for (const child of children.slice(1)) child.kill('SIGTERM');
    const stopped = await Promise.all(exits.slice(1));
    assert.deepEqual(stopped.map((s) => s.code), [0, 0], stopped.map((s) => s.out).join());

    const counts = perChat();
    const twice = [...counts.entries()].filter(([, n]) => n > 1);
    const gaps = [...polls.values()].flatMap((times) => times.slice(1).map((t, k) => t - times[k]!));
    const pollCount = [...polls.values()].reduce((n, t) => n + t.length, 0);
    const closest = Math.min(...gaps);
    const doubled = [...polls.values()].reduce((n, times) => n + extraPolls(times), 0);
    process.stdout.write(
      `# three instances, one killed after ${atKill} messages: ${counts.size}/${CHATS} chats reached, ${twice.length} chat(s) got a message twice; ` +
        `feeds: ${pollCount} polls of ${polls.size} feeds in ${((Date.now() - started) / 1000).toFixed(1)} s, ${doubled} second poll(s) within one ${POLL_MS} ms interval (closest two ${closest} ms apart)\n`,
    );
    assert.equal(counts.size, CHATS, 'no chat lost its digest');
    assert.ok(twice.length <= 1 && twice.every(([, n]) => n === 2), JSON.stringify(twice));
    assert.equal(polls.size, FEEDS, 'every feed polled');
    assert.equal(doubled, 0, `closest two polls of one feed ${closest} ms apart`);

    const check = await openPostgresStore(url);
    try {
      const rows = (await check.query('SELECT status, COUNT(*)::int AS n FROM deliveries GROUP BY status')).rows;
      assert.deepEqual(rows, [{ status: 'sent', n: CHATS }]);
      const held = (await check.query('SELECT COUNT(*)::int AS n FROM feeds WHERE lease_owner IN ($1, $2) AND lease_until > $3', ['instance-1', 'instance-2', new Date(Date.now() + POLL_MS).toISOString()])).rows;
      assert.deepEqual(held, [{ n: 0 }], 'no lease runs past one interval');
    } finally {
      await check.close();
    }
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await fake.stop();
    await feeds.close();
  }
});
