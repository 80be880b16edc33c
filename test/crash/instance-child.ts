/**
 * One bot instance for the several-instances test: over the PostgreSQL database of DATABASE_URL it
 * runs what `npm start` runs for feeds and digests — the feed poller (leases, every POLL_MS) over
 * the loopback feeds of FEEDS, and the digest scheduler (catch-up of the missed slot, then the
 * retry sweep) sending through the real Telegram sender to the loopback Bot API at API_ROOT. With
 * PER_SECOND set it paces as main.ts does, per chat and platform-wide through the send slots every
 * instance over the database shares (PER_SECOND of them; bench:fanout); without, each instance
 * paces alone (the kill test, which would otherwise spend its time in the limit). It runs until
 * SIGTERM, then stops as main.ts does (releasing what it holds) and exits 0. CONCURRENCY (default
 * 1) sets its sends in flight.
 */
import { Telegram } from 'telegraf';
import { openPostgresStore, ledgerOf, sharedPaceOf } from '../../src/store/index.ts';
import { SendLimiter, systemClock, TELEGRAM_LIMITS } from '../../src/messages/pacing.ts';
import { startScheduler } from '../../src/schedule/scheduler.ts';
import { TelegramSender } from '../../src/adapters/telegram/sender.ts';
import { FeedPoller, startFeedPolling } from '../../src/ingest/poller.ts';
import { createFetcher } from '../../src/sources/http.ts';

const env = process.env;
// SIGTERM is handled from the first line (a slow start must still stop cleanly); a signal handler
// alone keeps no process alive (the poller's and scheduler's timers are unref'd).
const terminated = new Promise((resolve) => process.once('SIGTERM', resolve));
const alive = setInterval(() => undefined, 60_000);
const name = env.INSTANCE!;
const store = await openPostgresStore(env.DATABASE_URL!);
const poller = new FeedPoller({
  store,
  fetcher: createFetcher({ allowHosts: ['127.0.0.1'], timeoutMs: 5000, maxBytes: 1_000_000, maxRedirects: 0, userAgent: `mojaz-test ${name}` }),
  owner: name,
});
for (const url of (env.FEEDS ?? '').split(' ').filter(Boolean)) await store.addFeed(url, { now: new Date().toISOString() });
const stopFeeds = startFeedPolling(poller, { intervalMs: Number(env.POLL_MS) });
const limits = { ...TELEGRAM_LIMITS, perSecond: Number(env.PER_SECOND ?? TELEGRAM_LIMITS.perSecond) };
const log = (line: string): boolean => process.stderr.write(`${name}: ${line}\n`);
const pacer = env.PER_SECOND ? new SendLimiter(systemClock, () => limits, sharedPaceOf(store, { log })) : undefined;
const scheduler = await startScheduler({
  store,
  ledger: ledgerOf(store),
  sender: new TelegramSender(new Telegram(env.TOKEN!, { apiRoot: env.API_ROOT! }), { waitOnRateLimit: false, ...(pacer ? { pacer } : {}) }),
  ...(pacer ? { limiter: pacer, senderPaces: true } : {}),
  settings: { topN: 3, timezone: 'UTC', quietHours: '' },
  cron: () => ({ stop() {} }),
  owner: name,
  leaseMs: Number(env.LEASE_MS),
  sweepMs: Number(env.SWEEP_MS),
  // One message in flight per instance (by default): a kill can leave at most one sent but not recorded.
  concurrency: Number(env.CONCURRENCY ?? 1),
});
process.stdout.write(`ready ${name}\n`);
await terminated;
clearInterval(alive);
await stopFeeds();
await scheduler.stop();
await store.close();
process.stdout.write(`stopped ${name}\n`);
