import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baselineFigure, withBaselineFigure, withoutBaseline } from '../../../src/core/temporal/comparison.ts';
import { findTemporal } from '../../../src/core/temporal/index.ts';
import { buildTimeline } from '../../../src/core/timeline.ts';
import { segment } from '../../../src/core/text/segment.ts';

/** The figure the time written between 【 and 】 closes as a baseline. */
function figureOf(marked: string): string[] | null {
  const start = marked.indexOf('【');
  return baselineFigure(marked.replace('【', '').replace('】', ''), 0, { start });
}

test('baselineFigure GIVEN a figure after مقابل right before its time THEN the time dates that figure', () => {
  const cases: [string, string[] | null][] = [
    ['بلغت نسبة النمو 3ر2 بالمائة خلال سنة 2014، مقابل 4ر2 بالمائة، خلال 【سنة 2013】، بتراجع', ['4ر2', 'بالمائة']],
    ['نسبة 10.2% من إجمالي صادرات الخيرات مقابل 16.2% خلال نفس الفترة من 【سنة 2015】.', ['16.2%']],
    ['عجز تجاري قدرت قيمته ب12620،5 مليون دينار (م د) مقابل عجز ب12047،6 م د لكامل 【سنة 2015】 وفق', ['ب12047،6', 'م', 'د']],
    ['(2703،8 م د مقابل 3391،6 م د في 【2015】) اي ما يمثل', ['3391،6', 'م', 'د']],
    ['لتبلغ 70.3 % مقابل 70.1 % خلال الفترة ذاتها من 【السنة الماضية】، فيما', ['70.1', '%']],
    // Not a baseline: no figure, a verb between, or the time far from the figure.
    ['وقع الاتفاق مقابل الإفراج عن الأسرى في 【2015】', null],
    ['بلغت 12 مليون دينار مقابل 10 ملايين وارتفعت الأسعار في 【2015】', null],
    ['فاز الفريق بثلاثة أهداف مقابل هدف. وفي 【2015】 فاز', null],
    ['سجلت المحطة إصابات في 【2015】', null],
  ];
  for (const [marked, figure] of cases) assert.deepEqual(figureOf(marked), figure, marked);
});

test('withBaselineFigure GIVEN a clause comparing two figures THEN the baseline figure takes the place of the other', () => {
  const cases: [string, string[], string][] = [
    ['بلغت نسبة النمو في تونس 3ر2 بالمائة مقابل 4ر2 بالمائة', ['4ر2', 'بالمائة'], 'بلغت نسبة النمو في تونس 4ر2 بالمائة'],
    ['مثلت قيمة الصادرات نسبة 10.2% من إجمالي صادرات الخيرات مقابل 16.2%', ['16.2%'], 'مثلت قيمة الصادرات نسبة 16.2% من إجمالي صادرات الخيرات'],
    ['أنهت تونس على عجز تجاري قدرت قيمته ب12620،5 مليون دينار (م د) مقابل عجز ب12047،6 م د لكامل', ['ب12047،6', 'م', 'د'], 'أنهت تونس على عجز تجاري قدرت قيمته ب12047،6 م د'],
    ['ليستقر فى حدود 733 7 مليون دينار (م د) مقابل 488 5 م د', ['488', '5', 'م', 'د'], 'ليستقر فى حدود 488 5 م د'],
    ['سجلت تحسنا بنسبة 18% ( 7،1 د/كغ مقابل 6 د/كغ', ['6', 'د/كغ'], 'سجلت تحسنا بنسبة 18% 6 د/كغ'],
    // The baseline names another change ("تراجع" after "ارتفعت"): its figure is not put in the rise's place.
    ['ارتفعت قيمة الصادرات بنسبة 5 % مقابل تراجع بنسبة 4.2 %', ['4.2', '%'], 'ارتفعت قيمة الصادرات بنسبة 5 % مقابل تراجع بنسبة 4.2 %'],
    // Nothing compared in the event: it stays.
    ['تفاقم العجز التجاري', ['4ر2'], 'تفاقم العجز التجاري'],
  ];
  for (const [event, figure, want] of cases) assert.equal(withBaselineFigure(event, figure), want, event);
});

test('withoutBaseline GIVEN the later figure`s event THEN the baseline and its period words go', () => {
  const cases: [string, string[], string][] = [
    ['بلغت نسبة النمو في تونس 3ر2 بالمائة مقابل 4ر2 بالمائة', ['4ر2', 'بالمائة'], 'بلغت نسبة النمو في تونس 3ر2 بالمائة'],
    ['أنهت تونس على عجز تجاري قدرت قيمته ب12620،5 مليون دينار (م د) مقابل عجز ب12047،6 م د لكامل', ['ب12047،6', 'م', 'د'], 'أنهت تونس على عجز تجاري قدرت قيمته ب12620،5 مليون دينار (م د)'],
    ['مثلت نسبة 1ر7 بالمائة مقابل 2ر10 بالمائة وسجلت الواردات تقلصا', ['2ر10', 'بالمائة'], 'مثلت نسبة 1ر7 بالمائة وسجلت الواردات تقلصا'],
  ];
  for (const [event, figure, want] of cases) assert.equal(withoutBaseline(event, figure), want, event);
});

test('GIVEN figures compared across years THEN each year`s entry carries its own figure', () => {
  const text = [
    'بلغت نسبة النمو في تونس 3ر2 بالمائة خلال سنة 2014، مقابل 4ر2 بالمائة، خلال سنة 2013، بتراجع نسبته 1ر0 نقطة،وفق المعهد الوطني للإحصاء.',
    'وقدرت نسبة النمو المسجلة، في الثلاثي الرابع من السنة المنقضية، 3ر2 بالمائة مقابل 1ر2 بالمائة في الثلاثي الأخير من سنة 2013،',
    'وساهم الميزان الطاقي في تسجيل هذا العجز (2703،8 م د مقابل 3391،6 م د في 2015) اي ما يمثل 21،4 بالمائة من العجز الجملي.',
  ].join('\n');
  const entries = buildTimeline(text, segment(text), findTemporal(text, '2015-02-25'));
  const events = entries.map((e) => `${e.date} ${e.event}`);
  assert.deepEqual(events, [
    '2013 بلغت نسبة النمو في تونس 4ر2 بالمائة',
    '2013-Q4 قدرت نسبة النمو المسجلة 1ر2 بالمائة',
    '2014 بلغت نسبة النمو في تونس 3ر2 بالمائة',
    '2014-Q4 قدرت نسبة النمو المسجلة 3ر2 بالمائة',
    '2015 ساهم الميزان الطاقي في تسجيل هذا العجز 3391،6 م د',
  ]);
});
