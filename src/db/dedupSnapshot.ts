/**
 * The dedup index's snapshot: its bytes in a file beside the database (`<db>.dedup`), and the row
 * in dedup_snapshot that says which file content belongs to this database and at which write (see
 * the migration in ./schema.ts), with the log of paper ids renamed or deleted since.
 *
 * The file is a cache: missing, unreadable, of another content (its token) or size, it is ignored
 * and the index is rebuilt from the papers. It is replaced whole (written aside, then renamed)
 * under the database's write lock, before the row that names it commits: a crash in between
 * leaves a row naming the old token, so the new file is ignored, never trusted wrongly.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { SnapshotSource } from '../dedup/snapshot.js';
import { UserError } from '../errors.js';
import type { DB } from './open.js';

/** What a snapshot row says about itself. */
export interface SnapshotInfo {
  rev: number;
  logSeq: number;
  format: string;
  papers: number;
  token: string;
  bytes: number;
}

/** A paper id that changed after a snapshot: renamed to newId, or deleted (newId null). */
export interface IdChange {
  oldId: string;
  newId: string | null;
}

/** The token's length at the start of the file (a multiple of 8: the snapshot's arrays stay aligned). */
const TOKEN_CHARS = 32;

/** The snapshot file of a database file. */
export function snapshotFile(dbFile: string): string {
  return `${dbFile}.dedup`;
}

export class DedupSnapshots {
  private readonly s;
  private readonly file: string | null;

  constructor(readonly db: DB) {
    // An in-memory or temporary database has no file to sit beside.
    this.file = db.memory || db.name === '' ? null : snapshotFile(db.name);
    this.s = {
      info: db.prepare<[], SnapshotInfo>(
        'SELECT rev, log_seq AS logSeq, format, papers, token, bytes FROM dedup_snapshot WHERE id = 1',
      ),
      logSince: db.prepare<[number], IdChange>(
        'SELECT old_id AS oldId, new_id AS newId FROM dedup_log WHERE seq > ? ORDER BY seq',
      ),
      lastSeq: db.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM dedup_log').pluck(),
      changedSince: db
        .prepare<[number, number], number>(
          'SELECT (SELECT count(*) FROM papers WHERE rev > ?) + (SELECT count(*) FROM dedup_log WHERE seq > ?)',
        )
        .pluck(),
      write: db.prepare<SnapshotInfo>(
        `INSERT OR REPLACE INTO dedup_snapshot (id, rev, log_seq, format, papers, token, bytes)
         VALUES (1, @rev, @logSeq, @format, @papers, @token, @bytes)`,
      ),
      prune: db.prepare<[number]>('DELETE FROM dedup_log WHERE seq <= ?'),
      dropSnapshot: db.prepare('DELETE FROM dedup_snapshot'),
      dropLog: db.prepare('DELETE FROM dedup_log'),
    };
  }

  info(): SnapshotInfo | undefined {
    return this.file === null ? undefined : this.s.info.get();
  }

  /**
   * The snapshot, read from the file beside the database when it is the one `info` names (its size
   * and token): a source the index reads its arrays from, the largest a page at a time as lookups
   * need them (see dedup/snapshot.ts and dedup/paging.ts). Close it when the index is done.
   */
  data(info: SnapshotInfo): (SnapshotSource & { close(): void }) | undefined {
    if (this.file === null) return undefined;
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch {
      return undefined;
    }
    const close = () => fs.closeSync(fd);
    try {
      const token = Buffer.alloc(TOKEN_CHARS);
      if (fs.fstatSync(fd).size !== info.bytes || fs.readSync(fd, token, 0, TOKEN_CHARS, 0) !== TOKEN_CHARS) throw new Error();
      if (token.toString('latin1') !== info.token) throw new Error();
    } catch {
      close();
      return undefined;
    }
    const file = this.file;
    const read = (position: number, into: Uint8Array) => {
      // The index reads its pages from here during the whole ingest (dedup/paging.ts): a file
      // cut short or unreadable meanwhile is the user's to hear about, not a crash.
      try {
        for (let done = 0; done < into.length; ) {
          const n = fs.readSync(fd, into, done, into.length - done, TOKEN_CHARS + position + done);
          if (n === 0) throw new Error('it is shorter than when the ingest opened it');
          done += n;
        }
      } catch (err) {
        throw new UserError(
          `cannot read the dedup index ${file}: ${(err as Error).message}. The files stored before this stay; run the ingest again for the rest (delete ${file} to have it rebuilt)`,
        );
      }
    };
    return { size: info.bytes - TOKEN_CHARS, read, close };
  }

  /** Ids renamed or deleted after log entry `seq`, in the order it happened. */
  changesSince(seq: number): IdChange[] {
    return this.s.logSince.all(seq);
  }

  /** Papers written and ids changed since the snapshot: what loading it leaves to catch up. */
  staleness(info: SnapshotInfo): number {
    return this.s.changedSince.get(info.rev, info.logSeq)!;
  }

  /**
   * Inside a write transaction: replaces the snapshot with `parts` (the index at `rev`); the log
   * before it is dropped. False when the file cannot be written (a read-only folder, a full disk):
   * the ingest goes on without a snapshot.
   */
  write(rev: number, format: string, papers: number, parts: readonly Uint8Array[]): boolean {
    if (this.file === null) return false;
    const token = crypto.randomBytes(TOKEN_CHARS / 2).toString('hex');
    const aside = `${this.file}.${process.pid}.tmp`;
    let bytes = TOKEN_CHARS;
    try {
      const fd = fs.openSync(aside, 'w');
      try {
        fs.writeSync(fd, Buffer.from(token, 'latin1'));
        for (const p of parts) bytes += fs.writeSync(fd, p);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(aside, this.file);
    } catch {
      fs.rmSync(aside, { force: true });
      this.drop();
      return false;
    }
    const logSeq = this.s.lastSeq.get()!;
    this.s.write.run({ rev, logSeq, format, papers, token, bytes });
    this.s.prune.run(logSeq);
    return true;
  }

  /** Forgets the snapshot (and the log, only kept for it); the file, if any, is left to be replaced. */
  drop(): void {
    this.s.dropSnapshot.run();
    this.s.dropLog.run();
  }
}
