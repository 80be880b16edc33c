/** What chats keep: followed feeds, memory, subscriptions, filters, digests, the delivery ledger. */
import type { Migration } from './types.ts';

export const migration: Migration = {
  id: '002-chats',
  up(db) {
    db.exec(`
      CREATE TABLE chat_feeds (
        chat_id TEXT NOT NULL,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, feed_id)
      );
      CREATE INDEX chat_feeds_feed ON chat_feeds(feed_id);
      CREATE TABLE chat_memory (
        chat_id TEXT PRIMARY KEY,
        last_article TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        chat_id TEXT NOT NULL UNIQUE,
        platform TEXT NOT NULL,
        times TEXT NOT NULL,
        timezone TEXT NOT NULL,
        top_n INTEGER NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        options TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
      );
      CREATE TABLE filters (
        id INTEGER PRIMARY KEY,
        chat_id TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('include', 'exclude')),
        pattern TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX filters_chat ON filters(chat_id);
      CREATE TABLE digests (
        id INTEGER PRIMARY KEY,
        chat_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        items TEXT NOT NULL
      );
      CREATE INDEX digests_chat ON digests(chat_id, id);
      CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        chat_id TEXT NOT NULL,
        digest_id INTEGER REFERENCES digests(id) ON DELETE SET NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        owner TEXT,
        claimed_at TEXT,
        lease_until TEXT,
        sent_at TEXT,
        error TEXT,
        message_ids TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX deliveries_chat ON deliveries(chat_id, claimed_at);
    `);
  },
};
