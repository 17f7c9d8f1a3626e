/**
 * A compact int32 -> int32 hash map (open addressing, linear probing, load <= 3/4, backward-shift
 * deletion) on two typed arrays: ~11-21 bytes per entry, no per-entry objects. Key 0 is reserved (callers remap).
 */
export class IntMap {
  private keys: Int32Array;
  private vals: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap * 3 < capacity * 4) cap *= 2;
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.keys.byteLength + this.vals.byteLength;
  }

  private static slot(key: number, mask: number): number {
    let h = Math.imul(key, 0x9e3779b1);
    h ^= h >>> 15;
    return h & mask;
  }

  /** The value for `key`, or -1. */
  get(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    for (let i = IntMap.slot(key, mask); ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === key) return this.vals[i]!;
      if (k === 0) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.count + 1) * 4 > this.keys.length * 3) this.grow();
    const keys = this.keys;
    const mask = this.mask;
    for (let i = IntMap.slot(key, mask); ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === key) {
        this.vals[i] = value;
        return;
      }
      if (k === 0) {
        keys[i] = key;
        this.vals[i] = value;
        this.count++;
        return;
      }
    }
  }

  delete(key: number): boolean {
    const keys = this.keys;
    const vals = this.vals;
    const mask = this.mask;
    let i = IntMap.slot(key, mask);
    for (; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === key) break;
      if (k === 0) return false;
    }
    // Backward-shift deletion keeps probe chains intact without tombstones.
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const k = keys[j]!;
      if (k === 0) break;
      const home = IntMap.slot(k, mask);
      // Move k into the hole at i when its home is not cyclically in (i, j].
      const between = i <= j ? home > i && home <= j : home > i || home <= j;
      if (!between) {
        keys[i] = k;
        vals[i] = vals[j]!;
        i = j;
      }
    }
    keys[i] = 0;
    vals[i] = 0;
    this.count--;
    return true;
  }

  /** The table as it is (for a snapshot: see ./snapshot.ts); fromParts restores it. */
  toParts(): { keys: Int32Array; vals: Int32Array; count: number } {
    return { keys: this.keys, vals: this.vals, count: this.count };
  }

  /** A map over a table toParts gave (the arrays are taken, not copied). */
  static fromParts(keys: Int32Array, vals: Int32Array, count: number): IntMap {
    const cap = keys.length;
    if (cap < 16 || (cap & (cap - 1)) !== 0 || vals.length !== cap || count * 4 > cap * 3) {
      throw new Error('not an IntMap table');
    }
    const m = new IntMap(0);
    m.keys = keys;
    m.vals = vals;
    m.mask = cap - 1;
    m.count = count;
    return m;
  }

  private grow(): void {
    const oldK = this.keys;
    const oldV = this.vals;
    const cap = oldK.length * 2;
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
    this.count = 0;
    for (let i = 0; i < oldK.length; i++) if (oldK[i] !== 0) this.set(oldK[i]!, oldV[i]!);
  }
}
