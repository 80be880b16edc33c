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
  // A day-only publication is kept as that day; a timed article of the same day is newer.
  assert.equal(newestOf([{ published: '2017-06-19', firstSeen: '2026-11-24T01:00:00Z' }]), '2017-06-19');
  assert.equal(
    newestOf([
      { published: '2017-06-19', firstSeen: '2026-11-24T01:00:00Z' },
      { published: '2017-06-19T09:30:00+01:00', firstSeen: '2026-11-24T01:00:00Z' },
    ]),
    '2017-06-19T08:30:00.000Z',
  );
});

test('GIVEN a day-only publication THEN the item shows that day in every time zone', () => {
  const now = new Date('2026-11-24T05:00:00Z');
  for (const zone of ['Asia/Riyadh', 'America/New_York', 'Pacific/Auckland', 'UTC']) {
    assert.equal(itemDay('2017-06-19', now, zone), '19 يونيو 2017', zone);
  }
  // A timed one is still shown in the digest's zone: 22:00 UTC on the 23rd is the 24th in Riyadh.
  assert.equal(itemDay('2026-11-23T22:00:00.000Z', now, 'Asia/Riyadh'), 'الثلاثاء 24 نوفمبر');
});

test('GIVEN an item\'s day THEN it carries the year only when it is not the digest\'s year', () => {
  const now = new Date('2026-11-24T05:00:00Z');
  assert.equal(itemDay(new Date('2026-11-23T22:00:00Z'), now, 'Asia/Riyadh'), 'الثلاثاء 24 نوفمبر');
  assert.equal(itemDay(new Date('2017-06-20T10:00:00Z'), now, 'Asia/Riyadh'), '20 يونيو 2017');
});
