/**
 * The delivery ledger as the scheduler sees it: a digest is opened once per (chat, slot), each
 * story reaches a chat in at most one digest, and a digest is sent under a lease so two schedulers
 * over one store never send it both. The SQLite implementation is src/store/digest-ledger.ts; the
 * records it reads and writes are the store's (src/store/types.ts).
 */
import type { ClaimedDelivery, DigestHistory, OpenDigestInput, OpenDigestResult } from '../store/types.ts';

export type { ClaimedDelivery, DigestHistory, OpenDigestInput, OpenDigestResult };

/** The ledger operations; each one is atomic (one BEGIN IMMEDIATE transaction in SQLite). */
export interface DigestLedger {
  /** Opens the chat's digest for `slot` unless it exists; empty when no candidate story is new to the chat. */
  openDigest(input: OpenDigestInput): Promise<OpenDigestResult>;
  /**
   * Claims up to `limit` deliveries that are due (new, failed and past their retry time, or whose
   * lease lapsed), at most one per chat and none of a chat that has a live lease.
   */
  claimDue(owner: string, now: string, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>;
  /** Claims the one delivery `key` when it is pending and unleased (a /digest just opened). */
  claimKey(key: string, owner: string, now: string, leaseMs: number): Promise<ClaimedDelivery | undefined>;
  /** Extends a held lease (while waiting out a rate limit); false when the lease was lost. */
  renew(key: string, owner: string, leaseUntil: string): Promise<boolean>;
  /** Records that the platform accepted the message; false when the lease was lost meanwhile. */
  complete(key: string, owner: string, sentAt: string, messageIds?: string[]): Promise<boolean>;
  /** Gives the delivery back after a failure; it is due again at `retryAt`. */
  release(key: string, owner: string, error: string, retryAt: string): Promise<void>;
  /** Stops a delivery for good (the chat is gone). */
  abandon(key: string, owner: string, error: string): Promise<void>;
  /** Whether the chat's digest for `slot` was opened. */
  hasSlot(chatId: string, slot: string): Promise<boolean>;
  /** The chat's digest history. */
  history(chatId: string): Promise<DigestHistory>;
}
