/**
 * Spelled-out numbers for the numeric-claims extractor: "two benchmarks", "three million
 * examples", "a dozen", "twofold", "six orders of magnitude", "four and a half". Conservative
 * by design: "one of the", "a single", "two of", "the one", "one-shot" are not claims.
 */
import type { Claim } from '../types.js';
import { FOLD_WORDS, MAGNITUDES, MAGNITUDE_WORD, NUMBER_WORDS } from './claims-numbers.js';
import { classifyPrevWord } from './claims-context.js';
import { qualifierBefore } from './claims-qualifiers.js';
import { readNoun, readUnit, tidy, type Draft, type State } from './claims-atom.js';

/** The word after a number word ("two benchmarks" → "benchmarks", "two-stage" → "stage"). */
const SPELLED_NEXT = /[ \u00a0-]([A-Za-z][A-Za-z-]{0,30})/y;
const SPELLED_TENS_UNIT = /[- ](one|two|three|four|five|six|seven|eight|nine)(?![A-Za-z])/iy;
const SPELLED_HUNDRED = /[ \u00a0]hundred(?![A-Za-z])/iy;
const SPELLED_HALF = /[ \u00a0]and[ \u00a0]a[ \u00a0]half(?![A-Za-z])/iy;
/** After "one", words that make an idiom, not a count ("one way", "one such", "one day"). */
const ONE_STOP = new Set(['such', 'other', 'way', 'hand', 'side', 'day', 'time', 'point', 'thing', 'single', 'piece']);
/** Before "one", words that make it a pronoun ("the one", "no one", "each one"). */
const ONE_BEFORE = /\b(?:the|this|that|no|any|each|every|which|some)[ \u00a0]+$/i;
/** After a number word, function words that show it counts nothing ("two of", "all three are"). */
const SPELLED_STOP = new Set([
  'of',
  'and',
  'or',
  'to',
  'the',
  'that',
  'which',
  'are',
  'is',
  'was',
  'were',
  'be',
  'been',
  'can',
  'could',
  'may',
  'might',
  'will',
  'would',
  'should',
  'must',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'more',
  'less',
  'such',
  'these',
  'those',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'as',
  'than',
  'a',
  'an',
  'we',
  'they',
  'it',
  'its',
  'their',
  'our',
  'not',
  'if',
  'then',
  'also',
  'only',
  'both',
  'each',
  'all',
  'another',
  'way',
  'hand',
  'shot',
  'shots',
  'step',
  'time',
  'either',
  'neither',
  'out',
  'over',
  'into',
  'per',
  'via',
  'using',
  'while',
  'where',
  'when',
  'who',
  'whose',
]);

/** Tries to read a spelled-out number ("two benchmarks", "three million examples", "a dozen"). */
export function scanWords(s: string, p: number, matched: string, st: State): { draft: Draft | null; next: number } {
  const none = { draft: null, next: p + matched.length };
  const lower = matched.toLowerCase();
  if (s[p - 1] === '-' || s[p - 1] === '@' || s[p - 1] === '_') return none; // "top-one", "Model-Two"
  let e = p + matched.length;
  let value: number;
  const fold = FOLD_WORDS[lower];
  if (fold !== undefined) {
    const draft: Draft = {
      text: matched,
      start: p,
      end: e,
      value: fold,
      low: null,
      high: null,
      unit: 'x',
      kind: 'multiplier',
      qualifier: qualifierBefore(s, p),
    };
    return { draft, next: e };
  }
  if (lower.startsWith('a')) {
    const w = lower.split(/\s+/)[1]!;
    value = w === 'dozen' ? 12 : (MAGNITUDES[w] ?? (w === 'hundred' ? 100 : 1));
  } else {
    value = NUMBER_WORDS[lower] ?? 0;
    if (value >= 20 && value % 10 === 0) {
      SPELLED_TENS_UNIT.lastIndex = e;
      const u = SPELLED_TENS_UNIT.exec(s);
      if (u) {
        value += NUMBER_WORDS[u[1]!.toLowerCase()]!;
        e = SPELLED_TENS_UNIT.lastIndex;
      }
    }
    SPELLED_HUNDRED.lastIndex = e;
    if (value < 100 && SPELLED_HUNDRED.exec(s)) {
      value *= 100;
      e = SPELLED_HUNDRED.lastIndex;
    }
    SPELLED_HALF.lastIndex = e;
    if (SPELLED_HALF.exec(s)) {
      value += 0.5; // "four and a half solar cycles"
      e = SPELLED_HALF.lastIndex;
    }
  }
  MAGNITUDE_WORD.lastIndex = e;
  const mw = MAGNITUDE_WORD.exec(s);
  let mag: string | null = null;
  if (mw) {
    mag = mw[1]!.toLowerCase();
    value *= MAGNITUDES[mag]!;
    e = MAGNITUDE_WORD.lastIndex;
  }
  const numEnd = e;
  // Spelled numbers take only word units ("two hours", "six orders of magnitude", "3-fold").
  let unit = readUnit(s, e);
  if (unit && !/^[A-Za-z][A-Za-z -]{2,}$/.test(unit.surface)) unit = null;
  const noun = unit ? null : readNoun(s, e, mag !== null);
  const isOne = value === 1 && mag === null && !lower.startsWith('a');
  if (!unit && !noun) {
    // "a dozen" stands alone; "a hundred"/"a million" need a magnitude-sized count after.
    if (lower.startsWith('a') && !(mag || lower.endsWith('dozen'))) return none;
    SPELLED_NEXT.lastIndex = e;
    const nx = SPELLED_NEXT.exec(s);
    const next = nx ? nx[1]!.toLowerCase() : '';
    // "two of the", "all three.", "one can": not counts.
    if (!nx || SPELLED_STOP.has(next) || SPELLED_STOP.has(next.split('-')[0]!)) return none;
    // "one" is counted only before a plain noun ("during one cycle"), never in "one-shot",
    // "one such", "no one", "the one", "one way".
    if (isOne && (s[e] === '-' || matched[0] === 'O' || ONE_STOP.has(next) || ONE_BEFORE.test(s.slice(Math.max(0, p - 8), p)))) {
      return none;
    }
    // "One particularly ambitious goal", "two equally": an adverb, not a counted noun.
    if (next.endsWith('ly') && next.length > 4) return none;
  }
  const prev = classifyPrevWord(s, p);
  if (prev === 'reference' || prev === 'name') {
    st.markEnd = numEnd;
    return none;
  }
  let end = numEnd;
  let kind: Claim['kind'] = 'count';
  let unitName: string | null = null;
  if (unit) {
    end = unit.end;
    kind = unit.info.kind;
    unitName = unit.info.unit;
  } else if (noun) {
    end = noun.end;
    kind = noun.noun === 'parameters' ? 'parameters' : 'count';
    unitName = noun.noun;
  }
  const draft: Draft = {
    text: s.slice(p, end),
    start: p,
    end,
    value: tidy(value),
    low: null,
    high: null,
    unit: unitName,
    kind,
    qualifier: qualifierBefore(s, p),
  };
  return { draft, next: end };
}
