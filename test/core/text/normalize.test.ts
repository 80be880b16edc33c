import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize, normalizeWithOffsets, originalSpan, asciiDigits } from '../../../src/core/text/normalize.ts';

const cases: [string, string][] = [
  ['الحكومةَ', 'الحكومة'],
  ['مُحَمَّد', 'محمد'],
  ['أحمد', 'احمد'],
  ['إيران', 'ايران'],
  ['آلاف', 'الاف'],
  ['جمـــيل', 'جميل'],
  ['٢٠٢٣', '2023'],
  ['۱۷', '17'],
  ['على', 'على'], // the preposition must not become the name علي
  ['مدرسة', 'مدرسة'],
  ['Reuters 2023', 'Reuters 2023'],
];

for (const [input, expected] of cases) {
  test(`normalize GIVEN ${input} THEN ${expected}`, () => {
    assert.equal(normalize(input), expected);
  });
}

test('normalizeWithOffsets maps spans back to the original text', () => {
  const original = 'قال مُحَمَّدٌ أمس';
  const norm = normalizeWithOffsets(original);
  assert.equal(norm.text, 'قال محمد امس');
  const at = norm.text.indexOf('محمد');
  const span = originalSpan(norm, at, at + 4);
  assert.equal(original.slice(span.start, span.end), 'مُحَمَّدٌ');
  const y = norm.text.indexOf('امس');
  const span2 = originalSpan(norm, y, y + 3);
  assert.equal(original.slice(span2.start, span2.end), 'أمس');
});

test('asciiDigits changes digits only', () => {
  assert.equal(asciiDigits('في ١٧ أكتوبر'), 'في 17 أكتوبر');
});

test('normalize GIVEN text with nothing to fold THEN the same string; offsets are the identity', () => {
  const text = 'قال الوزير 2023 Reuters';
  assert.equal(normalize(text), text);
  const norm = normalizeWithOffsets(text);
  assert.equal(norm.text, text);
  assert.deepEqual([...norm.offsets], [...Array(text.length + 1).keys()]);
});

test('normalizeWithOffsets GIVEN folds at both ends THEN every offset points at its source unit', () => {
  const text = 'أَمسِ ١٢ـ';
  const norm = normalizeWithOffsets(text);
  assert.equal(norm.text, 'امس 12');
  assert.deepEqual([...norm.offsets], [0, 2, 3, 5, 6, 7, 9]);
});
