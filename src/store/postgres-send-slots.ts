/**
 * The platform-wide send limit shared by every instance over one PostgreSQL database
 * (messages/pacing.ts `SharedPace`; the table is migration 006-send-slots), and each chat's
 * (a second and a minute; migration 009-chat-send-slots, the same scheme per chat, below). A platform with a limit
 * of N a second has N slot rows. A send takes a free slot (`free_at` passed) and marks it held
 * until `holdMs` plus the window from now; when the send ends, the slot is free one window after
 * that. A request reaches the platform between its take and its end, so two sends on one slot reach
 * it more than a window apart, and no window at the platform sees more than N sends, however many
 * instances send. Times are the database's clock, so instances on machines whose clocks differ
 * still agree. A killed instance's slots come back when their hold runs out.
 *
 * Claims use `FOR UPDATE SKIP LOCKED`, so instances taking slots at once pass over each other's
 * rows instead of waiting. Every statement goes to the pool, outside any store transaction the
 * caller may be in: a slot's hold must commit at once, and never roll back with other work. Each instance asks for one slot at a time per platform (its senders wait
 * in line, first come first served), and when none is free it sleeps until the earliest comes free.
 */
import { randomBytes } from 'node:crypto';
import type { ChatPace, SharedPace } from '../messages/pacing.ts';
import type { PostgresStore } from './postgres.ts';
import type { Row } from './rows.ts';

/** What the shared limit needs besides the store. */
export interface SendSlotsOptions {
  /** Longest a send may hold its slot before the slot counts as lost (a killed instance); default 60 s. */
  holdMs?: number;
  /** The window the limit counts in (default 1 s: N a second). */
  windowMs?: number;
  /** A failure of the database, after which sends go on under the instance's local limit alone. */
  log?(line: string): void;
  /** Waits `ms` (real time by default: the slots follow the database's clock). */
  sleep?(ms: number): Promise<void>;
  /** The windows of a chat's limits (default a second and a minute; tests shorten the minute). */
  chatWindowsMs?: { second: number; minute: number };
  /** A chat not sent to for this long loses its slot rows (default an hour); they are made again on its next send. */
  chatIdleMs?: number;
  /** How often this instance looks for such chats (default every 10 minutes). */
  pruneEveryMs?: number;
}

/** Shortest and longest sleep between two tries for a slot. */
const MIN_WAIT_MS = 5;
const MAX_WAIT_MS = 1_000;

/** The database's clock in epoch milliseconds, read once per statement. */
const NOW_MS = '(SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms)';

/** Takes the longest-free slot among the first $2 of platform $1 for holder $4, held $3 ms. */
const TAKE_SQL = `
  WITH now AS ${NOW_MS},
  pick AS (
    SELECT s.slot FROM send_slots s, now WHERE s.platform = $1 AND s.slot < $2 AND s.free_at <= now.ms
    ORDER BY s.free_at, s.slot LIMIT 1 FOR UPDATE OF s SKIP LOCKED
  )
  UPDATE send_slots t SET free_at = now.ms + $3, holder = $4 FROM pick, now
  WHERE t.platform = $1 AND t.slot = pick.slot
  RETURNING t.slot`;

/** Milliseconds until the first of the platform's slots comes free (0 or less: one is free, or being taken). */
const WAIT_SQL = `SELECT (SELECT MIN(free_at) FROM send_slots WHERE platform = $1 AND slot < $2) - now.ms AS wait FROM ${NOW_MS} now`;

/** Ends holder $3's send on slot $2: the slot is free a window ($4 ms) from now. */
const END_SQL = `UPDATE send_slots SET free_at = now.ms + $4, holder = NULL FROM ${NOW_MS} now WHERE platform = $1 AND slot = $2 AND holder = $3`;

/**
 * Takes, for holder $5 and $4 ms plus the slot's window, one free per-second slot of chat $1 (slots
 * 0 to $2 - 1, window $6 ms) and, when the chat has a minute limit ($3 > 0), one free per-minute
 * slot (slots $2 to $2 + $3 - 1, window $7 ms): both or neither.
 */
const TAKE_CHAT_SQL = `
  WITH now AS ${NOW_MS},
  sec AS (
    SELECT c.slot FROM chat_send_slots c, now WHERE c.chat_id = $1 AND c.slot < $2::int AND c.free_at <= now.ms
    ORDER BY c.free_at, c.slot LIMIT 1 FOR UPDATE OF c SKIP LOCKED
  ),
  mins AS (
    SELECT c.slot FROM chat_send_slots c, now WHERE c.chat_id = $1 AND c.slot >= $2::int AND c.slot < $2::int + $3::int AND c.free_at <= now.ms
    ORDER BY c.free_at, c.slot LIMIT 1 FOR UPDATE OF c SKIP LOCKED
  ),
  pick AS (SELECT slot FROM sec UNION ALL SELECT slot FROM mins)
  UPDATE chat_send_slots t SET free_at = now.ms + $4::bigint + CASE WHEN t.slot < $2::int THEN $6::bigint ELSE $7::bigint END, holder = $5 FROM pick, now
  WHERE t.chat_id = $1 AND t.slot = pick.slot AND EXISTS (SELECT 1 FROM sec) AND ($3::int = 0 OR EXISTS (SELECT 1 FROM mins))
  RETURNING t.slot`;

/** Milliseconds until chat $1 has a free slot of each kind (NULL: the rows of a kind are missing, to be made again). */
const WAIT_CHAT_SQL = `
  SELECT CASE WHEN k.sec IS NULL OR ($3::int > 0 AND k.mins IS NULL) THEN NULL ELSE GREATEST(k.sec, COALESCE(k.mins, 0)) - now.ms END AS wait
  FROM (
    SELECT
      (SELECT MIN(free_at) FROM chat_send_slots WHERE chat_id = $1 AND slot < $2::int) AS sec,
      (SELECT MIN(free_at) FROM chat_send_slots WHERE chat_id = $1 AND slot >= $2::int AND slot < $2::int + $3::int) AS mins
  ) k, ${NOW_MS} now`;

/** Ends holder $2's send to chat $1: each slot it held is free its window from now ($4 ms for slots below $3, else $5). */
const END_CHAT_SQL = `UPDATE chat_send_slots SET free_at = now.ms + CASE WHEN slot < $3::int THEN $4::bigint ELSE $5::bigint END, holder = NULL FROM ${NOW_MS} now WHERE chat_id = $1 AND holder = $2`;

/**
 * Deletes the slot rows of chats none of whose slots was held or in its window for $1 ms. Each row
 * is checked again as it is deleted, so a slot another instance takes meanwhile stays.
 */
const PRUNE_CHATS_SQL = `
  WITH now AS ${NOW_MS}
  DELETE FROM chat_send_slots c USING now
  WHERE c.holder IS NULL AND c.free_at < now.ms - $1::bigint AND c.chat_id IN (
    SELECT chat_id FROM chat_send_slots, now GROUP BY chat_id, now.ms HAVING MAX(free_at) < now.ms - $1::bigint AND COUNT(holder) = 0
  )`;

/** Chats whose slot rows this process made, forgotten past this many (making them again is harmless). */
const CHATS_MADE_MAX = 10_000;

interface Waiter {
  perSecond: number;
  resolve(release: () => void): void;
}

/** {@link SharedPace} over the store's database. */
export class PostgresSendSlots implements SharedPace {
  private readonly queues = new Map<string, Waiter[]>();
  private readonly pumping = new Set<string>();
  private readonly made = new Map<string, Promise<unknown>>();
  /** Chats whose first N slot rows this process made, by chat. */
  private readonly chatsMade = new Map<string, number>();
  /** When this instance last pruned idle chats (epoch ms; 0: not yet, so it prunes on its first chat send). */
  private prunedAt = 0;
  private readonly prefix = randomBytes(6).toString('hex');
  private taken = 0;
  private failing = false;

  constructor(
    private readonly store: PostgresStore,
    private readonly options: SendSlotsOptions = {},
  ) {}

  /** {@inheritDoc SharedPace.acquire} */
  acquire(platform: string, perSecond: number): Promise<() => void> {
    return new Promise((resolve) => {
      const queue = this.queues.get(platform) ?? [];
      this.queues.set(platform, queue);
      queue.push({ perSecond, resolve });
      void this.pump(platform);
    });
  }

  /** Gives the platform's waiting sends their slots, one after the other. */
  private async pump(platform: string): Promise<void> {
    if (this.pumping.has(platform)) return;
    this.pumping.add(platform);
    try {
      const queue = this.queues.get(platform) ?? [];
      for (let head = queue[0]; head; head = queue[0]) {
        const release = await this.tryTake(platform, head.perSecond);
        if (typeof release === 'number') {
          await this.sleep(Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, release)));
          continue;
        }
        queue.shift();
        head.resolve(release);
      }
    } finally {
      this.pumping.delete(platform);
    }
  }

  /** A slot's release, or the milliseconds to wait before trying again. */
  private async tryTake(platform: string, perSecond: number): Promise<(() => void) | number> {
    const holder = `${this.prefix}:${++this.taken}`;
    const windowMs = this.options.windowMs ?? 1000;
    try {
      await this.slotsOf(platform, perSecond);
      const rows = await this.rows(TAKE_SQL, [platform, perSecond, (this.options.holdMs ?? 60_000) + windowMs, holder]);
      this.failing = false;
      const slot = rows[0]?.slot;
      if (slot === undefined) return Number((await this.rows(WAIT_SQL, [platform, perSecond]))[0]?.wait ?? MIN_WAIT_MS);
      return () => void this.end(platform, Number(slot), holder, windowMs);
    } catch (err) {
      // The database is down: this instance goes on under its own limit rather than stop replying.
      if (!this.failing) this.options.log?.(`shared send limit unavailable, pacing this instance alone: ${String(err)}`);
      this.failing = true;
      return () => {};
    }
  }

  /** {@inheritDoc SharedPace.acquireChat} */
  async acquireChat(chat: string, pace: ChatPace): Promise<() => void> {
    for (;;) {
      const got = await this.tryTakeChat(chat, pace);
      if (typeof got !== 'number') return got;
      await this.sleep(Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, got)));
    }
  }

  /** The chat's slots' release, or the milliseconds to wait before trying again. */
  private async tryTakeChat(chat: string, pace: ChatPace): Promise<(() => void) | number> {
    const holder = `${this.prefix}:${++this.taken}`;
    const { second, minute } = this.options.chatWindowsMs ?? { second: 1000, minute: 60_000 };
    const [perSecond, perMinute] = [Math.max(1, pace.perSecond), Math.max(0, pace.perMinute)];
    try {
      await this.pruneIdleChats();
      await this.chatSlotsOf(chat, perSecond + perMinute);
      const taken = await this.rows(TAKE_CHAT_SQL, [chat, perSecond, perMinute, this.options.holdMs ?? 60_000, holder, second, minute]);
      this.failing = false;
      if (taken.length > 0) {
        return () => void this.rows(END_CHAT_SQL, [chat, holder, perSecond, second, minute]).catch((err: unknown) => this.options.log?.(`chat send slot not given back: ${String(err)}`));
      }
      const wait = (await this.rows(WAIT_CHAT_SQL, [chat, perSecond, perMinute]))[0]?.wait;
      if (wait !== null && wait !== undefined) return Number(wait);
      // The chat's rows are gone (or were never made on this database): make them again.
      this.chatsMade.delete(chat);
      return 0;
    } catch (err) {
      if (!this.failing) this.options.log?.(`shared send limit unavailable, pacing this instance alone: ${String(err)}`);
      this.failing = true;
      return () => {};
    }
  }

  /**
   * Now and then, forgets the slot rows of chats idle past `chatIdleMs` (all their windows long
   * over), so the table holds the chats being sent to rather than every chat ever. A chat pruned
   * while another instance sends to it has its rows made again (its WAIT_CHAT_SQL reads NULL).
   */
  private async pruneIdleChats(): Promise<void> {
    const now = Date.now();
    if (now - this.prunedAt < (this.options.pruneEveryMs ?? 10 * 60_000)) return;
    this.prunedAt = now;
    await this.rows(PRUNE_CHATS_SQL, [this.options.chatIdleMs ?? 3_600_000]);
    this.chatsMade.clear();
  }

  /** Makes a chat's first `count` slot rows once per process (every instance may; they are the same rows). */
  private async chatSlotsOf(chat: string, count: number): Promise<void> {
    if ((this.chatsMade.get(chat) ?? 0) >= count) return;
    const insert = 'INSERT INTO chat_send_slots (chat_id, slot) SELECT $1, g FROM generate_series(0, $2::int - 1) AS g ON CONFLICT DO NOTHING';
    await this.rows(insert, [chat, count]);
    if (this.chatsMade.size >= CHATS_MADE_MAX) this.chatsMade.clear();
    this.chatsMade.set(chat, count);
  }

  /** Ends a send; if the database cannot be told, the slot comes back when its hold runs out. */
  private async end(platform: string, slot: number, holder: string, windowMs: number): Promise<void> {
    await this.rows(END_SQL, [platform, slot, holder, windowMs]).catch((err: unknown) => this.options.log?.(`send slot not given back: ${String(err)}`));
  }

  /** Makes the platform's first `perSecond` slot rows once per process (every instance may; they are the same rows). */
  private slotsOf(platform: string, perSecond: number): Promise<unknown> {
    const key = `${platform}:${perSecond}`;
    let made = this.made.get(key);
    if (!made) {
      const insert = 'INSERT INTO send_slots (platform, slot) SELECT $1, g FROM generate_series(0, $2::int - 1) AS g ON CONFLICT DO NOTHING';
      made = this.rows(insert, [platform, perSecond]).catch((err: unknown) => {
        this.made.delete(key);
        throw err;
      });
      this.made.set(key, made);
    }
    return made;
  }

  /** Runs one statement on the pool (never in the caller's transaction). */
  private async rows(sql: string, params: unknown[]): Promise<Row[]> {
    return (await this.store.pool.query<Row>(sql, params)).rows;
  }

  private sleep(ms: number): Promise<void> {
    return this.options.sleep ? this.options.sleep(ms) : new Promise((resolve) => setTimeout(resolve, ms));
  }
}
