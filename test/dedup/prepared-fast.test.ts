/**
 * The prepared sighting and the abstract sketch computed in one pass (issue 18, worker CPU)
 * against the code they replaced (./prepared-reference.ts): the same bytes for real records and
 * for generated ones that put joiners, markup, clip marks and the 600-character prefix's end
 * where the fast paths branch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareSighting } from '../../src/dedup/prepared.js';
import { sketchAbstract } from '../../src/dedup/sketch.js';
import { referencePrepareSighting, referenceSketch } from './prepared-reference.js';
import { apiRecords, seedRecords } from './records.js';

const REAL = [...seedRecords(), ...apiRecords()];

const WORDISH = ['model', 'LLMs', 'Fine', 'tuning', 'the', 'of', 'a', 'Qwen2', '7B', 'LoRA', 'x', '4x', 'optimise', 'colour'];
const GLUE = [' ', ' ', ' ', '  ', '\n', '. ', ', ', '-', '- ', '--', "'", '`', '.', '...', '\u2026', ' \u2026 ', '(', ')', ':'];
const RARE = [
  '\\%',
  '$\\mu$',
  '&amp;',
  '~',
  '^{2}',
  '_',
  '{',
  '\u00e9',
  '\u03b1',
  '\u00d7',
  '\u2019',
  '\u00a0',
  '\t',
  '\u0000',
  '\ud835\udc00',
  '\ud800',
];
const piece = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...WORDISH) },
  { weight: 8, arbitrary: fc.constantFrom(...GLUE) },
  { weight: 1, arbitrary: fc.constantFrom(...RARE) },
);
const text = (max: number) => fc.array(piece, { maxLength: max }).map((xs) => xs.join(''));
/** Texts long enough to cross the sketch's 600-character prefix, sometimes ending with a clip mark. */
const abstract = fc.oneof(
  text(40),
  fc.tuple(text(400), fc.constantFrom('', '\u2026', '...', ' [...]', ' ... \n')).map(([t, end]) => t + end),
);
const record = fc.record({
  title: fc.oneof(text(30), fc.constantFrom('', 'Sketch \u2026', 'A Study of LLMs...')),
  abstract,
  arxivId: fc.constantFrom(null, '', '2401.12345', 'arXiv:2401.1234v2', 'hep-th/9901001v1', ' 2401.12345 '),
});

const sketchOf = (a: string) => {
  const s = sketchAbstract(a);
  return { words: s.words, comment: s.comment, sig: [...s.sig] };
};

describe('prepareSighting and sketchAbstract: the same bytes as before', () => {
  it(`real records (${REAL.length}; the API samples join when ../shared/samples is present)`, () => {
    for (const r of REAL) {
      expect(prepareSighting(r)).toEqual(referencePrepareSighting(r));
      expect(sketchOf(r.abstract)).toEqual(referenceSketch(r.abstract));
    }
  });

  it('generated records', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(sketchOf(r.abstract)).toEqual(referenceSketch(r.abstract));
        expect(prepareSighting(r)).toEqual(referencePrepareSighting(r));
      }),
      { numRuns: 3000 },
    );
  });
});
