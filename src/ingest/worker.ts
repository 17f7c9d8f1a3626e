/**
 * A worker thread that prepares files (read, decode, split, extract) for the ingest's main
 * thread, which keeps the dedup index and the database.
 */
import { parentPort } from 'node:worker_threads';
import { prepareFile, type PrepareOptions } from './prepare.js';

export interface PrepareRequest {
  seq: number;
  file: string;
  knownSha: string | undefined;
  opts: PrepareOptions;
}

parentPort!.on('message', (req: PrepareRequest) => {
  try {
    parentPort!.postMessage({ seq: req.seq, result: prepareFile(req.file, req.opts, req.knownSha) });
  } catch (err) {
    // A bug, not bad input (prepareFile turns those into results): the main thread rethrows it.
    parentPort!.postMessage({ seq: req.seq, error: (err as Error).stack ?? String(err) });
  }
});
