import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extract/claims.js';
import { sentenceIndex, sentenceStarts, splitSentences } from '../../src/extract/sentences.js';

const _ = (text: string, expected: string[]) => [text, expected] as const;
const pieces = (text: string) => splitSentences(text).map(([a, b]) => text.slice(a, b));

describe('splitSentences: one rule for claims, links and methods', () => {
  it.each([
    _('One. Two! Three?', ['One. ', 'Two! ', 'Three?']),
    _('As in Smith et al. (2020) it is faster. Next.', ['As in Smith et al. (2020) it is faster. ', 'Next.']),
    _('See Fig. 3 and Eq. 2 vs. baselines, e.g. LoRA. Done', ['See Fig. 3 and Eq. 2 vs. baselines, e.g. LoRA. ', 'Done']),
    _('Work by J. Smith. It holds.', ['Work by J. Smith. ', 'It holds.']),
    // A copy of a PDF that lost the space (seed 004: "of the proposed method.Meanwhile, we").
    _('of the method.Meanwhile, we win.', ['of the method.', 'Meanwhile, we win.']),
    // An enumeration in brackets opens a sentence (seed: "(i) No further ... (ii) Notable ...").
    _('that: (i) No more. (ii) Notable gains.', ['that: (i) No more. ', '(ii) Notable gains.']),
    _('He said “Yes.” “No” came next.', ['He said “Yes.” ', '“No” came next.']),
    _('A 2.5 times gain. 3 wins.', ['A 2.5 times gain. ', '3 wins.']),
    _('lower case. next', ['lower case. next']),
    _('', ['']),
  ])('%j', (text, expected) => {
    expect(pieces(text)).toEqual(expected);
  });

  it('sentenceStarts are the ranges’ starts, and sentenceIndex finds the holder', () => {
    const text = 'We propose LoRA. It beats Adam by 5%. Code soon.';
    const starts = sentenceStarts(text);
    expect(starts).toEqual(splitSentences(text).map(([a]) => a));
    expect(sentenceIndex(starts, text.indexOf('5%'))).toBe(1);
  });

  it("a claim's sentence is the sentence the other extractors read", () => {
    const text = 'Results improve.Meanwhile, accuracy rises by 5% (cf. Fig. 2). Done.';
    const [claim] = extractClaims(text);
    const starts = sentenceStarts(text);
    const i = sentenceIndex(starts, claim!.start);
    expect(claim!.sentence).toBe(text.slice(starts[i], starts[i + 1]).trimEnd());
  });
});
