/**
 * What command handlers may use. The composition root (src/main.ts) builds one Services object;
 * tests build their own with fakes. Commands see interfaces only, never a database or a platform.
 */
import type { Analysis, ArticleInput } from '../core/types.ts';
import type { DigestServices } from '../schedule/service.ts';

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

/**
 * Short keys for action buttons: a button carries "timeline:KEY", never the article itself
 * (Telegram's callback_data holds 64 bytes).
 */
export interface ArticleKeys {
  /** The key of `article` (the same article always gets the same key). */
  keyFor(article: StoredArticle): string;
  /** The article behind `key`, while it is remembered. */
  get(key: string): StoredArticle | undefined;
}

/** Everything a command handler may call. */
export interface Services {
  /** The core analysis (pure). Wrap it with a cache at the composition root. */
  analyze(input: ArticleInput): Analysis;
  /**
   * Fetches the article at `url`. Errors the user can act on carry an Arabic `userMessage`
   * (the sources layer's SourceError); commands show it as is.
   */
  fetchArticle(url: string): Promise<StoredArticle>;
  memory: ChatMemory;
  keys: ArticleKeys;
  /** IANA time zone for reference dates of articles without a publication date. */
  timezone: string;
  /** Reads a local text file; given only to the console, where `/brief ./article.txt` is allowed. */
  readLocalFile?(path: string): Promise<string>;
  /** Subscriptions, filters, feeds and digests (src/schedule); absent where digests are not set up. */
  digests?: DigestServices;
}
