import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze.ts';
import type { Analysis, ArticleInput } from '../../src/core/types.ts';
import { createJobPool } from '../../src/sources/jobs.ts';
import { outlineOf, prepareAnalysis, storedAnalysisJson } from '../../src/store/stored-analysis.ts';
import { featuresOf } from '../../src/stories/terms.ts';

const INPUTS: ArticleInput[] = [
  {
    title: 'صواريخ قرب السفارة الأميركية في بغداد',
    text:
      'قال مسؤول أمني عراقي إن صواريخ سقطت قرب السفارة الأميركية في بغداد فجر الجمعة دون أن تسفر عن إصابات، ' +
      'وأضاف أن القوات الأمنية فتحت تحقيقا في الهجوم. وقال وزير الخارجية محمد العلي أمس في بغداد إن "الحكومة ستجتمع".',
    reference: '2024-01-05',
  },
  { title: 'سوسة : حجز 30 كلغ من المخدرات', text: 'حجزت وحدات الحرس الوطني بسوسة يوم الاثنين 30 كلغ من القنب الهندي.', reference: '2016-12-12' },
  { text: 'نص قصير بلا عنوان.', reference: '2020-02-29' },
  { text: '', reference: '2020-02-29' },
];

describe('an analysis prepared for the store', () => {
  for (const [i, input] of INPUTS.entries()) {
    test(`GIVEN input ${i} THEN the stored JSON is byte for byte the analysis with its article's id, and the outline groups alike`, () => {
      const analysis = analyze(input);
      const prepared = prepareAnalysis(analysis);
      assert.equal(storedAnalysisJson(prepared, 42), JSON.stringify({ ...analysis, id: '42' }));
      assert.deepEqual(featuresOf(input.title ?? '', input.text, prepared.outline), featuresOf(input.title ?? '', input.text, analysis));
    });
  }

  test('GIVEN an analysis that carries an id THEN the stored one is the article id', () => {
    const analysis: Analysis = { ...analyze(INPUTS[2]!), id: 'old' };
    assert.equal((JSON.parse(storedAnalysisJson(prepareAnalysis(analysis), 7)) as Analysis).id, '7');
  });

  test('GIVEN an outline THEN it shares nothing with the analysis', () => {
    const analysis = analyze(INPUTS[0]!);
    const outline = outlineOf(analysis);
    assert.ok(outline.who.length > 0);
    assert.notEqual(outline.who[0]!.aliases, analysis.who[0]!.aliases);
    assert.deepEqual(outline.timeline.map((t) => t.date), analysis.timeline.map((t) => t.date));
  });

  describe('from a worker thread of the job pool', () => {
    const jobs = createJobPool({ threads: 1 });
    after(() => jobs.close());
    test('GIVEN an article THEN the pool prepares what the calling thread would', async () => {
      const input = INPUTS[0]!;
      assert.deepEqual(await jobs.prepare(input), prepareAnalysis(analyze(input)));
    });
  });
});
