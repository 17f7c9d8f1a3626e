/**
 * The title words' posting lists of the dedup index (see slots.ts): for each word id, the slots
 * whose title has the word, in the order they were added.
 *
 * A snapshot's lists (./snapshot.ts) stay as they were read, one flat array and each word's end
 * in it, and postings added since go beside them. Making a JS array of 1M loaded lists (a view
 * each) cost ~0.35 s of a day's ingest into 1M papers, most of it in garbage collection, and
 * copying a common word's loaded list the first time a paper was added to it another 0.2 s.
 * A word seen once (most of them) holds its slot number itself, not an array: -1 for none.
 */
import type { PagedArray } from './paging.js';

export class PostingLists {
  /** Words whose lists were loaded: word w's loaded postings are flat[ends[w - 1]..ends[w]]. */
  private baseWords = 0;
  private ends: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private flat: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** The flat array's and the ends' pages still in the snapshot file (./paging.ts), or null. */
  private paged: PagedArray | null = null;
  private pagedEnds: PagedArray | null = null;
  /** Postings added to a loaded word since the load, by word. */
  private readonly more = new Map<number, number[]>();
  /** The lists of the words added since the load (word baseWords + i). */
  private readonly own: (number | number[])[] = [];

  /** Lists `ends` and `flat` as written by toParts; with `paged`, they are read from the snapshot file as lists are read. */
  static fromParts(
    ends: Int32Array<ArrayBufferLike>,
    flat: Int32Array<ArrayBufferLike>,
    paged?: { ends?: PagedArray; flat?: PagedArray },
  ): PostingLists {
    const lists = new PostingLists();
    lists.paged = paged?.flat ?? null;
    lists.pagedEnds = paged?.ends ?? null;
    lists.baseWords = ends.length;
    lists.ends = ends;
    lists.flat = flat;
    return lists;
  }

  /** The number of words (each has a list, maybe empty). */
  get length(): number {
    return this.baseWords + this.own.length;
  }

  /** A new word, with no posting yet: its id is the length before. */
  addWord(): void {
    this.own.push(-1);
  }

  add(w: number, s: number): void {
    if (w < this.baseWords) {
      const more = this.more.get(w);
      if (more === undefined) this.more.set(w, [s]);
      else more.push(s);
      return;
    }
    const i = w - this.baseWords;
    const list = this.own[i]!;
    if (typeof list !== 'number') list.push(s);
    else this.own[i] = list < 0 ? s : [list, s];
  }

  /** How many slots word w's list holds (its document frequency). */
  count(w: number): number {
    if (w >= this.baseWords) {
      const list = this.own[w - this.baseWords]!;
      return typeof list === 'number' ? (list < 0 ? 0 : 1) : list.length;
    }
    this.pagedEnds?.need(Math.max(0, w - 1) << 2, (w + 1) << 2);
    const loaded = this.ends[w]! - (w === 0 ? 0 : this.ends[w - 1]!);
    return this.more.size === 0 ? loaded : loaded + (this.more.get(w)?.length ?? 0);
  }

  /**
   * The last `max` postings of word w, the most recent first, into `into` (at least `max` long);
   * returns how many were written.
   */
  recent(w: number, max: number, into: Int32Array): number {
    let n = 0;
    if (w >= this.baseWords) {
      const list = this.own[w - this.baseWords]!;
      if (typeof list === 'number') {
        if (list < 0 || max < 1) return 0;
        into[0] = list;
        return 1;
      }
      for (let k = list.length - 1; k >= 0 && n < max; k--) into[n++] = list[k]!;
      return n;
    }
    const more = this.more.size === 0 ? undefined : this.more.get(w);
    if (more !== undefined) for (let k = more.length - 1; k >= 0 && n < max; k--) into[n++] = more[k]!;
    this.pagedEnds?.need(Math.max(0, w - 1) << 2, (w + 1) << 2);
    const to = this.ends[w]!;
    const from = Math.max(w === 0 ? 0 : this.ends[w - 1]!, to - (max - n));
    this.paged?.need(from * 4, to * 4);
    const flat = this.flat;
    for (let k = to - 1; k >= from; k--) into[n++] = flat[k]!;
    return n;
  }

  /** Reads the flat array's pages still in the snapshot file. */
  pageInAll(): void {
    this.paged?.all();
    this.paged = null;
    this.pagedEnds?.all();
    this.pagedEnds = null;
  }

  /** Every list, in one flat array and each word's end offset in it (the snapshot's layout). */
  toParts(): { ends: Int32Array<ArrayBufferLike>; flat: Int32Array<ArrayBufferLike> } {
    this.pageInAll();
    if (this.more.size === 0 && this.own.length === 0) return { ends: this.ends, flat: this.flat };
    const words = this.length;
    const ends = new Int32Array(words);
    let total = 0;
    for (let w = 0; w < words; w++) {
      total += this.count(w);
      ends[w] = total;
    }
    const flat = new Int32Array(total);
    let at = 0;
    for (let w = 0; w < words; w++) {
      if (w < this.baseWords) {
        flat.set(this.flat.subarray(w === 0 ? 0 : this.ends[w - 1]!, this.ends[w]!), at);
        at += this.ends[w]! - (w === 0 ? 0 : this.ends[w - 1]!);
        for (const s of this.more.get(w) ?? []) flat[at++] = s;
        continue;
      }
      const list = this.own[w - this.baseWords]!;
      if (typeof list !== 'number') for (const s of list) flat[at++] = s;
      else if (list >= 0) flat[at++] = list;
    }
    return { ends, flat };
  }
}
