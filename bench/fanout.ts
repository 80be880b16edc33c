/**
 * Fan-out benchmark: one digest to each of 1,000 Telegram group chats through the loopback Bot
 * API fake (test/fakes/telegram-api.ts) and the real Telegram Sender (telegraf), with the
 * scheduler's ledger, leases and 30-a-second limiter. About 5% of sendMessage calls are answered
 * 429 retry_after=1. Reports the achieved rate (goal ≥ 27/s), the busiest second, and whether any
 * chat lost or doubled its digest. Takes ~35 s. Run: npm run bench:fanout [-- CHATS]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Telegram } from 'telegraf';
import { FakeTelegramApi } from '../test/fakes/telegram-api.ts';
import { TelegramSender } from '../src/adapters/telegram/sender.ts';
import type { Message } from '../src/messages/model.ts';
import { openStore } from '../src/store/index.ts';
import { SqliteDigestLedger } from '../src/store/digest-ledger.ts';
import { startScheduler } from '../src/schedule/scheduler.ts';
import type { Analysis } from '../src/core/types.ts';

const CHATS = Number(process.argv[2] ?? 1000);
const RATE_LIMITED_SHARE = 0.05;

const dir = mkdtempSync(join(tmpdir(), 'mojaz-bench-fanout-'));
const store = openStore(join(dir, 'mojaz.sqlite'));
const now = Date.now();
const created = new Date(now - 2 * 86_400_000).toISOString();
for (let i = 0; i < CHATS; i++) {
  await store.upsertSubscription({ chatId: `telegram:-100${1_000_000 + i}`, platform: 'telegram', times: ['00:00'], timezone: 'UTC', topN: 5 }, created);
}
// Five stories, the first carried by three outlets, each with a three-sentence brief.
const brief = (t: string): Analysis => ({
  sentences: [],
  brief: [0, 1, 2].map((k) => ({ text: `${t}: جملة الموجز رقم ${k + 1} وفيها ما يكفي من الكلمات لتشبه خبرًا حقيقيًا.`, sentence: k })),
  timeline: [],
  who: [],
  mentions: [],
  temporal: [],
  sources: [],
});
for (const [i, title] of ['هجوم على السفارة الأمريكية في بغداد', 'قمة عربية طارئة', 'ارتفاع أسعار النفط', 'انتخابات بلدية', 'افتتاح معرض الكتاب'].entries()) {
  let story: number | undefined;
  for (let k = 0; k < (i === 0 ? 3 : 1); k++) {
    const seen = new Date(now - 3_600_000).toISOString();
    const { article } = await store.upsertArticle({ title, text: `${title} ${'نص '.repeat(40)} ${k}`, outlet: `وكالة ${k + 1}`, url: `https://news${k}.example/${i}`, seenAt: seen });
    await store.saveAnalysis(article.id, 'bench', brief(title), seen);
    if (story === undefined) story = (await store.createStory(article.id, title, seen)).id;
    else await store.addToStory(story, article.id, 1, seen);
  }
}

const fake = new FakeTelegramApi();
await fake.start();
const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
// 429s come back to the fan-out (not waited out inside the sender), so every retry passes the limiter.
const inner = new TelegramSender(telegram, { waitOnRateLimit: false });
const received = new Map<string, number>();
const acceptedAt: number[] = [];
const sender = {
  async send(chatId: string, message: Message): Promise<void> {
    await inner.send(chatId, message);
    received.set(chatId, (received.get(chatId) ?? 0) + 1);
    acceptedAt.push(performance.now());
  },
};

// Keep about one 429 (retry_after = 1 s) queued for every 20 sendMessage calls.
let injected = 0;
const injector = setInterval(() => {
  const calls = fake.callsOf('sendMessage').length;
  if (injected < Math.floor(calls * RATE_LIMITED_SHARE) + 1) {
    fake.rateLimitNext('sendMessage', 1, 1);
    injected++;
  }
}, 2);

const t0 = performance.now();
const scheduler = await startScheduler({
  store,
  ledger: new SqliteDigestLedger(store.db),
  sender,
  settings: { topN: 5, timezone: 'UTC', quietHours: '' },
  cron: () => ({ stop() {} }),
  sweepMs: 0,
  concurrency: 8,
});
const tComposed = performance.now();
const report = await scheduler.sweep();
const tDone = performance.now();
clearInterval(injector);
await scheduler.stop();

const calls = fake.callsOf('sendMessage').map((c) => c.at);
const busiest = (times: number[]): number => {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
};
const first = acceptedAt[0] ?? tComposed;
const last = acceptedAt[acceptedAt.length - 1] ?? tDone;
const delivered = acceptedAt.length;
const lost = CHATS - received.size;
const doubled = [...received.values()].filter((n) => n > 1).length;
const rate = delivered > 1 ? ((delivered - 1) * 1000) / (last - first) : 0;
const pending = (store.db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE status != 'sent'").get() as { n: number }).n;

console.log(`fan-out bench: ${CHATS} Telegram group chats, loopback Bot API fake + real TelegramSender (telegraf)`);
console.log(`  compose + open ${CHATS} digests (start-up catch-up): ${((tComposed - t0) / 1000).toFixed(1)} s`);
console.log(`  delivered: ${delivered} messages to ${received.size} chats in ${((tDone - tComposed) / 1000).toFixed(1)} s`);
console.log(`  achieved rate: ${rate.toFixed(1)} messages/s (goal ≥ 27/s; limit 30/s)`);
console.log(`  sendMessage calls: ${calls.length}, of them answered 429 retry_after=1: ${calls.length - delivered} (${(((calls.length - delivered) / calls.length) * 100).toFixed(1)}%)`);
console.log(`  busiest second: ${busiest(acceptedAt)} accepted messages, ${busiest(calls)} API calls (retries after 429 included)`);
console.log(`  lost: ${lost} chats, doubled: ${doubled} chats, ledger not sent: ${pending}; fan-out report ${JSON.stringify(report)}`);
await fake.stop();
await store.close();
rmSync(dir, { recursive: true, force: true });
const ok = lost === 0 && doubled === 0 && pending === 0 && rate >= 27;
console.log(ok ? 'OK' : 'BELOW GOAL');
process.exitCode = ok ? 0 : 1;
