import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openSharedStores, openTestStore, STORE_KINDS } from '../support/stores.ts';
import { BUTTON_ACTION_DAYS } from '../../src/store/types.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const at = (days: number): string => new Date(Date.parse(T0) + days * 86_400_000).toISOString();

for (const kind of STORE_KINDS) {
  describe(`long button actions on ${kind}`, () => {
    test('GIVEN an action kept under a key THEN it reads back, again after being handed out twice, and other keys read nothing', async () => {
      const store = await openTestStore(kind);
      assert.equal(await store.buttonAction('~k:a'), undefined);
      await store.saveButtonAction('~k:a', 'timeline https://news.example/مقال', T0);
      await store.saveButtonAction('~k:a', 'timeline https://news.example/مقال', at(1));
      assert.equal(await store.buttonAction('~k:a'), 'timeline https://news.example/مقال');
      assert.equal(await store.buttonAction('~k:b'), undefined);
      await store.close();
    });

    test('GIVEN actions not handed out for BUTTON_ACTION_DAYS THEN keeping another forgets them; one handed out again meanwhile stays', async () => {
      const store = await openTestStore(kind);
      await store.saveButtonAction('~k:old', 'who 1', T0);
      await store.saveButtonAction('~k:again', 'who 2', T0);
      await store.saveButtonAction('~k:again', 'who 2', at(BUTTON_ACTION_DAYS - 1));
      await store.saveButtonAction('~k:new', 'who 3', at(BUTTON_ACTION_DAYS + 1));
      assert.equal(await store.buttonAction('~k:old'), undefined);
      assert.equal(await store.buttonAction('~k:again'), 'who 2');
      assert.equal(await store.buttonAction('~k:new'), 'who 3');
      await store.close();
    });

    test('GIVEN one instance kept an action THEN another over the same database reads it', async () => {
      const [one, two] = await openSharedStores(kind, 2);
      await one!.saveButtonAction('~k:x', 'brief x', T0);
      assert.equal(await two!.buttonAction('~k:x'), 'brief x');
      await one!.close();
      await two!.close();
    });
  });
}
