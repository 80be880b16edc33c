import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparedOnly, datesNoEvent, endsContinuation, endsQuotedTitle, datesTellingOnly, endsRange, extendsContinuation, headsMonth, meansNowadays, namesEdition, namesSomething, restates, statesNowadays, windowsCount, type TimeAt } from '../../../src/core/temporal/not-event.ts';
import { findTemporal } from '../../../src/core/temporal/index.ts';
import { buildTimeline } from '../../../src/core/timeline.ts';
import { segment } from '../../../src/core/text/segment.ts';

/** The time written between 【 and 】 in `marked`, with `value`; and the text without the marks. */
function at(marked: string, value: string | null = '2015-08-07'): { text: string; t: TimeAt } {
  const start = marked.indexOf('【');
  const end = marked.indexOf('】') - 1;
  const text = marked.replace('【', '').replace('】', '');
  return { text, t: { start, end, text: text.slice(start, end), value } };
}

test('comparedOnly GIVEN a time a figure is compared with THEN it dates nothing; a baseline with its own figure, or the figure\'s own time, does', () => {
  const cases: [string, boolean][] = [
    ['ارتفعت قيمته المضافة بنسبة 4،2 بالمائة مقارنة مع نفس الفترة من 【سنة 2015】', true],
    ['بلغت نسبة ارتفاع السياح 184 بالمئة مقارنة بالشهر ذاته من 【عام 2014】', true],
    ['تطورت الأنشطة بنسبة 0.2 بالمائة خلال الثلاثي الأول من سنة 2017مقارنة بنفس الفترة من 【سنة 2016】', true], // no space after the year
    ['سجلت الأسعار ارتفاعا بنسبة 9.3% بالمقارنة مع 【شهر سبتمبر من السنة المنقضية】', true],
    ['قتل 1792 شخصا في أكتوبر مقارنة بـ 1003 لقوا مصرعهم في 【سبتمبر الماضي】', false], // a baseline figure of its own
    ['بلغت نسبة ارتفاع السياح خلال 【ديسمبر 2016】 184 بالمئة مقارنة بالشهر ذاته من عام 2014', false],
    ['وفي إطار المقارنة، أعلنت الوزارة 【أمس】 نتائجها', false],
  ];
  for (const [marked, expected] of cases) {
    const { text, t } = at(marked);
    assert.equal(comparedOnly(text, t), expected, marked);
  }
});

test('namesSomething GIVEN a date right after a law, an anniversary, a revolution, named attacks or a budget THEN it only names it', () => {
  const cases: [string, boolean][] = [
    ['طبق الفصلين 92 و93 من قانون 【7 اوت 2015】 المتعلق بالارهاب', true],
    ['وتنظيم اجتماع عام لإحياء ذكرى 【2 مارس 1934】 وذلك يوم الأحد', true],
    ['بمناسبة الذكرى 65 لثورة 【18 جانفي 1952】', true],
    ['بينت فيتش ان ميزانية 【سنة 2016】 بعيدة عن تحسين تركيبة نفقات الدولة', true],
    ['تكريس ما جاء به دستور 【27 جانفي 2014】 من مبادئ', true],
    ['معبرا أن إعادة القانون 【اليوم】 لمناقشته لن يخدم البلاد', false], // today, not a name
    ['وصادق البرلمان على القانون في 【7 اوت 2015】', false],
    ['اندلعت الاحتجاجات 【7 اوت 2015】 في العاصمة', false],
    ['انتظمت صباح الأحد بالمركب الشبابي 【17 ديسمبر】 بسيدي بوزيد', true], // a place and its nisba adjective
    ['نفّذ الإطار التربوي بالمدرسة 【20 مارس】 بحي خالد بن الوليد', true],
    ['ومنذ تأسيس الجامعة العربية 【عام 1945】 عقد القادة العرب 33 قمة', false], // a year after a body dates what it did
    ['وقال إن دراسة أنجزها المعهد 【سنة 2015】 على عينة تمثيلية', false],
    ['صادقت اللجنة على الفصل 63 من مشروع قانون المالية 【لسنة 2017】 المتعلق بدعم السكن', true], // a budget law named by its year
    ['للنظر في الفصول الخلافية في قانون المالية 【للسنة القادمة】', true],
    // the time read from سنة, the ل glued before it: the noun before the ل names
    ['التمويلات التي ستخصص لتمويل حاجيات الميزانية ل【سنة 2017】 .', true],
    ['الكتلة النيابية للجبهة ستصوت ضد مشروع قانون المالية ل【سنة 2017】', true],
    ['وتعود هذه الأرقام ل【سنة 2015】 حسب المعهد', false],
    ['الموقوف يحمل الجنسية الفرنسية وهو من مواليد 【فيفري 1978】', true], // a birth that describes someone
    // a law, a decree or an order named by the day it was issued, its number and adjective between
    ['والتحريض على الكراهية طبقا للمرسوم 88 الصادر 【سنة 2011】 والمتعلق بتنظيم الأحزاب', true],
    ['الأمر الحكومي عدد 1123 لسنة 2016 المؤرخ في 【24 أوت 2016】 والمتعلق بضبط شروط', true],
    ['تنقيح القانون عدد 64 لسنة 1991 المؤرخ في 【29 جويلية 1991】 والمتعلق بالمنافسة', true],
    ['وقد وصل الوفد الصادر عنه البيان في 【24 أوت 2016】 إلى تونس', false], // الصادر after no law
    ['تسلمت الوزارة التقرير المؤرخ في 【24 أوت 2016】', false], // a report is no law
    // an event named by its day inside another clause
    ['صوت على قانون يسمح لأقارب ضحايا أحداث 【11 سبتمبر 2001】 بملاحقة السعودية', true],
    ['عدم الدخول في تفاصيل الأحداث 【14 جانفي 2011】', true],
    ['وقعت الهجمات 【يوم 11 سبتمبر 2001】 في نيويورك', false], // told as happening
    ['أضافت الصحيفة أنه على قائمة بعد هجمات 【الثلاثاء】', false], // no date written: the day's attacks
  ];
  for (const [marked, expected] of cases) {
    const { text, t } = at(marked);
    assert.equal(namesSomething(text, t), expected, marked);
  }
});

test('meansNowadays GIVEN اليوم right after the subject that opens a clause THEN it means nowadays; after a verb or in a construct, the day', () => {
  const cases: [string, boolean][] = [
    ['وأكد أن العالم 【اليوم】 يواجه تحديات كبيرة', true],
    ['إن الشباب 【اليوم】 يبحثون عن فرص عمل', true],
    ['وأردف قائلا " إن الاطار 【اليوم】 غير مناسب للإعلان', true],
    ['غير أن الواقع 【اليوم】 مختلف تماما', true],
    ['انتهت الحرب. والبلاد 【اليوم】 تعيش أزمة اقتصادية', true],
    ['وصل الوزير 【اليوم】 إلى عمان في زيارة رسمية', false], // after a verb: the day of the visit
    ['ولاحظ تقرير نشرته "ذي غارديان" البريطانية 【اليوم】 منحى تصاعديا', false],
    ['وتقام مباراة 【اليوم】 في الملعب البلدي', false], // a construct: today's match
    ['وقال إن تونس ستوقع 【اليوم】 الاتفاقية', false],
  ];
  for (const [marked, expected] of cases) {
    const { text, t } = at(marked);
    assert.equal(meansNowadays(text, t), expected, marked);
  }
});

test('statesNowadays GIVEN اليوم after a verb of a lasting state and before an indefinite object THEN it means nowadays; before a named object or a preposition, the day', () => {
  const cases: [string, boolean][] = [
    ['تعيش تونس 【اليوم】 أزمة اقتصادية خانقة', true],
    ['يواجه العالم 【اليوم】 تحديات كبرى في مجال الطاقة', true],
    ['إن إنشاء منطقة حرة بات 【اليوم】 ضرورة يقتضيها الاقتصاد', true],
    ['وأن البلاد تعيش 【اليوم】 حالة حراك على مستوى المجلس', true],
    ['وهي القضايا الهامة التي نواجهها 【اليوم】', true], // the first person: always a state
    ['ويمتلك البنك 【اليوم】 شبكة تضم 130 فرعا', true], // what it owns nowadays
    ['يواجه الترجي 【اليوم】 النجم الساحلي في الملعب الأولمبي', false], // a named opponent: today's match
    ['تعيش المدينة 【اليوم】 على وقع الاحتجاجات', false],
    ['وصل الوزير 【اليوم】 إلى عمان في زيارة رسمية', false],
    ['تعيش البلاد أزمة، وقال الوزير 【اليوم】 إن الحل قريب', false], // the verb is in another clause
  ];
  for (const [marked, expected] of cases) {
    const { text, t } = at(marked);
    assert.equal(statesNowadays(text, t), expected, marked);
  }
});

test('endsQuotedTitle GIVEN a time word closing a quoted title THEN it names a channel or a paper; a quoted sentence or a bare time, not', () => {
  const cases: [string, boolean][] = [
    ['وفق ما أورده موقع "روسيا 【اليوم】" نقلا عن صحيفة', true],
    ['نقلت صحيفة «المصري 【اليوم】» عن مصدر', true],
    ['وقال "إن الحكومة ستعلن عن قرارها النهائي بشأن الملف 【اليوم】"', false], // a quotation told today
    ['أعلنت روسيا 【اليوم】 أنها سترسل وفدا', false],
  ];
  for (const [marked, expected] of cases) {
    const { text, t } = at(marked);
    assert.equal(endsQuotedTitle(text, t), expected, marked);
  }
});

test('windowsCount GIVEN a count right before منذ THEN its time is the count\'s window; an age or a happening, not', () => {
  const cases: [string, boolean][] = [
    ['وأحصت واشنطن حتى الآن 78 هجومًا منذ 【17 أكتوبر】 ضد قواتها', true],
    ['ارتفع عدد القتلى من الصحفيين إلى 15 صحفيا منذ 【2016】', true],
    ['سجلت أسعارها تطورا بنسبة 65.2 بالمائة منذ 【سنة 2010】', true],
    ['أعلنت العائلة اختفاء ابنها البالغ من العمر 14 عاما منذ 【يوم الإثنين】', false], // an age: the disappearance is dated
    ['غادر البلاد منذ 【62 سنة】 ولم يعد', false],
    ['تعيش المدينة على وقع الاحتجاجات منذ 【الأحد】', false],
    ['يذكر أن السويد قد استقبلت منذ 【سنة 2014】 نحو 245 ألف لاجئ', true], // the count right after the window
    ['قتل منذ 【2011】 أكثر من 300 ألف شخص', true],
    ['غادر منذ 【2014】 إلى فرنسا', false],
  ];
  for (const [marked, expected] of cases) {
    const { text, t } = at(marked);
    assert.equal(windowsCount(text, t), expected, marked);
  }
});

test('endsContinuation GIVEN a time after إلى/حتى and a verb of what goes on THEN it ends what goes on; after another verb, not', () => {
  const cases: [string, boolean][] = [
    ['لتفعيل مبادرة لم الشمل الذي سينعقد في أحد النزل ويتواصل إلى 【يوم الأحد】.', true],
    ['المعرض الوطني للزربية الذي تمتد فعالياته الى غاية 【يوم 15 جانفي 2017】', true],
    ['وقال البيان إن التدريبات ستستمر إلى 【26 أفريل الجاري】', true],
    ['على أن تتواصل عملية التصويت لغاية 【الساعة السابعة مساء】', true],
    ['وصل الوفد إلى تونس 【يوم الأحد】', false], // إلى a place, the time after it
    ['وتأجلت الجلسة إلى 【يوم الاثنين】 المقبل', false], // a new date, no range
    ['يتواصل الإضراب، وعاد الوزير إلى 【يوم الأحد】', false], // the verb in another clause
  ];
  for (const [marked, expected] of cases) {
    const { text, t } = at(marked);
    assert.equal(endsContinuation(text, t), expected, marked);
  }
});

test('namesEdition GIVEN a date alone in brackets after a report series THEN it names the edition; after an event, not', () => {
  const cases: [string, boolean][] = [
    ['مقابل عجز لكامل سنة 2015 وفق نتائج التجارة الخارجية (【ديسمبر 2016】)، التي نشرها المعهد', true],
    ['مقابل 3.3 بالمائة في تقرير سابق (【نوفمبر 2015】).', true],
    ['كما أقر مؤتمر سوسة (【جانفي 2016】) بقاء طوبال رئيسا للكتلة', false],
    ['وفق نتائج التجارة الخارجية لشهر 【ديسمبر 2016】', false],
  ];
  for (const [marked, expected] of cases) {
    const { text, t } = at(marked);
    assert.equal(namesEdition(text, t), expected, marked);
  }
});

test('restates, endsRange and extendsContinuation GIVEN two times side by side THEN the second says the first again, or ends its range or what goes on', () => {
  const two = (marked: string, first: string | null, second: string | null): [string, TimeAt, TimeAt] => {
    const [a, b] = marked.split('|') as [string, string];
    const one = at(a, first);
    const other = at(one.text + b, second);
    return [other.text, one.t, other.t];
  };
  const restated: [string, string, string, boolean][] = [
    ['أصدره ترامب في 【6 مارس】|【آذار】 ويحظر', '2017-03-06', '2017-03', true],
    ['وقع الهجوم 【الخميس】|، 【2 مارس】', '2017-03-02', '2017-03-02', true],
    ['ارتفع في 【2015】| و【2016】', '2015', '2016', false],
  ];
  for (const [marked, v1, v2, expected] of restated) {
    const [text, a, b] = two(marked, v1, v2);
    assert.equal(restates(text, a, b), expected, marked);
  }
  const ranges: [string, string, string, boolean][] = [
    ['من طالبي اللجوء ما بين 【جانفي】| و 【نوفمبر2016】، جاؤوا من سوريا', '2016-01', '2016-11', true],
    ['في الفترة الممتدة من 【جانفي】| الى 【اوت 2015】', '2015-01', '2015-08', true],
    ['منذ 【عام 1967】| وحتى 【أفريل 2016】', '1967', '2016-04', true],
    // a link of two words
    ['الأكثر ارتفاعا منذ 【سنة 2010】| إلى غاية 【أفريل 2017】', '2010', '2017-04', true],
    ['في الفترة الممتدة من 【يوم 16 اوت】| الى غاية 【يوم 18 اوت 2017】', '2017-08-16', '2017-08-18', true],
    ['ارتفع في 【2015】| و【2016】', '2015', '2016', false], // two years, no range opener
    ['خلال 【مارس】| و【جوان】', '2015-03', '2015-06', false],
    // two days of one happening: its first day dates it
    ['المؤتمر المنعقد يومي 【31 مارس】| و【1 أفريل】 الماضيين في سوسة', '2017-03-31', '2017-04-01', true],
    // two months in a row named as a pair: one stretch; two months apart, two dates
    ['ينتظر الانطلاق في المشاريع في غضون 【شهري جوان】| و【جويلية من سنة 2017】', '2017-06', '2017-07', true],
    ['رغم نقص الأمطار خلال 【شهري ديسمبر】| و【جانفي】', '2016-12', '2017-01', true],
    ['بلغ التضخم أعلى مستوياته خلال 【شهري سبتمبر】| و【ديسمبر 2016】', '2016-09', '2016-12', false],
  ];
  for (const [marked, v1, v2, expected] of ranges) {
    const [text, a, b] = two(marked, v1, v2);
    assert.equal(endsRange(text, a, b), expected, marked);
    assert.equal(datesNoEvent(text, b, a), expected, marked);
  }
  const laterEnds: [string, boolean][] = [
    ['على أن يستمر التصويت حتى 【الساعة 16,00】| بل وحتى 【الساعة 18,00】 في المدن الكبرى', true],
    ['تتواصل الجلسات إلى 【يوم الأحد】| وإلى 【يوم الاثنين】 في الجهات', true],
    ['وصل الوفد 【يوم الأحد】| وحتى 【يوم الاثنين】 لم يصدر شيء', false], // the first time ends nothing
  ];
  const tellings: [string, string, string, boolean][] = [
    ['تمكنت مصالح الامن، 【مساء امس الثلاثاء】|، من الاطاحة بعصابة، وذلك وفق ما افاد به، 【اليوم الأربعاء】، مصدر امني.', '2017-02-28', '2017-03-01', true],
    ['قامت وحدتان بكشف سبعة مخابئ 【أمس الخميس】|، حسب ما أفاد به 【اليوم الجمعة】 بيان لوزارة الدفاع.', '2015-12-10', '2015-12-11', true],
    // the earlier day in a reported clause: the telling is the news
    ['رجح مسؤول أن يكون سبب تحطم الطائرة 【السبت الماضي】| قنبلة، بحسب ما أوردت 【اليوم الأربعاء】 شبكة سي إن إن.', '2015-10-31', '2015-11-04', false],
    // a later day told: the announcement stays
    ['يبدأ العمال إضرابا 【يوم الاثنين】| حسبما أعلنت نقابتهم 【اليوم الأحد】.', '2017-03-13', '2017-03-12', false],
    // no attribution right before the time
    ['وصل الوفد 【أمس】| وعقد اجتماعا 【اليوم】 مع الوزير.', '2017-03-12', '2017-03-13', false],
  ];
  for (const [marked, v1, v2, expected] of tellings) {
    const [text, a, b] = two(marked, v1, v2);
    assert.equal(datesTellingOnly(text, a, b), expected, marked);
  }
  for (const [marked, expected] of laterEnds) {
    const [text, a, b] = two(marked, '2017-06-18T16:00', '2017-06-18T18:00');
    assert.equal(extendsContinuation(text, a, b), expected, marked);
    assert.equal(datesNoEvent(text, b, a), expected, marked);
  }
});

test('GIVEN an article whose dates only name a law and an anniversary THEN the timeline keeps only what happened', () => {
  const text =
    'وأذن قاضي التحقيق أمس بإيداع المتهم السجن طبق الفصل 92 من قانون 7 اوت 2015 المتعلق بالارهاب.\n' +
    'وقررت الحركة تنظيم اجتماع عام لإحياء ذكرى 2 مارس 1934 وذلك يوم الأحد 5 مارس.';
  const entries = buildTimeline(text, segment(text), findTemporal(text, '2017-01-26'));
  assert.deepEqual(entries.map((e) => e.date), ['2017-01-25', '2017-03-05']);
});

test('headsMonth GIVEN منذ شهر before a month name THEN the شهر heads the month; before other words, not', () => {
  const text = 'انطلقت الاستعدادات منذ شهر جانفي لفائدة الموسم';
  const first: TimeAt = { start: text.indexOf('منذ'), end: text.indexOf(' جانفي'), text: 'منذ شهر', value: '2017-05-20' };
  const month: TimeAt = { start: text.indexOf('جانفي'), end: text.indexOf(' لفائدة'), text: 'جانفي', value: '2017-01' };
  assert.equal(headsMonth(text, first, month), true);
  assert.equal(datesNoEvent(text, first, undefined, month), true);
  const other = 'وصل منذ شهر وفي 2017 عاد';
  const year: TimeAt = { start: other.indexOf('2017'), end: other.indexOf('2017') + 4, text: '2017', value: '2017' };
  assert.equal(headsMonth(other, { start: 4, end: 11, text: 'منذ شهر', value: '2017-05-20' }, year), false);
});
