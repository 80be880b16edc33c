import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { segment, isHeadingLine, gluedHeadingLength } from '../../../src/core/text/segment.ts';

const texts = (text: string): string[] => segment(text).map((s) => text.slice(s.start, s.end));

const splitCases: [string, string, string[]][] = [
  ['two sentences', 'قال الوزير إن الوضع مستقر. وأضاف أن الحكومة تتابع.', ['قال الوزير إن الوضع مستقر.', 'وأضاف أن الحكومة تتابع.']],
  ['Arabic question mark', 'هل انتهت الأزمة؟ لا أحد يعرف.', ['هل انتهت الأزمة؟', 'لا أحد يعرف.']],
  ['exclamation and ellipsis', 'يا للهول! انتهى كل شيء… ثم عاد.', ['يا للهول!', 'انتهى كل شيء…', 'ثم عاد.']],
  ['decimal point', 'بلغ النمو 3.5 بالمئة هذا العام. وهو رقم قياسي.', ['بلغ النمو 3.5 بالمئة هذا العام.', 'وهو رقم قياسي.']],
  ['title abbreviation', 'قال د. أحمد إن المرض انتشر. ثم غادر.', ['قال د. أحمد إن المرض انتشر.', 'ثم غادر.']],
  ['era mark ends a sentence', 'ولد عام 1950 م. وتوفي لاحقا.', ['ولد عام 1950 م.', 'وتوفي لاحقا.']],
  ['URL', 'نشر البيان على https://example.gov.iq/news.html اليوم. وتابع.', ['نشر البيان على https://example.gov.iq/news.html اليوم.', 'وتابع.']],
  ['domain', 'ذكر موقع example.com ذلك. وانتهى.', ['ذكر موقع example.com ذلك.', 'وانتهى.']],
  ['guillemets', 'قال: «لن نتراجع. سنواصل» ثم غادر. وانتهى.', ['قال: «لن نتراجع. سنواصل» ثم غادر.', 'وانتهى.']],
  ['straight quotes', 'قال: "لن نتراجع. سنواصل" ثم غادر. وانتهى.', ['قال: "لن نتراجع. سنواصل" ثم غادر.', 'وانتهى.']],
  ['parentheses', 'أعلنت الوزارة (وهي المسؤولة. كما قالت) ذلك. وانتهى.', ['أعلنت الوزارة (وهي المسؤولة. كما قالت) ذلك.', 'وانتهى.']],
  ['stray quote protects nothing', 'قال "لن نتراجع. وانتهى.', ['قال "لن نتراجع.', 'وانتهى.']],
  ['newline splits even inside quotes', 'قال: "لن نتراجع\nسنواصل" فقط.', ['قال: "لن نتراجع', 'سنواصل" فقط.']],
  ['quote closing after the full stop, a new clause after it', 'قال: "لن نتراجع." وغادر.', ['قال: "لن نتراجع."', 'وغادر.']],
  ['quote closing after the full stop, a speech verb after it', 'وقال الوزير «إن الوضع مستقر تماما.» وأضاف أن الحكومة تتابع.', ['وقال الوزير «إن الوضع مستقر تماما.»', 'وأضاف أن الحكومة تتابع.']],
  ['quote closing after the full stop, an attribution after it', 'قال: "لن نتراجع أبدا." وفق تعبيره.', ['قال: "لن نتراجع أبدا." وفق تعبيره.']],
  ['quote closing after the full stop, no space after it', 'وقالت المنظمة: "تقع 80 بالمئة من الوفيات في البلدان الفقيرة."وأضافت الدراسة أن العدد يرتفع.', ['وقالت المنظمة: "تقع 80 بالمئة من الوفيات في البلدان الفقيرة."', 'وأضافت الدراسة أن العدد يرتفع.']],
  ['quoted term glued to و + a connective', 'يجد السوريون صعوبة في الاعتراف بهم ك"لاجئين سياسيين"ومنذ منتصف العام الماضي حصل معظمهم على الحماية الثانوية.', ['يجد السوريون صعوبة في الاعتراف بهم ك"لاجئين سياسيين"', 'ومنذ منتصف العام الماضي حصل معظمهم على الحماية الثانوية.']],
  ['quoted term glued to و + a speech verb', 'وقال الوزير إن الحادث كان "محاولة هجوم"وصرحت مصادر للشرطة أنها عثرت على أسلحة.', ['وقال الوزير إن الحادث كان "محاولة هجوم"', 'وصرحت مصادر للشرطة أنها عثرت على أسلحة.']],
  ['quoted name, no space after it', 'التقطها أحد عناصر "داعش"ونشرها على الإنترنت.', ['التقطها أحد عناصر "داعش"ونشرها على الإنترنت.']],
  ['quote closing after an ellipsis', 'استنكر ما وصفه بـ "حملة الكذب والتشويه.." وأكد تمسكه بموقفه.', ['استنكر ما وصفه بـ "حملة الكذب والتشويه.." وأكد تمسكه بموقفه.']],
  ['quoted statement, no full stop, then و + a speech verb', 'أعلن المدير "أن معدل الاستهلاك بلغ 130 لترا سنة 2016" وأضاف المدير أن الطلب يرتفع.', ['أعلن المدير "أن معدل الاستهلاك بلغ 130 لترا سنة 2016"', 'وأضاف المدير أن الطلب يرتفع.']],
  ['quoted term, no full stop, then و + another verb', 'تعهد الأسد بمواصلة ما سماها "الحرب ضد الإرهاب" ولم يبد أي علامة على التنازل.', ['تعهد الأسد بمواصلة ما سماها "الحرب ضد الإرهاب" ولم يبد أي علامة على التنازل.']],
  ['quoted name, no full stop, then و + a speech verb', 'قالت حركة "النهضة" وأكدت أنها لن تشارك.', ['قالت حركة "النهضة" وأكدت أنها لن تشارك.']],
  ['full stop after a quote', 'قال: "لن نتراجع". وغادر.', ['قال: "لن نتراجع".', 'وغادر.']],
  ['no final punctuation', 'قال الوزير إن الوضع مستقر', ['قال الوزير إن الوضع مستقر']],
  ['dotted spelled letters (آر. إف. إي)', 'قال لمحطة آر. إف. إي الفرنسية إن الوضع خطير. وأضاف أنه سيعود.', ['قال لمحطة آر. إف. إي الفرنسية إن الوضع خطير.', 'وأضاف أنه سيعود.']],
  ['dotted spelled letters (بي. بي. سي)', 'ذكرت بي. بي. سي أن الوزير وصل. ثم غادر.', ['ذكرت بي. بي. سي أن الوزير وصل.', 'ثم غادر.']],
  ['dotted agency initials (أ. ف. ب)', 'نقلت وكالة أ. ف. ب عن مصدر قوله. وقال آخر.', ['نقلت وكالة أ. ف. ب عن مصدر قوله.', 'وقال آخر.']],
  ['dotted spelled letters ending in a longer one', 'قالت وكالة إي. بي. إيه إن الرئيس وصل. ثم غادر.', ['قالت وكالة إي. بي. إيه إن الرئيس وصل.', 'ثم غادر.']],
  ['dotted letters ending the sentence before a verb', 'نقلت ذلك شبكة سي. إن. إن. وقال مصدر آخر إنه غادر.', ['نقلت ذلك شبكة سي. إن. إن.', 'وقال مصدر آخر إنه غادر.']],
  ['dotted spelled letters without spaces', 'نقلت شبكة سي.بي.إس الخبر عن مسؤول. ثم غادر.', ['نقلت شبكة سي.بي.إس الخبر عن مسؤول.', 'ثم غادر.']],
  ['missing space after a full stop', 'وصل الوفد هذا الأسبوع.وتبدو المحادثات صعبة.', ['وصل الوفد هذا الأسبوع.', 'وتبدو المحادثات صعبة.']],
  ['missing space after a short word', 'دعا إلى التصدي له.وفي مكة أدان الخطيب الجرائم.', ['دعا إلى التصدي له.', 'وفي مكة أدان الخطيب الجرائم.']],
  ['title before a name', 'قال د. محمد إن المرض انتشر. ثم غادر.', ['قال د. محمد إن المرض انتشر.', 'ثم غادر.']],
  ['year at the sentence end', 'وقع ذلك في عام 2023. وقال الوزير إنه سيعود.', ['وقع ذلك في عام 2023.', 'وقال الوزير إنه سيعود.']],
  ['short word at the sentence end', 'التقى الرئيس مع وزير ما. ثم غادر.', ['التقى الرئيس مع وزير ما.', 'ثم غادر.']],
  ['short word at the end before a short word', 'قال إن الأمر كما هو. هل يتغير؟', ['قال إن الأمر كما هو.', 'هل يتغير؟']],
  ['double dot pause', 'نتنياهو يتودد للشعب.. ويهاجم نظامه', ['نتنياهو يتودد للشعب..', 'ويهاجم نظامه']],
];

for (const [name, input, expected] of splitCases) {
  test(`segment GIVEN ${name} THEN ${expected.length} spans`, () => {
    assert.deepEqual(texts(input), expected);
  });
}

test('segment GIVEN surrounding white space THEN spans are trimmed', () => {
  const text = '  \n  جملة أولى.   جملة ثانية.  \n\n ';
  const spans = segment(text);
  assert.deepEqual(texts(text), ['جملة أولى.', 'جملة ثانية.']);
  assert.equal(spans[0]!.start, 5);
});

test('segment GIVEN empty or blank text THEN no sentences', () => {
  assert.deepEqual(segment(''), []);
  assert.deepEqual(segment(' \n \t\n'), []);
});

const headingCases: [string, boolean][] = [
  ['استئناف الهجمات', true],
  ['هجمات متواصلة على المواقع الأميركية', true],
  ['قرار بتجميد رصيد الشركة', true],
  ['وزارة الصحة تحذر', true],
  ['وقال المتحدث إن الهجوم فشل', false],
  ['ولم يصب أحد بأذى', false],
  ['قتل ثلاثة أشخاص في انفجار', false],
  ['المصدر : الدايلي تلغراف', false],
  ['-أ ف ب-', false],
  ['انتهى الاجتماع.', false],
  ['Breaking news', false],
  ['واستهدفت الصواريخ المنطقة', false],
];

for (const [line, expected] of headingCases) {
  test(`isHeadingLine GIVEN ${line} THEN ${expected}`, () => {
    assert.equal(isHeadingLine(line), expected);
  });
}

test('segment GIVEN a heading line as the last line THEN it is not a heading', () => {
  const spans = segment('جملة أولى.\nاستئناف الهجمات');
  assert.equal(spans[1]!.heading, false);
});

test('segment GIVEN the seed article THEN exactly its two section headings', () => {
  const text = readFileSync(new URL('../../../../shared/seed/baghdad-embassy-attack.txt', import.meta.url), 'utf8');
  const spans = segment(text);
  const headings = spans.filter((s) => s.heading).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(headings, ['استئناف الهجمات', 'هجمات متواصلة على المواقع الأميركية']);
  assert.equal(spans.length, 21);
  for (const s of spans) assert.equal(text.slice(s.start, s.end), text.slice(s.start, s.end).trim());
});

test('segment GIVEN a long text THEN every span lies inside it, in order, without overlap', () => {
  const text = 'قال "مرحبا. (نعم) وداعا». '.repeat(2000) + '\n' + 'جملة. '.repeat(2000);
  const spans = segment(text);
  let last = 0;
  for (const s of spans) {
    assert.ok(s.start >= last && s.end > s.start && s.end <= text.length);
    last = s.end;
  }
});

test('segment GIVEN a subheading glued to the next sentence THEN it is split off as a heading', () => {
  const text = 'وطالب المحامون بحفظ التسجيلات. ايقاف موظفين عن العمل وقالت إدارة الطيران إن ضابطين أوقفا. طعن وقال شهود إن رجلين دخلا مطعما.';
  const parts = segment(text).map((s) => [text.slice(s.start, s.end), s.heading]);
  assert.deepEqual(parts, [
    ['وطالب المحامون بحفظ التسجيلات.', false],
    ['ايقاف موظفين عن العمل', true],
    ['وقالت إدارة الطيران إن ضابطين أوقفا.', false],
    ['طعن', true],
    ['وقال شهود إن رجلين دخلا مطعما.', false],
  ]);
  const table: [string, number][] = [
    ['تصعيد مفاجئ وأضاف أن التصعيد خطير.', 'تصعيد مفاجئ '.length],
    ['وقال الوزير إن الاتفاق قريب.', 0],
    ['قال الوزير وقال مساعده إن …', 0],
    ['وفي بغداد، وقال المتحدث إن …', 0],
    ['هذا وذكرت هيئة الإسعاف أنها نقلت 48 مصابا.', 0],
    ['وأغلقت الشرطة المداخل وقالت إن …', 0],
    ['لكن فيتسيك أنكر الاتهامات وقال إنه بريء.', 0],
    ['هذه جملة طويلة من ست كلمات بلا فعل وقال فيها', 0],
  ];
  for (const [s, want] of table) assert.equal(gluedHeadingLength(s), want, s);
});
