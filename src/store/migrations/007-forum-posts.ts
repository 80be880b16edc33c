/**
 * The forum posts a digest created in a Discord forum channel (one post, a thread, per story), and
 * whether each post's thread got its timeline and who list: a digest retried after a failure half-way,
 * by this instance after a restart or by another one, skips the stories already posted instead of
 * posting them twice. Keyed by the chat and a hash of the post's title and first message.
 */
import type { Migration } from './types.ts';

export const migration: Migration = {
  id: '007-forum-posts',
  up(db) {
    db.exec(`
      CREATE TABLE forum_posts (
        chat_id TEXT NOT NULL,
        post_key TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        complete INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, post_key)
      );
      CREATE INDEX forum_posts_age ON forum_posts(chat_id, created_at);
    `);
  },
};
