/**
 * Hostile inputs (issue 10): what a careless feed or a hostile user sends must cost time linear in
 * its size. Each bound is generous for a busy machine and fails on the code before the fix (where
 * these inputs took from 20 s to several minutes).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { extractArticle, flattenDeep, MAX_ANALYSED_CHARS } from '../../src/sources/page.ts';
import { articleInput } from '../../src/commands/analysis.ts';
import { analyze } from '../../src/core/analyze.ts';
import { parseFeed } from '../../src/sources/feed-parse.ts';
import { parseHTML } from 'linkedom';
import { ltFeed, nestedDivPage, PARAGRAPH, unpunctuatedText } from './inputs.ts';
import { m } from '../../src/messages/model.ts';
import { renderTelegramHtml } from '../../src/messages/render/html.ts';
import { renderDiscordContent } from '../../src/messages/render/discord.ts';
import { renderPlain } from '../../src/messages/render/plain.ts';
import { quoteArg } from '../../src/messages/quote.ts';
import { parseSubscribeArgs } from '../../src/schedule/spec.ts';
import { terminalSafe } from '../../src/cli/input.ts';
import { jsonSafe } from '../../src/cli/analyze.ts';
import { openStore } from '../../src/store/index.ts';
import { runCommand } from '../../src/commands/registry.ts';
import { ARTICLE, fakeContext, fakeServices } from '../commands/fakes.ts';
import { renderDigest, storyDetails, type StoryDetails } from '../../src/schedule/compose.ts';

/** Runs `fn` and returns its result with the wall time it took, ms. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

describe('hostile pages', () => {
  for (const depth of [1_500, 5_000]) {
    it(`GIVEN a page of ${depth} nested <div>s THEN the article is extracted in under 5 s (was 23 s / over 5 min)`, () => {
      const { value, ms } = timed(() => extractArticle(nestedDivPage(depth), 'https://example.com/a'));
      assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
      assert.deepEqual(value?.text.split('\n'), [PARAGRAPH, PARAGRAPH]);
    });
  }

  it('GIVEN nesting deeper than the cap THEN paragraphs stay paragraphs and no text is lost', () => {
    const html = `<html><body>${'<div><span>x</span>'.repeat(100)}<p>أ<b>ب</b>ج</p><p>د</p>${'</div>'.repeat(100)}</body></html>`;
    const { document } = parseHTML(html);
    const before = document.body.textContent;
    assert.ok(flattenDeep(document.body as unknown as Parameters<typeof flattenDeep>[0], 10) > 0);
    assert.equal(document.body.textContent, before);
    const ps = Array.from(document.querySelectorAll('p') as ArrayLike<{ textContent: string | null }>, (p) => p.textContent);
    assert.deepEqual(ps, ['أبج', 'د']);
  });
});

describe('hostile feeds', () => {
  it('GIVEN a description of 300 KB of "<" THEN the feed parses in under 5 s (was 65 s)', () => {
    const { value, ms } = timed(() => parseFeed(ltFeed(300_000)));
    assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
    assert.equal(value.items.length, 1);
    assert.equal(value.items[0]!.summary.length, 300_000);
  });
});

describe('careless feeds', () => {
  it('GIVEN JSON Feed items whose id is an object THEN each keeps a guid of its own', () => {
    const feed = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'خلاصة',
        items: [
          { id: { n: 1 }, title: 'أول', content_text: 'نص أول' },
          { id: { n: 2 }, title: 'ثان', content_text: 'نص ثان' },
          { id: {}, url: 'https://example.com/3', title: 'ثالث', content_text: 'نص ثالث' },
        ],
      }),
      'application/feed+json',
    );
    const guids = feed.items.map((it) => it.guid);
    assert.deepEqual(guids, ['{"n":1}', '{"n":2}', 'https://example.com/3']);
  });
});

describe('bidi controls and long arguments from users', () => {
  const RLO = '\u202E';
  const message = {
    blocks: [
      m.heading(`عنوان ${RLO}exe.txt`),
      m.paragraph(`ملف ${RLO}gpj.exe من مستخدم\u2069 و\u202Dنص`, m.link(`رابط${RLO}`, 'https://example.com/a')),
    ],
  };

  it('GIVEN an RLO or a stray isolate in a text THEN no renderer lets it through (their own isolates stay balanced)', () => {
    const outputs = [renderTelegramHtml(message), renderDiscordContent(message), renderPlain(message)];
    for (const out of outputs) {
      assert.ok(!/[\u202A-\u202E]/u.test(out), JSON.stringify(out));
      const opened = (out.match(/[\u2066-\u2068]/gu) ?? []).length;
      const closed = (out.match(/\u2069/gu) ?? []).length;
      assert.equal(opened, closed, JSON.stringify(out));
    }
  });

  it('GIVEN an RLO in an article THEN mojaz analyze prints none in text or JSON output', () => {
    assert.ok(!terminalSafe(`أ${RLO}ب`).includes(RLO));
    assert.equal(jsonSafe(JSON.stringify({ t: `أ${RLO}ب` })), '{"t":"أ\\u202eب"}');
    assert.equal(JSON.parse(jsonSafe(JSON.stringify({ t: `أ${RLO}ب` }))).t, `أ${RLO}ب`);
  });

  it('GIVEN a 6,000-character cron THEN the error quotes a short prefix and fits one message', () => {
    const result = parseSubscribeArgs(`"${'1 '.repeat(3_000)}"`);
    assert.ok('error' in result);
    assert.ok(result.error.length < 300, String(result.error.length));
    assert.match(result.error, /…/u);
  });

  it('GIVEN quoteArg THEN whitespace folds, bidi controls go, and a long text is cut whole-character', () => {
    assert.equal(quoteArg(`a\n\n b${RLO}c`), 'a bc');
    assert.equal(quoteArg('😀'.repeat(50), 3), '😀😀😀…');
  });
});

describe('feed items without a link', () => {
  it('GIVEN a story whose item has no link THEN the digest names its outlet and never prints an empty sources line', async () => {
    const store = openStore(':memory:');
    const now = '2026-11-24T05:00:00.000Z';
    const feed = await store.addFeed('https://news.example/rss', { now });
    const named = await store.upsertArticle({ feedId: feed.id, outlet: 'وكالة الأنباء', guid: 'a', title: 'خبر بلا رابط', text: 'نص خبر بلا رابط.', seenAt: now });
    const bare = await store.upsertArticle({ guid: 'b', title: 'خبر آخر', text: 'نص خبر آخر بلا رابط ولا مصدر.', seenAt: now });
    const one = await store.createStory(named.article.id, 'خبر بلا رابط', now);
    const two = await store.createStory(bare.article.id, 'خبر آخر', now);
    const details = new Map<number, StoryDetails>();
    for (const id of [one.id, two.id]) details.set(id, await storyDetails(store, (await store.getStory(id))!));
    const text = renderPlain(renderDigest([{ storyId: one.id, articleIds: [named.article.id], title: 'خبر بلا رابط' }, { storyId: two.id, articleIds: [bare.article.id], title: 'خبر آخر' }], details, { slot: new Date(now), timeZone: 'UTC' } as never));
    assert.match(text, /مصدر واحد: وكالة الأنباء/u);
    assert.doesNotMatch(text, /: *$/mu);
    await store.close();
  });

  it('GIVEN an http-only link THEN the link shown keeps http, and its https twin still dedupes', async () => {
    const store = openStore(':memory:');
    const now = '2026-11-24T05:00:00.000Z';
    const first = await store.upsertArticle({ url: 'http://old-site.example/news/1?utm_source=x', title: 'خبر', text: 'نص الخبر الأول هنا.', seenAt: now });
    assert.equal(first.article.url, 'http://old-site.example/news/1');
    const twin = await store.upsertArticle({ url: 'https://old-site.example/news/1', title: 'خبر', text: 'نص آخر مختلف تماما للخبر نفسه.', outlet: 'موقع آخر', seenAt: now });
    assert.equal(twin.article.id, first.article.id);
    await store.close();
  });
});

describe('a full disk', () => {
  it('GIVEN the store says the disk is full THEN /brief still answers the brief and says the article was not kept', async () => {
    const services = fakeServices();
    services.memory.rememberArticle = async () => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    const out = await runCommand('brief', fakeContext({ args: ARTICLE }), services);
    assert.equal(out.length, 2);
    assert.ok(JSON.stringify(out[0]).length > 200, 'the brief itself');
    assert.match(JSON.stringify(out[1]), /القرص|قرص الخادم ممتلئ/u);
  });
});

describe('long sentences', () => {
  it('GIVEN 1 MB of text without punctuation to /brief THEN the analysis reads a capped text and answers in under 10 s (was 26 s and more)', () => {
    const services = fakeServices();
    const input = articleInput(services, { text: unpunctuatedText(1_000_000) }, new Date('2024-01-05T12:00:00Z'));
    assert.ok(input.text.length <= MAX_ANALYSED_CHARS);
    assert.ok(!input.text.endsWith(' '));
    const { ms } = timed(() => analyze(input));
    assert.ok(ms < 10_000, `${ms.toFixed(0)} ms`);
  });
});
