/**
 * A claim's sentence stored as a span of its paper's abstract rather than as text (issue 18: the
 * sentences were 25 MB of a 360 MB database at 100k papers).
 *
 * The span is counted in characters (code points), the unit of SQLite's substr() and of Python,
 * so `substr(abstract, sentence_start + 1, sentence_end - sentence_start)` gives the sentence back
 * in the claim_list view and in every reader alike. JavaScript counts UTF-16 units: an abstract
 * with a character beyond U+FFFF (an emoji, a mathematical letter such as 𝒪) before the sentence
 * shifts the two counts apart, so such abstracts are counted here one character at a time.
 */

/** True for a UTF-16 code unit that is half of a surrogate pair (or a lone half). */
const SURROGATE = /[\uD800-\uDFFF]/;

export class SentenceSpans {
  /** Whether any offset differs between UTF-16 units and characters (most abstracts: no). */
  private readonly astral: boolean;
  /** SQLite's substr() stops at a NUL: an abstract holding one (cleaned out where text enters) keeps its sentences as text. */
  private readonly nul: boolean;

  constructor(private readonly abstract: string) {
    this.astral = SURROGATE.test(abstract);
    this.nul = abstract.includes('\0');
  }

  /**
   * The span [start, end) in characters of `sentence` in the abstract, found at or before the
   * UTF-16 offset `atOrBefore` (a claim's start: its sentence begins there or earlier); null when
   * the sentence is no span of the abstract, and is then stored as text. Where the same sentence
   * occurs twice, either place reads the same.
   */
  of(sentence: string, atOrBefore: number): [number, number] | null {
    const at = this.nul ? -1 : this.abstract.lastIndexOf(sentence, atOrBefore);
    if (at < 0) return null;
    if (!this.astral) return [at, at + sentence.length];
    // A span that cuts a surrogate pair in two has no character offsets.
    const end = at + sentence.length;
    if (isLowSurrogate(this.abstract.charCodeAt(at)) || isLowSurrogate(this.abstract.charCodeAt(end))) return null;
    const start = characters(this.abstract, 0, at);
    return [start, start + characters(this.abstract, at, end)];
  }
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The characters in s[from, to): UTF-16 units less one per surrogate pair. A lone surrogate
 * counts one, as SQLite stores it (better-sqlite3 writes it as U+FFFD).
 */
export function characters(s: string, from: number, to: number): number {
  let n = to - from;
  for (let i = from; i < to - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}
