/**
 * A digest's period: from when its stories were taken (`since`). A later /digest or "more" in
 * the same period reads from that time again, so the stories a digest had no room for can still
 * be read (the ledger keeps each story to one digest, so nothing shows twice).
 */
import type { Migration } from './types.ts';

export const migration: Migration = {
  id: '004-digest-period',
  up(db) {
    db.exec('ALTER TABLE digests ADD COLUMN since TEXT;');
  },
};
