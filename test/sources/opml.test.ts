import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOpml, downloadFailure, OPML_MAX_BYTES, OPML_MAX_FEEDS, OpmlError, parseOpml } from '../../src/sources/opml.ts';
import { fetchErrors } from '../../src/sources/errors.ts';

const opml = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>t</title></head><body>${body}</body></opml>`;

test('GIVEN an OPML file from a feed reader THEN every feed at any depth comes out once, with its title', () => {
  const feeds = parseOpml(
    opml(
      '<outline text="أخبار"><outline text="الجزيرة" type="rss" xmlUrl="https://www.aljazeera.net/rss"/>' +
        '<outline title="BBC عربي" text="bbc" xmlUrl="https://feeds.bbci.co.uk/arabic/rss.xml"/></outline>' +
        '<outline text="مكرر" xmlUrl="https://www.aljazeera.net/rss"/><outline text="بلا رابط"/>' +
        '<outline text="ليس http" xmlUrl="ftp://example.com/rss"/><outline xmlUrl=" https://example.com/feed?a=1&amp;b=2 "/>',
    ),
  );
  assert.deepEqual(feeds, [
    { url: 'https://www.aljazeera.net/rss', title: 'الجزيرة' },
    { url: 'https://feeds.bbci.co.uk/arabic/rss.xml', title: 'BBC عربي' },
    { url: 'https://example.com/feed?a=1&b=2' },
  ]);
});

const BAD: Array<[string, string, RegExp]> = [
  ['not XML', 'hello <opml', /ليس ملف OPML/u],
  ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', /ليس ملف OPML/u],
  ['an OPML file without feeds', opml('<outline text="فارغ"/>'), /لا يحوي الملف أي خلاصة/u],
  ['too many feeds', opml(Array.from({ length: OPML_MAX_FEEDS + 1 }, (_, i) => `<outline xmlUrl="https://e.example/${i}"/>`).join('')), /والحد 200/u],
  ['a huge file', opml(`<outline text="${'ن'.repeat(OPML_MAX_BYTES)}" xmlUrl="https://e.example/"/>`), /أكبر من 512 كيلوبايت/u],
];
for (const [what, text, message] of BAD) {
  test(`GIVEN ${what} THEN an OpmlError says why in Arabic`, () => {
    assert.throws(() => parseOpml(text), (err: unknown) => err instanceof OpmlError && message.test(err.userMessage));
  });
}

test('GIVEN feeds with markup characters in their titles THEN the exported OPML reads back the same', () => {
  const feeds = [{ url: 'https://e.example/rss?a=1&b=2', title: 'أخبار "اليوم" <عاجل> & رياضة' }, { url: 'https://f.example/feed' }];
  const text = buildOpml('خلاصات موجز', feeds, new Date('2026-12-07T05:00:00Z'));
  assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/u);
  assert.match(text, /<dateCreated>Mon, 07 Dec 2026 05:00:00 GMT<\/dateCreated>/u);
  assert.deepEqual(parseOpml(text), [feeds[0], { url: 'https://f.example/feed', title: 'https://f.example/feed' }]);
});

test('GIVEN an attachment that cannot be downloaded THEN the message says so of the file, with what to do, never of a page or link', () => {
  const cases: [ReturnType<typeof downloadFailure>, RegExp][] = [
    [downloadFailure(fetchErrors.timeout(10_000), 10_000), /^تعذّر تنزيل الملف المرفق: لم يصل خلال 10 ثوانٍ\. أرفقه من جديد مع الأمر بعد قليل\.$/u],
    [downloadFailure(fetchErrors.timeout(10_000)), /^تعذّر تنزيل الملف المرفق: لم يصل في الوقت المحدد\./u],
    [downloadFailure(fetchErrors.httpStatus(403)), /^تعذّر تنزيل الملف المرفق \(403\): ربما انتهت صلاحية رابطه أو حُذف\. أرفقه من جديد مع الأمر\.$/u],
    [downloadFailure(fetchErrors.httpStatus(502)), /^تعذّر تنزيل الملف المرفق \(502\): خادم الملفات لم يسلّمه الآن\./u],
    [downloadFailure(fetchErrors.network('ECONNRESET')), /^تعذّر تنزيل الملف المرفق: لم أتمكن من الوصول إلى خادم الملفات\./u],
    [downloadFailure(fetchErrors.blocked('10.0.0.1')), /^تعذّر تنزيل الملف المرفق: لم أتمكن من الوصول إلى خادم الملفات\./u],
  ];
  for (const [error, said] of cases) {
    assert.ok(error instanceof OpmlError);
    assert.match(error.userMessage, said);
    assert.doesNotMatch(error.userMessage, /الصفحة|الرابط|الموقع|الخبر/u);
  }
});
