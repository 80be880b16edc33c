import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_INDEX_OPTIONS, StoryIndex } from '../../src/stories/index-terms.ts';
import { localDatelinesApart } from '../../src/stories/places.ts';
import type { ArticleFeatures } from '../../src/stories/terms.ts';
import { normalize } from '../../src/core/text/normalize.ts';

/** Hand-made features: nothing but what is given. */
function features(given: Partial<ArticleFeatures>): ArticleFeatures {
  const none = new Set<string>();
  return { terms: new Map(), places: none, towns: none, headline: none, numbers: none, quantities: none, people: none, organizations: none, events: none, titleEvents: none, broadcasts: none, leadDays: none, days: none, lead: ' ', ...given };
}

const places = (...p: string[]): Set<string> => new Set(p.map((x) => normalize(x)));

test('GIVEN the places of two articles THEN localDatelinesApart says whether their datelines are two local places of two governorates', () => {
  const cases: [string, Set<string>, Set<string>, boolean][] = [
    ['two governorates', places('dl:أريانة', 'أريانة'), places('dl:سوسة', 'سوسة', 'أريانة'), true],
    ['two towns of two governorates', places('dl:بوفيشة'), places('dl:المكنين'), true],
    ['one dateline', places('dl:سوسة'), places('dl:سوسة', 'أريانة'), false],
    ['a town and its governorate', places('dl:بوفيشة'), places('dl:سوسة'), false],
    ['two towns of one governorate', places('dl:بوفيشة'), places('dl:القلعة الكبرى'), false],
    ['a world place', places('dl:باريس'), places('dl:سوسة'), false],
    ['no dateline on one side', places('سوسة'), places('dl:أريانة'), false],
  ];
  for (const [name, a, b, want] of cases) assert.equal(localDatelinesApart(a, b), want, name);
});

test('GIVEN two articles under datelines of two governorates THEN they need the place and dateline margins even when one mentions the other\'s place', () => {
  const index = new StoryIndex();
  const terms = new Map([['قبض', 1], ['وحد', 1], ['امن', 1]]);
  index.add(1, 1, 0, features({ terms, places: places('dl:أريانة', 'أريانة'), lead: ' القبض على شخص في اريانة ' }));
  index.add(2, 2, 0, features({ terms, places: places('dl:أريانة', 'أريانة'), lead: ' القبض على شخص في اريانة ' }));
  const sousse = (dateline: string) => features({ terms, places: places(dateline, 'سوسة', 'أريانة'), lead: ' القبض في سوسة على مفتش عنه في اريانة ' });
  const apart = index.compare(sousse('dl:سوسة'), 3600_000, 1)!;
  const same = index.compare(sousse('dl:أريانة'), 3600_000, 2)!;
  const margins = DEFAULT_INDEX_OPTIONS.placeConflictMargin + DEFAULT_INDEX_OPTIONS.datelineConflictMargin;
  assert.ok(Math.abs(apart.needed - same.needed - margins) < 1e-9, `${apart.needed} vs ${same.needed}`);
});
