import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSharedStores, openTestStore, STORE_KINDS } from '../support/stores.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const T5 = '2026-01-01T00:05:00.000Z';
const T10 = '2026-01-01T00:10:00.000Z';
const T20 = '2026-01-01T00:20:00.000Z';

for (const kind of STORE_KINDS) {
  describe(`feed leases on ${kind}`, () => {
    test('GIVEN due feeds THEN a claim leases them until its end, a second claim gets none before then, and all again after', async () => {
      const store = await openTestStore(kind);
      const ids = [];
      for (const u of ['a', 'b', 'c']) ids.push((await store.addFeed(`https://${u}.example/rss`, { now: T0 })).id);
      // A feed backing off is not due, leased or not.
      await store.updateFeedPoll(ids[2]!, { lastFetch: T0, failures: 1, nextTry: T20 });
      const first = await store.claimDueFeeds(T0, { owner: 'one', until: T10 });
      assert.deepEqual(first.map((f) => f.id), ids.slice(0, 2));
      assert.deepEqual(await store.claimDueFeeds(T5, { owner: 'two', until: '2026-01-01T00:15:00.000Z' }), []);
      const later = await store.claimDueFeeds(T10, { owner: 'two', until: T20 });
      assert.deepEqual(later.map((f) => f.id), ids.slice(0, 2));
      assert.deepEqual((await store.claimDueFeeds(T20, { owner: 'one', until: '2026-01-01T00:30:00.000Z' })).map((f) => f.id), ids);
      await store.close();
    });

    test('GIVEN leases of two owners THEN releasing one owner\'s feeds frees only those, and another owner cannot release them', async () => {
      const store = await openTestStore(kind);
      const a = await store.addFeed('https://a.example/rss', { now: T0 });
      const b = await store.addFeed('https://b.example/rss', { now: T0 });
      await store.claimDueFeeds(T0, { owner: 'one', until: T10 });
      assert.equal(await store.releaseFeeds('two'), 0);
      assert.equal(await store.releaseFeeds('one', []), 0);
      assert.equal(await store.releaseFeeds('one', [b.id]), 1);
      assert.deepEqual((await store.claimDueFeeds(T5, { owner: 'two', until: T10 })).map((f) => f.id), [b.id]);
      assert.equal(await store.releaseFeeds('one'), 1);
      assert.deepEqual((await store.claimDueFeeds(T5, { owner: 'two', until: T10 })).map((f) => f.id), [a.id]);
      await store.close();
    });

    test('GIVEN a lease THEN its owner renews it from the fetch on while it holds it, and not once it ran out or for another owner', async () => {
      const store = await openTestStore(kind);
      const feed = await store.addFeed('https://a.example/rss', { now: T0 });
      await store.claimDueFeeds(T0, { owner: 'one', until: T10 });
      assert.equal(await store.renewFeedLease(feed.id, { owner: 'two', now: T5, until: T20 }), false);
      assert.equal(await store.renewFeedLease(feed.id, { owner: 'one', now: T5, until: '2026-01-01T00:15:00.000Z' }), true);
      // Renewed to 00:15: not claimable at 00:10 any more, and the old owner cannot renew a lease that ran out.
      assert.deepEqual(await store.claimDueFeeds(T10, { owner: 'two', until: T20 }), []);
      assert.equal(await store.renewFeedLease(feed.id, { owner: 'one', now: '2026-01-01T00:16:00.000Z', until: '2026-01-01T00:26:00.000Z' }), false);
      await store.close();
    });

    test('GIVEN three instances over one database claiming at once THEN every feed goes to exactly one of them', async () => {
      const stores = await openSharedStores(kind, 3);
      const ids = new Set<number>();
      for (let i = 0; i < 60; i++) ids.add((await stores[0]!.addFeed(`https://f${i}.example/rss`, { now: T0 })).id);
      const claims = await Promise.all(stores.map((s, i) => s.claimDueFeeds(T0, { owner: `instance-${i}`, until: T10 })));
      const claimed = claims.flat().map((f) => f.id);
      assert.equal(claimed.length, ids.size, 'no feed claimed twice');
      assert.deepEqual(new Set(claimed), ids);
      for (const s of stores) await s.close();
    });

    test("GIVEN one feed's batch in an open transaction THEN another feed's poll recorded meanwhile is its own: it stays when the batch rolls back", async () => {
      const store = await openTestStore(kind);
      const a = await store.addFeed('https://a.example/rss', { now: T0 });
      const b = await store.addFeed('https://b.example/rss', { now: T0 });
      let fail = (): void => undefined;
      const failed = new Promise<void>((resolve) => (fail = resolve));
      const batch = store.inTransaction(async () => {
        await store.updateFeedPoll(a.id, { lastFetch: T5, failures: 0, lastSuccess: T5 });
        await failed;
        throw new Error('disk full');
      });
      // Feed b fails while feed a's batch is open: its failure is recorded all the same.
      const poll = store.updateFeedPoll(b.id, { lastFetch: T5, failures: 1, nextTry: T10, lastError: 'HTTP 500' });
      fail();
      await assert.rejects(batch, /disk full/);
      await poll;
      const [afterA, afterB] = [await store.getFeed(a.id), await store.getFeed(b.id)];
      assert.equal(afterA!.lastSuccess, undefined, "feed a's own poll record went with its batch");
      assert.equal(afterB!.failures, 1);
      assert.equal(afterB!.lastError, 'HTTP 500');
      assert.equal(afterB!.nextTry, T10);
      await store.close();
    });
  });
}
