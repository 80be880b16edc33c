/**
 * Fan-out benchmark: one digest to each of 1,000 Telegram group chats from two instances over one
 * PostgreSQL database (two processes, test/crash/instance-child.ts: the scheduler with its ledger
 * and leases, the real Telegram Sender paced per chat and by the send slots the instances share)
 * through the loopback Bot API fake (test/fakes/telegram-api.ts). About 5% of sendMessage calls are
 * answered 429 retry_after=1. One bot token allows 30 messages a second in all, however many
 * instances send: reports the busiest second at the fake (≤ 30), the achieved rate (goal ≥ 27/s),
 * and whether any chat lost or doubled its digest. Takes about a minute.
 *
 *   npm run bench:fanout [-- --chats 1000 --instances 2 --concurrency 8]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { FakeTelegramApi } from '../test/fakes/telegram-api.ts';
import { busiestWindow } from '../test/support/windows.ts';
import { freshPostgresUrl } from '../test/support/postgres.ts';
import { openDigests } from '../test/schedule/helpers.ts';
import { ledgerOf, openPostgresStore } from '../src/store/index.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

const CHATS = arg('chats', 1000);
const INSTANCES = arg('instances', 2);
const CONCURRENCY = arg('concurrency', 8);
const LIMIT = 30;
const RATE_LIMITED_SHARE = 0.05;
const CHILD = fileURLToPath(new URL('../test/crash/instance-child.ts', import.meta.url));
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ');

const url = await freshPostgresUrl();
const setup = await openPostgresStore(url);
// The digests are opened before the instances start, so the figures are the fan-out's alone.
const story = 'ملخص الخبر: جملة الموجز وفيها ما يكفي من الكلمات لتشبه خبرًا حقيقيًا من وكالة أنباء. ';
const chats = Array.from({ length: CHATS }, (_, i) => `telegram:-100${1_000_000 + i}`);
await openDigests(ledgerOf(setup), chats, Date.now() - 60_000, (chatId) => `موجز ${chatId}\n${story.repeat(5)}`);

const fake = new FakeTelegramApi();
await fake.start();
// Keep about one 429 (retry_after = 1 s) queued for every 20 sendMessage calls.
let injected = 0;
const injector = setInterval(() => {
  if (injected < Math.floor(fake.callsOf('sendMessage').length * RATE_LIMITED_SHARE) + 1) {
    fake.rateLimitNext('sendMessage', 1, 1);
    injected++;
  }
}, 2);

const sentCount = async (): Promise<number> => Number((await setup.query("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'")).rows[0]?.n ?? 0);
const env = { ...process.env, DATABASE_URL: url, API_ROOT: fake.apiRoot, TOKEN: fake.token, FEEDS: '', POLL_MS: '600000', LEASE_MS: '120000', SWEEP_MS: '1000', CONCURRENCY: String(CONCURRENCY), PER_SECOND: String(LIMIT) };
const t0 = performance.now();
const children: ChildProcess[] = Array.from({ length: INSTANCES }, (_, i) =>
  spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...env, INSTANCE: `instance-${i}` }, stdio: ['ignore', 'ignore', 'inherit'] }),
);
const exits = children.map((c) => new Promise<number | null>((resolve) => c.on('exit', resolve)));
for (let sent = 0; sent < CHATS; sent = await sentCount()) {
  if (performance.now() - t0 > 600_000) throw new Error(`only ${sent} of ${CHATS} sent after 10 minutes`);
  await new Promise((r) => setTimeout(r, 200));
}
clearInterval(injector);
for (const child of children) child.kill('SIGTERM');
const codes = await Promise.all(exits);

const calls = fake.callsOf('sendMessage');
const accepted = calls.filter((c) => c.failed === undefined);
const perChat = new Map<string, number>();
for (const c of accepted) perChat.set(String(c.payload.chat_id), (perChat.get(String(c.payload.chat_id)) ?? 0) + 1);
const first = Math.min(...accepted.map((c) => c.at));
const last = Math.max(...accepted.map((c) => c.at));
const rate = accepted.length > 1 ? ((accepted.length - 1) * 1000) / (last - first) : 0;
const lost = CHATS - perChat.size;
const doubled = [...perChat.values()].filter((n) => n > 1).length;
const busiestCalls = busiestWindow(calls.map((c) => c.at));
const pending = Number((await setup.query("SELECT COUNT(*) AS n FROM deliveries WHERE status != 'sent'")).rows[0]?.n ?? 0);

console.log(`fan-out bench: ${CHATS} Telegram group chats, ${INSTANCES} instances over one PostgreSQL (concurrency ${CONCURRENCY} each), loopback Bot API fake; load average ${load()}`);
console.log(`  delivered: ${accepted.length} messages to ${perChat.size} chats in ${((last - first) / 1000).toFixed(1)} s (the first ${((first - t0) / 1000).toFixed(1)} s after the instances were started)`);
console.log(`  achieved rate: ${rate.toFixed(1)} messages/s (goal ≥ 27/s; limit ${LIMIT}/s for the token, all instances together)`);
console.log(`  sendMessage calls: ${calls.length}, of them answered 429 retry_after=1: ${calls.length - accepted.length}`);
console.log(`  busiest second at the fake: ${busiestCalls} API calls (429s included), ${busiestWindow(accepted.map((c) => c.at))} accepted messages`);
console.log(`  lost: ${lost} chats, doubled: ${doubled} chats, ledger not sent: ${pending}; instances exited ${codes.join(', ')}`);
await fake.stop();
await setup.close();
if (process.env.BENCH_HIST) { const h: number[] = []; for (const c of accepted) { const k = Math.floor((c.at - first) / 1000); h[k] = (h[k] ?? 0) + 1; } console.log(`  per second: ${[...h].map((n) => n ?? 0).join(" ")}`); }
const ok = lost === 0 && doubled === 0 && pending === 0 && busiestCalls <= LIMIT && rate >= 27;
console.log(ok ? 'OK' : 'BELOW GOAL');
process.exitCode = ok ? 0 : 1;
