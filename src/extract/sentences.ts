/**
 * Sentence boundaries for the extractors that judge a mention by its sentence (a repo's
 * "will be released at", a method's "we propose"). Abbreviations common in abstracts
 * ("e.g.", "et al.", "Fig.", "vs.") do not end a sentence.
 */

// A match starts only at the first mark of a run of them (`(?<![.!?])`): started inside a run of
// 100k dots, `[.!?]*` would re-read the rest of the run from every dot (quadratic: 14 s on 100k
// characters). Nothing is lost: a mark after another can match neither alternative that the run's
// first mark does not.
const SENTENCE_END_RE = /(?<![.!?])[.!?](?:(?<=[a-z)][.!?])(?=[A-Z][a-z])|[.!?]*["')\]]*\s+(?=[A-Z0-9("'[\\]))/g;
const ABBREV_BEFORE_RE = /(?:\be\.g|\bi\.e|\bet\s+al|\bvs|\bcf|\bFig|\bEq|\bSec|\bresp|\betc|\bapprox|\bNo)\.$/;

/** Start offsets of the sentences of `text` (always begins with 0), ascending. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  SENTENCE_END_RE.lastIndex = 0;
  for (let m = SENTENCE_END_RE.exec(text); m !== null; m = SENTENCE_END_RE.exec(text)) {
    if (ABBREV_BEFORE_RE.test(text.slice(Math.max(0, m.index - 8), m.index + 1))) continue;
    starts.push(m.index + m[0].length);
  }
  return starts;
}

/** Index of the sentence holding `pos`: the last start <= pos (binary search). */
export function sentenceIndex(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
