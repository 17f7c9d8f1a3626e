/**
 * Test oracle: src/normalize/clean.ts as it was before its joins were anchored and its
 * non-ASCII steps skipped on ASCII text (issue 18, worker CPU): the plain regex pipeline.
 * test/normalize/fast.test.ts checks that the faster code gives the same text and words.
 */
import { decodeEntities } from '../../src/entities.js';

// ---------------------------------------------------------------------------------------------
// Precompiled patterns (order matters; see normalizeWords).

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Formatting / sizing commands whose name must vanish (their braced argument stays). */
const LATEX_FORMAT = new RegExp(
  '\\\\(?:' +
    [
      'textit',
      'textbf',
      'textsc',
      'texttt',
      'textrm',
      'textsf',
      'textsl',
      'textup',
      'textmd',
      'textnormal',
      'textsuperscript',
      'textsubscript',
      'emph',
      'underline',
      'uline',
      'mathrm',
      'mathbf',
      'mathit',
      'mathsf',
      'mathtt',
      'mathcal',
      'mathbb',
      'mathfrak',
      'mathscr',
      'mathnormal',
      'boldsymbol',
      'bm',
      'pmb',
      'operatorname',
      'text',
      'mbox',
      'hbox',
      'fbox',
      'ensuremath',
      'displaystyle',
      'textstyle',
      'scriptstyle',
      'left',
      'right',
      'bigl',
      'bigr',
      'Bigl',
      'Bigr',
      'big',
      'Big',
      'it',
      'em',
      'bf',
      'rm',
      'sc',
      'tt',
      'sf',
      'sl',
      'up',
      'cal',
      'tiny',
      'scriptsize',
      'footnotesize',
      'small',
      'normalsize',
      'large',
      'Large',
      'LARGE',
      'huge',
      'Huge',
      'noindent',
      'centering',
      'protect',
      'xspace',
      'url',
      'href',
      'footnote',
      'thanks',
      'cite',
    ].join('|') +
    ')(?![A-Za-z])\\*?\\s*',
  'g',
);
const LATEX_DOTLESS = /\\([ij])(?![A-Za-z])/g;
const LATEX_LETTERS = /\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L)(?![A-Za-z])/g;
const LATEX_SYMBOL_ACCENT = /\\["'`^~=.]\s*(?:\{\s*(\p{L})\s*\}|(\p{L}))/gu;
const LATEX_LETTER_ACCENT = /\\[uvHckrbdt]\s*\{\s*(\p{L}+)\s*\}/gu;
const LATEX_ESCAPED = /\\([&%_$#{}])/g;
const LATEX_SPACING = /\\(?:[,;:! ]|\\)/g;
const LATEX_VAR = /\\var(epsilon|phi|theta|rho|sigma|pi|kappa)(?![A-Za-z])/g;
/** Commands whose rendering is a symbol we spell differently from the command name. */
const LATEX_RENAMED =
  /\\(le|leq|leqslant|ge|geq|geqslant|to|rightarrow|longrightarrow|Rightarrow|ell|cdot|cdots|ldots|dots|neq|ne)(?![A-Za-z])/g;
const LATEX_RENAMED_TO: Record<string, string> = {
  le: 'leq',
  leq: 'leq',
  leqslant: 'leq',
  ge: 'geq',
  geq: 'geq',
  geqslant: 'geq',
  to: 'to',
  rightarrow: 'to',
  longrightarrow: 'to',
  Rightarrow: 'to',
  ell: 'l',
  cdot: ' ',
  cdots: ' ',
  ldots: ' ',
  dots: ' ',
  neq: 'neq',
  ne: 'neq',
};
const LATEX_COMMAND = /\\([A-Za-z]+)/g;
const LATEX_DASHES = /-{2,3}/g;
const MATH_MARKUP = /[${}^_\\]/g;

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/** A hyphen between word characters (also before a line wrap) joins them. */
const HYPHEN_JOIN = /([\p{L}\p{N}])-\s*(?=[\p{L}\p{N}])/gu;
const APOSTROPHE_JOIN = /([\p{L}\p{N}])['\u2018\u2019\u201B\u2032`\u00B4](?=\p{L})/gu;
const DECIMAL_JOIN = /(\d)\.(?=\d)/g;
const MARKS = /\p{M}+/gu;
/** Text the fast ASCII paths (here and in normalizeWordsUpTo) cannot take. */
export const NEEDS_SLOW = /[^\x20-\x7E\n]|[\\$^_{}~&]/;
const AMP = /&/g;

/** Symbols spelled out (after NFKC + lowercase), so `×` = `\times` = `times`. */
const SYMBOL_NAMES: Record<string, string> = {
  '×': 'times',
  '÷': 'div',
  '°': 'circ',
  '∘': 'circ',
  '±': 'pm',
  '∞': 'infty',
  '≤': 'leq',
  '≥': 'geq',
  '≠': 'neq',
  '≈': 'approx',
  '→': 'to',
  '⟶': 'to',
  '⇒': 'to',
  '∼': 'sim',
  '√': 'sqrt',
  '∑': 'sum',
  '∏': 'prod',
  '∂': 'partial',
  '∇': 'nabla',
  '∈': 'in',
  '∀': 'forall',
  '∃': 'exists',
  '·': ' ',
  '⋅': ' ',
  '…': ' ',
  '†': ' ',
  '‡': ' ',
  '∗': ' ',
  '⋆': ' ',
  '★': ' ',
  '☆': ' ',
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'o',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};
const SYMBOLS = new RegExp('[' + Object.keys(SYMBOL_NAMES).join('') + ']', 'g');

/** Greek capitals lowercase to the same letters, so only lowercase are in the table. */

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
  if (t.includes('\\')) {
    t = t
      .replace(LATEX_FORMAT, '')
      .replace(LATEX_DOTLESS, '$1')
      .replace(LATEX_LETTERS, '$1')
      .replace(LATEX_SYMBOL_ACCENT, '$1$2')
      .replace(LATEX_LETTER_ACCENT, '$1')
      .replace(LATEX_ESCAPED, '$1')
      .replace(LATEX_SPACING, ' ')
      .replace(LATEX_VAR, '$1')
      .replace(LATEX_RENAMED, (_m, c: string) => LATEX_RENAMED_TO[c] ?? c)
      .replace(LATEX_COMMAND, '$1');
  }
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

// Title spelling as it was before its last-letter filter.
const SPELLING_EXACT: Record<string, string> = {
  centre: 'center',
  centres: 'centers',
  fibre: 'fiber',
  metre: 'meter',
  metres: 'meters',
  programme: 'program',
  programmes: 'programs',
  catalogue: 'catalog',
  dialogue: 'dialog',
  dialogues: 'dialogs',
  analogue: 'analog',
  grey: 'gray',
  defence: 'defense',
  licence: 'license',
  toward: 'towards',
  judgement: 'judgment',
  aluminium: 'aluminum',
  artefact: 'artifact',
  artefacts: 'artifacts',
};
const SPELLING_EXACT_MAP = new Map(Object.entries(SPELLING_EXACT));
const SPELL_ISE = /^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$/;
const SPELL_YSE = /^([a-z]{2,})ys(e|es|ed|ing|er|ers)$/;
const SPELL_LL = /^([a-z]{2,}[ae])ll(ing|ed|er|ers)$/;
const SPELL_OUR = /^([a-z]{3,})our(s|ed|ing|able|ite|ites|al)?$/;
const NUM_X = /^(\d+)x$/;

/** Any word one of the respelling rules below could change (one test instead of four). */
const SPELL_ANY =
  /(?:[iy]s(?:e|es|ed|ing|ation|ations|er|ers)|[ae]ll(?:ing|ed|er|ers)|our(?:s|ed|ing|able|ite|ites|al)?)$|^\d+x$/;

/** Map one title word to its spelling-normal form (British -> American, `4x` -> `4times`). */
export function referenceSpellingVariant(w: string): string {
  if (w.length < 4) return w.endsWith('x') && NUM_X.test(w) ? w.replace(NUM_X, '$1times') : w;
  const exact = SPELLING_EXACT_MAP.get(w);
  if (exact !== undefined) return exact;
  return SPELL_ANY.test(w) ? respell(w) : w;
}

function respell(w: string): string {
  if (w.length < 5) return NUM_X.test(w) ? w.replace(NUM_X, '$1times') : w;
  if (SPELL_ISE.test(w)) return w.replace(SPELL_ISE, '$1iz$2');
  if (SPELL_YSE.test(w)) return w.replace(SPELL_YSE, '$1yz$2');
  if (SPELL_LL.test(w)) return w.replace(SPELL_LL, '$1l$2');
  if (SPELL_OUR.test(w)) return w.replace(SPELL_OUR, '$1or$2');
  return w;
}
