/** When an ingest is a bulk load (it then builds the query-only indexes once, at its end). */
import fs from 'node:fs';
import type { BackgroundCheckpointer } from '../db/checkpoint.js';
import type { DB } from '../db/open.js';
import type { Store } from '../db/store.js';
import { withBusyRetry } from './batch.js';

/** Input at least this large, and larger than the database holds (at ~1 KB a paper), is a bulk load. */
export const BULK_BYTES = 32 * 1024 * 1024;
const BYTES_PER_PAPER = 1024;

/** Whether an ingest adds much more than the database holds: then it builds the query indexes at its end. */
export function isBulk(bytesIn: number, storedPapers: number): boolean {
  return bytesIn >= BULK_BYTES && storedPapers * BYTES_PER_PAPER < bytesIn;
}

/** The total size of the files (unreadable ones count as 0: their read reports them). */
export function inputBytes(files: string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += fs.statSync(f).size;
    } catch {
      // reported when read
    }
  }
  return n;
}

/**
 * A bulk load stores without the query-only indexes and without indexing the full text as it goes
 * (Store.deferFullText): finishIndexes builds both once, at its end.
 */
export function beginBulkLoad(db: DB, store: Store): void {
  withBusyRetry(() => db.transaction(() => store.dropQueryIndexes()).immediate());
  store.deferFullText();
}

/**
 * At the end of every ingest: the query indexes and the full-text index a bulk load left out are
 * built (also those of a bulk load killed before its end: the marker it left, see
 * Store.finishFullText).
 */
export function finishIndexes(db: DB, store: Store): void {
  withBusyRetry(() =>
    db
      .transaction(() => {
        store.createQueryIndexes();
        store.finishFullText();
      })
      .immediate(),
  );
}

/**
 * The end of every ingest, whether storing succeeded or `failure` says why not: the indexes
 * (finishIndexes) while `checkpointer` copies what the last commit wrote, then, after a success
 * only, the dedup index saved beside the database (`saveIndex`: after a failure it may hold
 * papers never committed). Throws the first error.
 */
export async function endLoad(
  db: DB,
  store: Store,
  checkpointer: BackgroundCheckpointer | null,
  failure: { error: unknown } | null,
  saveIndex: () => void,
): Promise<void> {
  let first = failure;
  try {
    checkpointer?.nudge(true);
    try {
      finishIndexes(db, store);
    } catch (error) {
      first ??= { error };
    }
    if (!first) withBusyRetry(() => db.transaction(saveIndex).immediate());
  } finally {
    await checkpointer?.close();
  }
  if (first) throw first.error;
}
