/**
 * The scheduler's delivery ledger (src/store/digest-ledger.ts): a digest's slot and rendered
 * message, and which stories each chat already got, so a story reaches a chat once.
 */
import type { Migration } from './types.ts';

export const migration: Migration = {
  id: '003-digest-ledger',
  up(db) {
    db.exec(`
      ALTER TABLE digests ADD COLUMN slot TEXT;
      ALTER TABLE digests ADD COLUMN message TEXT;
      CREATE UNIQUE INDEX digests_chat_slot ON digests(chat_id, slot);
      CREATE TABLE digest_stories (
        chat_id TEXT NOT NULL,
        story_id INTEGER NOT NULL,
        digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
        PRIMARY KEY (chat_id, story_id)
      );
      CREATE INDEX deliveries_due ON deliveries(status, lease_until);
    `);
  },
};
