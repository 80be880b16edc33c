import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ledgerOf } from '../../src/store/index.ts';
import { openFresh } from '../../src/schedule/ledger.ts';
import { m } from '../../src/messages/model.ts';
import type { DigestItem } from '../../src/store/types.ts';
import { openTestStore, STORE_KINDS } from '../support/stores.ts';

const T0 = '2026-11-24T05:00:00.000Z';
const T1 = '2026-11-24T09:00:00.000Z';
const T2 = '2026-11-24T12:00:00.000Z';
const render = (items: DigestItem[]) => ({ blocks: [m.paragraph(items.map((i) => i.title).join(','))] });

for (const kind of STORE_KINDS) {
  describe(kind, () => {
    test('GIVEN a story merged into another THEN its articles move, it is listed no more, and a chat that got either has got the merged story', async () => {
      const store = await openTestStore(kind);
      const feed = await store.addFeed('https://a.example/rss', { now: T0, title: 'أ' });
      const article = async (guid: string, title: string, at: string) =>
        (await store.upsertArticle({ feedId: feed.id, guid, title, text: `${title} ${guid} نص الخبر كاملا`, seenAt: at })).article.id;
      const a1 = await article('1', 'اغتيال مهندس في صفاقس', T0);
      const b1 = await article('2', 'حماس تنعى المهندس', T1);
      const older = await store.createStory(a1, 'اغتيال مهندس في صفاقس', T0);
      const younger = await store.createStory(b1, 'حماس تنعى المهندس', T1);
      // Chat 1 got the younger story in a digest before the merge; chat 2 got nothing yet.
      const ledger = ledgerOf(store);
      const sent = await openFresh(ledger, { chatId: 'telegram:1', slot: T1, now: T1, candidates: [{ storyId: younger.id, articleIds: [b1], title: younger.title }], topN: 5, render });
      assert.equal(sent.status, 'opened');

      await store.mergeStories(older.id, younger.id, T2);

      assert.equal(await store.storyOf(b1), older.id);
      assert.deepEqual(await store.storyArticleIds(older.id), [a1, b1]);
      assert.deepEqual((await store.listStories()).map((s) => s.id), [older.id]);
      assert.equal(await store.countStories(), 1);
      const merged = (await store.getStory(older.id))!;
      assert.deepEqual([merged.title, merged.articleCount, merged.firstSeen, merged.lastSeen], ['اغتيال مهندس في صفاقس', 2, T0, T2]);
      const item: DigestItem = { storyId: older.id, articleIds: [a1, b1], title: merged.title };
      assert.deepEqual(await ledger.newToChat('telegram:1', [item]), [], 'chat 1 got the younger story: the merged one is not new to it');
      assert.deepEqual(await ledger.newToChat('telegram:2', [item]), [item], 'chat 2 got neither');
      // What chat 1 was sent stays as it was sent: the digest names the younger story and its title.
      const last = (await store.lastDigest('telegram:1'))!;
      assert.deepEqual(last.items.map((i) => [i.storyId, i.title]), [[younger.id, 'حماس تنعى المهندس']]);
      // A reference to the merged-away story (a digest item, a button) leads to the surviving story.
      const gone = (await store.getStory(younger.id))!;
      assert.deepEqual([gone.id, gone.title, gone.articleCount], [older.id, 'اغتيال مهندس في صفاقس', 2]);
      assert.deepEqual(await store.storyArticleIds(younger.id), [a1, b1]);
      // "/timeline 1" in chat 1 reads the whole happening: the article it was sent, then the other.
      assert.deepEqual((await store.digestItem('telegram:1', 1))?.map((a) => a.id), [String(b1), String(a1)]);
      // A later merge of the survivor moves what was merged into it too.
      const c1 = await article('3', 'الغنوشي : جريمة صفاقس', T2);
      const third = await store.createStory(c1, 'الغنوشي : جريمة صفاقس', T2);
      await store.mergeStories(third.id, older.id, T2);
      assert.deepEqual((await store.storyArticleIds(third.id)).sort(), [a1, b1, c1].sort());
      assert.deepEqual((await store.listStories()).map((s) => s.id), [third.id]);
      assert.deepEqual(await ledger.newToChat('telegram:1', [{ ...item, storyId: third.id }]), []);
      assert.equal((await store.getStory(younger.id))?.id, third.id, 'a story merged twice leads to the last survivor');
      assert.deepEqual((await store.digestItem('telegram:1', 1))?.map((a) => a.id).sort(), [a1, b1, c1].map(String).sort());
      await store.close();
    });
  });
}
