/**
 * The clip mark at the end of a title or abstract, found by a backward scan (clipMarkStart): the
 * same answers as the regex it replaced, in linear time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipMarkStart, isClippedTitle, normalizeTitle } from '../../src/normalize.js';

/** The regex isClippedTitle used before (quadratic on a long run of dots). */
const OLD = /\s*(?:\u2026|\.{3,}|\u22EF|\[\s*(?:\.{3}|\u2026)\s*\])\s*$/;

const _ = (title: string, clipped: boolean) => [title, clipped] as const;

describe('clipMarkStart', () => {
  it.each([
    _('Scaling Laws for Neural Lang\u2026', true),
    _('Scaling Laws for Neural Lang...', true),
    _('Scaling Laws for Neural Lang ....  ', true),
    _('Scaling Laws for Neural Lang [...]', true),
    _('Scaling Laws for Neural Lang [ \u2026 ]', true),
    _('Scaling Laws for Neural Lang\u22EF', true),
    _('Scaling Laws for Neural Lang..', false),
    _('Scaling Laws for Neural Lang [....]', false),
    _('Scaling Laws [v2]', false),
    _('Is It All You Need?', false),
    _('', false),
    _('...', true),
  ])('%j clipped: %s', (title, clipped) => {
    expect(isClippedTitle(title)).toBe(clipped);
    expect(isClippedTitle(title)).toBe(OLD.test(title));
  });

  it('agrees with the old regex on any string of the characters that matter', () => {
    const chars = fc.constantFrom(' ', '\n', '.', '\u2026', '\u22EF', '[', ']', 'a', '\u00a0');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (cs) => {
        const s = cs.join('');
        const at = clipMarkStart(s);
        expect(at >= 0).toBe(OLD.test(s));
        if (at >= 0) expect(s.slice(0, at)).toBe(s.replace(OLD, ''));
      }),
      { numRuns: 3000 },
    );
  });

  // 2M dots (and 2M dots then a letter): the old regex, retrying from every dot, would do ~10^12
  // steps here (100k dots took 24 s; 20x more is 400x longer). The scan reads each dot once.
  it('is linear on adversarial input: 2M dots, with and without a letter after them', () => {
    const dots = 'A title'.padEnd(2_000_000, '.');
    expect(isClippedTitle(dots)).toBe(true);
    expect(isClippedTitle(`${dots}x`)).toBe(false);
    expect(isClippedTitle(`${' '.repeat(2_000_000)}x`)).toBe(false);
    expect(normalizeTitle(dots).clipped).toBe(true);
  });
});
