/**
 * Bytes of a digest file to text. UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or
 * recognised by its zero bytes), and windows-1252 for bytes that are not valid UTF-8 (with a
 * warning). Binary content (NUL bytes beyond a stray few, or mostly control characters) is a
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
 * ASCII; see plausibleUtf16 for the rest). Returns the byte order when at least 90% of a sample of pairs follow the pattern.
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

/** The characters checkControls counts: C0 but tab, LF, FF and CR; DEL; C1. */
const CONTROL_CHAR = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]/;

/** Throws when the decoded text reads as binary: too many control characters. */
function checkControls(text: string): void {
  // Nearly every text has none: one regex pass (half the time of the loop) says so.
  if (text.length === 0 || !CONTROL_CHAR.test(text)) return;
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
    const sniffed = sniffUtf16(bytes) ?? plausibleUtf16(bytes);
    if (sniffed) {
      text = decodeUtf16(bytes, sniffed, 0, warnings);
      encoding = sniffed;
      warnings.push(`no byte-order mark; read as ${sniffed.toUpperCase()}`);
    } else {
      const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
      const body = bom ? bytes.subarray(3) : bytes;
      const nuls = countNuls(body);
      try {
        text = utf8Fatal.decode(body);
        encoding = bom ? 'utf-8-bom' : 'utf-8';
      } catch {
        const scan = scanUtf8(body);
        // cp1252 only when the file is clearly not UTF-8: it has more invalid sequences than valid
        // multi-byte ones, or none valid and its high bytes are all characters text uses in
        // cp1252. A good UTF-8 file with a few bad bytes keeps its text (three bad bytes turned a
        // whole UTF-8 file into mojibake).
        if ((scan.valid > 0 && scan.valid >= scan.invalid) || (scan.valid === 0 && !looksCp1252(body))) {
          text = utf8Lenient.decode(body);
          encoding = bom ? 'utf-8-bom' : 'utf-8';
          const shown = scan.offsets.map((o) => o + (bom ? 3 : 0)).join(', ');
          warnings.push(
            `${scan.invalid} invalid UTF-8 sequence${scan.invalid === 1 ? '' : 's'} replaced with U+FFFD (at byte offset${scan.invalid === 1 ? '' : 's'} ${shown}${scan.invalid > scan.offsets.length ? ', ...' : ''})`,
          );
        } else {
          if (nuls > 0) throw new ParseError(`binary content: a NUL byte at offset ${body.indexOf(0) + (bom ? 3 : 0)}`);
          text = decodeCp1252(body);
          encoding = 'windows-1252';
          warnings.push('not valid UTF-8; decoded as windows-1252 (cp1252)');
        }
      }
      // A stray NUL in a text file does not cost the file: it is kept here, with a warning, and
      // cleaned out of the records' text where scraped text enters (sanitize.ts cleanRecordText);
      // many of them mean the file is not text.
      if (nuls > 0) {
        if (nuls * 1000 > body.length)
          throw new ParseError(`binary content: a NUL byte at offset ${body.indexOf(0) + (bom ? 3 : 0)}`);
        warnings.push(`${nuls} NUL byte${nuls === 1 ? '' : 's'} (first at byte offset ${body.indexOf(0) + (bom ? 3 : 0)})`);
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

/**
 * True when every byte above ASCII is a character cp1252 text uses: curly quotes, dashes, the
 * euro sign, an ellipsis, accented letters. Not the five undefined bytes, nor the rare letters
 * at the top (ý þ ÿ), which damaged bytes (0xFF, 0xFE) are far more often than text.
 */
function looksCp1252(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d || b >= 0xfd) return false;
  }
  return true;
}

const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function countNuls(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0); i >= 0; i = bytes.indexOf(0, i + 1)) n++;
  return n;
}

/** Valid multi-byte UTF-8 sequences, invalid ones, and the byte offsets of the first few invalid ones. */
export function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number; offsets: number[] } {
  let valid = 0;
  let invalid = 0;
  const offsets: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    }
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need > 0 && i + need < bytes.length + 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      if (offsets.length < 10) offsets.push(i);
      i++;
    }
  }
  return { valid, invalid, offsets };
}

/**
 * A BOM-less UTF-16 file whose text is mostly not ASCII (Chinese, Korean, ...) has few zero bytes
 * for sniffUtf16 to see. It is UTF-16 when, read in one byte order, nearly every code unit is a
 * character of text (letters of the common scripts, CJK, punctuation, spaces, line ends) and the
 * surrogates pair up. Tried only on bytes that are not UTF-8.
 */
function plausibleUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 16 || bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, 8192) & ~1;
  const sample = bytes.subarray(0, n);
  // ASCII read as UTF-16 looks like Han (the units of "ab" are U+6261): text in an 8-bit encoding
  // is mostly ASCII bytes, while UTF-16 holds zero bytes (its ASCII) or many high bytes (its CJK).
  let high = 0;
  let zero = 0;
  for (let i = 0; i < n; i++) {
    if (sample[i]! >= 0x80) high++;
    else if (sample[i] === 0) zero++;
  }
  if (zero === 0 && high < 0.25 * n) return null;
  // UTF-8 text is never UTF-16: keep it away from this guess.
  try {
    utf8Fatal.decode(bytes.length === n ? bytes : trimUtf8(sample));
    return null;
  } catch {
    // not UTF-8: try both byte orders
  }
  let best: { order: 'utf-16le' | 'utf-16be'; score: number } | null = null;
  for (const order of ['utf-16le', 'utf-16be'] as const) {
    let text = 0;
    for (let i = 0; i < n; i += 2) {
      const u = order === 'utf-16le' ? sample[i]! | (sample[i + 1]! << 8) : (sample[i]! << 8) | sample[i + 1]!;
      if (isTextUnit(u)) text++;
    }
    const score = text / (n / 2);
    if (score >= 0.95 && (!best || score > best.score)) best = { order, score };
  }
  return best?.order ?? null;
}

/** The sample without a multi-byte sequence cut at its end. */
function trimUtf8(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  for (let k = 0; k < 3 && end > 0 && (sample[end - 1]! & 0xc0) === 0x80; k++) end--;
  if (end > 0 && sample[end - 1]! >= 0xc0) end--;
  return sample.subarray(0, end);
}

function isTextUnit(u: number): boolean {
  return (
    u === 0x09 ||
    u === 0x0a ||
    u === 0x0d ||
    (u >= 0x20 && u <= 0x7e) ||
    (u >= 0xa0 && u <= 0x052f) || // Latin, Greek, Cyrillic
    (u >= 0x0590 && u <= 0x06ff) || // Hebrew, Arabic
    (u >= 0x0900 && u <= 0x0e7f) || // Indic, Thai
    (u >= 0x1e00 && u <= 0x1fff) || // Latin extended (Vietnamese), Greek extended
    (u >= 0x2000 && u <= 0x206f) || // punctuation
    (u >= 0x3000 && u <= 0x9fff) || // CJK punctuation, kana, Han
    (u >= 0xac00 && u <= 0xd7af) || // Hangul
    (u >= 0xd800 && u <= 0xdfff) || // surrogates (emoji): decodeUtf16 checks their pairing
    (u >= 0xff00 && u <= 0xffef) // full-width forms
  );
}
