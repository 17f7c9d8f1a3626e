import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParseError } from '../src/types.js';
import { decodeDigest } from '../src/decode.js';

const enc = new TextEncoder();

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) {
    out[o++] = order === 'le' ? 0xff : 0xfe;
    out[o++] = order === 'le' ? 0xfe : 0xff;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[o++] = order === 'le' ? c & 0xff : c >> 8;
    out[o++] = order === 'le' ? c >> 8 : c & 0xff;
  }
  return out;
}

const SAMPLE = 'Café — “quoted” 😀 Daily Papers\nline two\r\n';

describe('decodeDigest', () => {
  it.each([
    ['UTF-8', enc.encode(SAMPLE), 'utf-8', SAMPLE],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(SAMPLE)]), 'utf-8-bom', SAMPLE],
    ['UTF-16 LE with BOM', utf16(SAMPLE, 'le'), 'utf-16le', SAMPLE],
    ['UTF-16 BE with BOM', utf16(SAMPLE, 'be'), 'utf-16be', SAMPLE],
    ['empty', new Uint8Array(), 'utf-8', ''],
  ])('decodes %s', (_name, bytes, encoding, text) => {
    const d = decodeDigest(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(text);
    expect(d.warnings).toEqual([]);
  });

  it('reads BOM-less UTF-16 from its zero bytes, with a warning', () => {
    const d = decodeDigest(utf16('Plain ASCII text of a digest\n', 'le', false));
    expect(d).toMatchObject({ encoding: 'utf-16le', text: 'Plain ASCII text of a digest\n' });
    expect(d.warnings[0]).toMatch(/no byte-order mark/);
    expect(decodeDigest(utf16('Plain ASCII text of a digest\n', 'be', false)).encoding).toBe('utf-16be');
  });

  it('warns about an odd-length UTF-16 file', () => {
    const bytes = utf16('abc', 'le');
    const d = decodeDigest(bytes.subarray(0, bytes.length - 1));
    expect(d.text).toBe('ab\ufffd');
    expect(d.warnings[0]).toMatch(/replaced with U\+FFFD/);
  });

  it.each([
    ['cp1252 punctuation', [0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35], '“q” – €5'],
    ['Latin-1 letters', [0x43, 0x61, 0x66, 0xe9], 'Café'],
    ['a lone continuation byte', [0x61, 0xbf, 0x62], 'a¿b'],
  ])('falls back to cp1252 for invalid UTF-8 (%s) with a warning', (_name, bytes, text) => {
    const d = decodeDigest(new Uint8Array(bytes));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe(text);
    expect(d.warnings).toEqual(['not valid UTF-8; decoded as windows-1252 (cp1252)']);
  });

  it.each([
    ['a NUL byte', new Uint8Array([0x61, 0x00, 0x62, 0x63, 0x64]), /NUL byte at offset 1/],
    ['a PNG header', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /binary content/],
    ['mostly control characters', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 0x61, 0x62]), /binary content: 8 of 10 characters/],
    ['a NUL inside UTF-16 text', utf16('ab\u0000cd', 'le'), /NUL character/],
  ])('rejects %s as binary with a ParseError', (_name, bytes, message) => {
    expect(() => decodeDigest(bytes)).toThrow(ParseError);
    expect(() => decodeDigest(bytes)).toThrow(message);
  });

  it('accepts text with a few control characters (form feeds, tabs, a stray escape)', () => {
    const d = decodeDigest(enc.encode('Title\tone\f\nAbstract \x1b text that goes on for a while.\n'));
    expect(d.text).toContain('\x1b');
  });

  it('never throws anything but ParseError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        try {
          const d = decodeDigest(bytes);
          expect(typeof d.text).toBe('string');
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any valid UTF-8 text free of control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const text = s.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g, '');
        if (/^\ufeff/.test(text)) return;
        expect(decodeDigest(enc.encode(text)).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe('decodeDigest: damaged and unusual text', () => {
  const good = 'Scaling & Shifting Your Features — a “new” baseline, 90.72% vs. 88.54%, for ViT‑B/16.\n'.repeat(20);

  it('keeps a good UTF-8 file with three invalid bytes as UTF-8, replacing only those, with their offsets', () => {
    const bytes = enc.encode(good);
    const line = enc.encode(good.split('\n')[0]! + '\n').length;
    const bad = new Uint8Array([
      ...bytes.subarray(0, 2 * line),
      0xff,
      ...bytes.subarray(2 * line, 5 * line),
      0xc3,
      ...bytes.subarray(5 * line),
      0x80,
    ]);
    const d = decodeDigest(bad);
    expect(d.encoding).toBe('utf-8');
    expect(d.text.match(/\ufffd/g)).toHaveLength(3);
    expect(d.text.replace(/\ufffd/g, '')).toBe(good);
    expect(d.text).toContain('“new”');
    expect(d.warnings).toEqual([
      `3 invalid UTF-8 sequences replaced with U+FFFD (at byte offsets ${2 * line}, ${5 * line + 1}, ${bad.length - 1})`,
    ]);
  });

  it('still reads a file with no valid UTF-8 sequence as cp1252, even of even length', () => {
    const d = decodeDigest(
      new Uint8Array([...enc.encode('Plain ASCII text, a '), 0x93, ...enc.encode('quote'), 0x94, ...enc.encode('.\n')]),
    );
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toBe('Plain ASCII text, a “quote”.\n');
  });

  it.each([
    ['UTF-16 LE, Chinese with ASCII line ends', utf16('低秩适应的再研究\n参数高效微调方法。\n', 'le', false), 'utf-16le'],
    ['UTF-16 BE, Chinese only', utf16('低秩适应的再研究参数高效微调方法', 'be', false), 'utf-16be'],
    ['UTF-16 LE, Korean', utf16('대규모 언어 모델을 효율적으로 미세 조정하는 방법\n', 'le', false), 'utf-16le'],
  ])('reads BOM-less %s as text, not binary', (_name, bytes, encoding) => {
    const d = decodeDigest(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).not.toMatch(/\ufffd/);
    expect(d.warnings[0]).toMatch(/no byte-order mark/);
  });

  it('keeps a good text file with one NUL byte, with a warning (records are cleaned of it later)', () => {
    const bytes = enc.encode(good);
    const withNul = new Uint8Array([...bytes.subarray(0, 300), 0x00, ...bytes.subarray(300)]);
    const d = decodeDigest(withNul);
    expect(d.encoding).toBe('utf-8');
    expect(d.text.indexOf('\u0000')).toBeGreaterThan(0);
    expect(d.warnings).toEqual(['1 NUL byte (first at byte offset 300)']);
  });
});
