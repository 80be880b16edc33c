import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable, Writable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.ts';
import { defaultJobs, finishLine, parseAnalyzeArgs, renderText, resultLine, startLine, todayIn } from '../../src/cli/analyze.ts';
import { createLinePool } from '../../src/cli/analyze-pool.ts';

const SEED = fileURLToPath(new URL('../../../shared/seed/baghdad-embassy-attack.txt', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mojaz-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Runs main with injected streams and a fixed clock. */
async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void): Writable =>
    new Writable({ write(chunk, _enc, cb) { add(String(chunk)); cb(); } });
  const code = await main(argv, {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    now: () => new Date('2023-12-08T10:00:00Z'),
    env: { MOJAZ_TIMEZONE: 'Asia/Baghdad' },
  });
  return { code, out, err };
}

const ARTICLE = 'أعلنت وزارة الصحة اليوم تسجيل عشر إصابات جديدة بالفيروس في العاصمة، وفق بيان رسمي.\nوقال الوزير إن الوضع تحت السيطرة.';

test('GIVEN the seed file and --date THEN the Arabic text output with brief, timeline and who headings', async () => {
  const r = await run(['analyze', SEED, '--date', '2023-12-08']);
  assert.equal(r.code, 0);
  assert.equal(r.err, '');
  for (const heading of ['الموجز', 'الخط الزمني', 'من هو من']) assert.match(r.out, new RegExp(`^${heading}$`, 'm'));
  assert.match(r.out, /المنطقة الخضراء/);
  assert.doesNotMatch(r.out, /\u001b/);
});

test('GIVEN --json THEN the analysis contract with brief items and sentence indices', async () => {
  const r = await run(['analyze', SEED, '--date=2023-12-08', '--json']);
  assert.equal(r.code, 0);
  const a = JSON.parse(r.out);
  for (const key of ['sentences', 'brief', 'timeline', 'who', 'mentions', 'temporal', 'sources']) assert.ok(Array.isArray(a[key]), key);
  assert.equal(a.brief[0].sentence, 0);
});

test('GIVEN - THEN the article is read from standard input', async () => {
  const r = await run(['analyze', '-', '--json', '--date', '2023-12-08'], ARTICLE);
  assert.equal(r.code, 0);
  // The lead keeps a tail naming who announced the news (an official statement), as editors do.
  assert.equal(JSON.parse(r.out).brief[0].text, 'أعلنت وزارة الصحة اليوم تسجيل عشر إصابات جديدة بالفيروس في العاصمة، وفق بيان رسمي.');
});

test('GIVEN HTML source THEN tags are stripped and the text analysed', async () => {
  const html = `<!doctype html><html><head><title>t</title><script>var x = "<p>";</script></head><body><p>${ARTICLE.replace('\n', '</p><p>')}</p></body></html>`;
  const r = await run(['analyze', file('a.html', html), '--json', '--date', '2023-12-08']);
  assert.equal(r.code, 0);
  const a = JSON.parse(r.out);
  assert.ok(a.brief[0].text.startsWith('أعلنت وزارة الصحة'));
  assert.ok(!r.out.includes('<p>'));
});

const usageErrors: [string, string[], string, RegExp][] = [
  ['an unknown flag', ['analyze', SEED, '--frobnicate'], '', /خيار غير معروف: --frobnicate/],
  ['a missing file', ['analyze', join(dir, 'nope.txt')], '', /الملف غير موجود/],
  ['an invalid date', ['analyze', SEED, '--date', '2023-02-30'], '', /تاريخ غير صالح/],
  ['a garbage date', ['analyze', SEED, '--date', 'tomorrow'], '', /تاريخ غير صالح/],
  ['a --date without value', ['analyze', SEED, '--date'], '', /يحتاج إلى قيمة/],
  ['empty standard input', ['analyze', '-', '--date', '2023-12-08'], '', /النص فارغ/],
  ['whitespace only', ['analyze', '-', '--date', '2023-12-08'], ' \n\t\n ', /النص فارغ/],
  ['no file', ['analyze', '--date', '2023-12-08'], '', /حدد ملفًا/],
  ['an unknown command', ['frobnicate'], '', /أمر غير معروف/],
];

for (const [name, argv, stdin, message] of usageErrors) {
  test(`GIVEN ${name} THEN exit 2 with one line on standard error`, async () => {
    const r = await run(argv, stdin);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, message);
    assert.equal(r.err.trim().split('\n').length, 1);
  });
}

test('GIVEN a binary file THEN exit 2 refusing it', async () => {
  const r = await run(['analyze', file('b.bin', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0])), '--date', '2023-12-08']);
  assert.equal(r.code, 2);
  assert.match(r.err, /ثنائي/);
});

test('GIVEN non-Arabic text THEN a result and a one-line warning', async () => {
  const r = await run(['analyze', '-', '--date', '2023-12-08'], 'Nothing in Arabic here. Just English words.');
  assert.equal(r.code, 0);
  assert.match(r.err, /لا يحتوي على حروف عربية/);
  assert.match(r.out, /الموجز/);
});

test('GIVEN terminal escape sequences in the text THEN none reach the output', async () => {
  const r = await run(['analyze', '-', '--date', '2023-12-08'], `\u001b[31m${ARTICLE}\u001b[0m\u0007`);
  assert.equal(r.code, 0);
  assert.doesNotMatch(r.out, /[\u0000-\u0008\u001b\u007f]/);
});

test('GIVEN --jsonl THEN one result a line, in order, with ids, and bad lines as errors', async () => {
  const input = [
    JSON.stringify({ id: 'a', text: ARTICLE, published: '2017-01-21T23:43:00+01:00' }),
    'not json',
    JSON.stringify({ id: 'b', title: 'x' }),
    JSON.stringify({ id: 'c', text: ARTICLE, published: '2023-02-30' }),
    '',
    JSON.stringify({ id: 7, text: '   ' }),
    JSON.stringify({ id: 'd', text: ARTICLE }),
  ].join('\n');
  const r = await run(['analyze', '--jsonl'], input);
  assert.equal(r.code, 0);
  const results = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(results.map((x) => x.id), ['a', null, 'b', 'c', 7, 'd']);
  assert.ok(Array.isArray(results[0].brief) && results[0].brief.length > 0);
  assert.match(results[1].error, /JSON/);
  assert.match(results[2].error, /text/);
  assert.match(results[3].error, /تاريخ/);
  assert.match(results[4].error, /فارغ/);
  assert.equal(results[5].error, undefined);
});

test('GIVEN --json with --jsonl THEN exit 2', async () => {
  assert.equal((await run(['analyze', '--jsonl', '--json'])).code, 2);
});

test('GIVEN no subcommand THEN usage on standard error and exit 2; --help exits 0', async () => {
  const none = await run([]);
  assert.equal(none.code, 2);
  assert.match(none.err, /analyze/);
  assert.equal((await run(['--help'])).code, 0);
});

const argCases: [string[], Record<string, unknown>][] = [
  [['f.txt'], { file: 'f.txt', json: false, jsonl: false }],
  [['-', '--json'], { file: '-', json: true }],
  [['--title', 'عنوان', 'f.txt'], { title: 'عنوان', file: 'f.txt' }],
  [['--date=2023-12-08', '--jsonl'], { date: '2023-12-08', jsonl: true }],
];

for (const [argv, expected] of argCases) {
  test(`parseAnalyzeArgs GIVEN ${argv.join(' ')} THEN ${JSON.stringify(expected)}`, () => {
    const parsed = parseAnalyzeArgs(argv) as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(expected)) assert.equal(parsed[k], v);
  });
}

test('todayIn GIVEN a UTC instant near midnight THEN the calendar day of the zone', () => {
  const now = new Date('2023-12-07T22:30:00Z');
  assert.equal(todayIn('Asia/Riyadh', now), '2023-12-08');
  assert.equal(todayIn('America/New_York', now), '2023-12-07');
});

test('GIVEN the real binary THEN it runs the seed end to end (spawned)', () => {
  const r = spawnSync(process.execPath, ['bin/mojaz.mjs', 'analyze', SEED, '--date', '2023-12-08', '--json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).brief.length >= 1);
});

test('GIVEN the real binary and a bad flag THEN exit status 2 (spawned)', () => {
  const r = spawnSync(process.execPath, ['bin/mojaz.mjs', 'analyze', '--nope'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--nope/);
});

test('GIVEN standard output closed by the reader (EPIPE) THEN exit 0 without an error line', async () => {
  let err = '';
  const closed = new Writable({
    write(_chunk, _enc, cb) {
      cb(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    },
  });
  closed.on('error', () => {});
  const code = await main(['analyze', SEED, '--date', '2023-12-08'], {
    stdout: closed,
    stderr: new Writable({ write(chunk, _enc, cb) { err += String(chunk); cb(); } }),
    env: {},
  });
  assert.equal(code, 0);
  assert.equal(err, '');
});

test('GIVEN an analysis THEN the text output lists people first, then organizations, sources and places', () => {
  const entry = (name: string, type: 'PER' | 'ORG' | 'LOC' | 'SRC') => ({ name, type, role: '', aliases: [], mentions: [], said: [] });
  const out = renderText({
    id: 'x', sentences: [], brief: [], timeline: [], mentions: [], temporal: [], sources: [],
    who: [entry('بغداد', 'LOC'), entry('السفارة الأميركية', 'ORG'), entry('مسؤول أمني', 'SRC'), entry('محمد', 'PER'), entry('بلينكن', 'PER')],
  });
  const order = ['محمد', 'بلينكن', 'السفارة الأميركية', 'مسؤول أمني', 'بغداد'].map((n) => out.indexOf(`• ${n} `));
  assert.ok(order.every((x, i) => x > 0 && (i === 0 || x > order[i - 1]!)), out);
});

/** --jsonl input of `n` lines: articles with ids, and every tenth line broken. */
function jsonlLines(n: number): string {
  return Array.from({ length: n }, (_, i) =>
    i % 10 === 3 ? 'not json' : JSON.stringify({ id: i, text: `${ARTICLE}\nوقال محمد علي في بغداد إن العدد ${i}.`, published: '2023-02-01' }),
  ).join('\n');
}

for (const jobs of ['2', '3']) {
  const how = jobs === '2' ? 'a worker thread runs the steps before the who step' : 'worker threads analyse whole batches';
  test(`GIVEN --jsonl with --jobs ${jobs} and more lines than a batch THEN ${how}, and the lines are those of one thread, in order`, async () => {
    const input = jsonlLines(41);
    const threads = await run(['analyze', '--jsonl', '--jobs', jobs], input);
    const one = await run(['analyze', '--jsonl', '--jobs', '1'], input);
    assert.equal(threads.code, 0);
    assert.equal(threads.out, one.out);
    const results = threads.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(results.map((x) => x.id), Array.from({ length: 41 }, (_, i) => (i % 10 === 3 ? null : i)));
    assert.equal(results[3].error, 'سطر JSON غير صالح');
    assert.ok(results[40].who.some((w: { name: string }) => w.name === 'محمد علي'));
    assert.ok(results[40].timeline.length > 0 || results[40].temporal.length > 0);
  });
}

for (const jobs of ['1', '2']) {
  test(`GIVEN --jsonl --jobs ${jobs} on a standard input still open THEN every full batch's results are written before more input comes`, { timeout: 120_000 }, async () => {
    const stdin = new PassThrough();
    let out = '';
    const done = main(['analyze', '--jsonl', '--jobs', jobs], {
      stdin,
      stdout: new Writable({ write(chunk, _enc, cb) { out += String(chunk); cb(); } }),
      stderr: new Writable({ write(_chunk, _enc, cb) { cb(); } }),
      now: () => new Date('2023-12-08T10:00:00Z'),
      env: { MOJAZ_TIMEZONE: 'Asia/Baghdad' },
    });
    stdin.write(`${jsonlLines(40)}\n`);
    while (out.split('\n').length - 1 < 32) await new Promise((resolve) => setTimeout(resolve, 20));
    const early = out.trim().split('\n').map((l) => JSON.parse(l).id);
    stdin.end('{"id": 40, "text": "قال محمد علي في بغداد."}\n');
    assert.equal(await done, 0);
    assert.deepEqual(early, Array.from({ length: 32 }, (_, i) => (i % 10 === 3 ? null : i)));
    assert.equal(out.trim().split('\n').length, 41);
  });
}

test('GIVEN a line started on another thread (structured clone) THEN finishLine gives the line resultLine gives', () => {
  const fallback = { reference: '2023-12-08' };
  for (const line of jsonlLines(12).split('\n').concat(['[1]', '{"id": 7}', '{"id": "x", "text": "  "}', '{"id": 1, "text": "نص", "published": "غدا"}'])) {
    assert.equal(finishLine(structuredClone(startLine(line, fallback))), resultLine(line, fallback), line.slice(0, 40));
  }
});

test('GIVEN a worker thread that dies THEN its batches are analysed on the calling thread', async () => {
  const inline = (lines: string[]): string[] => lines.map((l) => `inline ${l}`);
  const pool = createLinePool(2, { reference: '2023-12-08' }, inline, new URL('../../fixtures/dying-worker.mjs', import.meta.url));
  try {
    const out = await Promise.all([pool.run(['a', 'b']), pool.run(['c']), pool.run(['d'])]);
    assert.deepEqual(out, [['inline a', 'inline b'], ['inline c'], ['inline d']]);
  } finally {
    await pool.close();
  }
});

test('defaultJobs GIVEN the cores THEN one thread per core, up to four', () => {
  for (const [cores, jobs] of [[1, 1], [2, 2], [3, 3], [4, 4], [16, 4]] as const) assert.equal(defaultJobs(cores), jobs, `${cores} cores`);
});

test('GIVEN a pool of one thread THEN it has room until it holds `depth` batches, and again once they are answered', async () => {
  const pool = createLinePool(1, { reference: '2023-12-08' }, (lines) => lines);
  try {
    assert.equal(pool.hasRoom(2), true);
    const first = pool.run([JSON.stringify({ id: 1, text: ARTICLE })]);
    assert.equal(pool.hasRoom(2), true);
    const second = pool.run(['not json']);
    assert.equal(pool.hasRoom(2), false);
    const out = await Promise.all([first, second]);
    assert.equal(JSON.parse(out[0]![0]!).id, 1);
    assert.equal(JSON.parse(out[1]![0]!).error, 'سطر JSON غير صالح');
    assert.equal(pool.hasRoom(2), true);
  } finally {
    await pool.close();
  }
});

test('parseAnalyzeArgs GIVEN --jobs THEN a whole number from 1 to 64, else a usage error', () => {
  assert.equal(parseAnalyzeArgs(['--jsonl', '--jobs', '3']).jobs, 3);
  assert.equal(parseAnalyzeArgs(['--jsonl', '--jobs=1']).jobs, 1);
  for (const bad of ['0', '2.5', 'x', '100']) assert.throws(() => parseAnalyzeArgs(['--jsonl', '--jobs', bad]), /--jobs/);
});
