/**
 * Prepared files, in input order, from worker threads when there is enough work to pay for them.
 * The main thread stores file i while workers read and split files i+1 ... i+window; order is kept
 * so that paper ids (which come from first sightings) do not depend on timing.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { prepareFile, type PrepareOptions, type PreparedFile } from './prepare.js';

/** Below this much input, starting workers costs more than it saves. */
const MIN_BYTES_FOR_WORKERS = 8 * 1024 * 1024;

/** Workers to use when the user did not say: all cores but the main thread's, at most 3. */
export function defaultJobs(totalBytes: number): number {
  if (totalBytes < MIN_BYTES_FOR_WORKERS) return 0;
  return Math.max(1, Math.min(3, os.availableParallelism() - 1));
}

export async function* preparedFiles(
  files: string[],
  knownSha: Map<string, string>,
  opts: PrepareOptions,
  jobs: number,
): AsyncGenerator<PreparedFile> {
  if (jobs <= 0) {
    for (const file of files) yield prepareFile(file, opts, knownSha.get(file));
    return;
  }
  const workers = Array.from({ length: jobs }, () => new Worker(new URL('./worker.js', import.meta.url)));
  const done = new Map<number, { result?: PreparedFile; error?: string }>();
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  for (const w of workers) {
    w.on('message', (m: { seq: number; result?: PreparedFile; error?: string }) => {
      done.set(m.seq, m);
      wake?.();
    });
    w.on('error', (err) => {
      failure = err;
      wake?.();
    });
  }
  // Each worker has up to `depth` files queued, which bounds memory to a few files per worker.
  const depth = 2;
  let sent = 0;
  const send = () => {
    while (sent < files.length && sent < next + jobs * depth) {
      const file = files[sent]!;
      workers[sent % jobs]!.postMessage({ seq: sent, file, knownSha: knownSha.get(file), opts });
      sent++;
    }
  };
  let next = 0;
  try {
    send();
    while (next < files.length) {
      while (!done.has(next) && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const m = done.get(next)!;
      done.delete(next);
      if (m.error) throw new Error(`preparing ${files[next]} failed:\n${m.error}`);
      next++;
      send();
      yield m.result!;
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
