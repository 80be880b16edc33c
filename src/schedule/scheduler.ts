/**
 * The digest scheduler, the "when" of the digest feature (src/schedule/index.ts tells the whole
 * flow): one node-cron task per distinct schedule (a time in an IANA zone), shared by every
 * subscription with that time and zone and rebuilt from the store at start, so start-up costs
 * about the same with 10 subscriptions as with 1,000; the most recent slot missed while the bot
 * was down is sent once on start; a tick opens each of its chats' digests (compose.ts) and starts
 * the fan-out (fanout.ts); a periodic sweep retries deliveries whose lease lapsed (a crashed or
 * stopped instance) or whose retry time came.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Message } from '../messages/model.ts';
import type { Sender } from '../messages/sender.ts';
import type { Subscription } from '../store/types.ts';
import { previousRun, nextRun, wallTime, type CronFields } from './cron-time.ts';
import { openChatDigest, type ComposeDeps, type ComposeStore, type StoryDetails } from './compose.ts';
import { deliverOne, drain, type FanOutDeps, type FanOutReport } from './fanout.ts';
import type { DigestLedger, OpenDigestResult } from './ledger.ts';
import { SendLimiter, systemClock, type Clock } from '../messages/pacing.ts';
import type { Metrics } from '../log/metrics.ts';
import { cronOf, isQuiet, parseQuiet, quietHoursOf, scheduleFields } from './spec.ts';

import { CronGroups, nodeCronFactory, type CronFactory } from './cron-groups.ts';

export { nodeCronFactory, type CronFactory } from './cron-groups.ts';

/** Settings the scheduler reads (from config digest.* and timezone). */
export interface SchedulerSettings {
  topN: number;
  /** Time zone of chats without a subscription (config timezone). */
  timezone: string;
  /** Default quiet hours "HH:MM-HH:MM" for chats that set none ('' for none). */
  quietHours: string;
}

/** What startScheduler needs. */
export interface SchedulerDeps {
  store: ComposeStore;
  ledger: DigestLedger;
  sender: Sender;
  settings: SchedulerSettings;
  clock?: Clock;
  cron?: CronFactory;
  limiter?: SendLimiter;
  /** The senders pace every API call through `limiter` (see FanOutDeps.senderPaces). */
  senderPaces?: boolean;
  owner?: string;
  leaseMs?: number;
  /** How often to retry lapsed and failed deliveries; 0 disables the timer (tests sweep by hand). */
  sweepMs?: number;
  concurrency?: number;
  /** A problem worth a warning (a failed or stopped delivery, a chat gone): the scheduler logs nothing else. */
  log?(line: string, fields?: { chat: string }): void;
  /** Told how late each digest reached its chat. */
  metrics?: Metrics;
}

/** What /digest returns: the message to reply with, or why there is none. */
/**
 * What /digest did: `sent` when the platform accepted the digest; `queued` when the send failed (it
 * stays due and is retried like a scheduled one, so its stories are not lost); `empty` when there
 * is no news. The message is what was (or will be) sent.
 */
export type DigestNow = { sent: true; message: Message; items: number } | { queued: true; message: Message; items: number } | { empty: true };

/** The running scheduler, as main.ts and the commands use it. */
export interface DigestScheduler {
  /** Rebuilds the chat's cron tasks after /subscribe or /unsubscribe. */
  reschedule(chatId: string): Promise<void>;
  /** Composes the chat's digest now for a command reply, recording it in the ledger as delivered. */
  digestNow(chatId: string): Promise<DigestNow>;
  /** The next digest time of a subscription (after quiet hours), if any. */
  nextDigest(sub: Subscription): Date | undefined;
  /** Runs a subscription's slot now (what a cron tick does). */
  fire(chatId: string, slot: Date): Promise<OpenDigestResult | 'quiet' | 'none'>;
  /** Delivers everything due now. */
  sweep(): Promise<FanOutReport>;
  /** Stops every task and timer and waits for the sends in flight. */
  stop(): Promise<void>;
}

/** Parsed stored times (a few distinct ones serve thousands of subscriptions); bounded. */
const parsedTimes = new Map<string, CronFields | undefined>();
const PARSED_TIMES_MAX = 10_000;

/** The cron fields of one stored time, or undefined for a bad one; parsed once per distinct time. */
function timeFields(time: string): CronFields | undefined {
  if (parsedTimes.has(time)) return parsedTimes.get(time);
  const f = scheduleFields([time]);
  const fields = 'error' in f ? undefined : f[0];
  if (parsedTimes.size >= PARSED_TIMES_MAX) parsedTimes.clear();
  parsedTimes.set(time, fields);
  return fields;
}

/** The cron fields of each of a subscription's times (bad stored times are left out). */
export function subscriptionFields(sub: Subscription): CronFields[] {
  return sub.times.flatMap((t) => timeFields(t) ?? []);
}

/** A subscription's quiet hours: its own, else the default. */
function quietOf(sub: Subscription, fallback: string): ReturnType<typeof parseQuiet> {
  const quiet = quietHoursOf(sub, fallback);
  return quiet === undefined ? undefined : parseQuiet(quiet);
}

/**
 * The latest scheduled slot at or before `at` of each subscription asked: each distinct time in a
 * zone is worked out once (a thousand chats at 08:00 in Riyadh share one), which was most of
 * start-up and of a busy tick.
 */
export function latestSlots(at: Date): (sub: Subscription) => Date | undefined {
  const runs = new Map<string, Date | null>();
  const run = (time: string, zone: string): Date | null => {
    const key = `${time}\u0000${zone}`;
    let p = runs.get(key);
    if (p === undefined) {
      const f = timeFields(time);
      p = f ? previousRun(f, zone, at) : null;
      runs.set(key, p);
    }
    return p;
  };
  return (sub) => {
    let best: Date | undefined;
    for (const t of sub.times) {
      const p = run(t, sub.timezone);
      if (p && (!best || p > best)) best = p;
    }
    return best;
  };
}

/** The next slot of a subscription after `after` that is not in its quiet hours. */
export function upcomingSlot(sub: Subscription, after: Date, defaultQuiet = ''): Date | undefined {
  const quiet = quietOf(sub, defaultQuiet);
  let from = after;
  for (let i = 0; i < 500; i++) {
    let best: Date | undefined;
    for (const f of subscriptionFields(sub)) {
      const n = nextRun(f, sub.timezone, from);
      if (n && (!best || n < best)) best = n;
    }
    if (!best) return undefined;
    const w = wallTime(best.getTime(), sub.timezone);
    if (!isQuiet(quiet, w.hour * 60 + w.minute)) return best;
    from = best;
  }
  return undefined;
}

/** Starts the digest scheduler: cron tasks from the store, one catch-up, and the retry sweep. */
export async function startScheduler(deps: SchedulerDeps): Promise<DigestScheduler> {
  const clock = deps.clock ?? systemClock;
  const cronFactory = deps.cron ?? nodeCronFactory;
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const log = deps.log ?? (() => {});
  const fanOut: FanOutDeps = {
    ledger: deps.ledger,
    sender: deps.sender,
    limiter: deps.limiter ?? new SendLimiter(clock),
    ...(deps.senderPaces ? { senderPaces: true } : {}),
    clock,
    owner,
    leaseMs: deps.leaseMs ?? 120_000,
    concurrency: deps.concurrency ?? 8,
    log,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    stopping: () => stopped,
    onChatGone: async (chatId) => {
      const sub = await deps.store.getSubscription(chatId);
      if (sub) await deps.store.upsertSubscription({ ...sub, active: false }, clock.now().toISOString());
      log(`chat ${chatId} is gone: its subscription is paused`, { chat: chatId });
    },
  };
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  let draining: Promise<FanOutReport> | undefined;
  let again = false;

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => {});
    return p;
  };

  const sweep = (): Promise<FanOutReport> => {
    // One drain at a time; a request during a drain runs one more pass after it.
    if (draining) {
      again = true;
      return draining;
    }
    const total: FanOutReport = { sent: 0, rateLimited: 0, failed: 0, gone: 0 };
    draining = (async () => {
      do {
        again = false;
        const r = await drain(fanOut);
        total.sent += r.sent;
        total.rateLimited += r.rateLimited;
        total.failed += r.failed;
        total.gone += r.gone;
      } while (again && !stopped);
      return total;
    })()
      // A database error must not crash the bot: what is left stays due for the next sweep.
      .catch((err: unknown) => {
        log(`digest fan-out stopped early: ${String(err)}`);
        return total;
      })
      .finally(() => {
        draining = undefined;
        // A request that arrived as the last pass was ending gets its own pass.
        if (again && !stopped) void sweep();
      });
    return track(draining);
  };

  // Story details shared by every chat of a round (1,000 chats at 08:00 read the same stories).
  const details = new Map<number, StoryDetails>();
  const composing: ComposeDeps = { store: deps.store, ledger: deps.ledger, now: () => clock.now(), details };
  /** Opens a chat's digest for `slot` (compose.ts); `manual` (/digest) continues the period of the last one. Sent by the fan-out. */
  const open = (chatId: string, slot: Date, timeZone: string, topN: number, manual: boolean): Promise<OpenDigestResult> =>
    openChatDigest(composing, chatId, slot, { timeZone, topN, manual });

  const fire = async (chatId: string, slot: Date): Promise<OpenDigestResult | 'quiet' | 'none'> => {
    const sub = await deps.store.getSubscription(chatId);
    if (!sub || !sub.active) return 'none';
    const w = wallTime(slot.getTime(), sub.timezone);
    // Quiet hours skip the slot; its stories wait for the next digest, so nothing is lost.
    if (isQuiet(quietOf(sub, deps.settings.quietHours), w.hour * 60 + w.minute)) return 'quiet';
    const result = await open(chatId, slot, sub.timezone, sub.topN, false);
    if (result.status !== 'empty') void sweep();
    return result;
  };

  /** A schedule ticked: each of its chats' latest slot (the schedule's own minute, so every instance agrees on it) fires. */
  const onTick = (subs: Subscription[]): void => {
    if (stopped) return;
    const slotOf = latestSlots(clock.now());
    for (const sub of subs) {
      const slot = slotOf(sub);
      if (slot) track(fire(sub.chatId, slot)).catch((err) => log(`digest for ${sub.chatId} failed: ${String(err)}`, { chat: sub.chatId }));
    }
  };
  const tasks = new CronGroups<Subscription>(cronFactory, onTick);

  const schedule = (sub: Subscription): void => {
    if (!sub.active || stopped) return tasks.remove(sub.chatId);
    const valid = sub.times.filter((t) => timeFields(t) !== undefined);
    tasks.set(sub.chatId, sub, valid.map((t) => ({ expression: cronOf(t), timeZone: sub.timezone })));
  };

  /**
   * Sends a chat its latest slot if it was missed. `known` holds every chat's latest slot as read at
   * start (it only grows, so a chat it shows up to date is), and the chats it does not are asked
   * again one by one: a restart costs one read, not one per subscription.
   */
  const catchUp = async (sub: Subscription, slotOf: (sub: Subscription) => Date | undefined, known: Map<string, string>): Promise<void> => {
    const slot = slotOf(sub);
    if (!slot || slot.getTime() < Date.parse(sub.createdAt)) return;
    const seen = known.get(sub.chatId);
    if (seen && Date.parse(seen) >= slot.getTime()) return;
    const h = await deps.ledger.history(sub.chatId);
    if (h.lastSlot && Date.parse(h.lastSlot) >= slot.getTime()) return;
    // Only the most recent missed slot: one digest on start, not a burst of every missed one.
    await fire(sub.chatId, slot);
  };

  const startSlots = latestSlots(clock.now());
  const known = await deps.ledger.lastSlots();
  for (const sub of await deps.store.listSubscriptions()) {
    schedule(sub);
    try {
      await catchUp(sub, startSlots, known);
    } catch (err) {
      log(`catch-up for ${sub.chatId} failed: ${String(err)}`, { chat: sub.chatId });
    }
  }
  void sweep();
  const timer = (deps.sweepMs ?? 30_000) > 0 ? setInterval(() => void sweep(), deps.sweepMs ?? 30_000) : undefined;
  timer?.unref();

  /** Sends the digest just opened under `key` now; `queued` when the send failed (it stays due). */
  const deliverNow = async (key: string, done: { message: Message; items: number }): Promise<DigestNow> => {
    const claimed = await deps.ledger.claimKey(key, owner, clock.now().toISOString(), fanOut.leaseMs);
    if (!claimed) return { queued: true, ...done };
    const report: FanOutReport = { sent: 0, rateLimited: 0, failed: 0, gone: 0 };
    await track(deliverOne(fanOut, claimed, report));
    return report.sent > 0 ? { sent: true, ...done } : { queued: true, ...done };
  };

  return {
    async reschedule(chatId) {
      const sub = await deps.store.getSubscription(chatId);
      if (sub) schedule(sub);
      else tasks.remove(chatId);
    },
    async digestNow(chatId) {
      const sub = await deps.store.getSubscription(chatId);
      const zone = sub?.timezone ?? deps.settings.timezone;
      // The slot is the moment asked, so /digest again (or "more") a second later is a digest of
      // its own with the next stories; two in the same millisecond take the next one.
      for (let t = clock.now().getTime(), tries = 0; tries < 5; t++, tries++) {
        // Opened as a pending delivery and sent through the fan-out, as a scheduled digest is: it only
        // counts as delivered once the platform accepted it, and a failed send stays due.
        const r = await open(chatId, new Date(t), zone, sub?.topN ?? deps.settings.topN, true);
        if (r.status === 'opened') return deliverNow(r.key, { message: r.message, items: r.items.length });
        if (r.status === 'empty') break;
      }
      return { empty: true };
    },
    nextDigest: (sub) => upcomingSlot(sub, clock.now(), deps.settings.quietHours),
    fire,
    sweep,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      tasks.stopAll();
      await Promise.allSettled([...inFlight]);
    },
  };
}
