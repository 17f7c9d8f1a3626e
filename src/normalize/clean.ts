/**
 * The character-level cleanup under every comparison key: HTML entities, LaTeX markup and
 * accents, typographic dashes and quotes, symbols spelled out, lowercase. Pure; the word
 * splitting and title keys over it are in ../normalize.ts.
 */
import { decodeEntities } from '../entities.js';

// ---------------------------------------------------------------------------------------------
// Precompiled patterns (order matters; see normalizeWords).

export const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

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
export const LATEX_DASHES = /-{2,3}/g;
export const MATH_MARKUP = /[${}^_\\]/g;

export const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
/**
 * The joins, each anchored on its joining character, with the word character before it checked
 * by `joinAfterWord`: the same matches as `/([\p{L}\p{N}])-\s*(?=[\p{L}\p{N}])/gu -> '$1'` (and
 * the apostrophe and decimal point alike), several times faster, because a pattern that starts
 * with a letter class is entered at every letter of the text. The character before a joiner is
 * never part of another join's match (a match ends at a joiner or whitespace), so checking it
 * instead of consuming it changes nothing.
 */
/** A hyphen between word characters (also before a line wrap) joins them. */
const HYPHEN_JOIN = /-\s*(?=[\p{L}\p{N}])/gu;
const APOSTROPHE_JOIN = /['\u2018\u2019\u201B\u2032`\u00B4](?=\p{L})/gu;
const DECIMAL_JOIN = /\.(?=\d)/g;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
export const MARKS = /\p{M}+/gu;
/** Any character outside ASCII: the marks, symbols and dashes below are all outside it. */
const NON_ASCII = /[^\x00-\x7F]/;
/** Text the fast ASCII paths (here and in normalizeWordsUpTo) cannot take. */
export const NEEDS_SLOW = /[^\x20-\x7E\n]|[\\$^_{}~&]/;
export const AMP = /&/g;

/** Symbols spelled out (after NFKC + lowercase), so `×` = `\times` = `times`. */
export const SYMBOL_NAMES: Record<string, string> = {
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
export const SYMBOLS = new RegExp('[' + Object.keys(SYMBOL_NAMES).join('') + ']', 'g');

/** Greek capitals lowercase to the same letters, so only lowercase are in the table. */

// ---------------------------------------------------------------------------------------------

/** The LaTeX-aware, typography-aware cleanup shared by titles and abstracts; returns lowercase text. */
export function cleanText(s: string): string {
  if (!NEEDS_SLOW.test(s)) {
    // Fast path: printable ASCII without markup.
    return joinWords(s.toLowerCase());
  }
  let t = s.replace(ZERO_WIDTH, '');
  t = decodeEntities(t);
  t = t.normalize('NFKC');
  t = stripLatex(t);
  t = t.replace(MATH_MARKUP, '').replace(/~/g, ' ');
  // NFKD, marks, symbols and dashes change only characters outside ASCII: most abstracts that
  // need this path (for a `\%` or an `&`) have none left here.
  const ascii = !NON_ASCII.test(t);
  if (!ascii) t = t.normalize('NFKD').replace(MARKS, '');
  t = t.toLowerCase();
  if (t.includes('&')) t = t.replace(AMP, ' and ');
  if (!ascii) t = t.replace(SYMBOLS, (c) => SYMBOL_NAMES[c] ?? ' ').replace(DASHES, '-');
  return joinWords(t);
}

/** LaTeX commands dropped, or replaced by what they render (accents, escaped characters, symbols). */
export function stripLatex(t: string): string {
  if (!t.includes('\\')) return t;
  return t
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

/**
 * Apostrophes, hyphens (after `--` and `---` became one) and decimal points that join two word
 * characters removed (see HYPHEN_JOIN): `llm's` -> `llms`, `fine- tuning` -> `finetuning`.
 */
function joinWords(t: string): string {
  if (t.includes("'") || NON_ASCII.test(t) || t.includes('`')) t = t.replace(APOSTROPHE_JOIN, joinAfterWord);
  if (t.includes('-')) t = t.replace(LATEX_DASHES, '-').replace(HYPHEN_JOIN, joinAfterWord);
  if (t.includes('.')) t = t.replace(DECIMAL_JOIN, joinAfterDigit);
  return t;
}

/** The joiner `m` at `at` in `t` removed when a letter or digit precedes it, else kept. */
function joinAfterWord(m: string, at: number, t: string): string {
  if (at === 0) return m;
  const c = t.charCodeAt(at - 1);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? '' : m;
  // A low surrogate after a high one: the character before is the pair's code point.
  const hi = c >= 0xdc00 && c <= 0xdfff && at >= 2 ? t.charCodeAt(at - 2) : 0;
  const cp = hi >= 0xd800 && hi <= 0xdbff ? (hi - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000 : c;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? '' : m;
}

/** The decimal point at `at` removed when an ASCII digit precedes it (`2.5` -> `25`). */
function joinAfterDigit(m: string, at: number, t: string): string {
  const c = at > 0 ? t.charCodeAt(at - 1) : 0;
  return c >= 48 && c <= 57 ? '' : m;
}
