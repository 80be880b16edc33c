/**
 * Fan-out: delivers every due digest through the ledger's leases and the send limiter. A 429 is
 * waited out as the platform says and retried (the message is never dropped), while the other
 * chats' digests go on; a vanished chat is
 * abandoned; any other error gives the delivery back for a later retry. Every chat has at most one
 * message in flight, so a crash can leave at most one message a chat unrecorded.
 */
import { ChatGoneError, RateLimitedError, type Sender } from '../messages/sender.ts';
import type { ClaimedDelivery, DigestLedger } from './ledger.ts';
import type { Clock, SendLimiter } from '../messages/pacing.ts';
import { errorText, redactSecrets } from '../log/index.ts';
import type { Metrics } from '../log/metrics.ts';
import { slotOfDigestKey } from '../store/digest-ledger.ts';

/** What a fan-out needs. */
export interface FanOutDeps {
  ledger: DigestLedger;
  sender: Sender;
  limiter: SendLimiter;
  /**
   * The sender paces each API call through `limiter` itself (every part of a long digest), so a
   * delivery takes no slot of its own here; the limiter still holds a chat after a 429.
   */
  senderPaces?: boolean;
  clock: Clock;
  /** This scheduler's identity in the ledger's leases. */
  owner: string;
  /** How long a claim holds; renewed while waiting out a rate limit. */
  leaseMs: number;
  /** How often a send in flight renews its lease (default a third of the lease, at least 1 s). */
  heartbeatMs?: number;
  /** Sends in parallel (each to a different chat). */
  concurrency: number;
  /** True once the scheduler is stopping: no new send starts, and unsent claims are given back. */
  stopping?(): boolean;
  /** Called when a chat turned out to be gone (to deactivate its subscription). */
  onChatGone?(chatId: string): Promise<void>;
  /** Told how late each digest reached its chat (its slot to the platform accepting it). */
  metrics?: Metrics;
  /** A failed delivery, worth a warning (with the chat it was for). */
  log?(line: string, fields?: { chat: string }): void;
}

/** What one drain did. */
export interface FanOutReport {
  sent: number;
  /** Sends that were answered 429 and retried. */
  rateLimited: number;
  failed: number;
  gone: number;
}

/** Retry delay after an ordinary failure: 30 s, doubling, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

const iso = (clock: Clock, plusMs = 0): string => new Date(clock.now().getTime() + plusMs).toISOString();

/** Longest a single send keeps its lease alive: past it, a hung request no longer blocks the chat. */
const MAX_HEARTBEAT_MS = 10 * 60_000;

/**
 * Renews the lease while a send is in flight, so a slow request is not taken over (and sent twice)
 * by another scheduler, or by this one's next sweep.
 */
function keepLease(deps: FanOutDeps, key: string): { stop(): void } {
  const started = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - started > MAX_HEARTBEAT_MS) return clearInterval(timer);
    deps.ledger.renew(key, deps.owner, iso(deps.clock, deps.leaseMs)).catch(() => {});
  }, deps.heartbeatMs ?? Math.max(1_000, Math.floor(deps.leaseMs / 3)));
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** Waits until `until` (ms) in short steps; true as soon as the scheduler is stopping. */
async function stoppedDuring(deps: FanOutDeps, until: number): Promise<boolean> {
  for (;;) {
    if (deps.stopping?.()) return true;
    const left = until - deps.clock.now().getTime();
    if (left <= 0) return false;
    await deps.clock.sleep(Math.min(left, 250));
  }
}

/**
 * One try at a claimed delivery. Resolves with undefined once it is settled (sent, the chat gone, or
 * given back after a failure), or with the time (ms) the platform said to try again after a 429:
 * the claim is kept (renewed past that time) so no other scheduler sends it meanwhile.
 */
async function attemptOne(deps: FanOutDeps, c: ClaimedDelivery, report: FanOutReport): Promise<number | undefined> {
  const { ledger, sender, limiter, clock, owner } = deps;
  const release = deps.senderPaces ? () => {} : await limiter.acquire(c.chatId);
  const heartbeat = keepLease(deps, c.key);
  try {
    await sender.send(c.chatId, c.message);
  } catch (err) {
    if (err instanceof RateLimitedError) {
      report.rateLimited++;
      limiter.pause(c.chatId, err.retryAfterMs);
      const retryAt = clock.now().getTime() + err.retryAfterMs;
      return (await ledger.renew(c.key, owner, iso(clock, err.retryAfterMs + deps.leaseMs))) ? retryAt : undefined;
    }
    if (err instanceof ChatGoneError) {
      report.gone++;
      await ledger.abandon(c.key, owner, redactSecrets(`chat gone: ${err.message}`));
      await deps.onChatGone?.(c.chatId);
      return undefined;
    }
    report.failed++;
    // Kept in the ledger and logged: an API error that echoes the request path carries the token.
    const why = redactSecrets(errorText(err));
    deps.log?.(`delivery ${c.key} failed (attempt ${c.attempts}): ${why}`, { chat: c.chatId });
    await ledger.release(c.key, owner, why, iso(clock, backoffMs(c.attempts)));
    return undefined;
  } finally {
    release();
    heartbeat.stop();
  }
  // The crash window: the platform has the message and the ledger does not know yet.
  await ledger.complete(c.key, owner, iso(clock));
  report.sent++;
  const slot = slotOfDigestKey(c.key);
  if (slot) deps.metrics?.digestDelivered((clock.now().getTime() - Date.parse(slot)) / 1000);
  return undefined;
}

/** Gives a delivery back as the scheduler stops during its wait: due when the platform said, not sat out here. */
async function giveBack(deps: FanOutDeps, c: ClaimedDelivery, retryAt: number): Promise<void> {
  await deps.ledger.release(c.key, deps.owner, 'scheduler stopped during a rate-limit wait', new Date(retryAt).toISOString());
}

/**
 * Sends one claimed delivery, waiting out a 429 in place (a /digest reply, whose caller waits for
 * this one chat anyway); resolves with its outcome.
 */
export async function deliverOne(deps: FanOutDeps, c: ClaimedDelivery, report: FanOutReport): Promise<void> {
  for (;;) {
    const retryAt = await attemptOne(deps, c, report);
    if (retryAt === undefined) return;
    if (await stoppedDuring(deps, retryAt)) return giveBack(deps, c, retryAt);
  }
}

/** A claimed delivery set aside until `at` (ms): its chat sits out a 429, or waits for its own turn. */
interface Waiting {
  claim: ClaimedDelivery;
  at: number;
}

/** How often a drain with only set-aside deliveries left looks for new ones (digests opened meanwhile). */
const RECLAIM_MS = 1_000;

/** Removes and returns the first set-aside delivery whose time has come. */
function takeDue(waiting: Waiting[], now: number): ClaimedDelivery | undefined {
  const i = waiting.findIndex((w) => w.at <= now);
  return i < 0 ? undefined : waiting.splice(i, 1)[0]!.claim;
}

/**
 * Delivers every due digest until none is left; claims in small batches so leases stay short. A
 * chat answered 429 does not hold up the others: its delivery is set aside (its claim kept) until
 * the time the platform said, and the workers go on with the other chats meanwhile; so is a
 * delivery whose chat is still held by an earlier 429 or waits for its own pacing turn.
 */
export async function drain(deps: FanOutDeps): Promise<FanOutReport> {
  const { clock } = deps;
  const report: FanOutReport = { sent: 0, rateLimited: 0, failed: 0, gone: 0 };
  const buffer: ClaimedDelivery[] = [];
  const waiting: Waiting[] = [];
  let exhausted = false;
  let claimedAt = 0;
  let claiming: Promise<void> | undefined;
  const refill = async (): Promise<void> => {
    if (!claiming) {
      claiming = (async () => {
        claimedAt = clock.now().getTime();
        const got = await deps.ledger.claimDue(deps.owner, iso(clock), deps.leaseMs, deps.concurrency);
        exhausted = got.length === 0;
        buffer.push(...got);
      })().finally(() => (claiming = undefined));
    }
    await claiming;
  };
  const setAside = async (claim: ClaimedDelivery, at: number): Promise<void> => {
    // The claim must outlast the wait, or another scheduler would take the chat's digest meanwhile.
    if (await deps.ledger.renew(claim.key, deps.owner, iso(clock, at - clock.now().getTime() + deps.leaseMs))) waiting.push({ claim, at });
  };
  const run = async (claim: ClaimedDelivery): Promise<void> => {
    const retryAt = await attemptOne(deps, claim, report);
    if (retryAt !== undefined) waiting.push({ claim, at: retryAt });
  };
  const stop = async (): Promise<void> => {
    // Give back what this instance claimed but never sent, so another takes it at once (a 429's
    // wait is not sat out: its delivery is due when the platform said).
    for (const c of buffer.splice(0)) await deps.ledger.release(c.key, deps.owner, 'scheduler stopped', iso(clock));
    for (const w of waiting.splice(0)) await giveBack(deps, w.claim, w.at);
  };
  const worker = async (): Promise<void> => {
    for (;;) {
      if (deps.stopping?.()) return stop();
      const now = clock.now().getTime();
      const due = takeDue(waiting, now);
      if (due) {
        await run(due);
        continue;
      }
      if (buffer.length === 0 && (!exhausted || (waiting.length > 0 && now - claimedAt >= RECLAIM_MS))) {
        await refill();
        continue;
      }
      const next = buffer.shift();
      if (next) {
        const held = deps.limiter.heldMs(next.chatId);
        await (held > 0 ? setAside(next, now + held) : run(next));
        continue;
      }
      if (waiting.length === 0) return;
      const first = Math.min(...waiting.map((w) => w.at), claimedAt + RECLAIM_MS);
      await clock.sleep(Math.max(1, Math.min(first - now, 250)));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, worker));
  return report;
}
