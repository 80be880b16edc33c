import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresUrl } from './support/postgres.ts';
import { STORE_KINDS } from './support/stores.ts';

// The README's start command, as a newcomer runs it: no token, so the console chat, with the
// bundled sample feed ingested before the first command.
for (const kind of STORE_KINDS) {
  test(`GIVEN no platform token THEN npm start opens the console and /digest shows the sample feed digest (${kind} store)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mojaz-main-'));
    try {
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, MOJAZ_DATA_DIR: join(dir, 'data'), MOJAZ_LOG_LEVEL: 'warn' };
      if (kind === 'postgres') env.MOJAZ_DATABASE_URL = await freshPostgresUrl();
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        input: `/digest\n/timeline 1\n${'/digest\n'.repeat(6)}`,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(run.status, 0, run.stderr);
      const out = run.stdout;
      assert.match(out, /== موجز الأخبار — /u);
      assert.match(out, /3 مصادر/u); // the re-published story counts its outlets
      assert.match(out, /== الخط الزمني ==/u);
      // /digest again shows the next stories of the sample feed ("more"), never one twice, then none.
      assert.match(out, /المزيد \(\d+\): \/digest/u);
      const titles = [...out.matchAll(/^\d+\. (.+)$/gmu)].map((x) => x[1]!);
      assert.ok(titles.length > 10, String(titles.length));
      assert.equal(new Set(titles).size, titles.length, 'no story twice');
      assert.match(out, /لا أخبار جديدة منذ آخر موجز\. /u);
      assert.doesNotMatch(out, /المرشحات/u, 'no filters, no word of them');
      assert.doesNotMatch(run.stderr, /error/iu);
      if (kind === 'postgres') assert.equal(existsSync(join(dir, 'data', 'mojaz.sqlite')), false, 'no SQLite file beside PostgreSQL');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
