import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntMap } from '../../src/dedup/intmap.js';
import { PAGE_BYTES, PagedArray } from '../../src/dedup/paging.js';
import { bytesSource, type SnapshotSource } from '../../src/dedup/snapshot.js';

/** A source over `bytes` that counts the bytes read from it. */
function countingSource(bytes: Uint8Array): SnapshotSource & { reads: number } {
  const inner = bytesSource(bytes);
  const src = {
    size: inner.size,
    reads: 0,
    read(position: number, into: Uint8Array) {
      src.reads += into.length;
      inner.read(position, into);
    },
  };
  return src;
}

describe('PagedArray', () => {
  const file = Uint8Array.from({ length: 5 * PAGE_BYTES + 100 }, (_, i) => (i * 7) % 251);
  const offset = 64; // the array's bytes start this far into the file
  const source = () => countingSource(Uint8Array.from([...new Uint8Array(offset), ...file]));

  it('reads only the pages a range covers, each once', () => {
    const src = source();
    const into = new Uint8Array(file.length);
    const paged = new PagedArray(into, src, offset);
    paged.need(PAGE_BYTES + 10, PAGE_BYTES + 20);
    expect(src.reads).toBe(PAGE_BYTES);
    expect(Array.from(into.subarray(PAGE_BYTES, 2 * PAGE_BYTES))).toEqual(Array.from(file.subarray(PAGE_BYTES, 2 * PAGE_BYTES)));
    expect(into[0]).toBe(0); // page 0 not read
    paged.need(PAGE_BYTES, 2 * PAGE_BYTES + 1); // page 1 again, and page 2
    expect(src.reads).toBe(2 * PAGE_BYTES);
    paged.need(5 * PAGE_BYTES, 5 * PAGE_BYTES + 100); // the last, partial page
    expect(src.reads).toBe(2 * PAGE_BYTES + 100);
    expect(paged.complete).toBe(false);
    paged.all();
    expect(paged.complete).toBe(true);
    expect(src.reads).toBe(file.length);
    expect(Array.from(into)).toEqual(Array.from(file));
  });

  it('keeps what was written into a page after it was read', () => {
    const into = new Uint8Array(file.length);
    const paged = new PagedArray(into, source(), offset);
    paged.need(10, 11);
    into[10] = 255;
    paged.need(0, PAGE_BYTES * 3);
    paged.all();
    expect(into[10]).toBe(255);
  });

  it('leaves the room past the file part alone', () => {
    const into = new Uint8Array(file.length + 50);
    into.fill(9, file.length);
    const paged = new PagedArray(into.subarray(0, file.length), source(), offset);
    paged.need(file.length - 10, file.length + 40);
    paged.all();
    expect(Array.from(into.subarray(file.length))).toEqual(new Array(50).fill(9));
  });
});

describe('IntMap loaded page by page', () => {
  it('behaves like the same map loaded whole, under random set/delete/get', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('set', 'delete', 'get'), fc.integer({ min: 1, max: 5000 }), fc.integer()), {
          maxLength: 400,
        }),
        (ops) => {
          const built = new IntMap(16);
          for (let k = 1; k <= 3000; k++) built.set(k * 3, k);
          const { table, count } = built.toParts();
          const bytes = new Uint8Array(table.buffer, table.byteOffset, table.byteLength);
          const whole = IntMap.fromParts(table.slice(), count);
          const copy = new Int32Array(table.length);
          const paged = IntMap.fromParts(copy, count, new PagedArray(new Uint8Array(copy.buffer), bytesSource(bytes), 0));
          for (const [op, k, v] of ops) {
            if (op === 'set') {
              whole.set(k, v);
              paged.set(k, v);
            } else if (op === 'delete') expect(paged.delete(k)).toBe(whole.delete(k));
            else expect(paged.get(k)).toBe(whole.get(k));
          }
          expect(paged.size).toBe(whole.size);
          for (let k = 1; k <= 5000; k++) expect(paged.get(k)).toBe(whole.get(k));
          expect(Array.from(paged.toParts().table)).toEqual(Array.from(whole.toParts().table));
        },
      ),
      { numRuns: 30 },
    );
  });
});
