import assert from 'node:assert/strict';
import { test } from 'node:test';
import { counted } from '../../src/messages/count.ts';

test('GIVEN a count THEN its noun agrees with it as Arabic grammar wants', () => {
  const feeds = { singular: 'خلاصة', one: 'خلاصة واحدة', two: 'خلاصتين', plural: 'خلاصات' };
  const cases: [number, string][] = [
    [0, '0 خلاصة'],
    [1, 'خلاصة واحدة'],
    [2, 'خلاصتين'],
    [3, '3 خلاصات'],
    [10, '10 خلاصات'],
    [11, '11 خلاصة'],
    [99, '99 خلاصة'],
    [100, '100 خلاصة'],
    [103, '103 خلاصات'],
  ];
  for (const [n, want] of cases) assert.equal(counted(n, feeds), want, String(n));
});
