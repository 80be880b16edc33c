import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPostgresStore } from '../../src/store/postgres.ts';
import { freshPostgresUrl } from '../support/postgres.ts';
import { openTestStore, STORE_KINDS } from '../support/stores.ts';
import type { NewArticle } from '../../src/store/types.ts';
import type { Analysis } from '../../src/core/types.ts';

const T0 = '2026-01-01T00:00:00.000Z';
const TEXT =
  'قال مسؤول أمني عراقي إن صواريخ سقطت قرب السفارة الأميركية في بغداد فجر الجمعة دون أن تسفر عن إصابات، ' +
  'وأضاف أن القوات الأمنية فتحت تحقيقا في الهجوم الذي وقع في المنطقة الخضراء المحصنة وسط العاصمة العراقية، ' +
  'فيما دانت الحكومة العراقية الهجوم ووصفته بأنه عمل إرهابي يستهدف استقرار البلاد وعلاقاتها الخارجية.';

function item(over: Partial<NewArticle>): NewArticle {
  return { title: 'صواريخ قرب السفارة الأميركية في بغداد', text: TEXT, seenAt: T0, ...over };
}

for (const kind of STORE_KINDS) {
  describe(kind, () => {
    test('GIVEN a feed item stored twice THEN the second time it is known', async () => {
      const store = await openTestStore(kind);
      const feed = await store.addFeed('https://a.example/rss', { now: T0, title: 'أ' });
      const first = await store.upsertArticle(item({ feedId: feed.id, guid: 'g1', url: 'https://a.example/n/1' }));
      const again = await store.upsertArticle(item({ feedId: feed.id, guid: 'g1', url: 'https://a.example/n/1' }));
      assert.equal(first.status, 'new');
      assert.equal(again.status, 'known');
      assert.equal(again.article.id, first.article.id);
      assert.equal(await store.countArticles(), 1);
      await store.close();
    });

    test('GIVEN the dedupe rules THEN each case yields the expected status and article count', async () => {
      const cases: { name: string; second: (feedA: number, feedB: number) => Partial<NewArticle>; status: string; articles: number }[] = [
        { name: 'changed guid, same content, same feed', second: (a) => ({ feedId: a, guid: 'g2', url: 'https://a.example/n/2' }), status: 'known', articles: 1 },
        { name: 'same text under another feed and guid', second: (_a, b) => ({ feedId: b, guid: 'x9', url: 'https://b.example/x9', outlet: 'ب' }), status: 'new-source', articles: 1 },
        { name: 'same text, diacritics and spacing changed', second: (_a, b) => ({ feedId: b, guid: 'x8', text: TEXT.replace('قال', 'قَالَ').replace(/ /g, '  '), outlet: 'ب' }), status: 'new-source', articles: 1 },
        { name: 'same URL with utm_* and a fragment', second: (_a, b) => ({ feedId: b, guid: 'x7', url: 'http://www.A.example/n/1/?utm_source=tw#top', text: TEXT + ' تحديث', outlet: 'ب' }), status: 'new-source', articles: 1 },
        { name: 'different text and URL', second: (a) => ({ feedId: a, guid: 'g3', url: 'https://a.example/n/3', text: 'ارتفعت أسعار النفط في الأسواق العالمية بعد قرار أوبك خفض الإنتاج. '.repeat(4) }), status: 'new', articles: 2 },
        { name: 'same site home page URL, different text', second: (a) => ({ feedId: a, guid: 'g4', url: 'https://a.example/', text: 'أعلنت وزارة الصحة عن حملة تلقيح جديدة ضد الحصبة في المدارس. '.repeat(4) }), status: 'new', articles: 2 },
      ];
      for (const c of cases) {
        const store = await openTestStore(kind);
        const a = (await store.addFeed('https://a.example/rss', { now: T0, title: 'أ' })).id;
        const b = (await store.addFeed('https://b.example/rss', { now: T0, title: 'ب' })).id;
        await store.upsertArticle(item({ feedId: a, guid: 'g1', url: 'https://a.example/n/1', outlet: 'أ' }));
        const r = await store.upsertArticle(item(c.second(a, b)));
        assert.equal(r.status, c.status, c.name);
        assert.equal(await store.countArticles(), c.articles, c.name);
        await store.close();
      }
    });

    test('GIVEN a batch of new articles, copies and re-polls THEN upsertArticles gives what upsertArticle one after another gives, rows and sources alike', async () => {
      const other = 'ارتفعت أسعار النفط في الأسواق العالمية بعد قرار أوبك خفض الإنتاج. '.repeat(4);
      const third = 'أعلنت وزارة الصحة عن حملة تلقيح جديدة ضد الحصبة في المدارس. '.repeat(4);
      const batch = (a: number, b: number): NewArticle[] => [
        item({ feedId: a, guid: 'g2', url: 'https://a.example/n/2', text: other, outlet: 'أ' }),
        item({ feedId: a, guid: 'g1', url: 'https://a.example/n/1', outlet: 'أ' }), // a re-poll of the stored one
        item({ feedId: b, guid: 'x1', url: 'https://b.example/x1', text: other, outlet: 'ب' }), // a copy of the batch's first
        item({ feedId: b, guid: 'x2', url: 'http://www.a.example/n/2?utm_source=x', text: `${other} تحديث`, outlet: 'ب' }), // its URL
        item({ feedId: b, guid: 'x3', url: 'https://b.example/x3', text: third, outlet: 'ب', published: '2026-01-01T07:00:00Z', summary: 'مقتطف' }),
        item({ feedId: b, guid: 'x4', text: `${third} تحديث`, outlet: 'ب' }),
      ];
      const run = async (together: boolean) => {
        const store = await openTestStore(kind);
        const a = (await store.addFeed('https://a.example/rss', { now: T0, title: 'أ' })).id;
        const b = (await store.addFeed('https://b.example/rss', { now: T0, title: 'ب' })).id;
        await store.upsertArticle(item({ feedId: a, guid: 'g1', url: 'https://a.example/n/1', outlet: 'أ' }));
        const items = batch(a, b);
        const results = together ? await store.upsertArticles(items) : await items.reduce<Promise<unknown[]>>(async (acc, x) => [...(await acc), await store.upsertArticle(x)], Promise.resolve([]));
        const sources = [];
        for (let id = 1; id <= (await store.countArticles()); id++) sources.push(await store.articleSources(id));
        await store.close();
        return { results, sources };
      };
      const together = await run(true);
      assert.deepEqual(together, await run(false));
      assert.deepEqual((together.results as { status: string }[]).map((r) => r.status), ['new', 'known', 'new-source', 'known', 'new', 'new']);
    });

    test('GIVEN a new article stored THEN the record given back is the row as read back', async () => {
      const store = await openTestStore(kind);
      const feed = await store.addFeed('https://a.example/rss', { now: T0, title: 'أ' });
      const cases: { name: string; over: Partial<NewArticle> }[] = [
        { name: 'link, excerpt and date', over: { feedId: feed.id, guid: 'g1', url: 'https://www.a.example/n/1/?utm_source=x', summary: 'مقتطف', published: '2026-01-01T08:00:00+01:00' } },
        { name: 'no link, no excerpt, no date', over: { feedId: feed.id, guid: 'g2', text: `${TEXT} تحديث` } },
        { name: 'an empty excerpt', over: { feedId: feed.id, guid: 'g3', text: `${TEXT} تحديث ثان`, summary: '' } },
      ];
      for (const c of cases) {
        const stored = await store.upsertArticle(item(c.over));
        assert.equal(stored.status, 'new', c.name);
        assert.deepEqual(stored.article, await store.getArticle(stored.article.id), c.name);
      }
      await store.close();
    });

    test('GIVEN articles stored without a story THEN articlesWithoutStory lists them until each has one', async () => {
      const store = await openTestStore(kind);
      const feed = await store.addFeed('https://a.example/rss', { now: T0, title: 'أ' });
      const a = (await store.upsertArticle(item({ feedId: feed.id, guid: 'g1' }))).article;
      const b = (await store.upsertArticle(item({ feedId: feed.id, guid: 'g2', text: `${TEXT} تحديث` }))).article;
      assert.deepEqual((await store.articlesWithoutStory(10)).map((r) => r.id), [a.id, b.id]);
      const story = await store.createStory(a.id, a.title, T0);
      assert.deepEqual((await store.articlesWithoutStory(10)).map((r) => r.id), [b.id]);
      await store.addToStory(story.id, b.id, 0.5, T0);
      assert.deepEqual(await store.articlesWithoutStory(10), []);
      await store.close();
    });

    test('GIVEN items stored from a feed THEN hasFeedItem finds them by guid or by URL (either scheme), only in that feed', async () => {
      const store = await openTestStore(kind);
      const a = (await store.addFeed('https://a.example/rss', { now: T0 })).id;
      const b = (await store.addFeed('https://b.example/rss', { now: T0 })).id;
      await store.upsertArticle(item({ feedId: a, guid: 'g1', url: 'https://a.example/n/1' }));
      // Other rows of the same feed, so a lookup that walks the feed's rows would still have to find the right one.
      for (let i = 2; i < 6; i++) await store.upsertArticle(item({ feedId: a, guid: `g${i}`, url: `https://a.example/n/${i}`, text: `${TEXT} ${i}`.repeat(2) }));
      const cases: [string, number, string | undefined, string | undefined, boolean][] = [
        ['same guid', a, 'g1', undefined, true],
        ['guid with spaces around it', a, ' g1 ', undefined, true],
        ['new guid, same URL', a, 'new', 'https://a.example/n/1', true],
        ['no guid, same URL under http and www', a, undefined, 'http://www.a.example/n/1?utm_source=x', true],
        ['new guid and URL', a, 'new', 'https://a.example/n/99', false],
        ['same guid and URL in another feed', b, 'g1', 'https://a.example/n/1', false],
        ['a home page URL is no article', a, 'new', 'https://a.example/', false],
      ];
      for (const [name, feed, guid, url, expected] of cases) assert.equal(await store.hasFeedItem(feed, guid, url), expected, name);
      await store.close();
    });

    test('GIVEN a new feed item with or without a guid THEN its source records its feed, outlet, guid and URL', async () => {
      const store = await openTestStore(kind);
      const feed = (await store.addFeed('https://a.example/rss', { now: T0 })).id;
      const cases: [string, Partial<NewArticle>, Partial<Record<'feedId' | 'outlet' | 'guid' | 'url', unknown>>][] = [
        ['guid and link', { feedId: feed, guid: ' g1 ', url: 'https://www.a.example/n/1?utm_source=x', outlet: 'أ' }, { feedId: feed, outlet: 'أ', guid: 'g1', url: 'https://a.example/n/1' }],
        ['no guid', { feedId: feed, url: 'https://a.example/n/2', text: `${TEXT} 2` }, { feedId: feed, outlet: 'a.example', guid: undefined, url: 'https://a.example/n/2' }],
        ['no feed', { text: `${TEXT} 3`, outlet: 'ج' }, { feedId: undefined, outlet: 'ج', guid: undefined, url: undefined }],
      ];
      for (const [name, over, expected] of cases) {
        const r = await store.upsertArticle(item(over));
        assert.equal(r.status, 'new', name);
        const [src] = await store.articleSources(r.article.id);
        assert.deepEqual({ feedId: src?.feedId, outlet: src?.outlet, guid: src?.guid, url: src?.url }, expected, name);
      }
      await store.close();
    });

    test('GIVEN a re-publication from another outlet THEN the story counts two sources and both feeds', async () => {
      const store = await openTestStore(kind);
      const a = await store.addFeed('https://a.example/rss', { now: T0, title: 'أ' });
      const b = await store.addFeed('https://b.example/rss', { now: T0, title: 'ب' });
      const first = await store.upsertArticle(item({ feedId: a.id, guid: 'g1', outlet: 'أ' }));
      const story = await store.createStory(first.article.id, first.article.title, T0);
      await store.upsertArticle(item({ feedId: b.id, guid: 'zz', outlet: 'ب', seenAt: '2026-01-01T05:00:00.000Z' }));
      const summary = await store.getStory(story.id);
      assert.equal(summary?.articleCount, 1);
      assert.equal(summary?.sourceCount, 2);
      assert.deepEqual(summary?.feedIds, [a.id, b.id]);
      assert.equal(summary?.lastSeen, '2026-01-01T05:00:00.000Z');
      assert.equal((await store.articleSources(first.article.id)).length, 2);
      assert.deepEqual((await store.listStories({ feedIds: [b.id] })).map((s) => s.id), [story.id]);
      assert.deepEqual(await store.listStories({ since: '2026-02-01T00:00:00.000Z' }), []);
      await store.close();
    });

    test('GIVEN an excerpt stored first THEN the full text seen later replaces it', async () => {
      const store = await openTestStore(kind);
      const feed = await store.addFeed('https://a.example/rss', { now: T0 });
      await store.upsertArticle(item({ feedId: feed.id, guid: 'g1', text: 'قال مسؤول أمني عراقي إن صواريخ سقطت…' }));
      const r = await store.upsertArticle(item({ feedId: feed.id, guid: 'g1' }));
      assert.equal(r.status, 'known');
      const stored = await store.getArticle(r.article.id);
      assert.equal(stored?.text, TEXT);
      assert.equal(r.article.contentHash, stored?.contentHash, 'the result carries the new text\'s hash');
      await store.close();
    });

    test('GIVEN analyses saved together THEN each article has its own, an existing one is replaced and one listed twice keeps the last', async () => {
      const store = await openTestStore(kind);
      const feed = await store.addFeed('https://a.example/rss', { now: T0 });
      const ids: number[] = [];
      for (let i = 1; i <= 3; i++) ids.push((await store.upsertArticle(item({ feedId: feed.id, guid: `g${i}`, text: `${TEXT} ${i}`.repeat(2) }))).article.id);
      const analysis = (brief: string): Analysis => ({ id: brief, sentences: [], brief: [{ text: brief, sentence: 0 }], timeline: [], who: [], mentions: [], temporal: [], sources: [] });
      await store.saveAnalysis(ids[0]!, 'v1', analysis('قديم'), T0);
      const later = '2026-01-02T00:00:00.000Z';
      await store.saveAnalyses('v1', [
        { articleId: ids[0]!, analysis: analysis('أ'), now: later },
        { articleId: ids[1]!, analysis: analysis('ب'), now: later },
        { articleId: ids[2]!, analysis: analysis('ج1'), now: later },
        { articleId: ids[2]!, analysis: analysis('ج2'), now: later },
      ]);
      await store.saveAnalyses('v1', []);
      const saved = await Promise.all(ids.map((id) => store.getAnalysis(id, 'v1')));
      assert.deepEqual(saved.map((r) => r?.analysis.brief[0]?.text), ['أ', 'ب', 'ج2']);
      assert.deepEqual(saved.map((r) => r?.createdAt), [later, later, later]);
      await store.close();
    });

    test('GIVEN work in a transaction that fails midway THEN none of its writes land; one that succeeds keeps them all', async () => {
      const store = await openTestStore(kind);
      const feed = await store.addFeed('https://a.example/rss', { now: T0 });
      await assert.rejects(
        store.inTransaction(async () => {
          const r = await store.upsertArticle(item({ feedId: feed.id, guid: 'g1' }));
          await store.createStory(r.article.id, r.article.title, T0);
          throw new Error('disk full');
        }),
        /disk full/,
      );
      assert.equal(await store.countArticles(), 0);
      assert.equal(await store.countStories(), 0);
      const kept = await store.inTransaction(async () => {
        const r = await store.upsertArticle(item({ feedId: feed.id, guid: 'g1' }));
        await store.createStory(r.article.id, r.article.title, T0);
        return r.article.id;
      });
      assert.equal(typeof (await store.storyOf(kept)), 'number');
      assert.equal(await store.countStories(), 1);
      await store.close();
    });
  });
}

test('GIVEN two instances on one PostgreSQL database storing the same texts at once THEN each text is stored once', async () => {
  const url = await freshPostgresUrl();
  const [one, two] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
  const a = await one.addFeed('https://a.example/rss', { now: T0, title: 'أ' });
  const b = await two.addFeed('https://b.example/rss', { now: T0, title: 'ب' });
  const texts = Array.from({ length: 10 }, (_, i) => `${TEXT} رقم ${i}`);
  const results = await Promise.all(
    texts.flatMap((text, i) => [
      one.upsertArticle(item({ feedId: a.id, guid: `a${i}`, outlet: 'أ', text })),
      two.upsertArticle(item({ feedId: b.id, guid: `b${i}`, outlet: 'ب', text })),
    ]),
  );
  assert.equal(await one.countArticles(), 10);
  assert.equal(results.filter((r) => r.status === 'new').length, 10);
  assert.equal(results.filter((r) => r.status === 'new-source').length, 10);
  await Promise.all([one.close(), two.close()]);
});

test('GIVEN the PostgreSQL store THEN its statements with parameters are prepared once per connection and reused', async () => {
  const store = await openPostgresStore(await freshPostgresUrl(), { maxConnections: 1 });
  const feed = await store.addFeed('https://a.example/rss', { now: T0 });
  for (let i = 1; i <= 3; i++) await store.upsertArticle(item({ feedId: feed.id, guid: `g${i}`, text: `${TEXT} ${i}`.repeat(2) }));
  const prepared = (await store.query('SELECT name, statement FROM pg_prepared_statements')).rows;
  const upserts = prepared.filter((r) => /INSERT INTO articles/.test(String(r.statement)));
  assert.equal(upserts.length, 1, 'one prepared upsert, run three times');
  assert.match(String(upserts[0]!.name), /^mojaz_\d+$/);
  await store.close();
});
