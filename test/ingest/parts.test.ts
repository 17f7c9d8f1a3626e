import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openForWrite } from '../../src/db/open.js';
import { PART_RECORDS } from '../../src/ingest/prepare.js';
import { Ingester } from '../../src/ingest/run.js';
import { tempDir } from '../helpers.js';

/** A JSON digest of n distinct papers, every 7th repeated once later in the same file. */
function digest(n: number): string {
  const rec = (i: number) => ({
    title: `A study of subject ${i} in model tuning`,
    abstract: `This paper about subject ${i} studies a problem of its own and reports what it found.`,
  });
  const out = Array.from({ length: n }, (_, i) => rec(i));
  for (let i = 0; i < n; i += 7) out.push(rec(i));
  return JSON.stringify(out);
}

function count(db: ReturnType<typeof openForWrite>, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe('a large file is stored in parts, whole', () => {
  const n = Math.round(PART_RECORDS * 2.5);

  it('gives one file with every record, repeats merged across parts', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'big.json'), digest(n));
    const db = openForWrite(path.join(dir, 'x.db'));
    const s = await new Ingester(db, { jobs: 0 }).run([path.join(dir, 'big.json')]);
    const records = n + Math.ceil(n / 7);
    expect(s.files_read).toEqual([{ file: path.join(dir, 'big.json'), format: expect.any(String), records }]);
    expect([s.records, s.new, s.duplicates]).toEqual([records, n, records - n]);
    expect([count(db, 'files'), count(db, 'sightings'), count(db, 'papers')]).toEqual([1, records, n]);
    db.close();
  });

  it('rolls back the parts stored so far when stopped between them', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.json'), digest(10));
    fs.writeFileSync(path.join(dir, 'b.json'), digest(n));
    const db = openForWrite(path.join(dir, 'x.db'));
    const stop = new AbortController();
    const s = await new Ingester(db, {
      jobs: 0,
      stopSignal: stop.signal,
      // Called after each file and after each part of a large one: stop after b.json's first part.
      onProgress: (p) => {
        if (p.file.endsWith('b.json')) stop.abort();
      },
    }).run([path.join(dir, 'a.json'), path.join(dir, 'b.json')]);
    expect(s.interrupted).toBe(true);
    expect(db.prepare('SELECT path FROM files').pluck().all()).toEqual([path.join(dir, 'a.json')]);
    expect([count(db, 'sightings'), count(db, 'papers')]).toEqual([12, 10]);
    // a.json's papers are searchable: the full-text work of its batch survived the rollback.
    expect(db.prepare("SELECT count(*) FROM papers_fts WHERE papers_fts MATCH 'subject'").pluck().get()).toBe(10);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
