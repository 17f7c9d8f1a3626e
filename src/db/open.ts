/**
 * Opening the database: the one place that knows pragmas, migrations and read-only mode.
 *
 * The user's files are theirs: a --db that is another application's SQLite file is refused before
 * anything in it changes (no tables added, no switch to WAL), and reading never leaves a -wal or
 * -shm file behind, nor needs a writable folder (see chooseReadMode).
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { UserError } from '../errors.js';

// better-sqlite3 reads this once, when its native part loads (at the first `new Database`): the
// `immutable=1` URI parameter below needs URI file names. Every other open passes an absolute
// path, so a file name is never taken for a URI.
process.env.SQLITE_USE_URI = '1';

export type DB = Database.Database;

/** Where the database lives: --db, then $PAPERS_DB, then ./papers.db. */
export function resolveDbPath(option: string | undefined): string {
  return option ?? process.env.PAPERS_DB ?? 'papers.db';
}

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 30_000;

/** Opens (creating if needed) a database to write to, migrated to the current schema. */
export function openForWrite(path: string): DB {
  // SQLite creates the file, not its folder: say so rather than fail with a driver error.
  const folder = nodePath.dirname(absolute(path));
  if (path !== ':memory:' && !fs.existsSync(folder)) {
    throw new UserError(
      `cannot create the database ${path}: the folder ${folder} does not exist (create it, or pass another --db)`,
    );
  }
  const db = new Database(absolute(path), { timeout: BUSY_TIMEOUT_MS });
  try {
    // Before anything changes it: is this file ours, and of a version this papers knows?
    checkOurs(db, path);
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) throw newerSchemaError(path, version);
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

/** The tables every papers database has had since schema version 1. */
const OUR_TABLES = ['files', 'papers', 'sightings', 'meta'];

/**
 * Refuses a database that holds tables but not ours: another application's SQLite file given as
 * --db must not get our tables added (at user_version 0) or be switched to WAL.
 */
export function checkOurs(db: DB, path: string): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  if (tables.length === 0) return; // a new, empty database
  const ours =
    OUR_TABLES.every((t) => tables.includes(t)) && db.prepare("SELECT 1 FROM meta WHERE key = 'rev'").pluck().get() !== undefined;
  if (!ours) {
    throw new UserError(
      `${path} is not a papers database (it holds other tables: ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}); papers leaves it as it is: pass another --db`,
    );
  }
}

/** What decides how a database can be read without writing anything beside it. */
export interface ReadFacts {
  /** A -wal file exists: commits may be there and not yet in the main file. */
  walExists: boolean;
  /** Its -shm file exists. */
  shmExists: boolean;
  /** The folder can take new files (a -wal and -shm). */
  dirWritable: boolean;
  /** The database file can be written. */
  fileWritable: boolean;
}

/**
 * How to open a database for reading:
 * - `shared`: a normal connection with query_only on. Being able to write, the last one to close
 *   checkpoints and removes the -wal and -shm it made (a read-only connection leaves them behind).
 * - `readonly`: a read-only connection that reads the existing -wal (with its -shm, which exists
 *   or can be created).
 * - `immutable`: the file as it is, no locks, no -wal, no -shm: for a database in a read-only
 *   folder or a read-only file with no -wal, where WAL's -shm cannot (or must not) be created.
 */
export function chooseReadMode(f: ReadFacts): 'shared' | 'readonly' | 'immutable' {
  if (f.dirWritable && f.fileWritable) return 'shared';
  if (!f.walExists) return 'immutable';
  return f.shmExists || f.dirWritable ? 'readonly' : 'immutable';
}

function writable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK); // EPERM for an immutable file, EROFS on a read-only mount, root included
    return true;
  } catch {
    return false;
  }
}

/** The facts chooseReadMode needs, from the file system. */
export function readFacts(file: string): ReadFacts {
  const abs = absolute(file);
  return {
    walExists: fs.existsSync(`${abs}-wal`),
    shmExists: fs.existsSync(`${abs}-shm`),
    dirWritable: writable(nodePath.dirname(abs)),
    fileWritable: writable(abs),
  };
}

function absolute(p: string): string {
  return p === ':memory:' ? p : nodePath.resolve(p);
}

/** The most of a database file a reading connection maps (better-sqlite3's SQLITE_MAX_MMAP_SIZE). */
const READ_MMAP_BYTES = 0x7fff0000;

/**
 * Opens an existing database read-only: `query`, `show`, `sql`... never create or change it.
 * A missing file is the user's mistake (they have not ingested yet), not a crash.
 */
export function openForRead(path: string): DB {
  if (!fs.existsSync(path)) {
    throw new UserError(`no database at ${path}: run \`papers ingest <dir>\` first (or pass --db FILE)`);
  }
  const facts = readFacts(path);
  const mode = chooseReadMode(facts);
  let db: DB;
  try {
    if (mode === 'immutable') {
      db = new Database(`${pathToFileURL(absolute(path)).href}?immutable=1`, { readonly: true, fileMustExist: true });
    } else {
      db = new Database(absolute(path), { readonly: mode === 'readonly', fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    }
    db.pragma('query_only = ON');
    // Pages read through a memory map of the file instead of copied into SQLite's page cache: a
    // query's first read of each page no longer faults in fresh memory for it. A full-text query
    // at 1M papers (~100k matches ranked) ran its statement in 141-146 ms against 226-270 ms.
    // The map is read-only; SQLite's build caps it at 2 GiB (the rest is read as before).
    db.pragma(`mmap_size = ${READ_MMAP_BYTES}`);
  } catch (err) {
    throw new UserError(`cannot open ${path}: ${(err as Error).message}`);
  }
  try {
    checkOurs(db, path);
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) throw newerSchemaError(path, version);
    if (version < SCHEMA_VERSION) {
      throw new UserError(
        `${path} has schema version ${version}; this papers needs ${SCHEMA_VERSION}: run \`papers ingest\` on it once to migrate`,
      );
    }
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_'))
      throw new UserError(`cannot read ${path}: ${(err as Error).message}`);
    throw err;
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
