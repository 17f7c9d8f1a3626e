import { describe, expect, it } from 'vitest';
import { StringList } from '../../src/dedup/stringList.js';

describe('StringList', () => {
  const words = ['lora', '', 'adaptación', 'σ-net', '量子'];
  const built = new StringList();
  for (const w of words) built.push(w);
  const { bytes, ends } = built.toParts();
  const loaded = StringList.fromParts(bytes, ends);

  it('reads back what it was given, non-ASCII included, after a round trip through its bytes', () => {
    expect(Array.from({ length: loaded.length }, (_, i) => loaded.get(i))).toEqual(words);
  });

  it('compares an entry with part of a string without decoding it', () => {
    expect(loaded.equals(2, 'xxadaptación', 2)).toBe(true);
    expect(loaded.equals(2, 'adaptacion')).toBe(false);
    expect(loaded.equals(0, 'loras', 0, 4)).toBe(true);
    expect(loaded.equals(0, 'loras')).toBe(false);
    expect(loaded.equals(3, 'σ-net')).toBe(true);
    expect(loaded.equals(4, '量子')).toBe(true);
    expect(loaded.equals(1, '')).toBe(true);
  });

  it('keeps replaced and added entries beside the loaded bytes, and writes them all back', () => {
    const list = StringList.fromParts(bytes, ends);
    list.set(0, 'dora');
    list.set(3, undefined);
    list.push('qlora');
    expect(list.get(0)).toBe('dora');
    expect(list.equals(0, 'lora')).toBe(false);
    expect(list.equals(0, 'dora')).toBe(true);
    expect(list.get(3)).toBeUndefined();
    expect(list.equals(5, 'qlora')).toBe(true);
    const again = list.toParts();
    const reloaded = StringList.fromParts(again.bytes, again.ends);
    expect(Array.from({ length: reloaded.length }, (_, i) => reloaded.get(i))).toEqual([
      'dora',
      '',
      'adaptación',
      '',
      '量子',
      'qlora',
    ]);
    // The first list's bytes are untouched.
    expect(loaded.get(0)).toBe('lora');
  });
});
