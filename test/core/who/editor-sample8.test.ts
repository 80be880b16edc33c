/**
 * Who-list cases from editor samples 6-8 (test/core/who/README.md): the junk classes fixed in
 * session 12, one row per shape of article.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWho } from '../../../src/core/who/index.ts';
import { segment } from '../../../src/core/text/segment.ts';
import { isYaOfWord } from '../../../src/core/who/dictionary.ts';
import { isOrdinaryWordPhrase } from '../../../src/core/who/index.ts';
import { buildDoc } from '../../../src/core/who/doc.ts';

function names(text: string): string[] {
  return analyzeWho(text, segment(text)).who.map((e) => e.name);
}

test('GIVEN السلط, the Tunisian plural of سلطة, THEN it is the authorities, never a place', () => {
  const table: string[] = [
    'وطالب المحتجون السلط المعنية بالتدخل العاجل في ولاية القصرين.',
    'احتجاجا على ما اعتبروه "عدم اكتراث السلط المركزية بالصعوبات" في نابل.',
    'تقديم الحد الأدنى من الإمكانيات للسلط المعنية بمكافحة الفساد.',
  ];
  for (const text of table) assert.ok(!names(text).some((n) => /السلط/u.test(n)), text);
});

test('GIVEN a word in ي THEN it is one on an ordinary word when the word without ي is in the list', () => {
  const table: [string, boolean][] = [
    ['سلفي', true],
    ['تكفيري', true],
    ['ميسوري', true],
    ['وضميري', true],
    ['علفي', true],
    ['سلف', false],
    ['الحال', false],
    ['بلعيد', false],
  ];
  for (const [w, expected] of table) assert.equal(isYaOfWord(w), expected, w);
});

test('GIVEN a phrase of one or two ordinary words with ي as a person THEN it is nobody; a cut family name or one after a rank stays', () => {
  const table: [string, string, boolean][] = [
    ['كما تبين أن أحد أبنائه سلفي تكفيري سافر إلى سوريا.', 'سلفي تكفيري', true],
    ['ما يشير إلى أنهم قد يكونون ميسوري الحال ، لكنهم فضلوا ذلك.', 'ميسوري الحال', true],
    ['وعثرت الوحدات على كيس بلاستيكي بسواحل بنزرت.', 'كيس بلاستيكي', true],
    ['وحذرت من عمل عقابي إذا أدى ذلك إلى استفزازات.', 'عقابي', true],
    ['لتوريد الحبوب من قمح وشعير علفي حسب ما أكده المدير.', 'وشعير علفي', true],
    ['وأعلنت الحركة اختيار عبير موسي لتولي رئاسة الحركة.', 'موسي', false],
    ['إلى عائلات الشهداء الرقيب أول آمان ثامري والجندي أول معتز الخميسي.', 'آمان ثامري', false],
    ['وقال الصحبي الظاهري إن الحالة مستقرة.', 'الظاهري', false],
    ['وأكد سمير حامدي أن الحالة مستقرة.', 'سمير حامدي', false],
  ];
  for (const [text, phrase, ordinary] of table) {
    const doc = buildDoc(text, [{ start: 0, end: text.length, heading: false }]);
    const words = phrase.split(' ');
    const s = doc.tokens.findIndex((t) => t.text === words[0]);
    assert.equal(isOrdinaryWordPhrase(doc, { type: 'PER', s, e: s + words.length }), ordinary, text);
  }
  assert.deepEqual(names('كما تبين أن أحد أبنائه سلفي تكفيري سافر إلى سوريا.').filter((n) => n.includes('سلفي')), []);
});

test('GIVEN فرنس برس, a spelling of فرانس برس, THEN it is the agency, never a person فرنس', () => {
  const text = 'وأكدت مصادر أمنية ورسمية لوكالة فرنس برس خبر وفاة تامالت.';
  const r = analyzeWho(text, segment(text));
  assert.deepEqual(r.sources, ['فرانس برس']);
  assert.ok(!r.who.some((e) => e.type === 'PER' && e.name.includes('فرنس')));
});

test('GIVEN قائد السبسي, a family name opening with a title, THEN it is one name with its given name and قائد is no role', () => {
  const table: [string, string, string][] = [
    ['كما أطلعهم على المحاور الأساسية لمبادرة رئيس الجمهورية الباجي قائد السبسي بخصوص الأزمة الليبية.', 'الباجي قائد السبسي', 'رئيس الجمهورية'],
    ['وقال الباجي قايد السبسي إن الأزمة طويلة.', 'الباجي قايد السبسي', ''],
    ['ودعا المدير التنفيذي لحركة نداء تونس حافظ قائد السبسي إلى الحوار.', 'حافظ قائد السبسي', 'المدير التنفيذي لحركة نداء تونس'],
    ['وطالب الحزب بأن يسحب قائد السبسي دعوته للسيسي.', 'قائد السبسي', ''],
  ];
  for (const [text, name, role] of table) {
    const who = analyzeWho(text, segment(text)).who.filter((e) => e.type === 'PER');
    assert.deepEqual(who.map((e) => [e.name, e.role]), [[name, role]], text);
  }
});

test('GIVEN a clitic on بن of a place ("ببن قردان", "وبن عروس") THEN the place is whole and named without it; الديوانية and الطور are no places', () => {
  const table: [string, string][] = [
    ['ألقت عناصر الحرس الوطني ببن قردان مؤخرا القبض على 5 أشخاص.', 'بن قردان'],
    ['وشملت الحملة ولايات تونس وبن عروس وأريانة.', 'بن عروس'],
  ];
  for (const [text, place] of table) {
    const who = analyzeWho(text, segment(text)).who;
    assert.ok(who.some((e) => e.type === 'LOC' && e.name === place), text);
    assert.ok(!who.some((e) => e.type === 'PER'), text);
  }
  for (const text of ['وتمكنت فرقة الحراسة والتفتيشات الديوانية بقفصة من حجز شاحنة.', 'وكان المتهم قد حوكم في الطور الابتدائي بالسجن.']) {
    assert.ok(!names(text).some((n) => n === 'الديوانية' || n === 'الطور'), text);
  }
  assert.ok(names('وقالت مارين لوبن إنها ستفوز.').some((n) => n.endsWith('لوبن')));
});

test('GIVEN أورو, the euro as Tunisian news writes it, THEN it is no place', () => {
  for (const text of ['وقدمت برلين 300 مليون أورو إضافية لمساعدة الدول.', 'قرض بقيمة 93 مليون أورو أي ما يعادل 240 مليون دينار.']) {
    assert.ok(!names(text).some((n) => n === 'أورو'), text);
  }
});

test('GIVEN a name written with and without a space inside it THEN it is one person', () => {
  const table: [string, string, string[]][] = [
    [
      'وقال وزير الدفاع الفرنسي جان إيف لو دريان إن التنظيم يتمدد في ليبيا. وأضاف لودريان أن الخطر قائم.',
      'لو دريان',
      ['لودريان'],
    ],
    [
      'التقى الرئيس الفرنسي وزير الخارجية جان إيف لودريان في باريس. وقال لو دريان إن الزيارة مهمة.',
      'لودريان',
      ['لو دريان'],
    ],
    ['وصرح عبد الرحمن بنعلي أن المشروع تأخر. وأكد بن علي أن الأشغال ستستأنف قريبا.', 'بنعلي', ['بن علي']],
  ];
  for (const [text, name, aliases] of table) {
    const people = analyzeWho(text, segment(text)).who.filter((e) => e.type === 'PER');
    const holder = people.filter((e) => e.name.includes(name) || e.aliases.includes(name));
    assert.equal(holder.length, 1, text);
    for (const a of aliases) assert.ok(holder[0]!.name.includes(a) || holder[0]!.aliases.includes(a), text);
    assert.equal(people.filter((e) => aliases.some((a) => e.name === a)).length, 0, text);
  }
});

test('GIVEN two names whose letters run together only by chance THEN the spaced-spelling match needs the same letters in running words', async () => {
  const { isSpacedSpelling } = await import('../../../src/core/who/entities.ts');
  const table: [string[], string[], boolean][] = [
    [['لودريان'], ['جان', 'ايف', 'لو', 'دريان'], true],
    [['لو', 'دريان'], ['جان', 'ايف', 'لودريان'], true],
    [['بنعلي'], ['بن', 'علي'], true],
    [['لو', 'دريان'], ['جان', 'ايف', 'لو', 'دريان'], false],
    [['علي'], ['بن', 'علي'], false],
    [['دريان'], ['لو', 'دريان'], false],
    [['محمدعلي'], ['محمد', 'صالح', 'علي'], false],
  ];
  for (const [mention, name, expected] of table) assert.equal(isSpacedSpelling(mention, name), expected, mention.join(' '));
});

test('GIVEN a given name after a title and a family name spelt like a title THEN the family name stays when no body follows it', () => {
  const table: [string, string][] = [
    ['لكن وزيرة التضامن غادة والي قالت إن الوزارة وجهت أوامرها لفريق التدخل السريع.', 'غادة والي'],
    ['وقال وزير الداخلية محمد أمين إن الوضع هادئ في العاصمة.', 'محمد أمين'],
    ['وقال رئيس الهيئة الوطنية لمكافحة الفساد شوقي الطبيب، في تصريح صحفي، إن اللقاء كان إيجابيا.', 'شوقي الطبيب'],
    ['وعين الرئيس محمد والي الخرطوم الجديد خلفا للمستقيل.', 'محمد'],
    ['وقال وزير الخارجية أحمد وزير الدولة للشؤون الخارجية سابقا إن الزيارة مهمة.', 'أحمد'],
  ];
  for (const [text, name] of table) {
    const people = analyzeWho(text, segment(text)).who.filter((e) => e.type === 'PER');
    assert.deepEqual(people.map((e) => e.name), [name], text);
  }
});

test('GIVEN a European name with two particles THEN the word after the second is part of the name', async () => {
  const { completedNameEnd } = await import('../../../src/core/who/mentions.ts');
  const { buildDoc: docOf } = await import('../../../src/core/who/doc.ts');
  const table: [string, number, number, number][] = [
    ['حذرت الوزيرة أورسولا فون دير لاين الإدارة الأمريكية', 2, 4, 6],
    ['وقال الحكم فان دير ستيور إن المباراة انتهت', 2, 4, 5],
    ['وقال محمد بن راشد آل مكتوم إن المشروع كبير', 1, 5, 6],
    ['وقال الوزير يان فان دير ، إن المشروع كبير', 2, 4, 5],
  ];
  for (const [text, s, e, end] of table) {
    const doc = docOf(text, [{ start: 0, end: text.length, heading: false }]);
    assert.equal(completedNameEnd(doc, { type: 'PER', s, e }), end, text);
  }
});
