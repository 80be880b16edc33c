import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import { backupStore, checkStore, latestBackup, openStoreOrExplain, StoreOpenError } from '../../src/store/health.ts';

const NOW = '2026-11-24T05:00:00.000Z';

/** A temp data directory, removed after `fn`. */
async function inDir(fn: (dir: string) => Promise<void> | void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mojaz-health-'));
  try {
    await fn(dir);
  } finally {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A store file with some feeds and articles in it. */
async function filledStore(path: string): Promise<void> {
  const store = openStore(path);
  const feed = await store.addFeed('https://example.com/rss', { now: NOW });
  for (let i = 0; i < 300; i++) {
    await store.upsertArticle({ feedId: feed.id, guid: `g${i}`, url: `https://example.com/${i}`, title: `خبر ${i}`, text: `نص الخبر رقم ${i} `.repeat(40), seenAt: NOW });
  }
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
}

/** The StoreOpenError thrown by `fn`. */
function openError(fn: () => unknown): StoreOpenError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof StoreOpenError, String(err));
    return err;
  }
  assert.fail('the store opened');
}

test('GIVEN a file with a bad header THEN opening fails with the path and what to do, in English and Arabic', async () => {
  await inDir((dir) => {
    const path = join(dir, 'mojaz.sqlite');
    writeFileSync(path, 'this is not a database at all, just some text '.repeat(100));
    const err = openError(() => openStoreOrExplain(path));
    assert.ok(err.message.includes(path));
    assert.match(err.message, /move the file aside/u);
    assert.match(err.message, /انقل الملف جانبًا/u);
  });
});

test('GIVEN a truncated database THEN opening fails with the path instead of a crash later', async () => {
  await inDir(async (dir) => {
    const path = join(dir, 'mojaz.sqlite');
    await filledStore(path);
    truncateSync(path, Math.floor(statSync(path).size / 3));
    const err = openError(() => openStoreOrExplain(path));
    assert.ok(err.message.includes(path));
    assert.match(err.reason, /damaged|not an SQLite database/u);
    const check = checkStore(path);
    assert.equal(check.ok, false);
  });
});

test('GIVEN a backup exists and the store is damaged THEN the advice names the backup to restore', async () => {
  await inDir(async (dir) => {
    const path = join(dir, 'mojaz.sqlite');
    await filledStore(path);
    const store = openStore(path);
    const file = await backupStore(store, path, new Date(NOW));
    await store.close();
    writeFileSync(path, 'garbage');
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    const err = openError(() => openStoreOrExplain(path));
    assert.ok(err.advice.includes(file), err.advice);
  });
});

test('GIVEN a read-only data directory THEN opening fails saying the directory must be writable', { skip: process.getuid?.() === 0 ? 'root writes anywhere' : false }, async () => {
  await inDir((dir) => {
    chmodSync(dir, 0o500);
    const err = openError(() => openStoreOrExplain(join(dir, 'mojaz.sqlite')));
    assert.match(err.message, /writable/u);
  });
});

test('GIVEN a sound store THEN --check says so in English and Arabic', async () => {
  await inDir(async (dir) => {
    const path = join(dir, 'mojaz.sqlite');
    await filledStore(path);
    const report = checkStore(path);
    assert.equal(report.ok, true);
    assert.match(report.lines.join('\n'), /integrity check ok/u);
    assert.match(report.lines.join('\n'), /فحص السلامة ناجح/u);
  });
});

test('GIVEN daily backups THEN each is a readable copy and only the newest are kept', async () => {
  await inDir(async (dir) => {
    const path = join(dir, 'mojaz.sqlite');
    await filledStore(path);
    const store = openStore(path);
    for (let d = 1; d <= 9; d++) await backupStore(store, path, new Date(`2026-11-${String(d).padStart(2, '0')}T03:00:00Z`), 7);
    await store.close();
    const files = readdirSync(join(dir, 'backups')).sort();
    assert.equal(files.length, 7);
    assert.equal(files[0], 'mojaz-2026-11-03.sqlite');
    const latest = latestBackup(path)!;
    assert.ok(latest.endsWith('mojaz-2026-11-09.sqlite'));
    const copy = openStore(latest);
    assert.equal(await copy.countArticles(), 300);
    await copy.close();
  });
});

test('GIVEN npm start -- --check and a damaged store THEN it exits non-zero; a start on it fails with the path', async () => {
  await inDir((dir) => {
    const data = join(dir, 'data');
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, MOJAZ_DATA_DIR: data, MOJAZ_LOG_LEVEL: 'warn' };
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--check'], { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /no store yet/u);
    writeFileSync(join(data, 'mojaz.sqlite'), 'not a database '.repeat(200));
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--check'], { env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /move the file aside/u);
    const start = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, input: '/digest\n', encoding: 'utf8', timeout: 60_000 });
    assert.notEqual(start.status, 0);
    assert.ok(start.stderr.includes(join(data, 'mojaz.sqlite')), start.stderr);
    assert.ok(!existsSync(join(data, 'backups')));
  });
});
