/**
 * The WAL folded into the database file by another thread, during a large ingest.
 *
 * Every page an ingest writes goes to the WAL first; a checkpoint copies it into the database file
 * and syncs that. Run by the ingest's own connection (SQLite's autocheckpoint, and the last one in
 * finishIngest), this copying took the main thread, the ingest's bottleneck, ~1 s per 100k papers
 * at the end of a bulk load while the other core idled, and at 1M papers it made each commit that
 * crossed the 1 GiB autocheckpoint mark copy a GiB. SQLite lets a PASSIVE checkpoint on another
 * connection run beside a writer: this thread's connection copies what each commit wrote while the
 * main thread goes on, so the ingest's own checkpoints find little left to copy.
 *
 * Only an optimisation: a background checkpoint that fails or finds the database busy leaves the
 * work to the ingest's own, so its outcome is waited for, never reported.
 */
import { Worker } from 'node:worker_threads';
import type { CheckpointReply, CheckpointRequest } from './checkpointWorker.js';

/**
 * At most one checkpoint a second: each ends with an fsync of the database file, and an ingest of
 * many small files commits whenever it waits for one (the mixed-form bench corpus: thousands of
 * commits), which made as many checkpoints, each syncing pages written again soon after.
 */
const MIN_INTERVAL_MS = 1000;

export class BackgroundCheckpointer {
  private readonly worker: Worker;
  /** The checkpoint under way, if one is. */
  private running: Promise<void> | null = null;
  private answer: (() => void) | null = null;
  private readonly exited: Promise<void>;
  /** The thread has ended (closed, or failed to start): nothing more is asked of it. */
  private ended = false;
  /** When the last checkpoint began (ms since the epoch). */
  private lastStart = 0;
  /** Checkpoints this thread has run. */
  checkpoints = 0;
  /** WAL frames in the database file after the last of them (SQLite's `checkpointed`; 0 when it could not run). */
  checkpointed = 0;

  /** `minIntervalMs`: see MIN_INTERVAL_MS. */
  constructor(
    dbPath: string,
    private readonly minIntervalMs = MIN_INTERVAL_MS,
  ) {
    this.worker = new Worker(new URL('./checkpointWorker.js', import.meta.url), { workerData: { path: dbPath } });
    this.worker.on('message', (m: CheckpointReply) => {
      this.checkpoints++;
      this.checkpointed = m.checkpointed;
      this.settle();
    });
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        this.ended = true;
        this.settle();
        resolve();
      });
      this.worker.once('error', () => this.settle()); // 'exit' follows
    });
  }

  /**
   * Starts a checkpoint of what is committed now, unless one is under way or began less than the
   * minimum interval ago (the next one catches up). `now` skips the interval: the last commit.
   */
  nudge(now = false): void {
    if (this.running || this.ended) return;
    if (!now && Date.now() - this.lastStart < this.minIntervalMs) return;
    this.lastStart = Date.now();
    this.running = new Promise((resolve) => (this.answer = resolve));
    this.worker.postMessage('checkpoint' satisfies CheckpointRequest);
  }

  /** Waits for the checkpoint under way, if any. */
  async idle(): Promise<void> {
    await this.running;
  }

  /** Waits for the checkpoint under way, then ends the thread and its connection. */
  async close(): Promise<void> {
    await this.running;
    if (!this.ended) this.worker.postMessage('close' satisfies CheckpointRequest);
    await this.exited;
  }

  private settle(): void {
    this.running = null;
    const answer = this.answer;
    this.answer = null;
    answer?.();
  }
}
