import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maybeUrl } from '../../src/extract/regex.js';

/** What maybeUrl promises, written the obvious way: six searches of the text. */
const MARKERS = ['://', 'www.', '.com/', '.co/', '.io', '.org/'];
const reference = (t: string): boolean => MARKERS.some((m) => t.includes(m));

describe('maybeUrl', () => {
  it.each([
    ['no URL', 'We fine-tune LoRA on 7B models. Results improve.', false],
    ['a scheme', 'see https://example.org', true],
    ['www.', 'at www.example.net', true],
    ['.com/', 'github.com/a/b', true],
    ['.co/', 'huggingface.co/x', true],
    ['.io', 'foo.github.io', true],
    ['.org/', 'arxiv.org/abs/1', true],
    ['.com without a path', 'example.com today', false],
    ['a period at the very end', 'the end.', false],
    ['"www" right at the start', 'www.', true],
  ])('%s', (_name, text, expected) => {
    expect(maybeUrl(text)).toBe(expected);
    expect(reference(text)).toBe(expected);
  });

  it('agrees with the six searches on any text made of their characters', () => {
    const chars = fc.constantFrom(...'.:/wcomirg xa'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (cs) => {
        const t = cs.join('');
        expect(maybeUrl(t)).toBe(reference(t));
      }),
      { numRuns: 3000 },
    );
  });
});
