import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addCounts, countMatches, overlaps, prf, sameExtent, type TimexSpan } from './timex-score.ts';

const span = (start: number, text: string, type = 'DATE'): TimexSpan => ({ start, end: start + text.length, text, type });

test('overlap and same extent', () => {
  const cases: [TimexSpan, TimexSpan, boolean, boolean][] = [
    [span(0, 'اليوم الأحد'), span(0, 'اليوم الأحد'), true, true],
    [span(0, 'اليوم الأحد'), span(6, 'الأحد'), true, false],
    [span(0, 'اليوم'), span(5, ' الأحد'), false, false],
    [span(0, 'أمس '), span(0, 'أمس'), true, true],
  ];
  for (const [a, b, over, same] of cases) {
    assert.equal(overlaps(a, b), over, `${a.text} / ${b.text}`);
    assert.equal(sameExtent(a, b), same, `${a.text} / ${b.text}`);
  }
});

test('counts, sums and P/R/F1', () => {
  const gold = [span(0, 'مساء اليوم'), span(20, 'قريبا'), span(40, 'سنويا', 'SET')];
  const system = [span(5, 'اليوم'), span(20, 'قريبا'), span(60, 'الآن')];
  const relaxed = countMatches(gold, system, overlaps);
  assert.deepEqual(relaxed, { gold: 3, system: 3, goldMatched: 2, systemMatched: 2 });
  assert.deepEqual(countMatches(gold, system, sameExtent), { gold: 3, system: 3, goldMatched: 1, systemMatched: 1 });
  const sum = addCounts(relaxed, { gold: 1, system: 0, goldMatched: 0, systemMatched: 0 });
  const { p, r, f } = prf(sum);
  assert.equal(p, 2 / 3);
  assert.equal(r, 2 / 4);
  assert.ok(Math.abs(f - (2 * p * r) / (p + r)) < 1e-12);
  assert.deepEqual(prf({ gold: 0, system: 0, goldMatched: 0, systemMatched: 0 }), { p: 0, r: 0, f: 0 });
});
