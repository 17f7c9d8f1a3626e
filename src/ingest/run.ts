/**
 * The ingest: read each file, split it, match its records against the papers known so far, and
 * store the file, its sightings and the papers they create or improve, whole: files commit in
 * write batches of several (./batch.ts), never a part of one.
 *
 * Files are independent units. A file that cannot be read or split is reported and skipped; the
 * others go on. A file whose content is unchanged (same sha256 at the same path) is skipped; a
 * changed file replaces its old sightings, and papers left with none disappear.
 */
import type { DigestRecord } from '../types.js';
import type { PreparedSighting } from '../dedup/index.js';
import { placeSighting } from '../dedup/merge.js';
import { sourceRank } from '../dedup/sources.js';
import { Store, type FileFacts, type PaperKey } from '../db/store.js';
import type { DB } from '../db/open.js';
import { defaultJobs, preparedFiles } from './prefetch.js';
import { WriteBatch, withBusyRetry } from './batch.js';
import type { PreparedDigest, PreparedFile } from './prepare.js';
import { FileWork, resolvedPath, type OpenFile } from './fileWork.js';
import { seenDatesOf } from './seenDates.js';
import { FileExtractions } from './reuse.js';
import { PaperIndex } from './paperIndex.js';
import { PaperSettler } from './settle.js';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_RECORD_CHARS, type IngestOptions } from './options.js';
import { emptySummary, type IngestSummary, type Progress } from './summary.js';
import { refreshExtractions } from './refresh.js';
import { BackgroundCheckpointer } from '../db/checkpoint.js';
import { BULK_BYTES, beginBulkLoad, endLoad, inputBytes, isBulk } from './bulk.js';
import { arrivesWithin, IDLE_COMMIT_MS, unlessStopped } from './waiting.js';
import { filesAt, missingFiles } from './fileLookup.js';

// What the commands and tests import from here.
export { emptySummary, type IngestSummary, type Progress } from './summary.js';
export { isBulk } from './bulk.js';
export type { IngestOptions } from './options.js';

export class Ingester {
  private readonly store: Store;
  /** The dedup index over the stored papers, and the meta.rev it has caught up with. */
  private readonly papers: PaperIndex;
  private readonly opts: IngestOptions & { maxFileBytes: number; maxRecordChars: number };
  /** The file being stored part by part (see PreparedDigest.part), between its first and last part. */
  private openFile: OpenFile | null = null;
  /** A file found already stored (by a concurrent ingest) on its first part: its other parts are skipped. */
  private skippingFile: string | null = null;
  /** Papers whose sightings went away, and ids that follow the canonical copy (./settle.ts). */
  private readonly settler: PaperSettler;
  /** During a large ingest: the thread that checkpoints the WAL after each commit. */
  private checkpointer: BackgroundCheckpointer | null = null;

  constructor(
    private readonly db: DB,
    opts: IngestOptions = {},
  ) {
    this.store = new Store(db);
    this.opts = {
      ...opts,
      maxFileBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      maxRecordChars: opts.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
    };
    this.papers = new PaperIndex(db, this.store, opts.threshold, opts.snapshotMinPapers);
    this.settler = new PaperSettler(this.store, this.papers);
  }

  async run(files: string[], summary = emptySummary()): Promise<IngestSummary> {
    refreshExtractions(this.db, this.store);
    const bytes = inputBytes(files);
    // (Counting 1M papers takes ~60 ms: not for an input too small to be a bulk load anyway.)
    const bulk = this.opts.bulk ?? (bytes >= BULK_BYTES && isBulk(bytes, this.store.paperCount()));
    if (bulk) beginBulkLoad(this.db, this.store);
    // A large input's pages are copied from the WAL into the database file by another thread, after
    // each commit and while the indexes are built at the end (see db/checkpoint.ts).
    this.checkpointer = bytes >= BULK_BYTES && !this.db.memory ? new BackgroundCheckpointer(this.db.name) : null;
    let failure: { error: unknown } | null = null;
    try {
      await this.storeAll(files, bytes, summary);
    } catch (error) {
      failure = { error };
    }
    let indexed: number | null = null;
    try {
      await endLoad(this.db, this.store, this.checkpointer, failure, () => this.papers.saveIfStale());
    } finally {
      summary.dedup = { ...this.papers.index.stats };
      // Caught up with the database, the index holds every stored paper (what the snapshot's
      // check relies on too): no count(*) of them (~50 ms at 1M papers, of a ~1.7 s day's ingest).
      if (this.papers.rev === this.store.currentRev()) indexed = this.papers.index.size;
      this.papers.close();
    }
    this.checkpointer = null;
    summary.papers = indexed ?? this.store.paperCount();
    return summary;
  }

  /** Prepares the files (in workers when it pays) and stores them in order, in write batches. */
  private async storeAll(files: string[], bytesIn: number, summary: IngestSummary): Promise<void> {
    // What each input path showed last time (by its resolved path, or as given for older rows).
    const stored = this.store.fileHashes();
    const known = new Map<string, string>();
    for (const f of files) {
      const sha = stored.get(resolvedPath(f)) ?? stored.get(f);
      if (sha !== undefined) known.set(f, sha);
    }
    const opts = { maxFileBytes: this.opts.maxFileBytes, maxRecordChars: this.opts.maxRecordChars };
    // A file at a new path will be stored, and storing needs the dedup index: when the database
    // keeps a snapshot of it, this thread starts on it first, while workers (if the input is
    // large enough for them) prepare the first files. For a day's few files no worker pays: the
    // snapshot is read page by page as lookups need it (0.2-0.4 s at 1M papers, not 1.25 s), and
    // starting a worker cost more than it saved (1.81-2.07 s against 1.85-2.20 s at 1M papers).
    const snapshotBytes = files.some((f) => !known.has(f)) ? this.papers.snapshotBytesToLoad() : 0;
    const jobs = this.opts.jobs ?? defaultJobs(bytesIn);
    let bytes = 0;
    let done = 0;
    const batch = new WriteBatch(
      this.db,
      this.opts.batchMs,
      () => this.store.syncFullText(),
      () => this.checkpointer?.nudge(),
    );
    const prepared = preparedFiles(files, known, opts, jobs);
    if (snapshotBytes > 0) withBusyRetry(() => this.db.transaction(() => this.papers.catchUp()).immediate());
    try {
      for (;;) {
        const next = prepared.next();
        // Do not hold the write lock while waiting for a file still being prepared (a file stored
        // in parts keeps it: the file commits whole). The pause also lets the event loop run
        // between parts: a Ctrl-C arrives as an event, and awaiting an already-settled promise
        // alone would never let it in.
        if (!(await arrivesWithin(next, IDLE_COMMIT_MS)) && !this.openFile) batch.commit();
        const value = await unlessStopped(next, this.opts.stopSignal);
        if (value === 'stopped' || this.opts.shouldStop?.()) {
          summary.interrupted = true;
          break;
        }
        if (value === null) break;
        batch.begin();
        this.storePrepared(value, summary); // a database error rolls the batch back and throws
        // The rest of an open file is to come, in the same transaction.
        if (!this.openFile) {
          batch.commitIfDue();
          bytes += value.size;
          done++;
        }
        // After each part too: the command limits the heap's growth from there (see limitHeapGrowthWhenLarge).
        this.opts.onProgress?.({ file: value.file, filesDone: done, filesTotal: files.length, records: summary.records, bytes });
      }
    } finally {
      // Also when preparing a later file failed: the batch holds whole files only.
      this.abandonOpenFile();
      batch.commit();
      await prepared.close(); // stops the workers, even one busy with a slow file
    }
  }

  /** Rolls back the parts stored so far of a file not stored to its end (the run stopped). */
  private abandonOpenFile(): void {
    if (!this.openFile) return;
    this.openFile = null;
    // The full-text work pending stays: it indexes the papers that exist at commit (those of the
    // whole files before this one), and the texts it re-indexes are back to what the index holds.
    if (this.db.inTransaction) this.db.exec('ROLLBACK TO file_parts; RELEASE file_parts');
    this.papers.reset();
  }

  /** Stores one prepared file in the open batch (or counts it as unchanged, or reports why it failed). */
  private storePrepared(prepared: PreparedFile, summary: IngestSummary): void {
    const { file } = prepared;
    if (prepared.kind === 'failed') {
      summary.errors.push({ file, message: prepared.message });
      return;
    }
    if (prepared.kind === 'unchanged') {
      summary.skipped++;
      return;
    }
    if (prepared.kind === 'skipped') {
      summary.skipped_files.push({ file, reason: prepared.reason });
      return;
    }
    if (prepared.part > 0 && this.skippingFile === file) return;
    for (const message of prepared.warnings) summary.warnings.push({ file, message });
    try {
      // A file in several parts is stored under a savepoint, so a run stopped between its parts
      // can drop the parts stored so far and commit the whole files before it.
      if (prepared.part === 0 && !prepared.last) this.db.exec('SAVEPOINT file_parts');
      const counts = this.storeFile(prepared);
      if (counts === null) {
        if (prepared.part === 0 && !prepared.last) this.db.exec('RELEASE file_parts');
        this.skippingFile = file;
        summary.skipped++; // another ingest stored the same content meanwhile
        return;
      }
      const open = this.openFile!;
      open.created += counts.created;
      if (!prepared.last) return;
      this.openFile = null;
      if (prepared.part > 0) this.db.exec('RELEASE file_parts');
      const records = prepared.fileRecords;
      summary.files++;
      summary.files_read.push({ file, format: prepared.format, records });
      summary.records += records;
      summary.new += open.created;
      summary.duplicates += records - open.created;
    } catch (err) {
      this.openFile = null;
      // The file may be half written: roll back the write batch it is part of (whose files are
      // then not stored either, and a rerun stores them). The in-memory index
      // may have learned papers that were never committed: start it afresh.
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.store.discardFullText();
      this.papers.reset();
      throw err;
    }
  }

  /**
   * Forgets stored files (at every path they were seen at): their sightings go, papers left with
   * none are deleted, the others re-derive their canonical copy. One transaction.
   */
  forgetFiles(fileIds: readonly number[]): { files: number; sightings: number; papers: number } {
    const out = { files: 0, sightings: 0, papers: 0 };
    if (fileIds.length === 0) return out;
    const tx = this.db.transaction(() => {
      this.papers.catchUp(); // renames need every id in the index (freshId)
      const rev = this.store.nextRev();
      const before = this.store.paperCount();
      const affected = new Set<string>();
      for (const id of new Set(fileIds)) {
        out.sightings += this.store.sightingsOfFile(id);
        for (const p of this.store.deleteFile(id)) affected.add(p);
        out.files++;
      }
      this.settler.settleAndReextract(affected, rev);
      this.store.syncFullText();
      out.papers = before - this.store.paperCount();
      this.papers.rev = rev;
    });
    try {
      withBusyRetry(() => tx.immediate());
    } finally {
      this.papers.close();
    }
    return out;
  }

  paperCount(): number {
    return this.store.paperCount();
  }

  /** Stored files none of whose paths exists any more (what `--prune` forgets: see ./fileLookup.ts). */
  missingFiles(): number[] {
    return missingFiles(this.store);
  }

  /** The stored files a path names (see ./fileLookup.ts). */
  filesAt(file: string): number[] {
    return filesAt(this.store, file);
  }

  /**
   * Everything one file changes, inside the open write batch's transaction (see ./batch.ts),
   * which is IMMEDIATE: it took the write lock up front, so the index catch-up and the writes see
   * one consistent database. There is no savepoint per file: one journals the original of every
   * page the file touches, which cost ~11% of the ingest's time. On an error the caller rolls the
   * batch back.
   *
   * Records are first placed in memory (matched, canonical copies merged); the writes follow in
   * bulk: new papers are inserted once with their final text, existing papers are updated once,
   * extractions are written once per paper. The full-text index follows at commit
   * (Store.syncFullText).
   */
  private storeFile(prepared: PreparedDigest): { created: number } | null {
    const { records } = prepared;
    const facts: FileFacts = {
      path: prepared.file,
      sha256: prepared.sha256,
      size: prepared.size,
      format: prepared.format,
      encoding: prepared.encoding,
      digestDate: prepared.digestDate,
      records: prepared.fileRecords,
    };
    if (prepared.part === 0) {
      // A file is its content: at a path known with this content, or a content known at another
      // path (moved, renamed, copied, reached through a symlink), nothing is stored again, only the
      // path remembered. Checked under the write lock: a concurrent ingest may have stored it.
      const real = resolvedPath(prepared.file);
      const previous = this.store.fileAtPath(real, prepared.file);
      const same = this.store.fileBySha(facts.sha256);
      if (same && previous?.id === same.id) {
        this.store.addPath(same.id, real);
        return null;
      }
      this.papers.catchUp();
      // The path showed other content before: that content is gone from it.
      const affected = previous === undefined ? [] : this.store.detachPaths(previous.id, [real, prepared.file]);
      // Papers the old content alone held go now, not after placing the new content: ids come from
      // the canonical copy, so a paper the new content makes again takes back its id rather than
      // clashing with its own ghost (`id-2`).
      for (const id of affected) {
        if (this.store.sightingCount(id) > 0) continue;
        this.store.deletePaper(id);
        this.papers.index.remove(id);
      }
      if (same) {
        this.store.addPath(same.id, real);
        const rev = this.store.nextRev();
        this.settler.settleAndReextract(affected, rev);
        this.papers.rev = rev;
        return null;
      }
      this.openFile = { fileId: this.store.insertFile(facts, real), affected, touched: new Set(), created: 0 };
    }
    const open = this.openFile!;
    const { fileId } = open;
    const rev = this.store.nextRev();
    // The papers a file replaced are checked once all its parts are stored.
    const affected = prepared.last ? open.affected : [];
    const work = new FileWork();
    const rank = sourceRank(prepared.format);
    const placed = records.map((rec, i) => this.placeRecord(rec, i, work, prepared.contentIds[i]!, prepared.dedup[i]!, rank));
    this.settler.renameRetargeted(work);

    const paperIds = placed.map((pl) => work.idNow(pl.paperId));
    // Each paper's dates in this file: its records' own part dates (pasted digests), else the file's.
    const seen = seenDatesOf(records, paperIds, facts.digestDate);
    const created = [...work.created.values()];
    this.store.insertPapers(created, rev, seen).forEach((rid, i) => work.rids.set(created[i]!.id, rid));
    const key = (id: string): PaperKey => ({ id, rid: work.rids.get(id) ?? this.store.ridOf(id) });
    for (const p of work.updated.values()) this.store.updatePaper(p, rev, work.retexted.has(p.id), seen(p.id));
    placed.forEach((pl, i) => this.store.insertSighting(key(paperIds[i]!), fileId, records[i]!, pl.rule, pl.score));
    for (const id of work.touched) open.touched.add(id);
    for (const id of this.settler.settle(affected, open.touched, rev)) work.reextract.add(id);
    // Extractions are redone where a paper's text or site fields changed, from the file's
    // records' own extractions where one fits (see ./reuse.ts).
    const extractions = new FileExtractions(records, prepared.extractions, paperIds);
    for (const p of created) {
      // A paper this file created from one record, unchanged since, has that record's extraction.
      const from = work.createdBy.get(p.id)!;
      const x = work.reextract.has(p.id)
        ? extractions.of(p.id, p.title, p.abstract, work.siteRepos.get(p.id), work.siteLinks.get(p.id))
        : prepared.extractions[from]!;
      this.store.writeExtraction(key(p.id), x, false, seen(p.id).first);
    }
    for (const id of work.reextract) {
      if (work.created.has(id)) continue;
      const p = work.updated.get(id) ?? this.store.paper(id)!;
      const site = this.store.siteFields(id);
      this.store.writeExtraction(key(id), extractions.of(id, p.title, p.abstract, site.repos, site.links), true, seen(id).first);
    }
    for (const id of work.touched) {
      if (!work.created.has(id) && !work.updated.has(id)) this.store.markSeen(id, seen(id), rev);
    }
    this.papers.rev = rev;
    return { created: created.length };
  }

  /** Places a record (placeSighting) and notes in `work` what its placement changes. */
  private placeRecord(
    rec: DigestRecord,
    index: number,
    work: FileWork,
    contentId: string,
    keys: PreparedSighting,
    rank: number,
  ): { paperId: string; rule: string; score: number } {
    const placed = placeSighting(
      this.papers.index,
      { ...rec, rank },
      {
        canonicalOf: (id) => work.current(id) ?? work.stored(this.store.paper(id)),
        newId: () => this.settler.freshId(rec.arxivId ?? contentId, work),
        prepared: keys,
      },
    );
    const id = placed.paperId;
    const { before, after } = placed;
    if (before === undefined) {
      work.created.set(id, after!);
      work.createdBy.set(id, index);
    } else {
      if (after) {
        if (work.created.has(id)) work.created.set(id, after);
        else work.updated.set(id, after);
        // Ids follow the canonical copy, not the first sighting (see PaperSettler.renameRetargeted).
        if (after.arxiv_id !== before.arxiv_id) work.retarget.set(id, after.arxiv_id!);
        else if (after.arxiv_id === null && after.title !== before.title) work.retarget.set(id, contentId);
        if (after.title !== before.title || after.abstract !== before.abstract) {
          work.reextract.add(id);
          work.retexted.add(id);
        }
      }
      if (rec.siteRepos.length > 0 || rec.siteLinks.length > 0) work.reextract.add(id);
    }
    work.addSite(id, rec);
    work.touch(id);
    return { paperId: id, rule: placed.rule, score: placed.score };
  }
}
