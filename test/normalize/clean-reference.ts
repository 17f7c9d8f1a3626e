/**
 * Test oracle: src/normalize/clean.ts as it was before its joins were anchored and its
 * non-ASCII steps skipped on ASCII text (issue 18, worker CPU): the plain regex pipeline.
 * test/normalize/fast.test.ts checks that the faster code gives the same text and words.
 */
import { decodeEntities } from '../../src/entities.js';
// The patterns and tables the change left as they were are the code's own.
import {
  AMP,
  DASHES,
  LATEX_DASHES,
  MARKS,
  MATH_MARKUP,
  NEEDS_SLOW,
  SYMBOL_NAMES,
  SYMBOLS,
  stripLatex,
  ZERO_WIDTH,
} from '../../src/normalize/clean.js';
import { NUM_X, respell, SPELL_ANY, SPELLING_EXACT_MAP } from '../../src/normalize.js';

// ---------------------------------------------------------------------------------------------
// The joins as they were (the code now anchors them on the joining character).

/** A hyphen between word characters (also before a line wrap) joins them. */
const HYPHEN_JOIN = /([\p{L}\p{N}])-\s*(?=[\p{L}\p{N}])/gu;
const APOSTROPHE_JOIN = /([\p{L}\p{N}])['\u2018\u2019\u201B\u2032`\u00B4](?=\p{L})/gu;
const DECIMAL_JOIN = /(\d)\.(?=\d)/g;

// ---------------------------------------------------------------------------------------------

/** The LaTeX-aware, typography-aware cleanup shared by titles and abstracts; returns lowercase text. */
export function referenceCleanText(s: string): string {
  if (!NEEDS_SLOW.test(s)) {
    // Fast path: printable ASCII without markup.
    return s
      .toLowerCase()
      .replace(APOSTROPHE_JOIN, '$1')
      .replace(LATEX_DASHES, '-')
      .replace(HYPHEN_JOIN, '$1')
      .replace(DECIMAL_JOIN, '$1');
  }
  let t = s.replace(ZERO_WIDTH, '');
  t = decodeEntities(t);
  t = t.normalize('NFKC');
  t = stripLatex(t);
  t = t.replace(MATH_MARKUP, '').replace(/~/g, ' ').normalize('NFKD').replace(MARKS, '').toLowerCase();
  if (t.includes('&')) t = t.replace(AMP, ' and ');
  return t
    .replace(SYMBOLS, (c) => SYMBOL_NAMES[c] ?? ' ')
    .replace(DASHES, '-')
    .replace(APOSTROPHE_JOIN, '$1')
    .replace(LATEX_DASHES, '-')
    .replace(HYPHEN_JOIN, '$1')
    .replace(DECIMAL_JOIN, '$1');
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** normalizeWords as it was: the cleaned text split on every run of non-letters and non-digits. */
export function referenceNormalizeWords(s: string): string[] {
  const t = referenceCleanText(s).replace(NON_WORD, ' ').trim();
  return t === '' ? [] : t.split(' ');
}

// Title spelling as it was before its last-letter filter (its tables and rules are the code's own).
/** Map one title word to its spelling-normal form (British -> American, `4x` -> `4times`). */
export function referenceSpellingVariant(w: string): string {
  if (w.length < 4) return w.endsWith('x') && NUM_X.test(w) ? w.replace(NUM_X, '$1times') : w;
  const exact = SPELLING_EXACT_MAP.get(w);
  if (exact !== undefined) return exact;
  return SPELL_ANY.test(w) ? respell(w) : w;
}
