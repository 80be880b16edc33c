/**
 * Merged stories: when an article ties two stories (one happening told in both), the younger one's
 * articles move to the older and its row stays, naming the story it went into, so digests and
 * ledgers that named it still resolve. Listings skip merged stories.
 */
import type { Migration } from './types.ts';

export const migration: Migration = {
  id: '010-story-merge',
  up(db) {
    db.exec(`
      ALTER TABLE stories ADD COLUMN merged_into INTEGER REFERENCES stories(id);
    `);
  },
};
