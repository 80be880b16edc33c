/**
 * The platform-wide send limit shared through PostgreSQL (src/store/postgres-send-slots.ts): two
 * instances over one database send at most the limit in any one-second window at the loopback
 * Bot API, together; a killed instance's slots come back when their hold runs out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Telegram } from 'telegraf';
import { openSharedStores } from '../support/stores.ts';
import type { PostgresStore } from '../../src/store/index.ts';
import { ledgerOf } from '../../src/store/index.ts';
import { PostgresSendSlots } from '../../src/store/postgres-send-slots.ts';
import { SendLimiter, systemClock, TELEGRAM_LIMITS } from '../../src/messages/pacing.ts';
import { TelegramSender } from '../../src/adapters/telegram/sender.ts';
import { startScheduler } from '../../src/schedule/scheduler.ts';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';
import { busiestWindow } from '../support/windows.ts';
import { seedStories } from '../schedule/helpers.ts';

const settled = (p: Promise<unknown>): Promise<boolean> => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 300))]);

test('GIVEN two instances sharing a limit of 4 a second THEN the loopback Bot API sees at most 4 messages in any second, every chat gets its digest once, and both instances send', async () => {
  const LIMIT = 4;
  const CHATS = 16;
  const stores = (await openSharedStores('postgres', 2)) as PostgresStore[];
  const created = new Date(Date.now() - 2 * 86_400_000).toISOString();
  const chats = Array.from({ length: CHATS }, (_, i) => `telegram:-100${2_000_000 + i}`);
  for (const chatId of chats) await stores[0]!.upsertSubscription({ chatId, platform: 'telegram', times: ['00:00'], timezone: 'UTC', topN: 3 }, created);
  await seedStories(stores[0]!, ['خبر أول', 'خبر ثان'], new Date(Date.now() - 3_600_000).toISOString());
  const fake = new FakeTelegramApi();
  await fake.start();
  const sentBy = [0, 0];
  try {
    const instances = await Promise.all(
      stores.map(async (store, n) => {
        // Each instance alone would allow LIMIT a second; only the shared slots keep the two together under it.
        const pacer = new SendLimiter(systemClock, () => ({ ...TELEGRAM_LIMITS, perSecond: LIMIT }), new PostgresSendSlots(store));
        const inner = new TelegramSender(new Telegram(fake.token, { apiRoot: fake.apiRoot }), { waitOnRateLimit: false, pacer });
        const sender = { send: async (chat: string, message: Parameters<typeof inner.send>[1]) => (await inner.send(chat, message), sentBy[n]!++) };
        return startScheduler({
          store,
          ledger: ledgerOf(store),
          sender: { send: async (chat, message) => void (await sender.send(chat, message)) },
          settings: { topN: 3, timezone: 'UTC', quietHours: '' },
          cron: () => ({ stop() {} }),
          limiter: pacer,
          senderPaces: true,
          sweepMs: 0,
          concurrency: 4,
        });
      }),
    );
    await Promise.all(instances.map((s) => s.sweep()));
    await Promise.all(instances.map((s) => s.sweep()));
    await Promise.all(instances.map((s) => s.stop()));
    const calls = fake.callsOf('sendMessage');
    const perChat = new Map<string, number>();
    for (const c of calls) perChat.set(String(c.payload.chat_id), (perChat.get(String(c.payload.chat_id)) ?? 0) + 1);
    assert.equal(perChat.size, CHATS, 'every chat got its digest');
    assert.ok([...perChat.values()].every((n) => n === 1), 'no chat got it twice');
    assert.ok(sentBy[0]! > 0 && sentBy[1]! > 0, `both instances sent (${sentBy.join(' + ')})`);
    const most = busiestWindow(
      calls.map((c) => c.at),
      1000,
    );
    assert.ok(most <= LIMIT, `at most ${LIMIT} messages in any second at the Bot API, saw ${most}`);
  } finally {
    await fake.stop();
    await Promise.all(stores.map((s) => s.close()));
  }
});

test('GIVEN every slot held THEN the next send waits for one to end, and a killed instance\'s slots come back after their hold', async () => {
  const [a, b] = (await openSharedStores('postgres', 2)) as PostgresStore[];
  try {
    const dying = new PostgresSendSlots(a!, { holdMs: 400 });
    const other = new PostgresSendSlots(b!, { holdMs: 60_000 });
    // The dying instance takes two of three slots and never ends its sends.
    await dying.acquire('telegram', 3);
    await dying.acquire('telegram', 3);
    const end = await other.acquire('telegram', 3);
    const next = other.acquire('telegram', 3);
    assert.equal(await settled(next), false, 'no fourth send while three are in flight');
    end();
    // The slot ended comes free a second later, or the dying ones after their hold: either way the send goes.
    await next;
    const rows = (await b!.query("SELECT COUNT(*) AS n FROM send_slots WHERE platform = 'telegram'")).rows;
    assert.equal(Number(rows[0]!.n), 3);
  } finally {
    await a!.close();
    await b!.close();
  }
});

test('GIVEN an instance killed while holding every slot THEN another instance sends once the hold has run out', async () => {
  const [a, b] = (await openSharedStores('postgres', 2)) as PostgresStore[];
  try {
    const dying = new PostgresSendSlots(a!, { holdMs: 300 });
    for (let i = 0; i < 2; i++) await dying.acquire('discord', 2);
    await a!.close();
    // Both slots are held by a process that will never end its sends: only their hold running out frees them.
    const other = new PostgresSendSlots(b!);
    await other.acquire('discord', 2);
    await other.acquire('discord', 2);
  } finally {
    await b!.close();
  }
});

test('GIVEN the database gone THEN sends go on under the local limit and the failure is logged once', async () => {
  const [a] = (await openSharedStores('postgres', 1)) as PostgresStore[];
  const lines: string[] = [];
  const slots = new PostgresSendSlots(a!, { log: (line) => lines.push(line) });
  await a!.close();
  (await slots.acquire('telegram', 30))();
  (await slots.acquire('telegram', 30))();
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /shared send limit unavailable/);
});

test('GIVEN a send paced inside a store transaction that rolls back THEN its slot stays held', async () => {
  const [a] = (await openSharedStores('postgres', 1)) as PostgresStore[];
  try {
    const slots = new PostgresSendSlots(a!);
    await assert.rejects(
      a!.transaction(async () => {
        await slots.acquire('telegram', 2);
        throw new Error('the work around the send failed');
      }),
      /failed/,
    );
    const held = (await a!.query("SELECT COUNT(*) AS n FROM send_slots WHERE platform = 'telegram' AND holder IS NOT NULL")).rows;
    assert.equal(Number(held[0]!.n), 1);
  } finally {
    await a!.close();
  }
});

test('GIVEN two senders over one database sending to one group THEN the loopback Bot API sees at most one message a second to it and the minute limit across both', async () => {
  const stores = (await openSharedStores('postgres', 2)) as PostgresStore[];
  const fake = new FakeTelegramApi();
  await fake.start();
  const sentBy = [0, 0];
  try {
    // Each sender alone keeps its own one a second and 2 a "minute" (3 s here); only the shared
    // chat slots keep the two together under them.
    const senders = stores.map((store) => {
      const slots = new PostgresSendSlots(store, { chatWindowsMs: { second: 1000, minute: 3000 } });
      const pacer = new SendLimiter(systemClock, () => ({ ...TELEGRAM_LIMITS, groupPerMinute: 2 }), slots);
      return new TelegramSender(new Telegram(fake.token, { apiRoot: fake.apiRoot }), { waitOnRateLimit: false, pacer });
    });
    await Promise.all(
      senders.map(async (sender, n) => {
        for (let i = 0; i < 2; i++) {
          await sender.send('telegram:-100555', { blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: `موجز ${n}.${i}` }] }] });
          sentBy[n]!++;
        }
      }),
    );
    const at = fake.callsOf('sendMessage').map((c) => c.at);
    assert.equal(at.length, 4);
    assert.deepEqual(sentBy, [2, 2]);
    assert.ok(busiestWindow(at, 1000) <= 1, `two messages to the group within a second: ${at.map((t) => Math.round(t - at[0]!)).join(', ')}`);
    assert.ok(busiestWindow(at, 3000) <= 2, `three messages to the group within its "minute": ${at.map((t) => Math.round(t - at[0]!)).join(', ')}`);
  } finally {
    await fake.stop();
    await Promise.all(stores.map((s) => s.close()));
  }
});

test('GIVEN a group whose minute is full THEN its free second is not taken meanwhile (both or neither), and a killed instance\'s chat slots come back after their hold', async () => {
  const [a, b] = (await openSharedStores('postgres', 2)) as PostgresStore[];
  try {
    const windows = { second: 50, minute: 60_000 };
    const group = { perSecond: 1, perMinute: 1 };
    const first = new PostgresSendSlots(a!, { chatWindowsMs: windows });
    (await first.acquireChat('telegram:-100777', group))();
    const other = new PostgresSendSlots(b!, { chatWindowsMs: windows });
    const next = other.acquireChat('telegram:-100777', group);
    assert.equal(await settled(next), false, 'the minute is full');
    const held = (await b!.query("SELECT COUNT(*) AS n FROM chat_send_slots WHERE chat_id = 'telegram:-100777' AND holder IS NOT NULL")).rows;
    assert.equal(Number(held[0]!.n), 0, 'the second slot was not taken alone');
    // Another chat is not held up by this one; a private chat has no minute slots.
    (await other.acquireChat('telegram:42', { perSecond: 1, perMinute: 0 }))();
    const rows = (await b!.query("SELECT COUNT(*) AS n FROM chat_send_slots WHERE chat_id = 'telegram:42'")).rows;
    assert.equal(Number(rows[0]!.n), 1);

    const dying = new PostgresSendSlots(a!, { holdMs: 300, chatWindowsMs: { second: 50, minute: 50 } });
    await dying.acquireChat('telegram:-100888', group);
    await a!.close();
    // Held by a process that will never end its send: only the hold running out frees the chat.
    const survivor = new PostgresSendSlots(b!, { chatWindowsMs: { second: 50, minute: 50 } });
    (await survivor.acquireChat('telegram:-100888', group))();
  } finally {
    await b!.close();
  }
});

test('GIVEN a chat idle past chatIdleMs THEN its slot rows are pruned at the next look, a busy chat keeps its own, and the idle one sends again', async () => {
  const [a] = (await openSharedStores('postgres', 1)) as PostgresStore[];
  try {
    const slots = new PostgresSendSlots(a!, { chatWindowsMs: { second: 20, minute: 20 }, chatIdleMs: 200, pruneEveryMs: 0 });
    const group = { perSecond: 1, perMinute: 2 };
    (await slots.acquireChat('telegram:-1001', group))();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const held = await slots.acquireChat('telegram:-1002', group);
    const chats = async (): Promise<string[]> => (await a!.query('SELECT DISTINCT chat_id FROM chat_send_slots ORDER BY chat_id')).rows.map((r) => String(r.chat_id));
    assert.deepEqual(await chats(), ['telegram:-1002'], 'the idle chat pruned');
    (await slots.acquireChat('telegram:-1001', group))();
    assert.deepEqual(await chats(), ['telegram:-1001', 'telegram:-1002'], 'the held chat kept, the idle one made again');
    held();
    // A chat whose per-second row went (pruned by another instance) while this one still counts it as made: made again, not waited on.
    const others = new PostgresSendSlots(a!, { chatWindowsMs: { second: 20, minute: 20 }, pruneEveryMs: 3_600_000 });
    (await others.acquireChat('telegram:-1003', group))();
    await a!.query("DELETE FROM chat_send_slots WHERE chat_id = 'telegram:-1003' AND slot = 0");
    await new Promise((resolve) => setTimeout(resolve, 50));
    (await others.acquireChat('telegram:-1003', group))();
  } finally {
    await a!.close();
  }
});
