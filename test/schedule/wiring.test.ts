import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeSender, startDigests } from '../../src/schedule/index.ts';
import { checkFeed } from '../../src/schedule/index.ts';
import { ChatGoneError } from '../../src/messages/sender.ts';
import { m } from '../../src/messages/model.ts';
import { openStore } from '../../src/store/index.ts';
import type { Fetcher, FetchResult } from '../../src/sources/http.ts';
import { userMessageOf } from '../../src/commands/errors.ts';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>أخبار تجريبية</title><link>https://news.example/</link><item><title>خبر</title><link>https://news.example/1</link></item></channel></rss>';
const PAGE = '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml" title="الخلاصة"></head><body>صفحة</body></html>';

function fetcherOf(pages: Record<string, { text: string; contentType: string }>): Fetcher {
  return {
    async get(url: string): Promise<FetchResult> {
      const page = pages[url];
      if (!page) throw Object.assign(new Error('404'), { userMessage: 'الصفحة غير موجودة.' });
      return { url, status: 200, notModified: false, charset: 'utf-8', ...page };
    },
  };
}

test('GIVEN senders by platform THEN a chat goes to its platform, and a missing platform is a retryable error', async () => {
  const got: string[] = [];
  const sender = routeSender({ telegram: { send: async (c) => void got.push(`tg ${c}`) }, discord: { send: async (c) => void got.push(`dc ${c}`) } });
  await sender.send('telegram:-1', { blocks: [m.paragraph('x')] });
  await sender.send('discord:5', { blocks: [m.paragraph('x')] });
  assert.deepEqual(got, ['tg telegram:-1', 'dc discord:5']);
  await assert.rejects(sender.send('matrix:1', { blocks: [] }), (err) => !(err instanceof ChatGoneError));
});

test('GIVEN a feed URL THEN checkFeed reads its title', async () => {
  const f = fetcherOf({ 'https://news.example/rss.xml': { text: RSS, contentType: 'application/rss+xml' } });
  assert.deepEqual(await checkFeed(f, 'https://news.example/rss.xml'), { url: 'https://news.example/rss.xml', title: 'أخبار تجريبية' });
});

test('GIVEN a web page that announces a feed THEN checkFeed follows it', async () => {
  const f = fetcherOf({
    'https://news.example/': { text: PAGE, contentType: 'text/html' },
    'https://news.example/rss.xml': { text: RSS, contentType: 'application/rss+xml' },
  });
  assert.equal((await checkFeed(f, 'https://news.example/')).url, 'https://news.example/rss.xml');
});

test('GIVEN a page with no feed THEN checkFeed fails with an Arabic message for the user', async () => {
  const f = fetcherOf({ 'https://news.example/a': { text: '<html><body>لا شيء</body></html>', contentType: 'text/html' } });
  const err = await checkFeed(f, 'https://news.example/a').then(() => undefined, (e: unknown) => e);
  assert.match(userMessageOf(err) ?? '', /[\u0600-\u06FF]/);
});

test('GIVEN the configuration THEN startDigests gives the commands their services with the configured defaults', async () => {
  const store = openStore(':memory:');
  const digests = await startDigests({
    config: { timezone: 'Asia/Riyadh', digest: { defaultTimes: ['08:00'], topN: 5, quietHours: '' } },
    store,
    senders: {},
    fetcher: fetcherOf({}),
    cron: () => ({ stop() {} }),
  });
  assert.deepEqual(digests.services.defaults, { times: ['08:00'], timezone: 'Asia/Riyadh', topN: 5, quietHours: '' });
  assert.ok('empty' in (await digests.services.scheduler.digestNow('telegram:-1')));
  await digests.stop();
});
