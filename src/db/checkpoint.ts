/**
 * The WAL folded into the database file in the background, at the end of a bulk load.
 *
 * A bulk load's WAL holds nearly every page of the database; folding it back (the checkpoint in
 * finishIngest) took ~1 s of the main thread per 100k papers, after the index builds, while the
 * other core was idle. A PASSIVE checkpoint on another connection, in a worker thread, can copy
 * the pages committed so far while the main thread builds the indexes (SQLite lets a checkpoint
 * run beside a writer); the final checkpoint then copies only what was written since.
 *
 * Only an optimisation: a background checkpoint that fails or finds the database busy leaves the
 * work to the final one, so its outcome is only waited for, never reported.
 */
import { Worker } from 'node:worker_threads';

export interface BackgroundCheckpoint {
  /** Resolves once the background checkpoint has ended (whatever its outcome): frames copied, or 0. */
  done(): Promise<number>;
}

export function checkpointInBackground(dbPath: string): BackgroundCheckpoint {
  const worker = new Worker(new URL('./checkpointWorker.js', import.meta.url), { workerData: { path: dbPath } });
  const ended = new Promise<number>((resolve) => {
    worker.once('message', (m: { ok: boolean; frames?: number }) => resolve(m.ok ? (m.frames ?? 0) : 0));
    worker.once('error', () => resolve(0));
    worker.once('exit', () => resolve(0));
  });
  return { done: () => ended };
}
