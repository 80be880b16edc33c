/**
 * Who-list cases an editor found reading 32 ANT articles outside the dev gold, across the four
 * sections and 2013-2017 (JA-internationalNews-1156, -862, JA-politic-124, -149, -42, -465,
 * JA-economy-121, -157, -216, -156, JA-society-435, -983, -616 among them): one row per article shape.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWho } from '../../../src/core/who/index.ts';
import { segment } from '../../../src/core/text/segment.ts';
import { isTitleAfterBa, withoutOwnName } from '../../../src/core/who/roles.ts';
import { buildDoc } from '../../../src/core/who/doc.ts';
import { isNamingConstruct } from '../../../src/core/who/index.ts';
import { cleanFirstWord, knownForms } from '../../../src/core/who/names.ts';
import { FIRST_NAMES } from '../../../src/core/who/lexicon.ts';

function who(text: string) {
  return analyzeWho(text, segment(text)).who.map((e) => ({ name: e.name, type: e.type, role: e.role, said: e.said }));
}

test('GIVEN a title after ب THEN it is a title that opens a role', () => {
  const table: [string, boolean][] = [
    ['برئيس', true],
    ['وبرئيسة', true],
    ['بممثلة', true],
    ['بريطانيا', false],
    ['بالتحري', false],
    ['رئيس', false],
  ];
  for (const [w, expected] of table) assert.equal(isTitleAfterBa({ norm: w }), expected, w);
});

test('GIVEN a title before a name, after ب or a comma THEN the name holds it as its role', () => {
  const table: [string, string, string][] = [
    ['أبرزت صورة تجمعه برئيس الوزراء البريطاني ديفيد كاميرون ورئيسة الوزراء الدنماركية.', 'ديفيد كاميرون', 'رئيس الوزراء البريطاني'],
    ['وأوضح الزامل، خلال لقاء برئيس الجمهورية التونسية الباجي قايد السبسي، أن حجم الخطط كبير.', 'الباجي قايد السبسي', 'رئيس الجمهورية التونسية'],
    ['اعتبر أستاذ القانون الدستوري، قيس سعيد لجوء الحكومة إلى مجلس النواب خطأ.', 'قيس سعيد', 'أستاذ القانون الدستوري'],
    ['وافاد المكلف بمهمة بوزارة التجارة، لطفي خذير، ان هذا التراجع يمثل اعلى نسبة.', 'لطفي خذير', 'المكلف بمهمة بوزارة التجارة'],
    ['التقى الوزير مديرة المنطقة مرفوقة بممثلة البنك الدولي بتونس، إيلين موراي.', 'إيلين موراي', 'ممثلة البنك الدولي بتونس'],
  ];
  for (const [text, name, role] of table) assert.equal(who(text).find((x) => x.name === name)?.role, role, name);
  // What stands before the ب-title is the sentence's, not the role's.
  assert.equal(who('التقى وزير الخارجية برئيس الوزراء الليبي فايز السراج.').find((x) => x.name === 'فايز السراج')?.role, 'رئيس الوزراء الليبي');
});

test('GIVEN a person name after a facility noun with a clitic THEN the facility is listed, not a person', () => {
  const list = who('وجهتها إلى قسم الاستعجالي بمستشفى فرحات حشاد بسوسة حيث لفظت أنفاسها.');
  assert.ok(list.some((x) => x.name === 'مستشفى فرحات حشاد' && x.type === 'ORG'), JSON.stringify(list));
  assert.ok(!list.some((x) => x.type === 'PER'), JSON.stringify(list));
});

test('GIVEN a ministry named by its field THEN it is listed; a body only described is not', () => {
  const doc = buildDoc('وزارة الداخلية المؤسسة المالية', []);
  assert.equal(isNamingConstruct(doc.tokens.slice(0, 2)), true);
  assert.equal(isNamingConstruct(doc.tokens.slice(2, 4)), false);
  const table: [string, string | undefined][] = [
    ['وأكدت وزارة الداخلية في بلاغ لها أنه تم تحديد هوية الطرف الرئيسي في العملية.', 'وزارة الداخلية'],
    ['تفاقم العجز حسب أرقام نشرتها وزارة الفلاحة الثلاثاء.', 'وزارة الفلاحة'],
  ];
  for (const [text, name] of table) assert.ok(who(text).some((x) => x.name === name && x.type === 'ORG'), `${name} in ${text}`);
});

test('GIVEN a Tunisian party whose name holds تونس THEN it is one organization, not the place', () => {
  const table: [string, string][] = [
    ['وعبر حزب افاق تونس عن تضامنه التام مع عائلة الفقيد.', 'حزب افاق تونس'],
    ['انطلق اجتماع المكتب السياسي لحركة مشروع تونس بالحمامات.', 'حركة مشروع تونس'],
    ['وكان ناشطا صلب الاتحاد العام لطلبة تونس منذ سنوات.', 'الاتحاد العام لطلبة تونس'],
  ];
  for (const [text, name] of table) {
    const list = who(text);
    assert.ok(list.some((x) => x.name === name && x.type === 'ORG'), `${name} in ${JSON.stringify(list)}`);
    assert.ok(!list.some((x) => x.name === 'تونس'), `no place تونس in ${JSON.stringify(list)}`);
  }
});

test('GIVEN a continuation after the object of the sentence THEN the words are the subject\'s', () => {
  const list = who('قال الرئيس السوري بشار الأسد في خطاب إن الشعب انتصر. وشن الأسد هجوما على تنظيم الإخوان المسلمين قائلا " نعتذر ممن أسميناهم إخوان الشياطين لأنهم الشياطين أنفسهم".');
  assert.ok(list.find((x) => x.name === 'بشار الأسد')?.said.some((q) => q.startsWith('نعتذر')), JSON.stringify(list));
  assert.deepEqual(list.find((x) => x.name === 'الإخوان المسلمين')?.said ?? [], []);
  // With no subject found, the object of a preposition is not the speaker either.
  const alone = who('وهاجم على تنظيم الإخوان المسلمين قائلا " نعتذر ممن أسميناهم إخوان الشياطين لأنهم الشياطين أنفسهم".');
  assert.deepEqual(alone.find((x) => x.name === 'الإخوان المسلمين')?.said ?? [], []);
});

test('GIVEN "وأضاف في مداخلة له على "الإذاعة" أن …" THEN the words stay with the last speaker, not the radio', () => {
  const list = who(
    'اعتبر أستاذ القانون الدستوري، قيس سعيد لجوء الحكومة إلى مجلس النواب "نوع من الانتحار السياسي"، وفق تعبيره\nوأضاف في مداخلة له اليوم على "الجوهرة أف أم" أن رئيس الحكومة ليس في وضع مريح من الناحية السياسية.',
  );
  assert.ok(list.find((x) => x.name === 'قيس سعيد')?.said.some((q) => q.startsWith('رئيس الحكومة ليس')), JSON.stringify(list));
  assert.deepEqual(list.find((x) => x.name === 'الجوهرة أف أم')?.said ?? [], []);
});

test('GIVEN a description right after a name THEN it is the name\'s role and no unnamed source of its own', () => {
  const list = who('قال سامي أبو زهري الناطق باسم حركة حماس في مؤتمر صحفي في غزة اليوم الثلاثاء "نعلن اليوم انتصارنا على قوة البطش الإسرائيلية".');
  assert.equal(list.find((x) => x.name === 'سامي أبو زهري')?.role, 'الناطق باسم حركة حماس');
  assert.ok(!list.some((x) => x.type === 'SRC'), JSON.stringify(list));
});

test('GIVEN an unnamed source with its modifiers THEN it is one source with its whole description', () => {
  const table: [string, string][] = [
    ['وقال مصدر مسؤول في وزارة الداخلية إن الوحدات الأمنية أوقفت المشتبه به.', 'مصدر مسؤول في وزارة الداخلية'],
    ['وقال مصدر عليم إن العمليات العسكرية بدأت في الجنوب.', 'مصدر عليم'],
  ];
  for (const [text, name] of table) {
    const sources = who(text).filter((x) => x.type === 'SRC');
    assert.deepEqual(sources.map((x) => x.name), [name], text);
  }
});

test('GIVEN ل before a name that opens with ل THEN the name is whole', () => {
  const known = knownForms(new Set());
  const table: [string, string][] = [
    ['للبنان', 'لبنان'],
    ['لليبيا', 'ليبيا'],
    ['لليمن', 'اليمن'],
    ['للجنة', 'اللجنة'],
  ];
  for (const [w, expected] of table) assert.equal(cleanFirstWord(w, known), expected, w);
});

test('GIVEN a role after the name with the body it is of THEN the role keeps its body, and the title leaves the name', () => {
  const table: [string, string, string][] = [
    ['قال أحمد الصديق النائب بمجلس نواب الشعب عن الجبهة الشعبية، إن كتلة الجبهة علقت مشاركتها.', 'أحمد الصديق', 'النائب بمجلس نواب الشعب عن الجبهة الشعبية'],
    ['وقال محمد علي القيادي في حركة النهضة إن الحركة ستشارك في الانتخابات.', 'محمد علي', 'القيادي في حركة النهضة'],
    ['اختار غوتيريش رسميا غسان سلامة أستاذ العلاقات الدولية وحل الأزمات في جامعة (ساينسز-بو) في باريس.', 'غسان سلامة', 'أستاذ العلاقات الدولية وحل الأزمات'],
    ['أعرب محمد علي رئيس الجمعية عن قلقه من الوضع.', 'محمد علي', 'رئيس الجمعية'],
  ];
  for (const [text, name, role] of table) assert.equal(who(text).find((x) => x.name === name)?.role, role, name);
});

test('GIVEN the given names of the open name table THEN names are known and family names or common words are not', () => {
  for (const w of ['ذوالفقار', 'سركيس', 'ميرزا', 'يوهانس']) assert.ok(FIRST_NAMES.has(w), w);
  for (const w of ['بوزيان', 'عنزي', 'سعدي', 'جهل']) assert.ok(!FIRST_NAMES.has(w), w);
  // "أغا" opens a name: أغا خان is one person, not a person "أغا" and a place "خان".
  const list = who('أمضى عطلة في جزيرة بالبحر الكاريبي يملكها أغا خان إمام الشيعة الإسماعيلية.');
  assert.ok(list.some((x) => x.name === 'أغا خان' && x.type === 'PER'), JSON.stringify(list));
  assert.ok(!list.some((x) => x.name === 'خان'), JSON.stringify(list));
});

test('GIVEN a party named with and without حزب THEN it is one organization', () => {
  const table: [string, string][] = [
    ['وعبر حزب افاق تونس عن تضامنه التام مع العائلة. ودعا افاق تونس كل القوى الديمقراطية إلى التحرك.', 'افاق تونس'],
    ['وقال القيادي في حركة النهضة إن الأمر محسوم. وأضاف أن حزب النهضة لن يشارك في الحكومة.', 'النهضة'],
  ];
  for (const [text, core] of table) {
    const orgs = who(text).filter((x) => x.type === 'ORG' && x.name.endsWith(core));
    assert.equal(orgs.length, 1, JSON.stringify(orgs));
  }
});

test('GIVEN a title that governs a place noun THEN the role goes on through it; a place noun right before the name gives no role', () => {
  const table: [string, string, string][] = [
    ['وقال رئيس بلدية صفاقس منير اللومي إن الأشغال ستنطلق قريبا.', 'منير اللومي', 'رئيس بلدية صفاقس'],
    ['وقال حاكم ولاية ميشيغن ريك سنايدر إن الأزمة انتهت.', 'ريك سنايدر', 'حاكم ولاية ميشيغن'],
    ['وأعلن عمدة المدينة داميان كاريم أن الاحتفالات ألغيت.', 'داميان كاريم', 'عمدة المدينة'],
  ];
  for (const [text, name, role] of table) assert.equal(who(text).find((x) => x.name === name)?.role, role, name);
  for (const e of who('وصرح رئيس بلدية لو هافر بأن المدينة تستعد.')) assert.notEqual(e.role, 'رئيس بلدية', JSON.stringify(e));
});

test('GIVEN a role that ends on one of the person\'s own given names THEN the name leaves the role', () => {
  const table: [string, string[], string][] = [
    ['مديرة منطقة المغرب العربي بالبنك العالمي ماري', ['فرنسواز', 'ماري', 'نالي'], 'مديرة منطقة المغرب العربي بالبنك العالمي'],
    ['رئيسة الحزب الدستوري الحرّ عبير', ['عبير', 'موسي'], 'رئيسة الحزب الدستوري الحرّ'],
    // A given name that is not the person's stays: it may be a body's name.
    ['مديرة مؤسسة ماري', ['سارة', 'نالي'], 'مديرة مؤسسة ماري'],
  ];
  for (const [role, name, expected] of table) assert.equal(withoutOwnName(role, name), expected, role);
});
