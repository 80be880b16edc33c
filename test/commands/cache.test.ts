import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cachedAnalyze, cachedFetch } from '../../src/commands/cache.ts';
import { Lru } from '../../src/commands/lru.ts';
import { referenceFor } from '../../src/commands/reference.ts';
import type { ArticleInput } from '../../src/core/types.ts';
import { fakeAnalyzer } from './fakes.ts';

describe('Lru', () => {
  it('GIVEN more entries than the bound THEN the least recently used goes first', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    assert.deepEqual([lru.get('a'), lru.get('b'), lru.get('c'), lru.size], [1, undefined, 3, 2]);
  });
});

describe('cachedAnalyze', () => {
  it('GIVEN the same input twice THEN the core runs once; a different reference runs again', () => {
    const { analyze, calls } = fakeAnalyzer();
    const cached = cachedAnalyze(analyze, 10);
    const input: ArticleInput = { text: 'نص المقال.', reference: '2023-12-08' };
    const first = cached(input);
    assert.equal(cached({ ...input }), first);
    cached({ ...input, reference: '2023-12-09' });
    assert.equal(calls.length, 2);
  });
});

describe('cachedFetch', () => {
  it('GIVEN a URL asked again within the TTL THEN one fetch; after the TTL or a failure THEN fetched again', async () => {
    let now = 0;
    let fetches = 0;
    let fail = false;
    const fetch = cachedFetch(
      async (url) => {
        fetches++;
        if (fail) throw new Error('down');
        return { url, text: 'نص' };
      },
      { ttlMs: 1000, now: () => now },
    );
    await Promise.all([fetch('u'), fetch('u')]);
    assert.equal(fetches, 1);
    now = 2000;
    fail = true;
    await assert.rejects(fetch('u'));
    fail = false;
    await fetch('u');
    assert.equal(fetches, 3);
  });
});

describe('referenceFor', () => {
  const now = new Date('2023-12-08T22:30:00Z'); // already the 9th in Riyadh
  const cases: Array<[string | undefined, ReturnType<typeof referenceFor>]> = [
    ['2023-12-01', { reference: '2023-12-01' }],
    ['2023-12-01T23:40:00+01:00', { reference: '2023-12-01', referenceTime: '23:40' }],
    // An RFC 822 date counts as written, in its own offset, as an ISO one does (this copy used to
    // shift it to the server's zone while the feeds' copy ignored it: the two now share one rule).
    ['Fri, 01 Dec 2023 10:00:00 GMT', { reference: '2023-12-01', referenceTime: '10:00' }],
    ['Fri, 01 Dec 2023 23:30:00 -0500', { reference: '2023-12-01', referenceTime: '23:30' }],
    ['December 1, 2023 10:00 UTC', { reference: '2023-12-01', referenceTime: '13:00' }],
    [undefined, { reference: '2023-12-09', referenceIsToday: true }],
    ['garbage', { reference: '2023-12-09', referenceIsToday: true }],
  ];
  for (const [published, expected] of cases) {
    it(`GIVEN published ${published} THEN ${JSON.stringify(expected)}`, () =>
      assert.deepEqual(referenceFor(published, now, 'Asia/Riyadh'), expected));
  }
});
