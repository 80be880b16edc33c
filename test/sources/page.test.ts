import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extractArticle, fetchArticle, isoDate, stripInert } from '../../src/sources/page.ts';
import { createFetcher } from '../../src/sources/http.ts';
import { FetchError, PageError, isSourceError } from '../../src/sources/errors.ts';
import { startHttpServer, type TestServer } from '../fakes/http-server.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url));
const expected = (name: string): { title: string; published: string; paragraphs: string[]; captions?: string[] } =>
  JSON.parse(fixture(name).toString('utf8'));
/** What a browser shows of a paragraph: HTML whitespace (incl. no-break spaces) collapsed. */
const shown = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();

const P1 =
  'نشرت وسائل إعلام كندية مساء اليوم الاثنين صورا و معلومات حول ضحايا الهجوم الإرهابي الذي استهدف أمس مصلين أثناء صلاة العشاء في مسجد بمدينة كيبيك الكندية.';
const P2 =
  'و من بين ضحايا الهجوم الإرهابي أيضا خالد بلقاسمي من أصول جزائرية، كان بروفسورا في الهندسة الغذائية بكلية علوم الزراعة و التغذية بجامعة لافال الكندية.';

/** A small article page with `head` markup and `extra` body markup. */
const page = (head: string, extra = ''): string =>
  `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>عنوان الخبر</title>${head}</head>` +
  `<body><article><h1>عنوان الخبر</h1>${extra}<p>${P1}</p><p>${P2}</p></article></body></html>`;

describe('extractArticle on a real-looking Arabic news page', () => {
  const want = expected('quebec-attack.expected.json');
  const article = extractArticle(fixture('quebec-attack.html').toString('utf8'), 'https://www.jawharafm.net/ar/article/77039');

  it('GIVEN the page THEN returns the title without the site suffix', () => {
    assert.equal(article?.title, want.title);
  });

  it('GIVEN the page THEN keeps each paragraph and caption as one line, in order', () => {
    assert.deepEqual(article?.text.split('\n'), [...want.paragraphs, ...(want.captions ?? [])].map(shown));
  });

  it('GIVEN diacritics and shadda in the source THEN keeps the Arabic exactly as written', () => {
    for (const word of ['أيْضا', 'المُسلمة', 'مصّلين', 'المقربيّن', 'يدرّس']) assert.ok(article?.text.includes(word), word);
  });

  it('GIVEN menus, share bar, "اقرأ أيضا" box, sidebar, tags and scripts THEN none of them is in the text', () => {
    for (const junk of ['اقرأ أيضا', 'ترودو', 'فيسبوك', 'شارك', 'وطنية', 'الأكثر قراءة', 'كلمات مفتاحية', 'dataLayer', 'جميع الحقوق', '30 جانفي 2017']) {
      assert.ok(!article?.text.includes(junk), junk);
    }
  });

  it('GIVEN JSON-LD and og:site_name THEN returns the published date with its offset and the site name', () => {
    assert.equal(article?.published, '2017-01-30T22:16:00+01:00');
    assert.equal(article?.siteName, 'جوهرة أف أم');
  });
});

describe('extractArticle edge cases', () => {
  it('GIVEN a home page of headlines THEN returns null', () => {
    assert.equal(extractArticle(fixture('home-page.html').toString('utf8'), 'https://example.com/'), null);
  });

  it('GIVEN a page with only a short text THEN returns null', () => {
    const html = '<html><body><article><h1>عنوان</h1><p>الصفحة غير موجودة.</p></article></body></html>';
    assert.equal(extractArticle(html, 'https://example.com/x'), null);
  });

  it('GIVEN an empty or non-HTML string THEN returns null without throwing', () => {
    assert.equal(extractArticle('', 'https://example.com/'), null);
    assert.equal(extractArticle('{"a": 1}', 'https://example.com/'), null);
  });

  it('GIVEN entities and <br> THEN decodes them and breaks the line', () => {
    const html = page('', `<p>قال &quot;لا&quot; &amp; غادر&#160;القاعة<br>ثم عاد ${P1}</p>`);
    const text = extractArticle(html, 'https://example.com/a')?.text ?? '';
    assert.ok(text.includes('قال "لا" & غادر القاعة\nثم عاد'), text);
  });

  it('GIVEN an inline "إقرأ أيضا" link paragraph THEN drops it and keeps the story', () => {
    const html = page('', '<p><strong>إقرأ أيضا:</strong> <a href="/x">خبر آخر لا علاقة له</a></p>');
    const text = extractArticle(html, 'https://example.com/a')?.text ?? '';
    assert.ok(!text.includes('خبر آخر'), text);
    assert.deepEqual(text.split('\n'), [P1, P2]);
  });

  it('GIVEN a story paragraph that starts with "شارك" THEN keeps it', () => {
    const story = `شارك الرئيس في القمة الطارئة التي عقدت في العاصمة مساء أمس، ${P2}`;
    const html = page('', `<p>${story}</p>`);
    assert.ok(extractArticle(html, 'https://example.com/a')?.text.includes(story));
  });

  it('GIVEN a date inside a sentence THEN keeps it', () => {
    const html = page('', `<p>وقع الهجوم يوم <time datetime="2023-12-08">الجمعة</time> الماضي قرب السفارة، ${P2}</p>`);
    assert.ok(extractArticle(html, 'https://example.com/a')?.text.includes('يوم الجمعة الماضي'));
  });

  it('GIVEN an old table layout with <br><br> between paragraphs THEN returns one line per paragraph', () => {
    const html =
      '<html><head><title>عنوان الخبر</title></head><body><table><tr><td><a href="/">الرئيسية</a></td></tr>' +
      `<tr><td><div class="newsText">${P1}<br><br>${P2}</div></td></tr></table></body></html>`;
    assert.deepEqual(extractArticle(html, 'https://example.com/a')?.text.split('\n'), [P1, P2]);
  });

  it('GIVEN a short story under a long comments section THEN returns the story, not the comments', () => {
    const comment = 'هذا تعليق طويل من أحد القراء على الخبر، يكرر رأيه في الموضوع ويضيف تفاصيل لا علاقة لها بالنص. ';
    const comments = Array.from({ length: 30 }, (_, i) => `<div class="comment-body"><p>${i} ${comment.repeat(3)}</p></div>`).join('');
    const html = `${page('').replace('</body>', `<section id="comments">${comments}</section></body>`)}`;
    const text = extractArticle(html, 'https://example.com/a')?.text ?? '';
    assert.deepEqual(text.split('\n'), [P1, P2]);
  });

  it('GIVEN a "site | headline" <title> and the headline in an <h1> THEN the title is the headline', () => {
    const html = page('').replace('<title>عنوان الخبر</title>', '<title>موقع الأخبار | انفجار حافلة في اسطنبول</title>')
      .replace('<h1>عنوان الخبر</h1>', '<h1>انفجار حافلة في اسطنبول</h1>');
    const article = extractArticle(html, 'https://example.com/a');
    assert.equal(article?.title, 'انفجار حافلة في اسطنبول');
    assert.deepEqual(article?.text.split('\n'), [P1, P2]);
  });

  const stamps: Array<[string, string]> = [
    ['above', '<div class="date">01 جوان 2017 - 13:29</div>'],
    ['above, ISO', '<div class="date">2017-06-01T13:29:00+01:00</div>'],
    ['above, with weekday', '<div class="date">الخميس 1 يونيو 2017</div>'],
  ];
  for (const [where, stamp] of stamps) {
    it(`GIVEN a date stamp line ${where} the story THEN drops it`, () => {
      const article = extractArticle(page('', stamp), 'https://example.com/a');
      assert.deepEqual(article?.text.split('\n'), [P1, P2]);
    });
  }

  it('GIVEN a date stamp below the story THEN drops it; GIVEN a short numeric line that is no date THEN keeps it', () => {
    const below = page('').replace('</article>', '<div class="updated">آخر تحديث: 2017/06/01</div></article>');
    assert.deepEqual(extractArticle(below, 'https://example.com/a')?.text.split('\n'), [P1, P2]);
    const lead = extractArticle(page('', '<p>قتل 3 أشخاص وجرح 12</p>'), 'https://example.com/a');
    assert.deepEqual(lead?.text.split('\n'), ['قتل 3 أشخاص وجرح 12', P1, P2]);
  });

  it('GIVEN a whole page wrapped in one <form> (ASP.NET sites) THEN still finds the story', () => {
    const html = page('').replace('<body>', '<body><form id="form1" method="post" action="./news.aspx">').replace('</body>', '</form></body>');
    assert.deepEqual(extractArticle(html, 'https://example.com/a')?.text.split('\n'), [P1, P2]);
  });

  it('GIVEN no site name THEN falls back to the host without www', () => {
    assert.equal(extractArticle(page(''), 'https://www.example.com/a')?.siteName, 'example.com');
  });
});

describe('published date sources', () => {
  const widget = '<header class="top"><time datetime="2026-11-24">الثلاثاء 24 نوفمبر 2026</time></header>';
  // [what, <head> markup, markup before the story, expected, markup before the article]
  const cases: Array<[string, string, string, string | undefined, string?]> = [
    ['article:published_time', '<meta property="article:published_time" content="2023-12-08T09:30:00+03:00">', '', '2023-12-08T09:30:00+03:00'],
    ['JSON-LD NewsArticle', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-12-08"}</script>', '', '2023-12-08'],
    ['JSON-LD @graph', '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2023-12-08T06:00:00Z"}]}</script>', '', '2023-12-08T06:00:00Z'],
    ['JSON-LD array', '<script type="application/ld+json">[{"@type":"Organization"},{"datePublished":"2023-12-07 22:15"}]</script>', '', '2023-12-07T22:15'],
    ['broken JSON-LD, then <time>', '<script type="application/ld+json">{not json</script>', '<time datetime="2023-12-06">6 ديسمبر</time>', '2023-12-06'],
    ['<time datetime> only', '', '<p>نشر في <time datetime="2023-12-05T10:00:00+03:00">5 ديسمبر</time></p>', '2023-12-05T10:00:00+03:00'],
    ['a "today" widget in the site header, the date in the story', '', '<p>نشر في <time datetime="2023-12-05">5 ديسمبر</time></p>', '2023-12-05', widget],
    ['meta wins over JSON-LD', '<meta property="article:published_time" content="2023-12-08"><script type="application/ld+json">{"datePublished":"2020-01-01"}</script>', '', '2023-12-08'],
    ['RFC 2822 date in meta', '<meta name="pubdate" content="Fri, 08 Dec 2023 09:30:00 GMT">', '', '2023-12-08T09:30:00.000Z'],
    ['nonsense date then nothing', '<meta property="article:published_time" content="قريبا">', '', undefined],
    ['no date at all', '', '', undefined],
    ['only a "today" widget in the site header', '', '', undefined, widget],
  ];
  for (const [what, head, extra, want, before = ''] of cases) {
    it(`GIVEN ${what} THEN published is ${want ?? 'absent'}`, () => {
      const article = extractArticle(page(head, extra).replace('<body>', `<body>${before}`), 'https://example.com/a');
      assert.ok(article, 'article expected');
      assert.equal(article.published, want);
    });
  }

  it('GIVEN date strings THEN isoDate keeps ISO forms and converts others', () => {
    assert.equal(isoDate('2023-12-08'), '2023-12-08');
    assert.equal(isoDate(' 2023-12-08T09:30:00+0300 '), '2023-12-08T09:30:00+03:00');
    assert.equal(isoDate('December 8, 2023 09:30 UTC'), '2023-12-08T09:30:00.000Z');
    assert.equal(isoDate('yesterday'), undefined);
    assert.equal(isoDate(null), undefined);
  });
});

describe('fetchArticle against a loopback server', () => {
  let server: TestServer;
  const fetcher = createFetcher({ allowHosts: ['127.0.0.1'], timeoutMs: 3000, maxBytes: 2_000_000, maxRedirects: 2, userAgent: 't' });
  before(async () => {
    server = await startHttpServer({
      '/nice': { headers: { 'content-type': 'text/html' }, body: fixture('nice-attack-1256.html') },
      '/quebec': { redirect: '/quebec-final' },
      '/quebec-final': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: fixture('quebec-attack.html') },
      '/home': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: fixture('home-page.html') },
      '/feed': { headers: { 'content-type': 'application/rss+xml' }, body: '<rss><channel></channel></rss>' },
      '/gone': { status: 404, body: 'gone' },
    });
  });
  after(() => server.close());

  it('GIVEN a windows-1256 page declared only in <meta http-equiv> THEN returns its paragraphs decoded', async () => {
    const want = expected('nice-attack-1256.expected.json');
    const article = await fetchArticle(fetcher, server.url('/nice'));
    assert.equal(article.title, want.title);
    assert.deepEqual(article.text.split('\n'), want.paragraphs.map(shown));
    assert.equal(article.published, '2016-07-19');
    assert.equal(article.url, server.url('/nice'));
  });

  it('GIVEN a redirect THEN reports the final URL', async () => {
    const article = await fetchArticle(fetcher, server.url('/quebec'));
    assert.equal(article.url, server.url('/quebec-final'));
    assert.equal(article.published, '2017-01-30T22:16:00+01:00');
  });

  it('GIVEN a page with no article THEN throws no-article with the Arabic message', async () => {
    await assert.rejects(fetchArticle(fetcher, server.url('/home')), (err: unknown) => {
      assert.ok(err instanceof PageError);
      assert.equal(err.code, 'no-article');
      assert.match(err.userMessage, /لم أجد نص خبر في هذه الصفحة/);
      return true;
    });
  });

  it('GIVEN a feed instead of a page THEN throws not-html', async () => {
    await assert.rejects(fetchArticle(fetcher, server.url('/feed')), (err: unknown) => {
      assert.ok(err instanceof PageError);
      assert.equal(err.code, 'not-html');
      return true;
    });
  });

  it('GIVEN a fetch failure THEN the FetchError passes through with its Arabic message', async () => {
    await assert.rejects(fetchArticle(fetcher, server.url('/gone')), (err: unknown) => {
      assert.ok(err instanceof FetchError && isSourceError(err));
      assert.equal(err.code, 'http-status');
      assert.match(err.userMessage, /الصفحة غير موجودة/);
      return true;
    });
  });
});

describe('stripInert', () => {
  const ld = '<script type="application/ld+json">{"datePublished":"2023-12-08"}</script>';
  const cases: Array<[string, string, string]> = [
    ['a script', '<p>أ</p><script>var a = "<p>x</p>";</script><p>ب</p>', '<p>أ</p><p>ب</p>'],
    ['JSON-LD is kept', `<head>${ld}</head>`, `<head>${ld}</head>`],
    ['style, svg and comment', '<style>p{}</style><svg viewBox="0 0 1 1"><path d="M0"/></svg><!-- x --><p>نص</p>', '<p>نص</p>'],
    ['upper case and a spaced closer', '<SCRIPT src="a.js"></SCRIPT ><p>نص</p>', '<p>نص</p>'],
    ['a comment inside a script goes with it', '<script>/* <!-- */</script><p>نص</p>', '<p>نص</p>'],
    ['an unclosed script leaves the rest', '<p>نص</p><script>never closed <p>more</p>', '<p>نص</p><script>never closed <p>more</p>'],
    ['an unclosed comment leaves the rest', '<p>نص</p><!-- open', '<p>نص</p><!-- open'],
    ['no inert markup', '<p>نص &amp; نص</p>', '<p>نص &amp; نص</p>'],
    ['letters that lengthen when lowered', '<p>İİİ</p><SCRIPT>x</SCRIPT><p>ب</p>', '<p>İİİ</p><p>ب</p>'],
  ];
  for (const [what, html, want] of cases) {
    it(`GIVEN ${what} THEN ${JSON.stringify(want).slice(0, 50)}`, () => {
      assert.equal(stripInert(html), want);
    });
  }

  it('GIVEN thousands of broken openers THEN returns the input unchanged', () => {
    const junk = '<svg'.repeat(20_000);
    assert.equal(stripInert(junk), junk);
  });
});
