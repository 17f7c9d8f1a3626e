// The job a newsletter author repeats every day: ingest a day's digests (the five seed files,
// 453 records) into the database of years they already have. Timed into an empty database and
// into a fresh COPY of each database the run built (so the bench's databases stay as built and
// each run starts from the same state); the copy is not timed. Runs alternate between the
// targets (empty, then each database, three times over) so a burst of load on the shared machine
// falls on all of them, and the median of each is kept.
import fs from 'node:fs';
import path from 'node:path';
import { measured, median } from './timing.js';

export const SEEDS = path.join(import.meta.dirname, '..', 'fixtures', 'seeds');

function removeDb(db) {
  for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, `${db}.dedup`]) fs.rmSync(f, { force: true });
}

/**
 * Copies a database (and its WAL, when a checkpoint left one) to `to`, written through to the disk:
 * otherwise the timed ingest's first fsync also flushed the copy's dirty pages (2.4 GB at 1M
 * papers), which made the day's digests into a 1M copy take 1.1 to 2.7 s from one run to the next.
 */
function copyDb(from, to) {
  removeDb(to);
  const copy = (a, b) => {
    fs.copyFileSync(a, b);
    const fd = fs.openSync(b, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  };
  copy(from, to);
  if (fs.existsSync(`${from}-wal`)) copy(`${from}-wal`, `${to}-wal`);
  // The dedup snapshot beside the database (see src/db/dedupSnapshot.ts): without it a copy
  // would rebuild its index from the papers.
  if (fs.existsSync(`${from}.dedup`)) copy(`${from}.dedup`, `${to}.dedup`);
}

/**
 * `bases`: [{ papers, db }] the databases to copy; `profileDir`: write the first run's CPU profiles
 * there (the timings of a profiled run are not comparable). Returns the empty database's figures and, per
 * base, the median wall and CPU seconds, the ratio to empty and what the ingest added.
 */
export function dayDigest(bases, workDir, { runs = 3, profileDir = null } = {}) {
  fs.mkdirSync(workDir, { recursive: true });
  const db = path.join(workDir, 'day.db');
  const targets = [{ papers: 0, db: null }, ...bases].map((b) => ({ ...b, walls: [], cpus: [], summary: null }));
  for (let run = 0; run < runs; run++) {
    for (const t of targets) {
      if (t.db) copyDb(t.db, db);
      else removeDb(db);
      // Profiles of the first run only: one per database is enough to see where the time goes.
      const prof = profileDir && run === 0 ? path.join(profileDir, t.db ? `day-into-${t.papers}` : 'day-into-empty') : null;
      const m = measured(['ingest', SEEDS, '--db', db, '--json'], prof);
      t.walls.push(m.wall);
      t.cpus.push(m.cpu);
      t.summary = JSON.parse(m.stdout);
    }
  }
  removeDb(db);
  const [empty, ...into] = targets.map((t) => ({
    papers: t.papers,
    wall_s: median(t.walls),
    cpu_s: median(t.cpus),
    records: t.summary.records,
    new_papers: t.summary.new,
    errors: t.summary.errors.length,
  }));
  return { empty, into: into.map((t) => ({ ...t, ratio_vs_empty: t.wall_s / empty.wall_s })) };
}
