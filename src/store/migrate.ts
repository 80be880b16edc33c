/** Applies pending migrations in order, each in its own transaction, recording them in schema_migrations. */
import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/types.ts';

/** Applies the migrations not yet recorded; returns the ids it applied. Safe to call on every open. */
export function migrate(db: Database, migrations: readonly Migration[], now: string): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const seen = new Set<string>();
  for (const m of migrations) {
    if (seen.has(m.id)) throw new Error(`duplicate migration id ${m.id}`);
    seen.add(m.id);
  }
  const applied = new Set(
    (db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((r) => r.id),
  );
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  const done: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.id)) continue;
    // Two instances opening one file at once: the second waits on the write lock, then re-checks.
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?').get(m.id)) return;
      m.up(db);
      record.run(m.id, now);
      done.push(m.id);
    }).immediate();
  }
  return done;
}

/** Ids of the migrations recorded as applied, in the order they were applied. */
export function appliedMigrations(db: Database): string[] {
  return (db.prepare('SELECT id FROM schema_migrations ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
}
