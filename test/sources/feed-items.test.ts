import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FeedItemMemo, splitFeedItems } from '../../src/sources/feed-items.ts';
import { parseFeed, type FeedItem, type ParsedFeed } from '../../src/sources/feed-parse.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');

const rssItem = (n: number, extra = ''): string =>
  `<item><title>خبر ${n}</title><link>https://a.example/n/${n}</link><guid>g${n}</guid><pubDate>Mon, 0${n} Jan 2024 10:00:00 GMT</pubDate>` +
  `<description>ملخص &amp; ${n}</description><content:encoded><![CDATA[<p>نص الخبر ${n} كاملا</p>]]></content:encoded>${extra}</item>`;
const rss = (items: string[], between = '\n'): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>أ</title><link>https://a.example/</link>${between}${items.join(between)}${between}</channel></rss>`;
const atomEntry = (n: number): string =>
  `<entry><id>urn:e${n}</id><title>مدخل ${n}</title><link rel="alternate" href="https://a.example/e/${n}"/><published>2024-01-0${n}T10:00:00Z</published><content type="html">&lt;p&gt;نص ${n}&lt;/p&gt;</content></entry>`;
const atom = (entries: string[]): string => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>ب</title>${entries.join('')}</feed>`;

/** A parsed feed with each item's lazily converted fields read, for comparing. */
const plain = (feed: ParsedFeed): unknown => ({ ...feed, items: feed.items.map((it: FeedItem) => ({ ...it, summary: it.summary, content: it.content })) });

test('GIVEN feed bodies THEN splitFeedItems cuts them at their items, or gives up when unsure', () => {
  const cases: { name: string; xml: string; tag?: 'item' | 'entry'; items: number | undefined }[] = [
    { name: 'RSS', xml: rss([rssItem(1), rssItem(2)]), items: 2 },
    { name: 'the fixture RSS', xml: fixture('rss.xml'), items: 3 },
    { name: 'the fixture Atom', xml: fixture('atom.xml'), tag: 'entry', items: 2 },
    { name: 'an item in a comment and one in CDATA', xml: rss([rssItem(1, '<!-- <item> --><x><![CDATA[</item><item>]]></x>'), rssItem(2)]), items: 2 },
    { name: 'a quoted ">" and "<item>" in an attribute', xml: rss([rssItem(1, `<x a="1 > 0" b='<item>'/>`), rssItem(2)]), items: 2 },
    { name: '<items> and an empty <item/> are not items', xml: rss([rssItem(1)], '<items>0</items><item/>'), items: 1 },
    { name: 'a DOCTYPE may declare entities', xml: `<!DOCTYPE rss [<!ENTITY x "y">]>${rss([rssItem(1)])}`, items: undefined },
    { name: 'an item inside an item', xml: rss([rssItem(1, rssItem(2))]), items: undefined },
    { name: 'an unterminated comment', xml: rss([rssItem(1)]).replace('</channel>', '<!-- </channel>'), items: undefined },
    { name: 'no items', xml: rss([]), items: undefined },
  ];
  for (const c of cases) {
    const split = splitFeedItems(c.xml, c.tag ?? 'item');
    assert.equal(split?.items.length, c.items, c.name);
    if (split) {
      assert.equal(split.gaps.length, split.items.length + 1, c.name);
      assert.equal(split.gaps.map((g, i) => g + (split.items[i] ?? '')).join(''), c.xml, `${c.name}: the parts make the body again`);
      assert.ok(split.items.every((raw) => raw.startsWith(`<${c.tag ?? 'item'}`)), c.name);
    }
  }
});

test('GIVEN a feed polled again with new items on top THEN the memo gives what parseFeed gives, reusing the items it had', () => {
  const bodies: [string, string, string][] = [
    ['RSS', rss([rssItem(3), rssItem(2), rssItem(1)]), rss([rssItem(5), rssItem(4), rssItem(3), rssItem(2)])],
    ['Atom', atom([atomEntry(2), atomEntry(1)]), atom([atomEntry(3), atomEntry(2)])],
    ['RSS, the channel elements between the items', rss([rssItem(2), rssItem(1)], '<category>c</category>'), rss([rssItem(3), rssItem(2), rssItem(1)], '<category>d</category>')],
  ];
  for (const [name, first, second] of bodies) {
    const memo = new FeedItemMemo();
    const a = memo.parse(1, first);
    assert.deepEqual(plain(a), plain(parseFeed(first)), name);
    const b = memo.parse(1, second);
    assert.deepEqual(plain(b), plain(parseFeed(second)), name);
    const shared = b.items.filter((it) => a.items.includes(it));
    assert.equal(shared.length, b.items.filter((it) => a.items.some((x) => x.guid === it.guid)).length, `${name}: every item seen before is reused`);
    assert.ok(shared.length > 0, name);
    // Another feed with the same body shares nothing.
    assert.ok(memo.parse(2, second).items.every((it) => !b.items.includes(it)), `${name}: feeds apart`);
  }
});

test('GIVEN a changed body that is malformed or not a feed THEN the memo throws what parseFeed throws', () => {
  const first = rss([rssItem(2), rssItem(1)]);
  const cases: [string, string][] = [
    ['a broken new item', rss([rssItem(3).replace('</title>', ''), rssItem(2), rssItem(1)])],
    ['a broken channel', rss([rssItem(3), rssItem(2), rssItem(1)]).replace('</channel>', '')],
    ['an HTML page', '<html><body><item>x</item></body></html>'],
  ];
  for (const [name, second] of cases) {
    const memo = new FeedItemMemo();
    memo.parse(1, first);
    const expected = (() => {
      try {
        parseFeed(second);
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    })();
    assert.throws(() => memo.parse(1, second), (err: Error) => err.message === expected, name);
  }
});
