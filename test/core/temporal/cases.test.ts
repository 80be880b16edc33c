import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../../../src/config.ts';
import { scoreCase, type TemporalCase } from './cases.ts';

const shared = sharedDataDir();
const cases = JSON.parse(readFileSync(join(shared, 'data/temporal/cases.json'), 'utf8')) as TemporalCase[];

test('GIVEN the worked cases file THEN it holds the 63 cases', () => {
  assert.equal(cases.length, 63);
});

for (const c of cases) {
  test(`GIVEN «${c.text}» THEN «${c.expression}» = ${c.value}`, () => {
    const { ok, got } = scoreCase(c);
    assert.ok(ok, `got ${got}`);
  });
}
