/**
 * The story each forum post of a digest stands for, so that when the story is merged into another
 * (one happening told in both) its post can be told where the story goes on (src/schedule/forum-merges.ts).
 */
import type { Migration } from './types.ts';

export const migration: Migration = {
  id: '011-forum-post-story',
  up(db) {
    db.exec(`
      ALTER TABLE forum_posts ADD COLUMN story_id INTEGER;
    `);
  },
};
