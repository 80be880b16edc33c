import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidDateError, parsePublished, referenceFor, referenceFromWeekday, referenceInText } from '../../src/core/reference.ts';
import { analyze } from '../../src/core/analyze.ts';
import { segment } from '../../src/core/text/segment.ts';
import { findTemporal } from '../../src/core/temporal/index.ts';

test('parsePublished GIVEN ISO and RFC 822 values THEN the day and time as written, in their own offset', () => {
  const cases: [string, ReturnType<typeof parsePublished>][] = [
    ['2023-12-08', { reference: '2023-12-08' }],
    ['2017-01-21T23:43:00+01:00', { reference: '2017-01-21', referenceTime: '23:43' }],
    ['2017-01-21 07:05', { reference: '2017-01-21', referenceTime: '07:05' }],
    ['Sat, 21 Jan 2017 23:43:00 +0100', { reference: '2017-01-21', referenceTime: '23:43' }],
    ['21 January 2017 9:05 GMT', { reference: '2017-01-21', referenceTime: '09:05' }],
    ['Tue, 3 Mar 2015', { reference: '2015-03-03' }],
  ];
  for (const [value, expected] of cases) assert.deepEqual(parsePublished(value), expected, value);
  for (const bad of ['2023-02-30', '2023-12-08T25:00', 'Fri, 31 Feb 2023 10:00:00 GMT', 'yesterday', '']) {
    assert.throws(() => parsePublished(bad), InvalidDateError, bad);
  }
});

test('referenceFor GIVEN no publication value or an unreadable one THEN today in the zone, marked as today', () => {
  const now = new Date('2023-12-08T22:30:00Z'); // the 9th in Riyadh
  assert.deepEqual(referenceFor(undefined, now, 'Asia/Riyadh'), { reference: '2023-12-09', referenceIsToday: true });
  assert.deepEqual(referenceFor('  ', now, 'UTC'), { reference: '2023-12-08', referenceIsToday: true });
  assert.deepEqual(referenceFor('not a date', now, 'UTC'), { reference: '2023-12-08', referenceIsToday: true });
  assert.deepEqual(referenceFor('Sat, 21 Jan 2017 23:43:00 +0100', now, 'Asia/Riyadh'), { reference: '2017-01-21', referenceTime: '23:43' });
});

test('referenceInText GIVEN a dateline, a dated today or yesterday, or only history THEN the article day or null', () => {
  const today = '2026-12-07';
  const cases: [string, string | null][] = [
    ['الرياض 11 أغسطس 2015 (واس) - أعلنت وزارة الداخلية القبض على خلية. وقالت إنها ستحيلهم إلى القضاء.', '2015-08-11'],
    ['أكد الوزير اليوم الثلاثاء 21 مارس 2017 أن الحكومة ماضية في الإصلاح.', '2017-03-21'],
    ['وصل الوفد إلى تونس. وحلت الضيفة أمس الجمعة 29 أفريل 2016 على برنامج "هي الحدث".', '2016-04-30'],
    ['تنطلق غدا الأحد 9 أفريل 2017 حملة الانتخابات.', '2017-04-08'],
    ['وصل الوفد إلى تونس. وكانت الحرب قد اندلعت في 5 يونيو 1967 بين مصر وإسرائيل.', null], // history, not the article's day
    ['قال الوزير إن الحكومة ستعلن خطتها قريبا.', null],
  ];
  for (const [text, expected] of cases) {
    assert.equal(referenceInText(segment(text), findTemporal(text, today)), expected, text);
  }
});

test('analyze GIVEN no publication date THEN the dateline is the reference; with none, today, said in the analysis', () => {
  const dated = 'تونس 21 مارس 2017 - أعلنت وزارة الداخلية أمس القبض على ثلاثة مشتبه بهم في ولاية سوسة.';
  const a = analyze({ text: dated, reference: '2026-12-07', referenceIsToday: true });
  assert.deepEqual(a.reference, { date: '2017-03-21', from: 'text' });
  assert.ok(a.timeline.some((e) => e.date === '2017-03-20'), JSON.stringify(a.timeline));
  const undated = 'أعلنت وزارة الداخلية أمس القبض على ثلاثة مشتبه بهم في ولاية سوسة وحجز كمية من الأسلحة.';
  const b = analyze({ text: undated, reference: '2026-12-07', referenceIsToday: true });
  assert.deepEqual(b.reference, { date: '2026-12-07', from: 'today' });
  assert.deepEqual(b.timeline.map((e) => e.date), ['2026-12-06']);
  assert.deepEqual(analyze({ text: dated, reference: '2017-03-22' }).reference, { date: '2017-03-22', from: 'published' });
});

test('referenceFromWeekday GIVEN an undated article naming its own weekday THEN the latest such day up to today, else null', () => {
  const today = '2026-12-07'; // a Monday
  const cases: [string, string | null][] = [
    ['دعا متحدث باسم السفارة اليوم الجمعة الحكومة إلى حماية الطواقم.', '2026-12-04'],
    ['أعلنت الوزارة أمس الخميس القبض على ثلاثة مشتبه بهم.', '2026-12-04'], // told the day after Thursday
    ['أعلنت الوزارة أمس الأحد القبض على ثلاثة مشتبه بهم.', null], // yesterday was Sunday: today already
    ['قال الوزير اليوم الاثنين إن الحكومة ماضية في الإصلاح.', null],
    ['تنطلق غدا السبت حملة الانتخابات.', '2026-12-04'], // told on the Friday before
    ['وقع الانفجار يوم الجمعة الماضي في سوق المدينة.', null], // no deictic word: the weekday is not the article's day
    ['قال الوزير إن الحكومة ستعلن خطتها قريبا.', null],
  ];
  for (const [text, expected] of cases) {
    assert.equal(referenceFromWeekday(findTemporal(text, today), today), expected, text);
  }
});

test('analyze GIVEN no date anywhere but "اليوم الجمعة" THEN that Friday of this week is the day "فجر الجمعة" and "أمس" count from, still said to be from today', () => {
  const text = 'دعا متحدث باسم السفارة الأميركية في بغداد اليوم الجمعة الحكومة العراقية إلى حماية الطواقم الدبلوماسية. واستهدفت ثلاثة صواريخ السفارة فجر الجمعة. وكان مسلحون قد هاجموا قاعدة عسكرية أمس.';
  const a = analyze({ text, reference: '2026-12-07', referenceIsToday: true });
  assert.deepEqual(a.reference, { date: '2026-12-04', from: 'today' });
  assert.deepEqual(a.timeline.map((e) => e.date), ['2026-12-03', '2026-12-04', '2026-12-04']);
});
