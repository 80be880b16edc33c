/** Table tests of the refiners (refine.ts), on parsed expressions of short texts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTemporal } from '../../../src/core/temporal/index.ts';
import { looksPast } from '../../../src/core/temporal/refine.ts';
import { looksPresent } from '../../../src/core/temporal/tense.ts';

const REF = '2023-12-04'; // a Monday

/** [text, expression, value] — what a refiner settles from the neighbours. */
const rows: [string, string, string | null][] = [
  // bracketed weekday: it names the day just before it
  ['يصل الوفد مساء غد (الثلاثاء) إلى بيروت', 'الثلاثاء', '2023-12-05'],
  ['وقع الهجوم أمس (الأحد) في المدينة', 'الأحد', '2023-12-03'],
  // a weekday in brackets far from the day before it keeps its own reading
  ['وقع الهجوم أمس (الخميس) في المدينة', 'الخميس', '2023-11-30'],
  // clock day: the nearest day before it in its sentence, else after it, else the sentences before
  ['وقع الانفجار يوم السبت الماضي عند الساعة العاشرة صباحا', 'الساعة العاشرة صباحا', '2023-12-02T10:00'],
  ['وصل الرئيس عند الساعة الرابعة مساء الأحد', 'الساعة الرابعة', '2023-12-03T16:00'],
  ['سمع دوي انفجار عند الساعة الثالثة فجرا', 'الساعة الثالثة فجرا', '2023-12-04T03:00'],
  // counted from an event: a date more than a year ahead of بعد needs a future marker
  ['وعاد المسجد إلى الصلاة بعد 109 أعوام، وفق الوزارة', 'بعد 109 أعوام', null],
  ['ويعود الفريق إلى البطولة بعد 40 عاما', 'بعد 40 عاما', null],
  ['أطلق سراحه بعد عشرين شهرا في السجن', 'بعد عشرين شهرا', null],
  ['وسيتم افتتاح المشروع بعد 20 عاما', 'بعد 20 عاما', '2043'],
  ['ومن المقرر أن تنتهي الأشغال بعد عامين', 'بعد عامين', '2025'],
  ['يعقد المؤتمر بعد أسبوع في الرباط', 'بعد أسبوع', '2023-12-11'],
  ['تنتهي ولايته بعد عام', 'بعد عام', '2024'],
  // a clause opened by a verb in the present: a bare weekday is this one or the coming one
  ['يعقد المجلس اجتماعا الخميس في العاصمة', 'الخميس', '2023-12-07'],
  ['ويعقد الحزب اليوم أول اجتماع، على أن يتم يوم الثلاثاء عقد ندوة صحفية', 'يوم الثلاثاء', '2023-12-05'],
  ['تنطلق الدورة يوم الاثنين بمشاركة 20 فريقا', 'يوم الاثنين', '2023-12-04'],
  ['قرر المجلس أن يعقد اجتماعه يوم الجمعة', 'يوم الجمعة', '2023-12-08'],
  // a past verb, one of forms V and VI (تعرض، تظاهر) or after قبل أن / منذ: the past one
  ['تظاهر نحو ألفي شخص في المدينة مساء الأربعاء', 'مساء الأربعاء', '2023-11-29'],
  ['المسجد الذي تعرض الاثنين إلى هجوم', 'الاثنين', '2023-12-04'],
  ['أعدت لهم محاضر قبل أن تحولهم الخميس على وكيل الجمهورية', 'الخميس', '2023-11-30'],
  ['في أول زيارة له منذ تسلمه مهامه الأحد', 'الأحد', '2023-12-03'],
  // a near length counted with بعد after a verb in the past: from the day named before it, else no date
  ['وصل الرئيس إلى تونس يوم 27 نوفمبر وعاد بعد يومين إلى الجزائر', 'بعد يومين', '2023-11-29'],
  ['غادر الوفد العاصمة يوم الخميس الماضي وعاد بعد أسبوع', 'بعد أسبوع', '2023-12-07'],
  ['أطلق سراح الصحفي بعد يومين', 'بعد يومين', null],
  ['وصلت فرق الإنقاذ إلى القرية بعد ثلاثة أيام', 'بعد ثلاثة أيام', null],
  ['سيعود الوفد بعد يومين', 'بعد يومين', '2023-12-06'],
  ['وقال الوزير إن النتائج تعلن بعد أسبوع', 'بعد أسبوع', '2023-12-11'],
  ['تأهلا بعد فرز الأصوات إلى الجولة الثانية التي تجرى بعد نحو أسبوعين', 'بعد نحو أسبوعين', '2023-12-18'],
  // after a superlative, بين opens a comparison window as منذ does: no timeline value
  ['شهدت الخضر أكبر نسب تضخم بين جانفي 2010 وأفريل 2017', 'جانفي 2010', null],
  ['ارتفعت الأسعار بين جانفي 2010 وأفريل 2017', 'جانفي 2010', '2010-01'],
  // a Maghreb month typed with a final ى
  ['قدّم أحد الحرفاء ورقة مزيفة يوم 19 جانفى 2016', 'يوم 19 جانفى 2016', '2016-01-19'],
  // a month without a year right after the reference's is the coming one, unless a past year was just told
  ['وأكد أن إدارته تجري محادثات بشأن زيارات محتملة في النصف الثاني من جانفي', 'النصف الثاني من جانفي', '2024-01'],
  ['متوقعا أن يجتمع مجلس إدارة الصندوق مطلع شهر جانفي', 'مطلع شهر جانفي', '2024-01'],
  ['عثر في 3 نوفمبر 2022 على جثة الباحث. وبعد فشل أول لقاء بين المحققين في جانفي، سحبت روما سفيرها', 'جانفي', '2023-01'],
  ['وقعت الحادثة في فيفري الماضي', 'فيفري الماضي', '2023-02'],
  ['تراجعت المبيعات في فيفري', 'فيفري', '2023-02'],
];

for (const [text, expression, value] of rows) {
  test(`GIVEN «${text}» THEN «${expression}» = ${value}`, () => {
    const at = text.indexOf(expression);
    const hit = findTemporal(text, REF).find((e) => e.start < at + expression.length && e.end > at);
    assert.equal(hit?.value, value);
  });
}

test('GIVEN a date far ahead counted with بعد and no future marker THEN it is the length it counts', () => {
  const found = findTemporal('وعاد المسجد إلى الصلاة بعد 109 أعوام', REF);
  assert.deepEqual(found.map((e) => [e.type, e.value, e.timex]), [['DURATION', null, 'P109Y']]);
});

test('GIVEN a part of the day said alone THEN its TIMEX3 value takes the day named before it', () => {
  const found = findTemporal('هاجم المسلحون القرية يوم السبت ليلا', REF);
  assert.deepEqual(found.map((e) => [e.type, e.timex]), [['DATE', '2023-12-02'], ['TIME', '2023-12-02TNI']]);
});

/** [text, expression, value kept?]: منذ after a superlative or a record opens a comparison window. */
const comparisons: [string, string, boolean][] = [
  ['سجل الاقتصاد أضعف نمو منذ 24 عاما', 'منذ 24 عاما', false],
  ['تراجع الدينار إلى أدنى مستوى له منذ مطلع فبراير', 'مطلع فبراير', false],
  ['هي المرة الأولى منذ 2011 التي يزور فيها الرئيس المدينة', '2011', false],
  ['غادر البلاد منذ 62 سنة ولم يعد', 'منذ 62 سنة', true],
  ['اعتقل في أكثر من 24 قضية سرقة منذ سنة 2009', 'سنة 2009', true],
  // in a negated clause, منذ opens the window of what did not happen: no timeline value
  ['ولم ترصد سيول أي حالات إصابة بشرية منذ 18 نوفمبر', '18 نوفمبر', false],
  ['لم يستطع الجيش أن يتقدم فيها منذ 3 سنوات', 'منذ 3 سنوات', false],
  ['لم يعد الرئيس إلى بلاده منذ سنة 2011', 'سنة 2011', false],
  // a state going on began then; a negation after منذ or past a comma is another clause's
  ['ولا يزال الصحفي معتقلا منذ 12 مارس 2015', '12 مارس 2015', true],
  ['وصل اللاجئون منذ 12 مارس 2015 إلى الجزيرة ولم يغادروها', '12 مارس 2015', true],
  ['لم يصدر أي تعليق، وتحتجز السلطات الصحفي منذ 12 مارس 2015', '12 مارس 2015', true],
];
for (const [text, expression, kept] of comparisons) {
  test(`GIVEN «${text}» THEN «${expression}» ${kept ? 'keeps' : 'loses'} its timeline value`, () => {
    const at = text.indexOf(expression);
    const hit = findTemporal(text, REF).find((e) => e.start < at + expression.length && e.end > at);
    assert.ok(hit?.timex, 'found, with its TIMEX3 value');
    assert.equal(hit.value !== null, kept);
  });
}

/** [word, opens its clause, looks past]: the rough past-verb test that بعد + a length reads. */
const pastWords: [string, boolean, boolean][] = [
  ['نقلت', false, true],
  ['وصلوا', false, true],
  ['وعالجنا', false, true],
  ['تم', false, true],
  ['عاد', true, true],
  ['اطلق', true, true],
  ['غادر', true, true],
  ['عاد', false, false], // three letters inside a clause may be a noun
  ['يعقد', true, false],
  ['تنتهي', true, false],
  ['المفاوضات', true, false],
  ['حكومة', true, false],
];
for (const [word, first, past] of pastWords) {
  test(`looksPast GIVEN «${word}»${first ? ' opening its clause' : ''} THEN ${past}`, () => {
    assert.equal(looksPast(word, first), past);
  });
}

/** [word, looks present]: the rough present-verb test that a bare weekday's clause is read by. */
const presentWords: [string, boolean][] = [
  ['يعقد', true],
  ['ويتم', true],
  ['تنطلق', true],
  ['تتواصل', true],
  ['تجتمع', true],
  ['تعرض', false], // form V past, or a present: not read
  ['تظاهر', false],
  ['تمكنت', false],
  ['يوم', false],
  ['تونس', false],
  ['نشره', false],
];
for (const [word, present] of presentWords) {
  test(`looksPresent GIVEN «${word}» THEN ${present}`, () => {
    assert.equal(looksPresent(word), present);
  });
}

/** [text, expressions found as [text, TIMEX3 value]]: a relative day and a date of that day said together are one expression. */
const appositions: [string, [string, string | null][]][] = [
  ['قضت مفرزة صباح اليوم 4 ديسمبر 2023 على ثمانية إرهابيين', [['صباح اليوم 4 ديسمبر 2023', '2023-12-04TMO']]],
  // a story dated the day after it was written: its اليوم is the day before the reference
  ['وقع الانفجار صباح اليوم 3 ديسمبر في العاصمة', [['صباح اليوم 3 ديسمبر', '2023-12-03TMO']]],
  ['أعلن الوزير مساء أمس 3 ديسمبر عن خطة', [['مساء أمس 3 ديسمبر', '2023-12-03TEV']]],
  ['وصل الوفد أمس، 3 ديسمبر، إلى المدينة', [['أمس، 3 ديسمبر', '2023-12-03']]],
  ['وصل الوفد اليوم (4 ديسمبر) إلى المدينة', [['اليوم (4 ديسمبر)', '2023-12-04']]],
  // a date that is not the day named before it is another time
  ['حدد المجلس أمس 12 مارس موعدا للانتخابات', [['أمس', '2023-12-03'], ['12 مارس', '2023-03-12']]],
  ['وقع الاتفاق اليوم. 5 ديسمبر موعد التوقيع', [['اليوم', '2023-12-04'], ['5 ديسمبر', '2023-12-05']]],
];
for (const [text, expected] of appositions) {
  test(`GIVEN «${text}» THEN its expressions are ${expected.map(([t]) => `«${t}»`).join(' ')}`, () => {
    assert.deepEqual(findTemporal(text, REF).map((e) => [e.text, e.timex]), expected);
  });
}
