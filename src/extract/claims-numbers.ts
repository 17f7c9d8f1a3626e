/**
 * How numbers are written in an abstract, for the numeric-claims extractor (`claims.ts`):
 * magnitudes ("0.3M", "1.5 million"), count nouns, number words ("three", "two-fold"), where a
 * number can start, notation (scientific, "x 10^", tolerance, ranges, dimensions) and
 * superscripts. Built once at module load; every regex is sticky (`y`) or global over a bounded
 * alphabet with no nested quantifiers, so the scan stays linear on hostile input.
 */

/** Magnitude letter glued to the number ("0.3M", "7B", "33b", "1.5K", "40k", "1.4T", "35.4G"). */
export const MAGNITUDE_LETTER = /[kKMBbTG](?![A-Za-z0-9])/y;

/** Magnitude word ("1.5 million", "3.8-billion", "three million"); group 1 is the word. */
export const MAGNITUDE_WORD = /[ \u00a0-](thousand|million|billion|trillion)(?![A-Za-z])/iy;

export const MAGNITUDES: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  M: 1e6,
  B: 1e9,
  b: 1e9,
  T: 1e12,
  G: 1e9,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/**
 * Count nouns that give a unit ("16,000 tokens", "0.3M parameters", "30 labeled examples",
 * "14M tunable parameters", "7B-parameter"): up to two modifier words may sit between, but
 * never a function word (so "5 tasks and examples" does not borrow "examples").
 * Group 1 is the noun. Word lengths are bounded to keep matching linear.
 */
export const COUNT_NOUN = new RegExp(
  '[ \\u00a0-]+(?:(?!(?:of|the|and|or|in|on|for|with|to|from|by|per|at|as|than|that|which|is|are|was|were|a|an|we|our|its|their|each|across|over|under|into)\\b)' +
    '[A-Za-z][A-Za-z0-9-]{0,24}[ \\u00a0]+){0,2}?' +
    '(tokens?|examples?|samples?|instances?|parameters?|params?)(?![A-Za-z])',
  'y',
);

/** Normalised unit for a count noun (see the kind rules in claims.ts). */
export function nounUnit(noun: string): 'tokens' | 'examples' | 'parameters' {
  const n = noun.toLowerCase();
  if (n.startsWith('token')) return 'tokens';
  if (n.startsWith('param')) return 'parameters';
  return 'examples';
}

/** Number words (value of each). "one" is handled apart, more strictly (see claims.ts). */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** "twofold" and friends: multipliers spelled as one word. */
export const FOLD_WORDS: Record<string, number> = {
  twofold: 2,
  threefold: 3,
  fourfold: 4,
  fivefold: 5,
  sixfold: 6,
  sevenfold: 7,
  eightfold: 8,
  ninefold: 9,
  tenfold: 10,
  hundredfold: 100,
  thousandfold: 1000,
};

const wordAlternation = [...Object.keys(NUMBER_WORDS), ...Object.keys(FOLD_WORDS)].sort((a, b) => b.length - a.length).join('|');

/**
 * Where a claim may start: a digit beginning a digit run, or a number word
 * (including "a dozen" / "a million"). Global; the scanner moves `lastIndex` past each claim.
 */
export const CANDIDATE = new RegExp(
  `(?<![0-9])[0-9]|\\b(?:${wordAlternation}|a[ \\u00a0]+(?:dozen|hundred|thousand|million|billion))\\b`,
  'gi',
);

/** A run of digits, dots and commas from a digit (validated apart; capped in length). */
export const DIGIT_RUN = /[0-9.,]*/y;

/** A well-formed number: "16,000", "90.72", "7", "1,234.5". */
export const NUMBER_FULL = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Exponent notation glued to a number: "1e-5", "3E+4". */
export const E_NOTATION = /[eE][-+−]?\d{1,3}(?![A-Za-z0-9])/y;

/** "× 10^5", "x10−3", "\times 10^{-3}", "×10⁻³": scientific notation; groups hold the exponent. */
export const TIMES_TEN =
  /\s?(?:×|x|\*|\\times|\$\\times\$)\s?10(?:\^\{?([-−–]?\d{1,3})\}?|([-−]\d{1,3})|(⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?![0-9])/y;

/** "10^5", "10^{-3}" when the base is 10. */
export const POWER = /\^\{?([-−–]?\d{1,3})\}?/y;

/** "± 0.10", "+/- 3", "\pm 2" before a tolerance number. */
export const TOLERANCE = /\s?(?:±|\+\/-|\+-|\\pm|\$\\pm\$)\s?(?=\.?\d)/y;

/** "3x3", "224 × 224": dimensions, not multipliers. */
export const DIMENSION = /\s?[x×]\s?(?=\d)/y;

/** Range connectors: "40-90%", "8x - 50x", "0.51–0.85 m". */
export const RANGE_DASH = /[ \u00a0]?[-–—][ \u00a0]?(?=[-−]?\.?\d)/y;
/** Range words: "from 125M to 30B", "between 244M and 137B"; group 1 is the word. */
export const RANGE_WORD = /[ \u00a0]+(to|and)[ \u00a0]+(?=[-−]?\.?\d)/y;

/** "x times" written twice ("more than 20x times faster"). */
export const TIMES_AFTER_X = /[ \u00a0]?times(?![A-Za-z])/y;

/** Superscript digits to ASCII, for exponents like "10⁻³". */
export const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
};
