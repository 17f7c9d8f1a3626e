/**
 * A worker thread that copies the WAL's committed pages into the database file (PASSIVE
 * checkpoints) on its own connection, when the ingest's thread asks, while that thread goes on
 * writing. See ./checkpoint.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export type CheckpointRequest = 'checkpoint' | 'close';
/** SQLite's `checkpointed` after one checkpoint: the WAL frames now in the database file (0 when it could not run). */
export interface CheckpointReply {
  checkpointed: number;
}

const { path } = workerData as { path: string };
let db: Database.Database | null = null;
try {
  db = new Database(path, { fileMustExist: true, timeout: 0 });
} catch {
  // Only an optimisation: each request then answers 0 and the ingest's own checkpoints do the work.
}

parentPort!.on('message', (m: CheckpointRequest) => {
  if (m === 'close') {
    db?.close();
    parentPort!.close();
    return;
  }
  let checkpointed = 0;
  try {
    const [row] = (db?.pragma('wal_checkpoint(PASSIVE)') ?? []) as { checkpointed: number }[];
    checkpointed = row?.checkpointed ?? 0;
  } catch {
    // as above
  }
  parentPort!.postMessage({ checkpointed } satisfies CheckpointReply);
});
