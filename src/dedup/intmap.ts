/**
 * A compact int32 -> int32 hash map (open addressing, linear probing, load <= 3/4, backward-shift
 * deletion) on one typed array of (key, value) pairs: ~11-21 bytes per entry, no per-entry
 * objects. Key 0 is reserved (callers remap). A key and its value sit side by side, so a probe
 * touches one cache line, and one page of a table loaded from a snapshot page by page (see
 * ./paging.ts): with keys and values apart, a day's lookups into 1M papers read twice the pages.
 */
import type { PagedArray } from './paging.js';

export class IntMap {
  /** Entry i: key at 2i, value at 2i + 1. */
  private table: Int32Array;
  private mask: number;
  private count = 0;
  /** The table's pages still in the snapshot file, or null when all are in memory. */
  private paged: PagedArray | null = null;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap * 3 < capacity * 4) cap *= 2;
    this.table = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.table.byteLength;
  }

  private static slot(key: number, mask: number): number {
    let h = Math.imul(key, 0x9e3779b1);
    h ^= h >>> 15;
    return h & mask;
  }

  /** Makes entry i hold the file's (a table loaded page by page). */
  private need(i: number): void {
    this.paged!.need(i << 3, (i << 3) + 8);
  }

  /** The value for `key`, or -1. */
  get(key: number): number {
    const t = this.table;
    const mask = this.mask;
    const paged = this.paged !== null;
    for (let i = IntMap.slot(key, mask); ; i = (i + 1) & mask) {
      if (paged) this.need(i);
      const k = t[i << 1]!;
      if (k === key) return t[(i << 1) + 1]!;
      if (k === 0) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 4 > (this.mask + 1) * 3) this.grow();
    const t = this.table;
    const mask = this.mask;
    const paged = this.paged !== null;
    for (let i = IntMap.slot(key, mask); ; i = (i + 1) & mask) {
      if (paged) this.need(i);
      const k = t[i << 1]!;
      if (k === key) {
        t[(i << 1) + 1] = value;
        return;
      }
      if (k === 0) {
        t[i << 1] = key;
        t[(i << 1) + 1] = value;
        this.count++;
        return;
      }
    }
  }

  delete(key: number): boolean {
    const t = this.table;
    const mask = this.mask;
    const paged = this.paged !== null;
    let i = IntMap.slot(key, mask);
    for (; ; i = (i + 1) & mask) {
      if (paged) this.need(i);
      const k = t[i << 1]!;
      if (k === key) break;
      if (k === 0) return false;
    }
    // Backward-shift deletion keeps probe chains intact without tombstones.
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      if (paged) this.need(j);
      const k = t[j << 1]!;
      if (k === 0) break;
      const home = IntMap.slot(k, mask);
      // Move k into the hole at i when its home is not cyclically in (i, j].
      const between = i <= j ? home > i && home <= j : home > i || home <= j;
      if (!between) {
        t[i << 1] = k;
        t[(i << 1) + 1] = t[(j << 1) + 1]!;
        i = j;
      }
    }
    t[i << 1] = 0;
    t[(i << 1) + 1] = 0;
    this.count--;
    return true;
  }

  /** Reads the pages of a table loaded page by page that are still in the file. */
  pageInAll(): void {
    this.paged?.all();
    this.paged = null;
  }

  /** The table as it is (for a snapshot: see ./snapshot.ts); fromParts restores it. */
  toParts(): { table: Int32Array; count: number } {
    this.pageInAll();
    return { table: this.table, count: this.count };
  }

  /**
   * A map over a table toParts gave (the array is taken, not copied); with `paged`, the table's
   * pages are read from the snapshot file as they are probed.
   */
  static fromParts(table: Int32Array, count: number, paged?: PagedArray): IntMap {
    const cap = table.length / 2;
    if (cap < 16 || (cap & (cap - 1)) !== 0 || count * 4 > cap * 3) throw new Error('not an IntMap table');
    const m = new IntMap(0);
    m.table = table;
    m.mask = cap - 1;
    m.count = count;
    m.paged = paged ?? null;
    return m;
  }

  private grow(): void {
    this.pageInAll();
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    this.table = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.set(old[i]!, old[i + 1]!);
  }
}
