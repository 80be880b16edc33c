/**
 * What command handlers may use. The composition root (src/main.ts) builds one Services object;
 * tests build their own with fakes. Commands see interfaces only, never a database or a platform.
 */
import type { Analysis, ArticleInput } from '../core/types.ts';
import type { DigestServices } from '../schedule/index.ts';
import type { ChatMemory, StoredArticle } from '../store/types.ts';

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
  /**
   * The core analysis. The bot runs it in the job pool's worker thread under a time budget (so a
   * hostile article never holds the other chats); tests may give the pure function. Cached at the
   * composition root.
   */
  analyze(input: ArticleInput): Analysis | Promise<Analysis>;
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
  /**
   * The optional generated brief (MOJAZ_LLM_URL): resolves to a brief already checked against the
   * article, or undefined, and /brief keeps the extractive brief. Absent when the feature is off.
   */
  llmBrief?(article: ArticleInput, analysis: Analysis): Promise<string | undefined>;
  /** Subscriptions, filters, feeds and digests (src/schedule); absent where digests are not set up. */
  digests?: DigestServices;
}
