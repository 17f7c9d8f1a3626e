/** The ingest's waits for its next prepared file: bounded, and cut short by Ctrl-C. */

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
