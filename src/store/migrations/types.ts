/** One schema migration: applied once, in list order, and recorded in schema_migrations. */
import type { Database } from 'better-sqlite3';

/** A migration: a unique id ("NNN-name") and the change it makes inside a transaction. */
export interface Migration {
  id: string;
  up(db: Database): void;
}
