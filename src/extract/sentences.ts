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

// ---------------------------------------------------------------------------------------------
// Claims' sentences: [start, end) ranges covering the whole text.

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'al',
  'fig',
  'figs',
  'eq',
  'eqs',
  'sec',
  'secs',
  'vs',
  'cf',
  'approx',
  'no',
  'nos',
  'tab',
  'ref',
  'refs',
  'etc',
  'resp',
  'dr',
  'mr',
  'ms',
  'prof',
  'inc',
  'ltd',
  'co',
  'jr',
  'st',
  'vol',
  'pp',
  'ca',
  'ch',
  'app',
  'viz',
  'est',
  'min',
  'max',
  'avg',
  'wt',
  'approx',
  'thm',
  'def',
]);

// Starts only at the first mark of a run (`(?<![.!?])`): from every dot of a 100k-dot run, `[.!?]+`
// re-read the rest of the run before failing (quadratic: 14 s on 100k characters before `5%`).
// A later mark of the run would end where the first one's match ends, so nothing is lost.
const SENTENCE_END = /(?<![.!?])[.!?]+["'”’)\]]*\s+(?=["'“‘([]?[A-Z0-9])/g;

/**
 * Splits text into sentences as [start, end) offsets covering the whole string (trailing
 * whitespace stays with the sentence before it). A period after an abbreviation ("et al.",
 * "Fig.", "vs.") or inside a number never splits. Linear: one global regex pass.
 */
export function splitSentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text)) !== null) {
    const dot = m.index;
    if (text[dot] === '.') {
      // The word right before the period, e.g. "al" in "et al." or "e.g" in "e.g.".
      let i = dot - 1;
      while (i >= 0 && i > dot - 8 && /[A-Za-z.]/.test(text[i]!)) i--;
      const word = text.slice(i + 1, dot).toLowerCase();
      if (ABBREVIATIONS.has(word) || (word.length === 1 && /[a-z]/.test(word))) continue;
    }
    const end = m.index + m[0].length;
    out.push([start, end]);
    start = end;
  }
  if (start < text.length || out.length === 0) out.push([start, text.length]);
  return out;
}
