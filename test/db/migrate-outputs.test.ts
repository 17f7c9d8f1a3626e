import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openForWrite } from '../../src/db/open.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/schema.js';
import { tempDir } from '../helpers.js';

// Found by content, not number: other migrations may be appended around it.
const OUTPUTS = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE digests'));

describe('the outputs migration (code promise dates, digest memory)', () => {
  it('dates the code links already stored by their paper first digest date', () => {
    expect(OUTPUTS).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'before.db');
    const old = new Database(file);
    for (let v = 0; v < OUTPUTS; v++) old.exec(MIGRATIONS[v]!);
    old.pragma(`user_version = ${OUTPUTS}`);
    old.exec(`
      INSERT INTO papers (rid, id, title, abstract, first_seen) VALUES
        (1, 'p1', 'A', 'a', '2024-05-27'), (2, 'p2', 'B', 'b', '--05-28');
      INSERT INTO code_links (paper_id, paper_rid, url, owner, repo, status, source) VALUES
        ('p1', 1, 'https://github.com/o/promised', 'o', 'promised', 'promised', 'abstract'),
        ('p1', 1, 'https://github.com/o/out', 'o', 'out', 'available', 'site'),
        ('p2', 2, 'https://github.com/o/yearless', 'o', 'yearless', 'promised', 'abstract');
    `);
    old.close();

    const db = openForWrite(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT repo, promised_since, available_since FROM code_links ORDER BY rowid').raw().all()).toEqual([
      ['promised', '2024-05-27', null],
      ['out', null, '2024-05-27'],
      // A yearless date cannot be compared with --older-than: left unknown.
      ['yearless', null, null],
    ]);
    expect(db.prepare('SELECT count(*) FROM digests').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM digest_papers').pluck().get()).toBe(0);
    db.close();
  });
});
