import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, papers, SEEDS, tempDir } from '../helpers.js';

interface Summary {
  files: number;
  skipped: number;
  records: number;
  papers: number;
  new: number;
  duplicates: number;
  errors: { file: string; message: string }[];
}
interface Paper {
  id: string;
  arxiv_id: string | null;
  title: string;
  abstract: string;
  sightings: { file: string; position: number; date: string | null }[];
}

describe('ingest the seeds end to end', () => {
  const dir = tempDir();
  const db = path.join(dir, 'a.db');
  let first: Summary;
  let all: Paper[];

  beforeAll(() => {
    const r = papers(['ingest', SEEDS, '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    first = json<Summary>(r);
    all = json<Paper[]>(papers(['query', '--db', db, '--json', '--limit', '0']));
  });

  it('reads 453 records into 360 papers', () => {
    expect(first).toMatchObject({ files: 5, skipped: 0, records: 453, papers: 360, new: 360, duplicates: 93, errors: [] });
    expect(all).toHaveLength(360);
    expect(all.reduce((n, p) => n + p.sightings.length, 0)).toBe(453);
  });

  it('keeps every title exactly as the title line of its page, at its position', () => {
    const byFile = new Map<string, string[]>();
    for (const f of fs.readdirSync(SEEDS)) {
      byFile.set(
        path.join(SEEDS, f),
        fs
          .readFileSync(path.join(SEEDS, f), 'utf8')
          .split('\n')
          .map((l) => l.trim()),
      );
    }
    const positions = new Map<string, Set<number>>();
    for (const p of all) {
      for (const s of p.sightings) {
        const lines = byFile.get(s.file)!;
        expect(lines, s.file).toBeDefined();
        expect(lines.includes(p.title) || lines.includes(`Subscribe${p.title}`)).toBe(true);
        const seen = positions.get(s.file) ?? new Set();
        expect(seen.has(s.position)).toBe(false);
        seen.add(s.position);
        positions.set(s.file, seen);
      }
    }
    expect([...positions.keys()].sort().map((f) => positions.get(f)!.size)).toEqual([77, 96, 97, 119, 64]);
    for (const s of positions.values()) expect(Math.max(...s)).toBe(s.size);
  });

  it('prints paper objects of the documented shape', () => {
    const p = all[0]!;
    expect(Object.keys(p)).toEqual(
      expect.arrayContaining(['id', 'arxiv_id', 'title', 'abstract', 'sightings', 'github', 'claims', 'methods', 'links']),
    );
    expect(p.arxiv_id).toBeNull();
    expect(p.sightings[0]).toEqual(expect.objectContaining({ file: expect.any(String), position: expect.any(Number) }));
    expect('date' in p.sightings[0]!).toBe(true);
  });

  it('is a no-op on unchanged files', () => {
    const r = papers(['ingest', SEEDS, '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(json<Summary>(r)).toMatchObject({ files: 0, skipped: 5, records: 0, papers: 360, new: 0 });
  });

  it('gives the same ids when rebuilt from the same inputs', () => {
    const db2 = path.join(dir, 'b.db');
    expect(papers(['ingest', SEEDS, '--db', db2, '--json']).code).toBe(0);
    const again = json<Paper[]>(papers(['query', '--db', db2, '--json', '--limit', '0']));
    const ids = (ps: Paper[]) => ps.map((p) => `${p.id} ${p.title}`).sort();
    expect(ids(again)).toEqual(ids(all));
  });

  it('replaces the sightings of a changed file and drops papers left without one', () => {
    const copy = path.join(dir, 'copy');
    fs.mkdirSync(copy);
    for (const f of fs.readdirSync(SEEDS)) fs.copyFileSync(path.join(SEEDS, f), path.join(copy, f));
    const db3 = path.join(dir, 'c.db');
    expect(papers(['ingest', copy, '--db', db3, '--json']).code).toBe(0);
    // Cut the last file down to its first two papers.
    const last = path.join(copy, '004_d32d9d2b14616faa.txt');
    const lines = fs.readFileSync(last, 'utf8').split('\n');
    fs.writeFileSync(last, lines.slice(0, 6).join('\n') + '\n');
    const r = json<Summary>(papers(['ingest', copy, '--db', db3, '--json']));
    expect(r).toMatchObject({ files: 1, skipped: 4, records: 2 });
    const after = json<Paper[]>(papers(['query', '--db', db3, '--json', '--limit', '0']));
    expect(after.reduce((n, p) => n + p.sightings.length, 0)).toBe(453 - 64 + 2);
    expect(r.papers).toBe(after.length);
    expect(after.every((p) => p.sightings.length > 0)).toBe(true);
  });

  it('writes the human summary to stderr and nothing to stdout', () => {
    const db4 = path.join(dir, 'd.db');
    const r = papers(['ingest', SEEDS, '--db', db4]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/5 files read.*453 records.*360 papers/s);
  });

  it('uses $PAPERS_DB, then ./papers.db', () => {
    const cwd = tempDir();
    expect(papers(['ingest', SEEDS, '--quiet'], { cwd }).code).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'papers.db'))).toBe(true);
    const envDb = path.join(cwd, 'env.db');
    expect(papers(['ingest', SEEDS, '--quiet'], { cwd, env: { PAPERS_DB: envDb } }).code).toBe(0);
    expect(fs.existsSync(envDb)).toBe(true);
  });
});
