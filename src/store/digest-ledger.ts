/**
 * SQLite implementation of the scheduler's delivery ledger (the scheduler's interface is
 * src/schedule/ledger.ts; this class meets it by shape, so the store imports nothing from schedule/),
 * over the store's digests and deliveries tables plus migrations 003 and 004. Every operation is one
 * BEGIN IMMEDIATE transaction, so two schedulers over one file see each other's claims.
 */
import type { Database } from 'better-sqlite3';
import { claimedFrom, type Row } from './rows.ts';
import type { ClaimedDelivery, DigestHistory, DigestItem, OpenDigestInput, OpenDigestResult } from './types.ts';


/** The ledger key of a chat's digest for one slot. */
export function digestKey(chatId: string, slot: string): string {
  return `digest:${chatId}:${slot}`;
}

/** The slot (ISO time) a {@link digestKey} was made with; undefined for a key of another shape. */
export function slotOfDigestKey(key: string): string | undefined {
  return /:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)$/u.exec(key)?.[1];
}

/** The delivery ledger on a store's better-sqlite3 database (migration 003 applied). */
export class SqliteDigestLedger {
  constructor(private readonly db: Database) {}

  async newToChat(chatId: string, candidates: DigestItem[]): Promise<DigestItem[]> {
    const given = this.db.prepare('SELECT 1 FROM digest_stories WHERE chat_id = ? AND story_id = ?');
    return candidates.filter((c) => c.storyId === undefined || !given.get(chatId, c.storyId));
  }

  async openDigest(input: OpenDigestInput): Promise<OpenDigestResult> {
    const key = digestKey(input.chatId, input.slot);
    const { chatId, items } = input;
    return this.db.transaction((): OpenDigestResult => {
      const existing = this.db.prepare('SELECT id FROM digests WHERE chat_id = ? AND slot = ?').get(chatId, input.slot) as Row | undefined;
      if (existing) return { status: 'exists', digestId: Number(existing.id), key };
      if (items.length === 0) return { status: 'empty' };
      const given = this.db.prepare('SELECT 1 FROM digest_stories WHERE chat_id = ? AND story_id = ?');
      if (items.some((i) => i.storyId !== undefined && given.get(chatId, i.storyId))) return { status: 'stale' };
      const digestId = Number(
        this.db
          .prepare('INSERT INTO digests (chat_id, created_at, items, slot, message, since) VALUES (?, ?, ?, ?, ?, ?)')
          .run(chatId, input.now, JSON.stringify(items), input.slot, JSON.stringify(input.message), input.since ?? null).lastInsertRowid,
      );
      const mark = this.db.prepare('INSERT INTO digest_stories (chat_id, story_id, digest_id) VALUES (?, ?, ?)');
      for (const item of items) if (item.storyId !== undefined) mark.run(chatId, item.storyId, digestId);
      if (input.delivered) {
        this.db
          .prepare("INSERT INTO deliveries (key, chat_id, digest_id, status, attempts, sent_at) VALUES (?, ?, ?, 'sent', 1, ?)")
          .run(key, chatId, digestId, input.now);
      } else {
        this.db
          .prepare("INSERT INTO deliveries (key, chat_id, digest_id, status, attempts) VALUES (?, ?, ?, 'pending', 0)")
          .run(key, chatId, digestId);
      }
      return { status: 'opened', digestId, key, items, message: input.message };
    }).immediate();
  }

  async claimDue(owner: string, now: string, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
    return this.db.transaction((): ClaimedDelivery[] => {
      const rows = this.db
        .prepare(
          `SELECT d.key, d.chat_id, d.digest_id, d.attempts, g.message FROM deliveries d JOIN digests g ON g.id = d.digest_id
           WHERE g.message IS NOT NULL
             AND ((d.status = 'pending' AND (d.lease_until IS NULL OR d.lease_until <= @now))
               OR (d.status = 'failed' AND d.lease_until IS NOT NULL AND d.lease_until <= @now))
             AND NOT EXISTS (SELECT 1 FROM deliveries x
                             WHERE x.chat_id = d.chat_id AND x.status = 'pending' AND x.lease_until > @now)
           ORDER BY d.digest_id LIMIT @scan`,
        )
        .all({ now, scan: limit * 4 }) as Row[];
      const chats = new Set<string>();
      const out: ClaimedDelivery[] = [];
      for (const r of rows) {
        const chatId = String(r.chat_id);
        // One message per chat in flight: that bounds the crash window to one message a chat.
        if (chats.has(chatId) || out.length >= limit) continue;
        chats.add(chatId);
        out.push(this.take(r, owner, now, leaseUntil));
      }
      return out;
    }).immediate();
  }

  /** Claims one delivery (a /digest just opened) when it is pending and nobody holds its lease. */
  async claimKey(key: string, owner: string, now: string, leaseMs: number): Promise<ClaimedDelivery | undefined> {
    const leaseUntil = new Date(Date.parse(now) + leaseMs).toISOString();
    return this.db.transaction((): ClaimedDelivery | undefined => {
      const r = this.db
        .prepare(
          `SELECT d.key, d.chat_id, d.digest_id, d.attempts, g.message FROM deliveries d JOIN digests g ON g.id = d.digest_id
           WHERE d.key = ? AND g.message IS NOT NULL AND d.status = 'pending' AND (d.lease_until IS NULL OR d.lease_until <= ?)`,
        )
        .get(key, now) as Row | undefined;
      return r ? this.take(r, owner, now, leaseUntil) : undefined;
    }).immediate();
  }

  /** Takes the lease of a delivery row (inside a claiming transaction). */
  private take(r: Row, owner: string, now: string, leaseUntil: string): ClaimedDelivery {
    this.db
      .prepare("UPDATE deliveries SET status = 'pending', owner = ?, claimed_at = ?, lease_until = ?, attempts = attempts + 1 WHERE key = ?")
      .run(owner, now, leaseUntil, r.key);
    return claimedFrom(r);
  }

  async renew(key: string, owner: string, leaseUntil: string): Promise<boolean> {
    return (
      this.db
        .prepare("UPDATE deliveries SET lease_until = ? WHERE key = ? AND owner = ? AND status = 'pending'")
        .run(leaseUntil, key, owner).changes > 0
    );
  }

  async complete(key: string, owner: string, sentAt: string, messageIds: string[] = []): Promise<boolean> {
    return (
      this.db
        .prepare(
          `UPDATE deliveries SET status = 'sent', sent_at = ?, message_ids = ?, error = NULL, lease_until = NULL
           WHERE key = ? AND owner = ? AND status = 'pending'`,
        )
        .run(sentAt, JSON.stringify(messageIds), key, owner).changes > 0
    );
  }

  async release(key: string, owner: string, error: string, retryAt: string): Promise<void> {
    this.db
      .prepare("UPDATE deliveries SET status = 'failed', error = ?, lease_until = ? WHERE key = ? AND owner = ? AND status = 'pending'")
      .run(error, retryAt, key, owner);
  }

  async abandon(key: string, owner: string, error: string): Promise<void> {
    this.db
      .prepare("UPDATE deliveries SET status = 'failed', error = ?, lease_until = NULL WHERE key = ? AND owner = ? AND status = 'pending'")
      .run(error, key, owner);
  }

  async hasSlot(chatId: string, slot: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM digests WHERE chat_id = ? AND slot = ?').get(chatId, slot) !== undefined;
  }

  async lastSlots(): Promise<Map<string, string>> {
    const rows = this.db.prepare('SELECT chat_id, MAX(slot) AS slot FROM digests WHERE slot IS NOT NULL GROUP BY chat_id').all() as Row[];
    return new Map(rows.map((r) => [String(r.chat_id), String(r.slot)]));
  }

  async history(chatId: string): Promise<DigestHistory> {
    const last = (this.db
      .prepare('SELECT slot, since FROM digests WHERE chat_id = ? AND slot IS NOT NULL ORDER BY slot DESC LIMIT 1')
      .get(chatId) ?? {}) as Row;
    const sent = this.db.prepare("SELECT MAX(sent_at) AS at FROM deliveries WHERE chat_id = ? AND status = 'sent'").get(chatId) as Row;
    const pending = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM deliveries WHERE chat_id = ?
         AND (status = 'pending' OR (status = 'failed' AND lease_until IS NOT NULL))`,
      )
      .get(chatId) as Row;
    const h: DigestHistory = { pending: Number(pending.n) };
    if (last.slot) h.lastSlot = String(last.slot);
    if (last.since) h.lastSince = String(last.since);
    if (sent.at) h.lastSentAt = String(sent.at);
    return h;
  }
}
