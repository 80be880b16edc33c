import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, splitClitics, cliticCandidates, lightStem, wordsOf } from '../../../src/core/text/tokens.ts';

const tokenCases: [string, string[]][] = [
  ['قال المتحدث', ['قال', 'المتحدث']],
  ['مُحَمَّدٌ جمـــيل', ['مُحَمَّدٌ', 'جمـــيل']],
  ['بلغ 3.5 مليون', ['بلغ', '3.5', 'مليون']],
  ['في ١٧ أكتوبر', ['في', '١٧', 'أكتوبر']],
  ['وكالة "فرانس برس".', ['وكالة', '"', 'فرانس', 'برس', '"', '.']],
  ['رويترز (Reuters)، أمس', ['رويترز', '(', 'Reuters', ')', '،', 'أمس']],
  ['1,200 شخص؟', ['1,200', 'شخص', '؟']],
  ['«نعم»', ['«', 'نعم', '»']],
];

for (const [input, expected] of tokenCases) {
  test(`tokenize GIVEN ${input} THEN ${expected.join(' | ')}`, () => {
    const tokens = tokenize(input);
    assert.deepEqual(tokens.map((t) => t.text), expected);
    for (const t of tokens) assert.equal(input.slice(t.start, t.end), t.text);
  });
}

test('tokenize GIVEN mixed text THEN kinds are arabic, latin, number and punct', () => {
  assert.deepEqual(
    tokenize('بغداد AFP ٢٠٢٣ ،').map((t) => t.kind),
    ['arabic', 'latin', 'number', 'punct'],
  );
});

test('tokenize GIVEN empty or blank text THEN no tokens', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize(' \n\t '), []);
});

const splitCases: [string, string, string][] = [
  // word, expected prefix, expected stem
  ['بغداد', '', 'بغداد'],
  ['وبغداد', 'و', 'بغداد'],
  ['والحكومة', 'وال', 'حكومة'],
  ['بالقرب', 'بال', 'قرب'],
  ['للحكومة', 'لل', 'حكومة'],
  ['فللحكومة', 'فلل', 'حكومة'],
  ['وبالتالي', 'وبال', 'تالي'],
  ['كتاب', '', 'كتاب'],
  ['لبنان', '', 'لبنان'],
  ['وقال', 'و', 'قال'],
  ['ولد', '', 'ولد'],
  ['الأميركية', 'ال', 'أميركية'],
];

for (const [word, prefix, stem] of splitCases) {
  test(`splitClitics GIVEN ${word} THEN ${prefix || '∅'} + ${stem}`, () => {
    const split = splitClitics(word, 10);
    assert.equal(split.prefix, prefix);
    assert.equal(split.stem, stem);
    assert.equal(split.stemStart, 10 + word.length - stem.length);
  });
}

test('splitClitics GIVEN diacritics THEN the stem keeps them and the offset skips them', () => {
  const split = splitClitics('وَالحُكومة');
  assert.equal(split.prefix, 'وال');
  assert.equal(split.stem, 'حُكومة');
  assert.equal(split.stemStart, 4);
});

test('cliticCandidates GIVEN وبغداد THEN the whole word first, then بغداد before غداد', () => {
  assert.deepEqual(cliticCandidates('وبغداد').map((c) => c.stem), ['وبغداد', 'بغداد', 'غداد']);
});

test('cliticCandidates GIVEN a three-letter word THEN only the word itself', () => {
  assert.deepEqual(cliticCandidates('بلد').map((c) => c.stem), ['بلد']);
});

const stemCases: [string, string][] = [
  ['بغداد', 'بغداد'],
  ['الحكومة', 'حكوم'],
  ['والحكومة', 'حكوم'],
  ['السفارات', 'سفار'],
  ['الأميركية', 'اميرك'],
  ['الأميركي', 'اميرك'],
  ['مقاتلين', 'مقاتل'],
  ['وزير', 'زير'],
  ['قال', 'قال'],
  ['بيان', 'بيان'],
];

for (const [word, stem] of stemCases) {
  test(`lightStem GIVEN ${word} THEN ${stem}`, () => {
    assert.equal(lightStem(word), stem);
  });
}

test('wordsOf GIVEN text with punctuation THEN normalized words only', () => {
  assert.deepEqual(wordsOf('قال أحمد: "نعم"، 2023.'), ['قال', 'احمد', 'نعم', '2023']);
});

test('splitClitics GIVEN و + a name starting with ل THEN و alone: ولبنان is و + لبنان', () => {
  assert.equal(splitClitics('ولبنان').stem, 'لبنان');
});
