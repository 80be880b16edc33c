import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../../src/core/who/doc.ts';
import { isJunkWord, namedMentions } from '../../../src/core/who/mentions.ts';
import { findSources } from '../../../src/core/who/sources.ts';
import { unnamedSources } from '../../../src/core/who/unnamed.ts';
import { attributeQuotes } from '../../../src/core/who/quotes.ts';
import { normalize } from '../../../src/core/text/normalize.ts';
import { splitClitics } from '../../../src/core/who/clitics.ts';

function docOf(text: string) {
  return buildDoc(text, [{ start: 0, end: text.length, heading: false }]);
}

function tokenView(word: string) {
  const norm = normalize(word);
  const { article, stem } = splitClitics(norm);
  return { norm, stem, bare: article ? 'ال' + stem : norm };
}

test('GIVEN single words THEN function words, formulas, months, weekdays and letters are junk, names are not', () => {
  const table: [string, boolean][] = [
    ['من', true],
    ['على', true],
    ['أن', true],
    ['الله', true],
    ['ديسمبر', true],
    ['الجمعة', true],
    ['وقال', true],
    ['ب', true],
    ['دينار', true],
    ['وأين', true],
    ['فهذا', true],
    ['السوداني', false],
    ['بغداد', false],
    ['وائل', false],
    ['فؤاد', false],
  ];
  for (const [word, junk] of table) assert.equal(isJunkWord(tokenView(word)), junk, word);
});

test('GIVEN citations of outlets THEN sources are their display names, in order of first citation', () => {
  const table: [string, string[]][] = [
    ['بحسب ما نقلت وكالة "فرانس برس".', ['فرانس برس']],
    // a writer's spelling of the same agency
    ['وفق وكالة فرانس براس. واعتقلت الشرطة التركية عشرات.', ['فرانس برس']],
    ['ووفقًا لـ"رويترز"، لم يتضح شيء.', ['رويترز']],
    ['وقالت وكالة الأنباء العراقية (واع) إن الوزير وصل.', ['واع']],
    ['ذكرت قناة "الميادين" أن الاشتباكات توقفت.', ['الميادين']],
    ['زار الوفد شبه الجزيرة العربية الأسبوع الماضي.', []],
    ['أفادت وكالة "دوغان" التركية بتحطم مروحية.', ['دوغان']],
  ];
  for (const [text, expected] of table) assert.deepEqual(findSources(docOf(text)).sources, expected, text);
});

test('GIVEN unnamed speakers THEN SRC mentions carry the description, and a bare "المتحدث" refers back', () => {
  const table: [string, string[]][] = [
    ['قال مسؤول أمني عراقي إن الهجوم فشل.', ['مسؤول أمني عراقي']],
    ['وأفادت مصادر محلية بسقوط قذائف.', ['مصادر محلية']],
    ['وقال شهود عيان إن الانفجار كان قويا.', ['شهود عيان']],
    ['دعا متحدث باسم السفارة الأميركية إلى الهدوء. وقال المتحدث إن السفارة مغلقة.', ['متحدث باسم السفارة الأميركية', 'متحدث باسم السفارة الأميركية']],
    ['وصل المسؤول إلى المدينة صباحا.', []],
  ];
  for (const [text, expected] of table) {
    const doc = docOf(text);
    assert.deepEqual(unnamedSources(doc, []).map((m) => m.label), expected, text);
  }
});

test('GIVEN a quote after "مضيفا:" THEN it goes to the speaker of the sentence', () => {
  const text = 'وقال مسؤول أمني عراقي: "لن نسمح بتكرار هذه الهجمات أبدا"، مضيفا: "القوات في حالة تأهب قصوى الآن".';
  const doc = docOf(text);
  const src = unnamedSources(doc, namedMentions(doc, []));
  const said = attributeQuotes(doc, src);
  assert.deepEqual(
    said.map((x) => x.text),
    ['لن نسمح بتكرار هذه الهجمات أبدا', 'القوات في حالة تأهب قصوى الآن'],
  );
  assert.ok(said.every((x) => x.speaker === src[0]));
});

test('GIVEN indirect speech THEN the reported clause comes without its particle or a cut attribution', () => {
  const cases: [string, string[]][] = [
    ['وقال مصدران أمنيان: إن المنطقة الخضراء تعرضت لعدة صواريخ فجر اليوم، بحسب ما نقلت "رويترز".', ['المنطقة الخضراء تعرضت لعدة صواريخ فجر اليوم']],
    ['وقال مسؤول أمني عراقي إن القوات أحبطت هجوما على قاعدة عسكرية في الأنبار، وفق بيان للقيادة.', ['القوات أحبطت هجوما على قاعدة عسكرية في الأنبار']],
    ['وقال مسؤول أمني عراقي إنه لا توجد أي إصابات بين الجنود في القاعدة.', ['إنه لا توجد أي إصابات بين الجنود في القاعدة']],
  ];
  for (const [text, expected] of cases) {
    const doc = docOf(text);
    const said = attributeQuotes(doc, unnamedSources(doc, namedMentions(doc, [])));
    assert.deepEqual(said.map((x) => x.text), expected, text);
  }
});

test('GIVEN a short agency acronym that is also a word THEN it is a source only when cited', () => {
  const plain = docOf('وهو من أب جزائري وأم مغربية وقد عاش في باريس سنوات طويلة.');
  assert.deepEqual(findSources(plain).sources, []);
  const cited = docOf('وأعلن الرئيس الإماراتي المبادرة، بحسب ما نقلت وكالة "وام" للأنباء.');
  assert.deepEqual(findSources(cited).sources, ['وام']);
});

test('GIVEN tag pairs THEN canFollow keeps BIO and BIOES spans well formed, and toBio maps BIOES back', async () => {
  const { canFollow, toBio } = await import('../../../src/core/who/tagger.ts');
  const table: [string, string, boolean, boolean][] = [
    ['', 'I-PERS', false, false],
    ['B-PERS', 'I-PERS', false, true],
    ['B-PERS', 'I-LOC', false, false],
    ['B-PERS', 'O', false, true],
    ['B-PERS', 'O', true, false],
    ['I-ORG', 'E-ORG', true, true],
    ['E-ORG', 'I-ORG', true, false],
    ['S-LOC', 'B-LOC', true, true],
    ['O', 'E-LOC', true, false],
  ];
  for (const [prev, cur, bioes, want] of table) assert.equal(canFollow(prev, cur, bioes), want, `${prev} → ${cur} (${bioes ? 'BIOES' : 'BIO'})`);
  assert.deepEqual(['S-PERS', 'B-LOC', 'E-LOC', 'O', 'I-ORG'].map(toBio), ['B-PERS', 'B-LOC', 'I-LOC', 'O', 'I-ORG']);
});
