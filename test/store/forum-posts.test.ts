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

    test('GIVEN one instance recorded a post THEN another over the same database sees it', async () => {
      const [one, two] = await openSharedStores(kind, 2);
      await one!.recordForumPost('discord:20', 'k', { thread: '7', complete: true }, T0);
      assert.deepEqual(await two!.forumPost('discord:20', 'k'), { thread: '7', complete: true });
      await one!.close();
      await two!.close();
    });
  });
}
