/**
 * The one sentence splitter of the extractors that judge something by its sentence: a claim's
 * `sentence` and metric, a repository's "will be released at", a method's "we propose". One
 * boundary rule and one list of abbreviations, so a claim's sentence and a method's sentence
 * never disagree.
 */

/** Abbreviations (lowercase, inner dots kept) after which a period does not end a sentence. */
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
  'thm',
  'def',
]);

// A sentence ends at a run of marks, then closing quotes or brackets, then white space before
// what can open a sentence (a capital, a digit, an opening quote or bracket, a LaTeX command);
// or at a mark glued to the next sentence ("results.We", as copies of PDFs lose the space), after
// a lowercase letter or ")" and before a capital and a lowercase letter.
// A match starts only at the first mark of a run (`(?<![.!?])`): started inside a run of 100k
// dots, `[.!?]*` would re-read the rest of the run from every dot (quadratic: 14 s on 100k
// characters). Nothing is lost: a mark after another can match no alternative that the run's
// first mark does not.
const SENTENCE_END_RE = /(?<![.!?])[.!?](?:(?<=[a-z)][.!?])(?=[A-Z][a-z])|[.!?]*["'”’)\]]*\s+(?=[A-Z0-9("'[\\]|[“‘][A-Z0-9]))/g;

/** Whether the period at `dot` follows an abbreviation ("et al.", "e.g.", "Fig.") or an initial. */
function afterAbbreviation(text: string, dot: number): boolean {
  // The word right before the period, e.g. "al" in "et al." or "e.g" in "e.g.". Character codes,
  // not a regex test per character: this runs at every period of every abstract.
  let i = dot - 1;
  while (i >= 0 && i > dot - 8 && isLetterOrDot(text.charCodeAt(i))) i--;
  if (i === dot - 1) return false; // no word: nothing to look up
  const word = text.slice(i + 1, dot).toLowerCase();
  return ABBREVIATIONS.has(word) || (word.length === 1 && word !== '.');
}

/** [A-Za-z.] */
function isLetterOrDot(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
}

/**
 * Where the sentences of `text` end, as offsets (the last sentence's end, text.length, not
 * included). The claims and the methods of one abstract both need its sentences (and the links,
 * when it has a URL): the last text's boundaries are kept, so the scan runs once per abstract.
 */
let lastText: string | null = null;
let lastEnds: number[] = [];

function sentenceEnds(text: string): readonly number[] {
  if (text === lastText) return lastEnds;
  const ends: number[] = [];
  SENTENCE_END_RE.lastIndex = 0;
  for (let m = SENTENCE_END_RE.exec(text); m !== null; m = SENTENCE_END_RE.exec(text)) {
    if (text[m.index] === '.' && afterAbbreviation(text, m.index)) continue;
    ends.push(m.index + m[0].length);
  }
  lastText = text;
  lastEnds = ends;
  return ends;
}

/**
 * Splits text into sentences as [start, end) offsets covering the whole string (trailing
 * whitespace stays with the sentence before it; an empty text is one empty sentence). A period
 * after an abbreviation ("et al.", "Fig.", "vs.") or inside a number never splits. Linear: one
 * global regex pass.
 */
export function splitSentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const end of sentenceEnds(text)) {
    out.push([start, end]);
    start = end;
  }
  if (start < text.length || out.length === 0) out.push([start, text.length]);
  return out;
}

/** Start offsets of the sentences of `text` (always begins with 0), ascending. */
export function sentenceStarts(text: string): number[] {
  const ends = sentenceEnds(text);
  const starts = [0];
  for (const end of ends) starts.push(end);
  // splitSentences' last [start, end) pair exists only when text remains after the last end.
  if (ends.length > 0 && ends[ends.length - 1]! >= text.length) starts.pop();
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
