/**
 * Which feeds a chat reads, and which chats read a feed: one rule, written once. A chat that
 * follows feeds reads those; a chat that follows no feed in particular reads every feed.
 */
import type { FeedRecord, Store } from './types.ts';

/** The feeds whose news reach `chatId`, and whether it follows some in particular. */
export async function feedsReadBy(
  store: Pick<Store, 'chatFeeds' | 'listFeeds'>,
  chatId: string,
): Promise<{ feeds: FeedRecord[]; followsSome: boolean }> {
  const followed = await store.chatFeeds(chatId);
  return followed.length > 0 ? { feeds: followed, followsSome: true } : { feeds: await store.listFeeds(), followsSome: false };
}

/** The chats that read feed `feedId`: its followers, and every subscribed chat that follows no feed. */
export async function readersOf(
  store: Pick<Store, 'feedFollowers' | 'listSubscriptions' | 'chatFeeds'>,
  feedId: number,
): Promise<string[]> {
  const readers = new Set(await store.feedFollowers(feedId));
  for (const sub of await store.listSubscriptions()) {
    if (!readers.has(sub.chatId) && (await store.chatFeeds(sub.chatId)).length === 0) readers.add(sub.chatId);
  }
  return [...readers];
}
