import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupSameEvents, mergeSameEvents, tellingOf } from '../../../src/core/temporal/same-event.ts';
import type { TimelineEntry } from '../../../src/core/types.ts';

/** Entries from [date, event] pairs, in text order. */
function entries(list: [string, string][]): TimelineEntry[] {
  return list.map(([date, event], i) => ({ date, when: '', start: i * 100, end: i * 100 + 5, event, sentence: i }));
}

// [why, date A, event A, date B, event B, one event?]
const pairs: [string, string, string, string, string, boolean][] = [
  ['one event told again in other words', '2023-12-08', 'تعرضت السفارة الأميركية لهجوم صاروخي', '2023-12-08', 'وتعرضت السفارة الأميركية لهجوم صاروخي عنيف', true],
  ['one attack, two kinds of words (rockets / attack)', '2023-12-08', 'استهدفت ثلاثة صواريخ السفارة الأميركية في المنطقة الخضراء في بغداد', '2023-12-08', 'وقع هجوم على السفارة الأميركية', true],
  ['a clock time and its day tell one attack', '2023-12-08', 'استهدفت صواريخ السفارة الأميركية في بغداد', '2023-12-08T04:00', 'وقع هجوم على السفارة الأميركية', true],
  ['one accident told by the police', '2016-10-08', 'تسبب جنوح قطار ركاب تابع لشركة لونج آيلاند للسكك الحديدية', '2016-10-08', 'أوضحت الشرطة أن الحادث وقع عندما صدم قطار ركاب قطارا لعمال صيانة السكك الحديدية', true],
  ['a long fact told twice, no kind needed', '2017-01-21', 'غادر الرئيس السابق يحيى جامع البلاد في وقت متأخر', '2017-01-21', 'السابق يحيى جامع الذي حكم غامبيا غادر البلاد في وقت متأخر', true],
  ['a call and an attack on one embassy the same day', '2023-12-08', 'دعا متحدث باسم السفارة الأميركية الحكومة العراقية إلى حماية الطواقم', '2023-12-08', 'وقع هجوم على السفارة الأميركية', false],
  ['two attacks with other tolls', '2016-05-01', 'مقتل شرطي وإصابة 13 آخرين في هجوم بسيارة ملغومة في غازي عنتاب', '2016-05-01', 'مقتل ثلاثة جنود وإصابة 14 آخرين في هجوم شنه مسلحون في نصيبين', false],
  ['other counts, alike words', '2023-12-08', 'سجلت المحطة 100 إصابة و300 حالة شفاء', '2023-12-08', 'سجلت المحطة 120 إصابة و320 حالة شفاء', false],
  ['one kind in a year is not one event', '2012', 'ترشح ميلانشون لأول مرة للانتخابات الرئاسية الفرنسية ممثلا جبهة اليسار', '2012', 'ترشحت لوبان لأول مرة للانتخابات الرئاسية الفرنسية ولم تتأهل للدورة الثانية اذ أتت في المركز الثالث', false],
  ['one telling on two days', '2023-12-07', 'تعرضت السفارة الأميركية لهجوم صاروخي', '2023-12-08', 'تعرضت السفارة الأميركية لهجوم صاروخي', false],
  ['one date and one place only', '2023-12-08', 'زار وزير الخارجية بغداد', '2023-12-08', 'انفجرت سيارة مفخخة في بغداد', false],
  ['a fire told as a fire and as flames, its verb in each gender', '2017-03-29', 'اندلع حريق بمطار باريس أورلي الدولي', '2017-03-29T19:00', 'اندلعت النيران بأحد الحقول المحاذية لمدرجات المطار بتوقيت باريس', true],
  ['one robbery, its verb in each gender', '2015-10-08', 'أكد كاتب عام نقابة التاكسيات الفردية في سوسة خبر سطو تعرض له تاكسي على مستوى مفترق السكة', '2015-10-08', 'تلقت الإذاعة نبأ مفاده أن سيارة تاكسي تعرضت للسطو أثناء نقلها لحريفة على مستوى مفترق السكة', true],
  ['a bombing and blood given for its wounded (a dual noun\'s ت is no verb ending)', '2017-04-09', 'شهدت مساجد طنطا توافد المواطنين للتبرع بدمائهم للمصابين في تفجير كنيسة قبطية', '2017-04-09', 'سقط 46 ضحية في تفجيرين استهدفا كنيستين بالاسكندرية وطنطا', false],
  ['gunfire and a fire in one town', '2023-12-08', 'أطلق مسلحون النيران على دورية للشرطة في العريش', '2023-12-08', 'اندلع حريق في سوق العريش', false],
];
for (const [why, da, ea, db, eb, same] of pairs) {
  test(`GIVEN ${why} THEN they ${same ? 'make one entry' : 'stay two entries'}`, () => {
    assert.equal(mergeSameEvents(entries([[da, ea], [db, eb]])).length, same ? 1 : 2);
  });
}

test('GIVEN a day telling and a clock telling of one event THEN the entry is dated by the day, with the day telling', () => {
  const [entry, ...rest] = mergeSameEvents(
    entries([
      ['2023-12-08T04:00', 'وقع هجوم على السفارة الأميركية'],
      ['2023-12-08', 'استهدفت ثلاثة صواريخ السفارة الأميركية في بغداد'],
    ]),
  );
  assert.equal(rest.length, 0);
  assert.equal(entry?.date, '2023-12-08');
  assert.match(entry!.event, /صواريخ/);
});

test('GIVEN an event told only with its clock time THEN the clock time stays', () => {
  const merged = mergeSameEvents(
    entries([
      ['2016-10-08T21:00', 'وقع الحادث عندما صدم قطار ركاب قطارا لنقل العمال'],
      ['2016-10-08T21:00', 'وقع الحادث عندما صدم قطار ركاب قطارا لنقل عمال الصيانة'],
    ]),
  );
  assert.deepEqual(merged.map((e) => e.date), ['2016-10-08T21:00']);
});

test('GIVEN four tellings of one attack THEN the one sharing most with the others describes it', () => {
  const merged = mergeSameEvents(
    entries([
      ['2023-12-08', 'استهدفت ثلاثة صواريخ على الأقل السفارة الأميركية الواقعة في المنطقة الخضراء في بغداد'],
      ['2023-12-08', 'وكالة رويترز أفادت بسماع دوي انفجارات بالقرب من السفارة الأميركية في المنطقة الخضراء ببغداد'],
      ['2023-12-08', 'المنطقة الخضراء التي تضم السفارة الأميركية في بغداد تعرضت لعدة صواريخ'],
      ['2023-12-08T04:00', 'وقع هجوم على السفارة الأميركية'],
    ]),
  );
  assert.equal(merged.length, 1);
  assert.match(merged[0]!.event, /^استهدفت ثلاثة صواريخ/);
});

test('GIVEN reporting words and a glued preposition THEN they do not count and the bare word is shared', () => {
  const t = tellingOf('قالت وكالة رويترز إن انفجارا وقع ببغداد');
  assert.ok(!t.words.includes('وكال') && !t.words.includes('قالت'));
  const { groups } = groupSameEvents(entries([['2023-12-08', 'انفجار سيارة ببغداد صباحا'], ['2023-12-08', 'انفجار سيارة في بغداد']]));
  assert.deepEqual(groups, [[0, 1]]);
});

test('GIVEN hundreds of tellings of one event on one date THEN they make one entry (posting lists stay bounded)', () => {
  const list: [string, string][] = [];
  for (let i = 0; i < 500; i++) list.push(['2023-12-08', 'تعرضت السفارة الأميركية لهجوم صاروخي في بغداد']);
  assert.equal(mergeSameEvents(entries(list)).length, 1);
});

test('foldCoarse GIVEN a year, a month and a day of one earthquake THEN only the day stays; other events of the year stay', () => {
  const merged = mergeSameEvents(
    entries([
      ['2015', 'تأثيرات الزلزال المدمر الذي ضرب المنطقة'],
      ['2015-04', 'لمعرفة مدى تأثره بالزلزال المدمر الذي ضرب المنطقة بقوة 7.8 درجات على مقياس ريشتر'],
      ['2015-04-25', 'تعرضت النيبال ومناطق في شمال الهند لزلزال مدمر خلف أزيد من 8900 قتيل'],
      ['2015', 'تراجع النمو الاقتصادي إلى 0.8 بالمائة'],
      ['2015-11', 'ساهمت العمليات الإرهابية في تدهور الوضع الأمني'],
    ]),
  );
  assert.deepEqual(merged.map((e) => e.date), ['2015-04-25', '2015', '2015-11']);
});

test('foldCoarse GIVEN a month and a day of one meeting THEN the day; of one kind and nothing else shared THEN both; a year needs more than a kind', () => {
  const merged = mergeSameEvents(
    entries([
      ['2017-03', 'أعلنت الهيئة السياسية عن تنظيم اجتماع للمجلس الوطني'],
      ['2017-03-20', 'قررت الحركة عقد اجتماع للمجلس الوطني للحركة'],
      ['2016-04', 'وقع هجوم على مركز أمني في بن قردان'],
      ['2016-04-25', 'استهدف هجوم قافلة عسكرية في القصرين'],
      ['2014', 'شهدت البلاد هجوما على متحف باردو'],
      ['2014-06-03', 'هجوم على منزل وزير الداخلية بالقصرين'],
    ]),
  );
  assert.deepEqual(merged.map((e) => e.date), ['2017-03-20', '2016-04', '2016-04-25', '2014', '2014-06-03']);
});
