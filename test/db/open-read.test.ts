import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openForRead, openForWrite } from '../../src/db/open.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papers-open-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a reading connection', () => {
  it('maps the database file for its reads, and still cannot write', () => {
    const file = path.join(dir, 'papers.db');
    openForWrite(file).close();
    const db = openForRead(file);
    try {
      expect(Number(db.pragma('mmap_size', { simple: true }))).toBeGreaterThan(1 << 30);
      expect(() => db.exec('CREATE TABLE scratch (x)')).toThrow(/readonly|read-only|query_only/i);
    } finally {
      db.close();
    }
  });
});
