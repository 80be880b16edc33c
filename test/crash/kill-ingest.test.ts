import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.ts';

const CHILD = fileURLToPath(new URL('./ingest-child.ts', import.meta.url));
const ITEMS = 20;

/** An RSS feed of ITEMS distinct items. */
function feedXml(): string {
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const text = `خبر رقم ${i}: ${'أعلنت الحكومة في العاصمة عن خطة جديدة للنقل العام تشمل خطوطا إضافية '.repeat(8)} (${i})`;
    return `<item><title>عنوان الخبر ${i}</title><link>https://news.example/a/${i}</link><guid>g-${i}</guid><pubDate>Mon, 24 Nov 2026 0${i % 10}:00:00 GMT</pubDate><description>${text}</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>وكالة</title>${items.join('')}</channel></rss>`;
}

function run(env: Record<string, string>): { status: number | null; signal: NodeJS.Signals | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, signal: r.signal, out: r.stdout };
}

for (const killAfter of [1, 7, 19]) {
  test(`GIVEN ingest killed after ${killAfter} article(s) were grouped THEN after a restart every item is an article in a story`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mojaz-kill-ingest-'));
    try {
      const env = { DB: join(dir, 'mojaz.sqlite'), FEED: join(dir, 'feed.xml') };
      writeFileSync(env.FEED, feedXml());
      const killed = run({ ...env, KILL_AFTER: String(killAfter) });
      assert.equal(killed.signal, 'SIGKILL', killed.out);
      const restarted = run(env);
      assert.equal(restarted.status, 0, restarted.out);
      const store = openStore(env.DB);
      try {
        const row = (sql: string): number => Number((store.db.prepare(sql).get() as { n: number }).n);
        assert.equal(row('SELECT COUNT(*) AS n FROM articles'), ITEMS);
        assert.equal(row('SELECT COUNT(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)'), 0);
        assert.equal(row('SELECT COUNT(DISTINCT article_id) AS n FROM analyses'), ITEMS);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('GIVEN an article an older version stored without a story THEN the next poll analyses and groups it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mojaz-kill-ingest-'));
  try {
    const env = { DB: join(dir, 'mojaz.sqlite'), FEED: join(dir, 'feed.xml') };
    writeFileSync(env.FEED, feedXml());
    const store = openStore(env.DB);
    await store.upsertArticle({ guid: 'orphan', url: 'https://other.example/x', title: 'خبر يتيم', text: 'نص خبر بقي بلا قصة بعد توقف مفاجئ.', seenAt: new Date().toISOString() });
    await store.close();
    assert.equal(run(env).status, 0);
    const after = openStore(env.DB);
    try {
      const n = Number((after.db.prepare('SELECT COUNT(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)').get() as { n: number }).n);
      assert.equal(n, 0);
      assert.equal(await after.countArticles(), ITEMS + 1);
    } finally {
      await after.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
