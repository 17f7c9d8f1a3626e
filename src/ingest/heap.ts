/**
 * Keeping the heap near what is alive. V8 lets a fast-growing heap reach up to 4x what its last
 * full collection kept alive: with a large dedup index (1M papers: ~185 MB, see dedup/index.ts)
 * or a large file's text in hand, most of that is garbage. The dedup index of 1M papers peaked
 * at 1.19 GB RSS; with growth held to 20%, 0.79 GB. The cap costs a full collection every few
 * tens of MB, which a small heap does not need (set from the start, it cost ~4% more CPU at 100k
 * papers and made 1M ~8% slower), so it is set only once a large heap or a large file is seen.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

const HEAP_GROWING_PERCENT = 20;
let limited = false;
let collect: (() => void) | null = null;

/** Holds the heap's growth to 20% from now on (process-wide: main thread and workers). */
export function limitHeapGrowth(): void {
  if (limited) return;
  limited = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // V8 applies the flag only when it next sizes the heap: collect now.
  fullCollection();
}

/**
 * A full collection, without starting node with --expose-gc: expose it, then take `gc` from a
 * fresh context (the flag applies to contexts created after it is set). Per isolate: a worker
 * gets its own.
 */
export function fullCollection(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}
