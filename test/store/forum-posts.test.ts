import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSharedStores, openTestStore, STORE_KINDS } from '../support/stores.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const DAY = 86_400_000;
const at = (days: number): string => new Date(Date.parse(T0) + days * DAY).toISOString();

for (const kind of STORE_KINDS) {
  describe(`forum posts on ${kind}`, () => {
    test('GIVEN a post recorded, then completed THEN it reads back by chat and key, apart from other chats and keys', async () => {
      const store = await openTestStore(kind);
      assert.equal(await store.forumPost('discord:20', 'k1'), undefined);
      await store.recordForumPost('discord:20', 'k1', { thread: '5001', complete: false }, T0);
      assert.deepEqual(await store.forumPost('discord:20', 'k1'), { thread: '5001', complete: false });
      await store.recordForumPost('discord:20', 'k1', { thread: '5001', complete: true }, at(0.01));
      assert.deepEqual(await store.forumPost('discord:20', 'k1'), { thread: '5001', complete: true });
      assert.equal(await store.forumPost('discord:21', 'k1'), undefined);
      assert.equal(await store.forumPost('discord:20', 'k2'), undefined);
      await store.close();
    });

    test('GIVEN posts older than a week THEN recording a new one in that chat forgets them, and keeps the other chats\'', async () => {
      const store = await openTestStore(kind);
      await store.recordForumPost('discord:20', 'old', { thread: '1', complete: true }, T0);
      await store.recordForumPost('discord:20', 'recent', { thread: '2', complete: true }, at(5));
      await store.recordForumPost('discord:21', 'other', { thread: '3', complete: true }, T0);
      await store.recordForumPost('discord:20', 'new', { thread: '4', complete: false }, at(8));
      assert.equal(await store.forumPost('discord:20', 'old'), undefined);
      assert.deepEqual(await store.forumPost('discord:20', 'recent'), { thread: '2', complete: true });
      assert.deepEqual(await store.forumPost('discord:21', 'other'), { thread: '3', complete: true });
      await store.close();
    });

    test('GIVEN posts of two stories, then the stories merged THEN the merged-away one is listed with the post it goes on in, and moving it is claimed once', async () => {
      const [store, other] = await openSharedStores(kind, 2);
      const feed = await store!.addFeed('https://a.example/rss', { now: T0, title: 'أ' });
      const story = async (guid: string, title: string) => {
        const { article } = await store!.upsertArticle({ feedId: feed.id, guid, title, text: `${title} نص الخبر كاملا ${guid}`, seenAt: T0 });
        return (await store!.createStory(article.id, title, T0)).id;
      };
      const [older, younger, alone] = [await story('1', 'اغتيال مهندس في صفاقس'), await story('2', 'حماس تنعى المهندس'), await story('3', 'خبر آخر')];
      await store!.recordForumPost('discord:20', 'a', { thread: '501', complete: true, storyId: older }, T0);
      await store!.recordForumPost('discord:20', 'b', { thread: '502', complete: true, storyId: younger }, at(0.01));
      // Another forum got only the younger story; a third got a story that stays apart.
      await store!.recordForumPost('discord:21', 'b', { thread: '601', complete: true, storyId: younger }, at(0.01));
      await store!.recordForumPost('discord:22', 'c', { thread: '701', complete: true, storyId: alone }, at(0.01));
      assert.deepEqual(await store!.mergedForumPosts(10), []);
      await store!.mergeStories(older, younger, at(0.02));
      const merged = await store!.mergedForumPosts(10);
      const into = { id: older, title: 'اغتيال مهندس في صفاقس' };
      assert.deepEqual(merged, [
        { chatId: 'discord:20', key: 'b', thread: '502', storyId: younger, storyTitle: 'حماس تنعى المهندس', into, intoThread: '501' },
        { chatId: 'discord:21', key: 'b', thread: '601', storyId: younger, storyTitle: 'حماس تنعى المهندس', into },
      ]);
      // Two instances take the same post: one gets it.
      const claims = await Promise.all([store!.moveForumPost('discord:20', 'b', younger, undefined), other!.moveForumPost('discord:20', 'b', younger, undefined)]);
      assert.deepEqual(claims.sort(), [false, true]);
      // The forum without the older story's post now has the younger's post stand for it.
      assert.equal(await store!.moveForumPost('discord:21', 'b', younger, older), true);
      assert.deepEqual(await store!.mergedForumPosts(10), []);
      // Retrying the post's digest does not take it back to the merged-away story.
      await store!.recordForumPost('discord:21', 'b', { thread: '601', complete: true, storyId: younger }, at(0.03));
      assert.deepEqual(await store!.mergedForumPosts(10), []);
      await store!.close();
      await other!.close();
    });

    test('GIVEN one instance recorded a post THEN another over the same database sees it', async () => {
      const [one, two] = await openSharedStores(kind, 2);
      await one!.recordForumPost('discord:20', 'k', { thread: '7', complete: true }, T0);
      assert.deepEqual(await two!.forumPost('discord:20', 'k'), { thread: '7', complete: true });
      await one!.close();
      await two!.close();
    });
  });
}
