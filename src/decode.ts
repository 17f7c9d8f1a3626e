/**
 * Bytes of a digest file to text. UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or
 * recognised by its zero bytes), and windows-1252 for bytes that are not valid UTF-8 (with a
 * warning). Binary content (NUL bytes in a non-UTF-16 file, or mostly control characters) is a
 * ParseError. Pure: no file system access.
 */
import { ParseError } from './types.js';

export interface Decoded {
  text: string;
  /** "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "windows-1252". */
  encoding: string;
  warnings: string[];
}

/** windows-1252's 0x80–0x9F; its five undefined bytes map to the C1 controls, as WHATWG does. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** More than this share of control characters means the content is not text. */
const MAX_CONTROL_RATIO = 0.1;

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', skip: number, warnings: string[]): string {
  const body = bytes.subarray(skip);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    warnings.push(`invalid ${encoding.toUpperCase()} sequences (odd length or lone surrogates) replaced with U+FFFD`);
    return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
  }
}

/**
 * A BOM-less UTF-16 file shows as zero bytes in every other position (for text that is mostly
 * ASCII). Returns the byte order when at least 90% of a sample of pairs follow the pattern.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] !== 0 && bytes[i + 1] === 0) le++;
    else if (bytes[i] === 0 && bytes[i + 1] !== 0) be++;
  }
  const pairs = n / 2;
  if (le >= pairs * 0.9) return 'utf-16le';
  if (be >= pairs * 0.9) return 'utf-16be';
  return null;
}

/** Throws when the decoded text reads as binary: too many control characters. */
function checkControls(text: string): void {
  if (text.length === 0) return;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || (c >= 0x80 && c <= 0x9f)) controls++;
  }
  if (controls > 0 && controls / text.length > MAX_CONTROL_RATIO) {
    throw new ParseError(
      `binary content: ${controls} of ${text.length} characters (${Math.round((100 * controls) / text.length)}%) are control characters`,
    );
  }
}

export function decodeDigest(bytes: Uint8Array): Decoded {
  const warnings: string[] = [];
  const b0 = bytes[0];
  const b1 = bytes[1];
  let text: string;
  let encoding: string;
  if (b0 === 0xff && b1 === 0xfe) {
    text = decodeUtf16(bytes, 'utf-16le', 2, warnings);
    encoding = 'utf-16le';
  } else if (b0 === 0xfe && b1 === 0xff) {
    text = decodeUtf16(bytes, 'utf-16be', 2, warnings);
    encoding = 'utf-16be';
  } else {
    const sniffed = sniffUtf16(bytes);
    if (sniffed) {
      text = decodeUtf16(bytes, sniffed, 0, warnings);
      encoding = sniffed;
      warnings.push(`no byte-order mark; read as ${sniffed.toUpperCase()} from its zero bytes`);
    } else {
      const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
      const body = bom ? bytes.subarray(3) : bytes;
      const nul = body.indexOf(0);
      if (nul >= 0) throw new ParseError(`binary content: a NUL byte at offset ${nul + (bom ? 3 : 0)}`);
      try {
        text = utf8Fatal.decode(body);
        encoding = bom ? 'utf-8-bom' : 'utf-8';
      } catch {
        text = decodeCp1252(body);
        encoding = 'windows-1252';
        warnings.push('not valid UTF-8; decoded as windows-1252 (cp1252)');
      }
    }
  }
  if (encoding.startsWith('utf-16') && text.indexOf('\u0000') >= 0) {
    throw new ParseError(
      `binary content: a NUL character at position ${text.indexOf('\u0000')} of the ${encoding.toUpperCase()} text`,
    );
  }
  checkControls(text);
  return { text, encoding, warnings };
}
