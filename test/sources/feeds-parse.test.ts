import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FeedError, feedDate, parseFeed } from '../../src/sources/feed-parse.ts';
import { discoverFeeds } from '../../src/sources/feed-discover.ts';
import { htmlToText } from '../../src/sources/feed-text.ts';
import { looksLikeExcerpt } from '../../src/sources/feeds.ts';
import { backoffMs } from '../../src/ingest/poller.ts';
import { referenceFor } from '../../src/core/reference.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');

test('GIVEN an RSS 2.0 feed with content:encoded THEN items carry guid, link, title, dated offset, excerpt and full text', () => {
  const feed = parseFeed(fixture('rss.xml'));
  assert.equal(feed.format, 'rss');
  assert.equal(feed.title, 'جوهرة أف أم — دولي');
  assert.equal(feed.items.length, 3);
  const first = feed.items[0]!;
  assert.equal(first.guid, 'JA-internationalNews-1171-20170618');
  assert.equal(first.title, 'البحرين تمهل الجنود القطريين 48 ساعة للمغادرة');
  assert.equal(first.published, '2017-06-18T16:46:00+01:00');
  assert.match(first.url ?? '', /^http:\/\/www\.jawharafm\.net\//);
  assert.ok(first.summary.endsWith('…'));
  assert.ok((first.content ?? '').length > first.summary.length);
  assert.ok(!/<p>|&lt;/.test(first.content ?? ''), 'HTML is turned into text');
});

test('GIVEN an Atom feed THEN entries carry id, alternate link, published and content as text', () => {
  const feed = parseFeed(fixture('atom.xml'));
  assert.equal(feed.format, 'atom');
  assert.equal(feed.link, 'https://www.jawharafm.net/ar/');
  assert.equal(feed.items.length, 2);
  const e = feed.items[0]!;
  assert.equal(e.guid, 'urn:ant:JA-internationalNews-1248-20170619');
  assert.match(e.url ?? '', /jawharafm/);
  assert.equal(e.published, '2017-06-19T15:15:00+01:00');
  assert.match(e.content ?? '', /الصواريخ/);
  assert.ok(!(e.content ?? '').includes('<p>'));
});

test('GIVEN a JSON Feed THEN items carry id, url, date and content_text', () => {
  const feed = parseFeed(fixture('feed.json'), 'application/feed+json');
  assert.equal(feed.format, 'json');
  assert.equal(feed.items.length, 2);
  assert.equal(feed.items[0]!.guid, 'JA-internationalNews-1252-20170619');
  assert.match(feed.items[0]!.content ?? '', /غزة/);
});

test('GIVEN what is not a feed THEN parseFeed throws a FeedError with the Arabic message, never another error', () => {
  const cases: [string, string, string?][] = [
    ['malformed XML', fixture('malformed.xml')],
    ['an HTML page', fixture('page.html'), 'text/html'],
    ['well-formed XHTML', '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body/></html>'],
    ['JSON that is not a JSON Feed', '{"hello": "world"}', 'application/json'],
    ['broken JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', 'application/json'],
    ['plain text', 'مرحبا'],
    ['empty body', ''],
    ['rss without channel', '<rss version="2.0"></rss>'],
  ];
  for (const [name, body, type] of cases) {
    assert.throws(
      () => parseFeed(body, type),
      (err: unknown) => err instanceof FeedError && err.code === 'not-a-feed' && err.userMessage.startsWith('الرابط ليس موجز RSS/Atom صالحًا'),
      name,
    );
  }
});

test('GIVEN feed dates THEN they become ISO 8601 keeping their own offset', () => {
  const cases: [string, string | undefined][] = [
    ['Sun, 18 Jun 2017 16:46:00 +0100', '2017-06-18T16:46:00+01:00'],
    ['Fri, 8 Dec 2023 03:05 GMT', '2023-12-08T03:05:00+00:00'],
    ['08 Dec 2023 03:05:09 -0500', '2023-12-08T03:05:09-05:00'],
    ['2023-12-08T03:05:00+03:00', '2023-12-08T03:05:00+03:00'],
    ['2023-12-08', '2023-12-08'],
    // A day without a time stays a day (not midnight of the host's zone, which is another day elsewhere).
    ['Fri, 8 Dec 2023', '2023-12-08'],
    ['08 December 2023', '2023-12-08'],
    ['not a date', undefined],
    ['', undefined],
  ];
  for (const [raw, want] of cases) assert.equal(feedDate(raw), want, raw);
});

test('GIVEN item texts THEN looksLikeExcerpt flags short ones and those ending with an ellipsis', () => {
  const long = 'كلمة '.repeat(120);
  const cases: [string, boolean][] = [
    ['قصير', true],
    [long, false],
    [`${long}…`, true],
    [`${long} [...]`, true],
    [`${long}[…]`, true],
    [`${long}...`, true],
  ];
  for (const [text, want] of cases) assert.equal(looksLikeExcerpt(text), want, text.slice(-10));
});

test('GIVEN failures in a row THEN the backoff doubles from the poll interval up to the cap', () => {
  const cases: [number, number][] = [
    [0, 0],
    [1, 10],
    [2, 20],
    [3, 40],
    [6, 320],
    [7, 360],
    [20, 360],
  ];
  for (const [failures, minutes] of cases) assert.equal(backoffMs(failures, 10, 360), minutes * 60_000, `failures=${failures}`);
});

test('GIVEN a publication value THEN the analyzer reference is its own calendar day and time', () => {
  const now = new Date('2026-01-01T22:30:00Z');
  assert.deepEqual(referenceFor('2017-06-18T16:46:00+01:00', now, 'UTC'), { reference: '2017-06-18', referenceTime: '16:46' });
  assert.deepEqual(referenceFor('2017-06-18', now, 'UTC'), { reference: '2017-06-18' });
  assert.deepEqual(referenceFor(undefined, now, 'Asia/Riyadh'), { reference: '2026-01-02', referenceIsToday: true });
  assert.deepEqual(referenceFor('Sun, 18 Jun 2017 16:46:00 +0100', now, 'UTC'), { reference: '2017-06-18', referenceTime: '16:46' });
});

test('GIVEN an HTML page THEN discoverFeeds lists its alternate feeds as absolute URLs', () => {
  const found = discoverFeeds(fixture('page.html'), 'https://news.example/section/');
  assert.deepEqual(found, [
    { url: 'https://news.example/feeds/rss.xml', type: 'application/rss+xml', title: 'الأخبار & التقارير' },
    { url: 'https://news.example/atom.xml', type: 'application/atom+xml' },
    { url: 'https://news.example/feed.json', type: 'application/feed+json' },
  ]);
});

test('GIVEN HTML fragments THEN htmlToText keeps text and paragraphs only', () => {
  const cases: [string, string][] = [
    ['<p>سطر أول</p><p>سطر &amp; ثان</p>', 'سطر أول\nسطر & ثان'],
    ['نص<br/>بعد فاصل', 'نص\nبعد فاصل'],
    ['<script>alert(1)</script><b>مهم</b>', 'مهم'],
    ['&#1576;&#x0627;&nbsp;ب', 'با ب'],
    ['بلا وسوم', 'بلا وسوم'],
  ];
  for (const [html, want] of cases) assert.equal(htmlToText(html), want, html);
});
