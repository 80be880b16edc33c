import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore, STORE_KINDS } from '../support/stores.ts';
import { feedsReadBy, readersOf } from '../../src/store/reading.ts';

const T0 = '2026-01-01T00:00:00.000Z';

for (const kind of STORE_KINDS) {
  describe(kind, () => {
    test('GIVEN a remembered article THEN lastArticle returns it and other chats have none', async () => {
      const store = await openTestStore(kind);
      await store.rememberArticle('c1', { text: 'نص', title: 'عنوان', url: 'https://x.example/a' });
      assert.deepEqual(await store.lastArticle('c1'), { text: 'نص', title: 'عنوان', url: 'https://x.example/a' });
      assert.equal(await store.lastArticle('c2'), undefined);
      await store.close();
    });

    test('GIVEN a recorded digest THEN digestItem(n) returns item n articles with their outlet, and undefined out of range', async () => {
      const store = await openTestStore(kind);
      const feed = await store.addFeed('https://a.example/rss', { now: T0, title: 'أ' });
      const art = await store.upsertArticle({ feedId: feed.id, outlet: 'وكالة أ', guid: 'g', title: 'ع', text: 'نص الخبر الأول', seenAt: T0 });
      await store.recordDigest('c1', [{ storyId: 1, articleIds: [999] }], T0);
      await store.recordDigest('c1', [{ storyId: 1, articleIds: [art.article.id] }], T0);
      const items = await store.digestItem('c1', 1);
      assert.equal(items?.length, 1);
      assert.equal(items?.[0]?.source, 'وكالة أ');
      assert.equal(items?.[0]?.id, String(art.article.id));
      assert.equal(await store.digestItem('c1', 2), undefined);
      assert.equal(await store.digestItem('c1', 0), undefined);
      assert.equal(await store.digestItem('c2', 1), undefined);
      await store.close();
    });

    test('GIVEN subscriptions, filters and followed feeds THEN they round-trip', async () => {
      const store = await openTestStore(kind);
      await store.upsertSubscription({ chatId: 'c1', platform: 'telegram', times: ['08:00'], timezone: 'Asia/Riyadh', topN: 5 }, T0);
      const s = await store.upsertSubscription({ chatId: 'c1', platform: 'telegram', times: ['08:00', '20:00'], timezone: 'Asia/Riyadh', topN: 3, options: { quiet: '23-07' } }, T0);
      assert.deepEqual(s.times, ['08:00', '20:00']);
      assert.equal(s.topN, 3);
      assert.deepEqual(s.options, { quiet: '23-07' });
      assert.equal((await store.listSubscriptions()).length, 1);
      const f = await store.addFilter('c1', 'exclude', 'رياضة', T0);
      assert.deepEqual((await store.listFilters('c1')).map((x) => x.pattern), ['رياضة']);
      assert.equal(await store.removeFilter('c2', f.id), false);
      assert.equal(await store.removeFilter('c1', f.id), true);
      const feed = await store.addFeed('https://a.example/rss', { now: T0, addedBy: 'c1' });
      assert.deepEqual((await store.chatFeeds('c1')).map((x) => x.id), [feed.id]);
      assert.deepEqual(await store.feedFollowers(feed.id), ['c1']);
      assert.equal(await store.unfollowFeed('c1', feed.id), true);
      assert.deepEqual(await store.chatFeeds('c1'), []);
      assert.equal(await store.removeSubscription('c1'), true);
      assert.equal(await store.getSubscription('c1'), undefined);
      await store.close();
    });

    test('GIVEN chats that follow some feeds and chats that follow none THEN feedsReadBy and readersOf apply one rule', async () => {
      const store = await openTestStore(kind);
      const a = await store.addFeed('https://a.example/rss', { now: T0 });
      const b = await store.addFeed('https://b.example/rss', { now: T0 });
      for (const chatId of ['follows-a', 'follows-none']) {
        await store.upsertSubscription({ chatId, platform: 'telegram', times: ['08:00'], timezone: 'UTC', topN: 5 }, T0);
      }
      await store.followFeed('follows-a', a.id, T0);
      await store.followFeed('not-subscribed', b.id, T0);
      assert.deepEqual(await feedsReadBy(store, 'follows-a'), { feeds: [await store.getFeed(a.id)], followsSome: true });
      const all = await feedsReadBy(store, 'follows-none');
      assert.deepEqual([all.feeds.map((f) => f.id).sort(), all.followsSome], [[a.id, b.id].sort(), false]);
      assert.deepEqual((await readersOf(store, a.id)).sort(), ['follows-a', 'follows-none']);
      assert.deepEqual((await readersOf(store, b.id)).sort(), ['follows-none', 'not-subscribed']);
      await store.close();
    });
  });
}
