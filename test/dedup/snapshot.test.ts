/**
 * A DedupIndex restored from its snapshot answers every lookup as the original did, and goes on
 * answering alike after the same writes on both (the snapshot holds the whole state, not a copy
 * that only looks right until the next put).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DedupIndex, type SightingLike } from '../../src/dedup/index.js';
import { decodeSlots, encodeSlotParts, SNAPSHOT_FORMAT, slotHeadroom } from '../../src/dedup/snapshot.js';
import { seedRecords } from './records.js';

const SEEDS = seedRecords();

/** Variants a lookup might bring: clipped, re-cased, a word dropped, another arXiv id. */
function variants(r: SightingLike, i: number): SightingLike[] {
  const words = r.title.split(' ');
  return [
    r,
    { ...r, title: r.title.toUpperCase() },
    { ...r, title: `${r.title.slice(0, Math.max(14, r.title.length >> 1))}…`, abstract: '' },
    { ...r, title: words.slice(0, -1).join(' ') },
    { ...r, arxivId: `2501.${String(10000 + i)}` },
  ];
}

/** A snapshot's pieces as one buffer, as the file holds them. */
function bytesOf(index: DedupIndex): Buffer {
  return Buffer.concat(index.snapshot());
}

function answers(index: DedupIndex, queries: SightingLike[]): unknown[] {
  return queries.map((q) => index.match(q));
}

type Op = { kind: 'put' | 'remove' | 'rename' | 'replace'; at: number };

/** Applies one write to an index (ids are paper-<n>, so both indexes get the same ids). */
function apply(index: DedupIndex, op: Op, n: number): void {
  const r = SEEDS[op.at % SEEDS.length]!;
  const id = `paper-${op.at % n}`;
  if (op.kind === 'put') index.put({ id: `paper-${n + op.at}`, ...r, arxivId: op.at % 3 === 0 ? `2402.${10000 + op.at}` : null });
  else if (op.kind === 'remove') index.remove(id);
  else if (op.kind === 'rename') index.rename(id, `renamed-${op.at}`);
  else index.put({ id, ...SEEDS[(op.at * 7) % SEEDS.length]!, arxivId: null }); // another text under an existing id
}

/** Loaded whole, and page by page as lookups need it (src/dedup/paging.ts). */
const LOADS = [{ paged: false }, { paged: true }];

describe.each(LOADS)('dedup snapshot (paged: $paged)', (load) => {
  it('restores an index that answers every lookup as the original', () => {
    const index = new DedupIndex();
    SEEDS.forEach((r, i) => {
      const m = index.match(r);
      if (m === null) index.put({ id: `p${i}`, ...r, arxivId: i % 4 === 0 ? `2403.${10000 + i}` : null });
    });
    // Clipped titles too (their own chain), one of them removed again.
    SEEDS.slice(0, 30).forEach((r, i) =>
      index.put({ id: `clip${i}`, title: `${r.title.slice(0, 30)}…`, abstract: '', arxivId: null }),
    );
    index.remove('clip7');
    index.remove('p3');
    index.rename('p5', 'p5-renamed');
    const restored = DedupIndex.fromSnapshot(bytesOf(index), {}, load);
    expect(restored.size).toBe(index.size);
    const queries = SEEDS.flatMap(variants);
    expect(answers(restored, queries)).toEqual(answers(index, queries));
    expect(restored.has('p3')).toBe(false);
    expect(restored.has('p5-renamed')).toBe(true);
    // A restored snapshot snapshots to the same bytes.
    expect(Buffer.compare(bytesOf(restored), bytesOf(index))).toBe(0);
  });

  it('an empty index round-trips', () => {
    const restored = DedupIndex.fromSnapshot(bytesOf(new DedupIndex()), {}, load);
    expect(restored.size).toBe(0);
    expect(restored.match(SEEDS[0]!)).toBeNull();
  });

  it('after the same writes, the original and the restored index still agree', () => {
    const n = 60;
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom('put', 'remove', 'rename', 'replace'), at: fc.nat(400) }), {
          maxLength: 40,
        }),
        (ops: Op[]) => {
          const a = new DedupIndex();
          SEEDS.slice(0, n).forEach((r, i) => a.put({ id: `paper-${i}`, ...r }));
          const b = DedupIndex.fromSnapshot(bytesOf(a), {}, load);
          for (const op of ops) {
            apply(a, op, n);
            apply(b, op, n);
          }
          const queries = SEEDS.slice(0, 120).flatMap(variants);
          expect(answers(b, queries)).toEqual(answers(a, queries));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses bytes of another format, and truncated ones', () => {
    const index = new DedupIndex();
    SEEDS.slice(0, 20).forEach((r, i) => index.put({ id: `p${i}`, ...r }));
    const bytes = bytesOf(index);
    const other = Buffer.from(bytes);
    other[3] = SNAPSHOT_FORMAT + 1;
    expect(() => decodeSlots(other, load)).toThrow(/format/);
    expect(() => decodeSlots(bytes.subarray(0, bytes.length - 64), load)).toThrow(/truncated/);
    expect(() => decodeSlots(Buffer.from('not a snapshot'))).toThrow();
  });

  it('keeps ids and words with any characters', () => {
    const index = new DedupIndex();
    index.put({ id: 'α-Ω 𝒪(n) ☃', title: 'Ünïcödé 𝒪(n) Titles for Δ-Tuning', abstract: 'An abstract.', arxivId: null });
    const restored = decodeSlots(Buffer.concat(encodeSlotParts(decodeSlots(bytesOf(index), load))), load);
    expect(restored.ids.get('α-Ω 𝒪(n) ☃')).toBe(0);
    expect(
      DedupIndex.fromSnapshot(bytesOf(index), {}, load).match({
        title: 'Ünïcödé 𝒪(n) Titles for Δ-Tuning',
        abstract: '',
        arxivId: null,
      }),
    ).toEqual(index.match({ title: 'Ünïcödé 𝒪(n) Titles for Δ-Tuning', abstract: '', arxivId: null }));
  });
});

describe.each(LOADS)('dedup snapshot: room to grow (paged: $paged)', (load) => {
  const synthetic = (i: number): SightingLike => ({
    title: `Sparse ${['adapters', 'experts', 'probes', 'rewards'][i % 4]} for task ${i} in ${['vision', 'speech', 'code'][i % 3]} models`,
    abstract: `We study method number ${i} and report what it does on ${i % 17} benchmarks.`,
    arxivId: null,
  });

  it('a loaded store adds papers without replacing its slot arrays (no copy into larger ones)', () => {
    const index = new DedupIndex();
    SEEDS.slice(0, 50).forEach((r, i) => index.put({ id: `p${i}`, ...r }));
    const store = decodeSlots(bytesOf(index), load);
    const [alive, sigPool, tokPool] = [store.alive, store.sigPool, store.tokPool];
    expect(alive.length).toBe(50 + slotHeadroom(50));
    for (let i = 0; i < 100; i++) store.newSlot();
    expect(store.alive).toBe(alive);
    expect(store.sigPool).toBe(sigPool);
    expect(store.tokPool).toBe(tokPool);
  });

  it('past that room its arrays grow, and it still answers as the index it was saved from', () => {
    const a = new DedupIndex();
    SEEDS.slice(0, 40).forEach((r, i) => a.put({ id: `p${i}`, ...r }));
    const b = DedupIndex.fromSnapshot(bytesOf(a), {}, load);
    const more = slotHeadroom(40) + 200;
    for (let i = 0; i < more; i++) {
      a.put({ id: `s${i}`, ...synthetic(i) });
      b.put({ id: `s${i}`, ...synthetic(i) });
    }
    expect(b.size).toBe(a.size);
    const queries = [
      ...SEEDS.slice(0, 60).flatMap(variants),
      ...[0, 1, 4095, 8191, 8192, more - 1].map((i) => ({ ...synthetic(i), title: synthetic(i).title.toUpperCase() })),
    ];
    expect(answers(b, queries)).toEqual(answers(a, queries));
    expect(Buffer.compare(bytesOf(b), bytesOf(a))).toBe(0);
  });
});

describe('dedup snapshot read page by page', () => {
  // Enough papers that every paged array spans many pages, so lookups read some pages and not others.
  const synthetic = (i: number): SightingLike => ({
    title: `${['Sparse', 'Dense', 'Low-Rank', 'Gated'][i % 4]} ${['adapters', 'experts', 'probes', 'rewards'][(i >> 2) % 4]} for task ${i} in ${['vision', 'speech', 'code', 'graphs'][i % 3]} models`,
    abstract: `We study method number ${i} with ${i % 13} layers and report what it does on ${i % 17} benchmarks of ${['reasoning', 'retrieval', 'translation'][i % 3]} with ${(i * 7) % 101} runs.`,
    arxivId: i % 5 === 0 ? `2404.${String(10000 + i)}` : null,
  });
  const N = 6000;

  it('answers and writes exactly as the index loaded whole, and saves the same bytes', () => {
    const original = new DedupIndex();
    for (let i = 0; i < N; i++) original.put({ id: `s${i}`, ...synthetic(i) });
    SEEDS.forEach((r, i) => original.put({ id: `seed${i}`, ...r }));
    const bytes = bytesOf(original);
    const whole = DedupIndex.fromSnapshot(bytes, {}, { paged: false });
    const paged = DedupIndex.fromSnapshot(bytes, {}, { paged: true });
    const queries = [
      ...SEEDS.slice(0, 80).flatMap(variants),
      ...[0, 1, 17, 999, 2048, 4095, N - 1].flatMap((i) => variants(synthetic(i), i)),
    ];
    expect(answers(paged, queries)).toEqual(answers(whole, queries));
    // Writes into slots, words and tables whose pages were never read, then the same lookups.
    for (const index of [whole, paged]) {
      for (let i = 0; i < 300; i++) index.put({ id: `new${i}`, ...synthetic(N + i) });
      for (let i = 0; i < N; i += 97) index.remove(`s${i}`);
      for (let i = 50; i < N; i += 113) index.rename(`s${i}`, `renamed${i}`);
      for (let i = 3; i < N; i += 211) index.put({ id: `s${i}`, ...SEEDS[i % SEEDS.length]!, arxivId: null });
    }
    expect(paged.size).toBe(whole.size);
    const more = [...queries, ...[N, N + 7, N + 299].flatMap((i) => variants(synthetic(i), i))];
    expect(answers(paged, more)).toEqual(answers(whole, more));
    expect(Buffer.compare(bytesOf(paged), bytesOf(whole))).toBe(0);
  });
});
