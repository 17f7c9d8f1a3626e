/**
 * Opening the database: the one place that knows pragmas, migrations and read-only mode.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { UserError } from '../errors.js';

export type DB = Database.Database;

/** Where the database lives: --db, then $PAPERS_DB, then ./papers.db. */
export function resolveDbPath(option: string | undefined): string {
  return option ?? process.env.PAPERS_DB ?? 'papers.db';
}

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 30_000;

/** Opens (creating if needed) a database to write to, migrated to the current schema. */
export function openForWrite(path: string): DB {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    enableWal(db);
    // NORMAL in WAL mode: a power cut may lose the last commits but never corrupts the file;
    // a process crash (kill -9) loses nothing that was committed.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Switches a new database to WAL. The switch needs an exclusive lock and SQLite does not wait for
 * it (no busy handler), so two ingests creating one database at once would see "database is
 * locked": retry for up to the busy timeout.
 */
function enableWal(db: DB): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20); // a synchronous 20 ms pause
    }
  }
}

/**
 * Opens an existing database read-only: `query`, `show`, `sql`... never create or change it.
 * A missing file is the user's mistake (they have not ingested yet), not a crash.
 */
export function openForRead(path: string): DB {
  if (!fs.existsSync(path)) {
    throw new UserError(`no database at ${path}: run \`papers ingest <dir>\` first (or pass --db FILE)`);
  }
  let db: DB;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    db.pragma('query_only = ON');
  } catch (err) {
    throw new UserError(`cannot open ${path}: ${(err as Error).message}`);
  }
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    db.close();
    throw newerSchemaError(path, version);
  }
  if (version < SCHEMA_VERSION) {
    db.close();
    throw new UserError(
      `${path} has schema version ${version}; this papers needs ${SCHEMA_VERSION}: run \`papers ingest\` on it once to migrate`,
    );
  }
  return db;
}

function newerSchemaError(path: string, version: number): UserError {
  return new UserError(
    `${path} was written by a newer papers (schema version ${version}, this one knows up to ${SCHEMA_VERSION}): upgrade papers`,
  );
}

/** Applies the migrations past the database's user_version, all in one transaction. */
export function migrate(db: DB, path = 'database'): void {
  const run = db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) throw newerSchemaError(path, version);
    for (let v = version; v < SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
  });
  // IMMEDIATE: two processes opening a fresh database at once must not both try to create it.
  run.immediate();
}

/** Opens the database read-only for the length of `fn`, and always closes it. */
export async function withReadDb<T>(dbOption: string | undefined, fn: (db: DB) => T | Promise<T>): Promise<T> {
  const db = openForRead(resolveDbPath(dbOption));
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}
