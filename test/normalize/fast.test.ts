import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/normalize/clean.js';
import { normalizeWords, normalizeWordsUpTo, spellingVariant } from '../../src/normalize.js';
import { referenceCleanText, referenceNormalizeWords, referenceSpellingVariant } from './clean-reference.js';

/**
 * Pieces of text where the fast paths could part from the regex pipeline: joiners (apostrophes,
 * hyphens, decimal points) next to letters, digits, spaces and each other; LaTeX and entities;
 * marks, symbols and dashes outside ASCII; astral letters and lone surrogates.
 */
const PIECES = [
  'a',
  'B',
  'z',
  '7',
  '0',
  ' ',
  '  ',
  '\n',
  '\t',
  "'",
  '`',
  '\u2019',
  '\u2018',
  '\u00b4',
  '\u2032',
  '-',
  '--',
  '---',
  '\u2013',
  '\u2014',
  '\u2212',
  '.',
  '...',
  ',',
  ':',
  '(',
  ')',
  '\\',
  '\\textit',
  '\\mu',
  '\\%',
  '\\"u',
  '{',
  '}',
  '$',
  '^',
  '_',
  '~',
  '&',
  '&amp;',
  '&mdash;',
  '\u00e9',
  'e\u0301',
  '\u00d7',
  '\u03b1',
  '\u0391',
  '\u00b5',
  '\u00b2',
  '\u00bd',
  '\ud835\udc00',
  '\ud840\udc00',
  '\ud800',
  '\udc00',
  '\u0130',
  '\u00df',
  '\u2026',
  '\u00aa',
  '\u200b',
  '\u00ad',
  '\u4e2d',
  'LLM',
  'fine',
  '2.5',
  "LLM's",
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((xs) => xs.join(''));

const CASES: [string, string][] = [
  ["LLM's", 'llms'],
  ['Fine- Tuning', 'finetuning'],
  ['Qwen2.5 vs 2. 5', 'qwen25 vs 2. 5'],
  ['a--b', 'ab'],
  ['-a', '-a'],
  ["\ud835\udc00's", 'as'],
  ["\ud840\udc00's", '\ud840\udc00s'],
  ["\ud800's", "\ud800's"],
  ['\u00e9t\u00e9\u2019s', 'etes'],
];

describe('cleanText: the fast paths give what the regex pipeline gives', () => {
  it.each(CASES)('%j -> %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
    expect(referenceCleanText(input)).toBe(expected);
  });

  it('same text and words for arbitrary pieces', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(cleanText(s)).toBe(referenceCleanText(s));
        expect(normalizeWords(s)).toEqual(referenceNormalizeWords(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('spellingVariant: the last-letter filter changes nothing', () => {
  const ENDINGS = [
    'ise',
    'ised',
    'ising',
    'isations',
    'yse',
    'ysers',
    'elling',
    'alled',
    'our',
    'oured',
    'ourites',
    'x',
    're',
    'ue',
    'ence',
    'ey',
    'ment',
    'ium',
    'fact',
    'facts',
    's',
    'd',
    'ing',
    'ing',
  ];
  const word = fc.tuple(fc.stringMatching(/^[a-z0-9]{0,6}$/), fc.constantFrom('', ...ENDINGS)).map(([stem, end]) => stem + end);
  it.each([
    'centre',
    'grey',
    'toward',
    'aluminium',
    'artefacts',
    'optimise',
    'analysed',
    'labelling',
    'colours',
    '4x',
    '12x',
    'x',
    'model',
    '',
  ])('%j', (w) => expect(spellingVariant(w)).toBe(referenceSpellingVariant(w)));
  it('same word for generated words', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(spellingVariant(w)).toBe(referenceSpellingVariant(w));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('normalizeWordsUpTo: lowercasing the text once gives the same words', () => {
  it('same words as the regex pipeline for arbitrary pieces', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 30 }), (s, max) => {
        expect(normalizeWordsUpTo(s, max)).toEqual(referenceNormalizeWords(s).slice(0, max));
      }),
      { numRuns: 3000 },
    );
  });
});
