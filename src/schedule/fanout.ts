/**
 * Fan-out: delivers every due digest through the ledger's leases and the send limiter. A 429 is
 * waited out as the platform says and retried (the message is never dropped); a vanished chat is
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

/** Sends one claimed delivery; resolves with its outcome. */
export async function deliverOne(deps: FanOutDeps, c: ClaimedDelivery, report: FanOutReport): Promise<void> {
  const { ledger, sender, limiter, clock, owner } = deps;
  for (;;) {
    const release = deps.senderPaces ? () => {} : await limiter.acquire(c.chatId);
    const heartbeat = keepLease(deps, c.key);
    try {
      await sender.send(c.chatId, c.message);
      release();
      heartbeat.stop();
    } catch (err) {
      release();
      heartbeat.stop();
      if (err instanceof RateLimitedError) {
        report.rateLimited++;
        limiter.pause(c.chatId, err.retryAfterMs);
        const retryAt = clock.now().getTime() + err.retryAfterMs;
        // Keep the claim through the wait, so no other scheduler sends it meanwhile.
        if (!(await ledger.renew(c.key, owner, iso(clock, err.retryAfterMs + deps.leaseMs)))) return;
        if (await stoppedDuring(deps, retryAt)) {
          // Stopping: the wait is not sat out; the delivery goes back, due when the platform said.
          await ledger.release(c.key, owner, 'scheduler stopped during a rate-limit wait', new Date(retryAt).toISOString());
          return;
        }
        continue;
      }
      if (err instanceof ChatGoneError) {
        report.gone++;
        await ledger.abandon(c.key, owner, redactSecrets(`chat gone: ${err.message}`));
        await deps.onChatGone?.(c.chatId);
        return;
      }
      report.failed++;
      // Kept in the ledger and logged: an API error that echoes the request path carries the token.
      const why = redactSecrets(errorText(err));
      deps.log?.(`delivery ${c.key} failed (attempt ${c.attempts}): ${why}`, { chat: c.chatId });
      await ledger.release(c.key, owner, why, iso(clock, backoffMs(c.attempts)));
      return;
    }
    // The crash window: the platform has the message and the ledger does not know yet.
    await ledger.complete(c.key, owner, iso(clock));
    report.sent++;
    const slot = slotOfDigestKey(c.key);
    if (slot) deps.metrics?.digestDelivered((clock.now().getTime() - Date.parse(slot)) / 1000);
    return;
  }
}

/** Delivers every due digest until none is left; claims in small batches so leases stay short. */
export async function drain(deps: FanOutDeps): Promise<FanOutReport> {
  const report: FanOutReport = { sent: 0, rateLimited: 0, failed: 0, gone: 0 };
  const buffer: ClaimedDelivery[] = [];
  let exhausted = false;
  let claiming: Promise<void> | undefined;
  const refill = async (): Promise<void> => {
    if (!claiming) {
      claiming = (async () => {
        const got = await deps.ledger.claimDue(deps.owner, iso(deps.clock), deps.leaseMs, deps.concurrency);
        if (got.length === 0) exhausted = true;
        buffer.push(...got);
      })().finally(() => (claiming = undefined));
    }
    await claiming;
  };
  const worker = async (): Promise<void> => {
    for (;;) {
      if (deps.stopping?.()) {
        // Give back what this instance claimed but never sent, so another takes it at once.
        for (const c of buffer.splice(0)) await deps.ledger.release(c.key, deps.owner, 'scheduler stopped', iso(deps.clock));
        return;
      }
      if (buffer.length === 0) {
        if (exhausted) return;
        await refill();
        continue;
      }
      await deliverOne(deps, buffer.shift()!, report);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, worker));
  return report;
}
