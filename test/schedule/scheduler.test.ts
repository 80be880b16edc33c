import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SqliteStore } from '../../src/store/index.ts';
import { SqliteDigestLedger } from '../../src/store/digest-ledger.ts';
import { startScheduler, upcomingSlot, type CronFactory } from '../../src/schedule/scheduler.ts';
import { FakeClock, RecordingSender, seedStories } from './helpers.ts';
import type { Subscription } from '../../src/store/types.ts';

/** A cron factory that only records the tasks; tests tick them by hand. */
function fakeCron() {
  const tasks: { expression: string; timeZone: string; tick: () => void; stopped: boolean }[] = [];
  const factory: CronFactory = (expression, timeZone, onTick) => {
    const t = { expression, timeZone, tick: onTick, stopped: false };
    tasks.push(t);
    return { stop: () => void (t.stopped = true) };
  };
  return { tasks, factory };
}

const settings = { topN: 3, timezone: 'Asia/Riyadh', quietHours: '' };

async function boot(store: SqliteStore, clock: FakeClock, sender = new RecordingSender(clock)) {
  const cron = fakeCron();
  const sched = await startScheduler({
    store,
    ledger: new SqliteDigestLedger(store.db),
    sender,
    settings,
    clock,
    cron: cron.factory,
    sweepMs: 0,
    owner: `test-${Math.random()}`,
  });
  await sched.sweep();
  return { sched, sender, cron };
}

test('GIVEN two slots missed while the bot was down THEN start-up sends one digest, for the most recent slot', async () => {
  const store = openStore(':memory:');
  // Subscribed Sunday 06:00 Riyadh; 08:00 and 20:00 Sunday and 08:00 Monday pass while down.
  await store.upsertSubscription({ chatId: 'telegram:-1', platform: 'telegram', times: ['08:00', '20:00'], timezone: 'Asia/Riyadh', topN: 3 }, '2026-11-22T03:00:00.000Z');
  await seedStories(store, ['انفجار قرب السفارة', 'اجتماع الحكومة'], '2026-11-22T04:00:00.000Z');
  const clock = new FakeClock(Date.parse('2026-11-23T06:30:00.000Z')); // Monday 09:30 Riyadh
  const { sched, sender, cron } = await boot(store, clock);
  assert.equal(sender.sent.length, 1);
  assert.deepEqual(cron.tasks.map((t) => [t.expression, t.timeZone]), [['0 8 * * *', 'Asia/Riyadh'], ['0 20 * * *', 'Asia/Riyadh']]);
  // A restart right after sends nothing more.
  await sched.stop();
  const again = await boot(store, clock);
  assert.equal(again.sender.sent.length, 0);
  await again.sched.stop();
});

test('GIVEN a cron tick THEN the digest goes out once, even when the same slot ticks twice', async () => {
  const store = openStore(':memory:');
  const clock = new FakeClock(Date.parse('2026-11-24T04:59:00.000Z'));
  await store.upsertSubscription({ chatId: 'telegram:-1', platform: 'telegram', times: ['08:00'], timezone: 'Asia/Riyadh', topN: 3 }, clock.now().toISOString());
  const { sched, sender, cron } = await boot(store, clock);
  assert.equal(sender.sent.length, 0);
  await seedStories(store, ['خبر أول', 'خبر ثان', 'خبر ثالث', 'خبر رابع'], '2026-11-24T04:00:00.000Z', 1);
  await seedStories(store, ['خبر كبير'], '2026-11-24T03:00:00.000Z', 3);
  clock.t = Date.parse('2026-11-24T05:00:00.000Z');
  cron.tasks[0]!.tick();
  cron.tasks[0]!.tick();
  await new Promise((r) => setImmediate(r));
  await sched.sweep();
  assert.equal(sender.sent.length, 1);
  const text = JSON.stringify(sender.sent[0]!.message);
  // Three items, the story with three sources first.
  assert.match(text, /1\. خبر كبير/);
  assert.match(text, /3 مصادر/);
  assert.doesNotMatch(text, /4\. /);
  assert.equal((await store.digestItem('telegram:-1', 1))?.length, 3);
  await sched.stop();
});

test('GIVEN quiet hours over the slot THEN no digest goes out and its stories wait for the next one', async () => {
  const store = openStore(':memory:');
  const clock = new FakeClock(Date.parse('2026-11-24T20:00:00.000Z')); // 23:00 Riyadh
  await store.upsertSubscription(
    { chatId: 'telegram:-1', platform: 'telegram', times: ['23:00', '08:00'], timezone: 'Asia/Riyadh', topN: 3, options: { quiet: '22:00-07:00' } },
    '2026-11-24T00:00:00.000Z',
  );
  await seedStories(store, ['خبر الليل'], '2026-11-24T19:00:00.000Z');
  const { sched, sender } = await boot(store, clock);
  assert.equal(await sched.fire('telegram:-1', new Date('2026-11-24T20:00:00.000Z')), 'quiet');
  assert.equal(sender.sent.length, 0);
  const sub = (await store.getSubscription('telegram:-1'))!;
  assert.equal(sched.nextDigest(sub)?.toISOString(), '2026-11-25T05:00:00.000Z');
  clock.t = Date.parse('2026-11-25T05:00:00.000Z');
  await sched.fire('telegram:-1', clock.now());
  await sched.sweep();
  assert.equal(sender.sent.length, 1);
  assert.match(JSON.stringify(sender.sent[0]!.message), /خبر الليل/);
  await sched.stop();
});

test('GIVEN two schedulers over one store (a rolling restart) THEN every chat gets the slot once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mojaz-sched-'));
  const a = openStore(join(dir, 'db.sqlite'));
  const b = openStore(join(dir, 'db.sqlite'));
  const clock = new FakeClock(Date.parse('2026-11-24T04:59:00.000Z'));
  const chats = Array.from({ length: 12 }, (_, i) => `telegram:-100${i}`);
  for (const c of chats) await a.upsertSubscription({ chatId: c, platform: 'telegram', times: ['08:00'], timezone: 'Asia/Riyadh', topN: 3 }, clock.now().toISOString());
  await seedStories(a, ['خبر'], '2026-11-24T04:00:00.000Z');
  const sender = new RecordingSender(clock);
  const one = await boot(a, clock, sender);
  const two = await boot(b, clock, sender);
  clock.t = Date.parse('2026-11-24T05:00:00.000Z');
  for (const t of [...one.cron.tasks, ...two.cron.tasks]) t.tick();
  await new Promise((r) => setTimeout(r, 20));
  await Promise.all([one.sched.sweep(), two.sched.sweep()]);
  for (const c of chats) assert.equal(sender.count(c), 1, c);
  await one.sched.stop();
  await two.sched.stop();
});

test('GIVEN /digest now THEN it is sent through the sender, recorded for /timeline, and a tick does not repeat its stories', async () => {
  const store = openStore(':memory:');
  const clock = new FakeClock(Date.parse('2026-11-24T04:00:00.000Z'));
  await store.upsertSubscription({ chatId: 'telegram:-1', platform: 'telegram', times: ['08:00'], timezone: 'Asia/Riyadh', topN: 3 }, '2026-11-24T00:00:00.000Z');
  await seedStories(store, ['خبر عاجل'], '2026-11-24T03:00:00.000Z');
  const { sched, sender, cron } = await boot(store, clock);
  const now = await sched.digestNow('telegram:-1');
  assert.ok('sent' in now);
  assert.equal(now.items, 1);
  assert.equal(sender.sent.length, 1);
  assert.equal((await store.digestItem('telegram:-1', 1))?.length, 1);
  assert.ok('empty' in (await sched.digestNow('telegram:-1')));
  clock.t = Date.parse('2026-11-24T05:00:00.000Z');
  cron.tasks[0]!.tick();
  await new Promise((r) => setImmediate(r));
  await sched.sweep();
  assert.equal(sender.sent.length, 1);
  await sched.stop();
});

test('GIVEN /digest whose send fails (a 502) THEN its stories are not lost: the digest stays due and the next sweep delivers it', async () => {
  const store = openStore(':memory:');
  const clock = new FakeClock(Date.parse('2026-11-24T04:00:00.000Z'));
  await store.upsertSubscription({ chatId: 'telegram:-1', platform: 'telegram', times: ['08:00'], timezone: 'Asia/Riyadh', topN: 3 }, '2026-11-24T00:00:00.000Z');
  await seedStories(store, ['خبر عاجل'], '2026-11-24T03:00:00.000Z');
  let down = true;
  const { sched, sender } = await boot(store, clock, new RecordingSender(clock, () => (down ? new Error('502 Bad Gateway') : undefined)));
  const now = await sched.digestNow('telegram:-1');
  assert.ok('queued' in now);
  assert.equal(sender.sent.length, 0);
  down = false;
  clock.t += 3_600_000;
  await sched.sweep();
  assert.equal(sender.sent.length, 1);
  assert.match(JSON.stringify(sender.sent[0]!.message), /خبر عاجل/u);
  await sched.stop();
});

test('GIVEN a digest with no room for every story THEN "more" and /digest again show the next ones of its period, then nothing', async () => {
  const store = openStore(':memory:');
  const clock = new FakeClock(Date.parse('2026-11-24T04:59:00.000Z'));
  await store.upsertSubscription({ chatId: 'telegram:-1', platform: 'telegram', times: ['08:00'], timezone: 'Asia/Riyadh', topN: 3 }, '2026-11-23T05:00:00.000Z');
  const { sched, sender } = await boot(store, clock);
  const titles = Array.from({ length: 8 }, (_, i) => `خبر رقم ${i + 1}`);
  await seedStories(store, titles, '2026-11-24T02:00:00.000Z');
  clock.t = Date.parse('2026-11-24T05:00:00.000Z');
  await sched.fire('telegram:-1', clock.now());
  await sched.sweep();
  const scheduled = sender.sent[0]!.message;
  assert.deepEqual(scheduled.buttons, [[{ kind: 'action', label: 'المزيد (5)', action: 'digest' }]]);
  // An hour later: the stories of the period the digest had no room for, three by three.
  clock.t = Date.parse('2026-11-24T06:00:00.000Z');
  const more = await sched.digestNow('telegram:-1');
  assert.ok('message' in more);
  assert.equal(more.items, 3);
  assert.deepEqual(more.message.buttons, [[{ kind: 'action', label: 'المزيد (2)', action: 'digest' }]]);
  const last = await sched.digestNow('telegram:-1');
  assert.ok('message' in last);
  assert.equal(last.items, 2);
  assert.equal(last.message.buttons, undefined);
  assert.ok('empty' in (await sched.digestNow('telegram:-1')));
  const shown = [scheduled, more.message, last.message].flatMap((m) => [...JSON.stringify(m).matchAll(/\d\. خبر رقم (\d)/gu)].map((x) => Number(x[1])));
  assert.deepEqual([...new Set(shown)].sort(), [1, 2, 3, 4, 5, 6, 7, 8], 'every story once');
  assert.equal(shown.length, new Set(shown).size);
  // The next scheduled digest starts a new period: the old stories are not offered again.
  await seedStories(store, ['خبر الغد'], '2026-11-25T02:00:00.000Z');
  clock.t = Date.parse('2026-11-25T05:00:00.000Z');
  await sched.fire('telegram:-1', clock.now());
  await sched.sweep();
  assert.match(JSON.stringify(sender.sent.at(-1)!.message), /خبر الغد/u);
  await sched.stop();
});

const UPCOMING: [string[], string, string | undefined, string, string][] = [
  [['08:00'], 'Asia/Baghdad', undefined, '2026-11-24T05:00:00Z', '2026-11-25T05:00:00.000Z'],
  [['07:00', '19:00'], 'Asia/Baghdad', undefined, '2026-11-24T05:00:00Z', '2026-11-24T16:00:00.000Z'],
  [['0 * * * *'], 'Africa/Tunis', '23:00-07:00', '2026-11-24T21:30:00Z', '2026-11-25T06:00:00.000Z'],
];
for (const [times, zone, quiet, after, expected] of UPCOMING) {
  test(`GIVEN ${times.join(',')} in ${zone}${quiet ? ` quiet ${quiet}` : ''} after ${after} THEN the next digest is ${expected}`, () => {
    const sub: Subscription = { id: 1, chatId: 'x', platform: 'telegram', times, timezone: zone, topN: 5, active: true, createdAt: after, options: quiet ? { quiet } : {} };
    assert.equal(upcomingSlot(sub, new Date(after))?.toISOString(), expected);
  });
}

test('GIVEN chats sharing a time and zone THEN one task runs for them, its tick sends each its digest once, and /unsubscribe takes a chat off it', async () => {
  const store = openStore(':memory:');
  const clock = new FakeClock(Date.parse('2026-11-24T04:59:00.000Z'));
  const chats = ['telegram:-1', 'telegram:-2', 'telegram:-3'];
  for (const c of chats) await store.upsertSubscription({ chatId: c, platform: 'telegram', times: ['08:00'], timezone: 'Asia/Riyadh', topN: 3 }, clock.now().toISOString());
  await store.upsertSubscription({ chatId: 'telegram:-4', platform: 'telegram', times: ['08:00', 'not a time'], timezone: 'Africa/Cairo', topN: 3 }, clock.now().toISOString());
  const { sched, sender, cron } = await boot(store, clock);
  assert.deepEqual(cron.tasks.map((t) => [t.expression, t.timeZone]), [['0 8 * * *', 'Asia/Riyadh'], ['0 8 * * *', 'Africa/Cairo']]);
  await store.removeSubscription('telegram:-3');
  await sched.reschedule('telegram:-3');
  await seedStories(store, ['خبر'], '2026-11-24T04:00:00.000Z');
  clock.t = Date.parse('2026-11-24T05:00:00.000Z');
  cron.tasks[0]!.tick();
  await new Promise((r) => setTimeout(r, 20));
  await sched.sweep();
  assert.deepEqual(sender.sent.map((s) => s.chatId).sort(), ['telegram:-1', 'telegram:-2']);
  await sched.stop();
  assert.ok(cron.tasks.every((t) => t.stopped));
});

test('GIVEN a restart over chats whose latest slot went out THEN start-up reads their slots once, not once a chat, and still catches up the one that missed it', async () => {
  const store = openStore(':memory:');
  const chats = Array.from({ length: 5 }, (_, i) => `telegram:-${i + 1}`);
  for (const c of chats) await store.upsertSubscription({ chatId: c, platform: 'telegram', times: ['08:00'], timezone: 'Asia/Riyadh', topN: 3 }, '2026-11-22T03:00:00.000Z');
  await seedStories(store, ['خبر'], '2026-11-23T04:00:00.000Z');
  const clock = new FakeClock(Date.parse('2026-11-23T06:30:00.000Z'));
  const first = await boot(store, clock);
  assert.equal(first.sender.sent.length, 5);
  await first.sched.stop();
  await store.upsertSubscription({ chatId: 'telegram:-9', platform: 'telegram', times: ['08:00'], timezone: 'Asia/Riyadh', topN: 3 }, '2026-11-22T03:00:00.000Z');
  const ledger = new SqliteDigestLedger(store.db);
  const asked: string[] = [];
  const history = ledger.history.bind(ledger);
  ledger.history = (chatId) => (asked.push(chatId), history(chatId));
  const sender = new RecordingSender(clock);
  const sched = await startScheduler({ store, ledger, sender, settings, clock, cron: fakeCron().factory, sweepMs: 0, owner: 'restart' });
  await sched.sweep();
  // Only the chat with no digest for the slot is looked at (and composing its digest reads its history too).
  assert.ok(asked.every((c) => c === 'telegram:-9'), asked.join());
  assert.deepEqual(sender.sent.map((s) => s.chatId), ['telegram:-9']);
  await sched.stop();
});
