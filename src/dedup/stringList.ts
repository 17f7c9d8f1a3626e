/**
 * A list of strings that a snapshot (./snapshot.ts) loads without making one string per entry:
 * the loaded entries stay in one string with their end offsets and are sliced when read; entries
 * added later are kept as they are. A 1M-paper snapshot holds 2M short strings (ids and title
 * words): making them all cost more than the rest of the load, in garbage collection mostly.
 */
export class StringList {
  private base = '';
  private ends: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private baseCount = 0;
  /** Entries of the base replaced since it was loaded (an id renamed or removed). */
  private replaced: Map<number, string | undefined> | null = null;
  private readonly added: (string | undefined)[] = [];

  /** A list whose first entries are `base` cut at `ends`. */
  static fromParts(base: string, ends: Uint32Array<ArrayBufferLike>): StringList {
    const list = new StringList();
    list.base = base;
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
    return this.base.slice(i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }

  /** Sets entry i (the list grows to i + 1 when needed, with undefined between). */
  set(i: number, s: string | undefined): void {
    if (i < this.baseCount) (this.replaced ??= new Map()).set(i, s);
    else {
      while (this.length < i) this.added.push(undefined);
      this.added[i - this.baseCount] = s;
    }
  }

  push(s: string): void {
    this.added.push(s);
  }

  /** Every entry ('' for an undefined one) in one string, and each entry's end offset in it. */
  toParts(): { chars: string; ends: Uint32Array<ArrayBufferLike> } {
    if (this.replaced === null && this.added.length === 0) return { chars: this.base, ends: this.ends };
    const ends = new Uint32Array(this.length);
    const parts: string[] = [];
    let at = 0;
    for (let i = 0; i < this.length; i++) {
      const s = this.get(i) ?? '';
      parts.push(s);
      at += s.length;
      ends[i] = at;
    }
    return { chars: parts.join(''), ends };
  }
}
