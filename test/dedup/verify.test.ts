/** Building blocks: the word-difference veto, order check, clip relation, sketches, IntMap. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipRatio, isHardWord, orderConsistent, tokenDiff } from '../../src/dedup/verify.js';
import { isRealAbstract, sketchAbstract, sketchSimilarity } from '../../src/dedup/sketch.js';
import { IntMap } from '../../src/dedup/intmap.js';
import { normalizeTitle, titleKey, titleTokens } from '../../src/normalize.js';

const diff = (a: string, b: string) => tokenDiff(titleTokens(a), titleTokens(b));

describe('tokenDiff', () => {
  it.each([
    // [a, b, hard, blocking, excused]
    ['Fine-Tuning Large Language Models', 'fine tuning large language models', false, 0, 0],
    ['3times Faster Decoding', '3 times faster decoding', false, 0, 0],
    ['S2FT: Sparse Fine-Tuning', 'S2 FT: Sparse Fine-Tuning', false, 0, 0],
    ['A Survey of Agents', 'Survey on Agents', false, 0, 3],
    ['Pruning Aware Tuning for Large Language Model', 'Pruning Aware Tuning for Large Language Models', false, 0, 1],
    ['Qwen2.5-Omni Technical Report', 'Qwen3.5-Omni Technical Report', true, 0, 0],
    ['Kwai Keye-VL Technical Report', 'Kwai Keye-VL 1.5 Technical Report', true, 0, 0],
    ['Nemotron 3 Nano: Hybrid Model', 'Nemotron 3 Super: Hybrid Model', true, 0, 0],
    ['Deep Learning, Part I', 'Deep Learning, Part II', true, 0, 0],
    ['Mistral 7B', 'Mistral 70B', true, 0, 0],
    ['Trust Region On-Policy Distillation', 'Trust Region Policy Distillation', false, 2, 0],
    ['Scaling Laws for Neural Language Models', 'Scaling Laws for Neural Language Models of Code', false, 1, 1],
    ['MemEye: Agent Memory', 'IMemEye: Agent Memory', false, 2, 0],
  ] as [string, string, boolean, number, number][])('%s | %s', (a, b, hard, blocking, excused) => {
    expect(diff(a, b)).toEqual({ hard, blocking, excused });
    expect(diff(b, a)).toEqual({ hard, blocking, excused });
  });

  it('hard words', () => {
    for (const w of ['7b', 'v2', 'ii', 'iv', 'nano', 'super', 'ultra', 'pro', 'mini', 'lite', 'qwen25', 'geminipro'])
      expect(isHardWord(w)).toBe(true);
    for (const w of ['policy', 'onpolicy', 'models', 'gemini', 'survey']) expect(isHardWord(w)).toBe(false);
  });
});

describe('orderConsistent', () => {
  it.each([
    ['Attention Is All You Need', 'All You Need Is Attention', false],
    ['Sora: A Review', 'A Review: Sora', false],
    ['Towards Efficient Fine-Tuning of Vision Transformers', 'Toward Efficient Finetuning of Vision Transformers', true],
    ['A B C D E F G H I', 'A B C E D F G H I', true],
  ] as [string, string, boolean][])('%s | %s -> %s', (a, b, ok) => {
    expect(orderConsistent(titleTokens(a), titleTokens(b))).toBe(ok);
  });
});

describe('clipRatio', () => {
  const ratio = (a: string, b: string) => {
    const x = normalizeTitle(a);
    const y = normalizeTitle(b);
    return clipRatio(x.key, x.clipped, y.key, y.clipped);
  };
  it.each([
    ['Scaling Laws for Neural Lang\u2026', 'Scaling Laws for Neural Language Models', true],
    ['Scaling Laws for Neural Language Models', 'Scaling Laws for Neural Lang\u2026', true],
    ['Scaling Laws for Neural Lang\u2026', 'Scaling Laws for Neural Language Mo...', true],
    ['Fine-tuning Aligned Language Models Compromis...', 'Fine-tuning Aligned Language Models Compromises Safety', true],
    ['Geometry Conflict: Explaining and Controlling \u2026', 'Geometry Conflict: Explaining and Controlling Forgetting', true],
    ['Scaling Laws for Neural Lang\u2026', 'Scaling Laws for Vision Models', false],
    ['Scaling Laws for Neural Language Models of Code\u2026', 'Scaling Laws for Neural Language Models', false],
    ['Scaling Laws for Neural Lang', 'Scaling Laws for Neural Language Models', false],
    ['Kwai Keye\u2026', 'Kwai Keye-VL 1.5 Technical Report', false],
    ['Parameter-Efficient Fine-Tuning for F\u2026', 'Parameter-Efficient Fine-Tuning for Large Mo\u2026', false],
    ['Parameter-Efficient Fine-Tuning for F\u2026', 'Parameter-Efficient Fine-Tuning for Large Models', false],
    ['Modelling the Colou\u2026', 'Modelling the Colour of Things', true],
  ] as [string, string, boolean][])('%s | %s -> %s', (a, b, ok) => {
    expect(ratio(a, b) > 0).toBe(ok);
  });
  it('is the clip share of the full key', () => {
    expect(ratio('Abcdefghijklmnop\u2026', 'Abcdefghijklmnopqrstuvwxyzabcdef')).toBeCloseTo(0.5);
    expect(titleKey('Abcdefghijklmnop\u2026').length).toBe(16);
  });
});

describe('abstract sketches', () => {
  const ABS =
    'Large language models (LLMs) excel in language tasks, especially with supervised fine-tuning after pre-training. However, their substantial memory and computational requirements hinder practical applications. Structural pruning, which reduces less significant weight dimensions, is one solution. Yet, traditional post-hoc pruning often leads to significant performance loss, with limited recovery from further fine-tuning.';
  const OTHER =
    'Soft prompt tuning is a widely studied parameter-efficient fine-tuning method. However, it has a clear drawback: many soft tokens must be inserted into the input sequences to guarantee downstream performance. As a result, soft prompt tuning is less considered than Low-rank adaptation (LoRA) in the large language modeling (LLM) era.';
  const sim = (a: string, b: string) => sketchSimilarity(sketchAbstract(a), sketchAbstract(b));

  it.each([
    ['identical', ABS, ABS, 1],
    ['hard-wrapped', ABS, ABS.replace(/(.{60,80}?) /g, '$1\n'), 1],
    ['truncated with …', ABS, ABS.slice(0, 180) + '\u2026', 1],
    ['missing its last sentence', ABS, ABS.replace(/ Yet, traditional.*$/, ''), 1],
    ['venue note appended', ABS, ABS + ' Accepted at ACL 2024.', 1],
  ] as [string, string, string, number][])('%s: containment 1', (_n, a, b, v) => {
    expect(sim(a, b)).toBe(v);
  });

  it('venue note prepended, LaTeX percent: still high', () => {
    expect(sim(ABS, 'Accepted to ICLR 2025. ' + ABS)).toBeGreaterThanOrEqual(0.7);
    expect(sim(ABS.replace('excel', '50% excel'), ABS.replace('excel', '50\\% excel'))).toBeGreaterThanOrEqual(0.9);
  });

  it('unrelated texts: near 0; too little text: -1 (no evidence)', () => {
    expect(sim(ABS, OTHER)).toBeLessThan(0.15);
    expect(sim(ABS, 'Code: https://github.com/x/y')).toBe(-1);
    expect(sim('', '')).toBe(-1);
  });

  it('real abstracts vs comments', () => {
    expect(isRealAbstract(sketchAbstract(ABS))).toBe(true);
    expect(isRealAbstract(sketchAbstract(ABS + ' Code: https://github.com/x/y'))).toBe(true);
    expect(isRealAbstract(sketchAbstract('Accepted at ICML 2024.'))).toBe(false);
    expect(
      isRealAbstract(
        sketchAbstract(
          'We release our code, data and model checkpoints to facilitate future research in this direction; please see the project page for demos, videos and additional results not included in the paper.',
        ),
      ),
    ).toBe(false);
    expect(isRealAbstract(sketchAbstract(''))).toBe(false);
  });

  it('signatures are small, sorted and unique', () => {
    const s = sketchAbstract(ABS.repeat(10));
    expect(s.sig.length).toBeLessThanOrEqual(16);
    for (let i = 1; i < s.sig.length; i++) expect(s.sig[i]!).toBeGreaterThan(s.sig[i - 1]!);
  });
});

describe('IntMap', () => {
  it('behaves like a Map under random set/delete/get', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('set', 'delete', 'get'), fc.integer({ min: 1, max: 200 }), fc.integer()), {
          maxLength: 2000,
        }),
        (ops) => {
          const m = new IntMap(4);
          const ref = new Map<number, number>();
          for (const [op, k, v] of ops) {
            if (op === 'set') m.set(k, v), ref.set(k, v);
            else if (op === 'delete') expect(m.delete(k)).toBe(ref.delete(k));
            else expect(m.get(k)).toBe(ref.get(k) ?? -1);
          }
          expect(m.size).toBe(ref.size);
          for (const [k, v] of ref) expect(m.get(k)).toBe(v);
        },
      ),
      { numRuns: 50 },
    );
  });
});
