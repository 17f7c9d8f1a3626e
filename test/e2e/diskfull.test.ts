import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { papers, SEEDS, tempDir } from '../helpers.js';

// A real full disk: a 600 KB tmpfs. Mounting needs root; elsewhere the test is skipped (said in its name).
const dir = tempDir();
const mnt = path.join(dir, 'small-disk');
fs.mkdirSync(mnt);
const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=600k', 'tmpfs', mnt]).status === 0;

afterAll(() => {
  if (mounted) spawnSync('umount', [mnt]);
});

describe('disk full', () => {
  it.skipIf(!mounted)('says which database could not be written (needs root to mount a 600 KB tmpfs)', () => {
    const db = path.join(mnt, 'papers.db');
    const r = papers(['ingest', SEEDS, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`could not write the database ${db}: the disk is full (SQLITE_FULL)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const d = new Database(db, { readonly: true });
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    d.close();
  });
});
