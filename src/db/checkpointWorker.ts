/**
 * A worker thread that copies the WAL's committed pages into the database file (a PASSIVE
 * checkpoint) on its own connection, while the ingest's connection goes on writing. See
 * ./checkpoint.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path } = workerData as { path: string };
let outcome: { ok: true; frames: number } | { ok: false; error: string };
try {
  const db = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
    outcome = { ok: true, frames: row?.checkpointed ?? 0 };
  } finally {
    db.close();
  }
} catch (err) {
  outcome = { ok: false, error: (err as Error).message };
}
parentPort!.postMessage(outcome);
