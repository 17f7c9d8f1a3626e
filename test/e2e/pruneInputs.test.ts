/**
 * `--prune` and `forget` on inputs that are not plain files: archive members are stored as
 * `archive.zip!member` (nested `a.zip!b.zip!c`) and standard input as `<stdin>`, none of which
 * `fs.existsSync` finds. With the real binary.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, json, papers, SEEDS, tempDir } from '../helpers.js';

const seeds = fs.readdirSync(SEEDS).sort();
const seedBytes = (n: number) => fs.readFileSync(path.join(SEEDS, seeds[n]!));

interface Pruned {
  pruned: { files: number; sightings: number; papers: number };
}
interface Forgot {
  files: number;
  sightings: number;
  papers: number;
  unknown: string[];
}

function files(db: string): string[] {
  const r = papers(['sql', 'SELECT path FROM files ORDER BY path', '--db', db, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return json<{ path: string }[]>(r).map((f) => f.path);
}

describe('--prune and forget on archive members and standard input', () => {
  const dir = tempDir();
  const db = path.join(dir, 'p.db');

  beforeAll(() => {
    fs.mkdirSync(path.join(dir, 'in'));
    fs.writeFileSync(path.join(dir, 'in', 'a.txt.gz'), zlib.gzipSync(seedBytes(0)));
    const inner = zipSync({ [`deep/${seeds[2]}`]: seedBytes(2) });
    fs.writeFileSync(path.join(dir, 'in', 'b.zip'), zipSync({ [`m/${seeds[1]}`]: seedBytes(1), 'm/c.zip': inner }));
    fs.writeFileSync(path.join(dir, 'in', 'd.zip'), zipSync({ [seeds[3]!]: seedBytes(3) }));
    // A relative folder, as users type it: the stored paths are then relative too.
    expect(papers(['ingest', 'in', '--db', db, '--json'], { cwd: dir }).code).toBe(0);
    const r = spawnSync(process.execPath, [BIN, 'ingest', '-', '--db', db, '--json'], {
      input: seedBytes(4),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(files(db)).toEqual([
      '<stdin>',
      'in/a.txt.gz',
      `in/b.zip!m/${seeds[1]}`,
      `in/b.zip!m/c.zip!deep/${seeds[2]}`,
      `in/d.zip!${seeds[3]}`,
    ]);
  });

  it('keeps archive members and standard input while nothing moved', () => {
    const before = files(db);
    // From another folder: the members are found by their archive's resolved path too.
    const r = papers(['ingest', '--prune', '--db', db, '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(json<Pruned>(r).pruned).toEqual({ files: 0, sightings: 0, papers: 0 });
    const elsewhere = papers(['ingest', '--prune', '--db', db, '--json'], { cwd: tempDir() });
    expect(json<Pruned>(elsewhere).pruned.files).toBe(0);
    expect(files(db)).toEqual(before);
  });

  it('forgets every member of an archive named by its path', () => {
    const r = papers(['forget', path.join(dir, 'in', 'd.zip'), '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json<Forgot>(r)).toMatchObject({ files: 1, unknown: [] });
    expect(files(db)).not.toContain(`in/d.zip!${seeds[3]}`);
  });

  it('prunes the members, nested ones too, once their archive is gone', () => {
    fs.rmSync(path.join(dir, 'in', 'b.zip'));
    const r = papers(['ingest', '--prune', '--db', db, '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(json<Pruned>(r).pruned.files).toBe(2);
    expect(files(db)).toEqual(['<stdin>', 'in/a.txt.gz']);
  });

  it('forgets standard input by "-"', () => {
    const r = papers(['forget', '-', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json<Forgot>(r).files).toBe(1);
    expect(files(db)).toEqual(['in/a.txt.gz']);
  });
});
