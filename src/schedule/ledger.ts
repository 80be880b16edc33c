/**
 * The delivery ledger as the scheduler sees it: a digest is opened once per (chat, slot), each
 * story reaches a chat in at most one digest, and a digest is sent under a lease so two schedulers
 * over one store never send it both. The SQLite implementation is src/store/digest-ledger.ts.
 */
import type { DigestItem } from '../store/types.ts';
import type { Message } from '../messages/model.ts';

/** What the scheduler offers to open a chat's digest for one scheduled slot. */
export interface OpenDigestInput {
  chatId: string;
  /** The scheduled minute (ISO 8601 UTC): the digest's identity for this chat. */
  slot: string;
  now: string;
  /** Candidate items, best first; those whose story the chat already got are dropped. */
  candidates: DigestItem[];
  /** How many items the digest keeps. */
  topN: number;
  /** Already delivered as a command reply (/digest): recorded as sent, never fanned out. */
  delivered?: boolean;
  /** Builds the message from the kept items (pure: it runs inside the ledger's transaction). */
  render(items: DigestItem[]): Message;
}

/** The outcome of opening a digest. */
export type OpenDigestResult =
  | { status: 'opened'; digestId: number; key: string; items: DigestItem[]; message: Message }
  | { status: 'exists'; digestId: number; key: string }
  | { status: 'empty' };

/** A delivery this scheduler now holds the lease on, with the message to send. */
export interface ClaimedDelivery {
  key: string;
  chatId: string;
  digestId: number;
  /** Claims so far, this one included: above 1 means an earlier attempt may have reached the chat. */
  attempts: number;
  message: Message;
}

/** What /status shows about a chat's digests. */
export interface DigestHistory {
  /** Slot of the chat's latest digest. */
  lastSlot?: string;
  /** When a digest last reached the chat. */
  lastSentAt?: string;
  /** Digests opened but not yet delivered. */
  pending: number;
}

/** The ledger operations; each one is atomic (one BEGIN IMMEDIATE transaction in SQLite). */
export interface DigestLedger {
  /** Opens the chat's digest for `slot` unless it exists; empty when no candidate story is new to the chat. */
  openDigest(input: OpenDigestInput): Promise<OpenDigestResult>;
  /**
   * Claims up to `limit` deliveries that are due (new, failed and past their retry time, or whose
   * lease lapsed), at most one per chat and none of a chat that has a live lease.
   */
  claimDue(owner: string, now: string, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>;
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
