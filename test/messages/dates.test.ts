import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareTimeValues, formatArabicDate } from '../../src/messages/dates.ts';

describe('formatArabicDate', () => {
  const cases: Array<[string, string]> = [
    ['2023-12-08', '8 ديسمبر 2023'],
    ['2023-12', 'ديسمبر 2023'],
    ['2023', '2023'],
    ['2024-Q1', 'الربع الأول 2024'],
    ['2024-Q4', 'الربع الرابع 2024'],
    ['2023-12-08T04:00', '8 ديسمبر 2023، 04:00'],
    ['2023-01-01', '1 يناير 2023'],
    ['not a date', 'not a date'],
    ['2023-13', '2023-13'],
  ];
  for (const [value, expected] of cases) {
    it(`GIVEN ${value} THEN "${expected}"`, () => assert.equal(formatArabicDate(value), expected));
  }
});

describe('compareTimeValues', () => {
  it('GIVEN mixed granularities THEN oldest first, a coarser period before the finer ones it starts', () => {
    const values = ['2023-12-08T04:00', '2024-01-05', '2023-12-08', '2023-11-03', '2024-Q1', '2023-11', '2023', '2023-12'];
    assert.deepEqual([...values].sort(compareTimeValues), [
      '2023',
      '2023-11',
      '2023-11-03',
      '2023-12',
      '2023-12-08',
      '2023-12-08T04:00',
      '2024-Q1',
      '2024-01-05',
    ]);
  });
});
