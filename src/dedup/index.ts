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
import { Blocking, EXACT_SCAN } from './blocking.js';
import { DiceTable } from './dice.js';
import type { TitleFacts } from './prefer.js';
import {
  abstractPart,
  arxivPart,
  assemble,
  isPrepared,
  P_KEY_HASH,
  PF_CLIP_MARK,
  readI32,
  titlePart,
  type AbstractPart,
  type PreparedSighting,
  type TitlePart,
} from './prepared.js';
import { LastFew, Query } from './query.js';
import { DEFAULT_THRESHOLD, type MatchRule, MatchRules } from './rules.js';
import { FLAG_CLIP_MARK, SlotStore } from './slots.js';
import { decodeSlots, encodeSlotParts, type SnapshotSource } from './snapshot.js';

// The layers, bottom up (a file imports only those below it): query.ts (a prepared sighting
// unpacked), slots.ts (storage: slots, words, postings, key chains), dice.ts (title similarity)
// and blocking.ts (candidates) over the store, rules.ts (verify) over those, and this index.
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
export { EXACT_SCAN, LISTS, LISTS_CLIPPED, MAX_CANDIDATES, MAX_CLIP_CANDIDATES, PREFIX_SCAN, SCAN_CAP } from './blocking.js';
export {
  DEFAULT_THRESHOLD,
  MAX_WORD_GAP,
  type MatchRule,
  TITLE_ABSTRACT_MIN_CONTAINMENT,
  TITLE_ABSTRACT_MIN_DICE,
  UNRELATED_ABSTRACTS,
} from './rules.js';

export interface PaperRef {
  id: string;
  arxivId: string | null;
  title: string;
  abstract: string;
}

export interface MatchResult {
  paperId: string;
  score: number;
  rule: MatchRule;
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

export class DedupIndex {
  readonly threshold: number;
  readonly stats = { lookups: 0, candidates: 0 };

  private readonly store: SlotStore;
  private readonly similarity: DiceTable;
  private readonly blocking: Blocking;
  private readonly rules: MatchRules;

  /** The last looked-up sighting and its unpacking. */
  private lastPrepared: PreparedSighting | null = null;
  private lastQuery: Query | null = null;

  private readonly titleParts = new LastFew<TitlePart>(titlePart);
  private readonly abstractParts = new LastFew<AbstractPart>(abstractPart);

  /** `store`: the papers of a snapshot (fromSnapshot); else the index starts empty. */
  constructor(opts: DedupOptions = {}, store = new SlotStore()) {
    const t = opts.threshold;
    this.threshold = typeof t === 'number' && t > 0 && t <= 1 ? t : DEFAULT_THRESHOLD;
    this.store = store;
    this.similarity = new DiceTable(store);
    this.blocking = new Blocking(store, this.stats);
    this.rules = new MatchRules(store, this.similarity, this.threshold);
  }

  /**
   * Every indexed paper as bytes (no text: see ./snapshot.ts), in pieces to write one after the
   * other (the typed arrays are views, not copies); fromSnapshot restores the index.
   */
  snapshot(): Uint8Array[] {
    return encodeSlotParts(this.store);
  }

  /**
   * The index a snapshot() held, answering every lookup as it did. Throws on a damaged snapshot.
   * With `paged`, the largest arrays are read from the source as lookups need them (./paging.ts):
   * the source must then stay open while the index is used.
   */
  static fromSnapshot(bytes: Uint8Array | SnapshotSource, opts: DedupOptions = {}, load: { paged?: boolean } = {}): DedupIndex {
    return new DedupIndex(opts, decodeSlots(bytes, load));
  }

  get size(): number {
    return this.store.ids.size;
  }

  /** Whether a paper with this id is indexed. */
  has(id: string): boolean {
    return this.store.ids.get(id) >= 0;
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
    let s = this.store.ids.get(p.id);
    if (s < 0) {
      s = this.store.newSlot();
      this.store.ids.set(p.id, s);
      this.store.alive[s] = 1;
      this.store.setTitle(s, q, false);
    } else {
      this.store.replaceTitle(s, q);
      this.store.unlinkArxiv(s);
    }
    this.store.setArxiv(s, q);
    this.store.setSketch(s, q);
  }

  /**
   * An indexed paper's canonical copy upgraded from a sighting, without normalising here: the
   * fields marked in `take` become the sighting's (described by `prepared`), the others keep what
   * was last put for `id`. Same effect as put() of the merged copy. Returns false (and does
   * nothing) when `id` is not indexed.
   */
  upgrade(id: string, prepared: PreparedSighting, take: UpgradeFields): boolean {
    const s = this.store.ids.get(id);
    if (s < 0) return false;
    const q = new Query(prepared);
    if (take.title) this.store.replaceTitle(s, q);
    if (take.arxivId) {
      this.store.unlinkArxiv(s);
      this.store.setArxiv(s, q);
    } else {
      // As put() of the same id: the paper becomes the one its arXiv id maps to.
      this.store.relinkArxiv(s);
    }
    if (take.abstract) this.store.setSketch(s, q);
    return true;
  }

  /**
   * What preferTitle needs of the title last put for `id` (its key length and clip mark), so
   * `preferTitle(current, incoming, { current: index.titleFacts(id), incoming: preparedTitleFacts(p) })`
   * normalises nothing. Null when `id` is not indexed.
   */
  titleFacts(id: string): TitleFacts | null {
    const s = this.store.ids.get(id);
    if (s < 0) return null;
    let n = 0;
    this.store.needTokens(s);
    const st = this.store.tokStart[s]!;
    for (let i = 0, c = this.store.tokCount[s]!; i < c; i++) n += this.store.words.get(this.store.tokPool[st + i]!)!.length;
    return { keyLength: n, clipped: (this.store.flags[s]! & FLAG_CLIP_MARK) !== 0 };
  }

  /**
   * string-similarity's `compareTwoStrings` of the sighting's title key and paper `id`'s (as the
   * fuzzy rules compute it), or -1 when `id` is not indexed. For tests and diagnostics.
   */
  titleDice(rec: SightingLike | PreparedSighting, id: string): number {
    const s = this.store.ids.get(id);
    if (s < 0) return -1;
    return this.similarity.dice(new Query(isPrepared(rec) ? rec : this.prepare(rec)), s);
  }

  /** Gives an indexed paper another id (its canonical copy is unchanged). */
  rename(from: string, to: string): void {
    const s = this.store.ids.delete(from);
    if (s < 0) return;
    this.store.ids.set(to, s);
  }

  remove(id: string): void {
    const s = this.store.ids.get(id);
    if (s < 0) return;
    this.store.unlinkTitle(s);
    this.store.unlinkArxiv(s);
    this.store.ids.delete(id);
    this.store.alive[s] = 0;
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
      const s = code > 0 ? this.store.arxivModern.get(code) : (this.store.arxivOtherMap.get(q.arxivStr!) ?? -1);
      if (s >= 0 && this.store.alive[s]) return { paperId: this.store.ids.idAt(s)!, score: 1, rule: 'arxiv-id' };
    }
    const key = q.key;
    const klen = key.length;
    if (klen === 0) return null;
    this.store.loadQuerySketch(q);

    // Exact key.
    let exact: number[] | null = null;
    let seen = 0;
    for (let s = this.store.exact.get(readI32(q.data, P_KEY_HASH)); s >= 0 && seen < EXACT_SCAN; s = this.store.hashNext[s]!) {
      if (this.store.keyLen[s] !== klen) continue;
      this.stats.candidates++;
      seen++;
      if (this.store.alive[s] && this.store.arxivCompatible(s, q) && this.store.keyEquals(s, key)) (exact ??= []).push(s);
    }
    if (exact !== null) {
      let best = exact[exact.length - 1]!; // earliest registered
      if (exact.length > 1) {
        let bestSim = -2;
        for (let i = exact.length - 1; i >= 0; i--) {
          const sim = this.store.abstractSim(q, exact[i]!);
          if (sim > bestSim) {
            bestSim = sim;
            best = exact[i]!;
          }
        }
      }
      return { paperId: this.store.ids.idAt(best)!, score: 1, rule: 'exact-title' };
    }

    // Blocking + verification.
    let bestSlot = -1;
    let bestScore = -1;
    let bestRule: MatchRule = 'fuzzy-title';
    const n = this.blocking.candidates(q);
    const top = this.blocking.top;
    for (let i = 0; i < n; i++) {
      const s = top[i]!;
      this.stats.candidates++;
      if (!this.store.arxivCompatible(s, q)) continue;
      const v = this.rules.verify(q, s);
      if (v < 0) continue;
      if (v > bestScore || (v === bestScore && s < bestSlot)) {
        bestScore = v;
        bestSlot = s;
        bestRule = this.rules.rule;
      }
    }
    if (bestSlot < 0) return null;
    return { paperId: this.store.ids.idAt(bestSlot)!, score: Math.round(bestScore * 1e4) / 1e4, rule: bestRule };
  }

  /** The rule of the last verify() that returned a score. */
}
