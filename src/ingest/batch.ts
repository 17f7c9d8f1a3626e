/**
 * Several whole files' writes in one commit (a file that fails rolls back its batch: see
 * Ingester.storePrepared). A commit writes every page the batch dirtied, and the indexes keyed by
 * paper id (random text) dirtied a page per row wherever they were: committing per file wrote 14x
 * the database's size at 1M papers (52 GB of disk writes for a 3.6 GB file), and the commits
 * grew with the database, so the ingest grew faster than its input.
 *
 * A batch commits once it has been open for `maxMs`, and when the ingest has waited a moment for
 * its next file (see Ingester: the write lock is not held idle). A concurrent writer (another
 * ingest) waits for about one batch; a kill loses at most the batch in hand, whole.
 */
import type { DB } from '../db/open.js';

/** How long a batch stays open (a file in hand is finished first). */
export const BATCH_MS = 1000;

export class WriteBatch {
  private startedAt = 0;

  /** `beforeCommit` runs inside the transaction, just before each COMMIT; `afterCommit` after it. */
  constructor(
    private readonly db: DB,
    private readonly maxMs = BATCH_MS,
    private readonly beforeCommit: () => void = () => {},
    private readonly afterCommit: () => void = () => {},
  ) {}

  /** Opens a batch unless one is open (taking the write lock, waiting for it if another has it). */
  begin(): void {
    if (this.db.inTransaction) return;
    withBusyRetry(() => this.db.exec('BEGIN IMMEDIATE'));
    this.startedAt = Date.now();
  }

  /** Commits when the batch has been open for long enough. */
  commitIfDue(): void {
    if (Date.now() - this.startedAt >= this.maxMs) this.commit();
  }

  commit(): void {
    if (!this.db.inTransaction) return;
    this.beforeCommit();
    this.db.exec('COMMIT');
    this.afterCommit();
  }
}

/**
 * Another process holding the write lock longer than the busy timeout surfaces as SQLITE_BUSY;
 * the transaction did not start, so it is safe to try again.
 */
export function withBusyRetry<T>(fn: () => T, attempts = 5): T {
  for (let i = 1; ; i++) {
    try {
      return fn();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (i >= attempts || (code !== 'SQLITE_BUSY' && code !== 'SQLITE_BUSY_SNAPSHOT')) throw err;
    }
  }
}
