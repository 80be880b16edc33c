import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, analyzeBack, analyzeFront, chunksOf, parsePublished, runPipeline, InvalidDateError, STEPS, STEP_NAMES, type Step, type StepName } from '../../src/core/analyze.ts';
import type { Analysis } from '../../src/core/types.ts';
import { segment } from '../../src/core/text/segment.ts';

const publishedCases: [string, { reference: string; referenceTime?: string }][] = [
  ['2023-12-08', { reference: '2023-12-08' }],
  ['2017-01-21T23:43:00+01:00', { reference: '2017-01-21', referenceTime: '23:43' }],
  ['2017-01-21T00:10:00-05:00', { reference: '2017-01-21', referenceTime: '00:10' }],
  ['2024-02-29T08:05Z', { reference: '2024-02-29', referenceTime: '08:05' }],
  ['2023-12-08 14:30', { reference: '2023-12-08', referenceTime: '14:30' }],
];

for (const [value, expected] of publishedCases) {
  test(`parsePublished GIVEN ${value} THEN its own day ${expected.reference}`, () => {
    assert.deepEqual(parsePublished(value), expected);
  });
}

for (const bad of ['2023-02-30', '2023-13-01', '2023-00-10', '2023-02-29', 'garbage', '', '08/12/2023', '2023-12-08T25:00', '2023-12-8']) {
  test(`parsePublished GIVEN ${JSON.stringify(bad)} THEN InvalidDateError`, () => {
    assert.throws(() => parsePublished(bad), InvalidDateError);
  });
}

const oddInputs: [string, string][] = [
  ['empty', ''],
  ['whitespace', ' \n\t \n'],
  ['non-Arabic', 'The quick brown fox jumps over the lazy dog. It was not amused.'],
  ['punctuation only', '... !!! ؟؟؟ «» ()'],
  ['control characters', '\u0000\u0001 نص \u0007'],
  ['unbalanced quotes', '"«( قال الوزير إن الهجوم فشل'],
];

for (const [name, text] of oddInputs) {
  test(`analyze GIVEN ${name} text THEN a well-formed analysis, no throw`, () => {
    const a = analyze({ id: 'x', text, reference: '2023-12-08' });
    assert.equal(a.id, 'x');
    for (const key of ['sentences', 'brief', 'timeline', 'who', 'mentions', 'temporal', 'sources'] as const) {
      assert.ok(Array.isArray(a[key]), key);
    }
    assert.ok(a.brief.reduce((n, i) => n + i.text.length, 0) <= 350);
    // The pipeline turns a step that throws into a failures entry: odd input must not need one.
    assert.equal(a.failures, undefined, JSON.stringify(a.failures));
  });
}

test('analyze GIVEN a missing text or an invalid reference THEN no throw', () => {
  const a = analyze({ text: undefined as unknown as string, reference: '2023-12-08' });
  assert.deepEqual(a.brief, []);
  assert.equal(a.failures, undefined, JSON.stringify(a.failures));
  const b = analyze({ text: 'قال الوزير إن الهجوم فشل تماما أمس.', reference: 'garbage' });
  assert.equal(b.brief.length, 1);
  assert.deepEqual(b.temporal, []);
});

test('analyze GIVEN the seed article THEN sentences, a brief from the lead and no id when none given', () => {
  const text = readFileSync(new URL('../../../shared/seed/baghdad-embassy-attack.txt', import.meta.url), 'utf8');
  const a = analyze({ text, reference: '2023-12-08' });
  assert.equal('id' in a, false);
  assert.equal(a.sentences.length, 21);
  assert.equal(a.brief[0]!.sentence, 0);
  for (const e of a.temporal) assert.equal(text.slice(e.start, e.end), e.text);
  for (const m of a.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test('chunksOf GIVEN a short text THEN one chunk with the sentences as they are', () => {
  const sentences = [{ start: 0, end: 3, heading: false }];
  assert.deepEqual(chunksOf('abc', sentences), [{ start: 0, end: 3, firstSentence: 0, sentences }]);
});

test('chunksOf GIVEN a long text THEN chunks cut between sentences, each sentence relative to its chunk', () => {
  const line = 'في الثالث من ديسمبر وقع الهجوم.\n';
  const text = line.repeat(2000);
  const chunks = chunksOf(text, segment(text));
  assert.ok(chunks.length > 1);
  assert.equal(chunks.reduce((n, c) => n + c.sentences.length, 0), 2000);
  for (const c of chunks) for (const s of c.sentences) assert.equal(text.slice(c.start + s.start, c.start + s.end), line.trim());
});

test('analyze GIVEN a long text THEN mentions and who entries point into the whole text, one entry per entity', () => {
  const text = readFileSync(new URL('../../../shared/seed/baghdad-embassy-attack.txt', import.meta.url), 'utf8');
  const long = `${text}\n`.repeat(12);
  const a = analyze({ text: long, reference: '2023-12-08' });
  for (const m of a.mentions) assert.equal(long.slice(m.start, m.end), m.text);
  const keys = a.who.map((w) => `${w.type}:${w.name}`);
  assert.equal(new Set(keys).size, keys.length);
});

const PIPE_TEXT = 'قال وزير الخارجية الأردني أيمن الصفدي أمس الأحد إن الاجتماع المقبل سيعقد في عمان. وأضاف الصفدي أن المحادثات كانت صريحة.';

test('analyze pipeline GIVEN the steps THEN they are named, in order, each once', () => {
  assert.deepEqual(
    STEPS.map((s) => s.name),
    [...STEP_NAMES],
  );
  assert.deepEqual([...STEP_NAMES], ['segment', 'reference', 'normalize', 'temporal', 'timeline', 'who', 'brief']);
});

test('analyze pipeline GIVEN every step on THEN no failures field and every part filled', () => {
  const a = analyze({ text: PIPE_TEXT, reference: '2023-12-11' });
  assert.equal('failures' in a, false);
  assert.equal(a.sentences.length, 2);
  assert.ok(a.temporal.some((t) => t.value === '2023-12-10'));
  assert.ok(a.who.some((w) => w.name === 'أيمن الصفدي'));
  assert.ok(a.brief.length > 0);
});

const offCases: [StepName, (a: Analysis) => unknown[]][] = [
  ['who', (a) => [...a.who, ...a.mentions, ...a.sources]],
  ['temporal', (a) => [...a.temporal, ...a.timeline]],
  ['timeline', (a) => a.timeline],
  ['brief', (a) => a.brief],
];
for (const [step, emptied] of offCases) {
  test(`analyze pipeline GIVEN the ${step} step off THEN its part is empty, the rest filled, nothing reported`, () => {
    const all = analyze({ text: PIPE_TEXT, reference: '2023-12-11' });
    const a = analyze({ text: PIPE_TEXT, reference: '2023-12-11' }, { off: [step] });
    assert.deepEqual(emptied(a), []);
    assert.equal('failures' in a, false);
    assert.deepEqual(a.sentences, all.sentences);
    if (step !== 'who') assert.deepEqual(a.who, all.who);
    if (step !== 'temporal') assert.deepEqual(a.temporal, all.temporal);
  });
}

test('analyze pipeline GIVEN an invalid reference THEN the reference step reports it and the rest still runs', () => {
  const a = analyze({ text: PIPE_TEXT, reference: '2023-02-30' });
  assert.deepEqual(a.failures?.map((f) => f.step), ['reference']);
  assert.match(a.failures![0]!.message, /invalid date/);
  assert.deepEqual(a.temporal, []);
  assert.ok(a.who.some((w) => w.name === 'أيمن الصفدي'));
});

test('runPipeline GIVEN a step that throws THEN that step is named with its message and later steps still run', () => {
  const steps: Step[] = STEPS.map((s) => (s.name === 'timeline' ? { name: 'timeline', run: () => { throw new Error('boom'); } } : s));
  const { doc, failures } = runPipeline({ text: PIPE_TEXT, reference: '2023-12-11' }, PIPE_TEXT, {}, steps);
  assert.deepEqual(failures, [{ step: 'timeline', message: 'boom' }]);
  assert.deepEqual(doc.timeline, []);
  assert.ok(doc.temporal.length > 0);
  assert.ok(doc.who.who.length > 0);
  assert.ok(doc.brief.length > 0);
});

test('analyzeFront then analyzeBack GIVEN the front part passed as another thread passes it (structured clone) THEN the analysis analyze gives, failures in step order', () => {
  for (const input of [
    { text: PIPE_TEXT, reference: '2023-12-11', title: 'عنوان' },
    { text: PIPE_TEXT, reference: '2023-02-30' },
    { id: 'a1', text: PIPE_TEXT, reference: '2023-12-11', referenceIsToday: true },
  ]) {
    const front = structuredClone(analyzeFront(input));
    assert.equal(JSON.stringify(analyzeBack(input, front)), JSON.stringify(analyze(input)));
  }
  const off = { off: ['temporal', 'brief'] as StepName[] };
  assert.deepEqual(analyzeBack({ text: PIPE_TEXT, reference: '2023-12-11' }, analyzeFront({ text: PIPE_TEXT, reference: '2023-12-11' }, off), off), analyze({ text: PIPE_TEXT, reference: '2023-12-11' }, off));
});
