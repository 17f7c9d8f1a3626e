/**
 * The ingest: read each file, split it, match its records against the papers known so far, and
 * store the file, its sightings and the papers they create or improve, whole: files commit in
 * write batches of several (./batch.ts), never a part of one.
 *
 * Files are independent units. A file that cannot be read or split is reported and skipped; the
 * others go on. A file whose content is unchanged (same sha256 at the same path) is skipped; a
 * changed file replaces its old sightings, and papers left with none disappear.
 */
import fs from 'node:fs';
import type { DigestRecord } from '../types.js';
import { DedupIndex, preferAbstract, preferTitle, preparedTitleFacts, type PreparedSighting } from '../dedup/index.js';
import { extractAll } from '../extract/index.js';
import { Store, type FileFacts, type PaperKey, type StoredPaper } from '../db/store.js';
import type { DB } from '../db/open.js';
import { defaultJobs, preparedFiles } from './pipeline.js';
import { WriteBatch, withBusyRetry } from './batch.js';
import type { PreparedDigest, PreparedFile } from './prepare.js';
import type { ProgressState } from '../output/progress.js';

export interface IngestOptions {
  /** Title similarity threshold for fuzzy matches (see DedupOptions). */
  threshold?: number;
  /** Files larger than this are skipped with a message (bytes). */
  maxFileBytes?: number;
  /** Records whose title or abstract is longer than this are dropped with a warning (characters). */
  maxRecordChars?: number;
  /** Called after each file, for progress bars. */
  onProgress?: (p: Progress) => void;
  /** Worker threads preparing files; default: by input size and cores (see defaultJobs). */
  jobs?: number;
  /** Checked between files: true stops the run after the current file (Ctrl-C). */
  shouldStop?: () => boolean;
  /**
   * Aborted on Ctrl-C: the run stops at once, even while a worker is still reading a slow file.
   * The files stored whole are committed; a large file stored in part is rolled back.
   */
  stopSignal?: AbortSignal;
  /** How long a write batch stays open (default BATCH_MS, see ./batch.ts); 0 commits after every file. */
  batchMs?: number;
  /** Build the query-only indexes once at the end (see QUERY_INDEXES); default: isBulk. */
  bulk?: boolean;
}

/** What the progress bar shows, after each file. */
export interface Progress extends ProgressState {
  file: string;
}

/** The summary `papers ingest --json` prints; keys are part of the CLI contract. */
export interface IngestSummary {
  files: number;
  skipped: number;
  records: number;
  papers: number;
  new: number;
  duplicates: number;
  errors: { file: string; message: string }[];
  warnings: { file: string; message: string }[];
  interrupted: boolean;
  dedup: { lookups: number; candidates: number };
  /** Every file read and stored, with its form and record count. */
  files_read: { file: string; format: string; records: number }[];
  /** Files not read because they are not digests (by their name), with the reason. */
  skipped_files: { file: string; reason: string }[];
}

/**
 * The version of the extractors' output. Bump it when an extractor changes what it finds: the next
 * ingest then re-extracts every stored paper.
 */
export const EXTRACT_VERSION = '2'; // 2: a site field linking a promised repository makes it available (issue 17)

export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;
export const DEFAULT_MAX_RECORD_CHARS = 100_000;

export class Ingester {
  private readonly store: Store;
  private index: DedupIndex;
  /** The database's meta.rev that the in-memory index has caught up with. */
  private indexRev = -1;
  private readonly opts: IngestOptions & { maxFileBytes: number; maxRecordChars: number };
  /** The file being stored part by part (see PreparedDigest.part), between its first and last part. */
  private openFile: OpenFile | null = null;
  /** A file found already stored (by a concurrent ingest) on its first part: its other parts are skipped. */
  private skippingFile: string | null = null;

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
    this.index = new DedupIndex({ threshold: opts.threshold });
  }

  async run(files: string[], summary = emptySummary()): Promise<IngestSummary> {
    this.refreshExtractions();
    const bytes = inputBytes(files);
    const bulk = this.opts.bulk ?? isBulk(bytes, this.store.paperCount());
    if (bulk) withBusyRetry(() => this.db.transaction(() => this.store.dropQueryIndexes()).immediate());
    let failed = false;
    try {
      await this.storeAll(files, bytes, summary);
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      try {
        withBusyRetry(() => this.db.transaction(() => this.store.createQueryIndexes()).immediate());
      } catch (err) {
        // biome-ignore lint/correctness/noUnsafeFinally: an index error matters only when the ingest itself succeeded
        if (!failed) throw err; // else the first error is the one to report
      }
    }
    summary.papers = this.store.paperCount();
    summary.dedup = { ...this.index.stats };
    return summary;
  }

  /** Prepares the files (in workers when it pays) and stores them in order, in write batches. */
  private async storeAll(files: string[], bytesIn: number, summary: IngestSummary): Promise<void> {
    const known = this.store.fileHashes();
    const opts = { maxFileBytes: this.opts.maxFileBytes, maxRecordChars: this.opts.maxRecordChars };
    const jobs = this.opts.jobs ?? defaultJobs(bytesIn);
    let bytes = 0;
    let done = 0;
    const batch = new WriteBatch(this.db, this.opts.batchMs, () => this.store.syncFullText());
    const prepared = preparedFiles(files, known, opts, jobs);
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
    this.resetIndex();
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
      this.resetIndex();
      throw err;
    }
  }

  /**
   * Extraction is code that improves: when the stored extractions were made by another version of
   * it (or before the extraction tables existed), redo them for every paper, a page per
   * transaction so a kill loses at most one page of work and the next run resumes.
   */
  private refreshExtractions(): void {
    if (this.store.meta('extract_version') === EXTRACT_VERSION) return;
    const PAGE = 2000;
    let after = Number(this.store.meta('extract_resume') ?? 0);
    for (;;) {
      const page = this.store.paperPage(after, PAGE);
      const tx = this.db.transaction(() => {
        for (const p of page) {
          const site = this.store.siteFields(p.id);
          this.store.writeExtraction(p, extractAll(p.title, p.abstract, site.repos, site.links), true);
        }
        after = page.length ? page[page.length - 1]!.rid : after;
        if (page.length < PAGE) {
          this.store.setMeta('extract_version', EXTRACT_VERSION);
          this.store.setMeta('extract_resume', '0');
        } else {
          this.store.setMeta('extract_resume', String(after));
        }
      });
      withBusyRetry(() => tx.immediate());
      if (page.length < PAGE) return;
    }
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
      // Checked again under the write lock: a concurrent ingest may have stored this file.
      const previous = this.store.fileByPath(facts.path);
      if (previous?.sha256 === facts.sha256) return null;
      const previousId = previous?.id;
      this.catchUpIndex();
      const affected = previousId === undefined ? [] : this.store.deleteFile(previousId);
      this.openFile = { fileId: this.store.insertFile(facts), affected, touched: new Set(), created: 0 };
    }
    const open = this.openFile!;
    const { fileId } = open;
    const rev = this.store.nextRev();
    // The papers a file replaced are checked once all its parts are stored.
    const affected = prepared.last ? open.affected : [];
    const work = new FileWork();
    const placed = records.map((rec, i) => this.placeRecord(rec, i, work, prepared.contentIds[i]!, prepared.dedup[i]!));

    const created = [...work.created.values()];
    this.store.insertPapers(created, rev, facts.digestDate).forEach((rid, i) => work.rids.set(created[i]!.id, rid));
    const key = (id: string): PaperKey => ({ id, rid: work.rids.get(id) ?? this.store.ridOf(id) });
    for (const p of work.updated.values()) this.store.updatePaper(p, rev, work.retexted.has(p.id), facts.digestDate);
    placed.forEach((pl, i) => this.store.insertSighting(key(pl.paperId), fileId, records[i]!, pl.rule, pl.score));

    for (const id of work.touched) open.touched.add(id);
    for (const id of affected) {
      if (open.touched.has(id)) continue;
      if (this.store.sightingCount(id) === 0) {
        this.store.deletePaper(id);
        this.index.remove(id);
      } else {
        // Its canonical copy may have come from the replaced file: rebuild it from what is left.
        this.rebuildCanonical(id, rev);
        work.reextract.add(id);
        this.store.touchSeen(id, rev);
      }
    }
    for (const p of created) {
      // A paper this file created from one record, unchanged since, has that record's extraction.
      const from = work.createdBy.get(p.id)!;
      const x = work.reextract.has(p.id)
        ? extractAll(p.title, p.abstract, work.siteRepos.get(p.id), work.siteLinks.get(p.id))
        : prepared.extractions[from]!;
      this.store.writeExtraction(key(p.id), x, false);
    }
    for (const id of work.reextract) {
      if (work.created.has(id)) continue;
      const p = work.updated.get(id) ?? this.store.paper(id)!;
      const site = this.store.siteFields(id);
      this.store.writeExtraction(key(id), extractAll(p.title, p.abstract, site.repos, site.links), true);
    }
    for (const id of work.touched) {
      if (!work.created.has(id) && !work.updated.has(id)) this.store.markSeen(id, facts.digestDate, rev);
    }
    this.indexRev = rev;
    return { created: created.length };
  }

  /** Finds the paper a record belongs to (creating it if none), merging its canonical copy in memory. */
  private placeRecord(
    rec: DigestRecord,
    index: number,
    work: FileWork,
    contentId: string,
    keys: PreparedSighting,
  ): { paperId: string; rule: string; score: number } {
    for (;;) {
      const m = this.index.match(keys);
      if (!m) break;
      const current = work.current(m.paperId) ?? work.stored(this.store.paper(m.paperId));
      if (!current) {
        // Deleted by another process since we indexed it.
        this.index.remove(m.paperId);
        continue;
      }
      const currentFacts = this.index.titleFacts(m.paperId);
      const facts = currentFacts ? { current: currentFacts, incoming: preparedTitleFacts(keys) } : undefined;
      const merged = mergeCanonical(current, rec, facts);
      if (merged) {
        if (work.created.has(m.paperId)) work.created.set(m.paperId, merged);
        else work.updated.set(m.paperId, merged);
        // The index takes the fields the canonical copy took from this record, from its keys.
        this.index.upgrade(m.paperId, keys, {
          title: merged.title !== current.title,
          abstract: merged.abstract !== current.abstract,
          arxivId: merged.arxiv_id !== current.arxiv_id,
        });
        if (merged.title !== current.title || merged.abstract !== current.abstract) {
          work.reextract.add(m.paperId);
          work.retexted.add(m.paperId);
        }
      }
      if (rec.siteRepos.length > 0 || rec.siteLinks.length > 0) work.reextract.add(m.paperId);
      work.addSite(m.paperId, rec);
      work.touch(m.paperId);
      return { paperId: m.paperId, rule: m.rule, score: m.score };
    }
    const id = this.freshId(rec.arxivId ?? contentId, work);
    work.created.set(id, {
      id,
      arxiv_id: rec.arxivId,
      title: rec.title,
      abstract: rec.abstract,
      authors: JSON.stringify(rec.authors),
      upvotes: rec.upvotes,
      published_at: rec.publishedAt,
    });
    this.index.put({ id, arxivId: rec.arxivId, title: rec.title, abstract: rec.abstract }, keys);
    work.createdBy.set(id, index);
    work.addSite(id, rec);
    work.touch(id);
    return { paperId: id, rule: 'new', score: 1 };
  }

  /** Re-derives a paper's canonical copy from its remaining sightings (after a file was replaced). */
  private rebuildCanonical(id: string, rev: number): void {
    const current = this.store.paper(id)!;
    const sightings = this.store.sightingTexts(id);
    let best: Omit<StoredPaper, 'rid'> = { ...current, title: sightings[0]!.title, abstract: sightings[0]!.abstract };
    for (const s of sightings.slice(1)) {
      if (preferTitle(best.title, s.title) === 'incoming') best = { ...best, title: s.title };
      if (preferAbstract(best.abstract, s.abstract) === 'incoming') best = { ...best, abstract: s.abstract };
    }
    this.store.updatePaper(best, rev, true, null);
    this.index.put({ id, arxivId: best.arxiv_id, title: best.title, abstract: best.abstract });
  }

  /**
   * The arXiv id when known, else a hash of the title; a clash (rare) gets a numeric suffix. The
   * index holds every stored paper (catchUpIndex), so no database lookup is needed: at 1M papers
   * one per new paper cost 8 s, each a random read of the id index.
   */
  private freshId(base: string, work: FileWork): string {
    let id = base;
    for (let n = 2; work.created.has(id) || this.index.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /** Teaches the index the papers written since it last looked (by us or a concurrent ingest). */
  private catchUpIndex(): void {
    const rev = this.store.currentRev();
    if (rev === this.indexRev) return;
    for (const p of this.store.papersSince(this.indexRev)) {
      this.index.put({ id: p.id, arxivId: p.arxiv_id, title: p.title, abstract: p.abstract });
    }
    this.indexRev = rev;
  }

  private resetIndex(): void {
    this.index = new DedupIndex({ threshold: this.opts.threshold });
    this.indexRev = -1;
  }
}

/**
 * The canonical record after a new sighting: each field takes the more complete copy. Returns
 * null when nothing changes (the common case, and a write saved).
 */
export function mergeCanonical(
  current: Omit<StoredPaper, 'rid'>,
  rec: DigestRecord,
  facts?: Parameters<typeof preferTitle>[2],
): Omit<StoredPaper, 'rid'> | null {
  const title = preferTitle(current.title, rec.title, facts) === 'incoming' ? rec.title : current.title;
  const abstract = preferAbstract(current.abstract, rec.abstract) === 'incoming' ? rec.abstract : current.abstract;
  const arxiv_id = current.arxiv_id ?? rec.arxivId;
  const authors = current.authors === '[]' && rec.authors.length > 0 ? JSON.stringify(rec.authors) : current.authors;
  const upvotes =
    rec.upvotes !== null && (current.upvotes === null || rec.upvotes > current.upvotes) ? rec.upvotes : current.upvotes;
  const published_at = current.published_at ?? rec.publishedAt;
  const next = { id: current.id, arxiv_id, title, abstract, authors, upvotes, published_at };
  const same =
    title === current.title &&
    abstract === current.abstract &&
    arxiv_id === current.arxiv_id &&
    authors === current.authors &&
    upvotes === current.upvotes &&
    published_at === current.published_at;
  return same ? null : next;
}

/** A file whose parts are being stored: what its first part set up, and what its parts touched. */
interface OpenFile {
  fileId: number;
  /** The papers the file's previous version was sighted in. */
  affected: string[];
  touched: Set<string>;
  created: number;
}

/** What one part of a file's transaction has placed so far, before it is written. */
class FileWork {
  /** Papers this file creates, with their canonical copy as merged so far. */
  readonly created = new Map<string, Omit<StoredPaper, 'rid'>>();
  /** The record that created each new paper. */
  readonly createdBy = new Map<string, number>();
  /** Existing papers whose canonical copy this file improves. */
  readonly updated = new Map<string, Omit<StoredPaper, 'rid'>>();
  /** Existing papers whose stored title or abstract this file changes. */
  readonly retexted = new Set<string>();
  /** Papers whose extractions must be redone (text changed, or more site fields). */
  readonly reextract = new Set<string>();
  /** Every paper this file sights. */
  readonly touched = new Set<string>();
  readonly siteRepos = new Map<string, string[]>();
  readonly siteLinks = new Map<string, string[]>();

  /** The rid of each paper this file writes rows for, once known (read, or inserted). */
  readonly rids = new Map<string, number>();

  current(id: string): Omit<StoredPaper, 'rid'> | undefined {
    return this.created.get(id) ?? this.updated.get(id);
  }

  /** Notes the rid of a paper read from the database, and passes it on. */
  stored(p: StoredPaper | undefined): StoredPaper | undefined {
    if (p) this.rids.set(p.id, p.rid);
    return p;
  }

  touch(id: string): void {
    this.touched.add(id);
  }

  addSite(id: string, rec: DigestRecord): void {
    if (rec.siteRepos.length) this.siteRepos.set(id, [...(this.siteRepos.get(id) ?? []), ...rec.siteRepos]);
    if (rec.siteLinks.length) this.siteLinks.set(id, [...(this.siteLinks.get(id) ?? []), ...rec.siteLinks]);
  }
}

export function emptySummary(): IngestSummary {
  return {
    files: 0,
    skipped: 0,
    records: 0,
    papers: 0,
    new: 0,
    duplicates: 0,
    errors: [],
    warnings: [],
    interrupted: false,
    dedup: { lookups: 0, candidates: 0 },
    files_read: [],
    skipped_files: [],
  };
}

/** Input at least this large, and larger than the database holds (at ~1 KB a paper), is a bulk load. */
const BULK_BYTES = 32 * 1024 * 1024;
const BYTES_PER_PAPER = 1024;

/** Whether an ingest adds much more than the database holds: then it builds the query indexes at its end. */
export function isBulk(bytesIn: number, storedPapers: number): boolean {
  return bytesIn >= BULK_BYTES && storedPapers * BYTES_PER_PAPER < bytesIn;
}

/** The total size of the files (unreadable ones count as 0: their read reports them). */
function inputBytes(files: string[]): number {
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
 * How long the ingest waits for its next file before committing the batch meanwhile, rather than
 * holding the write lock idle. Not zero: a worker's result that arrived while the main thread was
 * busy is delivered only when the event loop next polls, after a setImmediate. (Waiting up to a
 * whole batch, with a deeper worker queue, made fewer and larger commits but measured slower at
 * 1M papers: 136 s against 126 s.)
 */
const IDLE_COMMIT_MS = 20;

/** True when `p` settles within `ms`. */
async function arrivesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      p.then(
        () => true as const,
        () => true as const,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `p`, or 'stopped' as soon as `signal` aborts. Not a Promise.race with one long-lived "stopped"
 * promise: each race leaves a reaction on it that holds the race's result, and that kept every
 * part of a large file alive (2.5 KB a record).
 */
function unlessStopped<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T | 'stopped'> {
  if (!signal) return p;
  if (signal.aborted) return Promise.resolve('stopped');
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve('stopped');
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
