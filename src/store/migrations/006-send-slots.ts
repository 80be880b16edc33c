/**
 * The platform-wide send limit shared by the instances over one database (one bot token, one
 * limit: Telegram's 30 messages a second): a row per platform and slot, and a slot is free from
 * `free_at` (epoch milliseconds of the database's clock). A send takes a free slot, marking it
 * held until a bound on the send's length plus the window; when the send ends the slot is free
 * one window after that. So each slot carries at most one send in any window, and a platform at
 * most its number of slots; a killed instance's slot frees itself when its hold runs out.
 * SQLite is one process and paces with its local limiter alone; the table is here so both stores
 * keep one schema (store/postgres-send-slots.ts uses it).
 */
import type { Migration } from './types.ts';

export const migration: Migration = {
  id: '006-send-slots',
  up(db) {
    db.exec(`
      CREATE TABLE send_slots (
        platform TEXT NOT NULL,
        slot INTEGER NOT NULL,
        free_at INTEGER NOT NULL DEFAULT 0,
        holder TEXT,
        PRIMARY KEY (platform, slot)
      );
    `);
  },
};
