import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../../src/core/who/doc.ts';
import { isFutureVerb, isRoleNisba, namedMentions } from '../../../src/core/who/mentions.ts';
import { normalize } from '../../../src/core/text/normalize.ts';

function docOf(text: string) {
  return buildDoc(text, [{ start: 0, end: text.length, heading: false }]);
}

/** The mentions of a text as "TYPE:words". */
function mentionsOf(text: string): string[] {
  const doc = docOf(text);
  return namedMentions(doc, []).map((m) => `${m.type}:${doc.tokens.slice(m.s, m.e).map((t) => t.text).join(' ')}`);
}

test('GIVEN words at the start of a name THEN future verbs are told from given names', () => {
  const table: [string, boolean][] = [
    ['ستبعد', true],
    ['وسيغيب', true],
    ['وسيترأس', true],
    ['فسنعمل', true],
    ['ستيفن', false],
    ['سيمون', false],
    ['سيلفا', false],
    ['سيف', false],
    ['سعيد', false],
    ['سامي', false],
  ];
  for (const [word, verb] of table) assert.equal(isFutureVerb({ norm: normalize(word) }), verb, word);
});

test('GIVEN a nisba adjective THEN it is part of a role after a title or a title and its complement, not elsewhere', () => {
  const table: [string, number, boolean][] = [
    ['الرئيس السوداني عمر البشير', 1, true],
    ['وزير الدفاع السوداني عبد الرحيم', 2, true],
    ['رئيس الوزراء محمد شياع السوداني', 4, false],
    ['قال السوداني إن', 1, false],
  ];
  for (const [text, i, nisba] of table) assert.equal(isRoleNisba(docOf(text), i), nisba, text);
});

test('GIVEN verbs, role nisbas and months next to names THEN mentions leave them out', () => {
  const table: [string, string, string][] = [
    ['الإصابة ستبعد إيتو عن فريقه .', 'PER:إيتو', 'ستبعد'],
    ['وجه رسالة إلى الرئيس السوداني عمر حسن البشير .', 'PER:عمر حسن البشير', 'السوداني'],
    ['بلغت الصادرات خلال أغسطس / آب مليون برميل من العراق .', 'LOC:العراق', 'آب'],
  ];
  for (const [text, right, word] of table) {
    const found = mentionsOf(text);
    assert.ok(found.includes(right), `${text}: ${found.join(' | ')}`);
    assert.ok(!found.some((m) => m.split(':')[1]!.split(' ').includes(word)), `${text}: ${found.join(' | ')}`);
  }
});
