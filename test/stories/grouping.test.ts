import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type SqliteStore } from '../../src/store/sqlite.ts';
import { eventTime, StoryGrouper } from '../../src/stories/grouper.ts';
import { DEFAULT_INDEX_OPTIONS, StoryIndex } from '../../src/stories/index-terms.ts';
import { datelineOf, datelinePlace, datelinesDiffer, headlinePlaces, isSpeaker, localTowns, placesConflict, placesOf, sharePlace } from '../../src/stories/places.ts';
import { townsIn } from '../../src/stories/towns.ts';
import { eventsOf, isContentWord, numbersOf, peopleOf, quantitiesOf, termsOf, type ArticleFeatures } from '../../src/stories/terms.ts';
import { lightStem, wordsOf } from '../../src/core/text/tokens.ts';
import { normalize } from '../../src/core/text/normalize.ts';
import type { Analysis } from '../../src/core/types.ts';
import { BASRA_BLAST, DRUGS_BOUFICHA, DRUGS_BOUFICHA_AGAIN, DRUGS_KALAA, DRUGS_KEF, DRUGS_SOUSSE, DRUGS_SOUSSE_FOLLOW_UP, EMBASSY_A, EMBASSY_B, EMBASSY_FOLLOW_UP, EMBASSY_LATER, OIL_EXPORTS, features, type Case } from './cases.ts';

const SEEN = '2023-12-09T12:00:00.000Z';

/** Stores and groups the cases in order; returns each case's story id by key. */
async function group(cases: Case[], store: SqliteStore = openStore(':memory:'), grouper = new StoryGrouper(store)): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const c of cases) {
    // Seen an hour after publication, as a poller would.
    const seenAt = new Date(Date.parse(c.published) + 3600_000).toISOString();
    const feed = await store.addFeed(`https://${encodeURIComponent(c.outlet)}.example/rss`, { now: seenAt, title: c.outlet });
    const r = await store.upsertArticle({ feedId: feed.id, outlet: c.outlet, guid: c.key, title: c.title, text: c.text, published: c.published, seenAt });
    if (r.status === 'new') out.set(c.key, (await grouper.assign(r.article, undefined, seenAt)).storyId);
    else out.set(c.key, (await store.storyOf(r.article.id))!);
  }
  return out;
}

test('GIVEN articles about events THEN same-event ones share a story and others do not', async () => {
  const cases: { name: string; articles: Case[]; same: [string, string][]; apart: [string, string][] }[] = [
    { name: 'same event from two outlets joins', articles: [EMBASSY_A, EMBASSY_B], same: [['embassy-a', 'embassy-b']], apart: [] },
    { name: 'a follow-up joins the running story', articles: [EMBASSY_A, EMBASSY_B, EMBASSY_FOLLOW_UP], same: [['embassy-a', 'embassy-follow-up']], apart: [] },
    { name: 'another event in the same country (economy) stays apart', articles: [EMBASSY_A, OIL_EXPORTS], same: [], apart: [['embassy-a', 'oil']] },
    { name: 'another security event in the same country stays apart', articles: [EMBASSY_A, EMBASSY_B, BASRA_BLAST], same: [['embassy-a', 'embassy-b']], apart: [['embassy-a', 'basra']] },
    { name: 'routine news worded alike from two towns stays apart', articles: [DRUGS_SOUSSE, DRUGS_KEF], same: [], apart: [['drugs-sousse', 'drugs-kef']] },
    { name: 'a follow-up from the same town joins', articles: [DRUGS_SOUSSE, DRUGS_KEF, DRUGS_SOUSSE_FOLLOW_UP], same: [['drugs-sousse', 'drugs-sousse-2']], apart: [['drugs-kef', 'drugs-sousse-2']] },
    { name: 'seizures in two towns of one governorate stay apart; one told again joins', articles: [DRUGS_BOUFICHA, DRUGS_KALAA, DRUGS_BOUFICHA_AGAIN], same: [['drugs-bouficha', 'drugs-bouficha-again']], apart: [['drugs-bouficha', 'drugs-kalaa']] },
    { name: 'the same event months later is outside the window', articles: [EMBASSY_A, EMBASSY_LATER], same: [], apart: [['embassy-a', 'embassy-much-later']] },
    { name: 'all together', articles: [EMBASSY_A, OIL_EXPORTS, EMBASSY_B, BASRA_BLAST, EMBASSY_FOLLOW_UP], same: [['embassy-a', 'embassy-b'], ['embassy-b', 'embassy-follow-up']], apart: [['embassy-a', 'oil'], ['embassy-a', 'basra'], ['oil', 'basra']] },
  ];
  for (const c of cases) {
    const stories = await group(c.articles);
    for (const [x, y] of c.same) assert.equal(stories.get(x), stories.get(y), `${c.name}: ${x} ~ ${y}`);
    for (const [x, y] of c.apart) assert.notEqual(stories.get(x), stories.get(y), `${c.name}: ${x} ≁ ${y}`);
  }
});

test('GIVEN a re-publication with a new guid THEN it is the same article, not a new story member', async () => {
  const store = openStore(':memory:');
  const republished: Case = { ...EMBASSY_A, key: 'embassy-a-again', outlet: 'موقع د', title: 'عاجل: صواريخ على السفارة' };
  const stories = await group([EMBASSY_A, republished], store);
  const id = stories.get('embassy-a')!;
  assert.equal(stories.get('embassy-a-again'), id);
  const summary = await store.getStory(id);
  assert.equal(summary?.articleCount, 1);
  assert.equal(summary?.sourceCount, 2);
});

test('GIVEN a restart THEN warm() rebuilds the index so a later article still joins the running story', async () => {
  const store = openStore(':memory:');
  const first = await group([EMBASSY_A], store);
  const fresh = new StoryGrouper(store);
  const loaded = await fresh.warm(Date.parse(SEEN));
  assert.equal(loaded, 1);
  const after = await group([EMBASSY_B], store, fresh);
  assert.equal(after.get('embassy-b'), first.get('embassy-a'));
});

test('GIVEN analyses with shared entities and dates THEN they add terms that only the analysis knows', () => {
  const analysis = {
    sentences: [], brief: [], mentions: [], temporal: [], sources: [],
    who: [{ name: 'محمد شياع السوداني', type: 'PER', role: '', aliases: [], mentions: [], said: [] }, { name: 'مسؤول أمني', type: 'SRC', role: '', aliases: [], mentions: [], said: [] }],
    timeline: [{ date: '2023-12-08', when: 'فجر الجمعة', start: 0, end: 1, event: '', sentence: 0 }],
  } as Analysis;
  const terms = termsOf('عنوان', 'نص', analysis);
  assert.equal(terms.get(`e:${normalize('محمد شياع السوداني')}`), 2);
  assert.equal(terms.get('d:2023-12-08'), 1);
  assert.equal([...terms.keys()].some((t) => t.includes('مسؤول')), false, 'unnamed sources are not entities');
});

test('GIVEN words THEN stopwords, fillers and short words do not count', () => {
  const cases: [string, boolean][] = [
    ['في', false],
    ['الذي', false],
    ['قال', false],
    ['بغداد', true],
    ['السفارة', true],
    ['12', true],
    ['5', false],
  ];
  for (const [w, want] of cases) assert.equal(isContentWord(normalize(w)), want, w);
});

test('GIVEN many unrelated articles THEN the index scores only candidates sharing rare terms', () => {
  const index = new StoryIndex();
  const f = (terms: [string, number][]) => features({ terms: new Map(terms) });
  for (let i = 0; i < 500; i++) index.add(i, i, 0, f([[`word${i}`, 1], [`other${i}`, 1], ['common', 1]]));
  assert.equal(index.size, 500);
  assert.equal(index.match(f([['common', 1], ['fresh', 1]]), 0), undefined);
  assert.equal(index.match(f([['word7', 1], ['other7', 1]]), 0)?.storyId, 7);
  index.evict(1);
  assert.equal(index.size, 0);
});

test('GIVEN headlines THEN datelineOf finds the opening place before a colon, after a label, and only a short one', () => {
  const cases: [string, string | undefined][] = [
    ['سوسة : حجز أقراص مخدرة', 'سوسة'],
    ['سيدي بوزيد: احتجاجات', 'سيدي بوزيد'],
    ['هجوم لندن : الكشف عن هوية المنفذين', 'هجوم لندن'],
    ['وزير الخارجية الأميركي في زيارة طويلة إلى المنطقة : تفاصيل', undefined],
    ['صواريخ تستهدف السفارة الأميركية في بغداد', undefined],
    ['عاجل : سوسة : حجز أقراص مخدرة', 'سوسة'],
    ['متابعة: المنستير : وفاة شخصين في حادث مرور', 'المنستير'],
    ['فيديو : مظاهرات في باريس', undefined],
  ];
  for (const [title, want] of cases) assert.equal(datelineOf(title), want === undefined ? undefined : normalize(want), title);
});

test('GIVEN where two articles are set THEN they conflict only when both name places and neither mentions the other\'s', () => {
  const at = (places: string[], lead: string, headline: string[] = places.filter((p) => p.startsWith('dl:'))) => ({
    places: new Set(places.map((p) => normalize(p))),
    towns: localTowns(new Set(places.map((p) => normalize(p)))),
    headline: new Set(headline.map((p) => normalize(p))),
    lead: ` ${wordsOf(lead).join(' ')} `,
  });
  const cases: [string, ReturnType<typeof at>, ReturnType<typeof at>, boolean][] = [
    ['two towns', at(['dl:سوسة'], 'حجز اقراص في سوسة'), at(['dl:الكاف'], 'حجز اقراص في الكاف'), true],
    ['one town named by both', at(['dl:سوسة'], 'حجز اقراص في سوسة'), at(['سوسة', 'تونس'], 'ايقاف في سوسة'), false],
    ['a place the other mentions with a clitic', at(['كندا'], 'اطلاق نار في كندا'), at(['كيبيك'], 'هجوم كندا الارهابي في مسجد بكيبيك'), false],
    ['a place the other mentions through its people', at(['الجزائر'], 'انتخابات تشريعية في الجزائر'), at(['نوميديا'], 'ارتفاع اقبال الجزائريين على التصويت'), false],
    ['a country the other mentions as an adjective', at(['dl:بريطانيا', 'مانشستر'], 'انفجار في قاعة حفلات'), at(['لندن'], 'قالت الشرطة البريطانية'), false],
    ['no places on one side, none in the other headline', at([], 'خبر'), at(['الكاف'], 'الكاف'), false],
    ['no places on one side, a headline town it never mentions', at([], 'حادث مرور بمدخل حديقة البلفدير'), at(['قفصة'], 'حادث مرور قاتل في قفصة', ['قفصة']), true],
    ['no places on one side, a headline country it never mentions', at([], 'هولاند يدعو الى التصويت لماكرون في الجولة الثانية'), at(['تونس', 'سوسة'], 'نتائج الجولة الاولى في تونس', ['تونس']), false],
    ['no places on one side, a headline capital it never mentions', at([], 'النتائج الاولية للجولة الاولى'), at(['باريس'], 'مظاهرات في باريس', ['باريس']), false],
    ['no places on one side, a headline town it mentions', at([], 'حادث مرور في قفصة'), at(['قفصة'], 'حادث مرور قاتل في قفصة', ['قفصة']), false],
    ['no places on one side, another place of the other it mentions', at([], 'تبنى داعش هجوم مانشستر'), at(['dl:بريطانيا', 'مانشستر'], 'انفجار في مانشستر'), false],
    ['two towns of one governorate', at(['بوفيشة', 'سوسة'], 'حجز في بوفيشة من ولاية سوسة'), at(['القلعة الكبرى', 'سوسة'], 'حجز في القلعة الكبرى من ولاية سوسة'), true],
    ['one town, one side naming its governorate too', at(['بوفيشة', 'سوسة'], 'حجز في بوفيشة من ولاية سوسة'), at(['dl:بوفيشة'], 'حجز في بوفيشة'), false],
    ['a town and its governorate alone', at(['بوفيشة', 'سوسة'], 'حجز في بوفيشة من ولاية سوسة'), at(['dl:سوسة'], 'حجز في سوسة'), false],
    ['a town the other mentions though its analysis missed it', at(['المطوية'], 'حجز بالمطوية'), at(['قابس', 'المطوية'], 'حجز في المطوية من ولاية قابس'), false],
  ];
  for (const [name, a, b, want] of cases) assert.equal(placesConflict(a, b), want, name);
  assert.equal(datelinesDiffer(new Set(['dl:سوسة']), new Set(['dl:الكاف'])), true);
  assert.equal(datelinesDiffer(new Set(['dl:سوسة']), new Set(['سوسة'])), false);
  const analysis = { sentences: [], brief: [], timeline: [], mentions: [], temporal: [], sources: [], who: [{ name: 'بغداد', type: 'LOC', role: '', aliases: ['العاصمة العراقية'], mentions: [], said: [] }] } as Analysis;
  assert.deepEqual([...placesOf('سوسة : خبر', analysis)], ['dl:سوسة', 'بغداد', 'العاصمة العراقية']);
  assert.deepEqual([...placesOf('خبر', analysis, wordsOf('حجز مخدرات بالمطوية من ولاية قابس'))], ['بغداد', 'العاصمة العراقية', normalize('المطوية'), normalize('قابس')]);
  assert.deepEqual([...headlinePlaces(new Set(['dl:سوسة', 'قفصة', 'تونس']), ` ${wordsOf('حادث مرور في قفصة ووفد من تونس').join(' ')} `)], ['dl:سوسة', 'قفصة']);
});

test('GIVEN words THEN townsIn finds the gazetteer\'s towns, with a clitic on their first word and the longest name first', () => {
  const cases: [string, string[]][] = [
    ['حجز مخدرات بالمطوية من ولاية قابس', ['المطوية', 'قابس']],
    ['حادث في القلعة الكبرى وبسوسة', ['القلعة الكبرى', 'سوسة']],
    ['وصل إلى سيدي بوزيد ثم بوفيشة', ['سيدي بوزيد', 'بوفيشة']],
    ['ولاية القصرين ومعتمدية سبيطلة', ['القصرين', 'سبيطلة']],
    ['تمكنت وحدات الحرس الوطني من حجز كمية من الأقراص', []],
    ['القلعة القديمة في المدينة', []],
  ];
  for (const [text, want] of cases) assert.deepEqual(townsIn(wordsOf(text)).map((t) => t.name), want.map((w) => wordsOf(w).join(' ')), text);
  const bouficha = townsIn(wordsOf('بوفيشة'))[0]!;
  assert.equal(bouficha.division, normalize('سوسة'));
  assert.equal(bouficha.isDivision, false);
  assert.deepEqual([...localTowns(new Set(['dl:بوفيشة', 'سوسة', 'بغداد'].map((p) => normalize(p))))], [normalize('بوفيشة')]);
});

test('GIVEN the opener of a headline THEN datelinePlace keeps a place and drops labels, topics and speakers', () => {
  const who = (names: [string, 'PER' | 'ORG' | 'LOC'][]) =>
    ({ sentences: [], brief: [], timeline: [], mentions: [], temporal: [], sources: [], who: names.map(([name, type]) => ({ name, type, role: '', aliases: [], mentions: [], said: [] })) }) as Analysis;
  const cases: [string, Analysis, string | undefined][] = [
    ['الكاف', who([]), 'الكاف'],
    ['سيدي بوزيد', who([]), 'سيدي بوزيد'],
    ['هجوم لندن', who([['لندن', 'LOC']]), 'لندن'],
    ['سجن المهدية', who([['المهدية', 'LOC']]), 'المهدية'],
    ['الانتخابات الفرنسية', who([['إيمانويل ماكرون', 'PER']]), undefined],
    ['فيديو', who([]), undefined],
    ['غدا', who([]), undefined],
    ['بعد المقاطعة', who([]), undefined],
    ['النهضة', who([['حركة النهضة', 'ORG']]), undefined],
    ['البحيري', who([['نور الدين البحيري', 'PER']]), undefined],
  ];
  for (const [opener, analysis, want] of cases) {
    const locations = new Set(analysis.who.filter((e) => e.type === 'LOC').map((e) => normalize(e.name)));
    assert.equal(datelinePlace(normalize(opener), locations, analysis), want === undefined ? undefined : normalize(want), opener);
  }
});

test('GIVEN a running story of five articles THEN a reaction worded apart from each joins it as a whole, and an unrelated article does not', () => {
  const feature = (terms: string[]) => features({ terms: new Map(terms.map((t): [string, number] => [t, 1])) });
  const story = ['e:قطر', 'e:السعودية', 'قطع', 'علاق'];
  const build = (runningStoryMin: number): StoryIndex => {
    const index = new StoryIndex({ runningStoryMin });
    for (let i = 0; i < 300; i++) index.add(100 + i, 100 + i, 0, feature([`filler${i}`, `other${i % 7}`, `more${i % 11}`]));
    for (let i = 0; i < 5; i++) index.add(i, 1, 0, feature([...story, ...Array.from({ length: 16 }, (_, k) => `own${i}-${k}`)]));
    return index;
  };
  const reaction = feature([...story, 'موقف', 'تركيا', 'وساط', 'حوار', 'e:انقرة', 'خليج']);
  assert.equal(build(0).match(reaction, 3600_000), undefined, 'each article alone is too far');
  assert.equal(build(5).match(reaction, 3600_000)?.storyId, 1);
  assert.equal(build(5).match(feature(['موقف', 'تركيا', 'e:انقرة', 'own0-1']), 3600_000), undefined);
});

test('GIVEN a headline opening with a name and a colon THEN it is a speaker, not a place', () => {
  const who = (names: [string, 'PER' | 'LOC', string[]][]) =>
    ({ sentences: [], brief: [], timeline: [], mentions: [], temporal: [], sources: [], who: names.map(([name, type, aliases]) => ({ name, type, role: '', aliases, mentions: [], said: [] })) }) as Analysis;
  const cases: [string, Analysis, boolean][] = [
    ['حمة الهمامي : التحوير الوزاري نتيجة تدخل خارجي', who([['حمة الهمامي', 'PER', []]]), true],
    ['البحيري : يجب إجراء الانتخابات في أقرب وقت', who([['نور الدين البحيري', 'PER', []]]), true],
    ['سوسة : حجز أقراص مخدرة', who([['سوسة', 'LOC', []], ['محمد علي', 'PER', []]]), false],
    ['علي : خبر', who([['محمد علي', 'PER', []]]), true],
    ['صفاقس : حريق', who([]), false],
  ];
  for (const [title, analysis, speaker] of cases) {
    assert.equal(isSpeaker(datelineOf(title)!, analysis), speaker, title);
    assert.equal([...placesOf(title, analysis)].some((p) => p.startsWith('dl:')), !speaker, title);
  }
});

test('GIVEN titles and leads THEN numbersOf keeps counts, ages and quantities, without years or leading zeros', () => {
  const cases: [string, string[]][] = [
    ['حجز 15 قطعة من الزطلة وإيقاف 3 أشخاص', ['15', '3']],
    ['يوم 07 جوان 2017 حجز 40 غراما', ['7', '40']],
    ['نسبة ٤٫٢٥ في المائة', ['4.25']],
    ['الانتخابات الرئاسية', []],
  ];
  for (const [text, want] of cases) assert.deepEqual([...numbersOf(wordsOf(text))].sort(), want.sort(), text);
});

test('GIVEN titles and leads THEN quantitiesOf keeps the numbers a unit of seized things follows', () => {
  const cases: [string, string[]][] = [
    ['حجز 300 صفيحة من الزطلة تزن 38 كغ وإيقاف 3 أشخاص', ['300', '38']],
    ['ضبط 40 غراما من الكوكايين بحوزة 3 أشخاص', ['40']],
    ['حجز 1200 قرص مخدر و2 طن من السجائر', ['1200', '2']],
    ['وفاة 3 أشخاص في حادث مرور', []],
  ];
  for (const [text, want] of cases) assert.deepEqual([...quantitiesOf(wordsOf(text))].sort(), want.sort(), text);
});

test('GIVEN two indexed articles THEN the similarity needed rises with the days between them and with different numbers on another day, and falls with rare terms shared or an event day both date', () => {
  const hour = 3600_000;
  const feature = (terms: string[], numbers: string[] = [], quantities: string[] = []) => features({ terms: new Map(terms.map((t): [string, number] => [t, 1])), numbers: new Set(numbers), quantities: new Set(quantities) });
  const index = new StoryIndex({ threshold: 0.2, dayMargin: 0.08, numberConflictMargin: 0.1, quantityConflictMargin: 0.2, specificAllowance: 0.05 });
  // Filler articles make the shared words common and the names rare.
  for (let i = 0; i < 400; i++) index.add(100 + i, 100 + i, 0, feature(['حجز', 'مخدرات', 'شبكة', `filler${i % 3}`]));
  index.add(1, 1, 0, feature(['حجز', 'مخدرات', 'شبكة', 'e:باردو', 'e:السيجومي', 'e:البرطال', 'd:2023-12-08', 'd:2023-12'], ['3', '40'], ['40']));
  const needed = (hoursLater: number, terms: string[], numbers: string[] = [], quantities: string[] = []) => index.compare(feature(terms, numbers, quantities), hoursLater * hour, 1)!.needed;
  const cases: [string, number, string[], string[], number][] = [
    ['same half day, nothing specific', 6, ['حجز', 'مخدرات'], [], 0.2],
    ['two days later', 48, ['حجز', 'مخدرات'], [], 0.2 + 0.08 * 1.5],
    ['different numbers a day later', 24, ['حجز', 'مخدرات'], ['2', '7'], 0.2 + 0.08 / 2 + 0.1],
    ['a number in common a day later', 24, ['حجز', 'مخدرات'], ['40', '7'], 0.2 + 0.08 / 2],
    ['different numbers the same half day (a toll updated)', 6, ['حجز', 'مخدرات'], ['2'], 0.2],
    ['three rare names shared within a day', 6, ['حجز', 'e:باردو', 'e:السيجومي', 'e:البرطال'], [], 0.15],
    ['three rare names shared two days later', 48, ['حجز', 'e:باردو', 'e:السيجومي', 'e:البرطال'], [], 0.2 + 0.08 * 1.5],
    ['an event day both date, two days later with other numbers (a toll revised)', 48, ['حجز', 'مخدرات', 'd:2023-12-08'], ['2', '7'], 0.2],
    ['only a month both date, two days later', 48, ['حجز', 'مخدرات', 'd:2023-12'], [], 0.2 + 0.08 * 1.5],
  ];
  for (const [name, hours, terms, numbers, want] of cases) assert.ok(Math.abs(needed(hours, terms, numbers) - want) < 1e-9, `${name}: ${needed(hours, terms, numbers)} ≠ ${want}`);
  const quantityCases: [string, string[], string[], number][] = [
    ['another quantity seized the same half day', ['2', '7'], ['7'], 0.2 + 0.2],
    ['the same quantity seized, other counts, the same half day', ['2', '40'], ['40'], 0.2],
    ['counts but no quantity the same half day', ['2', '7'], [], 0.2],
  ];
  for (const [name, numbers, quantities, want] of quantityCases) assert.ok(Math.abs(needed(6, ['حجز', 'مخدرات'], numbers, quantities) - want) < 1e-9, name);
});

test('GIVEN publication values THEN eventTime uses them, falling back to first sight and capping dates far ahead', () => {
  const seen = '2026-01-01T00:00:00.000Z';
  const cases: [string | undefined, string][] = [
    ['2025-12-31T10:00:00+03:00', '2025-12-31T07:00:00.000Z'],
    [undefined, seen],
    ['not a date', seen],
    ['2030-01-01T00:00:00Z', '2026-01-02T00:00:00.000Z'],
  ];
  for (const [published, want] of cases) {
    const t = eventTime(published === undefined ? { firstSeen: seen } : { published, firstSeen: seen });
    assert.equal(new Date(t).toISOString(), want, String(published));
  }
});

test('GIVEN an article the caller says is in no story THEN assign does not look its story up; otherwise an article already in one stays there', async () => {
  const store = openStore(':memory:');
  const grouper = new StoryGrouper(store);
  const feed = await store.addFeed('https://a.example/rss', { now: SEEN });
  const stored = await store.upsertArticle({ feedId: feed.id, guid: 'a', title: EMBASSY_A.title, text: EMBASSY_A.text, published: EMBASSY_A.published, seenAt: SEEN });
  if (stored.status !== 'new') assert.fail(`stored as ${stored.status}`);
  const storyOf = store.storyOf.bind(store);
  let lookups = 0;
  store.storyOf = async (id) => (lookups++, storyOf(id));
  const first = await grouper.assign(stored.article, undefined, SEEN, true);
  assert.equal(lookups, 0);
  assert.equal(first.joined, false);
  const again = await grouper.assign(stored.article, undefined, SEEN);
  assert.equal(lookups, 1);
  assert.deepEqual(again, { storyId: first.storyId, joined: true, score: 1 });
  assert.equal(await store.countStories(), 1);
});

test('GIVEN two articles set in places neither mentions THEN they need the place margin, unless both name one rare person', () => {
  const index = new StoryIndex();
  for (let i = 0; i < 300; i++) index.add(100 + i, 100 + i, 0, features({ terms: new Map([[`filler${i}`, 1]]) }));
  const terms = (own: string): Map<string, number> => new Map([['e:عدنان الحاجي', 2], ['فساد', 1], ['حكم', 1], [own, 1]]);
  const interview = { terms: terms('قضاء'), places: new Set(['قفصة']), lead: ' كشف ملف فساد في قفصة ' };
  index.add(1, 1, 0, features({ ...interview, people: new Set(['عدنان الحاجي']) }));
  index.add(2, 2, 0, features(interview));
  const secondPart = { terms: terms('مال'), places: new Set(['تونس']), lead: ' اصحاب المال يحكمون تونس ' };
  const sameSpeaker = index.compare(features({ ...secondPart, people: new Set(['عدنان الحاجي']) }), 3600_000, 1)!;
  const noPeople = index.compare(features(secondPart), 3600_000, 2)!;
  assert.equal(sameSpeaker.score, noPeople.score);
  assert.ok(Math.abs(noPeople.needed - sameSpeaker.needed - DEFAULT_INDEX_OPTIONS.placeConflictMargin) < 1e-9, `${noPeople.needed} vs ${sameSpeaker.needed}`);
  const analysis = { who: [{ type: 'PER', name: 'عدنان الحاجي', aliases: [] }, { type: 'LOC', name: 'قفصة', aliases: [] }] } as unknown as Analysis;
  assert.deepEqual([...peopleOf(analysis)], [normalize('عدنان الحاجي')]);
});

test('GIVEN an article compared with one article of a story THEN it also gets its nearest member, the story as a whole and the words part of the similarity', () => {
  const index = new StoryIndex();
  for (let i = 0; i < 300; i++) index.add(100 + i, 100 + i, 0, features({ terms: new Map([[`filler${i}`, 1]]) }));
  const bag = (...terms: string[]): Map<string, number> => new Map(terms.map((t): [string, number] => [t, 1]));
  // A story of three: its first member shares little with the newcomer, its third nearly everything.
  index.add(1, 7, 0, features({ terms: bag('قطع', 'علاقات', 'قطر') }));
  index.add(2, 7, 0, features({ terms: bag('قطع', 'علاقات', 'قطر', 'السعودية') }));
  index.add(3, 7, 0, features({ terms: bag('مقاطعة', 'قطر', 'طيران', 'e:الخطوط السعودية') }));
  index.add(4, 8, 0, features({ terms: bag('طيران', 'مطار') }));
  const newcomer = features({ terms: bag('تعليق', 'طيران', 'قطر', 'e:الخطوط السعودية') });
  const toFirst = index.compare(newcomer, 3600_000, 1)!;
  const toOther = index.compare(newcomer, 3600_000, 4)!;
  const cases: [string, number, number][] = [
    ['the story as a whole holds three articles', toFirst.toStory.size, 3],
    ['its nearest member is nearer than the first', Number(toFirst.toStory.score > toFirst.score), 1],
    ['the whole lies between its members', Number(toFirst.toStory.story < toFirst.toStory.score && toFirst.toStory.story > toFirst.score), 1],
    ['a story of one is its article', toOther.toStory.size, 1],
    ['a story of one has its own similarity as a whole', toOther.toStory.story, toOther.score],
    ['no name shared: all the similarity is words', toOther.words, toOther.score],
    ['a name shared: the words are less than the similarity', Number(toFirst.toStory.words < toFirst.toStory.score), 1],
  ];
  for (const [name, got, want] of cases) assert.ok(Math.abs(got - want) < 1e-9, `${name}: ${got} ≠ ${want}`);
});

test('GIVEN titles and leads THEN eventsOf finds the nouns of happenings, with clitics and the article, and nothing else', () => {
  const cases: [string, string[]][] = [
    ['الغنوشي : جريمة صفاقس عملية إرهابية', ['جريمة']],
    ['عبد الوهاب الهاني : استقالة صرصار كارثة سياسية', ['استقالة']],
    ['والاستقالة بعد الزيارة وفي الانتخابات', ['استقالة', 'زيارة', 'انتخابات']],
    ['جنسية مرتكب عملية الدهس في ألمانيا', ['دهس']],
    ['قال الوزير في بيان إن الأسعار مستقرة', []],
  ];
  for (const [text, want] of cases) assert.deepEqual([...eventsOf(wordsOf(text))].sort(), want.map((w) => lightStem(w)).sort(), text);
});

test('GIVEN two settings THEN sharePlace says whether a place of one is mentioned by the other', () => {
  const setting = (places: string[], lead: string) => features({ places: new Set(places), lead: ` ${wordsOf(lead).join(' ')} ` });
  const cases: [string, ReturnType<typeof setting>, ReturnType<typeof setting>, boolean][] = [
    ['one town, with a clitic', setting(['صفاقس'], 'جريمة قتل في صفاقس'), setting([], 'اغتيال المهندس بصفاقس'), true],
    ['a country as its people', setting(['فرنسا'], 'عملية دهس في فرنسا'), setting([], 'الشرطة الفرنسية تكشف'), true],
    ['two towns', setting(['سوسة'], 'حجز في سوسة'), setting(['الكاف'], 'حجز في الكاف'), false],
    ['no place at all', setting([], 'تصريح'), setting([], 'تصريح'), false],
  ];
  for (const [name, a, b, want] of cases) assert.equal(sharePlace(a, b), want, name);
});

test('GIVEN two articles of one day that name one rare actor, one place and one happening in a title THEN they need only the retelling similarity; apart in time, place or happening they need the rules\' similarity', () => {
  const hour = 3600_000;
  const index = new StoryIndex();
  for (let i = 0; i < 400; i++) index.add(100 + i, 100 + i, 0, features({ terms: new Map([[`filler${i}`, 1], ['قال', 1]]) }));
  const killing = {
    terms: new Map([['e:محمد الزواري', 2], ['جريم', 2], ['صفاقس', 1], ['غنوش', 1]]),
    people: new Set(['محمد الزواري']),
    places: new Set(['صفاقس']),
    lead: ' جريمة صفاقس اغتيال المهندس محمد الزواري ',
    events: new Set(eventsOf(['جريمة', 'اغتيال'])),
    titleEvents: new Set(eventsOf(['جريمة'])),
  };
  index.add(1, 1, 0, features(killing));
  index.add(2, 2, 0, features({ ...killing, titleEvents: new Set() }));
  const reaction = { ...killing, terms: new Map([['e:محمد الزواري', 2], ['حماس', 2], ['بيان', 1]]), lead: ' حماس تنعى المهندس محمد الزواري بعد جريمة قتله في صفاقس ' };
  const needed = (hours: number, given: Partial<ArticleFeatures>, id = 1) => index.compare(features(given), hours * hour, id)!.needed;
  const ruled = DEFAULT_INDEX_OPTIONS.threshold;
  const cases: [string, number, Partial<ArticleFeatures>, number, number?][] = [
    ['a reaction the same day', 6, reaction, DEFAULT_INDEX_OPTIONS.retellingThreshold],
    ['a reaction the next day (a date without a time)', 24, reaction, DEFAULT_INDEX_OPTIONS.retellingThreshold],
    ['a day and a half later', 36, reaction, ruled + (DEFAULT_INDEX_OPTIONS.dayMargin * 24) / 24],
    ['no place in common', 6, { ...reaction, places: new Set(['تونس']), lead: ' حماس تنعى المهندس محمد الزواري بعد جريمة قتله ' }, ruled],
    ['no happening in common', 6, { ...reaction, events: new Set(), titleEvents: new Set() }, ruled],
    ['the happening in neither title', 6, { ...reaction, titleEvents: new Set() }, ruled, 2],
    ['the happening in one title', 6, { ...reaction, titleEvents: new Set() }, DEFAULT_INDEX_OPTIONS.retellingThreshold, 1],
    ['no actor in common', 6, { ...reaction, people: new Set(), terms: new Map([['حماس', 2], ['بيان', 1]]) }, ruled],
  ];
  for (const [name, hours, given, want, id] of cases) assert.ok(Math.abs(needed(hours, given, id) - want) < 1e-9, `${name}: ${needed(hours, given, id)} ≠ ${want}`);
});

test('GIVEN an article that passes the rules against two stories with the merge similarity, within a day of both THEN match names the other as tied, and once relabelled the two are one', () => {
  const index = new StoryIndex({ mergeSimilarity: 0.3 });
  for (let i = 0; i < 300; i++) index.add(100 + i, 100 + i, 0, features({ terms: new Map([[`filler${i}`, 1]]) }));
  const bag = (...terms: string[]): Map<string, number> => new Map(terms.map((t): [string, number] => [t, 1]));
  index.add(1, 1, 0, features({ terms: bag('اغتيال', 'مهندس', 'صفاقس', 'زواري') }));
  index.add(2, 2, 0, features({ terms: bag('اغتيال', 'مهندس', 'حماس', 'زواري') }));
  const both = features({ terms: bag('اغتيال', 'مهندس', 'صفاقس', 'حماس', 'زواري') });
  const m = index.match(both, 3600_000)!;
  assert.deepEqual([m.storyId === 1 ? 2 : 1], m.ties);
  const off = new StoryIndex({ mergeSimilarity: 1 });
  const far = new StoryIndex({ mergeSimilarity: 0.3 });
  for (const [x, hours] of [[off, 0], [far, 30]] as const) {
    for (let i = 0; i < 300; i++) x.add(100 + i, 100 + i, 0, features({ terms: new Map([[`filler${i}`, 1]]) }));
    x.add(1, 1, 0, features({ terms: bag('اغتيال', 'مهندس', 'صفاقس', 'زواري') }));
    x.add(2, 2, hours * 3600_000, features({ terms: bag('اغتيال', 'مهندس', 'حماس', 'زواري') }));
  }
  assert.equal(off.match(both, 3600_000)?.ties, undefined, 'off at 1');
  assert.equal(far.match(both, -3600_000)?.ties, undefined, 'the other story\'s article more than a day away');
  index.relabel(2, 1);
  const after = index.match(both, 3600_000)!;
  assert.deepEqual([after.storyId, after.ties], [1, undefined]);
});

test('GIVEN a match that ties another story THEN the grouper merges the younger story into the older in the store and the article joins the older', async () => {
  const store = openStore(':memory:');
  const grouper = new StoryGrouper(store);
  const stories = await group([EMBASSY_A, OIL_EXPORTS], store, grouper);
  const [embassy, oil] = [stories.get('embassy-a')!, stories.get('oil')!];
  assert.notEqual(embassy, oil);
  grouper.index.match = () => ({ storyId: oil, articleId: 2, score: 0.5, ties: [embassy] });
  const joined = await group([EMBASSY_B], store, grouper);
  assert.equal(joined.get('embassy-b'), Math.min(embassy, oil));
  assert.deepEqual((await store.listStories()).map((s) => s.id), [Math.min(embassy, oil)]);
  assert.equal((await store.storyArticleIds(Math.min(embassy, oil))).length, 3);
});

test('GIVEN two articles whose leads date their happenings on days the other never names THEN they need the day-conflict margin, unless they name one rare person or the indexed one is of a running story', () => {
  const index = new StoryIndex();
  for (let i = 0; i < 400; i++) index.add(100 + i, 100 + i, 0, features({ terms: new Map([[`filler${i}`, 1]]) }));
  const sweep = { terms: new Map([['حمل', 2], ['امن', 2]]), leadDays: new Set(['2017-04-02']), days: new Set(['2017-04-02']) };
  index.add(1, 1, 0, features(sweep));
  index.add(3, 3, 0, features({ ...sweep, terms: new Map([...sweep.terms, ['e:فلان', 2]]), people: new Set(['فلان']) }));
  for (let i = 0; i < DEFAULT_INDEX_OPTIONS.runningStoryMin; i++) index.add(10 + i, 2, 0, features({ ...sweep, terms: new Map([['قطر', 2], [`step${i}`, 1]]) }));
  const needed = (given: Partial<ArticleFeatures>, id = 1) => index.compare(features(given), 3600_000, id)!.needed;
  const ruled = DEFAULT_INDEX_OPTIONS.threshold;
  const other = { ...sweep, leadDays: new Set(['2017-04-05']), days: new Set(['2017-04-05']) };
  const cases: [string, Partial<ArticleFeatures>, number, number?][] = [
    ['a sweep three days later', other, ruled + DEFAULT_INDEX_OPTIONS.dayConflictMargin],
    ['the same sweep told again', sweep, ruled],
    ['a follow-up that names the first day further down', { ...other, days: new Set(['2017-04-05', '2017-04-02']) }, ruled],
    ['a lead with no day', { ...other, leadDays: new Set() }, ruled],
    ['one rare person named by both (three rare terms shared within a day)', { ...other, terms: new Map([...other.terms, ['e:فلان', 2]]), people: new Set(['فلان']) }, ruled - DEFAULT_INDEX_OPTIONS.specificAllowance, 3],
    ['one step of a running story', { ...other, terms: new Map([['قطر', 2]]) }, ruled, 10],
  ];
  for (const [name, given, want, id] of cases) assert.ok(Math.abs(needed(given, id) - want) < 1e-9, `${name}: ${needed(given, id)} ≠ ${want}`);
});

test('GIVEN two articles that name one broadcast THEN within half a day they need only the retelling similarity, later the rules\' similarity', () => {
  const index = new StoryIndex();
  for (let i = 0; i < 400; i++) index.add(100 + i, 100 + i, 0, features({ terms: new Map([[`filler${i}`, 1]]) }));
  const point = { terms: new Map([['حزب', 2], ['اطلاق', 1]]), broadcasts: new Set(['بوليتيكا']) };
  index.add(1, 1, 0, features(point));
  const needed = (hours: number, given: Partial<ArticleFeatures>) => index.compare(features(given), hours * 3600_000, 1)!.needed;
  const other = { terms: new Map([['جريب', 2], ['صح', 1]]), broadcasts: new Set(['بوليتيكا']) };
  assert.equal(needed(1, other), DEFAULT_INDEX_OPTIONS.retellingThreshold);
  assert.equal(needed(1, { ...other, broadcasts: new Set(['صباح الورد']) }), DEFAULT_INDEX_OPTIONS.threshold);
  assert.ok(needed(20, other) > DEFAULT_INDEX_OPTIONS.threshold);
});
