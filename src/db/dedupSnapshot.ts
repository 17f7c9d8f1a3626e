/**
 * The dedup index as the database keeps it (see the dedup_snapshot migration in ./schema.ts): one
 * snapshot row, and the log of paper ids renamed or deleted since it was taken.
 */
import type { DB } from './open.js';

/** What a snapshot row says about itself (its bytes are read apart: they are large). */
export interface SnapshotInfo {
  rev: number;
  logSeq: number;
  format: string;
  papers: number;
}

/** A paper id that changed after a snapshot: renamed to newId, or deleted (newId null). */
export interface IdChange {
  oldId: string;
  newId: string | null;
}

export class DedupSnapshots {
  private readonly s;

  constructor(readonly db: DB) {
    this.s = {
      info: db.prepare<[], SnapshotInfo>('SELECT rev, log_seq AS logSeq, format, papers FROM dedup_snapshot WHERE id = 1'),
      data: db.prepare<[], Buffer>('SELECT data FROM dedup_snapshot WHERE id = 1').pluck(),
      logSince: db.prepare<[number], IdChange>(
        'SELECT old_id AS oldId, new_id AS newId FROM dedup_log WHERE seq > ? ORDER BY seq',
      ),
      lastSeq: db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM dedup_log').pluck(),
      changedSince: db
        .prepare<[number, number], number>(
          'SELECT (SELECT count(*) FROM papers WHERE rev > ?) + (SELECT count(*) FROM dedup_log WHERE seq > ?)',
        )
        .pluck(),
      write: db.prepare<{ rev: number; logSeq: number; format: string; papers: number; data: Buffer }>(
        `INSERT OR REPLACE INTO dedup_snapshot (id, rev, log_seq, format, papers, data)
         VALUES (1, @rev, @logSeq, @format, @papers, @data)`,
      ),
      prune: db.prepare<[number]>('DELETE FROM dedup_log WHERE seq <= ?'),
      dropSnapshot: db.prepare('DELETE FROM dedup_snapshot'),
      dropLog: db.prepare('DELETE FROM dedup_log'),
    };
  }

  info(): SnapshotInfo | undefined {
    return this.s.info.get();
  }

  data(): Buffer | undefined {
    return this.s.data.get();
  }

  /** Ids renamed or deleted after log entry `seq`, in the order it happened. */
  changesSince(seq: number): IdChange[] {
    return this.s.logSince.all(seq);
  }

  /** Papers written and ids changed since the snapshot: what loading it leaves to catch up. */
  staleness(info: SnapshotInfo): number {
    return this.s.changedSince.get(info.rev, info.logSeq)!;
  }

  /** Replaces the snapshot with the index as it is at `rev`; the log before it is dropped. */
  write(rev: number, format: string, papers: number, data: Buffer): void {
    const logSeq = this.s.lastSeq.get()!;
    this.s.write.run({ rev, logSeq, format, papers, data });
    this.s.prune.run(logSeq);
  }

  /** Forgets the snapshot (and the log, only kept for it). */
  drop(): void {
    this.s.dropSnapshot.run();
    this.s.dropLog.run();
  }
}
