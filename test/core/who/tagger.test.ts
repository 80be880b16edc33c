import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tagger, forbidTags, hasDigit, loadTagger, shippedTagger, splitFeature, tagWords, type NerModel } from '../../../src/core/who/tagger.ts';
import { OFFSETS, featureTiers, forEachPhraseFeature, indexPhrases, knownKey, parseWord, phraseFollows, phraseStarts, visitCenterFeatures } from '../../../src/core/who/features.ts';
import { buildDoc } from '../../../src/core/who/doc.ts';
import { normalize } from '../../../src/core/text/normalize.ts';
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
  if (hasDigit(word)) forbidTags(vec, model.tags, OFFSETS.indexOf(0), 'PERS');
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

test('GIVEN words THEN visitCenterFeatures gives featureTiers\' center features, in order, as template and value', () => {
  const { known, clusters } = shippedTagger().model;
  for (const word of ['بايدن', 'والعراق', 'الرئيس', 'قال', 'Reuters', '2024', '«', 'للأمم', 'مُحَمَّد', 'وبالمغرب', 'a=b', 'و']) {
    const pairs: string[] = [];
    visitCenterFeatures(word, known, clusters, parseWord(word), (t, v) => pairs.push(t + v));
    assert.deepEqual(pairs, featureTiers(word, known, clusters).center, word);
  }
});

test('GIVEN features THEN splitFeature cuts at the first = (kept in the template), a feature without one whole', () => {
  const rows: [string, [string, string]][] = [
    ['p2=وا', ['p2=', 'وا']],
    ['w==', ['w=', '=']],
    ['raw=a=b', ['raw=', 'a=b']],
    ['FN', ['FN', '']],
    ['b', ['b', '']],
    ['GP=B-LOC', ['GP=', 'B-LOC']],
  ];
  for (const [feature, want] of rows) assert.deepEqual(splitFeature(feature), want, feature);
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

test('GIVEN a normalized word THEN the phrases that may start at it are its own, then those after one and two clitic letters', () => {
  const index = indexPhrases([
    ['قطاع غزة', 'region'],
    ['قطاع الطرق', 'other'],
    ['طاع غزة', 'x'],
    ['اع', 'y'],
  ]);
  const table: [string, string[]][] = [
    ['قطاع', ['قطاع غزة', 'قطاع الطرق', 'طاع غزة', 'اع']],
    ['وقطاع', ['قطاع غزة', 'قطاع الطرق', 'طاع غزة']],
    ['بوقطاع', ['قطاع غزة', 'قطاع الطرق']],
    ['غزة', []],
    ['ق', []],
  ];
  for (const [word, want] of table) assert.deepEqual(phraseStarts(word, index).map((p) => p.tokens.join(' ')), want, word);
  const [gaza] = phraseStarts('وقطاع', index);
  assert.equal(phraseFollows(['في', 'وقطاع', 'غزة'], 1, gaza!), true);
  assert.equal(phraseFollows(['في', 'وقطاع', 'الضفة'], 1, gaza!), false);
  assert.equal(phraseFollows(['في', 'وقطاع'], 1, gaza!), false, 'the sentence ends before the phrase does');
});

test('GIVEN sentences with gazetteer and known phrases THEN the emissions add every phrase feature of training, in its order', () => {
  const tagger = shippedTagger();
  const model = tagger.model;
  const n = model.tags.length;
  const center = OFFSETS.indexOf(0) * n;
  const sentences = [
    'قال مسؤول في قطاع غزة إن الأمم المتحدة أرسلت مساعدات إلى الضفة الغربية وكوريا الشمالية',
    'وصل رئيس الوزراء إلى أبو ظبي ثم إلى الدار البيضاء',
    'الشرق الأوسط',
  ].map((s) => s.split(' '));
  for (const words of sentences) {
    const norms = words.map((w) => normalize(w));
    // The words' own features, then each phrase feature's center row, added as training names them.
    const want = Tagger.prototype.emissions.call(new Tagger(model), words, norms.map(() => '-'));
    let phrases = 0;
    forEachPhraseFeature(norms, (i, f) => {
      const row = model.weights.get(f);
      if (row === undefined) return;
      phrases++;
      for (let t = 0; t < n; t++) want[i * n + t]! += model.table[row + center + t]!;
    }, model.phrases);
    assert.ok(phrases > 0, words.join(' '));
    assert.deepEqual(Array.from(tagger.emissions(words, norms)), Array.from(want), words.join(' '));
  }
});

test('GIVEN word forms with slots THEN tagForms tags as tag does, keeps its work in the slots, and a second tagger takes them over', () => {
  const words = ['قال', 'الرئيس', 'جو', 'بايدن', 'في', 'واشنطن', 'إن', 'الأمم', 'المتحدة', 'قال'];
  const forms = words.map((text) => ({ text, norm: normalize(text), tagged: undefined as unknown }));
  const shipped = shippedTagger();
  assert.deepEqual(shipped.tagForms(forms), shipped.tag(words));
  assert.ok(forms.every((f) => f.tagged !== undefined), 'every slot filled');
  const kept = forms.map((f) => f.tagged);
  assert.deepEqual(shipped.tagForms(forms), shipped.tag(words));
  assert.deepEqual(forms.map((f) => f.tagged), kept, 'the slots are reused, not recomputed');
  const other = new Tagger(shipped.model);
  assert.deepEqual(other.tagForms(forms), shipped.tag(words));
  assert.ok(forms.every((f, i) => f.tagged !== kept[i]), 'another tagger keeps its own work');
});

test('GIVEN a word already normalized and split THEN featureTiers gives the features it computes from the word itself', () => {
  const shipped = shippedTagger();
  const words = ['والعراق', 'للأمم', 'بغداد', 'وبالقاهرة', 'فقال', 'الرئيس', 'كالعادة', 'و465', 'Biden', 'أ'];
  for (const word of words) {
    const parsed = parseWord(word);
    assert.equal(parsed.norm, normalize(word), word);
    assert.equal(parsed.split.article ? 'ال' + parsed.split.stem : parsed.split.stem, knownKey(parsed.norm), word);
    assert.deepEqual(featureTiers(word, shipped.model.known, shipped.model.clusters, parsed), featureTiers(word, shipped.model.known, shipped.model.clusters), word);
  }
});

test('GIVEN the who step\'s word forms THEN tagForms reads their clitic split and tags as tag does', () => {
  const text = 'وقال الرئيس العراقي في بغداد إن للأمم المتحدة دورا وبالقاهرة اجتماع';
  const doc = buildDoc(text, []);
  const words = doc.tokens.map((t) => t.text);
  assert.ok(doc.tokens.every((t) => t.form.split.stem === t.stem), 'the split is the one the tokens carry');
  const fresh = new Tagger(shippedTagger().model);
  assert.deepEqual(fresh.tagForms(doc.tokens.map((t) => t.form)), shippedTagger().tag(words));
});

test('GIVEN words with digits THEN hasDigit tells them, Latin or Arabic-Indic, glued to a clitic or not', () => {
  const cases: [string, boolean][] = [
    ['465', true],
    ['و465', true],
    ['ب1', true],
    ['٢٠٢٤', true],
    ['france2', true],
    ['كلغ', false],
    ['رضا', false],
    ['Reuters', false],
  ];
  for (const [word, want] of cases) assert.equal(hasDigit(word), want, word);
});

test('GIVEN a number THEN the tagger never puts it in a person, even where a model would', () => {
  // A model trained on a sentence where a number opens a person still tags no number as a person.
  const odd: TaggedSentence[] = Array.from({ length: 6 }, () => ({ words: ['قال', '465', 'كلغ', 'أمس'], tags: ['O', 'B-PERS', 'I-PERS', 'O'] }));
  const tagger = loadTagger(trainModel(odd, [], { branching: [], epochs: 2 }));
  const tags = tagger.tag(['قال', '465', 'كلغ', 'أمس']);
  assert.ok(!tags[1]!.endsWith('PERS'), tags.join(' '));
  assert.ok(!tagger.tag(['قال', '٤٦٥', 'كلغ']).some((t, i) => i === 1 && t.endsWith('PERS')));
  // The shipped model: a weight after a number, and names in a list of vote counts.
  const shipped = shippedTagger();
  assert.deepEqual(shipped.tag('قدرت حمولتها ب1 طن و465 كلغ ، وفق ما أكده'.split(' ')).slice(4, 6), ['O', 'O']);
  const list = 'سالم الابيض 450 رضا الدلاعي 446 هشام العزلوك'.split(' ');
  assert.deepEqual(shipped.tag(list), ['B-PERS', 'I-PERS', 'O', 'B-PERS', 'I-PERS', 'O', 'B-PERS', 'I-PERS']);
});
