import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runConsole } from '../../../src/adapters/console/index.ts';
import { ar } from '../../../src/commands/ar.ts';
import { ARTICLE, fakeServices } from '../../commands/fakes.ts';
import { openStore } from '../../../src/store/index.ts';
import { localFeedUrl } from '../../../src/sources/feeds.ts';
import type { DigestServices } from '../../../src/schedule/index.ts';

/** Where the console tests' timeline pictures go (removed at the end). */
const PICTURES = mkdtempSync(join(tmpdir(), 'mojaz-pictures-'));
after(() => rmSync(PICTURES, { recursive: true, force: true }));

/** Runs the console over `input` and returns what it printed. */
async function chat(input: string, services = fakeServices(), picturesDir = PICTURES): Promise<{ out: string; errors: string[] }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const errors: string[] = [];
  stdin.end(input);
  await runConsole({ input: stdin, output: stdout, services, picturesDir, logError: (m) => errors.push(m), clock: () => new Date('2023-12-08T12:00:00Z') });
  return { out, errors };
}

describe('console chat', () => {
  it('GIVEN /brief then /timeline and /who with no argument THEN they act on the last article, as plain text', async () => {
    const { out } = await chat(`/brief ${ARTICLE}\n/timeline\n/who\n`);
    assert.match(out, /== الموجز ==\n- تعرضت السفارة الأميركية في بغداد/u);
    assert.match(out, /الخط الزمني: \/timeline {2}\| {2}من هم؟: \/who/u);
    assert.match(out, /== الخط الزمني ==\n- 6 ديسمبر 2023 — وكانت قاعدة عين الأسد/u);
    assert.match(out, /== أشخاص ==\n- محمد شياع السوداني — رئيس الوزراء العراقي/u);
    assert.doesNotMatch(out, /[<>\u2066-\u2069\u200F]/u, 'no markup, no bidi marks');
  });

  it('GIVEN /timeline THEN the text is printed, then the path of the PNG it wrote', async () => {
    const { out } = await chat(`/timeline ${ARTICLE}\n`);
    const match = /== الخط الزمني ==\n[\s\S]*- 8 ديسمبر 2023 — [^\n]+\n\nمن هم؟: \/who\n\nصورة الخط الزمني: (\S+\.png)\n/u.exec(out);
    assert.ok(match, out);
    assert.ok(match[1]!.startsWith(PICTURES));
    assert.deepEqual([...readFileSync(match[1]!).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.doesNotMatch(out, new RegExp(ar.buttons.picture, 'u'), 'no picture button in the console');
  });

  it('GIVEN the sample feed and a web feed THEN /feeds export writes a file that /feeds import of its path takes back', async () => {
    const store = openStore(':memory:');
    const now = '2023-12-08T12:00:00.000Z';
    await store.addFeed(localFeedUrl('./fixtures/sample-feed.xml'), { title: 'موجز — موجز أخبار نموذجي', now });
    await store.addFeed('https://a.example/rss', { title: 'الجزيرة', now });
    const digests = { store, failThreshold: 3 } as unknown as DigestServices;
    const services = { ...fakeServices(), digests };
    const exported = await chat('/feeds export\n', services);
    const path = /^الملف: (\S+\.opml)$/mu.exec(exported.out)?.[1];
    assert.ok(path !== undefined && path.startsWith(PICTURES), exported.out);
    assert.doesNotMatch(readFileSync(path, 'utf8'), /file:/u);
    const imported = await chat(`/feeds import ${path}\n/feeds list\n`, services);
    assert.match(imported.out, /استوردت خلاصة واحدة من 1\./u);
    assert.match(imported.out, /الخلاصات التي تتابعها هذه المحادثة ==\n- الجزيرة \(https:\/\/a\.example\/rss\)/u);
    await store.close();
  });

  it('GIVEN a line that is not a command THEN it is briefed', async () => {
    const { out } = await chat(`${ARTICLE}\n`);
    assert.match(out, /^== الموجز ==/u);
  });

  it('GIVEN an article file path THEN the file is read and briefed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mojaz-console-'));
    try {
      const file = join(dir, 'article.txt');
      writeFileSync(file, ARTICLE.replace('. ', '.\n\n'));
      const { out } = await chat(`/brief ${file}\n`);
      assert.match(out, /== الموجز ==\n- تعرضت السفارة/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN a handler that throws THEN an apology is printed and the next line is served', async () => {
    const services = fakeServices();
    let first = true;
    const analyze = services.analyze;
    services.analyze = (input) => {
      if (first) {
        first = false;
        throw new Error('boom');
      }
      return analyze(input);
    };
    const { out, errors } = await chat(`/brief ${ARTICLE}\n/brief ${ARTICLE}\n`, services);
    assert.ok(out.startsWith(ar.apology));
    assert.match(out, /== الموجز ==/u);
    assert.equal(errors.length, 1);
  });

  it('GIVEN an unknown command and blank lines THEN a short reply and nothing for the blanks', async () => {
    const { out } = await chat('\n\n/foo\n');
    assert.equal(out, `${ar.unknownCommand('foo')}\n\n`);
  });

  it('GIVEN no platform token and no .env THEN `npm start` with /help piped in prints the help and exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mojaz-start-'));
    try {
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, MOJAZ_DATA_DIR: join(dir, 'data'), MOJAZ_LOG_LEVEL: 'warn' };
      const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(process.cwd(), 'src/main.ts')], {
        cwd: dir,
        env,
        input: '/help\n',
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /== الأوامر ==/u);
      assert.match(result.stdout, /- \/brief — /u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
