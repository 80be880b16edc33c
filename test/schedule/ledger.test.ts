import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ledgerOf } from '../../src/store/index.ts';
import { openSharedStores, openTestStore, STORE_KINDS, type StoreKind } from '../support/stores.ts';
import { openFresh } from '../../src/schedule/ledger.ts';
import { m } from '../../src/messages/model.ts';
import type { DigestItem } from '../../src/store/types.ts';

const NOW = '2026-11-24T05:00:00.000Z';
const render = (items: DigestItem[]) => ({ blocks: [m.paragraph(items.map((i) => i.title).join(','))] });
const items = (...ids: number[]): DigestItem[] => ids.map((id) => ({ storyId: id, articleIds: [id], title: `s${id}` }));

async function fresh(kind: StoreKind) {
  const store = await openTestStore(kind);
  return { store, ledger: ledgerOf(store) };
}

for (const kind of STORE_KINDS) {
  describe(kind, () => {
    test('GIVEN the same chat and slot opened twice THEN there is one digest', async () => {
      const { ledger } = await fresh(kind);
      const input = { chatId: 'telegram:1', slot: NOW, now: NOW, candidates: items(1, 2), topN: 5, render };
      const a = await openFresh(ledger, input);
      // A second instance's tick for the same slot, with a story that came in since.
      const b = await openFresh(ledger, { ...input, candidates: items(1, 2, 3) });
      assert.equal(a.status, 'opened');
      assert.equal(b.status, 'exists');
      assert.equal(a.status === 'opened' && b.status === 'exists' && a.digestId === b.digestId, true);
    });

    test('GIVEN stories a chat already got THEN the next digest leaves them out, and an all-old digest is empty', async () => {
      const { ledger } = await fresh(kind);
      await openFresh(ledger, { chatId: 'telegram:1', slot: NOW, now: NOW, candidates: items(1, 2), topN: 5, render });
      const next = await openFresh(ledger, { chatId: 'telegram:1', slot: '2026-11-24T17:00:00.000Z', now: NOW, candidates: items(2, 3, 1, 4), topN: 5, render });
      assert.equal(next.status, 'opened');
      assert.deepEqual(next.status === 'opened' && next.items.map((i) => i.storyId), [3, 4]);
      const empty = await openFresh(ledger, { chatId: 'telegram:1', slot: '2026-11-25T05:00:00.000Z', now: NOW, candidates: items(1, 2, 3, 4), topN: 5, render });
      assert.equal(empty.status, 'empty');
      // Another chat still gets story 1.
      const other = await openFresh(ledger, { chatId: 'telegram:2', slot: NOW, now: NOW, candidates: items(1), topN: 5, render });
      assert.equal(other.status, 'opened');
    });

    test('GIVEN several digests of several chats THEN lastSlots holds each chat\'s latest slot, as history does', async () => {
      const { ledger } = await fresh(kind);
      const slots: [string, string][] = [
        ['telegram:1', '2026-11-24T05:00:00.000Z'],
        ['telegram:1', '2026-11-25T05:00:00.000Z'],
        ['telegram:2', '2026-11-24T17:00:00.000Z'],
        ['telegram:1', '2026-11-24T17:00:00.000Z'],
      ];
      for (const [k, [chatId, slot]] of slots.entries()) await openFresh(ledger, { chatId, slot, now: NOW, candidates: items(k + 1), topN: 5, render });
      const last = await ledger.lastSlots();
      assert.deepEqual(Object.fromEntries(last), { 'telegram:1': '2026-11-25T05:00:00.000Z', 'telegram:2': '2026-11-24T17:00:00.000Z' });
      for (const chatId of ['telegram:1', 'telegram:2']) assert.equal((await ledger.history(chatId)).lastSlot, last.get(chatId));
    });

    test('GIVEN two ledgers on one database THEN each delivery is claimed by one of them only', async () => {
      const [s1, s2] = await openSharedStores(kind, 2);
      const l1 = ledgerOf(s1!);
      const l2 = ledgerOf(s2!);
      for (let c = 0; c < 20; c++) {
        await openFresh(l1, { chatId: `telegram:${c}`, slot: NOW, now: NOW, candidates: items(1), topN: 5, render });
      }
      const claimed: string[] = [];
      for (let round = 0; round < 10; round++) {
        const [a, b] = await Promise.all([l1.claimDue('one', NOW, 60_000, 3), l2.claimDue('two', NOW, 60_000, 3)]);
        claimed.push(...a.map((d) => d.key), ...b.map((d) => d.key));
      }
      assert.equal(claimed.length, 20);
      assert.equal(new Set(claimed).size, 20);
      await s1!.close();
      await s2!.close();
    });

    test('GIVEN a lease that lapsed THEN the delivery is claimed again and its attempts say so', async () => {
      const { ledger } = await fresh(kind);
      await openFresh(ledger, { chatId: 'telegram:1', slot: NOW, now: NOW, candidates: items(1), topN: 5, render });
      const [first] = await ledger.claimDue('crashed', NOW, 60_000, 5);
      assert.equal(first?.attempts, 1);
      assert.deepEqual(await ledger.claimDue('other', '2026-11-24T05:00:59.000Z', 60_000, 5), []);
      const [again] = await ledger.claimDue('other', '2026-11-24T05:01:00.000Z', 60_000, 5);
      assert.equal(again?.attempts, 2);
      // The crashed owner can no longer complete it; the new owner can.
      assert.equal(await ledger.complete(first!.key, 'crashed', NOW), false);
      assert.equal(await ledger.complete(first!.key, 'other', NOW), true);
      assert.deepEqual(await ledger.claimDue('third', '2026-11-30T00:00:00.000Z', 60_000, 5), []);
    });

    test('GIVEN two digests pending for one chat THEN only one is in flight at a time', async () => {
      const { ledger } = await fresh(kind);
      await openFresh(ledger, { chatId: 'telegram:1', slot: NOW, now: NOW, candidates: items(1), topN: 5, render });
      await openFresh(ledger, { chatId: 'telegram:1', slot: '2026-11-24T06:00:00.000Z', now: NOW, candidates: items(2), topN: 5, render });
      const a = await ledger.claimDue('me', NOW, 60_000, 5);
      assert.equal(a.length, 1);
      assert.deepEqual(await ledger.claimDue('me', NOW, 60_000, 5), []);
      await ledger.complete(a[0]!.key, 'me', NOW);
      assert.equal((await ledger.claimDue('me', NOW, 60_000, 5)).length, 1);
    });

    test('GIVEN a failure released for later THEN it is due only at its retry time; an abandoned one never', async () => {
      const { ledger } = await fresh(kind);
      await openFresh(ledger, { chatId: 'telegram:1', slot: NOW, now: NOW, candidates: items(1), topN: 5, render });
      await openFresh(ledger, { chatId: 'telegram:2', slot: NOW, now: NOW, candidates: items(1), topN: 5, render });
      const claimed = await ledger.claimDue('me', NOW, 60_000, 5);
      await ledger.release(claimed[0]!.key, 'me', 'boom', '2026-11-24T05:10:00.000Z');
      await ledger.abandon(claimed[1]!.key, 'me', 'chat gone');
      assert.deepEqual(await ledger.claimDue('me', '2026-11-24T05:09:00.000Z', 60_000, 5), []);
      const later = await ledger.claimDue('me', '2026-11-24T05:10:00.000Z', 60_000, 5);
      assert.deepEqual(later.map((d) => d.chatId), [claimed[0]!.chatId]);
      assert.equal((await ledger.history(claimed[0]!.chatId)).pending, 1);
      assert.equal((await ledger.history(claimed[1]!.chatId)).pending, 0);
    });

    test('GIVEN a story that reached the chat between reading and opening THEN nothing is written, and reading again opens without it', async () => {
      const { ledger } = await fresh(kind);
      const read = await ledger.newToChat('telegram:1', items(1, 2));
      await openFresh(ledger, { chatId: 'telegram:1', slot: '2026-11-24T04:00:00.000Z', now: NOW, candidates: items(2), topN: 5, render });
      const stale = await ledger.openDigest({ chatId: 'telegram:1', slot: NOW, now: NOW, items: read, message: render(read) });
      assert.equal(stale.status, 'stale');
      assert.equal(await ledger.hasSlot('telegram:1', NOW), false);
      // openFresh reads again: story 2 is left out, and the message is rendered from what is kept.
      const opened = await openFresh(ledger, { chatId: 'telegram:1', slot: NOW, now: NOW, candidates: items(1, 2), topN: 5, render });
      assert.deepEqual(opened.status === 'opened' && [opened.items.map((i) => i.storyId), opened.message], [[1], render(items(1))]);
    });

    test('GIVEN a render that throws THEN nothing of the digest is written', async () => {
      const { ledger } = await fresh(kind);
      const input = { chatId: 'telegram:1', slot: NOW, now: NOW, candidates: items(1), topN: 5 };
      await assert.rejects(openFresh(ledger, { ...input, render: () => { throw new Error('render failed'); } }), /render failed/);
      assert.equal(await ledger.hasSlot('telegram:1', NOW), false);
      assert.equal((await openFresh(ledger, { ...input, render })).status, 'opened');
    });

    test('GIVEN four instances claiming at once, two digests pending for each of 60 chats THEN every delivery is claimed once, and never two of one chat at a time', async () => {
      const stores = await openSharedStores(kind, 4);
      const ledgers = stores.map((s) => ledgerOf(s));
      const chats = Array.from({ length: 60 }, (_, c) => `telegram:${c}`);
      for (const chatId of chats) {
        await openFresh(ledgers[0]!, { chatId, slot: NOW, now: NOW, candidates: items(1), topN: 5, render });
        await openFresh(ledgers[0]!, { chatId, slot: '2026-11-24T06:00:00.000Z', now: NOW, candidates: items(2), topN: 5, render });
      }
      const inFlight = new Set<string>();
      const claimed: string[] = [];
      let overlaps = 0;
      const worker = async (ledger: (typeof ledgers)[number], owner: string): Promise<void> => {
        for (let round = 0; round < 400 && claimed.length < 120; round++) {
          const batch = await ledger.claimDue(owner, NOW, 60_000, 5);
          for (const d of batch) {
            if (inFlight.has(d.chatId)) overlaps++;
            inFlight.add(d.chatId);
            claimed.push(d.key);
          }
          // Sending takes a moment, during which the other instances claim.
          await new Promise((resolve) => setTimeout(resolve, batch.length > 0 ? 2 : 5));
          for (const d of batch) {
            inFlight.delete(d.chatId);
            assert.equal(await ledger.complete(d.key, owner, NOW), true);
          }
        }
      };
      await Promise.all(ledgers.map((ledger, i) => worker(ledger, `instance-${i}`)));
      assert.equal(overlaps, 0);
      assert.equal(claimed.length, 120);
      assert.equal(new Set(claimed).size, 120);
      for (const chatId of chats) assert.equal((await ledgers[1]!.history(chatId)).pending, 0);
      await Promise.all(stores.map((s) => s.close()));
    });
  });
}
