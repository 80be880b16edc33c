/**
 * Wiring of the digest scheduler for the composition root (src/main.ts): the SQLite ledger on the
 * store's database, the platform senders behind one router, the scheduler, and the services the
 * digest commands use. `startDigests(...)` returns them with one stop function.
 */
import type { Config } from '../config.ts';
import { platformOfKey } from '../messages/chat.ts';
import type { Message } from '../messages/model.ts';
import type { Sender } from '../messages/sender.ts';
import type { Fetcher } from '../sources/http.ts';
import { SqliteDigestLedger } from '../store/digest-ledger.ts';
import type { SqliteStore } from '../store/sqlite.ts';
import type { DigestLedger } from './ledger.ts';
import type { Clock, SendLimiter } from '../messages/pacing.ts';
import { startScheduler, type CronFactory, type DigestScheduler } from './scheduler.ts';
import { checkFeed, type DigestServices } from './service.ts';

export { startScheduler, type DigestScheduler } from './scheduler.ts';
export type { DigestServices } from './service.ts';

/** One Sender over several platforms, chosen by the chat key's platform ("telegram:", "discord:"). */
export function routeSender(byPlatform: Partial<Record<string, Sender>>): Sender {
  return {
    async send(chatId: string, message: Message): Promise<void> {
      const sender = byPlatform[platformOfKey(chatId)];
      // A platform not running now (no token this run) is an ordinary failure: retried later, not dropped.
      if (!sender) throw new Error(`no sender for ${chatId}`);
      await sender.send(chatId, message);
    },
  };
}

/** What startDigests needs. */
export interface DigestsDeps {
  config: Pick<Config, 'digest' | 'timezone'>;
  store: SqliteStore;
  /** Senders by platform; give the Telegram one `waitOnRateLimit: false` so 429s come back to the limiter. */
  senders: Partial<Record<string, Sender>>;
  /** The guarded fetcher, for checking feeds in "/feeds add". */
  fetcher: Fetcher;
  /** The feed poller's failure threshold (default 3). */
  failThreshold?: number;
  clock?: Clock;
  cron?: CronFactory;
  /** A problem worth a warning (a failed or stopped delivery, a chat gone): the scheduler logs nothing else. */
  log?(line: string, fields?: { chat: string }): void;
  /** The pacer the senders share (they pace every API call through it); the fan-out then takes no slot of its own. */
  pacer?: SendLimiter;
}

/** Starts the scheduler and returns it, the commands' services, and how to stop it. */
export async function startDigests(deps: DigestsDeps): Promise<{ scheduler: DigestScheduler; services: DigestServices; stop(): Promise<void> }> {
  const ledger: DigestLedger = new SqliteDigestLedger(deps.store.db);
  const scheduler = await startScheduler({
    store: deps.store,
    ledger,
    sender: routeSender(deps.senders),
    settings: { topN: deps.config.digest.topN, timezone: deps.config.timezone, quietHours: deps.config.digest.quietHours },
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(deps.cron ? { cron: deps.cron } : {}),
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.pacer ? { limiter: deps.pacer, senderPaces: true } : {}),
  });
  const services: DigestServices = {
    store: deps.store,
    scheduler,
    ledger,
    checkFeed: (url) => checkFeed(deps.fetcher, url),
    defaults: {
      times: deps.config.digest.defaultTimes,
      timezone: deps.config.timezone,
      topN: deps.config.digest.topN,
      quietHours: deps.config.digest.quietHours,
    },
    failThreshold: deps.failThreshold ?? 3,
  };
  return { scheduler, services, stop: () => scheduler.stop() };
}
