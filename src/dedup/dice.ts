/**
 * Title similarity over the store: string-similarity's Dice coefficient of two title keys,
 * counted on the stored words in place with a stamped open-addressing table of the query's bigram
 * multiset (so no key string is built and the table is reused across lookups).
 */
import stringSimilarity from 'string-similarity';
import { PF_KEY_SPACE } from './prepared.js';
import type { Query } from './query.js';
import { FLAG_KEY_SPACE, type SlotStore } from './slots.js';

export class DiceTable {
  // scratch: the query's bigram multiset (open addressing, stamped)
  private bgKey = new Int32Array(256);
  private bgCount = new Int32Array(256);
  private bgStamp = new Int32Array(256);
  private bgUsed = new Int32Array(256);
  private bgUsedStamp = new Int32Array(256);
  private bgQueryStamp = 0;
  private bgPairStamp = 0;

  constructor(private readonly store: SlotStore) {}

  /**
   * string-similarity's compareTwoStrings(query key, slot s's key), computed on the words in
   * place: the same bigram multiset intersection and the same floating-point expression, so the
   * same number. compareTwoStrings first strips whitespace, which keys never hold (normalised
   * words are letters and digits); a key that did would be compared by compareTwoStrings itself.
   */
  dice(q: Query, s: number): number {
    const store = this.store;
    const a = q.key;
    const la = a.length;
    store.needTokens(s);
    const st = store.tokStart[s]!;
    const end = st + store.tokCount[s]!;
    const words = store.words;
    const pool = store.tokPool;
    let lb = 0;
    for (let i = st; i < end; i++) lb += words.get(pool[i]!)!.length;
    if (la === lb && store.keyEquals(s, a)) return 1;
    if (la < 2 || lb < 2) return 0;
    if ((q.flags & PF_KEY_SPACE) !== 0 || (store.flags[s]! & FLAG_KEY_SPACE) !== 0) {
      return stringSimilarity.compareTwoStrings(a, store.keyOf(s));
    }
    if (q.bigrams === 0) this.buildBigrams(q);
    const qStamp = q.bigrams;
    if (++this.bgPairStamp >= 0x7fffffff) {
      this.bgUsedStamp.fill(0);
      this.bgPairStamp = 1;
    }
    const pStamp = this.bgPairStamp;
    const mask = this.bgKey.length - 1;
    const bgKey = this.bgKey;
    const bgStamp = this.bgStamp;
    const bgCount = this.bgCount;
    const bgUsed = this.bgUsed;
    const bgUsedStamp = this.bgUsedStamp;
    let inter = 0;
    let prev = -1;
    for (let i = st; i < end; i++) {
      const w = words.get(pool[i]!)!;
      for (let j = 0; j < w.length; j++) {
        const c = w.charCodeAt(j);
        if (prev >= 0) {
          const code = (prev << 16) | c;
          let slot = bigramSlot(code, mask);
          while (bgStamp[slot] === qStamp && bgKey[slot] !== code) slot = (slot + 1) & mask;
          if (bgStamp[slot] === qStamp) {
            const used = bgUsedStamp[slot] === pStamp ? bgUsed[slot]! : 0;
            if (used < bgCount[slot]!) {
              bgUsed[slot] = used + 1;
              bgUsedStamp[slot] = pStamp;
              inter++;
            }
          }
        }
        prev = c;
      }
    }
    return (2.0 * inter) / (la + lb - 2);
  }

  /** The query key's bigram multiset into the scratch table (stamped with a fresh q.bigrams). */
  private buildBigrams(q: Query): void {
    const a = q.key;
    const la = a.length;
    let cap = this.bgKey.length;
    if (cap < 2 * la) {
      while (cap < 2 * la) cap *= 2;
      this.bgKey = new Int32Array(cap);
      this.bgCount = new Int32Array(cap);
      this.bgStamp = new Int32Array(cap);
      this.bgUsed = new Int32Array(cap);
      this.bgUsedStamp = new Int32Array(cap);
      this.bgQueryStamp = 0;
      this.bgPairStamp = 0;
    }
    if (++this.bgQueryStamp >= 0x7fffffff) {
      this.bgStamp.fill(0);
      this.bgQueryStamp = 1;
    }
    const stamp = this.bgQueryStamp;
    const mask = cap - 1;
    const bgKey = this.bgKey;
    const bgStamp = this.bgStamp;
    const bgCount = this.bgCount;
    for (let i = 0; i + 1 < la; i++) {
      const code = (a.charCodeAt(i) << 16) | a.charCodeAt(i + 1);
      let slot = bigramSlot(code, mask);
      while (bgStamp[slot] === stamp && bgKey[slot] !== code) slot = (slot + 1) & mask;
      if (bgStamp[slot] === stamp) bgCount[slot]!++;
      else {
        bgStamp[slot] = stamp;
        bgKey[slot] = code;
        bgCount[slot] = 1;
      }
    }
    q.bigrams = stamp;
  }
}

function bigramSlot(code: number, mask: number): number {
  let h = Math.imul(code, 0x9e3779b1);
  h ^= h >>> 15;
  return h & mask;
}
