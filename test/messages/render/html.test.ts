import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeAttribute, escapeHtml, renderTelegramHtml, renderTelegramParts } from '../../../src/messages/render/html.ts';
import { FSI, PDI, RLM, stripBidiMarks } from '../../../src/messages/render/bidi.ts';
import { m, type Message } from '../../../src/messages/model.ts';

const ALLOWED_TAG = /^<\/?(b|i|code|a)( href="[^"]*")?>$/u;

describe('Telegram HTML escaping', () => {
  const cases: Array<[string, string]> = [
    ['a < b & c > d', 'a &lt; b &amp; c &gt; d'],
    ['<b>ليس وسمًا</b>', '&lt;b&gt;ليس وسمًا&lt;/b&gt;'],
    ['&amp; كما هي', '&amp;amp; كما هي'],
  ];
  for (const [input, expected] of cases) {
    it(`GIVEN "${input}" THEN "${expected}"`, () => assert.equal(escapeHtml(input), expected));
  }
  it('GIVEN a quote in an attribute THEN it is escaped', () => {
    assert.equal(escapeAttribute('https://a.example/?q="x"&y=<1>'), 'https://a.example/?q=&quot;x&quot;&amp;y=&lt;1&gt;');
  });
});

describe('renderTelegramHtml', () => {
  it('GIVEN every block kind THEN allowed tags only, text escaped, links as <a href>', () => {
    const msg: Message = {
      blocks: [
        m.heading('عنوان <مهم>'),
        m.paragraph(m.text('نص & '), m.bold('غامق'), m.text(' '), m.italic('مائل'), m.text(' '), m.code('x<y')),
        m.paragraph(m.link('الرابط', 'https://a.example/?a=1&b="2"')),
        m.list([['أول'], ['ثان']], true),
        m.separator(),
      ],
    };
    const html = renderTelegramHtml(msg);
    assert.equal(
      html,
      [
        '<b>عنوان &lt;مهم&gt;</b>',
        'نص &amp; <b>غامق</b> <i>مائل</i> <code>x&lt;y</code>',
        '',
        '<a href="https://a.example/?a=1&amp;b=&quot;2&quot;">الرابط</a>',
        '',
        '1. أول\n2. ثان',
        '',
        '———',
      ].join('\n'),
    );
    for (const tag of html.match(/<[^>]*>/gu) ?? []) assert.match(tag, ALLOWED_TAG);
  });

  it('GIVEN a Latin name inside an Arabic line THEN it is isolated, in its own piece too', () => {
    const html = renderTelegramHtml({ blocks: [m.paragraph(m.text('قال '), m.bold('Joe Biden'), m.text(' إن 78 هجومًا'))] });
    assert.equal(html, `قال <b>${FSI}Joe Biden${PDI}</b> إن ${FSI}78${PDI} هجومًا`);
  });

  it('GIVEN an Arabic line that starts with Latin THEN it starts with RLM', () => {
    const html = renderTelegramHtml({ blocks: [m.list([[m.bold('Reuters'), m.text(' — وكالة أنباء')]])] });
    assert.equal(html, `• ${RLM}<b>${FSI}Reuters${PDI}</b> — وكالة أنباء`);
  });

  it('GIVEN a link THEN its href carries no bidi mark', () => {
    const html = renderTelegramHtml({ blocks: [m.paragraph(m.text('رابط: '), m.link('https://a.example/x', 'https://a.example/x'))] });
    assert.match(html, /href="https:\/\/a\.example\/x"/u);
  });

  it('GIVEN a left-to-right message THEN no marks are added', () => {
    const html = renderTelegramHtml({ direction: 'ltr', blocks: [m.paragraph('قال Joe Biden')] });
    assert.equal(html, 'قال Joe Biden');
  });

  it('GIVEN a link with a javascript: URL THEN it is rendered as text', () => {
    assert.equal(renderTelegramHtml({ blocks: [m.paragraph(m.link('اضغط', 'javascript:alert(1)'))] }), 'اضغط');
  });
});

describe('renderTelegramParts', () => {
  const longItem = (n: number): string =>
    `البند ${n}: قال المتحدث إن <الوضع> & الأمن مستقران في المدينة منذ أسابيع. وأضاف أن Joe Biden اتصل مرتين؟ نعم.`;

  for (const limit of [4096, 700, 150]) {
    it(`GIVEN a long message and limit ${limit} THEN every part fits, has balanced allowed tags, and no text is lost`, () => {
      const msg: Message = {
        blocks: [
          m.heading('الخط الزمني'),
          m.list(Array.from({ length: 80 }, (_, n) => [m.bold(`${n + 1} ديسمبر`), m.text(' — '), m.text(longItem(n))])),
          m.paragraph(m.bold(Array.from({ length: 40 }, (_, n) => longItem(n)).join(' '))),
        ],
        buttons: [[{ kind: 'action', label: 'من هم؟', action: 'who:abc' }]],
      };
      const parts = renderTelegramParts(msg, limit);
      assert.ok(parts.length > 1);
      for (const part of parts) {
        assert.ok(part.text.length <= limit, `part of ${part.text.length}`);
        const tags = part.text.match(/<[^>]*>/gu) ?? [];
        for (const tag of tags) assert.match(tag, ALLOWED_TAG);
        assert.equal(tags.filter((t) => t.startsWith('</')).length * 2, tags.length, 'balanced tags');
        assert.doesNotMatch(part.text, /&(?!(amp|lt|gt|quot);)/u, 'no cut entity');
      }
      assert.deepEqual(parts.map((p) => Boolean(p.buttons)), parts.map((_, i) => i === parts.length - 1));
      const plain = (s: string): string =>
        stripBidiMarks(s.replace(/<[^>]*>/gu, '').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&'))
          .replace(/\s+/gu, '');
      assert.equal(parts.map((p) => plain(p.text)).join(''), plain(renderTelegramHtml(msg)));
      const words = (s: string): string[] =>
        stripBidiMarks(s.replace(/<[^>]*>/gu, ' ')).split(/\s+/u).filter(Boolean);
      const known = new Set(words(renderTelegramHtml(msg)));
      for (const part of parts) for (const word of words(part.text)) assert.ok(known.has(word), `cut word: ${word}`);
    });
  }
});
