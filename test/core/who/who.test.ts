import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeWho } from '../../../src/core/who/index.ts';
import { buildDoc } from '../../../src/core/who/doc.ts';
import { trimMention } from '../../../src/core/who/mentions.ts';
import { segment } from '../../../src/core/text/segment.ts';
import { normalize } from '../../../src/core/text/normalize.ts';
import type { WhoEntry } from '../../../src/core/types.ts';

const seed = readFileSync(new URL('../../../../shared/seed/baghdad-embassy-attack.txt', import.meta.url), 'utf8');
const result = analyzeWho(seed, segment(seed));
const find = (name: string): WhoEntry | undefined => result.who.find((e) => normalize(e.name) === normalize(name));

function who(text: string) {
  return analyzeWho(text, segment(text));
}

test('GIVEN the seed article THEN the people come with their roles, aliases and quotes', () => {
  const sudani = find('محمد شياع السوداني');
  assert.ok(sudani, 'السوداني found');
  assert.equal(sudani.type, 'PER');
  assert.equal(sudani.role, 'رئيس الوزراء العراقي');
  assert.deepEqual(sudani.aliases, ['السوداني']);
  assert.equal(sudani.said.length, 2, 'both quotes, the first one far after its verb');
  assert.match(sudani.said[0]!, /^موقف العراق الرافض/);
  const blinken = find('أنتوني بلينكن');
  assert.equal(blinken?.role, 'وزير الخارجية الأميركي');
});

test('GIVEN the seed article THEN organizations, places and cited sources are found with clean names', () => {
  const table: [string, string][] = [
    ['السفارة الأميركية', 'ORG'],
    ['الحكومة العراقية', 'ORG'],
    ['التحالف الدولي', 'ORG'],
    ['المقاومة الإسلامية في العراق', 'ORG'],
    ['الحشد الشعبي', 'ORG'],
    ['القيادة المركزية الأميركية', 'ORG'],
    ['فرانس برس', 'ORG'],
    ['رويترز', 'ORG'],
    ['بغداد', 'LOC'],
    ['المنطقة الخضراء', 'LOC'],
    ['العراق', 'LOC'],
    ['سوريا', 'LOC'],
    ['قطاع غزة', 'LOC'],
    ['إيران', 'LOC'],
    ['واشنطن', 'LOC'],
    ['كركوك', 'LOC'],
  ];
  for (const [name, type] of table) assert.equal(find(name)?.type, type, name);
  assert.deepEqual(result.sources, ['فرانس برس', 'رويترز']);
  assert.equal(result.who.filter((e) => normalize(e.name) === 'بغداد').length, 1, 'ببغداد merges into بغداد');
});

test('GIVEN the seed article THEN unnamed sources are SRC entities, the spokesman quoted twice', () => {
  const spokesman = find('متحدث باسم السفارة الأميركية');
  assert.equal(spokesman?.type, 'SRC');
  assert.equal(spokesman.mentions.length, 2, 'a later "المتحدث" refers back');
  assert.equal(spokesman.said.length, 2, 'the quote and the "مضيفًا:" continuation');
  for (const name of ['مسؤول أمني عراقي', 'مصدران أمنيان', 'مصدر مطلع', 'مسؤول عسكري أميركي']) {
    assert.equal(find(name)?.type, 'SRC', name);
  }
});

test('GIVEN the seed article THEN every mention span is on the text and no junk word is an entity', () => {
  for (const m of result.mentions) assert.equal(seed.slice(m.start, m.end), m.text);
  for (const junk of ['من', 'على', 'أن', 'الله', 'الجمعة', 'ديسمبر']) assert.equal(find(junk), undefined, junk);
});

test('GIVEN an apposition after a name THEN it is the role', () => {
  const r = who('التقى الوزير أمس خالد المصري، رئيس حزب الأمة الوطني، في العاصمة.');
  const p = r.who.find((e) => e.type === 'PER');
  assert.ok(p);
  assert.match(p.role, /^رئيس حزب الأمة/);
});

test('GIVEN indirect speech THEN the clause after إن, without the particle, is what the speaker said', () => {
  const r = who('قال مسؤول عسكري إسرائيلي إن القوات ستواصل عملياتها في المنطقة خلال الأيام المقبلة.');
  const src = r.who.find((e) => e.type === 'SRC');
  assert.equal(src?.name, 'مسؤول عسكري إسرائيلي');
  assert.deepEqual(src.said, ['القوات ستواصل عملياتها في المنطقة خلال الأيام المقبلة']);
});

test('GIVEN outlets named after a head word THEN they are sources, quote marks removed', () => {
  const r = who('ونقلت صحيفة "نيويورك تايمز" عن مسؤولين أن المحادثات مستمرة، بحسب وكالة الأناضول.');
  assert.deepEqual(r.sources, ['نيويورك تايمز', 'الأناضول']);
  assert.ok(r.who.some((e) => e.name === 'الأناضول' && e.type === 'ORG'));
});

test('GIVEN empty text THEN nothing is found', () => {
  assert.deepEqual(analyzeWho('', []), { mentions: [], who: [], sources: [] });
});

test('GIVEN names that end in a month or in الله THEN the whole name is kept', () => {
  const table: [string, string][] = [
    ['وقالت رئيسة الوزراء البريطانية تيريزا ماي إن الاتفاق جيد للبلاد.', 'تيريزا ماي'],
    ['وقال الأمين العام لحزب الله حسن نصر الله إن المقاومة جاهزة للرد.', 'حسن نصر الله'],
  ];
  for (const [text, name] of table) {
    const p = who(text).who.find((e) => e.type === 'PER');
    assert.equal(p?.name, name, text);
  }
});

test('GIVEN a bare source head away from any speech verb THEN it is no SRC entity', () => {
  const r = who('ارتفع عدد سكان المدينة إلى مليون نسمة، وقال مسؤول محلي إن الخدمات تحسنت.');
  assert.deepEqual(
    r.who.filter((e) => e.type === 'SRC').map((e) => e.name),
    ['مسؤول محلي'],
  );
});

test('GIVEN a descriptive organization THEN the who list names it but the proper-name mentions leave it out', () => {
  const r = who('وأعلنت الحكومة السودانية أمس أن الجيش سيغادر مدينة الخرطوم، بحسب وكالة رويترز.');
  const org = r.who.find((e) => e.name === 'الحكومة السودانية');
  assert.equal(org?.type, 'ORG');
  assert.equal(org.mentions.length, 1);
  assert.ok(!r.mentions.some((m) => m.text.includes('الحكومة')), JSON.stringify(r.mentions));
  assert.ok(r.mentions.some((m) => m.text === 'رويترز' && m.type === 'ORG'));
});

test('GIVEN a lone indefinite title word before a name and an apposition after it THEN the apposition is the role', () => {
  const r = who('وقال ملك شاهر المتحدث باسم المنظمة إن عشرة أطفال قتلوا في الغارة.');
  const p = r.who.find((e) => e.type === 'PER');
  assert.ok(p, JSON.stringify(r.who));
  assert.equal(p.role, 'المتحدث باسم المنظمة');
});

test('GIVEN "بقيادة" before a country THEN no organization called قيادة is made', () => {
  const r = who('شن التحالف العربي بقيادة السعودية غارات على مدرسة في اليمن.');
  assert.ok(!r.who.some((e) => e.name.includes('قيادة')), JSON.stringify(r.who.map((e) => e.name)));
  assert.ok(r.who.some((e) => e.name === 'السعودية' && e.type === 'LOC'));
});

test('GIVEN an organization named with and without its cue noun, or with a label after it THEN it is one entity named plainly', () => {
  const r = who('وقالت حركة حماس في بيان إن الهجوم فشل. وأضافت حماس أن المفاوضات متوقفة. وتبنى تنظيم داعش الإرهابي الهجوم.');
  const hamas = r.who.filter((e) => e.name.includes('حماس'));
  assert.equal(hamas.length, 1, JSON.stringify(r.who.map((e) => e.name)));
  assert.equal(hamas[0]!.mentions.length, 2);
  assert.ok(r.who.some((e) => e.type === 'ORG' && (e.name === 'داعش' || e.name === 'تنظيم داعش')), JSON.stringify(r.who.map((e) => e.name)));
  assert.ok(!r.who.some((e) => e.name.includes('الإرهابي')));
});

test('GIVEN names behind a governing noun, a بن particle, or an apposition followed by its circumstance THEN names and roles are clean', () => {
  const trimmed = (text: string, s: number, e: number): string => {
    const doc = buildDoc(text, segment(text));
    const m = trimMention(doc, { type: 'PER', s, e });
    return m ? doc.tokens.slice(m.s, m.e).map((t) => t.text).join(' ') : '';
  };
  assert.equal(trimmed('وطالب المحتجون بإطلاق سراح ناصر الزفزافي فورا.', 3, 6), 'ناصر الزفزافي');
  assert.equal(trimmed('وانتقد النائب نظام بن علي.', 3, 5), 'بن علي');
  const r = who('وقال رفيق عبد السلام، رئيس مركز الدراسات الاستراتيجية على هامش ندوة في العاصمة، إن الوضع صعب.');
  const p = r.who.find((e) => e.type === 'PER');
  assert.equal(p?.role, 'رئيس مركز الدراسات الاستراتيجية');
});

test('GIVEN a name with a particle the tagger may split (لو) THEN it is one person', () => {
  const r = who('وعين ماكرون وزير الدفاع جان إيف لو دريان وزيرا للخارجية.');
  const p = r.who.find((e) => e.name.includes('دريان'));
  assert.equal(p?.name, 'جان إيف لو دريان');
  assert.equal(p.role, 'وزير الدفاع');
});

test('GIVEN a body described once with no nationality, or a nationality adjective alone THEN the who list leaves it out', () => {
  const r = who('واجتمعت اللجنة الوطنية أمس. وأعلنت الحكومة التونسية أن مواطنا سعودي الجنسية اعتقل.');
  const names = r.who.map((e) => e.name);
  assert.ok(!names.includes('اللجنة الوطنية'), JSON.stringify(names));
  assert.ok(names.includes('الحكومة التونسية'), JSON.stringify(names));
  assert.ok(!names.includes('سعودي'), JSON.stringify(names));
});

test('GIVEN a role before a name THEN it ends before an honorific said with the name and never reaches back past a relative clause', () => {
  const roleOf = (text: string, name: string): string | undefined => who(text).who.find((e) => e.name.includes(name))?.role;
  assert.equal(roleOf('وقال أمير قطر الشيخ تميم بن حمد آل ثاني إن الأزمة ستنتهي.', 'تميم'), 'أمير قطر');
  assert.equal(roleOf('وقال الشيخ تميم بن حمد آل ثاني إن الأزمة ستنتهي.', 'تميم'), 'الشيخ');
  assert.equal(roleOf('وقال المتحدث باسم الجيش الليبي الرائد محمد الحجازي إن القوات تقدمت.', 'الحجازي'), 'المتحدث باسم الجيش الليبي');
  const r = roleOf('وهاجم الحزب الذي ينتمي إليه الرئيس إيمانويل ماكرون خصومه.', 'ماكرون');
  assert.ok(r === 'الرئيس' || r === '', r);
});

test('GIVEN a role in apposition THEN it ends before و + a verb or a circumstance, and keeps a second title', () => {
  const roleOf = (text: string): string | undefined => who(text).who.find((e) => e.type === 'PER')?.role;
  assert.equal(roleOf('وقال أحمد بن سالم، المتحدث باسم قوة الردع وقرر الانسحاب، إن الوضع هادئ.'), 'المتحدث باسم قوة الردع');
  assert.equal(roleOf('وقال أحمد بن سالم، وزير الدفاع ونائب رئيس الوزراء، إن الحل سياسي.'), 'وزير الدفاع ونائب رئيس الوزراء');
  assert.equal(roleOf('وقال أنطونيو غوتيريس، الأمين العام للمنظمة على خلفية الأزمة، إن الحل سياسي.'), 'الأمين العام للمنظمة');
});

test('GIVEN a title further back than a verb THEN it is not the role', () => {
  const r = who('وقالت زعيمة أجنبية تزور الرئيس الأمريكي دونالد ترامب إن اللقاء كان مثمرا.');
  assert.equal(r.who.find((e) => e.name.includes('ترامب'))?.role, 'الرئيس الأمريكي');
  // A place of that shape ("تونس") is no verb.
  const q = who('وقال سفير تونس محمد الخالدي إن العلاقات جيدة.');
  assert.equal(q.who.find((e) => e.name.includes('الخالدي'))?.role, 'سفير تونس');
});

test('GIVEN a body named once THEN a head in construct with its complements stays, a described one leaves', () => {
  const table: [string, string, boolean][] = [
    ['وأصدرت وزارة الدفاع الوطني بيانا حول العملية العسكرية في الجنوب.', 'وزارة الدفاع الوطني', true],
    ['وأعلن حزب المسار الديمقراطي الاجتماعي انسحابه من الحكومة.', 'حزب المسار الديمقراطي الاجتماعي', true],
    ['واجتمعت اللجنة الوطنية لمناقشة الملف أمس.', 'اللجنة الوطنية', false],
    ['وقال إن مركز الشرطة تعرض لهجوم ليلا.', 'مركز الشرطة', false],
  ];
  for (const [text, name, listed] of table) {
    assert.equal(who(text).who.some((e) => e.type === 'ORG' && normalize(e.name) === normalize(name)), listed, text);
  }
});

test('GIVEN a dual noun the tagger calls a person THEN it is no entry when the article uses its singular; a given name in ان stays', () => {
  const text = 'وسجلت الوزارة ديناران إضافيان في الحساب بعد أن كان الدينار وحده. واستقبل سلمان الوفد.';
  const names = who(text).who.map((e) => e.name);
  assert.ok(!names.includes('ديناران'), names.join('، '));
});

test('GIVEN a king named after his title and a royal honorific THEN the role is the title without the honorific, the name with its ordinal', () => {
  const e = who('وشدد العاهل الأردني الملك عبد الله الثاني على أن حل الدولتين هو السبيل الوحيد.').who.find((x) => x.type === 'PER');
  assert.equal(e?.name, 'عبد الله الثاني');
  assert.equal(e?.role, 'العاهل الأردني');
});

test('GIVEN a spokesman named with his باسم THEN that is his role, before the name with a comma or after it', () => {
  for (const text of [
    'وأكد المتحدث باسم البيت الأبيض، شون سبايسر، الأربعاء أن الرئيس ملتزم بالاتفاق.',
    'وقال شون سبايسر المتحدث باسم البيت الأبيض يوم السبت إن الرئيس سيستقبل الوفد.',
  ]) {
    const e = who(text).who.find((x) => x.type === 'PER');
    assert.equal(e?.role, 'المتحدث باسم البيت الأبيض', text);
  }
});
