// The rival a user would reach for instead: sqlite-utils, on the same title/abstract rows as the
// corpus (rows.ndjson: one row per sighting, duplicates included, written by corpus.js from the
// very records it puts in the digest files). A plain insert gives a table; insert followed by
// enable-fts (FTS5, porter, as ours) gives a searchable one, which is the fair comparison.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { seconds } from './timing.js';

/** sqlite-utils' version line, or null when it is not installed (not on PATH). */
export function sqliteUtilsVersion() {
  const r = spawnSync('sqlite-utils', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/**
 * Times `sqlite-utils insert` of `dir`/rows.ndjson into a fresh database, then `enable-fts` on it.
 * Checks the table holds one row per sighting (`sightings`), so the rival did the same work.
 */
export function timeSqliteUtils(dir, sightings) {
  const db = path.join(dir, 'sqlite-utils.db');
  fs.rmSync(db, { force: true });
  const start = process.hrtime.bigint();
  execFileSync('sqlite-utils', ['insert', db, 'papers', path.join(dir, 'rows.ndjson'), '--nl']);
  const insert = seconds(start);
  const ftsStart = process.hrtime.bigint();
  execFileSync('sqlite-utils', ['enable-fts', db, 'papers', 'title', 'abstract', '--fts5', '--tokenize', 'porter']);
  const fts = seconds(ftsStart);
  const rows = JSON.parse(
    execFileSync('sqlite-utils', ['query', db, 'select count(*) as n from papers'], { encoding: 'utf8' }),
  )[0].n;
  if (rows !== sightings) throw new Error(`sqlite-utils holds ${rows} rows, the corpus ${sightings} sightings`);
  return { insert, insertFts: insert + fts, rows };
}
