/**
 * A worker thread that prepares inputs (read, decode, split, extract) for the ingest's main
 * thread, which keeps the dedup index and the database. A file's parts are sent one at a time:
 * after each part that is not the input's last, the worker waits for the main thread to ask for
 * more, so a large file is never queued whole in the main thread's memory.
 */
import { parentPort } from 'node:worker_threads';
import { prepareInput, type PrepareOptions } from './prepare.js';

export interface PrepareRequest {
  type: 'prepare';
  seq: number;
  input: string;
  known: [string, string][];
  opts: PrepareOptions;
}

/** The main thread has taken the part it was sent for this input and wants the next. */
export interface MoreRequest {
  type: 'more';
  seq: number;
}

const queue: PrepareRequest[] = [];
let more: (() => void) | null = null;
let busy = false;

parentPort!.on('message', (m: PrepareRequest | MoreRequest) => {
  if (m.type === 'more') {
    const wake = more;
    more = null;
    wake?.();
    return;
  }
  queue.push(m);
  if (!busy) void drain();
});

async function drain(): Promise<void> {
  busy = true;
  for (let req = queue.shift(); req; req = queue.shift()) {
    try {
      const parts = prepareInput(req.input, req.opts, new Map(req.known));
      let current = parts.next();
      if (current.done) parentPort!.postMessage({ seq: req.seq, part: null, done: true }); // an empty archive
      while (!current.done) {
        const following = parts.next();
        parentPort!.postMessage({ seq: req.seq, part: current.value, done: following.done === true });
        if (!following.done) await new Promise<void>((resolve) => (more = resolve));
        current = following;
      }
    } catch (err) {
      // A bug, not bad input (prepareInput turns those into results): the main thread rethrows it.
      parentPort!.postMessage({ seq: req.seq, error: (err as Error).stack ?? String(err), done: true });
    }
  }
  busy = false;
}
