/**
 * Prepared files, in input order, from worker threads when there is enough work to pay for them.
 * The main thread stores file i while workers read and split files i+1 ... i+window; order is kept
 * so that paper ids (which come from first sightings) do not depend on timing. One input may give
 * several parts (a large file, an archive's members): they come in order, one at a time.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { prepareInput, STDIN_NAME, type PrepareOptions, type PreparedFile } from './prepare.js';
import { STDIN } from './discover.js';
import type { MoreRequest, PrepareRequest } from './worker.js';

/**
 * Below this much input, starting a worker costs more than it saves. Not higher: the main thread
 * must stay free to hear Ctrl-C while a slow file is read, and it is, only when a worker reads it.
 */
const MIN_BYTES_FOR_WORKERS = 1024 * 1024;

/** Workers to use when the user did not say: all cores but the main thread's, at most 3. */
export function defaultJobs(totalBytes: number): number {
  if (totalBytes < MIN_BYTES_FOR_WORKERS) return 0;
  return Math.max(1, Math.min(3, os.availableParallelism() - 1));
}

/** The stored hashes an input's files may have: its own path, or its members' for an archive. */
function knownFor(input: string, known: Map<string, string>): [string, string][] {
  const name = input === STDIN ? STDIN_NAME : input;
  const out: [string, string][] = [];
  const own = known.get(name);
  if (own !== undefined) out.push([name, own]);
  if (/\.zip$/i.test(name)) for (const [k, v] of known) if (k.startsWith(`${name}!`)) out.push([k, v]);
  return out;
}

interface Message {
  seq: number;
  part?: PreparedFile | null;
  error?: string;
  done: boolean;
}

/** The prepared parts of the inputs, in order; `close` stops the workers at once (Ctrl-C). */
export interface PreparedStream {
  /** The next part, or null when every input is done. */
  next(): Promise<PreparedFile | null>;
  close(): Promise<void>;
}

export function preparedFiles(inputs: string[], known: Map<string, string>, opts: PrepareOptions, jobs: number): PreparedStream {
  if (jobs <= 0) {
    const parts = (function* () {
      for (const input of inputs) yield* prepareInput(input, opts, new Map(knownFor(input, known)));
    })();
    return {
      next: async () => parts.next().value ?? null,
      close: async () => void parts.return(undefined),
    };
  }
  const workers = Array.from({ length: jobs }, () => new Worker(new URL('./worker.js', import.meta.url)));
  const received = new Map<number, Message[]>();
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let closed = false;
  for (const w of workers) {
    w.on('message', (m: Message) => {
      const list = received.get(m.seq);
      if (list) list.push(m);
      else received.set(m.seq, [m]);
      wake?.();
    });
    w.on('error', (err) => {
      failure = err;
      wake?.();
    });
  }
  // Each worker has up to `depth` inputs queued, which bounds memory to a few files per worker.
  const depth = 2;
  let sent = 0;
  let next = 0;
  const send = () => {
    while (sent < inputs.length && sent < next + jobs * depth) {
      const input = inputs[sent]!;
      const req: PrepareRequest = { type: 'prepare', seq: sent, input, known: knownFor(input, known), opts };
      workers[sent % jobs]!.postMessage(req);
      sent++;
    }
  };
  send();
  return {
    async next() {
      for (;;) {
        if (next >= inputs.length || closed) return null;
        while (!received.get(next)?.length && !failure && !closed) await new Promise<void>((resolve) => (wake = resolve));
        if (failure) throw failure;
        if (closed) return null;
        const m = received.get(next)!.shift()!;
        if (m.error) throw new Error(`preparing ${inputs[next]} failed:\n${m.error}`);
        if (m.done) {
          received.delete(next);
          next++;
          send();
        } else {
          const more: MoreRequest = { type: 'more', seq: next };
          workers[next % jobs]!.postMessage(more);
        }
        if (m.part) return m.part;
      }
    },
    async close() {
      closed = true;
      wake?.();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
