/**
 * Both stores for the store tests: each test that takes a store runs once on SQLite (in memory)
 * and once on PostgreSQL (a fresh database on the test server of ./postgres.ts).
 */
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
