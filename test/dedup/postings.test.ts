import { describe, expect, it } from 'vitest';
import { PostingLists } from '../../src/dedup/postings.js';

/** Word w's whole list, oldest first, read through recent(). */
function listOf(lists: PostingLists, w: number): number[] {
  const into = new Int32Array(1000);
  const n = lists.recent(w, 1000, into);
  return Array.from(into.subarray(0, n)).reverse();
}

describe('PostingLists', () => {
  it('keeps each word its slots in the order added, a single slot without an array', () => {
    const lists = new PostingLists();
    for (let w = 0; w < 3; w++) lists.addWord();
    lists.add(0, 5);
    lists.add(2, 1);
    lists.add(2, 4);
    lists.add(2, 9);
    expect(lists.length).toBe(3);
    expect([0, 1, 2].map((w) => lists.count(w))).toEqual([1, 0, 3]);
    expect([0, 1, 2].map((w) => listOf(lists, w))).toEqual([[5], [], [1, 4, 9]]);
  });

  it('reads at most `max` postings, the most recent first', () => {
    const lists = new PostingLists();
    lists.addWord();
    for (let s = 0; s < 10; s++) lists.add(0, s);
    const into = new Int32Array(4);
    expect(lists.recent(0, 4, into)).toBe(4);
    expect(Array.from(into)).toEqual([9, 8, 7, 6]);
  });

  it('adds to loaded lists without copying them, and writes loaded and added postings back in order', () => {
    const built = new PostingLists();
    for (let w = 0; w < 4; w++) built.addWord();
    [
      [0, 1],
      [0, 2],
      [2, 3],
      [3, 4],
      [3, 5],
      [3, 6],
    ].forEach(([w, s]) => built.add(w!, s!));
    const { ends, flat } = built.toParts();
    expect(Array.from(ends)).toEqual([2, 2, 3, 6]);
    expect(Array.from(flat)).toEqual([1, 2, 3, 4, 5, 6]);

    const loaded = PostingLists.fromParts(ends, flat);
    // Unchanged, the loaded arrays are written back as they are.
    expect(loaded.toParts().flat).toBe(flat);
    loaded.add(3, 7); // a loaded word
    loaded.add(1, 8); // a loaded word with no posting yet
    loaded.addWord(); // word 4, new
    loaded.add(4, 9);
    loaded.add(4, 10);
    expect([0, 1, 2, 3, 4].map((w) => loaded.count(w))).toEqual([2, 1, 1, 4, 2]);
    expect(listOf(loaded, 3)).toEqual([4, 5, 6, 7]);
    const into = new Int32Array(2);
    expect(loaded.recent(3, 2, into)).toBe(2);
    expect(Array.from(into)).toEqual([7, 6]); // the added posting first, then the loaded ones
    const again = loaded.toParts();
    expect(Array.from(again.ends)).toEqual([2, 3, 4, 8, 10]);
    expect(Array.from(again.flat)).toEqual([1, 2, 8, 3, 4, 5, 6, 7, 9, 10]);
    // The load left the source arrays alone.
    expect(Array.from(flat)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
