import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber, formatDay, fromHijri, parseDay, parseReference, toHijri, weekday } from '../../../src/core/temporal/calendar.ts';

const hijri: [number, number, number, string][] = [
  [1445, 9, 15, '2024-03-25'],
  [1445, 1, 1, '2023-07-19'],
  [1444, 10, 1, '2023-04-21'],
  [1400, 9, 1, '1980-07-14'],
];
for (const [y, m, d, iso] of hijri) {
  test(`GIVEN Hijri ${d}/${m}/${y} THEN Umm al-Qura gives ${iso}`, () => {
    assert.equal(formatDay(fromHijri(y, m, d)), iso);
    assert.deepEqual(toHijri(parseDay(iso)), { y, m, d });
  });
}

test('GIVEN a day that does not exist THEN the calendar says NaN', () => {
  assert.ok(Number.isNaN(dayNumber(2023, 2, 30)));
  assert.ok(Number.isNaN(fromHijri(1445, 13, 1)));
});

test('GIVEN 2023-12-08 THEN it is a Friday', () => {
  assert.equal(weekday(parseDay('2023-12-08')), 5);
});

test('GIVEN a reference date THEN it is parsed once into its day, parts, weekday and Hijri year', () => {
  const ref = parseReference('2023-12-08T09:30');
  assert.ok(ref);
  assert.deepEqual([ref.y, ref.m, ref.d, ref.weekday, ref.hijriYear, ref.iso, formatDay(ref.day)], [2023, 12, 8, 5, 1445, '2023-12-08', '2023-12-08']);
  assert.equal(parseReference('08/12/2023'), null);
});
