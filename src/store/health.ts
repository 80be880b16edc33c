/**
 * The store's health, as the operator sees it: a database that cannot be opened (a bad header, a
 * truncated file, a read-only directory) stops the start with the file's path and what to do; `npm
 * start -- --check` runs SQLite's integrity check; and a rolling backup (SQLite's online backup
 * API, consistent while the bot writes) is kept in the data directory.
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type OpenStoreOptions, type SqliteStore } from './sqlite.ts';

/** The store could not be opened; the message (English and Arabic) names the file and what to do. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly advice: string,
  ) {
    super(`cannot open the store ${path}: ${reason}\n${advice}`);
  }
}

/** Subdirectory of the data directory that holds the rolling backups. */
const BACKUP_DIR = 'backups';

/** The newest backup file of the store at `path`, if there is one. */
export function latestBackup(path: string): string | undefined {
  const dir = join(dirname(resolve(path)), BACKUP_DIR);
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((f) => /^mojaz-\d{4}-\d{2}-\d{2}\.sqlite$/u.test(f)).sort();
  return files.length > 0 ? join(dir, files[files.length - 1]!) : undefined;
}

/** What to tell the operator for a database error `code` on the file at `path`. */
function adviceFor(path: string, code: string): { reason: string; advice: string } {
  const backup = latestBackup(path);
  const restore = backup ? `restore the latest backup (cp ${backup} ${path}) or ` : '';
  const restoreAr = backup ? `استرجع آخر نسخة احتياطية (${backup}) أو ` : '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    return {
      reason: code === 'SQLITE_NOTADB' ? 'the file is not an SQLite database (bad header or truncated)' : 'the database file is damaged',
      advice:
        `What to do: ${restore}move the file aside (mv ${path} ${path}.broken, and its -wal/-shm files) and start again with an empty store.\n` +
        `ما العمل: قاعدة البيانات تالفة. ${restoreAr}انقل الملف جانبًا (${path}) ثم أعد التشغيل بمخزن فارغ.`,
    };
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    return {
      reason: 'the file or its directory cannot be written',
      advice:
        `What to do: make ${dirname(path)} writable by this user (or set MOJAZ_DATA_DIR to a writable directory) and start again.\n` +
        `ما العمل: اجعل المجلد ${dirname(path)} قابلًا للكتابة (أو اضبط MOJAZ_DATA_DIR على مجلد قابل للكتابة) ثم أعد التشغيل.`,
    };
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return {
      reason: 'the disk is full',
      advice: `What to do: free space on the disk that holds ${path} and start again.\nما العمل: القرص ممتلئ؛ حرّر مساحة ثم أعد التشغيل.`,
    };
  }
  return { reason: code, advice: `What to do: ${restore}move the file aside and start again.\nما العمل: ${restoreAr}انقل الملف جانبًا ثم أعد التشغيل.` };
}

const codeOf = (err: unknown): string => {
  const e = err as { code?: unknown } | null;
  return typeof e?.code === 'string' ? e.code : err instanceof Error ? err.message : String(err);
};

/** The StoreOpenError for `err`, raised while opening (or creating the directory of) the store at `path`. */
export function storeOpenError(path: string, err: unknown): StoreOpenError {
  if (err instanceof StoreOpenError) return err;
  const { reason, advice } = adviceFor(path, codeOf(err));
  return new StoreOpenError(path, reason, advice);
}

/**
 * Opens the store at `path` and runs SQLite's quick check on it, so a damaged file stops the start
 * (with its path and what to do) instead of failing later on the page a poll happens to read.
 */
export function openStoreOrExplain(path: string, options: OpenStoreOptions = {}): SqliteStore {
  try {
    accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (err) {
    if (existsSync(dirname(resolve(path)))) throw storeOpenError(path, err);
  }
  let store: SqliteStore | undefined;
  try {
    store = openStore(path, options);
    const problems = quickCheck(store.db);
    if (problems.length > 0) throw Object.assign(new Error(problems.join('; ')), { code: 'SQLITE_CORRUPT' });
    return store;
  } catch (err) {
    if (store) void store.close().catch(() => undefined);
    throw storeOpenError(path, err);
  }
}

/** SQLite's quick check: an empty list when the database is sound. */
function quickCheck(db: Database.Database): string[] {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
}

/** What `--check` found, with lines in English and Arabic for the operator. */
export interface CheckReport {
  ok: boolean;
  lines: string[];
}

/** Runs SQLite's full integrity check on the store at `path` (read-only; nothing is changed). */
export function checkStore(path: string): CheckReport {
  if (!existsSync(path)) {
    return { ok: true, lines: [`no store yet at ${path}: one is created at start.`, `لا مخزن بعد في ${path}: يُنشأ عند التشغيل.`] };
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    if (rows.length === 1 && rows[0] === 'ok') {
      const backup = latestBackup(path);
      return {
        ok: true,
        lines: [
          `store ${path}: integrity check ok.${backup ? ` Latest backup: ${backup}.` : ''}`,
          `المخزن ${path}: فحص السلامة ناجح.${backup ? ` آخر نسخة احتياطية: ${backup}.` : ''}`,
        ],
      };
    }
    const { advice } = adviceFor(path, 'SQLITE_CORRUPT');
    return { ok: false, lines: [`store ${path}: integrity check FAILED:`, ...rows.slice(0, 20).map((r) => `  ${r}`), ...advice.split('\n')] };
  } catch (err) {
    const { reason, advice } = adviceFor(path, codeOf(err));
    return { ok: false, lines: [`store ${path}: cannot be read: ${reason}.`, ...advice.split('\n')] };
  } finally {
    db?.close();
  }
}

/** Backups kept (one a day by default: a week). */
const BACKUPS_KEPT = 7;

/**
 * Writes today's backup of the store into <data dir>/backups/mojaz-YYYY-MM-DD.sqlite with SQLite's
 * online backup API (a consistent copy while the bot keeps writing) and deletes all but the newest
 * `keep`. Returns the file written.
 */
export async function backupStore(store: SqliteStore, path: string, now: Date, keep = BACKUPS_KEPT): Promise<string> {
  const dir = join(dirname(resolve(path)), BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `mojaz-${now.toISOString().slice(0, 10)}.sqlite`);
  const partial = `${file}.partial`;
  await store.db.backup(partial);
  renameSync(partial, file);
  const files = readdirSync(dir).filter((f) => /^mojaz-\d{4}-\d{2}-\d{2}\.sqlite$/u.test(f)).sort();
  for (const old of files.slice(0, Math.max(0, files.length - keep))) rmSync(join(dir, old), { force: true });
  return file;
}
