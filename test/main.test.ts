import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The README's start command, as a newcomer runs it: no token, so the console chat, with the
// bundled sample feed ingested before the first command.
test('GIVEN no platform token THEN npm start opens the console and /digest shows the sample feed digest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mojaz-main-'));
  try {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, MOJAZ_DATA_DIR: join(dir, 'data'), MOJAZ_LOG_LEVEL: 'warn' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      input: '/digest\n/timeline 1\n/digest\n',
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const out = run.stdout;
    assert.match(out, /== موجز الأخبار — /u);
    assert.match(out, /3 مصادر/u); // the re-published story counts its outlets
    assert.match(out, /== الخط الزمني ==/u);
    assert.match(out, /لا أخبار جديدة منذ آخر موجز/u); // the second /digest: nothing is sent twice
    assert.doesNotMatch(run.stderr, /error/iu);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
