/**
 * Table tests of the TimeML kinds (DATE, TIME, DURATION, SET) and TIMEX3 values, one row per
 * kind of expression, in news sentences written for these tests (reference: Friday 2023-12-08).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTemporal } from '../../../src/core/temporal/index.ts';

const REF = '2023-12-08';

/** [sentence, expression expected (a substring it overlaps), type, timex, value] */
const rows: [string, string, string, string | null, string | null][] = [
  // lengths of time (DURATION): counts, duals, vague counts, ages, with a lead word and a tail
  ['استمرت الاحتجاجات يومين متتاليين في العاصمة', 'يومين متتاليين', 'DURATION', 'P2D', null],
  ['قتل الشاب البالغ من العمر 26 عاما برصاص الشرطة', '26 عاما', 'DURATION', 'P26Y', null],
  ['أصيب طفل (12 سنة) بجروح خطيرة', '12 سنة', 'DURATION', 'P12Y', null],
  ['استمر الحصار أربعة أيام قبل انسحاب القوات', 'أربعة أيام', 'DURATION', 'P4D', null],
  ['أمهلت الحكومة السفير 48 ساعة لمغادرة البلاد', '48 ساعة', 'DURATION', 'PT48H', null],
  ['توقفت الحركة لمدة عام كامل', 'لمدة عام كامل', 'DURATION', 'P1Y', null],
  ['ظل المعبر مغلقا لسنوات', 'لسنوات', 'DURATION', 'PXY', null],
  ['تستغرق الرحلة 16 ساعة و20 دقيقة', '16 ساعة و20 دقيقة', 'DURATION', 'PT16H20M', null],
  ['وصل الجيش بعد عدة أشهر من القتال', 'عدة أشهر', 'DURATION', 'PXM', null],
  ['فاز الفريق بأربعة أهداف مقابل هدف', '', '', null, null],
  ['أحد عشر لاعبا في الملعب', '', '', null, null],
  ['تعمل الشركة منذ سنوات في السوق', 'منذ سنوات', 'DURATION', 'PXY', null],
  ['ارتفعت الأسعار خلال السنوات الأخيرة', 'السنوات الأخيرة', 'DURATION', 'PXY', null],
  ['قتل ثلاثة أشخاص قبل يوم من الهجوم', 'قبل يوم', 'DURATION', 'P1D', null],
  // counts in words with a clitic or a teen, vague counts and stretches up to or from now
  ['وقعت الحادثة قبل أحد عشر عاما في العاصمة', 'قبل أحد عشر عاما', 'DATE', '2012', '2012'],
  ['حجزت الديوانة خلال الخمسة عشر يوما الأخيرة 40 سيارة', 'الخمسة عشر يوما الأخيرة', 'DURATION', 'P15D', null],
  ['دعا إلى وقف إطلاق النار لسبعة أيام في حلب', 'لسبعة أيام', 'DURATION', 'P7D', null],
  ['قرر ماكرون بعدها بأربعة أشهر الترشح', 'بأربعة أشهر', 'DURATION', 'P4M', null],
  ['احتجز التاجر الشاب لعدة ساعات داخل منزله', 'لعدة ساعات', 'DURATION', 'PTXH', null],
  ['عاش الأمازيغ في المنطقة منذ عشرات السنين', 'عشرات السنين', 'DURATION', 'PXY', null],
  ['ارتفع عدد الأيام الممطرة هذا العام', 'هذا العام', 'DATE', '2023', '2023'],
  ['أغلقت الطريق لمدة ساعة ونصف', 'لمدة ساعة ونصف', 'DURATION', 'PT1.5H', null],
  ['يسدد القرض على امتداد 32 سنة ونصف', '32 سنة ونصف', 'DURATION', 'P32.5Y', null],
  ['انتظر المسافرون نصف ساعة في المطار', 'نصف ساعة', 'DURATION', 'PT0.5H', null],
  ['قتل ألف شخص في يوم واحد', 'يوم واحد', 'DURATION', 'P1D', null],
  ['كانت مقابلة لبضع دقائق فقط', 'لبضع دقائق فقط', 'DURATION', 'PTXM', null],
  ['عمل في هذا المجال سنوات طويلة قبل عودته', 'سنوات طويلة', 'DURATION', 'PXY', null],
  ['تمكنت الوحدات خلال اليومين الماضيين من إيقاف 79 شخصا', 'اليومين الماضيين', 'DURATION', 'P2D', null],
  ['ارتفعت الصادرات خلال الشهرين الأولين من سنة 2017', 'الشهرين الأولين', 'DURATION', 'P2M', null],
  ['ستصدر الحركة بيانا خلال الساعات القليلة القادمة', 'الساعات القليلة القادمة', 'DURATION', 'PTXH', null],
  ['تراجع الاستثمار في السنوات السابقة', 'السنوات السابقة', 'DURATION', 'PXY', null],
  ['عثر على جثة شاب في العقد الرابع من العمر', 'العقد الرابع من العمر', 'DURATION', 'PXDE', null],
  ['قاد البلاد منذ العقد الثالث من القرن العشرين', 'العقد الثالث من القرن العشرين', 'DATE', '192X', null],
  // the day of a verb's act before من (تمكنت … اليوم من), and the start or end of a day
  ['تمكنت الوحدات الأمنية صباح اليوم من حجز كمية من السجائر', 'صباح اليوم', 'TIME', '2023-12-08TMO', '2023-12-08'],
  ['تمكنت فرقة الشرطة اليوم من إيقاف شخصين', 'اليوم', 'DATE', '2023-12-08', '2023-12-08'],
  ['اندلع الحريق في الساعات الأولى من صباح أمس الخميس', 'الساعات الأولى من صباح أمس الخميس', 'TIME', '2023-12-07TMO', '2023-12-07'],
  ['عثر على الجثة في ساعة متأخرة من ليلة أمس', 'ساعة متأخرة من ليلة أمس', 'TIME', '2023-12-07TNI', '2023-12-07'],
  // seasons in a construct, named days of the year, recurrences said with بشكل and مرة في
  ['انشق الدبلوماسي عن النظام صيف هذا العام', 'صيف هذا العام', 'DATE', '2023-SU', null],
  ['يقدر الطلب على الكهرباء بالنسبة لصائفة 2017 بنحو 3900 ميغاوات', 'صائفة 2017', 'DATE', '2017-SU', null],
  ['هاجم مسلح ملهى ليليا ليلة رأس السنة', 'ليلة رأس السنة', 'TIME', 'XXXX-12-31TNI', null],
  ['أدى الرئيس صلاة عيد الفطر المبارك بجامع مالك ابن أنس', 'عيد الفطر المبارك', 'DATE', null, null],
  ['اندلعت مواجهات خلال مسيرات عيد العمال في باريس', 'عيد العمال', 'DATE', 'XXXX-05-01', null],
  ['تهاجم البحرية الصيادين بشكل يومي', 'بشكل يومي', 'SET', 'P1D', null],
  // lengths joined by و (one DURATION), ordinal stretches counted so far, recurrence adjectives
  ['قضت المحكمة بسجنه لمدة سنتين وثلاثة أشهر', 'لمدة سنتين وثلاثة أشهر', 'DURATION', 'P2Y3M', null],
  ['أمضى في السجن 4 سنوات و6 أشهر', '4 سنوات و6 أشهر', 'DURATION', 'P4Y6M', null],
  ['حكم عليه بعشر سنوات و5 سنوات مع تأجيل التنفيذ', '5 سنوات', 'DURATION', 'P5Y', null],
  ['تواصل الإضراب لليوم الرابع على التوالي في المستشفيات', 'الرابع على التوالي', 'DURATION', 'P4D', null],
  ['تراجع الإنتاج للشهر السابع على التوالي', 'السابع على التوالي', 'DURATION', 'P7M', null],
  ['خرج المحتجون لليلة السادسة على التوالي', 'السادسة على التوالي', 'DURATION', 'P6D', null],
  ['فاز الفريق بالبطولة للمرة الثالثة على التوالي', '', '', null, null],
  ['قدم البنك تقريره السنوي أمام البرلمان', 'السنوي', 'SET', 'P1Y', null],
  ['يتقاضى الرئيس راتبا شهريا قدره 400 ألف دولار', 'شهريا', 'SET', 'P1M', null],
  ['أقيمت السوق الأسبوعية في ساحة المدينة', 'الأسبوعية', 'SET', 'P1W', null],
  ['زار الوفد تونس يومي 4 و5 جوان', 'يومي 4 و5 جوان', 'DATE', '2023-06-04', '2023-06-04'],
  // a period told from another one, with clitics and either order; quarters said الثلاثية
  ['قام في شهر أبريل من ذلك العام بتأسيس حركة', 'ذلك العام', 'DATE', null, null],
  ['سجل نموا مقارنة بذات الفترة من السنة الماضية', 'ذات الفترة', 'DATE', null, null],
  ['ارتفعت الأسعار مقارنة بالشهر ذاته من العام الماضي', 'الشهر ذاته', 'DATE', null, null],
  ['تراجع الناتج خلال الثلاثية الأولى من 2017', 'الثلاثية الأولى من 2017', 'DATE', '2017-Q1', '2017-Q1'],
  ['استطاعت لوبان أن تتصدر الاستطلاعات لهذه السنة', 'هذه السنة', 'DATE', '2023', '2023'],
  // TimeML extents: a leading preposition is a signal, outside the span; the day word before a date is inside
  ['تحدث الوزير في الوقت الحالي عن الأزمة', 'الوقت الحالي', 'DATE', '2023-12-08', null],
  ['وقع الاتفاق يوم 26 نوفمبر في الرباط', 'يوم 26 نوفمبر', 'DATE', '2023-11-26', '2023-11-26'],
  // a bare year after من that closes a period
  ['بلغ العجز 1543 مليون دينار خلال الأشهر العشرة الأولى من 2015', '2015', 'DATE', '2015', '2015'],
  ['سيكون إقلاع الاقتصاد بدءا من 2017', '2017', 'DATE', '2017', '2017'],
  ['نقل 1500 من 2000 مسافر', '', '', null, null],
  ['يجتمع المجلس مرتين في الشهر', 'مرتين في الشهر', 'SET', 'P1M', null],
  // a period named with a unit word is a date, not a length
  ['ارتفعت الصادرات خلال شهر نوفمبر 2016', 'نوفمبر 2016', 'DATE', '2016-11', '2016-11'],
  ['سجلت 602 سنة 2015 حالة', 'سنة 2015', 'DATE', '2015', '2015'],
  // recurrences (SET)
  ['تقام البطولة كل عامين في مدينة مختلفة', 'كل عامين', 'SET', 'P2Y', null],
  ['ينظم المهرجان سنويا في قرطاج', 'سنويا', 'SET', 'P1Y', null],
  ['يتجمع المتظاهرون كل يوم سبت أمام البرلمان', 'كل يوم سبت', 'SET', 'P1W', null],
  ['تجرى الانتخابات كل أربع سنوات', 'كل أربع سنوات', 'SET', 'P4Y', null],
  ['تصدر النشرة أسبوعيا', 'أسبوعيا', 'SET', 'P1W', null],
  // decades and centuries (EDTF), with a part of the period as mod
  ['ازدهرت السينما المصرية في الستينيات', 'الستينيات', 'DATE', '196X', null],
  ['عرض المسلسل في ستينيات القرن الماضي', 'ستينيات القرن الماضي', 'DATE', '196X', null],
  ['عرض المسلسل في السبعينيات من القرن العشرين', 'السبعينيات من القرن العشرين', 'DATE', '197X', null],
  ['عاش الشاعر في القرن التاسع عشر', 'القرن التاسع عشر', 'DATE', '18XX', null],
  ['نعيش في القرن الـ21', 'القرن الـ21', 'DATE', '20XX', null],
  ['بني القصر في أواخر القرن التاسع عشر', 'أواخر القرن التاسع عشر', 'DATE', '18XX', null],
  ['عاد الأمن في العقد الماضي', 'العقد الماضي', 'DATE', '201X', null],
  // now and fuzzy times
  ['يعيش اللاعب الآن في باريس', 'الآن', 'DATE', '2023-12-08', null],
  ['تتفاوض الحكومة حاليا مع النقابات', 'حاليا', 'DATE', '2023-12-08', null],
  ['تراجعت أسعار النفط مؤخرا', 'مؤخرا', 'DATE', 'PAST_REF', null],
  ['سيتم الإعلان عن النتائج قريبا', 'قريبا', 'DATE', 'FUTURE_REF', null],
  ['كما حدث في الماضي مع الحكومات السابقة', 'في الماضي', 'DATE', 'PAST_REF', null],
  ['لم تعلن أي جهة مسؤوليتها حتى الآن', 'حتى الآن', 'DATE', 'PRESENT_REF', null],
  // weeks
  ['عقد الاجتماع الأسبوع الماضي في جنيف', 'الأسبوع الماضي', 'DATE', '2023-W48', null],
  ['تستأنف المفاوضات الأسبوع المقبل', 'الأسبوع المقبل', 'DATE', '2023-W50', null],
  ['تغلق المتاجر في نهاية الأسبوع', 'نهاية الأسبوع', 'DATE', '2023-W49-WE', null],
  // times of day (TIME)
  ['شن الطيران غارات فجر الجمعة على المدينة', 'فجر الجمعة', 'TIME', '2023-12-08TMO', '2023-12-08'],
  ['هاجم المسلحون القرية أمس الخميس ليلا', 'ليلا', 'TIME', '2023-12-07TNI', null],
  ['وقعت الهزة الساعة الثانية و 51 دقيقة', 'الساعة الثانية و 51 دقيقة', 'TIME', '2023-12-08T02:51', '2023-12-08T02:51'],
  ['وسجل الذهب 1250 دولارا الساعة 0553 بتوقيت جرينتش', 'الساعة 0553', 'TIME', '2023-12-08T05:53', '2023-12-08T05:53'],
  // bare years that are dates
  ['1956 - جمال عبد الناصر يعلن تأميم قناة السويس', '1956', 'DATE', '1956', '1956'],
  ['أخرج فيلم الوصايا العشر (1956) بميزانية ضخمة', '1956', 'DATE', '1956', '1956'],
  ['فاز الفريق باللقب في موسم 1979', '1979', 'DATE', '1979', '1979'],
  ['عاش في المدينة بين العامين 1910 و1912', 'العامين 1910', 'DATE', '1910', '1910'],
  ['قدرت الخسائر بـ 2000 مليون دينار', '', '', null, null],
  ['أقام في باريس من 1969 إلى غاية 1972 ثم عاد', '1969 إلى غاية 1972', 'DATE', '1969', '1969'],
  ['حكم البلاد بين 1954-1989 بقبضة من حديد', '1954-1989', 'DATE', '1954', '1954'],
  ['ظل في منصبه إلى غاية 1998.', '1998', 'DATE', '1998', '1998'],
  // a year naming a thing or describing someone: its TIMEX3 value, no timeline value
  ['بلغت نسبة المشاركة في انتخابات 2009 نحو 60 بالمئة', '2009', 'DATE', '2009', null],
  ['أوقفت الشرطة شابا من مواليد 1991 بعد مداهمة منزله', '1991', 'DATE', '1991', null],
  ['قتل نحو 2000 شخص في المعارك', '', '', null, null],
  // a day or period told from another one: a date with no value of its own
  ['وصل الوفد في اليوم التالي إلى العاصمة', 'في اليوم التالي', 'DATE', null, null],
  ['تراجع الإنتاج مقارنة مع الموسم الماضي', 'الموسم الماضي', 'DATE', null, null],
  // paired months, Hijri years and Hijri dates with slashes and ranges
  ['ولد في 25 حزيران/يونيو 1950 في القاهرة', '25 حزيران/يونيو 1950', 'DATE', '1950-06-25', '1950-06-25'],
  ['صدر المرسوم الملكي عام 1436 هـ', '1436 هـ', 'DATE', '2014', '2014'],
  ['تقام الفعاليات من 2 إلى 5 / 11 / 1436 هـ في جدة', '2 إلى 5 / 11 / 1436 هـ', 'DATE', '2015-08-17', '2015-08-17'],
  ['صدر القرار بتاريخ 5 / 11 / 1436 هـ', '5 / 11 / 1436 هـ', 'DATE', '2015-08-20', '2015-08-20'],
  // direction by tense and by a bracketed weekday
  ['ستجرى الانتخابات البلدية في سبتمبر', 'سبتمبر', 'DATE', '2024-09', '2024-09'],
  ['يصل الوفد مساء غد (السبت) إلى الدوحة', 'السبت', 'DATE', '2023-12-09', '2023-12-09'],
];

for (const [sentence, expression, type, timex, value] of rows) {
  test(`GIVEN «${sentence}» THEN «${expression || 'nothing'}» is ${type || 'not found'} ${timex ?? ''}`, () => {
    const found = findTemporal(sentence, REF);
    if (expression === '') {
      assert.deepEqual(found.map((e) => e.text), []);
      return;
    }
    const at = sentence.indexOf(expression);
    assert.ok(at >= 0, 'the expression is in the sentence');
    const hit = found.find((e) => e.start < at + expression.length && e.end > at);
    assert.ok(hit, `found: ${found.map((e) => e.text).join(' | ') || 'nothing'}`);
    assert.deepEqual([hit.type, hit.timex, hit.value], [type, timex, value]);
  });
}

/** [sentence, span expected exactly]: TimeML extents. */
const extents: [string, string][] = [
  ['لم تعلن أي جهة مسؤوليتها حتى الآن', 'الآن'],
  ['تحدث الوزير في الوقت الحالي عن الأزمة', 'الوقت الحالي'],
  ['وقع الاتفاق يوم 26 نوفمبر في الرباط', 'يوم 26 نوفمبر'],
  ['انعقد المؤتمر يومي 12 و13 جوان', 'يومي 12 و13 جوان'],
  ['نشر التقرير السنوي لعام 2005', 'عام 2005'],
  ['وصل اليوم 12 مارس', '12 مارس'],
];
for (const [sentence, span] of extents) {
  test(`GIVEN «${sentence}» THEN the span is «${span}»`, () => {
    assert.ok(findTemporal(sentence, REF).some((e) => e.text === span), findTemporal(sentence, REF).map((e) => e.text).join(' | '));
  });
}

test('GIVEN a part of a period THEN its mod says which part', () => {
  const mods = ['مطلع 2024', 'منتصف يناير المقبل', 'أواخر القرن التاسع عشر'].map((s) => findTemporal(`جرى ذلك ${s}`, REF)[0]?.mod);
  assert.deepEqual(mods, ['START', 'MID', 'END']);
});

test('GIVEN the name آلان (Alain) THEN it is not "now"', () => {
  assert.deepEqual(findTemporal('التقى وزير الخارجية آلان جوبيه نظيره', REF), []);
});

test('GIVEN no reference date THEN expressions are found with no values', () => {
  const [e] = findTemporal('استمر الحصار أربعة أيام', 'bad');
  assert.equal(e?.type, 'DURATION');
  assert.equal(e?.timex, null);
});

/** [sentence, expression, timex]: seasons and counted stretches up to or from now. */
const more: [string, string, string][] = [
  ['زار الرئيس فرنسا الصيف الماضي', 'الصيف الماضي', '2023-SU'],
  ['تنطلق الأشغال في الربيع المقبل', 'الربيع المقبل', '2024-SP'],
  ['وقعت المعارك في صيف 2014', 'صيف 2014', '2014-SU'],
  ['تراجعت المبيعات خلال الأشهر الستة الماضية', 'الأشهر الستة الماضية', 'P6M'],
  ['قتل 20 شخصا خلال الساعات الـ24 الأخيرة', 'الساعات الـ24 الأخيرة', 'PT24H'],
  ['افتتح السد في صائفة 2016', 'صائفة 2016', '2016-SU'],
  ['تراجعت الصادرات في الثلاثة أشهر الأولى من السنة', 'الثلاثة أشهر الأولى', 'P3M'],
  ['ارتفع الدين خلال الخمس سنوات الماضية', 'الخمس سنوات الماضية', 'P5Y'],
];
for (const [sentence, expression, timex] of more) {
  test(`GIVEN «${sentence}» THEN «${expression}» has the TIMEX3 value ${timex}`, () => {
    const at = sentence.indexOf(expression);
    const hit = findTemporal(sentence, REF).find((e) => e.start < at + expression.length && e.end > at);
    assert.equal(hit?.timex, timex);
    assert.equal(hit?.value, null);
  });
}

test('GIVEN the Arab Spring THEN no season is found', () => {
  assert.deepEqual(findTemporal('اندلعت احتجاجات الربيع العربي في تونس', REF), []);
});
