import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createFetcher } from '../../src/sources/http.ts';
import { FeedError, localFeedUrl, resolveFeedUrl } from '../../src/sources/feeds.ts';
import { FeedPoller, ensureLocalFeed, startFeedPolling, type FeedPollerDeps } from '../../src/ingest/poller.ts';
import { openStore, type SqliteStore } from '../../src/store/sqlite.ts';
import { StoryGrouper } from '../../src/stories/grouper.ts';
import type { FeedRecord } from '../../src/store/types.ts';
import type { Analysis } from '../../src/core/types.ts';
import { startHttpServer, type TestServer } from '../fakes/http-server.ts';
import { FakePollClock } from './fake-poll-clock.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const SAMPLE = fileURLToPath(new URL('../../fixtures/sample-feed.xml', import.meta.url));
const T0 = Date.parse('2026-01-01T08:00:00Z');
const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };

const fetcher = createFetcher({ allowHosts: ['127.0.0.1'], timeoutMs: 2000, maxBytes: 1_000_000, maxRedirects: 3, userAgent: 'mojaz-test' });

function setup(extra: Partial<FeedPollerDeps> = {}): { store: SqliteStore; clock: FakePollClock; poller: FeedPoller } {
  const store = openStore(':memory:');
  const clock = new FakePollClock(T0);
  const poller = new FeedPoller({ store, fetcher, clock, grouper: new StoryGrouper(store), ...extra, options: { timeoutMs: 3000, ...extra.options } });
  return { store, clock, poller };
}

async function feed(store: SqliteStore, url: string): Promise<FeedRecord> {
  return store.addFeed(url, { now: new Date(T0).toISOString() });
}

/** A grouper whose first story assignment (so the first feed's storing) waits until `release` is called. */
function gatedGrouper(store: SqliteStore): { grouper: StoryGrouper; release: () => void; storing: () => boolean } {
  const grouper = new StoryGrouper(store);
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let storing = false;
  const assign = grouper.assign.bind(grouper);
  grouper.assign = async (...args) => {
    storing = true;
    await gate;
    return assign(...args);
  };
  return { grouper, release, storing: () => storing };
}

/** rss.xml with its first item carried twice (the second under another guid and link). */
function rssWithACopy(): string {
  const xml = fixture('rss.xml');
  const first = /<item>[\s\S]*?<\/item>/.exec(xml)![0];
  const copy = first.replace(/<guid([^>]*)>[^<]*</, '<guid$1>copy-1<').replace(/<link>[^<]*</, '<link>https://other.example/copy-1<');
  return xml.replace(first, `${first}\n${copy}`);
}

describe('feed polling against a loopback server', () => {
  let server: TestServer;
  let etagHits = 0;
  let growsServed = 0;
  before(async () => {
    server = await startHttpServer({
      '/rss': { headers: RSS, body: fixture('rss.xml') },
      '/republished': { headers: RSS, body: fixture('rss-republished.xml') },
      '/with-copy': { headers: RSS, body: rssWithACopy() },
      '/atom': { headers: { 'content-type': 'application/atom+xml' }, body: fixture('atom.xml') },
      '/json': { headers: { 'content-type': 'application/feed+json' }, body: fixture('feed.json') },
      '/etag': {
        handler: (req, res) => {
          if (req.headers['if-none-match'] === '"v1"') {
            etagHits++;
            res.writeHead(304, { etag: '"v1"' }).end();
          } else res.writeHead(200, { ...RSS, etag: '"v1"' }).end(fixture('rss.xml'));
        },
      },
      // First the fixture, then the fixture with its first item's link repeated under a new guid.
      '/grows': {
        handler: (_req, res) => {
          const xml = fixture('rss.xml');
          const first = /<item>[\s\S]*?<\/item>/.exec(xml)![0];
          const repeat = first.replace(/<guid([^>]*)>[^<]*</, '<guid$1>repeat-1<');
          res.writeHead(200, RSS).end(growsServed++ === 0 ? xml : xml.replace(first, `${repeat}\n${first}`));
        },
      },
      '/modified': {
        handler: (req, res) => {
          const lm = 'Sun, 18 Jun 2017 20:00:00 GMT';
          if (req.headers['if-modified-since'] === lm) res.writeHead(304).end();
          else res.writeHead(200, { ...RSS, 'last-modified': lm }).end(fixture('atom.xml'));
        },
      },
      '/malformed': { headers: RSS, body: fixture('malformed.xml') },
      '/html': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: fixture('page.html') },
      '/huge': { headers: RSS, stream: { chunk: Buffer.alloc(64 * 1024, 0x20), count: 320 } },
      '/silent': { headers: RSS, delayMs: 20_000, body: fixture('rss.xml') },
      '/loop': { redirect: '/loop' },
      '/excerpts': { headers: RSS, body: fixture('rss-excerpts.xml') },
      '/site': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: fixture('page.html').replace('/feeds/rss.xml', '/rss') },
      '/feeds/rss.xml': { status: 404, body: 'gone' },
      '/plain': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!doctype html><html><body><p>لا موجز هنا</p></body></html>' },
    });
  });
  after(async () => {
    await server.close();
  });

  it('GIVEN RSS, Atom and JSON feeds THEN each ingests its items as new articles in stories', async () => {
    const { store, poller } = setup();
    for (const [path, n] of [['/rss', 3], ['/atom', 2], ['/json', 2]] as const) {
      const r = await poller.pollFeed(await feed(store, server.url(path)));
      assert.equal(r.status, 'ok', path);
      assert.equal(r.added, n, path);
    }
    assert.equal(await store.countArticles(), 7);
    assert.ok((await store.countStories()) >= 5, 'the two Iran missile items may share a story; the rest stand alone');
    assert.equal((await store.getFeed(server.url('/rss')))?.title, 'جوهرة أف أم — دولي');
  });

  it('GIVEN a URL a user gives THEN resolveFeedUrl accepts a feed, finds the feed a page announces, and refuses a page without one', async () => {
    const direct = await resolveFeedUrl(fetcher, server.url('/atom'));
    assert.deepEqual(direct, { url: server.url('/atom'), title: 'جوهرة أف أم — أتوم', format: 'atom', items: 2 });
    const found = await resolveFeedUrl(fetcher, server.url('/site'));
    assert.equal(found.url, server.url('/rss'));
    assert.equal(found.format, 'rss');
    await assert.rejects(resolveFeedUrl(fetcher, server.url('/plain')), (err: unknown) => err instanceof FeedError && /الرابط ليس موجز/.test(err.userMessage));
  });

  it('GIVEN a feed with an ETag THEN the next poll is conditional and a 304 adds nothing', async () => {
    const { store, poller } = setup();
    const f = await feed(store, server.url('/etag'));
    assert.equal((await poller.pollFeed(f)).added, 3);
    const stored = (await store.getFeed(f.id))!;
    assert.equal(stored.etag, '"v1"');
    const again = await poller.pollFeed(stored);
    assert.equal(again.status, 'not-modified');
    assert.equal(again.added, 0);
    assert.equal(etagHits, 1);
    assert.equal(await store.countArticles(), 3);
  });

  it('GIVEN a poll whose record cannot be written THEN its items roll back with it, and the next poll stores them', async () => {
    const { store, poller } = setup();
    const f = await feed(store, server.url('/rss'));
    const update = store.updateFeedPoll.bind(store);
    let refuse = true;
    store.updateFeedPoll = async (id, u) => {
      if (refuse && u.failures === 0) throw new Error('disk full');
      return update(id, u);
    };
    const failed = await poller.pollFeed(f);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.added, 0);
    assert.equal(await store.countArticles(), 0, 'the items and the poll are one transaction');
    assert.equal((await store.getFeed(f.id))?.failures, 1);
    refuse = false;
    const again = await poller.pollFeed((await store.getFeed(f.id))!);
    assert.equal(again.status, 'ok');
    assert.equal(again.added, 3);
    assert.equal((await store.getFeed(f.id))?.failures, 0);
    assert.equal((await store.articlesWithoutStory(10)).length, 0);
  });

  it('GIVEN a server that ignores conditional requests THEN an unchanged body counts as not modified', async () => {
    const { store, poller } = setup();
    const f = await feed(store, server.url('/rss'));
    assert.equal((await poller.pollFeed(f)).status, 'ok');
    const again = await poller.pollFeed((await store.getFeed(f.id))!);
    assert.equal(again.status, 'not-modified');
    assert.equal(again.items, 0);
  });

  it('GIVEN a feed with Last-Modified THEN the next poll sends If-Modified-Since and a 304 adds nothing', async () => {
    const { store, poller } = setup();
    const f = await feed(store, server.url('/modified'));
    await poller.pollFeed(f);
    const again = await poller.pollFeed((await store.getFeed(f.id))!);
    assert.equal(again.status, 'not-modified');
    assert.equal(await store.countArticles(), 2);
  });

  it('GIVEN the same texts re-published by another feed under other guids and titles THEN no new article, one more source each', async () => {
    const { store, poller } = setup();
    await poller.pollFeed(await feed(store, server.url('/rss')));
    const r = await poller.pollFeed(await feed(store, server.url('/republished')));
    assert.equal(r.added, 0);
    assert.equal(r.republished, 3);
    assert.equal(await store.countArticles(), 3);
    const stories = await store.listStories();
    assert.equal(stories.length, 3);
    for (const s of stories) {
      assert.equal(s.articleCount, 1);
      assert.equal(s.sourceCount, 2);
    }
  });

  it('GIVEN bad feeds THEN each fails with its typed error and Arabic message, and the good feed still ingests', async () => {
    // A short time limit for the feed that never answers; a low size cap so the 20 MB feed hits it early.
    const { store, poller } = setup({ options: { timeoutMs: 1500, maxBytes: 200_000 } });
    const urls = ['/malformed', '/html', '/huge', '/silent', '/loop', '/rss'];
    for (const u of urls) await feed(store, server.url(u));
    const report = await poller.pollDue();
    const by = new Map(report.feeds.map((f) => [new URL(f.url).pathname, f]));
    const cases: [string, string, RegExp][] = [
      ['/malformed', 'not-a-feed', /^الرابط ليس موجز RSS\/Atom صالحًا/],
      ['/html', 'not-a-feed', /^الرابط ليس موجز RSS\/Atom صالحًا/],
      ['/huge', 'too-large', /أكبر من الحد المسموح/],
      ['/silent', 'timeout', /لم يستجب/],
      ['/loop', 'too-many-redirects', /يحوّل/],
    ];
    for (const [path, code, message] of cases) {
      const r = by.get(path);
      assert.equal(r?.status, 'failed', path);
      assert.equal(r?.error?.code, code, path);
      assert.match(r?.error?.userMessage ?? '', message, path);
      const stored = await store.getFeed(server.url(path));
      assert.equal(stored?.failures, 1, path);
      assert.match(stored?.lastErrorMessage ?? '', message, path);
    }
    assert.equal(by.get('/rss')?.added, 3);
    assert.equal(report.added, 3);
  });

  it('GIVEN a failing feed THEN it backs off exponentially on the clock and is flagged once after three failures', async () => {
    const flagged: { id: number; message: string }[] = [];
    const recovered: number[] = [];
    const { store, poller, clock } = setup({
      onFeedFailing: (f, e) => void flagged.push({ id: f.id, message: e.userMessage }),
      onFeedRecovered: (f) => void recovered.push(f.id),
    });
    const bad = await feed(store, server.url('/malformed'));
    const gaps: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const due = await store.dueFeeds(clock.now().toISOString());
      assert.deepEqual(due.map((f) => f.id), [bad.id], `round ${i} is due`);
      await poller.pollDue();
      const f = (await store.getFeed(bad.id))!;
      assert.equal(f.failures, i);
      const gap = Date.parse(f.nextTry!) - clock.now().getTime();
      gaps.push(gap / 60_000);
      clock.advance(gap - 1000);
      assert.deepEqual(await store.dueFeeds(clock.now().toISOString()), [], `not due a second before round ${i + 1}`);
      clock.advance(1000);
    }
    assert.deepEqual(gaps, [10, 20, 40, 80]);
    assert.equal(flagged.length, 1);
    assert.equal(flagged[0]?.id, bad.id);
    assert.match(flagged[0]?.message ?? '', /الرابط ليس موجز/);
    assert.deepEqual((await store.failingFeeds()).map((f) => f.id), [bad.id]);
    assert.deepEqual((await poller.failingFeeds()).map((f) => f.id), [bad.id]);
    // It comes back: the flag clears and the host hears of it.
    await store.removeFeed(bad.id);
    const good = await store.addFeed(server.url('/rss'), { now: clock.now().toISOString() });
    await store.updateFeedPoll(good.id, { lastFetch: clock.now().toISOString(), failures: 5 });
    await poller.pollFeed((await store.getFeed(good.id))!);
    assert.deepEqual(recovered, [good.id]);
    assert.deepEqual(await store.failingFeeds(), []);
  });

  it('GIVEN a feed of excerpts THEN the full article replaces each excerpt, and a failed fetch keeps the excerpt', async () => {
    const asked: string[] = [];
    const { store, poller } = setup({
      fetchFullArticle: async (url) => {
        asked.push(url);
        if (asked.length === 2) throw new Error('page gone');
        return { text: `النص الكامل للخبر ${url}. ${'جملة إضافية من متن الخبر. '.repeat(30)}` };
      },
    });
    const r = await poller.pollFeed(await feed(store, server.url('/excerpts')));
    assert.equal(r.added, 3);
    assert.equal(asked.length, 3);
    assert.equal(r.fullText, 2);
    const texts = (await store.getArticles([1, 2, 3])).map((a) => a.text);
    assert.equal(texts.filter((t) => t.startsWith('النص الكامل')).length, 2);
    assert.equal(texts.filter((t) => t.endsWith('…')).length, 1);
  });

  it('GIVEN full texts that take minutes to fetch THEN every new article and its story are first seen at the poll start', async () => {
    const { store, poller, clock } = setup({
      fetchFullArticle: async (url) => {
        clock.advance(5 * 60_000);
        return { text: `النص الكامل للخبر ${url}. ${'جملة إضافية من متن الخبر. '.repeat(30)}` };
      },
    });
    const r = await poller.pollFeed(await feed(store, server.url('/excerpts')));
    assert.equal(r.added, 3);
    const start = new Date(T0).toISOString();
    assert.deepEqual((await store.getArticles([1, 2, 3])).map((a) => a.firstSeen), [start, start, start]);
    for (const id of [1, 2, 3]) assert.equal((await store.getStory((await store.storyOf(id))!))?.firstSeen, start, `story of article ${id}`);
  });

  it('GIVEN an analyzer THEN each new article gets its analysis stored with the feed date as reference', async () => {
    const seen: string[] = [];
    const analysis: Analysis = { sentences: [], brief: [], timeline: [], who: [], mentions: [], temporal: [], sources: [] };
    const { store, poller } = setup({
      analyze: (input) => {
        seen.push(`${input.reference} ${input.referenceTime ?? ''}`);
        return { ...analysis, id: input.id };
      },
      options: { analyzerVersion: 'test-1' },
    });
    await poller.pollFeed(await feed(store, server.url('/rss')));
    assert.deepEqual(seen.sort(), ['2017-06-18 10:21', '2017-06-18 11:47', '2017-06-18 16:46']);
    const saved = await store.getAnalysis(1);
    assert.equal(saved?.version, 'test-1');
    assert.equal(saved?.analysis.id, '1');
  });

  it('GIVEN a text one feed is analysing THEN another feed carrying it meanwhile waits for it to be stored instead of analysing it again', async () => {
    const analysis: Analysis = { sentences: [], brief: [], timeline: [], who: [], mentions: [], temporal: [], sources: [] };
    const titles: string[] = [];
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = (): void => undefined;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const { store, poller } = setup({
      analyze: async (input) => {
        titles.push(input.title ?? '');
        started();
        await gate;
        return { ...analysis, id: input.id };
      },
    });
    const first = poller.pollFeed(await feed(store, server.url('/rss')));
    await firstStarted;
    const second = poller.pollFeed(await feed(store, server.url('/republished')));
    // Let the second feed be read and reach its analyses while the first's are still running.
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.added, 3);
    assert.equal(b.added, 0);
    assert.equal(b.republished, 3);
    assert.equal(titles.length, 3, `analysed: ${titles.join(' | ')}`);
    for (const id of [1, 2, 3]) assert.ok(await store.getAnalysis(id), `article ${id} has its analysis`);
  });

  it('GIVEN a feed waiting to be stored THEN the next feed is read and analysed meanwhile, and no more than concurrency + storeBacklog feeds are in progress', { timeout: 20_000 }, async () => {
    const analysis: Analysis = { sentences: [], brief: [], timeline: [], who: [], mentions: [], temporal: [], sources: [] };
    const store = openStore(':memory:');
    // The first feed's storing is held (its first story assignment waits) until released.
    const { grouper, release, storing } = gatedGrouper(store);
    let analysedWhileStoring = (): void => undefined;
    const nextFeedAnalysed = new Promise<void>((resolve) => (analysedWhileStoring = resolve));
    const requested: string[] = [];
    const poller = new FeedPoller({
      store,
      fetcher: { get: (url, opts) => (requested.push(new URL(url).pathname), fetcher.get(url, opts)) },
      clock: new FakePollClock(T0),
      grouper,
      analyze: (input) => {
        if (storing()) analysedWhileStoring();
        return { ...analysis, id: input.id };
      },
      options: { timeoutMs: 3000, concurrency: 1, storeBacklog: 1 },
    });
    for (const path of ['/rss', '/atom', '/json']) await feed(store, server.url(path));
    const round = poller.pollDue();
    await nextFeedAnalysed;
    // Let anything else that could start do so: the third feed must wait for the first to be stored.
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(requested, ['/rss', '/atom']);
    release();
    const report = await round;
    assert.deepEqual(requested, ['/rss', '/atom', '/json']);
    assert.deepEqual(report.feeds.map((f) => [f.status, f.added]), [['ok', 3], ['ok', 2], ['ok', 2]]);
    assert.equal(await store.countArticles(), 7);
    for (const id of [1, 2, 3, 4, 5, 6, 7]) assert.ok(await store.getAnalysis(id), `article ${id} has its analysis`);
  });

  it('GIVEN a feed whose texts an earlier feed is analysing THEN it holds no reading slot while it waits, and the next feed is analysed meanwhile', { timeout: 20_000 }, async () => {
    const analysis: Analysis = { sentences: [], brief: [], timeline: [], who: [], mentions: [], temporal: [], sources: [] };
    const store = openStore(':memory:');
    const { grouper, release, storing } = gatedGrouper(store);
    const analysed: string[] = [];
    let atomWhileStoring = (): void => undefined;
    const atomAnalysed = new Promise<void>((resolve) => (atomWhileStoring = resolve));
    const poller = new FeedPoller({
      store,
      fetcher,
      clock: new FakePollClock(T0),
      grouper,
      analyze: (input) => {
        analysed.push(input.title ?? '');
        if (storing() && analysed.length > 3) atomWhileStoring();
        return { ...analysis, id: input.id };
      },
      options: { timeoutMs: 3000, concurrency: 1, storeBacklog: 2 },
    });
    for (const path of ['/rss', '/republished', '/atom']) await feed(store, server.url(path));
    const round = poller.pollDue();
    // The second feed carries the first's three texts: it waits for them to be stored, and the third feed goes on.
    await atomAnalysed;
    release();
    const report = await round;
    assert.deepEqual(report.feeds.map((f) => [f.status, f.added, f.republished]), [['ok', 3, 0], ['ok', 0, 3], ['ok', 2, 0]]);
    assert.equal(analysed.length, 5, `analysed: ${analysed.join(' | ')}`);
  });

  it('GIVEN one text twice in a feed THEN it is analysed once and stored once, with both items as its sources', async () => {
    const titles: string[] = [];
    const analysis: Analysis = { sentences: [], brief: [], timeline: [], who: [], mentions: [], temporal: [], sources: [] };
    const { store, poller } = setup({ analyze: (input) => (titles.push(input.title ?? ''), { ...analysis, id: input.id }) });
    const r = await poller.pollFeed(await feed(store, server.url('/with-copy')));
    assert.equal(r.added, 3);
    assert.equal(titles.length, 3, `analysed: ${titles.join(' | ')}`);
    assert.equal(await store.countArticles(), 3);
    const sources = store.db.prepare("SELECT COUNT(*) AS items, COUNT(DISTINCT article_id) AS articles FROM article_sources WHERE guid IN ('JA-internationalNews-1171-20170618', 'copy-1')").get();
    assert.deepEqual(sources, { items: 2, articles: 1 });
  });

  it('GIVEN a round whose feeds are read THEN onRead comes while its analyses still run, and a next round then polls the feed again, looks its items up once they are stored and analyses nothing twice', { timeout: 20_000 }, async () => {
    const analysis: Analysis = { sentences: [], brief: [], timeline: [], who: [], mentions: [], temporal: [], sources: [] };
    let analysed = 0;
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { store, clock, poller } = setup({ analyze: async (input) => (analysed++, await gate, { ...analysis, id: input.id }) });
    await feed(store, server.url('/grows'));
    let read = (): void => undefined;
    const firstRead = new Promise<void>((resolve) => (read = resolve));
    const order: string[] = [];
    const first = poller.pollDue({ leaseMs: 60_000, onRead: read }).then((r) => (order.push('first'), r));
    await firstRead;
    clock.advance(60_000);
    // The second round's body repeats a stored item's URL under a new guid: skipped, as in a poll after the store.
    const second = poller.pollDue({ leaseMs: 60_000 }).then((r) => (order.push('second'), r));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await store.countArticles(), 0, 'the first round waits for its analyses');
    release();
    const [a, b] = await Promise.all([first, second]);
    assert.deepEqual(order, ['first', 'second']);
    assert.deepEqual([a.feeds.map((f) => [f.status, f.added]), b.feeds.map((f) => [f.status, f.added])], [[['ok', 3]], [['ok', 0]]]);
    assert.equal(analysed, 3, 'each text analysed once');
    assert.equal(await store.countArticles(), 3);
    assert.equal(Number((store.db.prepare('SELECT COUNT(*) AS n FROM article_sources').get() as { n: number }).n), 3, 'the repeated URL is no new source');
  });

  it('GIVEN feeds whose reads end out of order THEN they are stored in the order they were claimed, so the same feeds give the same ids every run', { timeout: 20_000 }, async () => {
    const store = openStore(':memory:');
    const ids: number[] = [];
    for (const path of ['/rss', '/atom', '/json']) ids.push((await feed(store, server.url(path))).id);
    // The first feed's lease answers last (a busy database connection): its read starts after the others'.
    const renew = store.renewFeedLease.bind(store);
    store.renewFeedLease = async (feedId, lease) => {
      if (feedId === ids[0]) await new Promise((resolve) => setTimeout(resolve, 300));
      return renew(feedId, lease);
    };
    const poller = new FeedPoller({ store, fetcher, clock: new FakePollClock(T0), grouper: new StoryGrouper(store), options: { timeoutMs: 3000, concurrency: 3 } });
    const report = await poller.pollDue();
    assert.deepEqual(report.feeds.map((f) => [f.status, f.added]), [['ok', 3], ['ok', 2], ['ok', 2]]);
    const feedOfArticle = store.db.prepare('SELECT a.id, MIN(s.feed_id) AS feed FROM articles a JOIN article_sources s ON s.article_id = a.id GROUP BY a.id ORDER BY a.id').all() as { feed: number }[];
    assert.deepEqual(feedOfArticle.map((r) => r.feed), [ids[0], ids[0], ids[0], ids[1], ids[1], ids[2], ids[2]]);
    const stories = store.db.prepare('SELECT story_id FROM story_articles ORDER BY article_id').all() as { story_id: number }[];
    assert.deepEqual(stories.map((r) => r.story_id), [...stories.map((r) => r.story_id)].sort((a, b) => a - b), 'story ids follow the articles');
  });

  it('GIVEN a feed still being read THEN a second poll of it meanwhile is skipped', async () => {
    const { store, poller } = setup();
    const f = await feed(store, server.url('/rss'));
    const [a, b] = await Promise.all([poller.pollFeed(f), poller.pollFeed(f)]);
    assert.deepEqual([a.status, a.added, b.status], ['ok', 3, 'skipped']);
  });

  it('GIVEN two pollers over one store THEN each due feed is polled by one of them per interval, and by one again after it', async () => {
    const { store, clock, poller } = setup({ owner: 'one' });
    const other = new FeedPoller({ store, fetcher, clock, grouper: new StoryGrouper(store), owner: 'two', options: { timeoutMs: 3000 } });
    for (const path of ['/rss', '/atom', '/json']) await feed(store, server.url(path));
    const polled = async (): Promise<number[]> => {
      const rounds = await Promise.all([poller.pollDue({ leaseMs: 60_000 }), other.pollDue({ leaseMs: 60_000 })]);
      return rounds.flatMap((r) => r.feeds.map((f) => f.feedId)).sort();
    };
    assert.deepEqual(await polled(), [1, 2, 3]);
    clock.advance(59_000);
    assert.deepEqual(await polled(), [], 'not again within the interval');
    clock.advance(1000);
    assert.deepEqual(await polled(), [1, 2, 3]);
  });

  it('GIVEN a halted poller THEN the feeds it claimed but had not started are released for another instance', async () => {
    const analysis: Analysis = { sentences: [], brief: [], timeline: [], who: [], mentions: [], temporal: [], sources: [] };
    // Halted (as on SIGTERM) while its first feed is being read: the one started finishes.
    const { store, clock, poller } = setup({ owner: 'one', options: { concurrency: 1 }, analyze: () => (poller.halt(), analysis) });
    for (const path of ['/rss', '/atom', '/json']) await feed(store, server.url(path));
    const report = await poller.pollDue();
    assert.deepEqual(report.feeds.map((f) => f.status), ['ok', 'skipped', 'skipped']);
    assert.equal(report.added, 3);
    const skipped = [2, 3];
    const other = new FeedPoller({ store, fetcher, clock, owner: 'two', options: { timeoutMs: 3000 } });
    assert.deepEqual((await other.pollDue()).feeds.map((f) => f.feedId), skipped);
  });

  it('GIVEN startFeedPolling on a fake clock THEN it polls at once, again after the interval, and not after stop', async () => {
    const { store, poller, clock } = setup();
    await feed(store, server.url('/etag'));
    const rounds: number[] = [];
    let signal: () => void = () => {};
    const stop = startFeedPolling(poller, { clock, intervalMs: 60_000, onRound: (r) => { rounds.push(r.feeds.length); signal(); } });
    const nextRound = (): Promise<void> => new Promise((resolve) => (signal = resolve));
    await nextRound();
    assert.deepEqual(rounds, [1]);
    while (clock.pending === 0) await new Promise((r) => setImmediate(r));
    const second = nextRound();
    clock.advance(60_000);
    await second;
    assert.deepEqual(rounds, [1, 1]);
    await stop();
    clock.advance(600_000);
    assert.equal(clock.pending, 0);
    assert.deepEqual(rounds, [1, 1]);
  });
});

describe('the bundled sample feed', () => {
  it('GIVEN the configured local sample feed THEN it ingests 17 articles and counts re-publications as sources', async () => {
    const { store, poller } = setup({ localFeedPaths: [SAMPLE] });
    const f = await ensureLocalFeed(store, SAMPLE, new Date(T0).toISOString());
    const r = await poller.pollFeed(f);
    assert.equal(r.status, 'ok');
    assert.equal(r.items, 20);
    assert.equal(r.added, 17);
    assert.equal(r.republished, 3);
    const top = (await store.listStories({ limit: 100 })).sort((a, b) => b.sourceCount - a.sourceCount)[0];
    assert.equal(top?.sourceCount, 3);
  });

  it('GIVEN a file: feed that is not configured THEN it is refused with an Arabic message', async () => {
    const { store, poller } = setup({ localFeedPaths: [] });
    const f = await store.addFeed(localFeedUrl(SAMPLE), { now: new Date(T0).toISOString() });
    const r = await poller.pollFeed(f);
    assert.equal(r.status, 'failed');
    assert.equal(r.error?.code, 'local-path-not-allowed');
    assert.match(r.error?.userMessage ?? '', /ملفات محلية/);
  });
});
