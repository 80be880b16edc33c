/**
 * Who-list cases an editor found on ANT articles outside the dev gold (JA-economy-113, -245,
 * JA-internationalNews-407, -1055, JA-politic-109, -192, -228): each table row is one article shape.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWho } from '../../../src/core/who/index.ts';
import { segment } from '../../../src/core/text/segment.ts';
import { isSpeechVerb } from '../../../src/core/who/lexicon.ts';
import { cleanFirstWord, knownForms } from '../../../src/core/who/names.ts';
import { looseKey, placeSpelling } from '../../../src/core/who/entities.ts';
import { withoutOwnName } from '../../../src/core/who/roles.ts';
import { withGivenNameBefore } from '../../../src/core/who/mentions.ts';
import { buildDoc } from '../../../src/core/who/doc.ts';

function who(text: string) {
  return analyzeWho(text, segment(text)).who.map((e) => ({ name: e.name, type: e.type, role: e.role, said: e.said }));
}

test('GIVEN words that end in the letters of a speech verb THEN only a conjunction comes off before the verb', () => {
  const table: [string, boolean][] = [
    ['قال', true],
    ['وقال', true],
    ['فقال', true],
    ['مكتب', false],
    ['مقال', false],
  ];
  for (const [w, expected] of table) assert.equal(isSpeechVerb(w), expected, w);
});

test('GIVEN ل + a noun that opens with ل THEN the display form keeps the noun whole with its article', () => {
  const known = knownForms(new Set());
  const table: [string, string][] = [
    ['للجنة', 'اللجنة'],
    ['للعراق', 'العراق'],
    ['للسفارة', 'السفارة'],
  ];
  for (const [w, expected] of table) assert.equal(cleanFirstWord(w, known), expected, w);
});

test('GIVEN person names with and without the article on the given name THEN their loose keys match', () => {
  assert.deepEqual(looseKey(['الهاشمي', 'الحامدي']), ['هاشمي', 'حامدي']);
  assert.deepEqual(looseKey(['محمد', 'الهاشمي', 'الحامدي']), ['محمد', 'هاشمي', 'حامدي']);
});

test('GIVEN articles an editor read THEN each person is one entry, with the whole name and the role as written', () => {
  const table: { text: string; name: string; role?: string; notListed?: string[]; said?: RegExp }[] = [
    {
      // A family name in ب said alone is the person, not "لطيفة".
      text: 'قال رئيس الاتحاد الجهوي للفلاحة بسوسة حسان بلطيفة، إن الأسعار مناسبة. واعتبر بلطيفة خلال استضافته، أن "فرقعة إعلامية تقف وراءها أطراف".',
      name: 'حسان بلطيفة',
      notListed: ['لطيفة'],
      said: /^فرقعة إعلامية/,
    },
    {
      // The press spoken to is no part of the name, and the agency is one organization.
      text: 'وفق ما ذكرته المديرة الجهوية للتجارة بالمنستير سهام مبروك لمراسلة وكالة تونس افريقيا للأنباء بالجهة. وذكرت مبروك أنّه "سيتم إعادة ضخ مختلف هذه المحجوزات".',
      name: 'سهام مبروك',
      role: 'المديرة الجهوية للتجارة بالمنستير',
      notListed: ['سهام مبروك لمراسلة', 'افريقيا'],
      said: /^سيتم إعادة ضخ/,
    },
    {
      text: 'تواجه زعيمة اليمين المتطرف مارين لوبان عقوبة. وقد أعربت عائلة الأمريكي عن احتجاجها على نشر لوبان لصورة إبنها.',
      name: 'مارين لوبان',
      notListed: ['وبان'],
    },
    {
      // "مكتب" holds no speech verb "كتب": the title before the comma is the role.
      text: 'وصرح مدير مكتب الاتصال الحكومي، سيف بن أحمد آل ثاني، بأن موقع الوكالة تم اختراقه.',
      name: 'سيف بن أحمد آل ثاني',
      role: 'مدير مكتب الاتصال الحكومي',
    },
    {
      // A role of eight words before the comma.
      text: 'أكد النائب في مجلس نواب الشعب عن الجبهة الشعبية، الجيلاني الهمامي، مساندة الجبهة للنقابي.',
      name: 'الجيلاني الهمامي',
      role: 'النائب في مجلس نواب الشعب عن الجبهة الشعبية',
    },
    {
      text: 'تطبق برنامج التيار على أن تكون الحكومة برئاسة محمد الهاشمي الحامدي. وبخصوص عودة الهاشمي الحامدي في الساحة، تحدث الحزب.',
      name: 'محمد الهاشمي الحامدي',
      notListed: ['الهاشمي الحامدي'],
    },
  ];
  for (const row of table) {
    const list = who(row.text);
    const e = list.find((x) => x.name === row.name);
    assert.ok(e, `${row.name} listed in ${JSON.stringify(list)}`);
    if (row.role !== undefined) assert.equal(e.role, row.role, row.name);
    if (row.said) assert.ok(e.said.some((q) => row.said!.test(q)), `${row.name} said ${JSON.stringify(e.said)}`);
    for (const n of row.notListed ?? []) assert.ok(!list.some((x) => x.name === n), `${n} not listed in ${JSON.stringify(list)}`);
  }
});

test('GIVEN ل + اللجنة written للجنة THEN the committee keeps its name', () => {
  const list = who('استقبل الرئيس الوزير الأول في أشغال الدورة 21 للجنة الكبرى المشتركة التونسية الجزائرية.');
  assert.ok(list.some((x) => x.name.startsWith('اللجنة الكبرى')), JSON.stringify(list));
});

test('GIVEN a country name used as an adjective or a verb before a title THEN neither is listed', () => {
  const table: { text: string; listed: string[]; notListed: string[] }[] = [
    { text: 'أوهمتاها أنها تعاني من السحر وغنمتا منها مبلغ مالي قدره 4500 دينار وسط تونس العاصمة.', listed: ['تونس'], notListed: ['مالي'] },
    { text: 'وتقع مالي في غرب إفريقيا. وأرسلت فرنسا جنودا إلى مالي.', listed: ['مالي'], notListed: [] },
    {
      text: 'أشرف وزير الفلاحة والموارد المائية والصيد البحري، سمير بالطيب، مساء اليوم الجمعة، على مراسم تنصيب والي سوسة الجديد عادل الشليوي.',
      listed: ['سمير بالطيب', 'عادل الشليوي'],
      notListed: ['أشرف'],
    },
  ];
  for (const row of table) {
    const names = who(row.text).map((x) => x.name);
    for (const n of row.listed) assert.ok(names.includes(n), `${n} in ${JSON.stringify(names)}`);
    for (const n of row.notListed) assert.ok(!names.includes(n), `${n} not in ${JSON.stringify(names)}`);
  }
});

test('GIVEN roles an editor read THEN each is whole and holds no part of the name', () => {
  const table: [string, string, string][] = [
    ['أكد أنيس بن مامية كاتب عام نقابة التاكسيات الفردية في سوسة خبر سطو.', 'أنيس بن مامية', 'كاتب عام نقابة التاكسيات الفردية'],
    ['استقبل الرئيس، والي سوسة الجديد عادل الشليوي، في مقر الولاية.', 'عادل الشليوي', 'والي سوسة الجديد'],
  ];
  for (const [text, name, role] of table) assert.equal(who(text).find((x) => x.name === name)?.role, role, name);
  assert.equal(withoutOwnName('رئيسة الحزب الدستوري الحرّ عبير', ['عبير', 'موسي']), 'رئيسة الحزب الدستوري الحرّ');
  assert.equal(withoutOwnName('رئيس الحكومة', ['يوسف', 'الشاهد']), 'رئيس الحكومة');
});

test('GIVEN a later verb joined to a sentence its speaker opened THEN what it reports is that speaker\'s and not the last name\'s', () => {
  const list = who(
    'سارع المرشح الجمهوري دونالد ترامب إلى منع انهيار حملته. وأعلن ترامب أنه تغير لكنه أثار موضوع خيانات الرئيس السابق بيل كلينتون وانتقد منافسته الديمقراطية هيلاري كلينتون بحدة وقال إنه سيتوسع في تناول ماضيهما خلال الأيام القادمة.',
  );
  assert.ok(list.find((x) => x.name === 'دونالد ترامب')?.said.some((q) => q.startsWith('إنه سيتوسع')), JSON.stringify(list));
  assert.deepEqual(list.find((x) => x.name === 'هيلاري كلينتون')?.said ?? [], []);
});

test('GIVEN "وأضاف في مقابلة مع راديو" THEN the words stay with the last speaker, not the radio', () => {
  const list = who('قال رئيس الوزراء الإيطالي ماتيو رينتسي إن بلاده وافقت على السماح بانطلاق طائرات. وأضاف في مقابلة مع راديو (ار.تي.ال) "إنها مسألة عمليات ضد الإرهابيين وضد مهاجمين محتملين".');
  assert.ok(!list.some((x) => x.name === 'راديو'), JSON.stringify(list));
  assert.ok(list.find((x) => x.name === 'ماتيو رينتسي')?.said.some((q) => q.startsWith('إنها مسألة')), JSON.stringify(list));
});

test('GIVEN a joined verb with a subject of its own THEN the opening speaker does not take its words', () => {
  const list = who('وقال ماهر نصار، المسؤول بالأمم المتحدة: "كان التركيز على خلفيتها الأنثوية في هذا الاختيار" وقالت المنظمة إن اختيار الشخصية قصد به التركيز على ما يمكن أن تحققه المرأة.');
  const maher = list.find((x) => x.name === 'ماهر نصار');
  assert.ok(maher, JSON.stringify(list));
  assert.ok(!maher.said.some((q) => q.includes('اختيار الشخصية')), JSON.stringify(maher.said));
});

test('GIVEN two titles joined by و before a name THEN the name holds the second; a body named like the person keeps its name', () => {
  const table: [string, string, string][] = [
    ['وضم الاجتماع كلا من رئيس اتحاد الفلاحة والصيد البحري وأمين عام الحزب الجمهوري عصام الشابي.', 'عصام الشابي', 'أمين عام الحزب الجمهوري'],
    ['قال الأمين العام لحزب الله حسن نصر الله إن الحرب ظالمة.', 'حسن نصر الله', 'الأمين العام لحزب الله'],
    ['وأكد توفيق الشاهر كاتب عام منطقة الأمن بالمكنين لمراسل الجوهرة أن الأبحاث جارية.', 'توفيق الشاهر', 'كاتب عام منطقة الأمن بالمكنين'],
  ];
  for (const [text, name, role] of table) assert.equal(who(text).find((x) => x.name === name)?.role, role, name);
});

test('GIVEN a titled person span that leaves out the given name before it THEN the name is whole', () => {
  const doc = buildDoc('جددت رئيسة الحزب الدستوري الحرّ عبير موسي اتهامها.', segment('جددت رئيسة الحزب الدستوري الحرّ عبير موسي اتهامها.'));
  const out = withGivenNameBefore(doc, [{ type: 'PER', s: 6, e: 7 }]);
  assert.deepEqual(out.map((m) => doc.tokens.slice(m.s, m.e).map((t) => t.text).join(' ')), ['عبير موسي']);
  // Not when the word before is no given name, or no title comes before it.
  const doc2 = buildDoc('وصل الوفد موسي إلى العاصمة.', segment('وصل الوفد موسي إلى العاصمة.'));
  assert.deepEqual(withGivenNameBefore(doc2, [{ type: 'PER', s: 2, e: 3 }]), [{ type: 'PER', s: 2, e: 3 }]);
});

test('GIVEN words written on a platform THEN the platform is not their speaker', () => {
  const list = who('وقامت السلطات المختصة بإخلاء المطار، وكتبت في حسابها على تويتر محذرة المدنيين، "عملية جارية للشرطة، لا تعبر محيط المنطقة الأمنية".');
  assert.deepEqual(list.find((x) => x.name === 'تويتر')?.said ?? [], []);
});

test('GIVEN a country spelt both in ـيا and ـية THEN it is one place', () => {
  assert.deepEqual(placeSpelling(['سورية']), ['سوريا']);
  assert.deepEqual(placeSpelling(['سوريا']), ['سورية']);
  assert.deepEqual(placeSpelling(['تونس']), ['تونس']);
  const places = who('وصل الوفد إلى سوريا أمس. وقال رئيس الوفد إن سورية تواجه حربا.').filter((x) => x.type === 'LOC');
  assert.deepEqual(places.map((x) => x.name), ['سوريا']);
});
