/**
 * The SQLite settings of a bulk ingest: what a long write session needs beyond the defaults that
 * ./open.ts sets for every connection.
 */
import type { DB } from './open.js';

/** WAL pages between checkpoints during an ingest: 1 GiB of 4 KiB pages. */
const WAL_AUTOCHECKPOINT_PAGES = 262_144;

/** The ingest's SQLite page cache (KiB): 64 MiB. */
const INGEST_CACHE_KIB = 64 * 1024;

/** Settings for the ingest's connection, before its first write. */
export function tuneForIngest(db: DB): void {
  // Checkpoint the WAL rarely during the ingest, then once at the end: each checkpoint syncs the
  // disk and copies every page written since the last one, and the pages of the indexes on random
  // keys are written again in every one (the WAL may reach 1 GB on disk meanwhile).
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  // A page cache large enough for the pages every write batch touches wherever they are (the
  // paper-id and claim-value indexes, the papers updated): with SQLite's default of 2 MB, a 1M-paper
  // ingest re-read and re-wrote them all the time.
  db.pragma(`cache_size = -${INGEST_CACHE_KIB}`);
}

/** After the ingest's last write: planner statistics, and the WAL folded back into the database. */
export function finishIngest(db: DB): void {
  // Fresh statistics for the query planner, so filters pick their indexes (SQLite's advice
  // for long-lived databases: cheap, and limited to what changed).
  // With a bound on the rows ANALYZE reads per index: unbounded, it read whole tables of a
  // 1M-paper database after a day's digests (0.3 s of a 2 s ingest).
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
