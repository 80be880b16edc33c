/**
 * A lease per feed, so several instances over one database poll each feed once per interval: a
 * round claims the due feeds it will poll (owner, and until when), and no other instance claims
 * them before the lease ends. The lease runs for the polling interval, so a feed polled at the
 * start of an interval is not due again before its end; an instance that stops releases the feeds
 * it claimed but did not poll, and a killed instance's leases simply run out.
 */
import type { Migration } from './types.ts';

export const migration: Migration = {
  id: '005-feed-lease',
  up(db) {
    db.exec(`
      ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
      ALTER TABLE feeds ADD COLUMN lease_until TEXT;
    `);
  },
};
