/**
 * The dedup snapshot the database keeps (ingest/paperIndex.ts): an ingest that starts from it
 * stores exactly what one that re-prepares every stored paper stores, after renames and deletions
 * since the snapshot too; a damaged, foreign or inconsistent snapshot is not trusted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DedupIndex } from '../../src/dedup/index.js';
import { DedupSnapshots, snapshotFile } from '../../src/db/dedupSnapshot.js';
import { UserError } from '../../src/errors.js';
import { openForWrite, type DB } from '../../src/db/open.js';
import { Ingester } from '../../src/ingest/run.js';
import { tempDir } from '../helpers.js';

const SEEDS = path.resolve(import.meta.dirname, '../../fixtures/seeds');
const seedFiles = fs
  .readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** What an ingest stored: papers and where each sighting went, in a stable order. */
function state(db: DB): unknown {
  return {
    papers: db.prepare('SELECT id, arxiv_id, title, abstract FROM papers ORDER BY id').all(),
    sightings: db
      .prepare(
        `SELECT s.paper_id, fp.path, s.position, s.match_rule, s.match_score FROM sightings s
         JOIN files f ON f.id = s.file_id JOIN file_paths fp ON fp.file_id = f.id ORDER BY fp.path, s.position`,
      )
      .all()
      .map((r) => ({ ...(r as object), path: path.basename((r as { path: string }).path) })),
  };
}

function snapshotRow(db: DB): { papers: number; bytes: number; rev: number } | undefined {
  return db.prepare('SELECT papers, bytes, rev FROM dedup_snapshot').get() as
    | { papers: number; bytes: number; rev: number }
    | undefined;
}

async function ingest(dbPath: string, files: string[], snapshotMinPapers = 1): Promise<void> {
  const db = openForWrite(dbPath);
  try {
    await new Ingester(db, { jobs: 0, snapshotMinPapers }).run(files);
  } finally {
    db.close();
  }
}

/** A database holding seeds 1-3, then seed 2 replaced by its first half (papers deleted since the snapshot). */
async function startingDatabase(): Promise<{ dir: string; dbPath: string; later: string[] }> {
  const dir = tempDir();
  const inputs = seedFiles.map((f) => {
    const to = path.join(dir, f);
    fs.copyFileSync(path.join(SEEDS, f), to);
    return to;
  });
  const dbPath = path.join(dir, 'base.db');
  await ingest(dbPath, inputs.slice(0, 3));
  const second = inputs[1]!;
  const text = fs.readFileSync(second, 'utf8');
  fs.writeFileSync(second, text.slice(0, Math.floor(text.length / 2)));
  // Too few changes to rewrite the snapshot: the next run must apply the log of deletions.
  await ingest(dbPath, inputs.slice(0, 3), 1);
  // Later: seeds 4 and 5, and seed 2 whole again, whose papers the snapshot still has (deleted since).
  const again = path.join(dir, 'again', seedFiles[1]!);
  fs.mkdirSync(path.dirname(again));
  fs.writeFileSync(again, text);
  return { dir, dbPath, later: [...inputs.slice(3), again] };
}

/** A copy of a database and of its snapshot file. */
function copyDb(from: string, to: string, edit?: (db: DB) => void): string {
  const src = openForWrite(from);
  src.pragma('wal_checkpoint(TRUNCATE)');
  src.close();
  fs.copyFileSync(from, to);
  if (fs.existsSync(snapshotFile(from))) fs.copyFileSync(snapshotFile(from), snapshotFile(to));
  if (edit) {
    const db = openForWrite(to);
    edit(db);
    db.close();
  }
  return to;
}

function stateOf(dbPath: string): unknown {
  const db = openForWrite(dbPath);
  try {
    return state(db);
  } finally {
    db.close();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the dedup snapshot', () => {
  it('is written after an ingest, and an ingest from it stores what a full rebuild stores', async () => {
    const { dir, dbPath, later } = await startingDatabase();
    const base = openForWrite(dbPath);
    const row = snapshotRow(base);
    const papers = base.prepare('SELECT count(*) FROM papers').pluck().get() as number;
    const logged = base.prepare('SELECT count(*) FROM dedup_log WHERE new_id IS NULL').pluck().get() as number;
    base.close();
    expect(row?.bytes).toBeGreaterThan(0);
    expect(logged).toBeGreaterThan(0); // seed 2's lost papers, deleted after the snapshot
    expect(row!.papers).toBeGreaterThan(papers); // ... so the snapshot still counts them

    const withSnapshot = copyDb(dbPath, path.join(dir, 'with.db'));
    const without = copyDb(dbPath, path.join(dir, 'without.db'), (db) => db.exec('DELETE FROM dedup_snapshot'));
    const loaded = vi.spyOn(DedupIndex, 'fromSnapshot');
    await ingest(withSnapshot, later);
    expect(loaded).toHaveBeenCalledTimes(1);
    // Used, not distrusted (that would rebuild it, and write it again at a later rev).
    const after = openForWrite(withSnapshot);
    expect(after.prepare('SELECT rev FROM dedup_snapshot').pluck().get()).toBe(row!.rev);
    after.close();
    await ingest(without, later);
    expect(loaded).toHaveBeenCalledTimes(1); // no snapshot: rebuilt from the papers
    expect(stateOf(withSnapshot)).toEqual(stateOf(without));
  });

  it('a damaged, missing or foreign snapshot file is rebuilt from the papers and written again', async () => {
    const { dir, dbPath, later } = await startingDatabase();
    const without = copyDb(dbPath, path.join(dir, 'without.db'), (db) => db.exec('DELETE FROM dedup_snapshot'));
    await ingest(without, later);
    const size = fs.statSync(snapshotFile(dbPath)).size;
    const cases: [string, (file: string) => void][] = [
      // Same size and token, bytes damaged after them.
      ['damaged', (f) => fs.writeFileSync(f, Buffer.concat([fs.readFileSync(f).subarray(0, 32), Buffer.alloc(size - 32, 0xff)]))],
      ['missing', (f) => fs.rmSync(f)],
      ['truncated', (f) => fs.truncateSync(f, size - 100)],
      // Another database's snapshot (another token).
      ['foreign', (f) => fs.writeFileSync(f, `${'0'.repeat(32)}${fs.readFileSync(f).subarray(32).toString('latin1')}`, 'latin1')],
    ];
    for (const [name, spoil] of cases) {
      const db = copyDb(dbPath, path.join(dir, `${name}.db`));
      spoil(snapshotFile(db));
      await ingest(db, later);
      expect(stateOf(db), name).toEqual(stateOf(without));
      const d = openForWrite(db);
      const row = snapshotRow(d)!;
      d.close();
      expect(fs.statSync(snapshotFile(db)).size, name).toBe(row.bytes);
    }
  });

  it('a snapshot cut short while an ingest reads its pages is reported by its name, not as a crash', async () => {
    const { dbPath } = await startingDatabase();
    const db = openForWrite(dbPath);
    try {
      const snapshots = new DedupSnapshots(db);
      const source = snapshots.data(snapshots.info()!)!;
      try {
        source.read(source.size - 10, new Uint8Array(10)); // readable as opened
        fs.truncateSync(snapshotFile(dbPath), 100);
        expect(() => source.read(source.size - 10, new Uint8Array(10))).toThrow(UserError);
        expect(() => source.read(source.size - 10, new Uint8Array(10))).toThrow(
          /cannot read the dedup index .*base\.db\.dedup: it is shorter than when the ingest opened it/,
        );
      } finally {
        source.close();
      }
    } finally {
      db.close();
    }
  });

  it('a snapshot of another version is ignored', async () => {
    const { dir, dbPath, later } = await startingDatabase();
    const other = copyDb(dbPath, path.join(dir, 'other.db'), (db) => db.exec("UPDATE dedup_snapshot SET format = '0/0.0.0'"));
    const loaded = vi.spyOn(DedupIndex, 'fromSnapshot');
    await ingest(other, later);
    expect(loaded).not.toHaveBeenCalled();
  });

  it('a snapshot that does not add up to the stored papers is not trusted', async () => {
    const { dir, dbPath, later } = await startingDatabase();
    // A paper deleted with its log entry lost: the snapshot would keep a paper that is gone, and
    // seed 2 again (in `later`) would be matched to it.
    const ghost = copyDb(dbPath, path.join(dir, 'ghost.db'), (db) => {
      db.prepare(
        `DELETE FROM papers WHERE rid = (SELECT s.paper_rid FROM sightings s JOIN file_paths fp ON fp.file_id = s.file_id
         WHERE fp.path LIKE ? ORDER BY s.position LIMIT 1)`,
      ).run(`%${seedFiles[1]}`);
      db.exec('DELETE FROM dedup_log');
    });
    const without = copyDb(ghost, path.join(dir, 'without.db'), (db) => db.exec('DELETE FROM dedup_snapshot'));
    const revOf = (file: string) => {
      const db = openForWrite(file);
      const rev = db.prepare('SELECT rev FROM dedup_snapshot').pluck().get();
      db.close();
      return rev;
    };
    const before = revOf(ghost);
    await ingest(ghost, later);
    await ingest(without, later);
    expect(stateOf(ghost)).toEqual(stateOf(without));
    expect(revOf(ghost)).not.toBe(before); // dropped, rebuilt, written again
  });

  it('is not kept for a small database, and rewritten only when enough changed', async () => {
    const dir = tempDir();
    const files = seedFiles.map((f) => path.join(SEEDS, f));
    const small = path.join(dir, 'small.db');
    await ingest(small, files.slice(0, 1), 1_000_000);
    let db = openForWrite(small);
    expect(snapshotRow(db)).toBeUndefined();
    db.close();

    const kept = path.join(dir, 'kept.db');
    await ingest(kept, files.slice(0, 1));
    db = openForWrite(kept);
    const first = db.prepare('SELECT rev FROM dedup_snapshot').pluck().get();
    db.close();
    await ingest(kept, files.slice(1, 2)); // ~90 papers: under the 1,000 papers a rewrite waits for
    db = openForWrite(kept);
    expect(db.prepare('SELECT rev FROM dedup_snapshot').pluck().get()).toBe(first);
    db.close();
  });
});
