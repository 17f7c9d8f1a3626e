import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRIE_AT, TRIE_SIEVE, triePrefixes, trieWords } from '../../src/extract/methods/compile.js';
import { ROLE_CUE_AT, ROLE_CUE_SIEVE } from '../../src/extract/methods/cues.js';
import { SIEVE_SEP, StartSieve } from '../../src/extract/sieve.js';

/** Every candidate from `from` on, as the scanners walk them. */
function candidates(sieve: StartSieve, text: string, from = 0): number[] {
  const out: number[] = [];
  for (let p = sieve.next(text, from); p >= 0; p = sieve.next(text, p + 1)) out.push(p);
  return out;
}

describe('StartSieve', () => {
  const sieve = new StartSieve(['lor', `k${SIEVE_SEP}a`, 'vs', '(ia']);
  const _ = (text: string, expected: number[]) => [text, expected] as const;
  it.each([
    _('LoRA and lora', [0, 9]),
    _('xlora blora', []), // mid-word
    _('k-adapter k adapter kadapter', [0, 10]),
    _('vs. VS', [0, 4]),
    _('(IA)^3', [0]),
    _('a-lora', [2]), // after a hyphen: a word start
    _('é lora', [0, 2]), // non-ASCII: always a candidate
    _('lo', []), // too short for "lor"
    _('', []),
  ])('%j -> %j', (text, expected) => {
    expect(candidates(sieve, text)).toEqual(expected);
  });

  it('starts mid-word from the end of that word', () => {
    expect(candidates(sieve, 'xlora lora', 2)).toEqual([6]);
    expect(candidates(sieve, 'lora lora', 1)).toEqual([5]);
  });

  it('reads up to six characters: a longer prefix must fit whole, a short alias accepts any ending', () => {
    const long = new StartSieve(['lorafa', 'dora', `k${SIEVE_SEP}ada`]);
    expect(candidates(long, 'lorafa lorafb lorbfa lorafa2')).toEqual([0, 21]);
    expect(candidates(long, 'dora doras dor')).toEqual([0, 5]);
    expect(candidates(long, 'k-ada k-adb kada')).toEqual([0]);
    expect(candidates(long, 'loraf\u00e9 lora')).toEqual([0]); // non-ASCII within six: a candidate
  });

  it('refuses an empty prefix (it would accept every position)', () => {
    expect(() => new StartSieve([''])).toThrow();
  });
});

describe('triePrefixes', () => {
  it('expands a separator run to zero to three separator characters', () => {
    expect([...triePrefixes(['k-ad'])].sort()).toEqual(['k\u0001\u0001', 'k\u0001a', 'kad'].sort());
    expect([...triePrefixes(['ab'])]).toEqual(['ab']);
    expect([...triePrefixes(['k-ad'], 6)].sort()).toEqual(
      ['kad', 'k\u0001ad', 'k\u0001\u0001ad', 'k\u0001\u0001\u0001ad'].sort(),
    );
  });
});

// The promise the scanners rely on: wherever the full regex matches, the sieve says yes, and a
// walk from any earlier position does not jump over it. Texts are built from what the regexes
// read (aliases in random case, cue and number words) glued with separators, punctuation,
// digits and characters /i treats specially (the long s and Kelvin sign fold to ASCII only
// under /u; the micro sign folds to Greek mu).
const GLUE = [' ', '  ', '-', '\u2010', '\u2013', '\u00a0', '\t', '\n', '(', ')', '.', ',', ';', '^', '$', '+', '/', '_'];
const ODD = ['x', 'ab', '7', '12', 'é', 'ſ', '\u212a', 'µ', 'μ', 'İ', 'ı', '\u2028', '\ufeff'];
const SEPS = [' ', '-', '\u2010', '\u2014', '\u00a0', '\t', '\n', '  ', '- ', ''];

function randomCase(s: string, bits: number[]): string {
  return [...s].map((c, i) => ((bits[i % bits.length] ?? 0) % 2 === 1 ? c.toUpperCase() : c)).join('');
}

function textArb(words: string[]): fc.Arbitrary<string> {
  const word = fc
    .tuple(fc.constantFrom(...words), fc.array(fc.nat(3), { minLength: 1, maxLength: 8 }), fc.constantFrom(...SEPS))
    .map(([w, bits, sep]) => randomCase(w, bits).replace(/[\s\-\u2010-\u2014]+/g, sep));
  const piece = fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 3, arbitrary: fc.constantFrom(...GLUE) },
    { weight: 1, arbitrary: fc.constantFrom(...ODD) },
    { weight: 1, arbitrary: word.map((w) => w.slice(0, Math.max(1, w.length - 2))) },
  );
  return fc.array(piece, { maxLength: 24 }).map((ps) => ps.join(''));
}

function checkNeverMisses(sieve: StartSieve, at: RegExp, text: string): void {
  for (let p = 0; p < text.length; p++) {
    at.lastIndex = p;
    if (at.exec(text) === null) continue;
    expect(sieve.next(text, p), `match at ${p} in ${JSON.stringify(text)}`).toBe(p);
    for (const from of [0, p - 1, p - 2, p - 5]) {
      if (from < 0) continue;
      const q = sieve.next(text, from);
      expect(q >= from && q <= p, `walk from ${from} skips ${p} in ${JSON.stringify(text)}`).toBe(true);
    }
  }
}

describe('the sieves never miss a match of their regex', () => {
  const trie = [...trieWords];
  it('the method taxonomy trie', () => {
    fc.assert(
      fc.property(textArb(trie), (t) => checkNeverMisses(TRIE_SIEVE, TRIE_AT, t)),
      { numRuns: 1500 },
    );
  });

  it('every alias, alone and after a separator, in three cases', () => {
    for (const w of trie) {
      for (const form of [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)]) {
        for (const text of [form, `(${form})`, `x-${form}.`]) checkNeverMisses(TRIE_SIEVE, TRIE_AT, text);
      }
    }
  });

  const cues = [
    'we propose',
    'We  introduce',
    'we further present',
    'we put forward',
    'we call',
    'this paper presents',
    'the present work proposes',
    'dubbed',
    'so-called',
    'named',
    'termed',
    'coined',
    'namely',
    'the proposed',
    'our newly proposed',
    'our novel',
    'our new',
    'over',
    'outperforms',
    'surpassing',
    'beats',
    'beat',
    'exceeds',
    'compared',
    'comparison',
    'comparisons',
    'than',
    'versus',
    'vs',
    'vs.',
    'against',
    'relative to',
    'baselines',
    'unlike',
    'in contrast to',
    'in contrast with',
    'different from',
    'improves upon',
    'improved on',
    'superior to',
    'on par with',
    'competitive with',
    'rivals',
    'alternative to',
    'alternatives for',
    'substitute for',
    'as opposed to',
    'instead of',
    'replacing',
    'the',
    'our',
    'in',
    'on',
    'as',
    'we',
  ];
  it('the role cues', () => {
    fc.assert(
      fc.property(textArb(cues), (t) => checkNeverMisses(ROLE_CUE_SIEVE, ROLE_CUE_AT, t)),
      { numRuns: 1500 },
    );
  });
});
