import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.ts';
import { SqliteDigestLedger } from '../../src/store/digest-ledger.ts';
import { openFresh } from '../../src/schedule/ledger.ts';
import { drain, backoffMs, type FanOutDeps } from '../../src/schedule/fanout.ts';
import { SendLimiter, WindowLimit, isGroupChat, systemClock, type SharedPace } from '../../src/messages/pacing.ts';
import { Telegram } from 'telegraf';
import { TelegramSender } from '../../src/adapters/telegram/sender.ts';
import { PromMetrics } from '../../src/log/metrics.ts';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';
import { ChatGoneError, RateLimitedError } from '../../src/messages/sender.ts';
import { FakeClock, RecordingSender, openDigests } from './helpers.ts';

const T0 = Date.parse('2026-11-24T05:00:00.000Z');

async function setup(chats: string[], fail?: (chatId: string, attempt: number) => Error | undefined, concurrency = 4) {
  const store = openStore(':memory:');
  const ledger = new SqliteDigestLedger(store.db);
  const clock = new FakeClock(T0);
  await openDigests(ledger, chats, T0);
  const sender = new RecordingSender(clock, fail);
  const deps: FanOutDeps = { ledger, sender, limiter: new SendLimiter(clock), clock, owner: 'me', leaseMs: 60_000, concurrency };
  return { store, ledger, clock, sender, deps };
}

test('GIVEN 100 group chats THEN each gets its digest once and the pace stays within 30 a second', async () => {
  const chats = Array.from({ length: 100 }, (_, i) => `telegram:-100${i}`);
  const { sender, deps, clock } = await setup(chats, undefined, 1);
  const report = await drain(deps);
  assert.equal(report.sent, 100);
  for (const c of chats) assert.equal(sender.count(c), 1);
  const times = sender.sent.map((s) => s.at);
  for (let i = 30; i < times.length; i++) assert.ok(times[i]! - times[i - 30]! >= 1000 - 1, `31 sends within a second at ${i}`);
  // 30 in each of the first three seconds, the last 10 in the fourth.
  assert.equal(clock.t - T0, 3000);
});

test('GIVEN the platform answers 429 with retry_after THEN the message is retried after the wait and never lost', async () => {
  const chats = Array.from({ length: 40 }, (_, i) => `telegram:-100${i}`);
  // Every fifth attempt is refused with retry_after = 1 s.
  const { sender, deps, ledger } = await setup(chats, (_c, n) => (n % 5 === 0 ? new RateLimitedError(1000) : undefined));
  const report = await drain(deps);
  assert.equal(report.sent, 40);
  assert.ok(report.rateLimited >= 8);
  for (const c of chats) assert.equal(sender.count(c), 1);
  for (const c of chats) assert.equal((await ledger.history(c)).pending, 0);
});

test('GIVEN one chat answered 429 with a long retry_after THEN the other chats go out before its wait ends, even with one worker', async () => {
  const chats = ['telegram:-1', 'telegram:-2', 'telegram:-3', 'telegram:-4'];
  const { sender, deps, clock, ledger } = await setup(chats, (c, n) => (c === 'telegram:-1' && n === 1 ? new RateLimitedError(60_000) : undefined), 1);
  const report = await drain(deps);
  assert.deepEqual([report.sent, report.rateLimited], [4, 1]);
  assert.deepEqual(sender.sent.map((s) => s.chatId), ['telegram:-2', 'telegram:-3', 'telegram:-4', 'telegram:-1']);
  for (const s of sender.sent.slice(0, 3)) assert.ok(s.at - T0 < 60_000, `${s.chatId} waited for the other chat's 429 (${s.at - T0} ms)`);
  assert.ok(sender.sent[3]!.at - T0 >= 60_000, 'the chat answered 429 waited its retry_after');
  assert.ok(clock.t - T0 >= 60_000);
  for (const c of chats) assert.equal((await ledger.history(c)).pending, 0);
});

test('GIVEN a chat held by a 429 and a second digest due for it THEN no worker sits out the hold: the other chats go first', async () => {
  const { deps, sender, ledger } = await setup(['telegram:-1', 'telegram:-2'], undefined, 1);
  deps.limiter.pause('telegram:-1', 30_000);
  const report = await drain(deps);
  assert.equal(report.sent, 2);
  assert.deepEqual(sender.sent.map((s) => [s.chatId, s.at - T0 >= 30_000]), [['telegram:-2', false], ['telegram:-1', true]]);
  assert.equal((await ledger.history('telegram:-1')).pending, 0);
});

test('GIVEN the scheduler stops while a chat sits out a 429 THEN its delivery is given back, due when the platform said, and nothing waits', async () => {
  let stopping = false;
  const { deps, ledger, clock } = await setup(['telegram:-1'], (_c, n) => {
    if (n === 1) stopping = true;
    return n === 1 ? new RateLimitedError(90_000) : undefined;
  }, 1);
  deps.stopping = () => stopping;
  const report = await drain(deps);
  assert.deepEqual([report.sent, report.rateLimited], [0, 1]);
  assert.equal(clock.t, T0);
  const again = await ledger.claimDue('other', new Date(T0 + 89_000).toISOString(), 60_000, 5);
  assert.equal(again.length, 0, 'not due before the retry_after');
  assert.equal((await ledger.claimDue('other', new Date(T0 + 90_000).toISOString(), 60_000, 5)).length, 1);
});

test('GIVEN the loopback Bot API answers one chat 429 THEN the real client\'s fan-out sends the other chats during its wait, retries it after, and /metrics counts the 429', async () => {
  const fake = new FakeTelegramApi();
  await fake.start();
  const store = openStore(':memory:');
  try {
    const ledger = new SqliteDigestLedger(store.db);
    const chats = [-1001, -1002, -1003, -1004, -1005];
    await openDigests(ledger, chats.map((c) => `telegram:${c}`), Date.now() - 1000);
    fake.rateLimitNext('sendMessage', 1, 1, -1001);
    const metrics = new PromMetrics({ processMetrics: false });
    const limiter = new SendLimiter(systemClock);
    const sender = new TelegramSender(new Telegram(fake.token, { apiRoot: fake.apiRoot }), { waitOnRateLimit: false, pacer: limiter, metrics });
    const report = await drain({ ledger, sender, limiter, senderPaces: true, clock: systemClock, owner: 'me', leaseMs: 60_000, concurrency: 1, metrics });
    assert.deepEqual([report.sent, report.rateLimited], [5, 1]);
    const calls = fake.callsOf('sendMessage');
    const order = calls.map((c) => `${String(c.payload.chat_id)}${c.failed ? ' 429' : ''}`);
    assert.deepEqual(order, ['-1001 429', '-1002', '-1003', '-1004', '-1005', '-1001'], 'the others went on while -1001 waited');
    assert.ok(calls[5]!.at - calls[0]!.at >= 1000 - 1, 'the chat answered 429 waited its retry_after');
    const text = await metrics.text();
    for (const line of ['mojaz_rate_limited_total{platform="telegram"} 1', 'mojaz_rate_limit_wait_seconds_total{platform="telegram"} 1', 'mojaz_messages_sent_total{platform="telegram"} 5']) {
      assert.ok(text.split('\n').includes(line), `${line}\n${text}`);
    }
  } finally {
    await fake.stop();
    await store.close();
  }
});

test('GIVEN a 429 for a chat THEN that chat waits retry_after before the next attempt', async () => {
  const attemptsAt: number[] = [];
  const clock0 = { at: 0 };
  const { deps, clock } = await setup(['telegram:-1001'], (_c, n) => {
    attemptsAt.push(clock0.at);
    return n === 1 ? new RateLimitedError(3000) : undefined;
  });
  const orig = clock.now.bind(clock);
  clock.now = () => ((clock0.at = orig().getTime()), orig());
  await drain(deps);
  assert.equal(attemptsAt.length, 2);
  assert.ok(attemptsAt[1]! - attemptsAt[0]! >= 3000);
});

test('GIVEN a chat that is gone THEN its delivery is abandoned and the others still go out', async () => {
  const gone: string[] = [];
  const { sender, deps, ledger } = await setup(['telegram:-1', 'telegram:-2'], (c) => (c === 'telegram:-1' ? new ChatGoneError('kicked') : undefined));
  deps.onChatGone = async (c) => void gone.push(c);
  const report = await drain(deps);
  assert.deepEqual([report.sent, report.gone], [1, 1]);
  assert.deepEqual(gone, ['telegram:-1']);
  assert.equal(sender.count('telegram:-2'), 1);
  assert.equal((await ledger.history('telegram:-1')).pending, 0);
});

test('GIVEN an ordinary send error THEN the delivery is retried after a back-off, not dropped', async () => {
  const { sender, deps, clock } = await setup(['telegram:-1'], (_c, n) => (n === 1 ? new Error('socket hang up') : undefined));
  const first = await drain(deps);
  assert.deepEqual([first.sent, first.failed], [0, 1]);
  clock.t += backoffMs(1);
  const second = await drain(deps);
  assert.equal(second.sent, 1);
  assert.equal(sender.count('telegram:-1'), 1);
});

const BUCKETS: [string, boolean][] = [
  ['telegram:-100123', true],
  ['telegram:-42', true],
  ['telegram:42', false],
  ['discord:987', true],
];
for (const [chat, group] of BUCKETS) {
  test(`GIVEN chat ${chat} THEN it is ${group ? 'a group' : 'a private chat'} for rate limits`, () => {
    assert.equal(isGroupChat(chat), group);
  });
}

test('GIVEN sends still in flight THEN they count against the limit until they complete', () => {
  const b = new WindowLimit(2, 1000);
  b.take();
  b.take();
  assert.equal(b.waitMs(0), 10); // full of sends in flight: look again shortly
  b.done(500);
  assert.equal(b.waitMs(500), 1000); // one in flight, one completed at 500: wait for 500 to leave the second
  b.done(600);
  assert.equal(b.waitMs(1500), 0);
});

test('GIVEN a group bucket of 20 a minute THEN the 21st message waits until the first leaves the minute', () => {
  const b = new WindowLimit(20, 60_000);
  for (let i = 0; i < 20; i++) {
    assert.equal(b.waitMs(i * 1000), 0);
    b.take();
    b.done(i * 1000);
  }
  assert.equal(b.waitMs(20_000), 40_000);
  assert.equal(b.waitMs(60_000), 0);
});

test('GIVEN a group and one of its forum topics THEN they share the chat\'s limits: one a second, 20 a minute', async () => {
  const clock = new FakeClock(0);
  const limiter = new SendLimiter(clock);
  const times: number[] = [];
  for (let i = 0; i < 22; i++) {
    const release = await limiter.acquire(i % 2 === 0 ? 'telegram:-100777' : 'telegram:-100777:45');
    times.push(clock.t);
    release();
  }
  for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 1000, `${i}: ${times[i]! - times[i - 1]!} ms`);
  assert.ok(times[20]! - times[0]! >= 60_000, String(times[20]! - times[0]!));
  // Another group is not held up by this one.
  const start = clock.t;
  (await limiter.acquire('telegram:-100888'))();
  assert.equal(clock.t, start);
});

test('GIVEN a shared platform limit THEN a send takes its slot after the chat\'s own turn, with the platform\'s rate, and gives it back when it ends', async () => {
  const clock = new FakeClock(0);
  const asked: string[] = [];
  const shared: SharedPace = {
    acquire: async (platform, perSecond) => {
      asked.push(`take ${platform} ${perSecond} at ${clock.t}`);
      return () => asked.push(`end ${platform} at ${clock.t}`);
    },
    acquireChat: async (chat, pace) => {
      asked.push(`chat ${chat} ${pace.perSecond}/s ${pace.perMinute}/min at ${clock.t}`);
      return () => asked.push(`end ${chat} at ${clock.t}`);
    },
  };
  const limiter = new SendLimiter(clock, undefined, shared);
  (await limiter.acquire('telegram:-100777'))();
  // The chat's second is not over: the chat waits for its turn before asking for a shared slot.
  const release = await limiter.acquire('telegram:-100777');
  release();
  release();
  (await limiter.acquire('discord:555'))();
  assert.deepEqual(asked, [
    'chat telegram:-100777 1/s 20/min at 0',
    'take telegram 30 at 0',
    'end telegram at 0',
    'end telegram:-100777 at 0',
    'chat telegram:-100777 1/s 20/min at 1000',
    'take telegram 30 at 1000',
    'end telegram at 1000',
    'end telegram:-100777 at 1000',
    'chat discord:555 1/s 60/min at 1000',
    'take discord 40 at 1000',
    'end discord at 1000',
    'end discord:555 at 1000',
  ]);
  // A private chat has no minute limit; a forum topic is paced as its chat.
  asked.length = 0;
  (await limiter.acquire('telegram:42'))();
  (await limiter.acquire('telegram:-100999:7'))();
  assert.deepEqual(asked.filter((a) => a.startsWith('chat')), ['chat telegram:42 1/s 0/min at 1000', 'chat telegram:-100999 1/s 20/min at 1000']);
});

test('GIVEN the shared limit failing THEN the chat\'s turn taken for the send is given back, the shared one too', async () => {
  const clock = new FakeClock(0);
  let calls = 0;
  const chatTurns: string[] = [];
  const limiter = new SendLimiter(clock, undefined, {
    acquire: async () => (++calls === 1 ? Promise.reject(new Error('database down')) : () => {}),
    acquireChat: async () => {
      chatTurns.push('take');
      return () => chatTurns.push('end');
    },
  });
  await assert.rejects(limiter.acquire('telegram:-100777'), /database down/);
  assert.deepEqual(chatTurns, ['take', 'end']);
  // Left in flight, the chat's one-a-second bucket would hold every later send for ever.
  (await limiter.acquire('telegram:-100777'))();
  assert.equal(clock.t, 1000);
});

test('GIVEN a sender that paces itself THEN the fan-out takes no slot of its own', async () => {
  const clock = new FakeClock(Date.parse('2026-11-24T05:00:00.000Z'));
  const store = openStore(':memory:');
  const ledger = new SqliteDigestLedger(store.db);
  const limiter = new SendLimiter(clock);
  let acquired = 0;
  const counting = Object.assign(Object.create(limiter) as SendLimiter, {
    acquire: async (chatId: string) => {
      acquired++;
      return limiter.acquire(chatId);
    },
  });
  await openFresh(ledger, { chatId: 'telegram:-1', slot: clock.now().toISOString(), now: clock.now().toISOString(), candidates: [{ storyId: 1, articleIds: [1] }], topN: 5, render: () => ({ blocks: [] }) });
  const sender = new RecordingSender(clock);
  await drain({ ledger, sender, limiter: counting, senderPaces: true, clock, owner: 'me', leaseMs: 60_000, concurrency: 2 });
  assert.equal(sender.sent.length, 1);
  assert.equal(acquired, 0);
});

test('GIVEN a stop during a fan-out THEN the sends in flight finish and the unsent claims are given back at once', async () => {
  const chats = Array.from({ length: 10 }, (_, i) => `telegram:-100${i}`);
  let stop = false;
  const { deps, sender, ledger, clock } = await setup(chats, (_c, n) => {
    if (n === 3) stop = true;
    return undefined;
  }, 2);
  deps.stopping = () => stop;
  const report = await drain(deps);
  assert.ok(report.sent >= 3 && report.sent < 10, `sent ${report.sent}`);
  // Another instance can take the rest right away, without waiting for the leases to lapse.
  const rest = await ledger.claimDue('next', clock.now().toISOString(), 60_000, 20);
  assert.equal(rest.length, 10 - sender.sent.length);
});

test('GIVEN a send slower than the lease THEN the lease is renewed meanwhile and nobody else takes the message', async () => {
  let takenByOther: number | undefined;
  const { deps, ledger, clock, sender } = await setup(['telegram:-1'], () => undefined, 1);
  deps.heartbeatMs = 5;
  const slow = {
    async send(chatId: string, message: Parameters<typeof sender.send>[1]) {
      clock.t += 3 * deps.leaseMs; // the request hangs for three leases
      await new Promise((r) => setTimeout(r, 40)); // let the heartbeat run
      takenByOther = (await ledger.claimDue('other', clock.now().toISOString(), 60_000, 5)).length;
      await sender.send(chatId, message);
    },
  };
  const report = await drain({ ...deps, sender: slow });
  assert.equal(takenByOther, 0);
  assert.equal(report.sent, 1);
});
