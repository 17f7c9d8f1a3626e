/**
 * An array of a dedup snapshot read from the file a page at a time, when a lookup first needs it.
 *
 * A day's digests into 1M papers look up ~450 records: they read a few thousand slots' words,
 * signatures and ids, and a few thousand probes of each hash table, out of a 270 MB snapshot.
 * Reading it whole took 1.25 s on a host where a fresh page of memory costs ~13 us to fault in
 * (the same bytes into memory already touched: 19 ms). The array is allocated whole (memory not
 * yet touched costs nothing) and each 4 KiB page of it is filled from the file the first time
 * `need` covers it, so the hot loops keep indexing a plain typed array.
 *
 * A page must be read before anything is written into it: a later read would put the file's
 * bytes back over the write. Callers `need` a range before reading or writing it, and `all`
 * before copying the array (when it grows, or to write a new snapshot).
 */
import type { SnapshotSource } from './snapshot.js';

export const PAGE_BYTES = 4096;

/** Where a single page is read before it is copied into its array (see PagedArray.read). */
const SCRATCH = new Uint8Array(PAGE_BYTES);

export class PagedArray {
  /** 1 for each page read (or never in the file: past its end). */
  private readonly done: Uint8Array;
  private left: number;

  /**
   * `bytes`: the array's part that is in the file (its first bytes), read from `source` at
   * `offset` on.
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly source: SnapshotSource,
    private readonly offset: number,
  ) {
    this.left = Math.ceil(bytes.length / PAGE_BYTES);
    this.done = new Uint8Array(this.left);
  }

  /** Whether every page has been read. */
  get complete(): boolean {
    return this.left === 0;
  }

  /** Makes bytes [from, to) of the array hold the file's (bytes past the file's part hold no file data). */
  need(from: number, to: number): void {
    if (this.left === 0) return;
    const last = Math.min(to, this.bytes.length) - 1;
    for (let p = Math.floor(from / PAGE_BYTES); p * PAGE_BYTES <= last; p++) if (this.done[p] === 0) this.read(p, p + 1);
  }

  /** Reads every page not read yet, in runs (before the array is copied). */
  all(): void {
    const pages = this.done.length;
    for (let p = 0; p < pages && this.left > 0; ) {
      if (this.done[p] === 1) {
        p++;
        continue;
      }
      let q = p + 1;
      while (q < pages && this.done[q] === 0) q++;
      this.read(p, q);
      p = q;
    }
  }

  private read(fromPage: number, toPage: number): void {
    const from = fromPage * PAGE_BYTES;
    const to = Math.min(toPage * PAGE_BYTES, this.bytes.length);
    if (to - from <= SCRATCH.length) {
      // Into memory already touched, then copied: a read into a fresh page faulted it in inside
      // the system call, at twice the cost (44 us a page against 22 on the slow host).
      const scratch = SCRATCH.subarray(0, to - from);
      this.source.read(this.offset + from, scratch);
      this.bytes.set(scratch, from);
    } else this.source.read(this.offset + from, this.bytes.subarray(from, to));
    this.done.fill(1, fromPage, toPage);
    this.left -= toPage - fromPage;
  }
}
