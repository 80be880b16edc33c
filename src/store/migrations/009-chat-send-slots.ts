/**
 * The per-chat send limit shared by the instances over one database (Telegram: about one message
 * a second to a chat, 20 a minute to a group or channel; a limit of the bot token, not of one
 * instance): a chat's slots, from slot 0, are first its per-second slots, then its per-minute
 * ones (groups and channels only). A send takes one free slot of each kind the chat has, together,
 * holding each until a bound on the send's length plus its window; when it ends each is free one
 * window after that, as the platform-wide send slots of 006 are. A row per chat and slot, made the
 * first time the chat is sent to; `free_at` is epoch milliseconds of the database's clock.
 * SQLite is one process and paces chats with its local limiter alone; the table is here so both
 * stores keep one schema (store/postgres-send-slots.ts uses it).
 */
import type { Migration } from './types.ts';

export const migration: Migration = {
  id: '009-chat-send-slots',
  up(db) {
    db.exec(`
      CREATE TABLE chat_send_slots (
        chat_id TEXT NOT NULL,
        slot INTEGER NOT NULL,
        free_at INTEGER NOT NULL DEFAULT 0,
        holder TEXT,
        PRIMARY KEY (chat_id, slot)
      );
    `);
  },
};
