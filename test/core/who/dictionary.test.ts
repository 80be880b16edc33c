import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dictionaryClass, isAccusativeOfWord, isAccusativeWord, nisbaBases, prefixStrips, suffixStrips } from '../../../src/core/who/dictionary.ts';
import { normalize } from '../../../src/core/text/normalize.ts';

test('GIVEN Arabic words THEN the dictionary tells common words, proper nouns and their adjectives from names it does not know', () => {
  const cases: [string, string][] = [
    // common words, through clitics and endings
    ['الحكومة', 'common'],
    ['والعلاقات', 'common'],
    ['للمفاوضات', 'common'],
    ['سيلتحقون', 'common'],
    ['مشددا', 'common'],
    ['أبنائه', 'common'],
    ['مئات', 'common'],
    // proper nouns of the list (countries, capitals), through clitics
    ['فرنسا', 'proper'],
    ['وفرنسا', 'proper'],
    ['بباريس', 'proper'],
    // adjectives of a proper noun
    ['الفرنسية', 'nisba'],
    ['الإسرائيليين', 'nisba'],
    // transliterated names
    ['كاتانغا', 'unknown'],
    ['شافيز', 'unknown'],
    ['دارفور', 'unknown'],
  ];
  for (const [word, want] of cases) assert.equal(dictionaryClass(normalize(word)), want, word);
});

test('GIVEN a word THEN its clitic strips keep it whole first and read لل as ل + ال', () => {
  assert.deepEqual(prefixStrips('والبيت'), ['والبيت', 'البيت', 'بيت']);
  assert.deepEqual(prefixStrips('للبيت'), ['للبيت', 'بيت', 'البيت']);
  assert.deepEqual(prefixStrips('سيذهب'), ['سيذهب', 'يذهب']);
  assert.deepEqual(prefixStrips('بيت'), ['بيت']);
});

test('GIVEN a form THEN its ending strips restore the feminine ة and leave at least two letters', () => {
  assert.ok(suffixStrips('علاقات').includes('علاقة'));
  assert.ok(suffixStrips('سيارته').includes('سيارة'));
  assert.ok(suffixStrips('فى').includes('في'));
  assert.deepEqual(suffixStrips('ها'), ['ها']);
});

test('GIVEN a nisba adjective THEN its bases include the place with its final alif', () => {
  assert.deepEqual(nisbaBases('فرنسي'), ['فرنس', 'فرنسا', 'فرنسة']);
  assert.deepEqual(nisbaBases('كتاب'), []);
});

test('GIVEN words in a final alif THEN an adverb, nisba or participle in the accusative is told from a name', () => {
  const cases: [string, boolean][] = [
    // tanween written
    ['تعزيرياً', true],
    ['سورياً', true],
    // a nisba in يا whose base is a word or a proper noun
    ['هيكليا', true],
    ['زلزاليا', true],
    ['إيرانيا', true],
    // a participle in م… of the list
    ['منتقدا', true],
    ['مشددا', true],
    // proper nouns and names the list does not know
    ['سوريا', false],
    ['تركيا', false],
    ['كاليفورنيا', false],
    ['أوباما', false],
    ['مالطا', false],
  ];
  for (const [word, want] of cases) assert.equal(isAccusativeWord(word, normalize(word)), want, word);
});

test('GIVEN words in a final alif THEN an ordinary word with the accusative alif is told from a word or proper noun in ا', () => {
  const cases: [string, boolean][] = [
    ['شابا', true],
    ['سفيرا', true],
    ['إيابا', true],
    ['ذهابا', true],
    // the word in ا is itself a word or a proper noun of the list
    ['سوريا', false],
    ['فرنسا', false],
    // no word under it, or too short
    ['أوباما', false],
    ['رضا', false],
    ['شرفيا', false],
  ];
  for (const [word, want] of cases) assert.equal(isAccusativeOfWord(normalize(word)), want, word);
});
