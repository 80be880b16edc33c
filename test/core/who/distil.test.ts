import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pseudoLabelled, taggedSentences } from '../../../scripts/ner-distil.ts';
import { shippedTagger } from '../../../src/core/who/tagger.ts';

test('GIVEN an article and typed character spans THEN its tokens become BIO sentences cut at full stops and paragraph breaks', () => {
  const text = 'قال الرئيس جو بايدن إن الصين شريك.\nوزار القاهرة أمس\nنعم';
  const at = (s: string): number => text.indexOf(s);
  const spans = [
    { start: at('جو'), end: at('بايدن') + 'بايدن'.length, type: 'PERS' },
    { start: at('الصين'), end: at('الصين') + 'الصين'.length, type: 'LOC' },
    { start: at('القاهرة'), end: at('القاهرة') + 'القاهرة'.length, type: 'LOC' },
  ];
  assert.deepEqual(taggedSentences(text, spans), [
    { words: ['قال', 'الرئيس', 'جو', 'بايدن', 'إن', 'الصين', 'شريك', '.'], tags: ['O', 'O', 'B-PERS', 'I-PERS', 'O', 'B-LOC', 'O', 'O'] },
    { words: ['وزار', 'القاهرة', 'أمس'], tags: ['O', 'B-LOC', 'O'] },
  ]);
});

test('GIVEN two adjacent spans THEN the second opens with B-, not I-', () => {
  const text = 'مصر سوريا';
  assert.deepEqual(
    taggedSentences(text, [
      { start: 0, end: 3, type: 'LOC' },
      { start: 4, end: 9, type: 'LOC' },
    ]),
    [{ words: ['مصر', 'سوريا'], tags: ['B-LOC', 'B-LOC'] }],
  );
});

test('GIVEN an article THEN its pseudo-labelled sentences carry the full analysis mentions as tags', () => {
  const [s] = pseudoLabelled(['قال الرئيس الأمريكي جو بايدن إن المحادثات مع الصين كانت مثمرة.'], shippedTagger());
  assert.ok(s);
  const tagOf = (w: string): string => s.tags[s.words.indexOf(w)]!;
  assert.equal(tagOf('جو'), 'B-PERS');
  assert.equal(tagOf('بايدن'), 'I-PERS');
  assert.equal(tagOf('الصين'), 'B-LOC');
  assert.equal(tagOf('المحادثات'), 'O');
});
