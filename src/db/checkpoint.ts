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

export class BackgroundCheckpointer {
  private readonly worker: Worker;
  /** The checkpoint under way, if one is. */
  private running: Promise<number> | null = null;
  private answer: ((frames: number) => void) | null = null;
  private readonly exited: Promise<void>;
  /** The thread has ended (closed, or failed to start): nothing more is asked of it. */
  private ended = false;
  /** Frames copied so far by this thread's checkpoints. */
  frames = 0;

  constructor(dbPath: string) {
    this.worker = new Worker(new URL('./checkpointWorker.js', import.meta.url), { workerData: { path: dbPath } });
    this.worker.on('message', (m: CheckpointReply) => this.settle(m.frames));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        this.ended = true;
        this.settle(0);
        resolve();
      });
      this.worker.once('error', () => this.settle(0)); // 'exit' follows
    });
  }

  /** Starts a checkpoint of what is committed now, unless one is under way (it will catch up next time). */
  nudge(): void {
    if (this.running || this.ended) return;
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

  private settle(frames: number): void {
    this.frames += frames;
    this.running = null;
    const answer = this.answer;
    this.answer = null;
    answer?.(frames);
  }
}
