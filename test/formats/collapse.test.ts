import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, unwrapAbstract } from '../../src/formats/text.js';

/** What collapseWhitespace did before it left single spaces alone: every run replaced, then trimmed. */
const everyRun = (s: string) => s.replace(/[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g, ' ').trim();

describe('collapseWhitespace', () => {
  it('collapses runs of any blank into one space and trims', () => {
    expect(collapseWhitespace('  Low-Rank\n\tAdaptation \u00a0of\u200bLarge  Models \r\n')).toBe(
      'Low-Rank Adaptation of Large Models',
    );
    expect(collapseWhitespace('one two')).toBe('one two');
    expect(collapseWhitespace('\u200b')).toBe('');
    expect(collapseWhitespace('a \u3000b\ufeff')).toBe('a b');
    expect(unwrapAbstract('We propose\\\\\nLoRA,\n  a method.')).toBe('We propose LoRA, a method.');
  });

  it('reads every string as replacing every run did', () => {
    const blanks = [
      ' ',
      '  ',
      '\n',
      '\t',
      '\r\n',
      '\u00a0',
      '\u2003',
      '\u200b',
      '\u2028',
      '\u3000',
      '\ufeff',
      '\u000b',
      '\u000c',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...blanks), fc.constantFrom('a', 'Z', '.', '7', '汉')), { maxLength: 40 }),
        (parts) => {
          const s = parts.join('');
          expect(collapseWhitespace(s)).toBe(everyRun(s));
        },
      ),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(collapseWhitespace(s)).toBe(everyRun(s));
      }),
      { numRuns: 3000 },
    );
  });
});
