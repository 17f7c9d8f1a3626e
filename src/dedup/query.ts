/**
 * A prepared sighting unpacked for one lookup or write (pure; prepared.ts builds the data). The
 * bottom of the dedup layers: every other layer reads a sighting through this.
 */
import { P_ARXIV, P_HEADER, P_SIGS, P_WORDS, PF_CLIPPED, type PreparedSighting, readI32 } from './prepared.js';

export class Query {
  readonly key: string;
  readonly data: string;
  readonly flags: number;
  readonly clipped: boolean;
  readonly arxivCode: number;
  readonly arxivStr: string | null;
  readonly nWords: number;
  readonly nSig: number;
  /** Offsets in data of the word units, the stopword bits and the sketch. */
  readonly wordsAt: number;
  readonly stopAt: number;
  readonly sigAt: number;
  /** Word ids per word (-1: unknown to the index), resolved on first use. */
  ids: number[] | null = null;
  /** Distinct ids of content words (-1 repeated for each unknown one), for wordGap. */
  gapIds: number[] | null = null;
  tokens: string[] | null = null;
  /** Stamp of the query's bigram table in the Dice scratch (0: not built). */
  bigrams = 0;

  constructor(p: PreparedSighting) {
    const d = p.data;
    this.key = p.key;
    this.data = d;
    this.flags = d.charCodeAt(0);
    this.clipped = (this.flags & PF_CLIPPED) !== 0;
    this.arxivCode = readI32(d, P_ARXIV);
    this.nWords = d.charCodeAt(P_WORDS);
    this.nSig = d.charCodeAt(P_SIGS);
    this.wordsAt = P_HEADER;
    this.stopAt = P_HEADER + 3 * this.nWords;
    this.sigAt = this.stopAt + ((this.nWords + 15) >> 4);
    const tail = this.sigAt + this.nSig;
    this.arxivStr = this.arxivCode < 0 ? d.slice(tail) : null;
  }

  isStop(i: number): boolean {
    return ((this.data.charCodeAt(this.stopAt + (i >> 4)) >> (i & 15)) & 1) !== 0;
  }

  wordLen(i: number): number {
    return this.data.charCodeAt(this.wordsAt + 3 * i);
  }

  wordHash(i: number): number {
    return readI32(this.data, this.wordsAt + 3 * i + 1);
  }

  /** The words as strings (slices of the key). */
  words(): string[] {
    if (this.tokens === null) {
      const out = new Array<string>(this.nWords);
      for (let i = 0, off = 0; i < this.nWords; i++) {
        const n = this.wordLen(i);
        out[i] = this.key.slice(off, off + n);
        off += n;
      }
      this.tokens = out;
    }
    return this.tokens;
  }
}

/** A tiny cache of the last few values computed from a string (match() then put() see the same). */
export class LastFew<V> {
  private keys: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  private vals: (V | undefined)[] = [undefined, undefined, undefined, undefined];
  private next = 0;
  constructor(private readonly make: (s: string) => V) {}
  get(s: string): V {
    for (let i = 0; i < 4; i++) if (this.keys[i] === s) return this.vals[i]!;
    const v = this.make(s);
    this.keys[this.next] = s;
    this.vals[this.next] = v;
    this.next = (this.next + 1) & 3;
    return v;
  }
}
