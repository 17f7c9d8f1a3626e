/**
 * The user's files are theirs (src/db/open.ts), through the real binary: another application's
 * SQLite file is refused before anything in it changes, and reading a database writes nothing
 * beside it, also in a read-only folder or from a read-only file.
 *
 * Read-only is simulated with `chattr +i` (the tests run as root, and root ignores permission
 * bits); where chattr is not possible those cases skip, and chooseReadMode's table test below
 * still checks the decision.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chooseReadMode } from '../../src/db/open.js';
import { json, papers, SEEDS, tempDir } from '../helpers.js';
import { canMakeImmutable, setImmutable } from '../helpers-immutable.js';

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
/** SQLite's header bytes 18 and 19: 1 for a rollback journal, 2 for WAL. */
const journalBytes = (f: string) => [...fs.readFileSync(f).subarray(18, 20)];
const SEED = path.join(SEEDS, '000_980ef8ff142fd5e1.txt');

function foreignDb(dir: string, userVersion: number): string {
  const file = path.join(dir, `app-v${userVersion}.sqlite`);
  const d = new Database(file);
  d.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine');");
  d.pragma(`user_version = ${userVersion}`);
  d.close();
  return file;
}

describe("another application's database is refused, unchanged", () => {
  it.each([0, 7])('at user_version %i: ingest and query refuse it; no table added, not switched to WAL', (v) => {
    const dir = tempDir('papers-foreign-');
    const file = foreignDb(dir, v);
    const before = sha(file);
    expect(journalBytes(file)).toEqual([1, 1]);
    for (const args of [['ingest', SEED], ['query'], ['sql', 'SELECT * FROM notes']]) {
      const r = papers([...args, '--db', file]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/app-v\d\.sqlite is not a papers database \(it holds other tables: notes\)/);
    }
    expect(sha(file)).toBe(before);
    expect(journalBytes(file)).toEqual([1, 1]);
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  it('a new or empty file still becomes a papers database', () => {
    const dir = tempDir('papers-foreign-');
    const empty = path.join(dir, 'empty.db');
    fs.writeFileSync(empty, '');
    expect(papers(['ingest', SEED, '--db', empty, '--quiet']).code).toBe(0);
    expect(json<unknown[]>(papers(['query', '--db', empty, '--json'])).length).toBeGreaterThan(0);
  });
});

describe('reading writes nothing beside the database', () => {
  const dir = tempDir('papers-read-');
  const db = path.join(dir, 'p.db');
  let id = '';
  const reads = (): string[][] => [
    ['query', '--json'],
    ['show', id],
    ['stats', '--json'],
    ['sql', 'SELECT count(*) AS n FROM papers'],
    ['export', '--format', 'ndjson'],
    ['links'],
  ];
  const readAll = () => {
    for (const args of reads()) {
      const r = papers([...args, '--db', db]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
    }
  };
  beforeAll(() => {
    expect(papers(['ingest', SEED, '--db', db, '--quiet']).code).toBe(0);
    id = json<{ id: string }[]>(papers(['query', '--db', db, '--json', '--limit', '1']))[0]!.id;
    expect(fs.readdirSync(dir)).toEqual(['p.db']);
  });
  afterEach(() => {
    setImmutable(db, false);
    setImmutable(dir, false);
  });

  it('in a writable folder (a read-only connection used to leave -wal and -shm)', () => {
    readAll();
    expect(fs.readdirSync(dir)).toEqual(['p.db']);
  });

  it.skipIf(!canMakeImmutable)('from a read-only database file (chattr +i)', () => {
    expect(setImmutable(db, true)).toBe(true);
    readAll();
    expect(fs.readdirSync(dir)).toEqual(['p.db']);
  });

  it.skipIf(!canMakeImmutable)('in a read-only folder (chattr +i): it failed with "attempt to write a readonly database"', () => {
    expect(setImmutable(dir, true)).toBe(true);
    readAll();
    expect(fs.readdirSync(dir)).toEqual(['p.db']);
  });

  it.skipIf(!canMakeImmutable)('in a read-only folder holding a -wal with commits not yet in the main file', () => {
    const writer = new Database(db);
    try {
      writer.pragma('wal_autocheckpoint = 0');
      writer.prepare("UPDATE papers SET title = 'Changed in the WAL' WHERE id = ?").run(id);
      expect(fs.readdirSync(dir).sort()).toEqual(['p.db', 'p.db-shm', 'p.db-wal']);
      expect(setImmutable(dir, true)).toBe(true);
      const shown = json<{ title: string }>(papers(['show', id, '--db', db, '--json']));
      expect(shown.title).toBe('Changed in the WAL');
      expect(fs.readdirSync(dir).sort()).toEqual(['p.db', 'p.db-shm', 'p.db-wal']);
    } finally {
      setImmutable(dir, false);
      writer.close();
    }
  });
});

describe('chooseReadMode', () => {
  const f = (walExists: boolean, shmExists: boolean, dirWritable: boolean, fileWritable: boolean) => ({
    walExists,
    shmExists,
    dirWritable,
    fileWritable,
  });
  it.each([
    [f(false, false, true, true), 'shared'],
    [f(true, true, true, true), 'shared'],
    [f(false, false, false, true), 'immutable'],
    [f(false, false, true, false), 'immutable'],
    [f(false, false, false, false), 'immutable'],
    [f(true, true, false, true), 'readonly'],
    [f(true, false, true, false), 'readonly'],
    [f(true, false, false, true), 'immutable'],
  ] as const)('%j -> %s', (facts, mode) => {
    expect(chooseReadMode(facts)).toBe(mode);
  });
});
