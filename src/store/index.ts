/** The store: its interface and the embedded SQLite implementation. */
import type { Config } from '../config.ts';
import { openStore, storePath, type SqliteStore } from './sqlite.ts';

export type * from './types.ts';
export { openStore, storePath, SqliteStore } from './sqlite.ts';
export { canonicalUrl, contentHash } from './keys.ts';

/** Opens the store in the configured data directory (creating it if missing): <dataDir>/mojaz.sqlite. */
export function openConfiguredStore(config: Pick<Config, 'dataDir'>): SqliteStore {
  return openStore(storePath(config.dataDir));
}
