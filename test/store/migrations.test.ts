import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, storePath } from '../../src/store/sqlite.ts';
import { appliedMigrations } from '../../src/store/migrate.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { appliedPostgresMigrations, openPostgresStore } from '../../src/store/postgres.ts';
import { pgMigrations } from '../../src/store/postgres-migrations.ts';
import { freshPostgresUrl } from '../support/postgres.ts';

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

test('GIVEN a PostgreSQL database at the first schema version THEN opening it upgrades it and keeps its data; the two sets have the same ids', async () => {
  assert.deepEqual(pgMigrations.map((m) => m.id), migrations.map((m) => m.id));
  const url = await freshPostgresUrl();
  const old = await openPostgresStore(url, { migrations: pgMigrations.slice(0, 1) });
  assert.deepEqual(await appliedPostgresMigrations(old.pool), ['001-content']);
  await old.addFeed('https://a.example/rss', { now: T0 });
  await old.close();

  // Two instances starting at once over one database: the migrations apply once.
  const [upgraded, twin] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
  assert.deepEqual(await appliedPostgresMigrations(upgraded.pool), pgMigrations.map((m) => m.id));
  assert.equal((await upgraded.listFeeds()).length, 1);
  await upgraded.upsertSubscription({ chatId: 'c', platform: 'console', times: ['08:00'], timezone: 'UTC', topN: 5 }, T0);
  assert.equal((await twin.listSubscriptions()).length, 1);
  await Promise.all([upgraded.close(), twin.close()]);

  await assert.rejects(openPostgresStore(url, { migrations: [pgMigrations[0]!, pgMigrations[0]!] }), /duplicate migration id/);
});

test('GIVEN a PostgreSQL server that does not answer THEN opening fails with the URL, never its password', async () => {
  const url = (await freshPostgresUrl()).replace(/:(\d+)\//, ':1/');
  const err = await openPostgresStore(url).then(
    () => assert.fail('opened'),
    (e: unknown) => e as Error,
  );
  assert.match(err.message, /cannot open the PostgreSQL store postgres:\/\/mojaz@127\.0\.0\.1:1\//);
  assert.doesNotMatch(err.message, /mojaz-test/);
});
