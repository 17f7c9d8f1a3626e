/** The ingest's waits for its next prepared file: bounded, cut short by Ctrl-C, and put to use. */
import type { Store } from '../db/store.js';
import type { WriteBatch } from './batch.js';

/**
 * How long the ingest waits for its next file before committing the batch meanwhile, rather than
 * holding the write lock idle. Not zero: a worker's result that arrived while the main thread was
 * busy is delivered only when the event loop next polls, after a setImmediate. (Waiting up to a
 * whole batch, with a deeper worker queue, made fewer and larger commits but measured slower at
 * 1M papers: 136 s against 126 s.)
 */
export const IDLE_COMMIT_MS = 20;

/** True when `p` settles within `ms`. */
export async function arrivesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      p.then(
        () => true as const,
        () => true as const,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `p`, or 'stopped' as soon as `signal` aborts. Not a Promise.race with one long-lived "stopped"
 * promise: each race leaves a reaction on it that holds the race's result, and that kept every
 * part of a large file alive (2.5 KB a record).
 */
export function unlessStopped<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T | 'stopped'> {
  if (!signal) return p;
  if (signal.aborted) return Promise.resolve('stopped');
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve('stopped');
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (err) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/** Papers indexed per step while waiting for a file (~10 ms of work: a file that arrives waits no longer). */
const IDLE_INDEX_PAPERS = 500;

/**
 * In a bulk load, while the next file is still being prepared: the deferred full-text index takes
 * in stored papers, a few hundred at a time, so that less is left for the end of the load, when
 * nothing else runs (Store.indexSomeFullText). In the batch's transaction: the index commits with
 * it, and a rollback takes both back.
 */
export async function indexWhileWaiting(
  next: Promise<unknown>,
  batch: WriteBatch,
  store: Store,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!store.fullTextCatchingUp()) return;
  let arrived = false;
  const settle = () => {
    arrived = true;
  };
  next.then(settle, settle);
  while (!arrived && !signal?.aborted) {
    batch.begin();
    if (!store.indexSomeFullText(IDLE_INDEX_PAPERS)) return;
    // Lets the worker's message in (it settles `next`).
    await new Promise((resolve) => setImmediate(resolve));
  }
}
