import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc, wordFact } from '../../../src/core/who/doc.ts';

function docOf(text: string) {
  return buildDoc(text, [{ start: 0, end: text.length, heading: false }]);
}

test('wordFact: computed once per distinct word, the same answer for every token of it', () => {
  const seen: string[] = [];
  const firstForm = wordFact((w) => {
    seen.push(w.text);
    return w.forms[0];
  });
  // Words of their own, so no earlier test has kept this fact for them.
  const doc = docOf('كلمةتجربةأولى كلمةتجربةثانية كلمةتجربةأولى كلمةتجربةأولى');
  const facts = doc.tokens.map((t) => firstForm(t));
  assert.deepEqual(facts, doc.tokens.map((t) => t.forms[0]));
  assert.deepEqual(seen, ['كلمةتجربةأولى', 'كلمةتجربةثانية']);
  // Another article with the same word asks nothing again: the forms are shared.
  firstForm(docOf('كلمةتجربةأولى').tokens[0]!);
  assert.equal(seen.length, 2);
});

test('wordFact: an undefined fact is kept too, and facts of two rules do not mix', () => {
  let asked = 0;
  const none = wordFact(() => {
    asked++;
    return undefined;
  });
  const length = wordFact((w) => w.norm.length);
  const [a, b] = docOf('كلمةفارغة كلمةفارغة').tokens;
  assert.equal(none(a!), undefined);
  assert.equal(none(b!), undefined);
  assert.equal(asked, 1);
  assert.equal(length(a!), a!.norm.length);
  assert.equal(none(a!), undefined);
});
