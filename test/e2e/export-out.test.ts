/**
 * `export --out` writes its file safely (src/output/files.ts), through the real binary: never over
 * the database, an existing file only with --force (keeping its mode), a missing or unwritable
 * folder as a one-line error.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { papers, SEEDS, tempDir } from '../helpers.js';
import { canMakeImmutable, setImmutable } from '../helpers-immutable.js';

const dir = tempDir('papers-export-');
const db = path.join(dir, 'e.db');
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const exportTo = (out: string, ...more: string[]) => papers(['export', '--db', db, '--out', out, ...more], { cwd: dir });

beforeAll(() => {
  const r = papers(['ingest', path.join(SEEDS, '000_980ef8ff142fd5e1.txt'), '--db', db, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
});

describe('never over the database', () => {
  const refused = (out: string) => {
    const before = sha(db);
    const r = exportTo(out, '--force');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to write .*: it is the database/);
    expect(r.stderr).not.toContain('unexpected error');
    expect(sha(db)).toBe(before);
    expect(papers(['stats', '--db', db, '--json']).code).toBe(0);
  };
  it('by its own path', () => refused(db));
  it('by a relative path', () => refused('./e.db'));
  it('by a path through another folder', () => {
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    refused('sub/../e.db');
  });
  it('by a symlink to it', () => {
    fs.symlinkSync(db, path.join(dir, 'link.ndjson'));
    refused('link.ndjson');
  });
  it('by a hard link to it', () => {
    fs.linkSync(db, path.join(dir, 'hard.ndjson'));
    refused('hard.ndjson');
  });
  it('nor its -wal or -shm file', () => {
    refused(`${db}-wal`);
    refused('e.db-shm');
  });
});

describe('an existing file is replaced only with --force', () => {
  it('refuses without --force and leaves the file as it was', () => {
    const out = path.join(dir, 'keep.ndjson');
    fs.writeFileSync(out, 'mine\n');
    const r = exportTo(out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/keep\.ndjson exists: pass --force to replace it/);
    expect(fs.readFileSync(out, 'utf8')).toBe('mine\n');
  });

  it('replaces with --force, keeping the mode', () => {
    const out = path.join(dir, 'private.ndjson');
    fs.writeFileSync(out, 'old\n');
    fs.chmodSync(out, 0o600);
    const r = exportTo(out, '--force');
    expect(r.code, r.stderr).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^\{"id":/);
  });

  it('writes a new file and leaves no temporary file behind', () => {
    const sub = tempDir('papers-export-new-');
    const r = exportTo(path.join(sub, 'new.csv'), '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(sub)).toEqual(['new.csv']);
  });
});

describe('a folder that cannot take the file is a one-line error', () => {
  it('missing folder', () => {
    const r = exportTo(path.join(dir, 'no/such/folder/out.json'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write .*out\.json: folder .* does not exist/);
  });

  it('a file where the folder should be', () => {
    const r = exportTo(path.join(db, 'out.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not a folder/);
  });

  describe.skipIf(!canMakeImmutable)('unwritable folder (chattr +i; skipped where chattr is not possible)', () => {
    const locked = path.join(dir, 'locked');
    beforeAll(() => {
      fs.mkdirSync(locked);
      expect(setImmutable(locked, true)).toBe(true);
    });
    afterAll(() => {
      setImmutable(locked, false);
    });
    it('says permission denied, on one line', () => {
      const r = exportTo(path.join(locked, 'out.json'));
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/cannot write .*out\.json: permission denied/);
      expect(fs.readdirSync(locked)).toEqual([]);
    });
  });
});
