/** Feeds, articles and where each was seen, analyses, stories. */
import type { Migration } from './types.ts';

export const migration: Migration = {
  id: '001-content',
  up(db) {
    db.exec(`
      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        last_fetch TEXT,
        last_success TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_try TEXT,
        last_error TEXT,
        last_error_message TEXT,
        added_by TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        summary TEXT,
        published TEXT,
        first_seen TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE
      );
      CREATE INDEX articles_first_seen ON articles(first_seen);
      CREATE TABLE article_sources (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
        outlet TEXT,
        guid TEXT,
        url TEXT,
        title TEXT,
        seen_at TEXT NOT NULL
      );
      CREATE INDEX article_sources_article ON article_sources(article_id);
      CREATE INDEX article_sources_feed_guid ON article_sources(feed_id, guid);
      CREATE INDEX article_sources_url ON article_sources(url);
      CREATE TABLE analyses (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        version TEXT NOT NULL,
        analysis TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (article_id, version)
      );
      CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL
      );
      CREATE INDEX stories_last_seen ON stories(last_seen);
      CREATE TABLE story_articles (
        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
        score REAL NOT NULL,
        joined_at TEXT NOT NULL,
        PRIMARY KEY (story_id, article_id)
      );
    `);
  },
};
