/** The store: its interface, the embedded SQLite implementation and the PostgreSQL one. */
import type { Config } from '../config.ts';
import { SqliteDigestLedger } from './digest-ledger.ts';
import { PostgresDigestLedger } from './postgres-ledger.ts';
import { openPostgresStore, PostgresStore, type OpenPostgresOptions } from './postgres.ts';
import { openStore, storePath, type SqliteStore } from './sqlite.ts';
import { PostgresSendSlots, type SendSlotsOptions } from './postgres-send-slots.ts';
import type { SharedPace } from '../messages/pacing.ts';

export type * from './types.ts';
export { openStore, storePath, SqliteStore } from './sqlite.ts';
export { openPostgresStore, PostgresStore, describeDatabaseUrl } from './postgres.ts';
export { canonicalUrl, contentHash } from './keys.ts';

/** Either store: SQLite (the default) or PostgreSQL (MOJAZ_DATABASE_URL). */
export type AnyStore = SqliteStore | PostgresStore;

/** Opens the configured store: PostgreSQL when a database URL is set, else <dataDir>/mojaz.sqlite (the directory created if missing). */
export async function openConfiguredStore(config: Pick<Config, 'dataDir' | 'databaseUrl'>, options: OpenPostgresOptions = {}): Promise<AnyStore> {
  return config.databaseUrl ? openPostgresStore(config.databaseUrl, options) : openStore(storePath(config.dataDir));
}

/** The scheduler's delivery ledger on the store's own database. */
export function ledgerOf(store: AnyStore): SqliteDigestLedger | PostgresDigestLedger {
  return store instanceof PostgresStore ? new PostgresDigestLedger(store) : new SqliteDigestLedger(store.db);
}

/**
 * The platform-wide send limit every instance over the store's database shares: PostgreSQL's send
 * slots; none on SQLite (one process, whose local limiter is the whole limit).
 */
export function sharedPaceOf(store: AnyStore, options: SendSlotsOptions = {}): SharedPace | undefined {
  return store instanceof PostgresStore ? new PostgresSendSlots(store, options) : undefined;
}
