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
 * posting (8 bytes) per distinct content word; words are interned once. Measured on 1M synthetic
 * papers: ~185 MB of JS heap + ~150 MB of typed arrays (~340 bytes per paper, ids included).
 */
import stringSimilarity from 'string-similarity';
import { normalizeTitle, STOPWORDS, type NormalizedTitle } from '../normalize.js';
import { IntMap } from './intmap.js';
import { containment, isRealAbstract, sketchAbstract, SKETCH_MAX, type AbstractSketch } from './sketch.js';
import { clipRatio, MIN_CLIP_CHARS, orderConsistent, tokenDiff } from './verify.js';
import { preferAbstract, preferTitle } from './prefer.js';

export { preferAbstract, preferTitle } from './prefer.js';
export { tokenDiff, orderConsistent, clipRatio, isHardWord, MIN_CLIP_CHARS, TIER_WORDS } from './verify.js';
export { sketchAbstract, sketchSimilarity, isRealAbstract, type AbstractSketch } from './sketch.js';

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
/** Length of the key prefix by which all canonical titles are chained (for clipped sightings). */
export const PREFIX_CHARS = 20;
/** Papers sharing one exact title key tested at most (most recent first). */
export const EXACT_SCAN = 64;
/** Titles sharing a clipped sighting's key prefix tested at most (most recent first). */
export const PREFIX_SCAN = 64;
/** A posting list this short is read and all its papers verified even on a single shared word. */
const RARE_DF = 8;

const FLAG_CLIPPED = 1;
/** The canonical abstract is empty, short or a comment: no evidence either way. */
const FLAG_NO_ABSTRACT = 2;
const NO_ARXIV = { code: 0, str: null as string | null };
const MODERN_ARXIV = /^(?:arxiv:)?(\d{4})\.(\d{4,5})(?:v\d+)?$/i;
const ARXIV_VERSION = /v\d+$/i;

interface ArxivRef {
  /** 0: none; > 0: a modern id encoded as yymm * 100000 + number; -1: another form, see str. */
  code: number;
  str: string | null;
}

function parseArxiv(id: string | null | undefined): ArxivRef {
  if (id === null || id === undefined) return NO_ARXIV;
  const v = id.trim();
  if (v === '') return NO_ARXIV;
  const m = MODERN_ARXIV.exec(v);
  if (m) return { code: Number(m[1]) * 100000 + Number(m[2]), str: null };
  return { code: -1, str: v.toLowerCase().replace(/^arxiv:/, '').replace(ARXIV_VERSION, '') };
}

function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h === 0 ? 1 : h | 0;
}

function grow<T extends Int32Array | Uint8Array | Uint16Array | Int8Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  let n = Math.max(16, a.length * 2);
  while (n < min) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** A tiny cache of the last few normalisations (match() then put() see the same strings). */
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

interface Query {
  title: NormalizedTitle;
  arxiv: ArxivRef;
  abstract: string;
  sketch: AbstractSketch | null;
  /** Distinct word ids of the title's content words (-1: a word the index has never seen). */
  ids: number[] | null;
}

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
  private vocab = new Map<string, number>();
  private words: string[] = [];
  private isStop = new Uint8Array(0);
  /**
   * Posting list per word id: the slots whose title has the word, in insertion order. A word of
   * one paper (most of them) holds the slot number itself, not an array: -1 for none.
   */
  private post: (number | number[])[] = [];
  private tokPool = new Int32Array(0);
  private tokPoolLen = 0;

  private readonly titles = new LastFew<NormalizedTitle>(normalizeTitle);
  private readonly sketches = new LastFew<AbstractSketch>(sketchAbstract);

  constructor(opts: DedupOptions = {}) {
    const t = opts.threshold;
    this.threshold = typeof t === 'number' && t > 0 && t <= 1 ? t : DEFAULT_THRESHOLD;
  }

  get size(): number {
    return this.idToSlot.size;
  }

  /** Bytes held in typed arrays (excludes strings and Maps); for benchmarks. */
  get typedBytes(): number {
    let n = 0;
    for (const a of [
      this.alive, this.flags, this.keyLen, this.hashNext, this.tokStart, this.tokCount,
      this.arxivOf, this.prefNext, this.shortPrefNext, this.sigLen, this.sigPool, this.mark,
      this.isStop, this.tokPool,
    ]) n += a.byteLength;
    return n + this.exact.bytes + this.clips.bytes + this.prefixes.bytes + this.shortPrefixes.bytes + this.arxivModern.bytes;
  }

  /** Distinct words interned so far. */
  get vocabularySize(): number {
    return this.words.length;
  }

  // ------------------------------------------------------------------------------------------
  // Writes

  /** Register a paper's canonical record (or replace it if the id exists: canonical upgraded). */
  put(p: PaperRef): void {
    const title = this.titles.get(p.title ?? '');
    const sketch = this.sketches.get(p.abstract ?? '');
    const arxiv = parseArxiv(p.arxivId);
    let s = this.idToSlot.get(p.id);
    if (s === undefined) {
      s = this.newSlot();
      this.idToSlot.set(p.id, s);
      this.idOf[s] = p.id;
      this.alive[s] = 1;
      this.setTitle(s, title, false);
    } else {
      const clipped = (this.flags[s]! & FLAG_CLIPPED) !== 0;
      if (clipped !== title.clipped || this.keyLen[s] !== title.key.length || this.keyOf(s) !== title.key) {
        this.unlinkTitle(s);
        this.setTitle(s, title, true);
      }
      this.unlinkArxiv(s);
    }
    this.setArxiv(s, arxiv);
    this.setSketch(s, sketch);
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

  private intern(w: string): number {
    let id = this.vocab.get(w);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(w);
      this.vocab.set(w, id);
      this.post.push(-1);
      this.isStop = grow(this.isStop, id + 1);
      this.isStop[id] = STOPWORDS.has(w) ? 1 : 0;
    }
    return id;
  }

  private addPosting(tid: number, s: number): void {
    const list = this.post[tid]!;
    if (typeof list !== 'number') list.push(s);
    else this.post[tid] = list < 0 ? s : [list, s];
  }

  private setTitle(s: number, t: NormalizedTitle, replacing: boolean): void {
    const toks = t.tokens;
    const n = Math.min(toks.length, 0xffff);
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
    const posted = new Set<number>();
    for (let i = 0; i < n; i++) {
      const w = toks[i]!;
      const tid = this.intern(w);
      this.tokPool[start + i] = tid;
      if (STOPWORDS.has(w) || posted.has(tid) || (old !== null && old.has(tid))) continue;
      posted.add(tid);
      this.addPosting(tid, s);
    }
    this.tokStart[s] = start;
    this.tokCount[s] = n;
    this.flags[s] = t.clipped ? this.flags[s]! | FLAG_CLIPPED : this.flags[s]! & ~FLAG_CLIPPED;
    this.keyLen[s] = Math.min(t.key.length, 0xffff);
    // Chains: exact key; key prefix (all titles, and clipped ones apart). The hashes are not
    // stored: unlinkTitle recomputes them from the words.
    if (t.key.length > 0) {
      const h = keyHash(t.key);
      this.hashNext[s] = this.exact.get(h);
      this.exact.set(h, s);
    }
    if (t.key.length >= MIN_CLIP_CHARS) {
      const h = keyHash(t.key.slice(0, MIN_CLIP_CHARS));
      this.shortPrefNext[s] = this.shortPrefixes.get(h);
      this.shortPrefixes.set(h, s);
    }
    if (t.key.length >= PREFIX_CHARS) {
      const h = keyHash(t.key.slice(0, PREFIX_CHARS));
      this.prefNext[s] = this.prefixes.get(h);
      this.prefixes.set(h, s);
    }
    if (t.clipped && t.key.length >= MIN_CLIP_CHARS) {
      const h = keyHash(t.key.slice(0, MIN_CLIP_CHARS));
      this.clipNext.set(s, this.clips.get(h));
      this.clips.set(h, s);
    }
  }

  /** Unlinks slot s from the exact-key, prefix and clip chains. */
  private unlinkTitle(s: number): void {
    if (this.keyLen[s] === 0) return;
    const key = this.keyOf(s);
    const hn = this.hashNext;
    DedupIndex.unlinkChain(this.exact, keyHash(key), s, (x) => hn[x]!, (x, v) => (hn[x] = v));
    if (key.length >= MIN_CLIP_CHARS) {
      const sn = this.shortPrefNext;
      DedupIndex.unlinkChain(this.shortPrefixes, keyHash(key.slice(0, MIN_CLIP_CHARS)), s, (x) => sn[x]!, (x, v) => (sn[x] = v));
    }
    if (key.length >= PREFIX_CHARS) {
      const pn = this.prefNext;
      DedupIndex.unlinkChain(this.prefixes, keyHash(key.slice(0, PREFIX_CHARS)), s, (x) => pn[x]!, (x, v) => (pn[x] = v));
    }
    if (this.clipNext.has(s)) {
      const cn = this.clipNext;
      DedupIndex.unlinkChain(this.clips, keyHash(key.slice(0, MIN_CLIP_CHARS)), s, (x) => cn.get(x) ?? -1, (x, v) => cn.set(x, v));
      cn.delete(s);
    }
    this.keyLen[s] = 0;
    this.hashNext[s] = -1;
    this.prefNext[s] = -1;
    this.shortPrefNext[s] = -1;
  }

  private static unlinkChain(
    map: IntMap, h: number, s: number, next: (x: number) => number, setNext: (x: number, v: number) => void,
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

  private setArxiv(s: number, a: ArxivRef): void {
    this.arxivOf[s] = a.code;
    if (a.code > 0) this.arxivModern.set(a.code, s);
    else if (a.code < 0) {
      this.arxivOther.set(s, a.str!);
      this.arxivOtherMap.set(a.str!, s);
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

  private setSketch(s: number, k: AbstractSketch): void {
    this.flags[s] = isRealAbstract(k) ? this.flags[s]! & ~FLAG_NO_ABSTRACT : this.flags[s]! | FLAG_NO_ABSTRACT;
    const n = Math.min(k.sig.length, SKETCH_MAX);
    this.sigLen[s] = n;
    this.sigPool.set(n === k.sig.length ? k.sig : k.sig.subarray(0, n), s * SKETCH_MAX);
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

  private arxivCompatible(s: number, a: ArxivRef): boolean {
    if (a.code === 0) return true;
    const c = this.arxivOf[s]!;
    if (c === 0) return true;
    if (c > 0 || a.code > 0) return c === a.code;
    return this.arxivOther.get(s) === a.str;
  }

  /** Abstract containment of the query and slot s, or -1 when either abstract is not real. */
  private abstractSim(q: Query, s: number): number {
    if ((this.flags[s]! & FLAG_NO_ABSTRACT) !== 0) return -1;
    if (q.sketch === null) q.sketch = this.sketches.get(q.abstract);
    const k = q.sketch;
    if (!isRealAbstract(k)) return -1;
    const from = s * SKETCH_MAX;
    return containment(k.sig, 0, k.sig.length, this.sigPool, from, from + this.sigLen[s]!);
  }

  /** The best matching paper for a sighting, or null. Never matches two different arXiv ids. */
  match(rec: SightingLike): MatchResult | null {
    this.stats.lookups++;
    const arxiv = parseArxiv(rec.arxivId);
    if (arxiv.code !== 0) {
      const s = arxiv.code > 0 ? this.arxivModern.get(arxiv.code) : this.arxivOtherMap.get(arxiv.str!) ?? -1;
      if (s >= 0 && this.alive[s]) return { paperId: this.idOf[s]!, score: 1, rule: 'arxiv-id' };
    }
    const title = this.titles.get(rec.title ?? '');
    if (title.key.length === 0) return null;
    const q: Query = { title, arxiv, abstract: rec.abstract ?? '', sketch: null, ids: null };

    // Exact key.
    const exact: number[] = [];
    const klen = title.key.length;
    let seen = 0;
    for (let s = this.exact.get(keyHash(title.key)); s >= 0 && seen < EXACT_SCAN; s = this.hashNext[s]!) {
      if (this.keyLen[s] !== klen) continue;
      this.stats.candidates++;
      seen++;
      if (this.alive[s] && this.arxivCompatible(s, arxiv) && this.keyOf(s) === title.key) exact.push(s);
    }
    if (exact.length > 0) {
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
    for (const s of this.candidates(title)) {
      this.stats.candidates++;
      if (!this.arxivCompatible(s, arxiv)) continue;
      const v = this.verify(q, s);
      if (v === null) continue;
      if (v.score > bestScore || (v.score === bestScore && s < bestSlot)) {
        bestScore = v.score;
        bestSlot = s;
        bestRule = v.rule;
      }
    }
    if (bestSlot < 0) return null;
    return { paperId: this.idOf[bestSlot]!, score: Math.round(bestScore * 1e4) / 1e4, rule: bestRule };
  }

  private verify(q: Query, s: number): { score: number; rule: string } | null {
    const t = q.title;
    const cClip = (this.flags[s]! & FLAG_CLIPPED) !== 0;
    if (!t.clipped && !cClip) {
      // Cheap rejections before building strings: Dice bound from the lengths; and unless the
      // abstracts agree (title+abstract), the word sets must nearly coincide (fuzzy-title).
      const la = t.key.length;
      const lb = this.keyLen[s]!;
      if (la < 2 || lb < 2) return null;
      const bound = (2 * Math.min(la - 1, lb - 1)) / (la + lb - 2);
      if (bound < TITLE_ABSTRACT_MIN_DICE) return null;
      if (this.abstractSim(q, s) < TITLE_ABSTRACT_MIN_CONTAINMENT) {
        if (bound < this.threshold || this.wordGap(q, s) > MAX_WORD_GAP) return null;
      }
    }
    const cTokens = this.tokensOf(s);
    const cKey = cTokens.join('');
    if (t.clipped || cClip) {
      const r = clipRatio(t.key, t.clipped, cKey, cClip);
      if (r < 0) return null;
      const sim = this.abstractSim(q, s);
      if (sim >= 0 && sim < UNRELATED_ABSTRACTS) return null;
      return { score: 0.85 + 0.1 * r + (sim >= 0.5 ? 0.05 : 0), rule: 'clipped-title' };
    }
    const dice = stringSimilarity.compareTwoStrings(t.key, cKey);
    if (dice < TITLE_ABSTRACT_MIN_DICE) return null;
    const d = tokenDiff(t.tokens, cTokens);
    if (d.hard) return null;
    if (dice >= this.threshold && d.blocking === 0 && orderConsistent(t.tokens, cTokens)) {
      if (d.excused === 0) return { score: dice, rule: 'fuzzy-title' };
      const sim = this.abstractSim(q, s);
      if (sim < 0 || sim >= UNRELATED_ABSTRACTS) return { score: dice, rule: 'fuzzy-title' };
      return null;
    }
    const sim = this.abstractSim(q, s);
    if (sim < TITLE_ABSTRACT_MIN_CONTAINMENT) return null;
    return { score: (dice + sim) / 2, rule: 'title+abstract' };
  }

  /**
   * Content words on one side only, by word id (the larger of the two counts). A fuzzy-title
   * match has none that is not a spacing variant, stopword or plural, so a few at most.
   */
  private wordGap(q: Query, s: number): number {
    if (q.ids === null) {
      const ids: number[] = [];
      for (const w of q.title.tokens) {
        if (STOPWORDS.has(w)) continue;
        const id = this.vocab.get(w) ?? -1;
        if (id < 0 || !ids.includes(id)) ids.push(id);
      }
      q.ids = ids;
    }
    const pool = this.tokPool;
    const st = this.tokStart[s]!;
    const end = st + this.tokCount[s]!;
    let qMissing = 0;
    for (const id of q.ids) {
      let found = false;
      if (id >= 0) for (let i = st; i < end; i++) if (pool[i] === id) { found = true; break; }
      if (!found) qMissing++;
    }
    let cMissing = 0;
    for (let i = st; i < end; i++) {
      const id = pool[i]!;
      if (!this.isStop[id] && !q.ids.includes(id)) cMissing++;
    }
    return Math.max(qMissing, cMissing);
  }

  /** Papers sharing the sighting's rarest title words (bounded; see the module comment). */
  private candidates(t: NormalizedTitle): number[] {
    const toks = t.tokens;
    const last = t.clipped ? toks.length - 1 : toks.length; // a clip's last word may be partial
    const chosen: number[] = [];
    for (let i = 0; i < last; i++) {
      const w = toks[i]!;
      if (STOPWORDS.has(w)) continue;
      const tid = this.vocab.get(w);
      if (tid === undefined || this.post[tid] === -1 || chosen.includes(tid)) continue;
      chosen.push(tid);
    }
    const clipCands = t.clipped ? this.prefixCandidates(t) : this.clipCandidates(t.key);
    if (chosen.length === 0) return clipCands;
    const post = this.post;
    const df = (tid: number): number => {
      const p = post[tid]!;
      return typeof p === 'number' ? (p < 0 ? 0 : 1) : p.length;
    };
    chosen.sort((a, b) => df(a) - df(b));
    // A clip's full title holds every word of the clip: read more lists to intersect them.
    const lists = t.clipped ? LISTS_CLIPPED : LISTS;
    if (chosen.length > lists) chosen.length = lists;

    // Count, per slot, the chosen lists it is in: mark = epoch << 6 | list << 3 | hits.
    if (++this.epoch >= 1 << 24) {
      this.mark.fill(0);
      this.epoch = 1;
    }
    const epochBits = this.epoch << 6;
    const mark = this.mark;
    const touched: number[] = [];
    const rare: number[] = [];
    const need = chosen.length >= 4 && t.clipped ? chosen.length - 1 : chosen.length >= 2 ? 2 : 1;
    for (let li = 0; li < chosen.length; li++) {
      const p = post[chosen[li]!]!;
      const list = typeof p === 'number' ? [p] : p;
      const isRare = list.length <= RARE_DF;
      // A slot first seen in a list after which fewer than need - 1 lists remain cannot qualify.
      const admit = isRare || chosen.length - li >= need;
      const stop = Math.max(0, list.length - SCAN_CAP);
      for (let k = list.length - 1; k >= stop; k--) {
        const s = list[k]!;
        const m = mark[s]!;
        if ((m & ~63) !== epochBits) {
          if (!admit) continue;
          mark[s] = epochBits | (li << 3) | 1;
          touched.push(s);
          if (isRare) rare.push(s);
        } else if (((m >> 3) & 7) !== li) {
          mark[s] = ((m & ~56) | (li << 3)) + 1;
          if (isRare) rare.push(s);
        }
      }
    }
    const klen = t.key.length;
    const clipped = t.clipped;
    // Keep the MAX_CANDIDATES best: most lists, then (full titles) closest key length, then newest.
    const top: number[] = [];
    const topRank: number[] = [];
    const consider = (s: number, hits: number): void => {
      if (!this.alive[s]) return;
      const lenDiff = clipped ? 0 : Math.min(1023, Math.abs(this.keyLen[s]! - klen));
      const rank = hits * 1024 - lenDiff;
      let i = top.length;
      if (i === MAX_CANDIDATES) {
        const lr = topRank[i - 1]!;
        if (rank < lr || (rank === lr && s < top[i - 1]!)) return;
        i--;
        top.pop();
        topRank.pop();
      }
      while (i > 0 && (topRank[i - 1]! < rank || (topRank[i - 1] === rank && top[i - 1]! < s))) i--;
      top.splice(i, 0, s);
      topRank.splice(i, 0, rank);
    };
    for (const s of touched) {
      const hits = mark[s]! & 7;
      if (hits < need) continue;
      // A full title shorter than a clip of it cannot be its source.
      if (clipped && this.keyLen[s]! < klen && (this.flags[s]! & FLAG_CLIPPED) === 0) continue;
      consider(s, hits);
    }
    for (const s of rare) {
      const hits = mark[s]! & 7;
      if (hits >= need) continue;
      mark[s] = (mark[s]! & ~7) | need; // count once
      consider(s, hits);
    }
    for (const s of clipCands) if (!top.includes(s)) top.push(s);
    return top;
  }

  /**
   * For a clipped sighting: canonical titles starting with its key (up to PREFIX_SCAN of the
   * most recent titles sharing its first PREFIX_CHARS characters, or MIN_CLIP_CHARS for a shorter
   * clip, are tested).
   */
  private prefixCandidates(t: NormalizedTitle): number[] {
    const key = t.key;
    if (key.length < MIN_CLIP_CHARS) return [];
    const long = key.length >= PREFIX_CHARS;
    const next = long ? this.prefNext : this.shortPrefNext;
    const head = long ? this.prefixes.get(keyHash(key.slice(0, PREFIX_CHARS))) : this.shortPrefixes.get(keyHash(key.slice(0, MIN_CLIP_CHARS)));
    const out: number[] = [];
    let n = 0;
    for (let s = head; s >= 0 && n < PREFIX_SCAN; s = next[s]!, n++) {
      this.stats.candidates++;
      if (!this.alive[s]) continue;
      const clipped = (this.flags[s]! & FLAG_CLIPPED) !== 0;
      if (!clipped && this.keyLen[s]! < key.length) continue;
      if (clipRatio(key, true, this.keyOf(s), clipped) < 0) continue;
      out.push(s);
      if (out.length >= MAX_CLIP_CANDIDATES) break;
    }
    return out;
  }

  /** Clipped canonical titles whose first MIN_CLIP_CHARS key characters are the query's. */
  private clipCandidates(key: string): number[] {
    if (key.length < MIN_CLIP_CHARS || this.clips.size === 0) return [];
    const out: number[] = [];
    let n = 0;
    for (let s = this.clips.get(keyHash(key.slice(0, MIN_CLIP_CHARS))); s >= 0 && n < MAX_CLIP_CANDIDATES; s = this.clipNext.get(s) ?? -1, n++) {
      if (this.alive[s]) out.push(s);
    }
    return out;
  }
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
 */
export function clusterRecords(recs: SightingLike[], opts?: DedupOptions): ClusterResult {
  const index = new DedupIndex(opts);
  const canonical: SightingLike[] = [];
  const cluster: number[] = [];
  const rule: string[] = [];
  const score: number[] = [];
  for (const rec of recs) {
    const m = index.match(rec);
    if (m) {
      const c = Number(m.paperId);
      const cur = canonical[c]!;
      const title = preferTitle(cur.title, rec.title) === 'incoming' ? rec.title : cur.title;
      const abstract = preferAbstract(cur.abstract, rec.abstract) === 'incoming' ? rec.abstract : cur.abstract;
      const arxivId = cur.arxivId ?? rec.arxivId;
      if (title !== cur.title || abstract !== cur.abstract || arxivId !== cur.arxivId) {
        canonical[c] = { title, abstract, arxivId };
        index.put({ id: String(c), title, abstract, arxivId });
      }
      cluster.push(c);
      rule.push(m.rule);
      score.push(m.score);
    } else {
      const c = canonical.length;
      canonical.push({ title: rec.title, abstract: rec.abstract, arxivId: rec.arxivId });
      index.put({ id: String(c), title: rec.title, abstract: rec.abstract, arxivId: rec.arxivId });
      cluster.push(c);
      rule.push('new');
      score.push(1);
    }
  }
  return { cluster, rule, score, canonical };
}
