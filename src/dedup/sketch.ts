/**
 * Compact abstract signatures: a sampled set of hashed word 3-shingles over the normalised start
 * of the abstract, so two copies can be compared in O(signature) without keeping the text.
 *
 * - Only the first `ABSTRACT_PREFIX_CHARS` characters are normalised and only the first
 *   `SKETCH_WORDS` words are shingled: a truncated copy (cut with `…`), a copy missing its last
 *   sentence and a copy with a venue note appended all share that start; a note prepended shifts
 *   it by a few words, which shingles tolerate.
 * - A shingle is kept when its 32-bit hash is 0 mod 4 (content-defined sampling, so a copy that is
 *   a prefix of another has a sample that is a subset of the other's), at most `SKETCH_MAX` of
 *   them, stored as 16-bit fingerprints, sorted and deduplicated.
 * - `containment(a, b) = |a ∩ b| / min(|a|, |b|)`: 1 for a truncated copy, ~0 for unrelated texts.
 */
import { isWordCode, normalizeWords, skipJoiner } from '../normalize.js';

export const ABSTRACT_PREFIX_CHARS = 600;
export const SKETCH_WORDS = 64;
export const SKETCH_MAX = 16;
/** An abstract with fewer words than this is a comment or a stub, not evidence either way. */
export const REAL_ABSTRACT_WORDS = 20;
/** Fewer sampled shingles than this and a containment is not computed (no evidence). */
export const MIN_SKETCH = 3;

export interface AbstractSketch {
  /** Words in the normalised prefix (capped at 255). */
  words: number;
  /** Short (< COMMENT_MAX_WORDS words) and reads like a submitter's comment (see isCommentLike). */
  comment: boolean;
  /** Sorted unique 16-bit shingle fingerprints. */
  sig: Uint16Array;
}

const EMPTY_SIG = new Uint16Array(0);
export const EMPTY_SKETCH: AbstractSketch = { words: 0, comment: false, sig: EMPTY_SIG };

/** Texts shorter than this (in words) are checked for comment cues. */
export const COMMENT_MAX_WORDS = 60;
const COMMENT_CUES =
  /https?:\/\/|www\.|github\.com|huggingface\.co|project page|\baccepted (?:at|to|by|in)\b|camera[- ]ready|\bcheck (?:it )?out\b|\bour (?:code|paper|work|team)\b|\bcode (?:is |will be )?(?:available|released)\b|\bcode:/i;

/** FNV-1a of a word (what the sketch's shingles are made of). */
export function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit finaliser (MurmurHash3's): spreads a combined hash over all its bits. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SENTENCE_END = /(?<=[.!?;])\s+/;

/**
 * A short text that reads like a submitter's comment: its sentences without comment cues (links,
 * venue, "our code") hold fewer than REAL_ABSTRACT_WORDS words. A real abstract with a venue note
 * keeps its other sentences.
 */
export function isCommentLike(text: string): boolean {
  if (!COMMENT_CUES.test(text)) return false;
  let rest = 0;
  for (const sentence of text.split(SENTENCE_END)) {
    if (!COMMENT_CUES.test(sentence)) rest += sentence.split(/\s+/).length;
  }
  return rest < REAL_ABSTRACT_WORDS;
}

/**
 * For an ASCII code: its lowercase code when it is a word character (isWordCode); NEEDS_FULL for
 * a character only the full normalisation handles (control characters but the line feed, and
 * the markup `\\ $ ^ _ { } ~ &`: the complement of the fast path's printable ASCII); else 0.
 */
const ASCII_CLASS = new Uint8Array(128);
const NEEDS_FULL = 1;
/** A character that may join two parts of a word (see skipJoiner): ' ` - . */
const JOINER = 2;
for (let c = 0; c < 128; c++) {
  if (isWordCode(c)) ASCII_CLASS[c] = c >= 65 && c <= 90 ? c + 32 : c;
  else if ((c < 0x20 && c !== 10) || c === 0x7f || '\\$^_{}~&'.includes(String.fromCharCode(c))) ASCII_CLASS[c] = NEEDS_FULL;
  else if ("'`-.".includes(String.fromCharCode(c))) ASCII_CLASS[c] = JOINER;
}

/** Word hashes of the abstract being sketched (at most SKETCH_WORDS + 1; see sketchInto). */
const HASHES = new Uint32Array(SKETCH_WORDS + 1);

/**
 * Hashes of the first `SKETCH_WORDS + 1` normalised words of `s[0, end)` into HASHES, read in
 * place, without building the words: the same words as `normalizeWordsUpTo` (same joiners),
 * hashed as wordHash. Returns the count, or -1 when the range holds a character the full
 * normalisation must see (anywhere in it, also after the last word read).
 */
function asciiWordHashes(s: string, end: number): number {
  const max = SKETCH_WORDS + 1;
  let h = 0x811c9dc5;
  let inWord = false;
  let words = 0;
  // One table lookup a character (word, markup, or other, and its lowercase code): this loop
  // reads the first ~430 characters of every abstract.
  let i = 0;
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c >= 128) return -1;
    const k = ASCII_CLASS[c]!;
    if (k > JOINER) {
      h = Math.imul(h ^ k, 0x01000193);
      inWord = true;
      i++;
      continue;
    }
    if (k === NEEDS_FULL) return -1;
    if (inWord) {
      // Only these characters join (a space, most often here, never does).
      if (k === JOINER && i + 1 < end) {
        const next = skipJoiner(s, i, end);
        if (next > 0) {
          i = next;
          continue;
        }
      }
      HASHES[words++] = h;
      h = 0x811c9dc5;
      inWord = false;
      if (words >= max) break;
    }
    i++;
  }
  if (inWord && words < max) HASHES[words++] = h;
  // The rest of the range decides the path too.
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || ASCII_CLASS[c] === NEEDS_FULL) return -1;
  }
  return words;
}

/** Whether a text ends with a clip mark (`…` or three dots, then whitespace): /(?:\u2026|\.{3,})\s*$/. */
function endsWithClipMark(s: string): boolean {
  let i = s.length;
  while (i > 0 && WHITESPACE.test(s[i - 1]!)) i--;
  if (i === 0) return false;
  if (s.charCodeAt(i - 1) === 0x2026) return true;
  return i >= 3 && s.charCodeAt(i - 1) === 46 && s.charCodeAt(i - 2) === 46 && s.charCodeAt(i - 3) === 46;
}

const WHITESPACE = /\s/;

/** What sketchInto found besides the fingerprints. */
export interface SketchFacts {
  /** Words in the normalised prefix (capped at 255). */
  words: number;
  /** See AbstractSketch.comment. */
  comment: boolean;
  /** Fingerprints written. */
  count: number;
}

/**
 * The sketch of an abstract (see the module comment) with its fingerprints written to `sig`
 * (room for SKETCH_MAX), so the prepared sighting copies them without an array in between.
 */
export function sketchInto(abstract: string, sig: Uint16Array, facts: SketchFacts): void {
  facts.words = 0;
  facts.comment = false;
  facts.count = 0;
  if (abstract.length === 0) return;
  const end = Math.min(abstract.length, ABSTRACT_PREFIX_CHARS);
  let words = asciiWordHashes(abstract, end);
  const prefix = () => (end < abstract.length ? abstract.slice(0, end) : abstract);
  if (words < 0) {
    const all = normalizeWords(prefix());
    words = Math.min(all.length, SKETCH_WORDS + 1);
    for (let i = 0; i < words; i++) HASHES[i] = wordHash(all[i]!);
  }
  // When the prefix cut a word in two, or the text was cut with `…`, its last word is partial.
  if (words <= SKETCH_WORDS && words > 1 && (end < abstract.length || endsWithClipMark(abstract))) words--;
  const n = Math.min(words, SKETCH_WORDS);
  if (n === 0) return;
  facts.words = Math.min(words, 255);
  facts.comment = words < COMMENT_MAX_WORDS && isCommentLike(prefix());
  // The first SKETCH_MAX sampled shingles (duplicates count), kept sorted and unique by
  // insertion: at most SKETCH_MAX values.
  let m = 0;
  if (n >= 3) {
    let h1 = HASHES[0]!;
    let h2 = HASHES[1]!;
    let taken = 0;
    for (let i = 2; i < n && taken < SKETCH_MAX; i++) {
      const h3 = HASHES[i]!;
      const h = fmix(Math.imul(h1, 0x9e3779b1) ^ Math.imul(h2 ^ 0x7f4a7c15, 0x85ebca77) ^ h3);
      h1 = h2;
      h2 = h3;
      if ((h & 3) !== 0) continue;
      taken++;
      const f = h >>> 16;
      let j = m;
      while (j > 0 && sig[j - 1]! > f) j--;
      if (j > 0 && sig[j - 1] === f) continue;
      for (let k = m; k > j; k--) sig[k] = sig[k - 1]!;
      sig[j] = f;
      m++;
    }
  }
  facts.count = m;
}

const SCRATCH_SIG = new Uint16Array(SKETCH_MAX);
const SCRATCH_FACTS: SketchFacts = { words: 0, comment: false, count: 0 };

/** The sketch of an abstract (see the module comment). */
export function sketchAbstract(abstract: string): AbstractSketch {
  sketchInto(abstract, SCRATCH_SIG, SCRATCH_FACTS);
  const { words, comment, count } = SCRATCH_FACTS;
  if (words === 0) return EMPTY_SKETCH;
  return { words, comment, sig: count === 0 ? EMPTY_SIG : SCRATCH_SIG.slice(0, count) };
}

/**
 * Containment of two sorted fingerprint runs `a[aFrom..aTo)` and `b[bFrom..bTo)`:
 * |a ∩ b| / min(|a|, |b|), or -1 when either is shorter than MIN_SKETCH (no evidence).
 */
export function containment(
  a: ArrayLike<number>,
  aFrom: number,
  aTo: number,
  b: ArrayLike<number>,
  bFrom: number,
  bTo: number,
): number {
  const na = aTo - aFrom;
  const nb = bTo - bFrom;
  if (na < MIN_SKETCH || nb < MIN_SKETCH) return -1;
  let i = aFrom;
  let j = bFrom;
  let common = 0;
  while (i < aTo && j < bTo) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / Math.min(na, nb);
}

/** Containment of two sketches (see `containment`). */
export function sketchSimilarity(a: AbstractSketch, b: AbstractSketch): number {
  return containment(a.sig, 0, a.sig.length, b.sig, 0, b.sig.length);
}

/** Whether a sketch comes from a real abstract (not empty, not short, not a comment). */
export function isRealAbstract(s: Pick<AbstractSketch, 'words' | 'comment'>): boolean {
  return s.words >= REAL_ABSTRACT_WORDS && !s.comment;
}
