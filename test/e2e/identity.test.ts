/**
 * One file, one identity; ids that do not depend on ingest order. With the real binary: moving,
 * renaming, copying a file, or reaching it by another path adds no sightings; `--prune` and
 * `forget` remove what is gone; the same files in two orders and concurrently give the same ids.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, papers, papersAsync, SEEDS, tempDir, writeTitleVariants } from '../helpers.js';

interface Paper {
  id: string;
  title: string;
  sightings: { file: string; position: number }[];
}

function all(db: string): Paper[] {
  const r = papers(['query', '--db', db, '--json', '--limit', '0']);
  expect(r.code, r.stderr).toBe(0);
  return json<Paper[]>(r);
}

const sightingCount = (ps: Paper[]) => ps.reduce((n, p) => n + p.sightings.length, 0);

function ingest(db: string, args: string[], cwd?: string): void {
  const r = papers(['ingest', ...args, '--db', db, '--json'], { cwd });
  expect(r.code, r.stderr).toBe(0);
}

describe('one file, one identity', () => {
  const dir = tempDir();
  const inDir = path.join(dir, 'in');
  const db = path.join(dir, 'p.db');
  let before: Paper[];

  beforeAll(() => {
    fs.cpSync(SEEDS, inDir, { recursive: true });
    ingest(db, ['in'], dir);
    before = all(db);
  });

  const unchanged = () => {
    const now = all(db);
    expect(sightingCount(now)).toBe(sightingCount(before));
    expect(now.map((p) => p.id).sort()).toEqual(before.map((p) => p.id).sort());
  };

  it('the same folder by its absolute path adds nothing', () => {
    expect(sightingCount(before)).toBe(453);
    ingest(db, [inDir]);
    unchanged();
  });

  it('through a symlinked folder adds nothing', () => {
    fs.symlinkSync(inDir, path.join(dir, 'link'));
    ingest(db, ['link'], dir);
    unchanged();
  });

  it('a renamed, a moved and a copied file add nothing', () => {
    const [a, b, c] = fs.readdirSync(inDir).sort();
    fs.renameSync(path.join(inDir, a!), path.join(inDir, 'renamed.txt'));
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    fs.renameSync(path.join(inDir, b!), path.join(dir, 'elsewhere', b!));
    fs.copyFileSync(path.join(inDir, c!), path.join(dir, 'elsewhere', 'copy.txt'));
    ingest(db, ['in', 'elsewhere'], dir);
    unchanged();
  });

  it('a deleted file stays until --prune, which removes its sightings and papers left with none', () => {
    const gone = path.join(dir, 'elsewhere', fs.readdirSync(path.join(dir, 'elsewhere')).find((f) => f !== 'copy.txt')!);
    const lost = fs.readFileSync(gone, 'utf8');
    fs.rmSync(gone);
    ingest(db, ['in', 'elsewhere'], dir);
    unchanged();
    const r = papers(['ingest', '--prune', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const pruned = json<{ pruned: { files: number; sightings: number; papers: number } }>(r).pruned;
    expect(pruned.files).toBe(1);
    const now = all(db);
    expect(sightingCount(now)).toBe(sightingCount(before) - pruned.sightings);
    expect(now.length).toBe(before.length - pruned.papers);
    expect(json<{ papers: number }>(r).papers).toBe(now.length); // counted after the prune
    expect(pruned.sightings).toBeGreaterThan(50);
    expect(now.every((p) => p.sightings.length > 0)).toBe(true);
    // Putting it back reads it again: the same papers as before.
    fs.writeFileSync(gone, lost);
    ingest(db, ['elsewhere'], dir);
    unchanged();
  });

  it('forget removes a file by any of its paths (here, a copy)', () => {
    const r = papers(['forget', path.join(dir, 'elsewhere', 'copy.txt'), '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const removed = json<{ files: number; sightings: number }>(r);
    expect(removed.files).toBe(1);
    expect(sightingCount(all(db))).toBe(sightingCount(before) - removed.sightings);
    expect(papers(['forget', path.join(dir, 'nothing.txt'), '--db', db]).code).toBe(1);
  });
});

describe('ids do not depend on ingest order', () => {
  const dir = tempDir();
  const files = fs.readdirSync(SEEDS).map((f) => path.join(SEEDS, f));
  files.push(path.join(dir, 'hf_daily_variants.jsonl'));
  writeTitleVariants(files[files.length - 1]!, 120);

  const fingerprint = (db: string) =>
    all(db)
      .map((p) => `${p.id} ${p.title} ${p.sightings.length}`)
      .sort();

  it('one by one in two orders, and all at once, give the same papers with the same ids', async () => {
    const forward = path.join(dir, 'forward.db');
    const backward = path.join(dir, 'backward.db');
    for (const f of files) ingest(forward, [f]);
    for (const f of [...files].reverse()) ingest(backward, [f]);
    const concurrent = path.join(dir, 'concurrent.db');
    ingest(concurrent, [files[0]!]); // creates the database, so the others do not race to
    const codes = await Promise.all(
      files
        .slice(1)
        .map(
          (f) =>
            new Promise<number | null>((resolve) =>
              papersAsync(['ingest', f, '--db', concurrent, '--quiet']).on('close', (code) => resolve(code)),
            ),
        ),
    );
    expect(codes.every((c) => c === 0)).toBe(true);
    const a = fingerprint(forward);
    expect(a.length).toBeGreaterThan(300);
    expect(fingerprint(backward)).toEqual(a);
    expect(fingerprint(concurrent)).toEqual(a);
  });
});
