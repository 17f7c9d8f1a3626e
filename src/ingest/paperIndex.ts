/**
 * The ingest's dedup index over the stored papers, kept in step with the database: it learns the
 * papers written since it last looked (by this ingest or another process), by meta.rev.
 *
 * It starts from the snapshot the database keeps (db/dedupSnapshot.ts) when there is one of this
 * format: the ids renamed or deleted since the snapshot (dedup_log) are applied to it, then the
 * papers written since are put as before. Without one, every stored paper is prepared again (the
 * text work a worker does for a record), which took 1.7 s at 100k papers and 29 s at 1M before a
 * day's digests could be matched. After an ingest the snapshot is rewritten when enough changed
 * since it was taken (saveIfStale).
 */
import { DedupIndex } from '../dedup/index.js';
import { SNAPSHOT_FORMAT } from '../dedup/snapshot.js';
import { DedupSnapshots } from '../db/dedupSnapshot.js';
import type { DB } from '../db/open.js';
import type { Store } from '../db/store.js';
import { TOOL_VERSION } from '../version.js';

/** Below this many papers, preparing them all again is quick (~0.2 s): no snapshot is kept. */
export const SNAPSHOT_MIN_PAPERS = 10_000;
/**
 * The snapshot is rewritten when more than this share of the papers changed since it was taken
 * (at least SNAPSHOT_MIN_STALE): catching up that many costs about as much as reading it, while
 * rewriting it after every small ingest would cost more than the ingest (~250 MB at 1M papers).
 */
export const SNAPSHOT_STALE_SHARE = 0.02;
const SNAPSHOT_MIN_STALE = 1000;

/**
 * Snapshots of another format or tool version are ignored: the prepared keys depend on the
 * normaliser, which a new version may change.
 */
const FORMAT = `${SNAPSHOT_FORMAT}/${TOOL_VERSION}`;

export class PaperIndex {
  index: DedupIndex;
  /** The database's meta.rev the index has caught up with (-1: nothing yet). */
  rev = -1;
  private readonly snapshots: DedupSnapshots;
  /** The snapshot file the index reads its pages from as lookups need them (see dedup/paging.ts). */
  private source: { close(): void } | null = null;

  constructor(
    db: DB,
    private readonly store: Store,
    private readonly threshold?: number,
    private readonly minPapers = SNAPSHOT_MIN_PAPERS,
  ) {
    this.snapshots = new DedupSnapshots(db);
    this.index = new DedupIndex({ threshold });
  }

  /**
   * Teaches the index the papers written since it last looked; the first time, from the snapshot.
   * Call it inside a write transaction (it may drop a snapshot it cannot trust).
   */
  catchUp(): void {
    const rev = this.store.currentRev();
    if (rev === this.rev) return;
    const fromSnapshot = this.rev < 0 && this.loadSnapshot();
    for (const p of this.store.papersSince(this.rev)) {
      this.index.put({ id: p.id, arxivId: p.arxiv_id, title: p.title, abstract: p.abstract });
    }
    this.rev = rev;
    // A snapshot that does not add up to the papers stored (written by a faulty version, or the
    // papers changed by a tool that keeps no log) is not trusted: rebuilt from the papers.
    if (fromSnapshot && this.index.size !== this.store.paperCount()) {
      this.reset();
      this.snapshots.drop();
      this.catchUp();
    }
  }

  /** The size of the snapshot the first catchUp will load (0: none to load). */
  snapshotBytesToLoad(): number {
    if (this.rev >= 0) return 0;
    const info = this.snapshots.info();
    return info?.format === FORMAT ? info.bytes : 0;
  }

  /** Starts afresh (the papers the index learned may not have been committed). */
  reset(): void {
    this.source?.close();
    this.source = null;
    this.index = new DedupIndex({ threshold: this.threshold });
    this.rev = -1;
  }

  /**
   * Closes the snapshot file the index reads its pages from; an index that read from it starts
   * afresh (its pages not read yet are gone with the file).
   */
  close(): void {
    if (this.source !== null) this.reset();
  }

  /**
   * Inside a write transaction, after an ingest: rewrites the snapshot when the index is caught up
   * with the database and the snapshot is missing, of another format or stale. Returns whether it
   * wrote one.
   */
  saveIfStale(): boolean {
    if (this.rev !== this.store.currentRev()) return false; // another process wrote meanwhile: the next run
    const size = this.index.size;
    const info = this.snapshots.info();
    if (size < this.minPapers) {
      if (info !== undefined) this.snapshots.drop(); // forgotten down to a small database
      return false;
    }
    if (info?.format === FORMAT && this.snapshots.staleness(info) <= Math.max(SNAPSHOT_MIN_STALE, size * SNAPSHOT_STALE_SHARE)) {
      return false;
    }
    return this.snapshots.write(this.rev, FORMAT, size, this.index.snapshot());
  }

  /** Starts the index from the database's snapshot; false when there is none to use. */
  private loadSnapshot(): boolean {
    const info = this.snapshots.info();
    if (info?.format !== FORMAT) return false;
    let index: DedupIndex;
    const source = this.snapshots.data(info);
    try {
      if (source === undefined) throw new Error('no snapshot file');
      // Paged: a day's few records read a few MB of a 1M-paper snapshot's 270 (1.25 s whole).
      index = DedupIndex.fromSnapshot(source, { threshold: this.threshold }, { paged: true });
    } catch {
      // Missing, replaced or damaged: rebuilt from the papers, and written again after this ingest.
      source?.close();
      this.snapshots.drop();
      return false;
    }
    this.source = source;
    for (const c of this.snapshots.changesSince(info.logSeq)) {
      if (c.newId === null) index.remove(c.oldId);
      else index.rename(c.oldId, c.newId);
    }
    this.index = index;
    this.rev = info.rev;
    return true;
  }
}
