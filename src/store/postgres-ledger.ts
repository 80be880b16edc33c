/**
 * PostgreSQL implementation of the scheduler's delivery ledger (src/schedule/ledger.ts, met by
 * shape like ./digest-ledger.ts, whose rules it keeps): any number of instances over one database
 * drain one digest, and no delivery is claimed by two of them.
 *
 * - Claiming locks the due rows with `SELECT … FOR UPDATE SKIP LOCKED`: an instance passes over the
 *   rows another one is claiming instead of waiting for them, and a row it locked is its own until
 *   it commits the lease.
 * - One message per chat in flight (the at-least-once window stays one message a chat): before
 *   leasing a chat's delivery the claimer takes that chat's transaction-scoped advisory lock
 *   (try, never wait) and checks again, after any claim that committed meanwhile, that no live
 *   lease of the chat is left. Two instances never lease two deliveries of one chat at once.
 * - Opening a chat's digest takes the chat's advisory lock (waiting), so two instances opening the
 *   same slot make one digest, and the check that none of its stories reached the chat meanwhile
 *   ('stale') sees every digest another instance opened: a story reaches a chat in one digest only.
 */
import { digestKey } from './digest-ledger.ts';
import type { PostgresStore } from './postgres.ts';
import { claimedFrom, type Row } from './rows.ts';
import type { ClaimedDelivery, DigestHistory, DigestItem, OpenDigestInput, OpenDigestResult } from './types.ts';

/** Advisory lock namespace of the ledger's per-chat locks (the store's own locks use another). */
const CHAT_LOCKS = 0x6d6f6b;

/** Rows the ledger may claim: pending and unleased, or failed and past the retry time; never a chat with a live lease. */
const DUE_SQL = `
  SELECT d.key, d.chat_id, d.digest_id, d.attempts, g.message FROM deliveries d JOIN digests g ON g.id = d.digest_id
  WHERE g.message IS NOT NULL
    AND ((d.status = 'pending' AND (d.lease_until IS NULL OR d.lease_until <= $1))
      OR (d.status = 'failed' AND d.lease_until IS NOT NULL AND d.lease_until <= $1))
    AND NOT EXISTS (SELECT 1 FROM deliveries x WHERE x.chat_id = d.chat_id AND x.status = 'pending' AND x.lease_until > $1)
  ORDER BY d.digest_id LIMIT $2
  FOR UPDATE OF d SKIP LOCKED`;

/** The delivery ledger on a {@link PostgresStore}'s database. */
export class PostgresDigestLedger {
  constructor(private readonly store: PostgresStore) {}

  private async rows(sql: string, ...params: unknown[]): Promise<Row[]> {
    return (await this.store.query(sql, params)).rows;
  }

  private async changed(sql: string, ...params: unknown[]): Promise<boolean> {
    return ((await this.store.query(sql, params)).rowCount ?? 0) > 0;
  }

  async newToChat(chatId: string, candidates: DigestItem[]): Promise<DigestItem[]> {
    const given = await this.givenStories(chatId, candidates);
    return candidates.filter((c) => c.storyId === undefined || !given.has(c.storyId));
  }

  /** Which of the items' stories already reached the chat in a digest. */
  private async givenStories(chatId: string, items: DigestItem[]): Promise<Set<number>> {
    const storyIds = items.flatMap((i) => (i.storyId === undefined ? [] : [i.storyId]));
    if (storyIds.length === 0) return new Set();
    const rows = await this.rows('SELECT story_id FROM digest_stories WHERE chat_id = $1 AND story_id = ANY($2::bigint[])', chatId, storyIds);
    return new Set(rows.map((r) => Number(r.story_id)));
  }

  async openDigest(input: OpenDigestInput): Promise<OpenDigestResult> {
    const key = digestKey(input.chatId, input.slot);
    const { chatId, items } = input;
    return this.store.transaction(async (): Promise<OpenDigestResult> => {
      await this.rows('SELECT pg_advisory_xact_lock($1, hashtext($2))', CHAT_LOCKS, chatId);
      const [existing] = await this.rows('SELECT id FROM digests WHERE chat_id = $1 AND slot = $2', chatId, input.slot);
      if (existing) return { status: 'exists', digestId: Number(existing.id), key };
      if (items.length === 0) return { status: 'empty' };
      if ((await this.givenStories(chatId, items)).size > 0) return { status: 'stale' };
      const [digest] = await this.rows(
        'INSERT INTO digests (chat_id, created_at, items, slot, message, since) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        chatId,
        input.now,
        JSON.stringify(items),
        input.slot,
        JSON.stringify(input.message),
        input.since ?? null,
      );
      const digestId = Number(digest!.id);
      const storyIds = items.flatMap((i) => (i.storyId === undefined ? [] : [i.storyId]));
      await this.rows('INSERT INTO digest_stories (chat_id, story_id, digest_id) SELECT $1, s, $3 FROM unnest($2::bigint[]) AS s', chatId, storyIds, digestId);
      if (input.delivered) {
        await this.rows(
          "INSERT INTO deliveries (key, chat_id, digest_id, status, attempts, sent_at) VALUES ($1, $2, $3, 'sent', 1, $4)",
          key,
          chatId,
          digestId,
          input.now,
        );
      } else {
        await this.rows("INSERT INTO deliveries (key, chat_id, digest_id, status, attempts) VALUES ($1, $2, $3, 'pending', 0)", key, chatId, digestId);
      }
      return { status: 'opened', digestId, key, items, message: input.message };
    });
  }

  async claimDue(owner: string, now: string, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
    return this.store.transaction(async (): Promise<ClaimedDelivery[]> => {
      const rows = await this.rows(DUE_SQL, now, limit * 4);
      const chats = new Set<string>();
      const out: ClaimedDelivery[] = [];
      for (const r of rows) {
        const chatId = String(r.chat_id);
        if (chats.has(chatId) || out.length >= limit) continue;
        chats.add(chatId);
        if (!(await this.holdChat(chatId, now))) continue;
        out.push(await this.take(r, owner, now, leaseUntil));
      }
      return out;
    });
  }

  /**
   * Takes the chat's claim lock unless another instance holds it, then checks that no lease of the
   * chat is live (one committed since this transaction's rows were read counts): true when this
   * claimer may lease one of the chat's deliveries.
   */
  private async holdChat(chatId: string, now: string): Promise<boolean> {
    const [lock] = await this.rows('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS held', CHAT_LOCKS, chatId);
    if (lock?.held !== true) return false;
    const live = await this.rows("SELECT 1 FROM deliveries WHERE chat_id = $1 AND status = 'pending' AND lease_until > $2 LIMIT 1", chatId, now);
    return live.length === 0;
  }

  /** Claims one delivery (a /digest just opened) when it is pending and nobody holds its lease. */
  async claimKey(key: string, owner: string, now: string, leaseMs: number): Promise<ClaimedDelivery | undefined> {
    const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
    return this.store.transaction(async () => {
      const [r] = await this.rows(
        `SELECT d.key, d.chat_id, d.digest_id, d.attempts, g.message FROM deliveries d JOIN digests g ON g.id = d.digest_id
         WHERE d.key = $1 AND g.message IS NOT NULL AND d.status = 'pending' AND (d.lease_until IS NULL OR d.lease_until <= $2)
         FOR UPDATE OF d SKIP LOCKED`,
        key,
        now,
      );
      return r ? this.take(r, owner, now, leaseUntil) : undefined;
    });
  }

  /** Takes the lease of a delivery row (locked by the claiming transaction). */
  private async take(r: Row, owner: string, now: string, leaseUntil: string): Promise<ClaimedDelivery> {
    await this.rows(
      "UPDATE deliveries SET status = 'pending', owner = $1, claimed_at = $2, lease_until = $3, attempts = attempts + 1 WHERE key = $4",
      owner,
      now,
      leaseUntil,
      r.key,
    );
    return claimedFrom(r);
  }

  async renew(key: string, owner: string, leaseUntil: string): Promise<boolean> {
    return this.changed("UPDATE deliveries SET lease_until = $1 WHERE key = $2 AND owner = $3 AND status = 'pending'", leaseUntil, key, owner);
  }

  async complete(key: string, owner: string, sentAt: string, messageIds: string[] = []): Promise<boolean> {
    return this.changed(
      `UPDATE deliveries SET status = 'sent', sent_at = $1, message_ids = $2, error = NULL, lease_until = NULL
       WHERE key = $3 AND owner = $4 AND status = 'pending'`,
      sentAt,
      JSON.stringify(messageIds),
      key,
      owner,
    );
  }

  async release(key: string, owner: string, error: string, retryAt: string): Promise<void> {
    await this.changed("UPDATE deliveries SET status = 'failed', error = $1, lease_until = $2 WHERE key = $3 AND owner = $4 AND status = 'pending'", error, retryAt, key, owner);
  }

  async abandon(key: string, owner: string, error: string): Promise<void> {
    await this.changed("UPDATE deliveries SET status = 'failed', error = $1, lease_until = NULL WHERE key = $2 AND owner = $3 AND status = 'pending'", error, key, owner);
  }

  async hasSlot(chatId: string, slot: string): Promise<boolean> {
    return (await this.rows('SELECT 1 FROM digests WHERE chat_id = $1 AND slot = $2', chatId, slot)).length > 0;
  }

  async lastSlots(): Promise<Map<string, string>> {
    const rows = await this.rows('SELECT chat_id, MAX(slot) AS slot FROM digests WHERE slot IS NOT NULL GROUP BY chat_id');
    return new Map(rows.map((r) => [String(r.chat_id), String(r.slot)]));
  }

  async history(chatId: string): Promise<DigestHistory> {
    const [last] = await this.rows('SELECT slot, since FROM digests WHERE chat_id = $1 AND slot IS NOT NULL ORDER BY slot DESC LIMIT 1', chatId);
    const [sent] = await this.rows("SELECT MAX(sent_at) AS at FROM deliveries WHERE chat_id = $1 AND status = 'sent'", chatId);
    const [pending] = await this.rows(
      `SELECT COUNT(*) AS n FROM deliveries WHERE chat_id = $1
       AND (status = 'pending' OR (status = 'failed' AND lease_until IS NOT NULL))`,
      chatId,
    );
    const h: DigestHistory = { pending: Number(pending?.n ?? 0) };
    if (last?.slot) h.lastSlot = String(last.slot);
    if (last?.since) h.lastSince = String(last.since);
    if (sent?.at) h.lastSentAt = String(sent.at);
    return h;
  }
}
