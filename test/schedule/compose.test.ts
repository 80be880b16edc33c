import { test } from 'node:test';
import assert from 'node:assert/strict';
import { digestHeading, newestOf } from '../../src/schedule/compose.ts';
import { itemDay } from '../../src/schedule/format.ts';

test('GIVEN a digest period THEN the heading says it, with the day once when it is one day', () => {
  const cases: Array<[string | undefined, string, string]> = [
    ['2026-11-24T05:00:00Z', '2026-11-24T16:00:00Z', 'موجز الأخبار — الثلاثاء 24 نوفمبر، من 08:00 إلى 19:00'],
    ['2026-11-23T05:00:00Z', '2026-11-24T05:00:00Z', 'موجز الأخبار — من الاثنين 23 نوفمبر 08:00 إلى الثلاثاء 24 نوفمبر 08:00'],
    [undefined, '2026-11-24T05:00:00Z', 'موجز الأخبار — الثلاثاء، 24 نوفمبر في 08:00'],
  ];
  for (const [since, slot, expected] of cases) {
    assert.equal(digestHeading({ ...(since ? { since: new Date(since) } : {}), slot: new Date(slot), timeZone: 'Asia/Riyadh' }), expected);
  }
});

test('GIVEN a story\'s articles THEN its day is the newest publication, or the first sighting of an undated one', () => {
  assert.equal(
    newestOf([
      { published: '2026-11-22T10:00:00+03:00', firstSeen: '2026-11-24T01:00:00Z' },
      { published: '2026-11-23T09:00:00Z', firstSeen: '2026-11-24T01:00:00Z' },
      { published: 'not a date', firstSeen: '2026-11-21T00:00:00Z' },
    ]),
    '2026-11-23T09:00:00.000Z',
  );
  assert.equal(newestOf([{ firstSeen: '2026-11-24T01:00:00Z' }]), '2026-11-24T01:00:00.000Z');
  assert.equal(newestOf([]), undefined);
});

test('GIVEN an item\'s day THEN it carries the year only when it is not the digest\'s year', () => {
  const now = new Date('2026-11-24T05:00:00Z');
  assert.equal(itemDay(new Date('2026-11-23T22:00:00Z'), now, 'Asia/Riyadh'), 'الثلاثاء 24 نوفمبر');
  assert.equal(itemDay(new Date('2017-06-20T10:00:00Z'), now, 'Asia/Riyadh'), '20 يونيو 2017');
});
