import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bidiLine, bidiText, FSI, isolateLtrRuns, needsRlm, PDI, RLM, stripBidiMarks } from '../../../src/messages/render/bidi.ts';

const i = (s: string): string => `${FSI}${s}${PDI}`;
const codePoints = (s: string): string[] => [...s].map((c) => c.codePointAt(0)!.toString(16));

describe('bidi isolation of mixed lines', () => {
  const cases: Array<[string, string]> = [
    ['قال Joe Biden إن 78 هجومًا وقعت منذ 17 أكتوبر', `قال ${i('Joe Biden')} إن ${i('78')} هجومًا وقعت منذ ${i('17')} أكتوبر`],
    ['رابط: https://example.com/a?b=1', `رابط: ${i('https://example.com/a?b=1')}`],
    ['نسبة 3.5% في 2023', `نسبة ${i('3.5%')} في ${i('2023')}`],
    ['Joe Biden قال', `${RLM}${i('Joe Biden')} قال`],
    ['زار https://example.com/news/ أمس.', `زار ${i('https://example.com/news/')} أمس.`],
    ['الساعة 04:00 يوم 8 ديسمبر 2023', `الساعة ${i('04:00')} يوم ${i('8')} ديسمبر ${i('2023')}`],
    ['نقلت وكالة (AFP) الخبر', `نقلت وكالة (${i('AFP')}) الخبر`],
    ['في 2023 و2024', `في ${i('2023')} و${i('2024')}`],
    ['Hello world 2023', 'Hello world 2023'],
    ['نص عربي فقط', 'نص عربي فقط'],
  ];
  for (const [input, expected] of cases) {
    it(`GIVEN "${input}" THEN the expected code points come out`, () => {
      assert.deepEqual(codePoints(bidiLine(input)), codePoints(expected));
    });
  }

  it('GIVEN a URL THEN no mark is put inside it', () => {
    const url = 'https://example.com/a?b=1&c=2#x';
    const out = isolateLtrRuns(`انظر ${url} الآن`);
    assert.ok(out.includes(url));
  });

  it('GIVEN an already isolated line THEN isolating again changes nothing', () => {
    const once = isolateLtrRuns('قال Joe Biden إن 78 هجومًا');
    assert.equal(isolateLtrRuns(once), once);
  });

  it('GIVEN any line THEN stripping the marks gives the input back', () => {
    const text = 'قال Joe Biden\nJoe قال 3.5%\nhttps://a.example/x';
    assert.equal(stripBidiMarks(bidiText(text)), text);
  });

  const rlmCases: Array<[string, boolean]> = [
    ['Joe Biden قال', true],
    ['قال Joe Biden', false],
    ['2023 عام', false],
    ['English only', false],
  ];
  for (const [line, expected] of rlmCases) {
    it(`GIVEN "${line}" THEN needsRlm is ${expected}`, () => assert.equal(needsRlm(line), expected));
  }
});
