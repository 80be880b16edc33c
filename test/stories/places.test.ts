import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_INDEX_OPTIONS, StoryIndex } from '../../src/stories/index-terms.ts';
import { isLocal, localDatelinesApart } from '../../src/stories/places.ts';
import { features } from './cases.ts';
import { normalize } from '../../src/core/text/normalize.ts';

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

test('GIVEN places THEN isLocal says whether one is a town or governorate of the local gazetteer', () => {
  const cases: [string, boolean][] = [
    ['سوسة', true],
    ['dl:قفصة', true],
    ['بوفيشة', true],
    ['باريس', false],
    ['سوريا', false],
    ['خان شيخون', false],
  ];
  for (const [place, want] of cases) assert.equal(isLocal(normalize(place)), want, place);
});

test('GIVEN two articles that name one happening in a title THEN they need only the event-place similarity when they share a world place, the threshold when the place is local', () => {
  const index = new StoryIndex();
  const terms = new Map([['ضرب', 1], ['امريك', 1]]);
  const at = (...p: string[]) => ({ places: places(...p), lead: ` ${p.map((x) => normalize(x)).join(' ')} ` });
  const strike = (place: string) => features({ terms, ...at(place), events: new Set(['ضرب']), titleEvents: new Set(['ضرب']) });
  index.add(1, 1, 0, strike('سوريا'));
  index.add(2, 2, 0, strike('القصرين'));
  const reaction = (place: string) => features({ terms, ...at(place, 'كوريا الشمالية'), events: new Set(['ضرب']) });
  assert.equal(index.compare(reaction('سوريا'), 3600_000, 1)!.needed, DEFAULT_INDEX_OPTIONS.eventPlaceThreshold);
  assert.equal(index.compare(reaction('القصرين'), 3600_000, 2)!.needed, DEFAULT_INDEX_OPTIONS.threshold);
  const noTitle = features({ terms, ...at('سوريا'), events: new Set(['ضرب']) });
  assert.equal(index.compare(noTitle, 3600_000, 1)!.needed, DEFAULT_INDEX_OPTIONS.eventPlaceThreshold);
  index.add(3, 3, 0, noTitle);
  assert.equal(index.compare(noTitle, 3600_000, 3)!.needed, DEFAULT_INDEX_OPTIONS.threshold, 'the happening named in neither title');
});

test('GIVEN two local articles whose titles name an operation and a harm THEN they need the kind-conflict margin; elsewhere they do not', () => {
  const index = new StoryIndex();
  const terms = new Map([['سليان', 1], ['شاب', 1]]);
  const at = (place: string, noun: string) => features({ terms, places: places(place), lead: ` ${normalize(place)} `, events: new Set([noun]), titleEvents: new Set([noun]) });
  index.add(1, 1, 0, at('سليانة', 'انتحار'));
  index.add(2, 2, 0, at('سليانة', 'ايقاف'));
  index.add(3, 3, 0, at('باريس', 'انتحار'));
  const sweep = index.compare(at('سليانة', 'ايقاف'), 3600_000, 1)!.needed;
  const sameKind = index.compare(at('سليانة', 'ايقاف'), 3600_000, 2)!.needed;
  assert.ok(Math.abs(sweep - sameKind - DEFAULT_INDEX_OPTIONS.kindConflictMargin) < 1e-9, `${sweep} vs ${sameKind}`);
  assert.equal(index.compare(at('باريس', 'ايقاف'), 3600_000, 3)!.needed, DEFAULT_INDEX_OPTIONS.threshold);
});
