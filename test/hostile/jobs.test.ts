import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createJobPool, JobTimeoutError, type JobRunner } from '../../src/sources/jobs.ts';
import { nestedDivPage, PARAGRAPH, unpunctuatedText } from './inputs.ts';
import { createServices } from '../../src/commands/wiring.ts';
import { runCommand } from '../../src/commands/registry.ts';
import { loadConfig } from '../../src/config.ts';
import { renderPlain } from '../../src/messages/render/plain.ts';
import { InMemoryChatMemory } from '../../src/commands/memory.ts';
import { fakeContext } from '../commands/fakes.ts';

describe('the job pool: extraction and analysis off the event loop, under a time budget', () => {
  let jobs: JobRunner;
  before(async () => {
    // The hostile text takes about a minute to analyse (58 s at load 14); the paragraph after it 3–9 ms,
    // and far more in a fresh thread on a loaded machine: a 2 s budget parts the two with room on both sides.
    jobs = createJobPool({ analyzeBudgetMs: 2_000, extractBudgetMs: 30_000 });
    // Loading the modules in a fresh thread takes seconds on a busy machine: not part of a budget.
    await jobs.warm({ text: PARAGRAPH, reference: '2024-01-05' });
  });
  after(() => jobs.close());

  it('GIVEN a hostile page THEN it is extracted in the worker thread, same as on this one', async () => {
    const article = await jobs.extract(nestedDivPage(5_000), 'https://example.com/a');
    assert.deepEqual(article?.text.split('\n'), [PARAGRAPH, PARAGRAPH]);
  });

  it('GIVEN a job over its budget THEN it is abandoned with an Arabic answer, the event loop kept turning, and the next job runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    await assert.rejects(jobs.analyze({ text: unpunctuatedText(3_000_000), reference: '2024-01-05' }), (err: unknown) => {
      assert.ok(err instanceof JobTimeoutError);
      assert.match(err.userMessage, /أطول من المسموح/u);
      return true;
    });
    clearInterval(timer);
    const waited = performance.now() - started;
    // The main thread was free: its timer ran through the wait. A blocked loop gives at most one tick
    // (the interval fires once when it unblocks); a busy machine can starve timers, so ask for two.
    assert.ok(ticks >= 2, `${ticks} ticks in ${waited.toFixed(0)} ms`);
    // A fresh thread replaces the abandoned one.
    await jobs.warm({ text: PARAGRAPH, reference: '2024-01-05' });
    const analysis = await jobs.analyze({ text: PARAGRAPH, reference: '2024-01-05' });
    assert.ok(analysis.brief.length > 0);
  });
});

describe('/brief analyses in the job pool', () => {
  let jobs: JobRunner;
  let roomy: JobRunner;
  before(async () => {
    // The paste's pool has a 40 ms budget; the paragraph (about 3 ms idle) goes to a pool with the default
    // budget, since on a busy machine a starved worker thread can take 40 ms for anything.
    jobs = createJobPool({ threads: 1, analyzeBudgetMs: 40 });
    roomy = createJobPool({ threads: 1 });
    await Promise.all([jobs.warm({ text: PARAGRAPH, reference: '2024-01-05' }), roomy.warm({ text: PARAGRAPH, reference: '2024-01-05' })]);
  });
  after(async () => {
    await Promise.all([jobs.close(), roomy.close()]);
  });

  it("GIVEN one chat's hostile paste over budget THEN that chat gets the Arabic time-out answer and another chat's /brief meanwhile is answered", async () => {
    const services = createServices(loadConfig({}), new InMemoryChatMemory(), {
      analyze: (input) => (input.text.length > 10_000 ? jobs : roomy).analyze(input),
    });
    const reply = async (chatId: string, args: string) =>
      (await runCommand('brief', fakeContext({ chatId, args }), services)).map((m) => renderPlain(m)).join('\n');
    // /brief reads at most 50,000 characters of a paste: 80–120 ms of analysis here, twice the budget; the paragraph takes about 3 ms.
    const hostile = reply('console:1', unpunctuatedText(400_000));
    // The event loop is free while the worker chews: a timer set now fires before the paste's answer, which
    // waits for the 40 ms budget's own timer. Analysis on this thread would block first and answer before it.
    let hostileSettled = false;
    void hostile.finally(() => (hostileSettled = true)).catch(() => undefined);
    const timerFiredFirst = new Promise<boolean>((resolve) => setTimeout(() => resolve(!hostileSettled), 0));
    const [slow, fast] = await Promise.allSettled([hostile, reply('console:2', PARAGRAPH)]);
    assert.equal(slow.status, 'fulfilled');
    if (slow.status === 'fulfilled') assert.match(slow.value, /أطول من المسموح/u);
    assert.equal(fast.status, 'fulfilled');
    if (fast.status === 'fulfilled') assert.doesNotMatch(fast.value, /أطول من المسموح/u);
    assert.ok(await timerFiredFirst, 'a timer set while the paste was analysed fired only after its answer');
  });
});

describe('the job pool starts threads as they are needed', () => {
  const jobs = createJobPool({ threads: 2, startThreads: 1 });
  after(() => jobs.close());

  it('GIVEN a pool of two threads that starts one THEN one runs until the second is warmed, and both stay', async () => {
    const input = { text: PARAGRAPH, reference: '2024-01-05' };
    await jobs.warm(input, 1);
    assert.equal(jobs.threadsStarted(), 1);
    assert.ok((await jobs.analyze(input)).brief.length > 0);
    assert.equal(jobs.threadsStarted(), 1);
    await jobs.warm(input);
    assert.equal(jobs.threadsStarted(), 2);
    await jobs.analyze(input);
    assert.equal(jobs.threadsStarted(), 2);
  });
});
