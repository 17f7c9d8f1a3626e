/**
 * Fuzzy deduplication of paper sightings (pure: no I/O).
 *
 * `DedupIndex` holds one compact record per paper (its canonical copy) and answers, for a new
 * sighting, which paper it belongs to. Rules, in order (the first that applies wins):
 *
 * 1. `arxiv-id` (score 1): the sighting's arXiv id is a paper's id (versions ignored), whatever
 *    the text. Two different arXiv ids never match under any rule.
 * 2. `exact-title` (score 1): equal exact keys (`titleKey`: normalised words concatenated, so
 *    formatting, case, LaTeX vs rendered text, hard wraps, hyphenation/spacing, `&`/`and`, British
 *    spelling agree). Abstracts are not consulted (a copy whose "abstract" is a submitter comment
 *    still matches), except to choose between papers sharing one title.
 * 3. Candidates from blocking, each verified; the best score wins:
 *    - `clipped-title` (0.85-1): one title ends with a clip mark (`…`, `...`, `[...]`) and its key,
 *      at least MIN_CLIP_CHARS (12) long, is a prefix of the other's key (a respelled last
 *      fragment is tolerated). Rejected when both abstracts are real and unrelated (signature
 *      containment < 0.15); among several completions the one whose abstract agrees wins.
 *    - `fuzzy-title` (the Dice score): Dice (string-similarity `compareTwoStrings` on the keys)
 *      >= threshold (default 0.9) AND no distinguishing word (`tokenDiff`: a word on one side
 *      only that is not a spacing variant, a stopword or a plural - digits/versions/sizes, roman
 *      numerals and tier words like Nano/Super/Ultra/Pro/Mini are never excused) AND the shared
 *      words in the same order. A match that needed excuses (stopwords, plurals) is refused when
 *      both abstracts are real and unrelated.
 *    - `title+abstract` ((Dice + containment) / 2): Dice >= 0.5, no digit/version/tier word
 *      difference, both abstracts real and their signatures' containment >= 0.7 (a retitled
 *      version; a title that is a prefix of another without a clip mark merges only this way).
 *
 * A sighting is compared with each paper's canonical record only, never with other members, so
 * A~B~C does not glue A to C. Abstracts count as evidence only when "real": >= 20 words and not a
 * short text that reads like a comment (links, venue, "our code").
 *
 * Blocking (cost about linear in the input): an exact-key hash map; an arXiv-id map; an inverted
 * index over title words, of which only the LISTS (3; 7 for a clipped sighting) rarest words of
 * the sighting are read, each for at most SCAN_CAP (300) postings, most recent first, keeping at
 * most MAX_CANDIDATES (12) papers that share at least 2 of them (or a rare word); and a key-prefix
 * chain for clips (PREFIX_SCAN titles tested, MAX_CLIP_CANDIDATES kept). So a lookup verifies at
 * most ~20 pairs plus <= 64 cheap exact-key or prefix tests, whatever the data (all counted in
 * stats.candidates).
 * Cheap filters (key lengths, shared word ids, abstract signatures) run before Dice.
 *
 * Memory (no title or abstract text is kept): per paper the id string and its Map entry, the
 * title as word ids (4 bytes a word), key length and hash-chain links (~14 bytes), the arXiv id as
 * an int (4), an abstract signature (<= 16 x 2 bytes + 1), flags, a scratch int (4), and one
 * posting (8 bytes) per distinct content word; words are interned once (by a 32-bit hash, checked
 * against the word's text). Measured on 1M synthetic papers: ~185 MB of JS heap + ~150 MB of
 * typed arrays (~340 bytes per paper, ids included).
 *
 * Threads: all text work (normalising titles, sketching abstracts, parsing arXiv ids, hashing
 * words and key prefixes) is `prepareSighting`, a pure function whose result is plain data
 * (prepared.ts). An ingest computes it in its worker threads and passes it to `match(prepared)`,
 * `put(p, prepared)` and `upgrade(id, prepared, fields)` on the main thread, which then only
 * looks things up: word ids by hash, posting lists, sketches by fingerprint, and Dice counted on
 * the stored words in place (the same bigram-multiset arithmetic as string-similarity's
 * `compareTwoStrings`, so the same numbers). Given a record instead, match/put prepare it here.
 */
import stringSimilarity from 'string-similarity';
import { IntMap } from './intmap.js';
import { containment, SKETCH_MAX } from './sketch.js';
import { clipRatio, MIN_CLIP_CHARS, orderConsistent, tokenDiff } from './verify.js';
import { preferAbstract, preferTitle } from './prefer.js';
import {
  abstractPart,
  arxivPart,
  preparedTitleFacts,
  assemble,
  isPrepared,
  P_ARXIV,
  P_HEADER,
  P_KEY_HASH,
  P_PREFIX_HASH,
  P_SHORT_HASH,
  P_SIGS,
  P_WORDS,
  PF_CLIP_MARK,
  PF_CLIPPED,
  PF_KEY_SPACE,
  PF_REAL_ABSTRACT,
  PREFIX_CHARS,
  rangeHash,
  readI32,
  titlePart,
  type AbstractPart,
  type PreparedSighting,
  type TitlePart,
} from './prepared.js';
import type { TitleFacts } from './prefer.js';

export { preferAbstract, preferTitle, type TitleFacts } from './prefer.js';
export { tokenDiff, orderConsistent, clipRatio, isHardWord, MIN_CLIP_CHARS, TIER_WORDS } from './verify.js';
export { sketchAbstract, sketchSimilarity, isRealAbstract, type AbstractSketch } from './sketch.js';
export {
  isPrepared,
  prepareSighting,
  preparedTitleFacts,
  PREFIX_CHARS,
  PREPARED_KIND,
  type PreparedSighting,
} from './prepared.js';

export interface PaperRef {
  id: string;
  arxivId: string | null;
  title: string;
  abstract: string;
}

export interface MatchResult {
  paperId: string;
  score: number;
  /** 'arxiv-id' | 'exact-title' | 'clipped-title' | 'fuzzy-title' | 'title+abstract' */
  rule: string;
}

export interface DedupOptions {
  /** Minimum Dice similarity of two title keys for a fuzzy-title match. Default 0.9. */
  threshold?: number;
}

export interface SightingLike {
  title: string;
  abstract: string;
  arxivId: string | null;
}

/** Which fields of a paper's new canonical copy come from the sighting (see DedupIndex.upgrade). */
export interface UpgradeFields {
  title: boolean;
  abstract: boolean;
  arxivId: boolean;
}

/** Default Dice threshold for `fuzzy-title`. */
export const DEFAULT_THRESHOLD = 0.9;
/** `title+abstract`: minimum title Dice and abstract-signature containment. */
export const TITLE_ABSTRACT_MIN_DICE = 0.5;
export const TITLE_ABSTRACT_MIN_CONTAINMENT = 0.7;
/** Abstract containment below this (both real) counts as "unrelated texts". */
export const UNRELATED_ABSTRACTS = 0.15;
/** Blocking limits. */
export const LISTS = 3;
export const LISTS_CLIPPED = 7;
export const SCAN_CAP = 300;
export const MAX_CANDIDATES = 12;
/** Content words on one side only beyond which a pair is not even scored for fuzzy-title. */
export const MAX_WORD_GAP = 3;
/** At most this many clipped canonicals sharing the query's key prefix are verified. */
export const MAX_CLIP_CANDIDATES = 8;
/** Papers sharing one exact title key tested at most (most recent first). */
export const EXACT_SCAN = 64;
/** Titles sharing a clipped sighting's key prefix tested at most (most recent first). */
export const PREFIX_SCAN = 64;
/** A posting list this short is read and all its papers verified even on a single shared word. */
const RARE_DF = 8;

const FLAG_CLIPPED = 1;
/** The canonical abstract is empty, short or a comment: no evidence either way. */
const FLAG_NO_ABSTRACT = 2;
/** The canonical title ends with a clip mark (isClippedTitle; for titleFacts). */
const FLAG_CLIP_MARK = 4;
/** The canonical key holds whitespace (never, by construction; Dice then defers to string-similarity). */
const FLAG_KEY_SPACE = 8;

function grow<T extends Int32Array | Uint8Array | Uint16Array | Int8Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  let n = Math.max(16, a.length * 2);
  while (n < min) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** A tiny cache of the last few values computed from a string (match() then put() see the same). */
class LastFew<V> {
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

/** A prepared sighting unpacked for one lookup or write. */
class Query {
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
  /** Stamp of the query's bigram table in the index's scratch (0: not built). */
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

/** Scratch capacity for the slots noted while reading posting lists in one lookup. */
const TOUCHED_CAP = LISTS_CLIPPED * SCAN_CAP;

export class DedupIndex {
  readonly threshold: number;
  readonly stats = { lookups: 0, candidates: 0 };

  // --- per paper slot (struct of arrays) ---
  private slots = 0;
  private idOf: (string | undefined)[] = [];
  private alive = new Uint8Array(0);
  private flags = new Uint8Array(0);
  private keyLen = new Uint16Array(0);
  private hashNext = new Int32Array(0);
  private tokStart = new Int32Array(0);
  private tokCount = new Uint16Array(0);
  private arxivOf = new Int32Array(0);
  private arxivOther = new Map<number, string>();
  /** Next clipped canonical in a clip chain (clipped canonicals are few: a Map, not an array). */
  private clipNext = new Map<number, number>();
  private prefNext = new Int32Array(0);
  private shortPrefNext = new Int32Array(0);
  private sigLen = new Uint8Array(0);
  private sigPool = new Uint16Array(0);
  // scratch for candidate counting
  /** Per slot: epoch << 6 | last list read << 3 | hits (see candidates). */
  private mark = new Int32Array(0);
  private epoch = 0;
  private readonly chosen = new Int32Array(LISTS_CLIPPED);
  private readonly chosenDf = new Int32Array(LISTS_CLIPPED);
  private readonly qualified = new Int32Array(TOUCHED_CAP);
  private readonly rare = new Int32Array(TOUCHED_CAP);
  /** The candidates of the last lookup: the top MAX_CANDIDATES, then clip candidates. */
  private readonly top = new Int32Array(MAX_CANDIDATES + MAX_CLIP_CANDIDATES + 1);
  private readonly topRank = new Int32Array(MAX_CANDIDATES + 1);
  private readonly qSig = new Uint16Array(SKETCH_MAX);
  // scratch for Dice: the query's bigram multiset (open addressing, stamped)
  private bgKey = new Int32Array(256);
  private bgCount = new Int32Array(256);
  private bgStamp = new Int32Array(256);
  private bgUsed = new Int32Array(256);
  private bgUsedStamp = new Int32Array(256);
  private bgQueryStamp = 0;
  private bgPairStamp = 0;

  // --- lookups ---
  private idToSlot = new Map<string, number>();
  private exact = new IntMap();
  /** Clipped canonical titles by the hash of their key's first MIN_CLIP_CHARS characters. */
  private clips = new IntMap();
  /** Every canonical title by the hash of its key's first PREFIX_CHARS characters... */
  private prefixes = new IntMap();
  /** ... and of its first MIN_CLIP_CHARS characters (for clips shorter than PREFIX_CHARS). */
  private shortPrefixes = new IntMap();
  private arxivModern = new IntMap();
  private arxivOtherMap = new Map<string, number>();

  // --- words ---
  /** Word id by word hash (the first word with that hash)... */
  private vocab = new IntMap();
  /** ... and by text for the (rare) later words whose hash an earlier word has. */
  private vocabSpill = new Map<string, number>();
  private words: string[] = [];
  private isStop = new Uint8Array(0);
  /**
   * Posting list per word id: the slots whose title has the word, in insertion order. A word of
   * one paper (most of them) holds the slot number itself, not an array: -1 for none.
   */
  private post: (number | number[])[] = [];
  private tokPool = new Int32Array(0);
  private tokPoolLen = 0;

  /** The last looked-up sighting and its unpacking. */
  private lastPrepared: PreparedSighting | null = null;
  private lastQuery: Query | null = null;

  private readonly titleParts = new LastFew<TitlePart>(titlePart);
  private readonly abstractParts = new LastFew<AbstractPart>(abstractPart);

  constructor(opts: DedupOptions = {}) {
    const t = opts.threshold;
    this.threshold = typeof t === 'number' && t > 0 && t <= 1 ? t : DEFAULT_THRESHOLD;
  }

  get size(): number {
    return this.idToSlot.size;
  }

  /** Whether a paper with this id is indexed. */
  has(id: string): boolean {
    return this.idToSlot.has(id);
  }

  /** A record prepared on this thread (the last few titles and abstracts are cached). */
  private prepare(rec: SightingLike): PreparedSighting {
    return assemble(this.titleParts.get(rec.title ?? ''), this.abstractParts.get(rec.abstract ?? ''), arxivPart(rec.arxivId));
  }

  // ------------------------------------------------------------------------------------------
  // Writes

  /**
   * Register a paper's canonical record (or replace it if the id exists: canonical upgraded).
   * `prepared`, when given, must be `prepareSighting` of exactly p's title, abstract and arXiv id
   * (then nothing is normalised here).
   */
  put(p: PaperRef, prepared?: PreparedSighting): void {
    // The ingest puts the sighting it just looked up: reuse that unpacking (and its word ids).
    const q =
      prepared === undefined
        ? new Query(this.prepare(p))
        : prepared === this.lastPrepared
          ? this.lastQuery!
          : new Query(prepared);
    let s = this.idToSlot.get(p.id);
    if (s === undefined) {
      s = this.newSlot();
      this.idToSlot.set(p.id, s);
      this.idOf[s] = p.id;
      this.alive[s] = 1;
      this.setTitle(s, q, false);
    } else {
      this.replaceTitle(s, q);
      this.unlinkArxiv(s);
    }
    this.setArxiv(s, q);
    this.setSketch(s, q);
  }

  /**
   * An indexed paper's canonical copy upgraded from a sighting, without normalising here: the
   * fields marked in `take` become the sighting's (described by `prepared`), the others keep what
   * was last put for `id`. Same effect as put() of the merged copy. Returns false (and does
   * nothing) when `id` is not indexed.
   */
  upgrade(id: string, prepared: PreparedSighting, take: UpgradeFields): boolean {
    const s = this.idToSlot.get(id);
    if (s === undefined) return false;
    const q = new Query(prepared);
    if (take.title) this.replaceTitle(s, q);
    if (take.arxivId) {
      this.unlinkArxiv(s);
      this.setArxiv(s, q);
    } else {
      // As put() of the same id: the paper becomes the one its arXiv id maps to.
      const code = this.arxivOf[s]!;
      if (code > 0) this.arxivModern.set(code, s);
      else if (code < 0) this.arxivOtherMap.set(this.arxivOther.get(s)!, s);
    }
    if (take.abstract) this.setSketch(s, q);
    return true;
  }

  /**
   * What preferTitle needs of the title last put for `id` (its key length and clip mark), so
   * `preferTitle(current, incoming, { current: index.titleFacts(id), incoming: preparedTitleFacts(p) })`
   * normalises nothing. Null when `id` is not indexed.
   */
  titleFacts(id: string): TitleFacts | null {
    const s = this.idToSlot.get(id);
    if (s === undefined) return null;
    let n = 0;
    const st = this.tokStart[s]!;
    for (let i = 0, c = this.tokCount[s]!; i < c; i++) n += this.words[this.tokPool[st + i]!]!.length;
    return { keyLength: n, clipped: (this.flags[s]! & FLAG_CLIP_MARK) !== 0 };
  }

  /**
   * string-similarity's `compareTwoStrings` of the sighting's title key and paper `id`'s (as the
   * fuzzy rules compute it), or -1 when `id` is not indexed. For tests and diagnostics.
   */
  titleDice(rec: SightingLike | PreparedSighting, id: string): number {
    const s = this.idToSlot.get(id);
    if (s === undefined) return -1;
    return this.dice(new Query(isPrepared(rec) ? rec : this.prepare(rec)), s);
  }

  remove(id: string): void {
    const s = this.idToSlot.get(id);
    if (s === undefined) return;
    this.unlinkTitle(s);
    this.unlinkArxiv(s);
    this.idToSlot.delete(id);
    this.idOf[s] = undefined;
    this.alive[s] = 0;
  }

  private newSlot(): number {
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
      this.sigPool = grow(this.sigPool, cap * SKETCH_MAX);
      this.mark = grow(this.mark, cap);
    }
    this.keyLen[s] = 0;
    this.hashNext[s] = -1;
    this.prefNext[s] = -1;
    this.shortPrefNext[s] = -1;
    return s;
  }

  /** The id of the word key[from, from + len) with hash h, or -1. */
  private wordId(key: string, from: number, len: number, h: number): number {
    const id = this.vocab.get(h);
    if (id < 0) return -1;
    const w = this.words[id]!;
    if (w.length === len && key.startsWith(w, from)) return id;
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
      this.post.push(-1);
      this.isStop = grow(this.isStop, id + 1);
      this.isStop[id] = stop ? 1 : 0;
    }
    return id;
  }

  private addPosting(tid: number, s: number): void {
    const list = this.post[tid]!;
    if (typeof list !== 'number') list.push(s);
    else this.post[tid] = list < 0 ? s : [list, s];
  }

  /** put()'s title step for an existing slot: relinked when the clip flag or the key changed. */
  private replaceTitle(s: number, q: Query): void {
    const clipped = (this.flags[s]! & FLAG_CLIPPED) !== 0;
    if (clipped !== q.clipped || this.keyLen[s] !== q.key.length || !this.keyEquals(s, q.key)) {
      this.unlinkTitle(s);
      this.setTitle(s, q, true);
    }
    // The clip mark (for titleFacts) follows the title even when the key did not change.
    this.flags[s] = (q.flags & PF_CLIP_MARK) !== 0 ? this.flags[s]! | FLAG_CLIP_MARK : this.flags[s]! & ~FLAG_CLIP_MARK;
  }

  private setTitle(s: number, q: Query, replacing: boolean): void {
    const n = Math.min(q.nWords, 0xffff);
    const key = q.key;
    // Word ids; postings for content words not already posted for this slot.
    let old: Set<number> | null = null;
    if (replacing) {
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
      if (!dup) this.addPosting(tid, s);
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
  private unlinkTitle(s: number): void {
    if (this.keyLen[s] === 0) return;
    const key = this.keyOf(s);
    const hn = this.hashNext;
    DedupIndex.unlinkChain(
      this.exact,
      rangeHash(key, 0, key.length),
      s,
      (x) => hn[x]!,
      (x, v) => (hn[x] = v),
    );
    if (key.length >= MIN_CLIP_CHARS) {
      const sn = this.shortPrefNext;
      DedupIndex.unlinkChain(
        this.shortPrefixes,
        rangeHash(key, 0, MIN_CLIP_CHARS),
        s,
        (x) => sn[x]!,
        (x, v) => (sn[x] = v),
      );
    }
    if (key.length >= PREFIX_CHARS) {
      const pn = this.prefNext;
      DedupIndex.unlinkChain(
        this.prefixes,
        rangeHash(key, 0, PREFIX_CHARS),
        s,
        (x) => pn[x]!,
        (x, v) => (pn[x] = v),
      );
    }
    if (this.clipNext.has(s)) {
      const cn = this.clipNext;
      DedupIndex.unlinkChain(
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

  private setArxiv(s: number, q: Query): void {
    const code = q.arxivCode;
    this.arxivOf[s] = code;
    if (code > 0) this.arxivModern.set(code, s);
    else if (code < 0) {
      this.arxivOther.set(s, q.arxivStr!);
      this.arxivOtherMap.set(q.arxivStr!, s);
    }
  }

  private unlinkArxiv(s: number): void {
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

  private setSketch(s: number, q: Query): void {
    this.flags[s] = (q.flags & PF_REAL_ABSTRACT) !== 0 ? this.flags[s]! & ~FLAG_NO_ABSTRACT : this.flags[s]! | FLAG_NO_ABSTRACT;
    const n = q.nSig;
    this.sigLen[s] = n;
    const pool = this.sigPool;
    const d = q.data;
    for (let i = 0, at = s * SKETCH_MAX, from = q.sigAt; i < n; i++) pool[at + i] = d.charCodeAt(from + i);
  }

  // ------------------------------------------------------------------------------------------
  // Reads

  private tokensOf(s: number): string[] {
    const st = this.tokStart[s]!;
    const n = this.tokCount[s]!;
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = this.words[this.tokPool[st + i]!]!;
    return out;
  }

  private keyOf(s: number): string {
    return this.tokensOf(s).join('');
  }

  /** keyOf(s) === key, without building the key. */
  private keyEquals(s: number, key: string): boolean {
    const st = this.tokStart[s]!;
    const end = st + this.tokCount[s]!;
    let off = 0;
    for (let i = st; i < end; i++) {
      const w = this.words[this.tokPool[i]!]!;
      if (!key.startsWith(w, off)) return false;
      off += w.length;
    }
    return off === key.length;
  }

  private arxivCompatible(s: number, q: Query): boolean {
    const code = q.arxivCode;
    if (code === 0) return true;
    const c = this.arxivOf[s]!;
    if (c === 0) return true;
    if (c > 0 || code > 0) return c === code;
    return this.arxivOther.get(s) === q.arxivStr;
  }

  /** Abstract containment of the query and slot s, or -1 when either abstract is not real. */
  private abstractSim(q: Query, s: number): number {
    if ((this.flags[s]! & FLAG_NO_ABSTRACT) !== 0) return -1;
    if ((q.flags & PF_REAL_ABSTRACT) === 0) return -1;
    const from = s * SKETCH_MAX;
    return containment(this.qSig, 0, q.nSig, this.sigPool, from, from + this.sigLen[s]!);
  }

  /** The best matching paper for a sighting, or null. Never matches two different arXiv ids. */
  match(rec: SightingLike | PreparedSighting): MatchResult | null {
    this.stats.lookups++;
    const prepared = isPrepared(rec) ? rec : this.prepare(rec);
    const q = new Query(prepared);
    this.lastPrepared = prepared;
    this.lastQuery = q;
    const code = q.arxivCode;
    if (code !== 0) {
      const s = code > 0 ? this.arxivModern.get(code) : (this.arxivOtherMap.get(q.arxivStr!) ?? -1);
      if (s >= 0 && this.alive[s]) return { paperId: this.idOf[s]!, score: 1, rule: 'arxiv-id' };
    }
    const key = q.key;
    const klen = key.length;
    if (klen === 0) return null;
    for (let i = 0, d = q.data, at = q.sigAt; i < q.nSig; i++) this.qSig[i] = d.charCodeAt(at + i);

    // Exact key.
    let exact: number[] | null = null;
    let seen = 0;
    for (let s = this.exact.get(readI32(q.data, P_KEY_HASH)); s >= 0 && seen < EXACT_SCAN; s = this.hashNext[s]!) {
      if (this.keyLen[s] !== klen) continue;
      this.stats.candidates++;
      seen++;
      if (this.alive[s] && this.arxivCompatible(s, q) && this.keyEquals(s, key)) (exact ??= []).push(s);
    }
    if (exact !== null) {
      let best = exact[exact.length - 1]!; // earliest registered
      if (exact.length > 1) {
        let bestSim = -2;
        for (let i = exact.length - 1; i >= 0; i--) {
          const sim = this.abstractSim(q, exact[i]!);
          if (sim > bestSim) {
            bestSim = sim;
            best = exact[i]!;
          }
        }
      }
      return { paperId: this.idOf[best]!, score: 1, rule: 'exact-title' };
    }

    // Blocking + verification.
    let bestSlot = -1;
    let bestScore = -1;
    let bestRule = '';
    const n = this.candidates(q);
    const top = this.top;
    for (let i = 0; i < n; i++) {
      const s = top[i]!;
      this.stats.candidates++;
      if (!this.arxivCompatible(s, q)) continue;
      const v = this.verify(q, s);
      if (v < 0) continue;
      if (v > bestScore || (v === bestScore && s < bestSlot)) {
        bestScore = v;
        bestSlot = s;
        bestRule = this.verifiedRule;
      }
    }
    if (bestSlot < 0) return null;
    return { paperId: this.idOf[bestSlot]!, score: Math.round(bestScore * 1e4) / 1e4, rule: bestRule };
  }

  /** The rule of the last verify() that returned a score. */
  private verifiedRule = '';

  /** The score of slot s for the query (see the module comment), or -1; sets verifiedRule. */
  private verify(q: Query, s: number): number {
    const cClip = (this.flags[s]! & FLAG_CLIPPED) !== 0;
    if (!q.clipped && !cClip) {
      // Cheap rejections before comparing text: Dice bound from the lengths; and unless the
      // abstracts agree (title+abstract), the word sets must nearly coincide (fuzzy-title).
      const la = q.key.length;
      const lb = this.keyLen[s]!;
      if (la < 2 || lb < 2) return -1;
      const bound = (2 * Math.min(la - 1, lb - 1)) / (la + lb - 2);
      if (bound < TITLE_ABSTRACT_MIN_DICE) return -1;
      if (this.abstractSim(q, s) < TITLE_ABSTRACT_MIN_CONTAINMENT) {
        if (bound < this.threshold || this.wordGap(q, s) > MAX_WORD_GAP) return -1;
      }
    }
    if (q.clipped || cClip) {
      const r = clipRatio(q.key, q.clipped, this.keyOf(s), cClip);
      if (r < 0) return -1;
      const sim = this.abstractSim(q, s);
      if (sim >= 0 && sim < UNRELATED_ABSTRACTS) return -1;
      this.verifiedRule = 'clipped-title';
      return 0.85 + 0.1 * r + (sim >= 0.5 ? 0.05 : 0);
    }
    const dice = this.dice(q, s);
    if (dice < TITLE_ABSTRACT_MIN_DICE) return -1;
    const qTokens = q.words();
    const cTokens = this.tokensOf(s);
    const d = tokenDiff(qTokens, cTokens);
    if (d.hard) return -1;
    if (dice >= this.threshold && d.blocking === 0 && orderConsistent(qTokens, cTokens)) {
      const sim = d.excused === 0 ? -1 : this.abstractSim(q, s);
      if (d.excused === 0 || sim < 0 || sim >= UNRELATED_ABSTRACTS) {
        this.verifiedRule = 'fuzzy-title';
        return dice;
      }
      return -1;
    }
    const sim = this.abstractSim(q, s);
    if (sim < TITLE_ABSTRACT_MIN_CONTAINMENT) return -1;
    this.verifiedRule = 'title+abstract';
    return (dice + sim) / 2;
  }

  /**
   * string-similarity's compareTwoStrings(query key, slot s's key), computed on the words in
   * place: the same bigram multiset intersection and the same floating-point expression, so the
   * same number. compareTwoStrings first strips whitespace, which keys never hold (normalised
   * words are letters and digits); a key that did would be compared by compareTwoStrings itself.
   */
  private dice(q: Query, s: number): number {
    const a = q.key;
    const la = a.length;
    const st = this.tokStart[s]!;
    const end = st + this.tokCount[s]!;
    const words = this.words;
    const pool = this.tokPool;
    let lb = 0;
    for (let i = st; i < end; i++) lb += words[pool[i]!]!.length;
    if (la === lb && this.keyEquals(s, a)) return 1;
    if (la < 2 || lb < 2) return 0;
    if ((q.flags & PF_KEY_SPACE) !== 0 || (this.flags[s]! & FLAG_KEY_SPACE) !== 0) {
      return stringSimilarity.compareTwoStrings(a, this.keyOf(s));
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
      const w = words[pool[i]!]!;
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

  /** Word ids of the query's words (-1: unknown), resolved once. */
  private queryIds(q: Query): number[] {
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

  /**
   * Content words on one side only, by word id (the larger of the two counts). A fuzzy-title
   * match has none that is not a spacing variant, stopword or plural, so a few at most.
   */
  private wordGap(q: Query, s: number): number {
    if (q.gapIds === null) {
      const all = this.queryIds(q);
      const ids: number[] = [];
      for (let i = 0; i < q.nWords; i++) {
        if (q.isStop(i)) continue;
        const id = all[i]!;
        if (id < 0 || !ids.includes(id)) ids.push(id);
      }
      q.gapIds = ids;
    }
    const qIds = q.gapIds;
    const pool = this.tokPool;
    const st = this.tokStart[s]!;
    const end = st + this.tokCount[s]!;
    let qMissing = 0;
    for (let k = 0; k < qIds.length; k++) {
      const id = qIds[k]!;
      let found = false;
      if (id >= 0)
        for (let i = st; i < end; i++)
          if (pool[i] === id) {
            found = true;
            break;
          }
      if (!found) qMissing++;
    }
    let cMissing = 0;
    for (let i = st; i < end; i++) {
      const id = pool[i]!;
      if (!this.isStop[id] && !qIds.includes(id)) cMissing++;
    }
    return Math.max(qMissing, cMissing);
  }

  /**
   * Papers sharing the sighting's rarest title words (bounded; see the module comment), into
   * this.top; returns their number.
   */
  private candidates(q: Query): number {
    const ids = this.queryIds(q);
    const post = this.post;
    const clipped = q.clipped;
    const last = clipped ? q.nWords - 1 : q.nWords; // a clip's last word may be partial
    // The chosen lists, rarest first (a stable insertion sort by list length), at most `lists`.
    const lists = clipped ? LISTS_CLIPPED : LISTS;
    const chosen = this.chosen;
    const chosenDf = this.chosenDf;
    let nChosen = 0;
    let distinct = 0; // distinct known content words with postings (before the cut)
    for (let i = 0; i < last; i++) {
      if (q.isStop(i)) continue;
      const tid = ids[i]!;
      if (tid < 0) continue;
      const p = post[tid]!;
      if (p === -1) continue;
      let dup = false;
      for (let k = 0; k < i; k++)
        if (ids[k] === tid && !q.isStop(k)) {
          dup = true;
          break;
        }
      if (dup) continue;
      distinct++;
      const df = typeof p === 'number' ? 1 : p.length;
      // Insert after every chosen list with df <= this one (stable); drop past `lists`.
      let at = nChosen;
      while (at > 0 && chosenDf[at - 1]! > df) at--;
      if (at >= lists) continue;
      const to = nChosen < lists ? nChosen : lists - 1;
      for (let k = to; k > at; k--) {
        chosen[k] = chosen[k - 1]!;
        chosenDf[k] = chosenDf[k - 1]!;
      }
      chosen[at] = tid;
      chosenDf[at] = df;
      if (nChosen < lists) nChosen++;
    }
    const top = this.top;
    let nTop = 0;
    if (distinct === 0) return this.clipCandidatesInto(q, 0);

    // Count, per slot, the chosen lists it is in: mark = epoch << 6 | list << 3 | hits. A slot is
    // noted in `qualified` when its hits reach `need`, in `rare` each time a short list has it.
    if (++this.epoch >= 1 << 24) {
      this.mark.fill(0);
      this.epoch = 1;
    }
    const epochBits = this.epoch << 6;
    const mark = this.mark;
    const qualified = this.qualified;
    const rare = this.rare;
    let nQualified = 0;
    let nRare = 0;
    const need = nChosen >= 4 && clipped ? nChosen - 1 : nChosen >= 2 ? 2 : 1;
    for (let li = 0; li < nChosen; li++) {
      const p = post[chosen[li]!]!;
      const listBits = li << 3;
      if (typeof p === 'number' || p.length <= RARE_DF) {
        // A short list: read whole, each slot also noted as rare.
        const len = typeof p === 'number' ? 1 : p.length;
        for (let k = len - 1; k >= 0; k--) {
          const s = typeof p === 'number' ? p : p[k]!;
          const m = mark[s]!;
          if ((m & ~63) !== epochBits) {
            mark[s] = epochBits | listBits | 1;
            if (need === 1) qualified[nQualified++] = s;
            rare[nRare++] = s;
          } else if (((m >> 3) & 7) !== li) {
            const next = ((m & ~56) | listBits) + 1;
            mark[s] = next;
            if ((next & 7) === need) qualified[nQualified++] = s;
            rare[nRare++] = s;
          }
        }
        continue;
      }
      const stop = Math.max(0, p.length - SCAN_CAP);
      if (nChosen - li >= need) {
        // Slots may still qualify when first seen here.
        for (let k = p.length - 1; k >= stop; k--) {
          const s = p[k]!;
          const m = mark[s]!;
          if ((m & ~63) !== epochBits) {
            mark[s] = epochBits | listBits | 1;
            if (need === 1) qualified[nQualified++] = s;
          } else if (((m >> 3) & 7) !== li) {
            const next = ((m & ~56) | listBits) + 1;
            mark[s] = next;
            if ((next & 7) === need) qualified[nQualified++] = s;
          }
        }
      } else {
        // A slot first seen after this many lists cannot qualify: only count the others.
        for (let k = p.length - 1; k >= stop; k--) {
          const s = p[k]!;
          const m = mark[s]!;
          if ((m & ~63) === epochBits && ((m >> 3) & 7) !== li) {
            const next = ((m & ~56) | listBits) + 1;
            mark[s] = next;
            if ((next & 7) === need) qualified[nQualified++] = s;
          }
        }
      }
    }
    const klen = q.key.length;
    const keyLen = this.keyLen;
    // Keep the MAX_CANDIDATES best: most lists, then (full titles) closest key length, then newest.
    // The order is total (slot numbers break ties), so the kept set does not depend on the order
    // slots are considered in.
    const topRank = this.topRank;
    const alive = this.alive;
    for (let pass = 0; pass < 2; pass++) {
      const from = pass === 0 ? qualified : rare;
      const count = pass === 0 ? nQualified : nRare;
      for (let t = 0; t < count; t++) {
        const s = from[t]!;
        const hits = mark[s]! & 7;
        if (pass === 0) {
          // A full title shorter than a clip of it cannot be its source.
          if (clipped && keyLen[s]! < klen && (this.flags[s]! & FLAG_CLIPPED) === 0) continue;
        } else {
          // Rare-list slots short of `need`, each once.
          if (hits >= need) continue;
          mark[s] = (mark[s]! & ~7) | need;
        }
        if (!alive[s]) continue;
        const lenDiff = clipped ? 0 : Math.min(1023, Math.abs(keyLen[s]! - klen));
        const rank = hits * 1024 - lenDiff;
        let i = nTop;
        if (i === MAX_CANDIDATES) {
          const lr = topRank[i - 1]!;
          if (rank < lr || (rank === lr && s < top[i - 1]!)) continue;
          i--;
          nTop--;
        }
        while (i > 0 && (topRank[i - 1]! < rank || (topRank[i - 1] === rank && top[i - 1]! < s))) i--;
        for (let k = nTop; k > i; k--) {
          top[k] = top[k - 1]!;
          topRank[k] = topRank[k - 1]!;
        }
        top[i] = s;
        topRank[i] = rank;
        nTop++;
      }
    }
    return this.clipCandidatesInto(q, nTop);
  }

  /** Appends the clip / prefix candidates not already in top[0, n); returns the new count. */
  private clipCandidatesInto(q: Query, n: number): number {
    const extra = q.clipped ? this.prefixCandidates(q) : this.clipCandidates(q);
    if (extra === null) return n;
    const top = this.top;
    const kept = n;
    for (const s of extra) {
      let dup = false;
      for (let i = 0; i < kept; i++)
        if (top[i] === s) {
          dup = true;
          break;
        }
      if (!dup) top[n++] = s;
    }
    return n;
  }

  /**
   * For a clipped sighting: canonical titles starting with its key (up to PREFIX_SCAN of the
   * most recent titles sharing its first PREFIX_CHARS characters, or MIN_CLIP_CHARS for a shorter
   * clip, are tested).
   */
  private prefixCandidates(q: Query): number[] | null {
    const key = q.key;
    if (key.length < MIN_CLIP_CHARS) return null;
    const long = key.length >= PREFIX_CHARS;
    const next = long ? this.prefNext : this.shortPrefNext;
    const head = long ? this.prefixes.get(readI32(q.data, P_PREFIX_HASH)) : this.shortPrefixes.get(readI32(q.data, P_SHORT_HASH));
    let out: number[] | null = null;
    let n = 0;
    for (let s = head; s >= 0 && n < PREFIX_SCAN; s = next[s]!, n++) {
      this.stats.candidates++;
      if (!this.alive[s]) continue;
      const clipped = (this.flags[s]! & FLAG_CLIPPED) !== 0;
      if (!clipped && this.keyLen[s]! < key.length) continue;
      if (clipRatio(key, true, this.keyOf(s), clipped) < 0) continue;
      (out ??= []).push(s);
      if (out.length >= MAX_CLIP_CANDIDATES) break;
    }
    return out;
  }

  /** Clipped canonical titles whose first MIN_CLIP_CHARS key characters are the query's. */
  private clipCandidates(q: Query): number[] | null {
    if (q.key.length < MIN_CLIP_CHARS || this.clips.size === 0) return null;
    let out: number[] | null = null;
    let n = 0;
    for (
      let s = this.clips.get(readI32(q.data, P_SHORT_HASH));
      s >= 0 && n < MAX_CLIP_CANDIDATES;
      s = this.clipNext.get(s) ?? -1, n++
    ) {
      if (this.alive[s]) (out ??= []).push(s);
    }
    return out;
  }
}

function bigramSlot(code: number, mask: number): number {
  let h = Math.imul(code, 0x9e3779b1);
  h ^= h >>> 15;
  return h & mask;
}

export interface ClusterResult {
  /** Cluster index per record (clusters numbered in order of first appearance). */
  cluster: number[];
  /** The rule that placed each record ('new' for the first of a cluster). */
  rule: string[];
  score: number[];
  /** The canonical record of each cluster after all records. */
  canonical: SightingLike[];
}

/**
 * Batch helper for tests/properties: cluster records in the given order, exactly as an ingest
 * does (match, attach, upgrade the canonical copy with preferTitle/preferAbstract, put).
 * With `prepared` (prepared[i] = prepareSighting(recs[i]), possibly cloned), the index is fed the
 * prepared values instead (match(prepared), put(p, prepared), upgrade, title facts): the result
 * must be the same.
 */
export function clusterRecords(recs: SightingLike[], opts?: DedupOptions, prepared?: readonly PreparedSighting[]): ClusterResult {
  const index = new DedupIndex(opts);
  const canonical: SightingLike[] = [];
  const cluster: number[] = [];
  const rule: string[] = [];
  const score: number[] = [];
  recs.forEach((rec, i) => {
    const pr = prepared?.[i];
    const m = index.match(pr ?? rec);
    if (m) {
      const c = Number(m.paperId);
      const cur = canonical[c]!;
      const facts = pr ? { current: index.titleFacts(m.paperId)!, incoming: preparedTitleFacts(pr) } : undefined;
      const title = preferTitle(cur.title, rec.title, facts) === 'incoming' ? rec.title : cur.title;
      const abstract = preferAbstract(cur.abstract, rec.abstract) === 'incoming' ? rec.abstract : cur.abstract;
      const arxivId = cur.arxivId ?? rec.arxivId;
      if (title !== cur.title || abstract !== cur.abstract || arxivId !== cur.arxivId) {
        canonical[c] = { title, abstract, arxivId };
        if (pr)
          index.upgrade(m.paperId, pr, {
            title: title !== cur.title,
            abstract: abstract !== cur.abstract,
            arxivId: arxivId !== cur.arxivId,
          });
        else index.put({ id: String(c), title, abstract, arxivId });
      }
      cluster.push(c);
      rule.push(m.rule);
      score.push(m.score);
    } else {
      const c = canonical.length;
      canonical.push({ title: rec.title, abstract: rec.abstract, arxivId: rec.arxivId });
      index.put({ id: String(c), title: rec.title, abstract: rec.abstract, arxivId: rec.arxivId }, pr);
      cluster.push(c);
      rule.push('new');
      score.push(1);
    }
  });
  return { cluster, rule, score, canonical };
}
