/**
 * Both stores for the store tests: each test that takes a store runs once on SQLite (in memory)
 * and once on PostgreSQL (a fresh database on the test server of ./postgres.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type SqliteStore } from '../../src/store/sqlite.ts';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.ts';
import { freshPostgresUrl } from './postgres.ts';

/** The store kinds every store test runs on. */
export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** A new, empty, migrated store of that kind. */
export async function openTestStore(kind: 'sqlite'): Promise<SqliteStore>;
export async function openTestStore(kind: 'postgres'): Promise<PostgresStore>;
export async function openTestStore(kind: StoreKind): Promise<SqliteStore | PostgresStore>;
export async function openTestStore(kind: StoreKind): Promise<SqliteStore | PostgresStore> {
  return kind === 'sqlite' ? openStore(':memory:') : openPostgresStore(await freshPostgresUrl());
}

/** `n` stores of that kind over one new database (one SQLite file, or one PostgreSQL database), as `n` instances would open it. */
export async function openSharedStores(kind: StoreKind, n: number): Promise<(SqliteStore | PostgresStore)[]> {
  if (kind === 'sqlite') {
    const path = join(mkdtempSync(join(tmpdir(), 'mojaz-shared-')), 'mojaz.sqlite');
    return Array.from({ length: n }, () => openStore(path));
  }
  const url = await freshPostgresUrl();
  const first = await openPostgresStore(url);
  return [first, ...(await Promise.all(Array.from({ length: n - 1 }, () => openPostgresStore(url))))];
}
