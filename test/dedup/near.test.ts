import { describe, expect, it } from 'vitest';
import { DedupIndex } from '../../src/dedup/index.js';
import { nearPairs } from '../../src/dedup/near.js';

const paper = (id: string, title: string) => ({ id, title, abstract: '', arxivId: null });

describe('nearPairs', () => {
  const a = paper('a', 'QLoRA: Efficient Finetuning of Quantized LLMs');
  const b = paper('b', 'QLoRA: Efficient Finetuning for the Quantized LLM');
  const c = paper('c', 'Qwen2 Technical Report');
  const d = paper('d', 'Qwen3 Technical Report');

  it('a pair the dedup kept apart just under the threshold, with its score', () => {
    const index = new DedupIndex();
    index.put(a);
    const dice = index.titleDice(b, 'a');
    expect(index.match(b)).toBeNull(); // kept apart at 0.9 ...
    expect(dice).toBeGreaterThan(0.8); // ... though close
    expect(dice).toBeLessThan(0.9);
    const pairs = nearPairs([a, b]);
    expect(pairs).toMatchObject([{ a: 'b', b: 'a' }]);
    expect(pairs[0]!.score).toBeCloseTo(dice, 3);
  });

  it('never a pair the other rules refuse (a version number), nor one above the threshold', () => {
    expect(nearPairs([c, d], 0.9, 0.5)).toEqual([]);
    expect(nearPairs([a, b], 0.8)).toEqual([]); // at 0.8 they would have been merged
  });
});
