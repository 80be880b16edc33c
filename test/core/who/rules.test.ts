import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../../src/core/who/tokenize.ts';
import { splitClitics } from '../../../src/core/who/clitics.ts';
import { cleanFirstWord, cleanName, knownForms } from '../../../src/core/who/names.ts';
import { dualBase } from '../../../src/core/who/mentions.ts';
import { spansFromTags, scoreSpans } from '../../../src/core/who/bio.ts';
import { parseConll, splitTrainDev } from '../../../src/core/who/conll.ts';

test('GIVEN Arabic text with punctuation and clitics THEN tokens split punctuation off and keep clitics, with offsets', () => {
  const text = 'وقال المتحدث: "ندعو حكومة العراق"، بحسب لـ"رويترز" في 3.5 ساعات.';
  const toks = tokenize(text);
  assert.deepEqual(
    toks.map((t) => t.text),
    ['وقال', 'المتحدث', ':', '"', 'ندعو', 'حكومة', 'العراق', '"', '،', 'بحسب', 'لـ', '"', 'رويترز', '"', 'في', '3.5', 'ساعات', '.'],
  );
  for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
});

test('GIVEN words with proclitics THEN splitClitics separates conjunction, preposition and article', () => {
  const table: [string, { pre: string; article: boolean; stem: string }][] = [
    ['والعراق', { pre: 'و', article: true, stem: 'عراق' }],
    ['للسفارة', { pre: 'ل', article: true, stem: 'سفارة' }],
    ['بالقرب', { pre: 'ب', article: true, stem: 'قرب' }],
    ['وزير', { pre: '', article: false, stem: 'وزير' }],
    ['واشنطن', { pre: '', article: false, stem: 'واشنطن' }],
  ];
  for (const [word, expected] of table) assert.deepEqual(splitClitics(word), expected, word);
});

test('GIVEN a name with glued clitics THEN the display form drops them only when the rest is a known form', () => {
  const known = knownForms(new Set(['بلينكن']));
  const table: [string, string][] = [
    ['ببغداد', 'بغداد'],
    ['والعراق', 'العراق'],
    ['للسفارة', 'السفارة'],
    ['واشنطن', 'واشنطن'],
    ['لبنان', 'لبنان'],
    ['وبلينكن', 'بلينكن'],
    ['وسوريا', 'سوريا'],
    ['لـرويترز', 'رويترز'],
  ];
  for (const [word, expected] of table) assert.equal(cleanFirstWord(word, known), expected, word);
});

test('GIVEN a person\'s first word with و/ف before a hamza THEN the conjunction comes off; a bare alef after و is the name\'s own', () => {
  const known = knownForms(new Set());
  const table: [string, string][] = [
    ['وأبان', 'أبان'],
    ['فإسماعيل', 'إسماعيل'],
    ['والتر', 'والتر'],
    ['وانغ', 'وانغ'],
    ['وليد', 'وليد'],
  ];
  for (const [word, expected] of table) assert.equal(cleanFirstWord(word, known, true), expected, word);
  assert.equal(cleanName(['وأبان', 'الزهراني'], known), 'أبان الزهراني');
  // Not for a one-word or non-person name: there only known forms lose a clitic.
  assert.equal(cleanFirstWord('وأبانكو', known, false), 'وأبانكو');
});

test('GIVEN a place or organization opening with بو/بن or و/ف before a hamza THEN the Maghrebi name keeps its ب and the conjunction comes off', () => {
  const known = knownForms(new Set(['وزارة']));
  const table: [string[], string][] = [
    // A preposition comes after the conjunction, never before it: no ب + و + سالم.
    [['بوسالم'], 'بوسالم'],
    [['بنعروس'], 'بنعروس'],
    [['بنقردان'], 'بنقردان'],
    // A و-word the lexicons or the article know, or a head noun, is what the preposition governs.
    [['بواشنطن'], 'واشنطن'],
    [['بوزارة', 'الداخلية'], 'وزارة الداخلية'],
    [['بسليانة'], 'سليانة'],
    // A foreign name writes a bare alef after و ("والتر"); a hamza after it marks the conjunction.
    [['وأطباء', 'بلا', 'حدود'], 'أطباء بلا حدود'],
    [['وأكرانيا'], 'أكرانيا'],
    [['واغادوغو'], 'واغادوغو'],
  ];
  for (const [words, expected] of table) assert.equal(cleanName(words, known, true), expected, words.join(' '));
});

test('GIVEN a name copied with a direction mark or zero-width character THEN the display name leaves it out', () => {
  const known = knownForms(new Set());
  assert.equal(cleanName(['\u202bتنظيم', 'داعش'], known, true), 'تنظيم داعش');
  assert.equal(cleanName(['مطار', 'الملك', 'عبدالعزيز\u200f'], known, true), 'مطار الملك عبدالعزيز');
  assert.equal(cleanName(['\u200f'], known, true), '');
});

test('GIVEN a place opening with بال/كال THEN ب/ك is a preposition before the article only when what is left is a word or a known name', () => {
  const known = knownForms(new Set());
  const cleaned = ([word]: [string, string]): string => cleanName([word], known, true);
  const table: [string, string][] = [
    // Transliterated names: "اليرمو", "الفورنيا" are no words.
    ['باليرمو', 'باليرمو'],
    ['كالفورنيا', 'كالفورنيا'],
    ['كالينينغراد', 'كالينينغراد'],
    // A name of the gazetteer whole, though what follows ب reads as the article and a known name ("تيمور").
    ['بالتيمور', 'بالتيمور'],
    ['وبالتيمور', 'بالتيمور'],
    // A preposition before a known place or an ordinary word.
    ['بالموصل', 'الموصل'],
    ['بالقيروان', 'القيروان'],
    ['بالبرلمان', 'البرلمان'],
    ['كالجزيرة', 'الجزيرة'],
  ];
  assert.deepEqual(table.map(cleaned), table.map((row) => row[1]));
  // The article's own words vouch for the stripped form.
  assert.equal(cleanName(['كالفورنيا'], knownForms(new Set(['الفورنيا'])), true), 'الفورنيا');
});

test('GIVEN a stem THEN a dual noun gives the singular it may come from', () => {
  const table: [string, string[]][] = [
    ['حالتان', ['حالة']],
    ['سيارتين', ['سيارة']],
    ['ديناران', ['دينار']],
    ['سلمان', ['سلم']],
    ['علي', []],
  ];
  for (const [stem, expected] of table) assert.deepEqual(dualBase(stem), expected, stem);
});

test('GIVEN IOB2 tags THEN spans follow conlleval, and exact-span scoring counts hits and misses', () => {
  assert.deepEqual(spansFromTags(['B-PERS', 'I-PERS', 'O', 'I-LOC', 'B-ORG']), [
    { type: 'PERS', start: 0, end: 2 },
    { type: 'LOC', start: 3, end: 4 },
    { type: 'ORG', start: 4, end: 5 },
  ]);
  const s = scoreSpans([['B-PERS', 'I-PERS', 'O', 'B-LOC']], [['B-PERS', 'O', 'O', 'B-LOC']], ['PERS', 'LOC']);
  assert.equal(s.LOC!.f1, 1);
  assert.equal(s.PERS!.tp, 0);
  assert.equal(s.ALL!.tp, 1);
  assert.equal(s.ALL!.fp, 1);
  assert.equal(s.ALL!.fn, 1);
});

test('GIVEN token-per-line data THEN sentences parse and the dev split is the last tenth in order', () => {
  const content = Array.from({ length: 10 }, (_, i) => `كلمة${i} O\nبغداد B-LOC\n. O\n`).join('\n');
  const sents = parseConll(content);
  assert.equal(sents.length, 10);
  assert.deepEqual(sents[0]!.tags, ['O', 'B-LOC', 'O']);
  const { train, dev } = splitTrainDev(sents);
  assert.equal(train.length, 9);
  assert.equal(dev[0]!.words[0], 'كلمة9');
});

test('GIVEN a head noun with a place THEN nisbaForm gives the definite nisba name writers also use', async () => {
  const { nisbaForm } = await import('../../../src/core/who/entities.ts');
  const { normalize } = await import('../../../src/core/text/normalize.ts');
  const cases: [string, string | undefined][] = [
    ['حكومة العراق', 'الحكومة العراقية'],
    ['جيش لبنان', 'الجيش اللبناني'],
    ['حكومة سوريا', 'الحكومة السورية'],
    ['خارجية إيران', 'الخارجية الايرانية'],
    ['الحكومة العراقية', undefined], // already the nisba form
    ['محمد شياع السوداني', undefined], // not two words
  ];
  for (const [name, expected] of cases) {
    const words = normalize(name).split(' ');
    assert.equal(nisbaForm(words)?.join(' '), expected === undefined ? undefined : normalize(expected), name);
  }
});

test('GIVEN "الحكومة العراقية" and later "حكومة العراق" THEN one entity with the other as alias', async () => {
  const { analyzeWho } = await import('../../../src/core/who/index.ts');
  const text = 'دعت السفارة الحكومة العراقية إلى حماية الطواقم. وقال المتحدث: "ندعو حكومة العراق إلى التحرك".';
  const who = analyzeWho(text, [{ start: 0, end: 47, heading: false }, { start: 48, end: text.length, heading: false }]).who;
  const gov = who.filter((w) => w.name.includes('حكومة'));
  assert.equal(gov.length, 1, JSON.stringify(who.map((w) => w.name)));
  assert.equal(gov[0]!.name, 'الحكومة العراقية');
  assert.deepEqual(gov[0]!.aliases, ['حكومة العراق']);
});

test('GIVEN a family name written with and without the article THEN one person, the other spelling an alias', async () => {
  const { analyzeWho } = await import('../../../src/core/who/index.ts');
  const text = 'أرسل ياسين صالحي صورة إلى رقم في كندا. وكان ياسين الصالحي قد دخل المصنع صباحا.';
  const people = analyzeWho(text, [{ start: 0, end: 38, heading: false }, { start: 39, end: text.length, heading: false }]).who.filter((w) => w.type === 'PER');
  assert.equal(people.length, 1, JSON.stringify(people.map((p) => p.name)));
  assert.equal(people[0]!.name, 'ياسين صالحي');
  assert.deepEqual(people[0]!.aliases, ['ياسين الصالحي']);
});

test('GIVEN a title right after a name THEN it is the role, unless it belongs to the next person', async () => {
  const { analyzeWho } = await import('../../../src/core/who/index.ts');
  const table: [string, string, string][] = [
    ['قال فريد الباجي رئيس جمعية دار الحديث الزيتونية اليوم الخميس إن الانتخابات تأجلت.', 'فريد الباجي', 'رئيس جمعية دار الحديث الزيتونية'],
    ['وقال أحمد الطيب، شيخ الأزهر، إن الحوار ضروري.', 'أحمد الطيب', 'شيخ الأزهر'],
    ['استقبل محمد بن سلمان وزير الخارجية الأميركي أنتوني بلينكن في الرياض.', 'محمد بن سلمان', ''],
    // Whom the title is of, after ل, ends it; the press spoken to is no part of it.
    ['بعد ساعات من قول بيتر نافارو المستشار التجاري لترامب لصحيفة فايننشال تايمز إن ألمانيا تستفيد. وقال ترامب إن ذلك صحيح.', 'بيتر نافارو', 'المستشار التجاري لترامب'],
    // An adverb ends a role said with no comma.
    ['وتحدث أحمد الجبوري أمين عام الحزب هاتفيا مع رئيس الحكومة.', 'أحمد الجبوري', 'أمين عام الحزب'],
    // An honorific alone gives way to the apposition after a comma.
    ['وتقول الدكتورة مارغريت تشان، المديرة العامة لمنظمة الصحة العالمية، إن السكري يتزايد.', 'مارغريت تشان', 'المديرة العامة لمنظمة الصحة العالمية'],
    // A rank or honorific after a comma goes with the name; the title before the comma is the role.
    ['وقال مفتي عام المملكة العربية السعودية، الشيخ عبدالعزيز بن عبدالله آل الشيخ، إن القرار صائب.', 'عبدالعزيز بن عبدالله آل الشيخ', 'مفتي عام المملكة العربية السعودية'],
    ['وظهر في الفيديو برفقة مدير أمن الإسكندرية، اللواء مصطفى النمر.', 'مصطفى النمر', 'مدير أمن الإسكندرية'],
    // ... but not another person's title before the comma.
    ['التقى الرئيس إيمانويل ماكرون، الشيخ تميم بن حمد آل ثاني.', 'تميم بن حمد آل ثاني', 'الشيخ'],
    // A place noun after ل is what the title serves.
    ['وقال مدير صندوق الأمم المتحدة للسكان للمنطقة العربية الدكتور لؤي شبانه، في بيان، إنه قلق.', 'لؤي شبانه', 'مدير صندوق الأمم المتحدة للسكان للمنطقة العربية'],
  ];
  for (const [text, name, role] of table) {
    const who = analyzeWho(text, [{ start: 0, end: text.length, heading: false }]).who;
    assert.equal(who.find((w) => w.name === name)?.role, role, text);
  }
});

test('GIVEN a role before a name THEN it is complete: its body, what it is of, a description that is no title', async () => {
  const { analyzeWho } = await import('../../../src/core/who/index.ts');
  const table: [string, string, string][] = [
    ['ولد وزير الصناعة والتجارة في حكومة يوسف الشاهد زياد العذاري في سوسة.', 'زياد العذاري', 'وزير الصناعة والتجارة في حكومة يوسف الشاهد'],
    ['وتحدثت الإعلامية ميسلون نصار عن البرنامج.', 'ميسلون نصار', 'الإعلامية'],
    ['وتقدمه المنشطة الإذاعية "إيمان الفجاري" كل أسبوع.', 'إيمان الفجاري', 'المنشطة الإذاعية'],
    // Tunisian offices: a delegate (معتمد), a deputy (كاهية), an envoy (مندوب).
    ['وقال معتمد المنطقة سليم الحاج صالح لوكالة تونس افريقيا للأنباء إن الشخص تقدم.', 'سليم الحاج صالح', 'معتمد المنطقة'],
    ['من جهته أكد محمد علي بن رمضان كاهية مدير الزراعات الكبرى بوزارة الفلاحة، أن تونس تنتج القمح.', 'محمد علي بن رمضان', 'كاهية مدير الزراعات الكبرى بوزارة الفلاحة'],
    // A name in quotation marks inside the title is the title's, as written.
    ['نفى رئيس كتلة "نداء تونس" بالبرلمان، سفيان طوبال، ما راج عن الاستقالات.', 'سفيان طوبال', 'رئيس كتلة "نداء تونس" بالبرلمان'],
    ['نبه مدير عمليات التوزيع الجهوي بـ"ستاغ" منجي بوصبيع، الى "أن الديون قد تتجاوز ألف مليون دينار".', 'منجي بوصبيع', 'مدير عمليات التوزيع الجهوي بـ"ستاغ"'],
    ['وأفاد مراسل "الجوهرة أف أم" بالمنستير، وليد الجزيري، بأن الطريق أغلق.', 'وليد الجزيري', 'مراسل "الجوهرة أف أم" بالمنستير'],
    // A quoted title stays the title ('لـ"الداعية" فلان'); إلى right before the name gives none.
    ['تأثر بتصريحات لـ"الداعية" أحمد موسى جبريل على التلفزيون.', 'أحمد موسى جبريل', 'الداعية'],
    ['نشر رسالة بعنوان من نائب شعب إلى محمد أمين محفوظ على صفحته.', 'محمد أمين محفوظ', ''],
    // A kinship word parts another's description from the name.
    ['وقال جان ماري لوبان، مؤسس "الجبهة الوطنية" ووالد مرشحة الرئاسة الخاسرة مارين لوبان، إن اليورو أضرها.', 'مارين لوبان', ''],
  ];
  for (const [text, name, role] of table) {
    const who = analyzeWho(text, [{ start: 0, end: text.length, heading: false }]).who;
    assert.equal(who.find((w) => w.name === name)?.role, role, `${text} → ${JSON.stringify(who.map((w) => [w.name, w.role]))}`);
  }
});

test('GIVEN a person known only by a given name THEN the who list leaves them out unless a role or words say who they are', async () => {
  const { analyzeWho } = await import('../../../src/core/who/index.ts');
  const names = (text: string): string[] => analyzeWho(text, [{ start: 0, end: text.length, heading: false }]).who.filter((w) => w.type === 'PER').map((w) => w.name);
  assert.ok(!names('ولد وزير الصناعة في حكومة يوسف الشاهد زياد العذاري في سوسة.').includes('يوسف'));
  assert.ok(names('ولد وزير الصناعة في حكومة يوسف الشاهد زياد العذاري في سوسة.').includes('زياد العذاري'));
  assert.ok(names('وقال اللاعب محمد للصحفيين إن الفريق جاهز للمباراة المقبلة.').includes('محمد'));
});

test('GIVEN one name written two ways THEN the who list has one entry', async () => {
  const { analyzeWho } = await import('../../../src/core/who/index.ts');
  const table: [string, string][] = [
    ['استقال النائب نور الدين بن عاشور من الكتلة. وقال نورالدين بن عاشور إن قراره نهائي.', 'عاشور'],
    ['وشارك في العرض بمناسبة انتصار الاتحاد السوفيتي في الحرب العالمية الثانية أكثر من عشرة آلاف جندي منذ سقوط الاتحاد السوفييتي في موسكو.', 'السوف'],
    // ئ written as ي: "العائدي" / "العايدي".
    ['قال وزير الصحة سعيد العائدي إن المستشفى جاهز. وأضاف سعيد العايدي أن الأطباء وصلوا.', 'سعيد'],
  ];
  for (const [text, part] of table) {
    const who = analyzeWho(text, [{ start: 0, end: text.length, heading: false }]).who.filter((w) => w.name.includes(part));
    assert.equal(who.length, 1, `${text} → ${JSON.stringify(who.map((w) => w.name))}`);
  }
});

test('GIVEN a name that is one function word THEN it is no entity, while acronym letters are', async () => {
  const { onlyFunctionWords } = await import('../../../src/core/who/index.ts');
  const table: [string, boolean][] = [
    ['الذي', true],
    ['إلى', true],
    ['أ ف ب', false],
    ['كييف', false],
    ['السلطات الفرنسية', false],
  ];
  for (const [name, junk] of table) assert.equal(onlyFunctionWords(name), junk, name);
});
