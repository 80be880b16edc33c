import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Slots } from '../../src/ingest/slots.ts';

/** Lets every pending promise callback run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Slots', () => {
  it('GIVEN two slots THEN two takers hold one each and a third waits until one is given back', async () => {
    const slots = new Slots(2);
    const giveA = await slots.take();
    await slots.take();
    assert.equal(slots.available, 0);
    let third = false;
    const pending = slots.take().then((give) => ((third = true), give));
    await settle();
    assert.equal(third, false);
    giveA();
    await pending;
    assert.equal(third, true);
    assert.equal(slots.available, 0, 'the slot went to the waiter, not back to the free ones');
  });

  it('GIVEN several waiters THEN they get the slot in the order they asked', async () => {
    const slots = new Slots(1);
    const give = await slots.take();
    const order: string[] = [];
    const waiters = ['a', 'b', 'c'].map((name) => slots.take().then((g) => (order.push(name), g())));
    give();
    await Promise.all(waiters);
    assert.deepEqual(order, ['a', 'b', 'c']);
    assert.equal(slots.available, 1);
  });

  it('GIVEN a slot given back twice THEN it counts once', async () => {
    const slots = new Slots(1);
    const give = await slots.take();
    give();
    give();
    assert.equal(slots.available, 1);
  });

  it('GIVEN a size that is not a positive integer THEN it is refused', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) assert.throws(() => new Slots(size), RangeError);
  });
});
