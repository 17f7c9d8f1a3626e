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
import { isWordCode, normalizeWordsUpTo, skipJoiner } from '../normalize.js';

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

function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) {
    h ^= w.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix(h: number): number {
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
function isCommentLike(text: string): boolean {
  if (!COMMENT_CUES.test(text)) return false;
  let rest = 0;
  for (const sentence of text.split(SENTENCE_END)) {
    if (!COMMENT_CUES.test(sentence)) rest += sentence.split(/\s+/).length;
  }
  return rest < REAL_ABSTRACT_WORDS;
}

/** For an ASCII code: its lowercase code when it is a word character (isWordCode), else 0. */
const WORD_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (isWordCode(c)) WORD_LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;

/**
 * Hashes of the first `max` normalised words of a printable-ASCII text without markup, without
 * building the words: the same words as `normalizeWordsUpTo` (same joiners), hashed as wordHash.
 */
function asciiWordHashes(s: string, max: number, out: number[]): void {
  const n = s.length;
  let h = 0x811c9dc5;
  let inWord = false;
  let words = out.length;
  if (words >= max) return;
  // One table lookup a character (word or not, and its lowercase code): this loop reads the
  // first ~430 characters of every abstract, and a lookup is cheaper than three range tests.
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    const low = c < 128 ? WORD_LOWER[c]! : 0;
    if (low !== 0) {
      h = Math.imul(h ^ low, 0x01000193);
      inWord = true;
      i++;
      continue;
    }
    if (inWord) {
      if (i + 1 < n) {
        const next = skipJoiner(s, i);
        if (next > 0) {
          i = next;
          continue;
        }
      }
      out.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
      if (++words >= max) return;
    }
    i++;
  }
  if (inWord) out.push(h >>> 0);
}

const CLIP_MARK = /(?:\u2026|\.{3,})\s*$/;
const NEEDS_FULL = /[^\x20-\x7E\n]|[\\$^_{}~&]/;

/** The sketch of an abstract (see the module comment). */
export function sketchAbstract(abstract: string): AbstractSketch {
  if (abstract.length === 0) return EMPTY_SKETCH;
  const prefix = abstract.length > ABSTRACT_PREFIX_CHARS ? abstract.slice(0, ABSTRACT_PREFIX_CHARS) : abstract;
  const hashes: number[] = [];
  if (NEEDS_FULL.test(prefix)) {
    for (const w of normalizeWordsUpTo(prefix, SKETCH_WORDS + 1)) hashes.push(wordHash(w));
  } else {
    asciiWordHashes(prefix, SKETCH_WORDS + 1, hashes);
  }
  // When the prefix cut a word in two, or the text was cut with `…`, its last word is partial.
  const cut = prefix.length < abstract.length || CLIP_MARK.test(abstract);
  if (hashes.length <= SKETCH_WORDS && cut && hashes.length > 1) hashes.pop();
  const n = Math.min(hashes.length, SKETCH_WORDS);
  if (n === 0) return EMPTY_SKETCH;
  const comment = hashes.length < COMMENT_MAX_WORDS && isCommentLike(prefix);
  const out: number[] = [];
  if (n >= 3) {
    let h1 = hashes[0]!;
    let h2 = hashes[1]!;
    for (let i = 2; i < n && out.length < SKETCH_MAX; i++) {
      const h3 = hashes[i]!;
      const h = fmix(Math.imul(h1, 0x9e3779b1) ^ Math.imul(h2 ^ 0x7f4a7c15, 0x85ebca77) ^ h3);
      if ((h & 3) === 0) out.push(h >>> 16);
      h1 = h2;
      h2 = h3;
    }
  }
  out.sort((a, b) => a - b);
  let k = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[k++] = out[i]!;
  return { words: Math.min(hashes.length, 255), comment, sig: k === 0 ? EMPTY_SIG : Uint16Array.from(out.slice(0, k)) };
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
export function isRealAbstract(s: AbstractSketch): boolean {
  return s.words >= REAL_ABSTRACT_WORDS && !s.comment;
}
