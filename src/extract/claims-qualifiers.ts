/**
 * Qualifiers of a numeric claim: the word before a number ("up to", "about", ...), a symbol glued
 * to it ("~", ">"), or a LaTeX command that lost its backslash ("sim0.01%").
 * Pure functions over strings; regexes are compiled once here.
 */

/** Qualifier words/symbols, mapped to the normalised qualifier. */
const QUALIFIER_WORDS: Array<[string, string]> = [
  ['up to', 'up to'],
  ['upto', 'up to'],
  ['as much as', 'up to'],
  ['as many as', 'up to'],
  ['as high as', 'up to'],
  ['as large as', 'up to'],
  ['at most', 'up to'],
  ['no more than', 'up to'],
  ['over', 'over'],
  ['more than', 'over'],
  ['greater than', 'over'],
  ['larger than', 'over'],
  ['higher than', 'over'],
  ['above', 'over'],
  ['exceeding', 'over'],
  ['in excess of', 'over'],
  ['at least', 'over'],
  ['beyond', 'over'],
  ['about', 'about'],
  ['around', 'about'],
  ['approximately', 'about'],
  ['approx.', 'about'],
  ['approx', 'about'],
  ['roughly', 'about'],
  ['nearly', 'about'],
  ['almost', 'about'],
  ['circa', 'about'],
  ['ca.', 'about'],
  ['an estimated', 'about'],
  ['some', 'about'],
  ['less than', 'less than'],
  ['lower than', 'less than'],
  ['smaller than', 'less than'],
  ['fewer than', 'less than'],
  ['under', 'less than'],
  ['below', 'less than'],
  ['as few as', 'less than'],
  ['as little as', 'less than'],
  ['as low as', 'less than'],
  ['only', 'only'],
  ['merely', 'only'],
  ['just', 'only'],
  ['a mere', 'only'],
  ['mere', 'only'],
];
const QUALIFIER_MAP = new Map(QUALIFIER_WORDS);

/**
 * A qualifier word ending right before a number, in a short window. "some" only counts
 * before a number ("some 40 tasks"); "a mere 0.78M parameters" gives "only".
 */
const QUALIFIER_BEFORE = new RegExp(
  `(?:^|[^A-Za-z])(${QUALIFIER_WORDS.map(([w]) => w.replace(/\./g, '\\.').replace(/ /g, '\\s+'))
    .sort((a, b) => b.length - a.length)
    .join('|')})\\s+(?:a\\s+)?$`,
  'i',
);

/** Word qualifier before `pos`, looking at most 32 characters back. */
export function qualifierBefore(text: string, pos: number): string | null {
  const window = text.slice(Math.max(0, pos - 32), pos);
  const m = QUALIFIER_BEFORE.exec(window);
  if (!m) return null;
  // "the above two findings", "the over 40 tasks": the word modifies the noun phrase.
  if (/\b(?:the|these|this|those)\s*$/i.test(window.slice(0, m.index + 1))) return null;
  return QUALIFIER_MAP.get(m[1]!.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

/**
 * Symbol qualifiers glued before a number, with the normalised qualifier. They are part of
 * the claim's text ("~10%", "(>95%)" → ">95%").
 */
export const SYMBOL_QUALIFIERS: Record<string, string> = {
  '~': 'about',
  '∼': 'about',
  '≈': 'about',
  '≃': 'about',
  '<': 'less than',
  '≲': 'less than',
  '>': 'over',
  '≳': 'over',
  '≥': 'over',
  '≤': 'up to',
  '⩽': 'up to',
  '⩾': 'over',
  '+': '+',
};

/**
 * LaTeX commands whose backslash was lost in the copy ("sim0.01%" was "\sim 0.01\%",
 * "le13" was "\le 13", "N!approx!30" was "N\!\approx\!30"). These stay out of the text.
 */
const MANGLED_QUALIFIER = /(?:^|[^A-Za-z])\$?\\?(sim|approx|simeq|lesssim|gtrsim|leq|le|geq|ge|lt|gt)\$?!?[ \u00a0]?$/;
const MANGLED_MAP: Record<string, string> = {
  sim: 'about',
  approx: 'about',
  simeq: 'about',
  lesssim: 'less than',
  gtrsim: 'over',
  le: 'up to',
  leq: 'up to',
  ge: 'over',
  geq: 'over',
  lt: 'less than',
  gt: 'over',
};

/** A lost-backslash LaTeX qualifier ending at `pos`, with where it starts. */
export function mangledQualifier(text: string, pos: number): { qualifier: string; start: number } | null {
  const from = Math.max(0, pos - 12);
  const m = MANGLED_QUALIFIER.exec(text.slice(from, pos));
  if (!m) return null;
  return { qualifier: MANGLED_MAP[m[1]!]!, start: from + m.index + (m[0].length - m[0].trimStart().length) };
}
