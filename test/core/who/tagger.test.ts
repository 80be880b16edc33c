import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tagger, loadTagger, shippedTagger, tagWords, type NerModel } from '../../../src/core/who/tagger.ts';
import { OFFSETS, featureTiers } from '../../../src/core/who/features.ts';
import { analyze } from '../../../src/core/analyze.ts';
import { crossValidationFolds, trainModel } from '../../../scripts/ner-train.ts';
import type { TaggedSentence } from '../../../src/core/who/conll.ts';

const TEXT = 'قال الرئيس الأمريكي جو بايدن إن المحادثات مع الصين كانت مثمرة.';

/** A word's emission vector summed over whole rows (every position), as the tagger did before rows kept their extent. */
function denseVector(model: NerModel, word: string): Float32Array {
  const width = OFFSETS.length * model.tags.length;
  const vec = new Float32Array(width);
  for (const f of featureTiers(word, model.known, model.clusters).center) {
    const row = model.weights.get(f);
    if (row === undefined) continue;
    for (let k = 0; k < width; k++) vec[k]! += model.table[row + k]!;
  }
  return vec;
}

test('GIVEN words THEN the tagger sums only the non-zero extent of each feature row, with the same result as whole rows', () => {
  const tagger = shippedTagger();
  const model = tagger.model;
  const n = model.tags.length;
  for (const word of ['بايدن', 'والعراق', 'الرئيس', 'قال', 'Reuters', '2024', '«', 'للأمم']) {
    const dense = denseVector(model, word);
    // A one-word sentence sees only the word's own position (offset 0) of its vector.
    const em = tagger.emissions([word]);
    const center = OFFSETS.indexOf(0) * n;
    const want = Array.from(dense.subarray(center, center + n));
    assert.deepEqual(
      Array.from(em).map((x) => x.toFixed(4)),
      want.map((x) => x.toFixed(4)),
      word,
    );
  }
});

test('GIVEN a model THEN a tagger built with it and tagWords with it agree, and the shipped tagger is the default', () => {
  const words = ['قال', 'الرئيس', 'جو', 'بايدن', 'في', 'واشنطن'];
  const shipped = shippedTagger();
  assert.deepEqual(tagWords(words), shipped.tag(words));
  assert.deepEqual(new Tagger(shipped.model).tag(words), shipped.tag(words));
  assert.ok(shipped.tag(words).some((t) => t === 'B-PERS'), 'the shipped model finds the person');
});

test('GIVEN a tagger passed to analyze THEN its model, not the shipped one, decides the tagged names', () => {
  // A model trained on sentences that name nobody tags every word O.
  const none: TaggedSentence[] = Array.from({ length: 6 }, () => ({ words: ['قال', 'جو', 'بايدن', 'إن', 'المحادثات', 'مثمرة'], tags: ['O', 'O', 'O', 'O', 'O', 'O'] }));
  const blind = loadTagger(trainModel(none, [], { branching: [], epochs: 2 }));
  assert.deepEqual(blind.tag(['جو', 'بايدن']), ['O', 'O']);
  const withShipped = analyze({ text: TEXT, reference: '2024-01-01' });
  const withBlind = analyze({ text: TEXT, reference: '2024-01-01' }, { tagger: blind });
  const people = (a: typeof withShipped): string[] => a.who.filter((w) => w.type === 'PER').map((w) => w.name);
  assert.deepEqual(people(withShipped), ['جو بايدن']);
  assert.deepEqual(people(withBlind), []);
  // Rules that need no tagger still run: the gazetteer knows the place.
  assert.ok(withBlind.who.some((w) => w.type === 'LOC' && w.name === 'الصين'));
});

test('GIVEN a corpus THEN cross-validation folds are contiguous blocks that hold out every sentence exactly once', () => {
  const all: TaggedSentence[] = Array.from({ length: 11 }, (_, i) => ({ words: [String(i)], tags: ['O'] }));
  const table: [number, number[][]][] = [
    [2, [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]],
    [3, [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9, 10]]],
    [5, [[0, 1], [2, 3], [4, 5, 6], [7, 8], [9, 10]]],
  ];
  for (const [k, blocks] of table) {
    const folds = crossValidationFolds(all, k);
    assert.deepEqual(folds.map((f) => f.test.map((s) => Number(s.words[0]))), blocks, `${k} folds`);
    for (const f of folds) {
      const ids = [...f.train, ...f.test].map((s) => Number(s.words[0])).sort((a, b) => a - b);
      assert.deepEqual(ids, all.map((_, i) => i), `${k} folds: train and test partition the corpus`);
    }
  }
});
