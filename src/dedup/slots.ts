/**
 * The storage layer of DedupIndex (the bottom; see index.ts for the rules it serves): one slot per
 * paper as a struct of typed arrays, the interned title words and their posting lists, the
 * exact-key / key-prefix / clip hash chains, the arXiv-id maps and the abstract signatures.
 * Writes keep all of these consistent; reads answer about one slot. No similarity and no rule
 * here: dice.ts, blocking.ts and rules.ts read these arrays (through the store, since the arrays
 * are replaced when they grow).
 */
import { grow } from './grow.js';
import { SlotIds } from './ids.js';
import { IntMap } from './intmap.js';
import type { PagedArray } from './paging.js';
import { PostingLists } from './postings.js';
import { StringList } from './stringList.js';

export { grow } from './grow.js';
import {
  P_KEY_HASH,
  P_PREFIX_HASH,
  P_SHORT_HASH,
  PF_CLIP_MARK,
  PF_KEY_SPACE,
  PF_REAL_ABSTRACT,
  PREFIX_CHARS,
  rangeHash,
  readI32,
} from './prepared.js';
import type { Query } from './query.js';
import { containment, SKETCH_MAX } from './sketch.js';
import { MIN_CLIP_CHARS } from './verify.js';

export const FLAG_CLIPPED = 1;
/** The canonical abstract is empty, short or a comment: no evidence either way. */
export const FLAG_NO_ABSTRACT = 2;
/** The canonical title ends with a clip mark (isClippedTitle; for titleFacts). */
export const FLAG_CLIP_MARK = 4;
/** The canonical key holds whitespace (never, by construction; Dice then defers to string-similarity). */
export const FLAG_KEY_SPACE = 8;

export class SlotStore {
  // --- per paper slot (struct of arrays) ---
  slots = 0;
  alive = new Uint8Array(0);
  flags = new Uint8Array(0);
  keyLen = new Uint16Array(0);
  hashNext = new Int32Array(0);
  tokStart = new Int32Array(0);
  tokCount = new Uint16Array(0);
  arxivOf = new Int32Array(0);
  arxivOther = new Map<number, string>();
  /** Next clipped canonical in a clip chain (clipped canonicals are few: a Map, not an array). */
  clipNext = new Map<number, number>();
  prefNext = new Int32Array(0);
  shortPrefNext = new Int32Array(0);
  sigLen = new Uint8Array(0);
  sigPool = new Uint16Array(0);
  /** The query's abstract signature, copied once per lookup (loadQuerySketch) for abstractSim. */
  readonly qSig = new Uint16Array(SKETCH_MAX);

  // --- lookups ---
  /** Each slot's paper id, and the slot of an id. */
  ids = new SlotIds();
  exact = new IntMap();
  /** Clipped canonical titles by the hash of their key's first MIN_CLIP_CHARS characters. */
  clips = new IntMap();
  /** Every canonical title by the hash of its key's first PREFIX_CHARS characters... */
  prefixes = new IntMap();
  /** ... and of its first MIN_CLIP_CHARS characters (for clips shorter than PREFIX_CHARS). */
  shortPrefixes = new IntMap();
  arxivModern = new IntMap();
  arxivOtherMap = new Map<string, number>();

  // --- words ---
  /** Word id by word hash (the first word with that hash)... */
  vocab = new IntMap();
  /** ... and by text for the (rare) later words whose hash an earlier word has. */
  vocabSpill = new Map<string, number>();
  words = new StringList();
  isStop = new Uint8Array(0);
  /** Posting list per word id: the slots whose title has the word (./postings.ts). */
  post = new PostingLists();
  tokPool = new Int32Array(0);
  tokPoolLen = 0;

  // --- a snapshot's arrays still in its file (./paging.ts): read as slots are looked at ---
  tokPaged: PagedArray | null = null;
  sigPaged: PagedArray | null = null;

  /** Makes slot s's title words readable and writable (a store loaded page by page). */
  needTokens(s: number): void {
    if (this.tokPaged === null) return;
    const st = this.tokStart[s]!;
    this.tokPaged.need(st << 2, (st + this.tokCount[s]!) << 2);
  }

  /** Makes slot s's abstract signature readable and writable. */
  needSketch(s: number): void {
    this.sigPaged?.need(s * SKETCH_MAX * 2, (s + 1) * SKETCH_MAX * 2);
  }

  /** Reads whatever a store loaded page by page still has in the snapshot file (to copy or write it all). */
  pageInAll(): void {
    this.tokPaged?.all();
    this.tokPaged = null;
    this.sigPaged?.all();
    this.sigPaged = null;
    for (const m of [this.exact, this.clips, this.prefixes, this.shortPrefixes, this.arxivModern, this.vocab, this.ids.heads]) {
      m.pageInAll();
    }
    this.words.pageInAll();
    this.ids.ids.pageInAll();
    this.post.pageInAll();
  }

  newSlot(): number {
    const s = this.slots++;
    const n = this.slots;
    if (n > this.alive.length) {
      const cap = Math.max(1024, this.alive.length * 2);
      this.alive = grow(this.alive, cap);
      this.flags = grow(this.flags, cap);
      this.keyLen = grow(this.keyLen, cap);
      this.hashNext = grow(this.hashNext, cap);
      this.tokStart = grow(this.tokStart, cap);
      this.tokCount = grow(this.tokCount, cap);
      this.arxivOf = grow(this.arxivOf, cap);
      this.prefNext = grow(this.prefNext, cap);
      this.shortPrefNext = grow(this.shortPrefNext, cap);
      this.sigLen = grow(this.sigLen, cap);
      this.sigPaged?.all();
      this.sigPaged = null;
      this.sigPool = grow(this.sigPool, cap * SKETCH_MAX);
    }
    this.keyLen[s] = 0;
    this.hashNext[s] = -1;
    this.prefNext[s] = -1;
    this.shortPrefNext[s] = -1;
    return s;
  }

  wordId(key: string, from: number, len: number, h: number): number {
    const id = this.vocab.get(h);
    if (id < 0) return -1;
    if (this.words.equals(id, key, from, len)) return id;
    return this.vocabSpill.get(key.slice(from, from + len)) ?? -1;
  }

  private intern(key: string, from: number, len: number, h: number, stop: boolean): number {
    let id = this.wordId(key, from, len, h);
    if (id < 0) {
      id = this.words.length;
      const w = key.slice(from, from + len);
      this.words.push(w);
      if (this.vocab.get(h) < 0) this.vocab.set(h, id);
      else this.vocabSpill.set(w, id);
      this.post.addWord();
      this.isStop = grow(this.isStop, id + 1);
      this.isStop[id] = stop ? 1 : 0;
    }
    return id;
  }

  /** put()'s title step for an existing slot: relinked when the clip flag or the key changed. */
  replaceTitle(s: number, q: Query): void {
    const clipped = (this.flags[s]! & FLAG_CLIPPED) !== 0;
    if (clipped !== q.clipped || this.keyLen[s] !== q.key.length || !this.keyEquals(s, q.key)) {
      this.unlinkTitle(s);
      this.setTitle(s, q, true);
    }
    // The clip mark (for titleFacts) follows the title even when the key did not change.
    this.flags[s] = (q.flags & PF_CLIP_MARK) !== 0 ? this.flags[s]! | FLAG_CLIP_MARK : this.flags[s]! & ~FLAG_CLIP_MARK;
  }

  setTitle(s: number, q: Query, replacing: boolean): void {
    const n = Math.min(q.nWords, 0xffff);
    const key = q.key;
    // Word ids; postings for content words not already posted for this slot.
    let old: Set<number> | null = null;
    if (replacing) {
      this.needTokens(s); // read, and maybe written over below
      old = new Set<number>();
      const st = this.tokStart[s]!;
      for (let i = 0, c = this.tokCount[s]!; i < c; i++) old.add(this.tokPool[st + i]!);
    }
    let start: number;
    if (replacing && n <= this.tokCount[s]!) start = this.tokStart[s]!;
    else {
      start = this.tokPoolLen;
      this.tokPoolLen += n;
      if (this.tokPoolLen > this.tokPool.length) {
        // Grows by half (not doubling): the pool is the largest array.
        this.tokPaged?.all();
        this.tokPaged = null;
        const next = new Int32Array(Math.max(4096, this.tokPoolLen + (this.tokPoolLen >> 1)));
        next.set(this.tokPool);
        this.tokPool = next;
      }
    }
    const pool = this.tokPool;
    const known = q.ids; // ids resolved by a lookup stay valid (words are never forgotten)
    for (let i = 0, off = 0; i < n; i++) {
      const len = q.wordLen(i);
      const stop = q.isStop(i);
      const tid = known !== null && known[i]! >= 0 ? known[i]! : this.intern(key, off, len, q.wordHash(i), stop);
      off += len;
      pool[start + i] = tid;
      if (stop || (old !== null && old.has(tid))) continue;
      let dup = false; // already posted for an earlier word of this title
      for (let j = start; j < start + i; j++)
        if (pool[j] === tid) {
          dup = true;
          break;
        }
      if (!dup) this.post.add(tid, s);
    }
    this.tokStart[s] = start;
    this.tokCount[s] = n;
    let f = q.clipped ? this.flags[s]! | FLAG_CLIPPED : this.flags[s]! & ~FLAG_CLIPPED;
    f = (q.flags & PF_CLIP_MARK) !== 0 ? f | FLAG_CLIP_MARK : f & ~FLAG_CLIP_MARK;
    f = (q.flags & PF_KEY_SPACE) !== 0 ? f | FLAG_KEY_SPACE : f & ~FLAG_KEY_SPACE;
    this.flags[s] = f;
    this.keyLen[s] = Math.min(key.length, 0xffff);
    // Chains: exact key; key prefix (all titles, and clipped ones apart). The hashes are not
    // stored: unlinkTitle recomputes them from the words.
    if (key.length > 0) {
      const h = readI32(q.data, P_KEY_HASH);
      this.hashNext[s] = this.exact.get(h);
      this.exact.set(h, s);
    }
    if (key.length >= MIN_CLIP_CHARS) {
      const h = readI32(q.data, P_SHORT_HASH);
      this.shortPrefNext[s] = this.shortPrefixes.get(h);
      this.shortPrefixes.set(h, s);
    }
    if (key.length >= PREFIX_CHARS) {
      const h = readI32(q.data, P_PREFIX_HASH);
      this.prefNext[s] = this.prefixes.get(h);
      this.prefixes.set(h, s);
    }
    if (q.clipped && key.length >= MIN_CLIP_CHARS) {
      const h = readI32(q.data, P_SHORT_HASH);
      this.clipNext.set(s, this.clips.get(h));
      this.clips.set(h, s);
    }
  }

  /** Unlinks slot s from the exact-key, prefix and clip chains. */
  unlinkTitle(s: number): void {
    if (this.keyLen[s] === 0) return;
    const key = this.keyOf(s);
    const hn = this.hashNext;
    SlotStore.unlinkChain(
      this.exact,
      rangeHash(key, 0, key.length),
      s,
      (x) => hn[x]!,
      (x, v) => (hn[x] = v),
    );
    if (key.length >= MIN_CLIP_CHARS) {
      const sn = this.shortPrefNext;
      SlotStore.unlinkChain(
        this.shortPrefixes,
        rangeHash(key, 0, MIN_CLIP_CHARS),
        s,
        (x) => sn[x]!,
        (x, v) => (sn[x] = v),
      );
    }
    if (key.length >= PREFIX_CHARS) {
      const pn = this.prefNext;
      SlotStore.unlinkChain(
        this.prefixes,
        rangeHash(key, 0, PREFIX_CHARS),
        s,
        (x) => pn[x]!,
        (x, v) => (pn[x] = v),
      );
    }
    if (this.clipNext.has(s)) {
      const cn = this.clipNext;
      SlotStore.unlinkChain(
        this.clips,
        rangeHash(key, 0, MIN_CLIP_CHARS),
        s,
        (x) => cn.get(x) ?? -1,
        (x, v) => cn.set(x, v),
      );
      cn.delete(s);
    }
    this.keyLen[s] = 0;
    this.hashNext[s] = -1;
    this.prefNext[s] = -1;
    this.shortPrefNext[s] = -1;
  }

  private static unlinkChain(
    map: IntMap,
    h: number,
    s: number,
    next: (x: number) => number,
    setNext: (x: number, v: number) => void,
  ): void {
    const head = map.get(h);
    if (head === s) {
      const n = next(s);
      if (n >= 0) map.set(h, n);
      else map.delete(h);
      return;
    }
    for (let p = head; p >= 0; p = next(p)) {
      if (next(p) === s) {
        setNext(p, next(s));
        return;
      }
    }
  }

  setArxiv(s: number, q: Query): void {
    const code = q.arxivCode;
    this.arxivOf[s] = code;
    if (code > 0) this.arxivModern.set(code, s);
    else if (code < 0) {
      this.arxivOther.set(s, q.arxivStr!);
      this.arxivOtherMap.set(q.arxivStr!, s);
    }
  }

  /** Slot s becomes again the paper its arXiv id maps to (as when it was last set). */
  relinkArxiv(s: number): void {
    const code = this.arxivOf[s]!;
    if (code > 0) this.arxivModern.set(code, s);
    else if (code < 0) this.arxivOtherMap.set(this.arxivOther.get(s)!, s);
  }

  unlinkArxiv(s: number): void {
    const code = this.arxivOf[s]!;
    if (code > 0) {
      if (this.arxivModern.get(code) === s) this.arxivModern.delete(code);
    } else if (code < 0) {
      const str = this.arxivOther.get(s)!;
      if (this.arxivOtherMap.get(str) === s) this.arxivOtherMap.delete(str);
      this.arxivOther.delete(s);
    }
    this.arxivOf[s] = 0;
  }

  setSketch(s: number, q: Query): void {
    this.flags[s] = (q.flags & PF_REAL_ABSTRACT) !== 0 ? this.flags[s]! & ~FLAG_NO_ABSTRACT : this.flags[s]! | FLAG_NO_ABSTRACT;
    const n = q.nSig;
    this.needSketch(s); // a page read later would undo this write
    this.sigLen[s] = n;
    const pool = this.sigPool;
    const d = q.data;
    for (let i = 0, at = s * SKETCH_MAX, from = q.sigAt; i < n; i++) pool[at + i] = d.charCodeAt(from + i);
  }
  tokensOf(s: number): string[] {
    this.needTokens(s);
    const st = this.tokStart[s]!;
    const n = this.tokCount[s]!;
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = this.words.get(this.tokPool[st + i]!)!;
    return out;
  }

  keyOf(s: number): string {
    return this.tokensOf(s).join('');
  }

  /** keyOf(s) === key, without building the key. */
  keyEquals(s: number, key: string): boolean {
    this.needTokens(s);
    const st = this.tokStart[s]!;
    const end = st + this.tokCount[s]!;
    let off = 0;
    for (let i = st; i < end; i++) {
      const w = this.words.get(this.tokPool[i]!)!;
      if (!key.startsWith(w, off)) return false;
      off += w.length;
    }
    return off === key.length;
  }

  arxivCompatible(s: number, q: Query): boolean {
    const code = q.arxivCode;
    if (code === 0) return true;
    const c = this.arxivOf[s]!;
    if (c === 0) return true;
    if (c > 0 || code > 0) return c === code;
    return this.arxivOther.get(s) === q.arxivStr;
  }

  /** Abstract containment of the query and slot s, or -1 when either abstract is not real. */
  abstractSim(q: Query, s: number): number {
    if ((this.flags[s]! & FLAG_NO_ABSTRACT) !== 0) return -1;
    if ((q.flags & PF_REAL_ABSTRACT) === 0) return -1;
    const from = s * SKETCH_MAX;
    this.needSketch(s);
    return containment(this.qSig, 0, q.nSig, this.sigPool, from, from + this.sigLen[s]!);
  }

  /** The query's abstract signature into qSig (before abstractSim is asked about it). */
  loadQuerySketch(q: Query): void {
    for (let i = 0, d = q.data, at = q.sigAt; i < q.nSig; i++) this.qSig[i] = d.charCodeAt(at + i);
  }

  /** Word ids of the query's words (-1: unknown), resolved once. */
  queryIds(q: Query): number[] {
    if (q.ids === null) {
      const ids: number[] = [];
      for (let i = 0, off = 0; i < q.nWords; i++) {
        const len = q.wordLen(i);
        ids.push(this.wordId(q.key, off, len, q.wordHash(i)));
        off += len;
      }
      q.ids = ids;
    }
    return q.ids;
  }
}
