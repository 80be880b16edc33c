/**
 * In-memory implementations of the command services' state: chat memory (until, and beside,
 * the SQLite store) and button keys. Bounded so a busy bot cannot grow without limit.
 */
import { createHash } from 'node:crypto';
import { Lru } from './lru.ts';
import type { ChatMemory, StoredArticle } from '../store/types.ts';
import type { ArticleKeys } from './services.ts';

/** ChatMemory kept in process memory: last article per chat, last digest per chat. */
export class InMemoryChatMemory implements ChatMemory {
  private readonly last: Lru<string, StoredArticle>;
  private readonly digests: Lru<string, StoredArticle[][]>;

  constructor(maxChats = 10_000) {
    this.last = new Lru(maxChats);
    this.digests = new Lru(maxChats);
  }

  /** {@inheritDoc ChatMemory.rememberArticle} */
  async rememberArticle(chatId: string, article: StoredArticle): Promise<void> {
    this.last.set(chatId, article);
  }

  /** {@inheritDoc ChatMemory.lastArticle} */
  async lastArticle(chatId: string): Promise<StoredArticle | undefined> {
    return this.last.get(chatId);
  }

  /** {@inheritDoc ChatMemory.digestItem} */
  async digestItem(chatId: string, n: number): Promise<StoredArticle[] | undefined> {
    return this.digests.get(chatId)?.[n - 1];
  }

  /** Records the stories of a digest sent to `chatId` (each story: its articles). */
  rememberDigest(chatId: string, items: StoredArticle[][]): void {
    this.digests.set(chatId, items);
  }
}

/** The identity of an article for keys and caches: its URL, else a hash of its text. */
export function articleIdentity(article: StoredArticle): string {
  return article.url ?? `text:${createHash('sha256').update(article.title ?? '').update('\0').update(article.text).digest('base64url')}`;
}

/** Button keys in an LRU: 10 URL-safe characters derived from the article's identity. */
export class InMemoryArticleKeys implements ArticleKeys {
  private readonly byKey: Lru<string, StoredArticle>;

  constructor(max = 2_000) {
    this.byKey = new Lru(max);
  }

  /** {@inheritDoc ArticleKeys.keyFor} */
  keyFor(article: StoredArticle): string {
    const key = createHash('sha256').update(articleIdentity(article)).digest('base64url').slice(0, 10);
    this.byKey.set(key, article);
    return key;
  }

  /** {@inheritDoc ArticleKeys.get} */
  get(key: string): StoredArticle | undefined {
    return this.byKey.get(key);
  }
}
