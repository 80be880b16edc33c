import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { analyze } from '../../src/core/analyze.ts';
import type { ArticleInput } from '../../src/core/types.ts';
import { checkGrounding, countWordsIn, latinWordsIn, numbersIn } from '../../src/sources/grounding.ts';
import { completionsUrl, createLlmBriefer, type LlmSettings } from '../../src/sources/llm-brief.ts';
import { ARTICLE } from '../commands/fakes.ts';

const INPUT: ArticleInput = { text: ARTICLE, title: 'هجوم صاروخي على السفارة الأميركية في بغداد', reference: '2023-12-08' };
const ANALYSIS = analyze(INPUT);
const GOOD = 'تعرضت السفارة الأميركية في بغداد لهجوم صاروخي فجر الجمعة 8 ديسمبر 2023 دون وقوع ضحايا، وطالبت الحكومة العراقية بحماية الطواقم الدبلوماسية.';

/** A loopback OpenAI-compatible endpoint answering what the test queues. */
class FakeLlm {
  readonly requests: Array<{ url: string; headers: IncomingMessage['headers']; body: { model: string; messages: Array<{ role: string; content: string }> } }> = [];
  answers: Array<{ content?: string; status?: number; delayMs?: number }> = [];
  private server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      this.requests.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(raw) as FakeLlm['requests'][number]['body'] });
      const next = this.answers.shift() ?? { content: GOOD };
      const reply = (): void => {
        if (res.destroyed) return;
        res.writeHead(next.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: next.content ?? '' } }] }));
      };
      if (next.delayMs) setTimeout(reply, next.delayMs).unref();
      else reply();
    });
  });
  url = '';
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('the generated brief against a loopback OpenAI-compatible endpoint', () => {
  const fake = new FakeLlm();
  const logs: string[] = [];
  let settings: LlmSettings;
  before(async () => {
    await fake.start();
    settings = { url: fake.url, key: 'sk-test-secret', model: 'qwen2.5:7b', timeoutMs: 2_000, perMinute: 100 };
  });
  after(() => fake.stop());
  const briefer = (over: Partial<LlmSettings> = {}, now?: () => number) =>
    createLlmBriefer({ settings: { ...settings, ...over }, analyze, log: (l) => logs.push(l), ...(now ? { now } : {}) })!;

  it('GIVEN no URL THEN the feature is off', () => {
    assert.equal(createLlmBriefer({ settings: { ...settings, url: '' }, analyze }), undefined);
  });

  it('GIVEN a grounded Arabic answer THEN it is used; the request carries the model, the key, the prompt and the article', async () => {
    fake.answers = [{ content: `  ${GOOD}\n` }];
    const from = fake.requests.length;
    assert.equal(await briefer().brief(INPUT, ANALYSIS), GOOD);
    const request = fake.requests[from]!;
    assert.equal(request.url, '/v1/chat/completions');
    assert.equal(request.headers.authorization, 'Bearer sk-test-secret');
    assert.equal(request.body.model, 'qwen2.5:7b');
    assert.match(request.body.messages[0]!.content, /350 حرفًا/u);
    assert.match(request.body.messages[1]!.content, /^العنوان: هجوم صاروخي/u);
    assert.ok(request.body.messages[1]!.content.includes(ARTICLE));
  });

  const REJECTED: Array<[string, string, RegExp]> = [
    ['invents a number', GOOD.replace('دون وقوع ضحايا', 'وأسفر عن 17 قتيلًا'), /number 17 is not in the article/u],
    ['invents a date', GOOD.replace('8 ديسمبر', '9 ديسمبر'), /number 9 is not in the article/u],
    ['invents a month', GOOD.replace('ديسمبر 2023', 'نوفمبر 2023'), /month 11 is not in the article/u],
    ['invents a name', `${GOOD} وقال الرئيس الأميركي جو بايدن إن الهجوم مرفوض.`, /name "جو بايدن" is not in the article/u],
    ['invents a count in words', GOOD.replace('لهجوم صاروخي', 'لهجوم بسبعة صواريخ'), /number 7 \(in words\) is not in the article/u],
    ['names someone in Latin letters', GOOD.replace('دون وقوع ضحايا', 'دون وقوع ضحايا وفق ما قاله John Kirby'), /Latin word "john" is not in the article/u],
    ['answers in English', 'The US embassy in Baghdad was hit by rockets on Friday 8 December 2023; nobody was hurt.', /not Arabic/u],
    ['runs past the length', `${GOOD} ${GOOD} ${GOOD}`, /characters, over 350/u],
    ['says nothing', '   ', /empty answer/u],
  ];
  for (const [what, content, reason] of REJECTED) {
    it(`GIVEN an answer that ${what} THEN the extractive brief is kept and the reason logged`, async () => {
      fake.answers = [{ content }];
      logs.length = 0;
      assert.equal(await briefer().brief(INPUT, ANALYSIS), undefined);
      assert.ok(logs.some((l) => reason.test(l)), logs.join('\n'));
    });
  }

  it('GIVEN an endpoint slower than the time-out THEN the extractive brief is kept, without waiting for it', async () => {
    // An endpoint of its own: on a loaded machine the abandoned request can reach a shared fake
    // after the next test has queued its answer, and take that answer away from it.
    const slow = new FakeLlm();
    await slow.start();
    try {
      slow.answers = [{ content: GOOD, delayMs: 1_500 }];
      logs.length = 0;
      const started = performance.now();
      assert.equal(await briefer({ url: slow.url, timeoutMs: 150 }).brief(INPUT, ANALYSIS), undefined);
      assert.ok(performance.now() - started < 1_400);
      assert.match(logs.join('\n'), /no answer within 150 ms/u);
    } finally {
      await slow.stop();
    }
  });

  it('GIVEN an HTTP error THEN the extractive brief is kept', async () => {
    fake.answers = [{ status: 500 }];
    logs.length = 0;
    assert.equal(await briefer().brief(INPUT, ANALYSIS), undefined);
    assert.match(logs.join('\n'), /HTTP 500/u);
  });

  it('GIVEN more requests than the rate limit in a minute THEN the extra ones do not reach the endpoint', async () => {
    let t = 0;
    const limited = briefer({ perMinute: 2 }, () => t);
    const from = fake.requests.length;
    fake.answers = [{ content: GOOD }, { content: GOOD }, { content: GOOD }];
    assert.equal(await limited.brief(INPUT, ANALYSIS), GOOD);
    assert.equal(await limited.brief(INPUT, ANALYSIS), GOOD);
    logs.length = 0;
    assert.equal(await limited.brief(INPUT, ANALYSIS), undefined);
    assert.equal(fake.requests.length - from, 2);
    assert.match(logs.join('\n'), /over 2 a minute/u);
    t = 61_000;
    assert.equal(await limited.brief(INPUT, ANALYSIS), GOOD);
    fake.answers = [];
  });
});

describe('grounding', () => {
  const check = (brief: string) => checkGrounding({ article: `${INPUT.title}\n${ARTICLE}`, analysis: ANALYSIS, brief, briefAnalysis: analyze({ text: brief, reference: '2023-12-08' }) });

  it('GIVEN digits as Arabic-Indic or with separators THEN they are the same numbers', () => {
    assert.deepEqual(numbersIn('في ٨ ديسمبر ٢٠٢٣ و1,200 و3.5 و07'), ['8', '2023', '1200', '3.5', '7']);
    assert.deepEqual(check(GOOD.replace('8 ديسمبر 2023', '٨ ديسمبر ٢٠٢٣')), { ok: true });
  });

  it('GIVEN a word in Latin letters the article has THEN it grounds itself, whatever its case', () => {
    const article = 'قالت شبكة CNN الأميركية إن السفارة في بغداد تعرضت لهجوم صاروخي فجر الجمعة دون وقوع ضحايا بحسب مسؤولين في الإدارة.';
    const input = { text: article, reference: '2023-12-08' };
    const brief = 'قالت شبكة cnn إن السفارة في بغداد تعرضت لهجوم صاروخي فجر الجمعة دون وقوع ضحايا.';
    assert.deepEqual(checkGrounding({ article, analysis: analyze(input), brief, briefAnalysis: analyze({ text: brief, reference: input.reference }) }), { ok: true });
    assert.deepEqual(latinWordsIn('وفق John Kirby وCNN وé 7B'), ['john', 'kirby', 'cnn']);
  });

  it('GIVEN counts in words THEN they are read as numbers, and found in the article in digits or in words', () => {
    assert.deepEqual(countWordsIn('أطلقت بخمسة صواريخ و ثلاثة عشر قذيفة وخمسة وعشرين مسلحا يوم الاثنين في مرة واحدة'), ['5', '13', '25']);
    const article = 'قتل 15 شخصا وأصيب خمسة وعشرون آخرون في هجوم على سوق في بغداد، وفق ما أعلنته وزارة الداخلية العراقية مساء الجمعة في بيان.';
    const input = { text: article, reference: '2023-12-08' };
    const grounded = (brief: string) => checkGrounding({ article, analysis: analyze(input), brief, briefAnalysis: analyze({ text: brief, reference: input.reference }) });
    assert.deepEqual(grounded('قتل خمسة عشر شخصا في هجوم على سوق في بغداد يوم الجمعة، وفق وزارة الداخلية العراقية.'), { ok: true });
    assert.deepEqual(grounded('قتل 15 شخصا في هجوم على سوق في بغداد يوم الجمعة، وفق وزارة الداخلية العراقية.'), { ok: true });
    assert.deepEqual(grounded('قتل ثلاثة أشخاص في هجوم على سوق في بغداد يوم الجمعة، وفق وزارة الداخلية العراقية.'), { ok: false, reason: 'number 3 (in words) is not in the article' });
  });

  it('GIVEN a date the article gives only as a weekday THEN its resolved value grounds it', () => {
    const article = 'أعلنت وزارة الداخلية العراقية يوم الجمعة اعتقال خمسة مشتبه بهم في الهجوم على السفارة في بغداد بعد تحقيقات استمرت أياما.';
    const input = { text: article, reference: '2023-12-10' };
    const brief = 'أعلنت وزارة الداخلية العراقية في 8 ديسمبر اعتقال خمسة مشتبه بهم في الهجوم على السفارة في بغداد.';
    assert.deepEqual(checkGrounding({ article, analysis: analyze(input), brief, briefAnalysis: analyze({ text: brief, reference: input.reference }) }), { ok: true });
  });

  it('GIVEN the settings URL as a base or a full endpoint THEN requests go to chat/completions', () => {
    assert.equal(completionsUrl('http://127.0.0.1:11434/v1/'), 'http://127.0.0.1:11434/v1/chat/completions');
    assert.equal(completionsUrl('https://api.example/v1/chat/completions'), 'https://api.example/v1/chat/completions');
  });
});
