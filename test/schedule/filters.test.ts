import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFilter, passesFilters, phraseOccurs, textWords } from '../../src/schedule/filters.ts';

const OCCURS: [string, string, boolean][] = [
  // phrase, text, occurs
  ['الحكومة', 'أعلنت الحكومةَ أمس', true],
  ['الحكومة', 'وقالت والحكومة تنفي', true],
  ['الحكومة', 'بيان للحكومة العراقية', true],
  ['الحكومة', 'رئيس حكومة تصريف الأعمال', false], // the article is part of the phrase
  ['حكومة', 'رئيس الحكومة', true],
  ['الحكومة', 'الحكومات العربية', false], // whole words only
  ['غزة', 'قصف على وغزة', true],
  ['تاب', 'صدر كتاب جديد', false], // ك + تاب is not a reading of كتاب
  ['الأمم المتحدة', 'قالت الامم المتحدة إن', true],
  ['الأمم المتحدة', 'الأمم الأخرى المتحدة', false],
  ['UN', 'the un said', true],
  ['بغداد', 'السفارة في بَغْدَاد', true],
];

for (const [phrase, text, expected] of OCCURS) {
  test(`GIVEN filter "${phrase}" and text "${text}" THEN it ${expected ? 'matches' : 'does not match'}`, () => {
    assert.equal(phraseOccurs(textWords(text), compileFilter(phrase)), expected);
  });
}

const PASSES: [string, { include: string[]; exclude: string[] }, boolean][] = [
  ['هجوم على السفارة الأمريكية في بغداد', { include: [], exclude: [] }, true],
  ['هجوم على السفارة الأمريكية في بغداد', { include: ['بغداد'], exclude: [] }, true],
  ['هجوم على السفارة الأمريكية في بغداد', { include: ['دمشق', 'بغداد'], exclude: [] }, true],
  ['هجوم على السفارة الأمريكية في بغداد', { include: ['دمشق'], exclude: [] }, false],
  ['هجوم على السفارة الأمريكية في بغداد', { include: ['بغداد'], exclude: ['السفارة'] }, false],
  ['مباراة كرة القدم', { include: [], exclude: ['الرياضة'] }, true],
];

for (const [text, filters, expected] of PASSES) {
  test(`GIVEN include ${JSON.stringify(filters.include)} exclude ${JSON.stringify(filters.exclude)} THEN "${text}" ${expected ? 'passes' : 'is left out'}`, () => {
    assert.equal(passesFilters(text, filters), expected);
  });
}
