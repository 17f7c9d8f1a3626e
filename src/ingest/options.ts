/** What a caller can ask of an ingest (see Ingester), and the defaults. */
import type { Progress } from './summary.js';

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
  /** Keep a dedup snapshot from this many papers on (default SNAPSHOT_MIN_PAPERS; see ./paperIndex.ts). */
  snapshotMinPapers?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;
export const DEFAULT_MAX_RECORD_CHARS = 100_000;
