/**
 * What "new" means: the papers the last ingest created. An ingest records, before it stores
 * anything, the highest paper rid it found (rids only grow), so `papers query --new` is the
 * papers above that mark. Kept in `meta` (key `ingest_rid_mark`), no schema change.
 */
import type { DB } from './open.js';

const KEY = 'ingest_rid_mark';

/** Called by the ingest once it has opened the database, before its first write batch. */
export function markIngestStart(db: DB): void {
  db.prepare(`INSERT OR REPLACE INTO meta(key, value) VALUES (?, (SELECT coalesce(max(rid), 0) FROM papers))`).run(KEY);
}

/** The rid mark of the last ingest, or null when no ingest recorded one (a database from before). */
export function lastIngestMark(db: DB): number | null {
  const v = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(KEY);
  return v === undefined ? null : Number(v);
}

/** meta key set while the full-text index is behind the papers (a deferred bulk load: Store.deferFullText). */
const FTS_REBUILD_PENDING = 'fts_rebuild_pending';

/** True when a bulk ingest stopped before rebuilding the full-text index (the next ingest does). */
export function fullTextBehind(db: DB): boolean {
  return db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(FTS_REBUILD_PENDING) !== undefined;
}

/** Records that the full-text index is behind the papers (a deferred bulk load), or no longer is. */
export function setFullTextBehind(db: DB, behind: boolean): void {
  if (behind) db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')").run(FTS_REBUILD_PENDING);
  else db.prepare('DELETE FROM meta WHERE key = ?').run(FTS_REBUILD_PENDING);
}
