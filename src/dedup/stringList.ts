/**
 * A list of strings that a snapshot (./snapshot.ts) loads without making one string per entry:
 * the loaded entries stay as their UTF-16 bytes with their end offsets, and one is decoded only
 * when read (compared, mostly: `equals` reads none); entries added later are kept as they are.
 * A 1M-paper snapshot holds 2M short strings (ids and title words): making them all cost more
 * than the rest of the load, in garbage collection mostly, and decoding them into one string
 * still cost 0.3 s of a day's ingest into 1M papers, which reads a few thousand of them.
 */
import type { PagedArray } from './paging.js';

export class StringList {
  /** The loaded entries' UTF-16LE bytes: entry i is code units ends[i - 1]..ends[i]. */
  private base: Buffer = Buffer.alloc(0);
  /** The base's and the ends' pages still in the snapshot file (./paging.ts), or null. */
  private paged: PagedArray | null = null;
  private pagedEnds: PagedArray | null = null;
  private ends: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private baseCount = 0;
  /** Entries of the base replaced since it was loaded (an id renamed or removed). */
  private replaced: Map<number, string | undefined> | null = null;
  private readonly added: (string | undefined)[] = [];

  /**
   * A list whose first entries are `bytes` (UTF-16LE) cut at `ends` (in code units); with `paged`,
   * the bytes are read from the snapshot file as entries are read.
   */
  static fromParts(
    bytes: Uint8Array,
    ends: Uint32Array<ArrayBufferLike>,
    paged?: { bytes?: PagedArray; ends?: PagedArray },
  ): StringList {
    const list = new StringList();
    list.paged = paged?.bytes ?? null;
    list.pagedEnds = paged?.ends ?? null;
    list.base = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    list.ends = ends;
    list.baseCount = ends.length;
    return list;
  }

  get length(): number {
    return this.baseCount + this.added.length;
  }

  get(i: number): string | undefined {
    if (i >= this.baseCount) return this.added[i - this.baseCount];
    if (this.replaced?.has(i)) return this.replaced.get(i);
    this.pagedEnds?.need(Math.max(0, i - 1) << 2, (i + 1) << 2);
    const from = i === 0 ? 0 : this.ends[i - 1]! * 2;
    const to = this.ends[i]! * 2;
    this.paged?.need(from, to);
    return this.base.toString('utf16le', from, to);
  }

  /** Whether entry i is s.slice(from, from + len), read in place. */
  equals(i: number, s: string, from = 0, len = s.length - from): boolean {
    if (i >= this.baseCount || this.replaced?.has(i)) {
      const x = this.get(i);
      return x !== undefined && x.length === len && s.startsWith(x, from);
    }
    this.pagedEnds?.need(Math.max(0, i - 1) << 2, (i + 1) << 2);
    const start = i === 0 ? 0 : this.ends[i - 1]!;
    if (this.ends[i]! - start !== len) return false;
    this.paged?.need(start * 2, (start + len) * 2);
    const b = this.base;
    for (let k = 0, at = start * 2; k < len; k++, at += 2) {
      if ((b[at]! | (b[at + 1]! << 8)) !== s.charCodeAt(from + k)) return false;
    }
    return true;
  }

  /** Sets entry i (the list grows to i + 1 when needed, with undefined between). */
  set(i: number, s: string | undefined): void {
    if (i < this.baseCount) (this.replaced ??= new Map()).set(i, s);
    else {
      while (this.length < i) this.added.push(undefined);
      this.added[i - this.baseCount] = s;
    }
  }

  /** Reads the base's pages still in the snapshot file. */
  pageInAll(): void {
    this.paged?.all();
    this.paged = null;
    this.pagedEnds?.all();
    this.pagedEnds = null;
  }

  push(s: string): void {
    this.added.push(s);
  }

  /** Every entry ('' for an undefined one) as UTF-16LE bytes, and each entry's end offset in code units. */
  toParts(): { bytes: Uint8Array; ends: Uint32Array<ArrayBufferLike> } {
    if (this.replaced === null && this.added.length === 0) {
      this.pageInAll();
      return { bytes: this.base, ends: this.ends };
    }
    const ends = new Uint32Array(this.length);
    const parts: string[] = [];
    let at = 0;
    for (let i = 0; i < this.length; i++) {
      const s = this.get(i) ?? '';
      parts.push(s);
      at += s.length;
      ends[i] = at;
    }
    return { bytes: Buffer.from(parts.join(''), 'utf16le'), ends };
  }
}
