import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeDiscord, renderDiscord, DISCORD_MESSAGE_LIMIT } from '../../../src/messages/render/discord.ts';
import { m, type Message } from '../../../src/messages/model.ts';

const RLM = '\u200f';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';
const ltr = (blocks: Message['blocks'], extra: Partial<Message> = {}): Message => ({ blocks, direction: 'ltr', ...extra });
const content = (message: Message, limit?: number): string[] =>
  renderDiscord(message, limit === undefined ? {} : { limit }).map((p) => p.content);

test('GIVEN text with Discord markdown and mentions THEN escapeDiscord shows it as written', () => {
  const cases: [string, string][] = [
    ['نص عادي', 'نص عادي'],
    ['*bold* _it_ ~~s~~ `c` ||spoiler||', '\\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|spoiler\\|\\|'],
    ['> quote', '\\> quote'],
    ['# عنوان', '\\# عنوان'],
    ['- item', '\\- item'],
    ['[x](http://a)', '\\[x\\]\\(http://a\\)'],
    ['back\\slash', 'back\\\\slash'],
    ['@everyone و @here', '@\u200beveryone و @\u200bhere'],
    ['<@123> <@&5> <#9>', '\\<@123\\> \\<@&5\\> \\<\\#9\\>'],
    ['1. أول', '1\\. أول'],
    ['+ plus', '\\+ plus'],
    ['2023-12-08', '2023\\-12\\-08'],
  ];
  for (const [input, expected] of cases) assert.equal(escapeDiscord(input), expected, input);
});

test('GIVEN each inline kind THEN it renders as one Discord markdown entity', () => {
  const cases: [Message['blocks'][number], string][] = [
    [m.paragraph('a ', m.bold('b*'), ' ', m.italic('c_')), 'a **b\\*** *c\\_*'],
    [m.paragraph(m.code('x`y')), '`x\u02cby`'],
    [m.paragraph(m.link('[نص]', 'https://example.com/a_(b)')), '[\\[نص\\]](<https://example.com/a_%28b%29>)'],
    [m.paragraph(m.link('bad', 'javascript:alert(1)')), 'bad'],
    [m.paragraph('see https://example.com/a_b, then'), 'see <https://example.com/a_b>, then'],
    [m.heading('عنوان'), '## عنوان'],
    [m.list([['a'], ['b']]), '- a\n- b'],
    [m.list([['a'], ['b']], true), '1. a\n2. b'],
    [m.separator(), '⸻'],
  ];
  for (const [block, expected] of cases) assert.deepEqual(content(ltr([block])), [expected], expected);
});

test('GIVEN a right-to-left message THEN each line is isolated after its markdown marker and Latin runs inside it', () => {
  const [part] = renderDiscord({ blocks: [m.heading('موجز'), m.list([['بغداد CNN']]), m.paragraph('سطر\nآخر')] });
  assert.equal(
    part?.content,
    `## ${RLM}${RLI}موجز${PDI}\n\n- ${RLM}${RLI}بغداد ${FSI}CNN${PDI}${PDI}\n\n${RLM}${RLI}سطر${PDI}\n${RLM}${RLI}آخر${PDI}`,
  );
});

test('GIVEN any message THEN every payload forbids pings', () => {
  const parts = renderDiscord({ blocks: [m.paragraph('@everyone')] });
  assert.deepEqual(parts.map((p) => p.allowed_mentions), [{ parse: [] }]);
});

test('GIVEN content over the limit THEN it splits at block, line and sentence boundaries', () => {
  const cases: { name: string; message: Message; limit: number; expected: string[] }[] = [
    {
      name: 'blocks',
      message: ltr([m.paragraph('aaaa'), m.paragraph('bbbb')]),
      limit: 8,
      expected: ['aaaa', 'bbbb'],
    },
    {
      name: 'list items',
      message: ltr([m.list([['one'], ['two'], ['three']])]),
      limit: 12,
      expected: ['- one\n- two', '- three'],
    },
    {
      name: 'sentences',
      message: ltr([m.paragraph('First one. Second one.')]),
      limit: 12,
      expected: ['First one.', 'Second one.'],
    },
    {
      name: 'bold is cut into whole bold pieces',
      message: ltr([m.paragraph(m.bold('aa bb cc dd'))]),
      limit: 10,
      expected: ['**aa bb**', '**cc dd**'],
    },
    {
      name: 'an entity is never cut when it fits a message of its own',
      message: ltr([m.paragraph('xxxxxx ', m.link('ab', 'https://e.co/'))]),
      limit: 24,
      expected: ['xxxxxx', '[ab](<https://e.co/>)'],
    },
  ];
  for (const { name, message, limit, expected } of cases) {
    const got = content(message, limit);
    assert.deepEqual(got, expected, name);
    for (const c of got) assert.ok(c.length <= limit, `${name}: ${c.length} > ${limit}`);
  }
});

test('GIVEN a long Arabic article THEN every part fits 2000 characters with balanced markdown', () => {
  const sentence = 'قال مسؤول أمني عراقي إن صواريخ سقطت قرب السفارة الأميركية في بغداد فجر الجمعة. ';
  const message: Message = {
    blocks: [m.heading('موجز'), m.paragraph(m.bold(sentence.repeat(40))), m.list([[sentence.repeat(30)]])],
  };
  const parts = content(message);
  assert.ok(parts.length >= 3);
  for (const c of parts) {
    assert.ok(c.length <= DISCORD_MESSAGE_LIMIT, String(c.length));
    assert.equal((c.match(/\*\*/g) ?? []).length % 2, 0, 'bold markers balanced');
    assert.equal((c.match(/\u2067/g) ?? []).length, (c.match(/\u2069/g) ?? []).length, 'isolates balanced');
  }
  const strip = (t: string): string => t.replace(/[*\u200f\u2066-\u2069\s#-]/g, '');
  assert.equal(strip(parts.join('')), strip('موجز' + sentence.repeat(70)), 'no text lost or doubled');
});

test('GIVEN buttons THEN they go under the last part as rows of at most 5, with custom ids', () => {
  const message: Message = {
    blocks: [m.paragraph('a'), m.paragraph('b')],
    buttons: [
      [
        { kind: 'action', label: 'التسلسل', action: 'timeline' },
        { kind: 'url', label: 'المصدر', url: 'https://example.com/' },
        { kind: 'url', label: 'x', url: 'ftp://nope' },
      ],
      Array.from({ length: 7 }, (_, i) => ({ kind: 'action' as const, label: `b${i}`, action: `n${i}` })),
    ],
    direction: 'ltr',
  };
  const parts = renderDiscord(message, { limit: 2, customId: (a) => `id:${a}` });
  assert.equal(parts.length, 2);
  assert.deepEqual(parts[0]?.components, []);
  const rows = parts[1]?.components ?? [];
  assert.deepEqual(rows.map((r) => r.components.length), [2, 5, 2]);
  assert.deepEqual(rows[0]?.components[0], { type: 2, style: 2, label: 'التسلسل', custom_id: 'id:timeline' });
  assert.deepEqual(rows[0]?.components[1], { type: 2, style: 5, label: 'المصدر', url: 'https://example.com/' });
});

test('GIVEN a custom id over 100 characters THEN rendering refuses it', () => {
  const message: Message = { blocks: [], buttons: [[{ kind: 'action', label: 'x', action: 'a'.repeat(101) }]] };
  assert.throws(() => renderDiscord(message), RangeError);
});
