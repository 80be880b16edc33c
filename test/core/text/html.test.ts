import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText, looksLikeHtml, decodeEntities } from '../../../src/core/text/html.ts';

const cases: [string, string, string][] = [
  ['paragraphs', '<p>جملة أولى.</p><p>جملة ثانية.</p>', 'جملة أولى.\nجملة ثانية.'],
  ['scripts and styles dropped', '<style>p{}</style><p>نص</p><script>if (a < b) x = "<p>";</script>', 'نص'],
  ['comments dropped', '<p>نص<!-- تعليق --> آخر</p>', 'نص آخر'],
  ['entities', '<p>&laquo;نعم&raquo; &amp; &#1604;&#x627;</p>', '«نعم» & لا'],
  ['unclosed tag stays text', 'أ < ب و ج', 'أ < ب و ج'],
  ['unclosed script drops the rest', '<p>نص</p><script>var a = 1;', 'نص'],
  ['inline tags joined', '<p>قال <b>الوزير</b> <a href="x">اليوم</a></p>', 'قال الوزير اليوم'],
];

for (const [name, html, expected] of cases) {
  test(`htmlToText GIVEN ${name} THEN ${expected}`, () => {
    assert.equal(htmlToText(html), expected);
  });
}

test('looksLikeHtml GIVEN a page THEN true; GIVEN prose THEN false', () => {
  assert.equal(looksLikeHtml('<!DOCTYPE html><html></html>'), true);
  assert.equal(looksLikeHtml('<div><p>أ</p><p>ب</p></div>'), true);
  assert.equal(looksLikeHtml('قال إن 3 < 5 وإن a > b.'), false);
});

test('decodeEntities GIVEN an unknown or out-of-range reference THEN it is left or dropped safely', () => {
  assert.equal(decodeEntities('&bogus; &#x110000;'), '&bogus; ');
});

test('htmlToText GIVEN many unclosed angle brackets THEN it returns (linear scan)', () => {
  const text = '<'.repeat(200_000);
  assert.equal(htmlToText(text).length, 200_000);
});
