import { test } from 'node:test';
import assert from 'node:assert/strict';
import { m } from '../../../src/messages/model.ts';
import { readableUrl, renderPlain } from '../../../src/messages/render/plain.ts';

const cases: [string, string][] = [
  ['https://example.com/ar/article/%D8%AA%D9%81%D8%AC%D9%8A%D8%B1/106', 'https://example.com/ar/article/تفجير/106'],
  ['https://example.com/a%20b', 'https://example.com/a%20b'], // a space would make the address ambiguous
  ['https://example.com/%E0%A4%A', 'https://example.com/%E0%A4%A'], // not decodable: unchanged
  ['https://example.com/plain?q=1', 'https://example.com/plain?q=1'],
];

for (const [input, expected] of cases) {
  test(`readableUrl GIVEN ${input} THEN ${expected}`, () => {
    assert.equal(readableUrl(input), expected);
  });
}

test('GIVEN a link with an escaped Arabic path THEN the console shows the text and the readable address', () => {
  const out = renderPlain({ blocks: [m.paragraph('المصدر: ', m.link('جوهرة', 'https://j.example/%D8%AE%D8%A8%D8%B1'))] });
  assert.equal(out, 'المصدر: جوهرة (https://j.example/خبر)');
});
