import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consistentTags, spreadKey } from '../../../src/core/who/consistency.ts';

test('GIVEN words THEN only Arabic words no dictionary knows spread their tags, keyed by stem with the article kept', () => {
  const cases: [string, string][] = [
    ['كاتانغا', 'كاتانغا'],
    ['شافيز', 'شافيز'],
    ['الرئيس', ''],
    ['مصر', ''],
    ['بيت', ''],
    ['Chavez', ''],
    ['2005', ''],
  ];
  for (const [word, key] of cases) assert.equal(spreadKey(word), key, word);
});

test('GIVEN a document THEN a name the sentence model tagged once is tagged where it left it out, ordinary words are not', () => {
  const cases: { name: string; words: string[][]; tags: string[][]; want: string[][] }[] = [
    {
      name: 'a bare later occurrence takes the type',
      words: [['قال', 'هوغو', 'شافيز', 'إن'], ['وأضاف', 'شافيز', 'أمس']],
      tags: [['O', 'B-PERS', 'I-PERS', 'O'], ['O', 'O', 'O']],
      want: [['O', 'B-PERS', 'I-PERS', 'O'], ['O', 'B-PERS', 'O']],
    },
    {
      name: 'right after a span of that type it continues the span',
      words: [['زار', 'كاتانغا'], ['في', 'إقليم', 'كاتانغا']],
      tags: [['O', 'B-LOC'], ['O', 'B-LOC', 'O']],
      want: [['O', 'B-LOC'], ['O', 'B-LOC', 'I-LOC']],
    },
    {
      name: 'the most frequent type wins',
      words: [['شافيز', 'شافيز', 'شافيز', 'شافيز']],
      tags: [['B-PERS', 'B-PERS', 'B-ORG', 'O']],
      want: [['B-PERS', 'B-PERS', 'B-ORG', 'B-PERS']],
    },
    {
      name: 'a dictionary word keeps its O',
      words: [['الرئيس', 'شافيز'], ['قال', 'الرئيس']],
      tags: [['B-PERS', 'I-PERS'], ['O', 'O']],
      want: [['B-PERS', 'I-PERS'], ['O', 'O']],
    },
    {
      name: 'tags already given are kept',
      words: [['شافيز'], ['شافيز']],
      tags: [['B-PERS'], ['B-LOC']],
      want: [['B-PERS'], ['B-LOC']],
    },
  ];
  for (const c of cases) assert.deepEqual(consistentTags(c.words, c.tags), c.want, c.name);
});
