/**
 * The digest feature, top to bottom. A chat subscribes (/subscribe: times, zone, quiet hours);
 * then, for every digest:
 *
 * 1. When — scheduler.ts: one cron task per distinct time and zone, shared by the chats on it
 *    (cron-groups.ts; rebuilt from the store at start, the latest missed slot caught up once). A
 *    tick calls `fire(chat, slot)` for each of its chats, which skips the slot in quiet hours (its
 *    stories wait for the next digest).
 * 2. What — compose.ts `openChatDigest`: the digest's period (since the chat's last digest), the
 *    stories of the chat's feeds in it, filtered by its /filter words and ranked by sources.
 * 3. Once — ledger.ts `openFresh`: read which of them the chat has not had, render the message of
 *    the first topN, write digest + delivery in one transaction (store/digest-ledger.ts, store/postgres-ledger.ts), which
 *    refuses a slot opened twice and a story given twice; several instances may run on one store.
 * 4. Send — fanout.ts `drain`: claim due deliveries under a lease (one in flight per chat), pace
 *    them (per chat, and platform-wide across instances on PostgreSQL), send through the
 *    platform's Sender, then complete, retry later, or pause a chat that is gone. /digest takes
 *    the same path at once (`digestNow`).
 *
 * This file wires those steps for the composition root (`startDigests`: the ledger on the store's
 * own database, SQLite or PostgreSQL, through `ledgerOf`; the platform senders behind one router;
 * the scheduler) and says what the digest commands
 * (/subscribe, /unsubscribe, /digest, /filter, /feeds, /status) may call (`DigestServices`).
 */
import type { Config } from '../config.ts';
import { platformOfKey } from '../messages/chat.ts';
import type { Message } from '../messages/model.ts';
import type { Sender } from '../messages/sender.ts';
import type { Fetcher } from '../sources/http.ts';
import { resolveFeedUrl } from '../sources/feeds.ts';
import { ledgerOf, type AnyStore } from '../store/index.ts';
import type { ChatStore, FeedStore } from '../store/types.ts';
import type { DigestLedger } from './ledger.ts';
import type { Clock, SendLimiter } from '../messages/pacing.ts';
import type { Metrics } from '../log/metrics.ts';
import { startScheduler, type CronFactory, type DigestScheduler } from './scheduler.ts';

export { startScheduler, type DigestScheduler } from './scheduler.ts';

/** Defaults of a new subscription (config digest.* and timezone). */
export interface DigestDefaults {
  times: string[];
  timezone: string;
  topN: number;
  quietHours: string;
}

/** The store as the digest commands use it: chats' subscriptions and filters, and feeds. */
export type DigestCommandStore = ChatStore & FeedStore;

/** Everything the digest commands call. */
export interface DigestServices {
  store: DigestCommandStore;
  scheduler: Pick<DigestScheduler, 'reschedule' | 'digestNow' | 'nextDigest'>;
  ledger: Pick<DigestLedger, 'history'>;
  /** Fetches and parses a feed once; throws an error with an Arabic `userMessage` when it is not one. */
  checkFeed(url: string): Promise<{ url: string; title?: string }>;
  defaults: DigestDefaults;
  /** Failures in a row after which a feed counts as failing (the poller's threshold). */
  failThreshold: number;
}

/**
 * Checks a feed URL with the guarded fetcher: fetch, parse; a web page that announces a feed is
 * followed to the first feed it announces that parses (resolveFeedUrl). Errors carry the sources
 * layer's Arabic `userMessage`.
 */
export async function checkFeed(fetcher: Fetcher, url: string): Promise<{ url: string; title?: string }> {
  const feed = await resolveFeedUrl(fetcher, url);
  return { url: feed.url, title: feed.title || undefined };
}

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
  store: AnyStore;
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
  /** Told how late each digest reached its chat. */
  metrics?: Metrics;
  /** The pacer the senders share (they pace every API call through it); the fan-out then takes no slot of its own. */
  pacer?: SendLimiter;
}

/** Starts the scheduler and returns it, the commands' services, and how to stop it. */
export async function startDigests(deps: DigestsDeps): Promise<{ scheduler: DigestScheduler; services: DigestServices; stop(): Promise<void> }> {
  const ledger: DigestLedger = ledgerOf(deps.store);
  const scheduler = await startScheduler({
    store: deps.store,
    ledger,
    sender: routeSender(deps.senders),
    settings: { topN: deps.config.digest.topN, timezone: deps.config.timezone, quietHours: deps.config.digest.quietHours },
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(deps.cron ? { cron: deps.cron } : {}),
    ...(deps.log ? { log: deps.log } : {}),
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
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
