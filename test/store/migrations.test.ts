import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, storePath } from '../../src/store/sqlite.ts';
import { appliedMigrations } from '../../src/store/migrate.ts';
import { migrations } from '../../src/store/migrations/index.ts';

const T0 = '2026-01-01T00:00:00.000Z';

test('GIVEN a database at the first schema version THEN opening it upgrades it and keeps its data', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mojaz-store-'));
  try {
    const path = storePath(join(dir, 'data'));
    const old = openStore(path, { migrations: migrations.slice(0, 1) });
    assert.deepEqual(appliedMigrations(old.db), ['001-content']);
    await old.addFeed('https://a.example/rss', { now: T0 }).catch(() => undefined); // chat_feeds absent is fine without addedBy
    await old.close();

    const upgraded = openStore(path);
    assert.deepEqual(appliedMigrations(upgraded.db), migrations.map((m) => m.id));
    assert.equal((await upgraded.listFeeds()).length, 1);
    await upgraded.upsertSubscription({ chatId: 'c', platform: 'console', times: ['08:00'], timezone: 'UTC', topN: 5 }, T0);
    await upgraded.close();

    const again = openStore(path);
    assert.deepEqual(appliedMigrations(again.db), migrations.map((m) => m.id));
    assert.equal((await again.listSubscriptions()).length, 1);
    assert.equal(again.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(again.db.pragma('foreign_keys', { simple: true }), 1);
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GIVEN two migrations with one id THEN opening refuses', () => {
  assert.throws(() => openStore(':memory:', { migrations: [migrations[0]!, migrations[0]!] }), /duplicate migration id/);
});
