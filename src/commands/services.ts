/**
 * What command handlers may use. The composition root (src/main.ts) builds one Services object;
 * tests build their own with fakes. Commands see interfaces only, never a database or a platform.
 */

/** An article as commands see it: pasted text, a fetched page, or a feed item. */
export interface StoredArticle {
  /** Store id, when the article is stored. */
  id?: string;
  url?: string;
  title?: string;
  text: string;
  /** Publication date or date-time (ISO 8601), when known. */
  published?: string;
  /** Outlet or feed name, when known. */
  source?: string;
}

/**
 * Per-chat memory the commands rely on: the chat's most recent article, and the stories of the
 * chat's last digest (so "/timeline 2" means item 2 of that digest). The SQLite store implements it;
 * tests may use an in-memory one.
 */
export interface ChatMemory {
  /** Records `article` as the chat's most recent one. */
  rememberArticle(chatId: string, article: StoredArticle): Promise<void>;
  /** The chat's most recent article, if any. */
  lastArticle(chatId: string): Promise<StoredArticle | undefined>;
  /** The articles of item `n` (1-based) of the chat's last digest, or undefined when there is none. */
  digestItem(chatId: string, n: number): Promise<StoredArticle[] | undefined>;
}
