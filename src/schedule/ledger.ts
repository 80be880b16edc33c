/**
 * The delivery ledger as the scheduler sees it: a digest is opened once per (chat, slot), each
 * story reaches a chat in at most one digest, and a digest is sent under a lease so two schedulers
 * over one store never send it both. The SQLite implementation is src/store/digest-ledger.ts; the
 * records it reads and writes are the store's (src/store/types.ts).
 */
import type { Message } from '../messages/model.ts';
import type { ClaimedDelivery, DigestHistory, DigestItem, OpenDigestInput, OpenDigestResult } from '../store/types.ts';

export type { ClaimedDelivery, DigestHistory, OpenDigestInput, OpenDigestResult };

/** The ledger operations; each one is atomic (one BEGIN IMMEDIATE transaction in SQLite). */
export interface DigestLedger {
  /** The candidates whose story the chat has not had in a digest yet, in their order (a read). */
  newToChat(chatId: string, candidates: DigestItem[]): Promise<DigestItem[]>;
  /**
   * Opens the chat's digest for `slot` with its items and rendered message, unless the slot
   * exists; `stale` (nothing written) when one of the items reached the chat since it was read.
   */
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
  /** Every chat's latest digest slot (DigestHistory.lastSlot), in one read: the start-up catch-up's. */
  lastSlots(): Promise<Map<string, string>>;
}

/** What {@link openFresh} opens: the candidates, how many the digest keeps, and how it looks. */
export interface FreshDigest extends Omit<OpenDigestInput, 'items' | 'message'> {
  /** Candidate items, best first; those whose story the chat already got are dropped. */
  candidates: DigestItem[];
  topN: number;
  /** The message of the kept items; `left` is how many new candidates had no room in it. */
  render(items: DigestItem[], left: number): Message;
}

/** Times a digest is read again when its stories reached the chat meanwhile. */
const STALE_RETRIES = 3;

/**
 * Opens a chat's digest in three steps, so the store never calls back into the scheduler inside a
 * transaction: read which candidates are new to the chat, render the message of the first `topN`,
 * write both (the ledger checks in its transaction that none of them reached the chat meanwhile,
 * and the steps run again when one did). `empty` when no candidate is new to the chat.
 */
export async function openFresh(ledger: Pick<DigestLedger, 'newToChat' | 'openDigest'>, digest: FreshDigest): Promise<OpenDigestResult> {
  const { candidates, topN, render, ...rest } = digest;
  let result: OpenDigestResult = { status: 'empty' };
  for (let tries = 0; tries < STALE_RETRIES; tries++) {
    const fresh = await ledger.newToChat(digest.chatId, candidates);
    const items = fresh.slice(0, topN);
    if (items.length === 0) return { status: 'empty' };
    result = await ledger.openDigest({ ...rest, items, message: render(items, fresh.length - items.length) });
    if (result.status !== 'stale') return result;
  }
  return result;
}
