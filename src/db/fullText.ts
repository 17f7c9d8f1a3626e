/**
 * The full-text index's share of a write transaction (the ingest's Store, ./store.ts): which
 * papers it wrote and whose text changed, indexed just before COMMIT; or, in a bulk load, left
 * for one rebuild at its end.
 */
import type { DB } from './open.js';
import { fullTextBehind, setFullTextBehind } from './runs.js';

/** A paper's title and abstract. */
export interface PaperText {
  title: string;
  abstract: string;
}

/** Full-text work a transaction has left for sync. */
interface Pending {
  /** The largest rid before the transaction's first insert: papers above it are not indexed yet. */
  fromRid: number;
  /** Older papers whose title or abstract changed, with the text the index still holds. */
  stale: Map<number, PaperText>;
  /**
   * The title and abstract this transaction wrote to papers, by rid: what a sighting's text and a
   * claim's sentence are compared with, without reading them back (a lookup per row cost ~3 us,
   * 0.3 s per 100k papers).
   */
  written: Map<number, PaperText>;
}

export class FullTextQueue {
  private pending: Pending | null = null;
  private deferred = false;
  private readonly s;

  constructor(private readonly db: DB) {
    this.s = {
      maxRid: db.prepare<[], number>('SELECT coalesce(max(rid), 0) FROM papers').pluck(),
      indexSince: db.prepare<[number]>(
        'INSERT INTO papers_fts (rowid, title, abstract) SELECT rid, title, abstract FROM papers WHERE rid > ? ORDER BY rid',
      ),
      indexOne: db.prepare<[number]>(
        'INSERT INTO papers_fts (rowid, title, abstract) SELECT rid, title, abstract FROM papers WHERE rid = ?',
      ),
      unindex: db.prepare<[number, string, string]>(
        "INSERT INTO papers_fts (papers_fts, rowid, title, abstract) VALUES ('delete', ?, ?, ?)",
      ),
    };
  }

  /** Called before a transaction's paper inserts: the papers above today's largest rid are its own. */
  begin(): void {
    this.work();
  }

  /** A paper this transaction inserted, with its text. */
  inserted(rid: number, text: PaperText): void {
    this.work().written.set(rid, text);
  }

  /** A paper whose text this transaction changed from `was` (as the index holds it) to `now`. */
  changed(rid: number, was: PaperText, now: PaperText): void {
    const w = this.work();
    // Remember the text as indexed (the first one, if it changes twice).
    if (rid <= w.fromRid && !w.stale.has(rid)) w.stale.set(rid, was);
    w.written.set(rid, now);
  }

  /** The text this transaction wrote for paper `rid`, if it wrote one. */
  written(rid: number): PaperText | undefined {
    return this.pending?.written.get(rid);
  }

  /**
   * Brings the full-text index up to date with this transaction's writes; call it just before
   * COMMIT (and discard after a ROLLBACK). FTS5 gathers a transaction's terms in memory only while
   * the rowids it writes increase: re-indexing an older paper after new ones flushed them to a new
   * segment every time (2.5k title/abstract changes cost 2.2 s of 15 at 100k papers, with the
   * merges that followed). So the papers whose text changed are re-indexed first, in rid order,
   * then every new paper in one statement.
   */
  sync(): void {
    const w = this.pending;
    if (w === null) return;
    this.pending = null;
    if (this.deferred) {
      // Committed with this batch: whatever stops the load, the index is known to be behind.
      setFullTextBehind(this.db, true);
      return;
    }
    for (const rid of [...w.stale.keys()].sort((a, b) => a - b)) {
      const was = w.stale.get(rid)!;
      this.s.unindex.run(rid, was.title, was.abstract);
      this.s.indexOne.run(rid);
    }
    this.s.indexSince.run(w.fromRid);
  }

  /**
   * For a bulk load: the index is left behind until finish rebuilds it whole (measured at 100k
   * papers: 1.0 s less CPU of 23, and less written, than indexing each batch).
   */
  defer(): void {
    this.deferred = true;
  }

  /**
   * Inside a write transaction: rebuilds the index when a deferred load (this one, or one killed
   * before its end) left it behind. True when it did.
   */
  finish(): boolean {
    this.deferred = false;
    if (!fullTextBehind(this.db)) return false;
    this.db.exec("INSERT INTO papers_fts (papers_fts) VALUES ('rebuild')");
    setFullTextBehind(this.db, false);
    return true;
  }

  /** Forgets the pending work of a transaction that rolled back. */
  discard(): void {
    this.pending = null;
  }

  /** The work of the current transaction, started at its first paper write. */
  private work(): Pending {
    // Under the write lock nobody else adds papers: those above today's largest rid are ours.
    this.pending ??= { fromRid: this.s.maxRid.get()!, stale: new Map(), written: new Map() };
    return this.pending;
  }
}
