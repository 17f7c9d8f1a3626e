/**
 * A sighting prepared for the index off the main thread: everything `DedupIndex.match` and
 * `DedupIndex.put` derive from a record's text (title words and their hashes, the exact key and
 * its prefix hashes, the abstract's sketch, the parsed arXiv id), computed without the index.
 *
 * The value is three properties: a tag, the title's exact key, and one string of 16-bit code
 * units packing the rest (layout below). Structured cloning such a value is a copy of two short
 * strings, which is several times cheaper to deserialize on the receiving thread than an object
 * with a dozen fields, word strings and a typed array (and the receiving thread is the ingest's
 * bottleneck). Code units are arbitrary 16-bit values (lone surrogates included): strings keep
 * them exactly through structuredClone / postMessage, but not through UTF-8 (do not write
 * `data` to a file or JSON-encode it).
 *
 * `data` layout (code units):
 *   0      flags: 1 title clipped (normalizeTitle), 2 abstract real (isRealAbstract),
 *          4 title ends with a clip mark (isClippedTitle on the whole title, for preferTitle),
 *          8 the key holds whitespace (never, by construction: a guard for the fast Dice)
 *   1-2    arXiv code (int32, high then low half): 0 none, > 0 a modern id (yymm * 100000 +
 *          number), -1 another form (its normalised text is the tail, see below)
 *   3-4    hash of the key; 5-6 of its first MIN_CLIP_CHARS characters (0 when shorter);
 *   7-8    of its first PREFIX_CHARS characters (0 when shorter)
 *   9      number of title words n; 10 number of sketch fingerprints m
 *   11     per word: its length in the key, its hash (2 units); 3n units
 *   ..     stopword bits, 16 words a unit; ceil(n / 16) units
 *   ..     the sketch: m sorted unique 16-bit fingerprints
 *   ..     the rest: the normalised non-modern arXiv id (flag code -1), else nothing
 *
 * The words are the key's consecutive slices of the given lengths (the key is the words joined).
 */
import { isClippedTitle, MAX_TITLE_CHARS, normalizeTitle, STOPWORDS } from '../normalize.js';
import { isRealAbstract, type SketchFacts, sketchInto, SKETCH_MAX } from './sketch.js';
import { MIN_CLIP_CHARS } from './verify.js';
import type { TitleFacts } from './prefer.js';

/** The value of `PreparedSighting.kind` (a record has no such field). */
export const PREPARED_KIND = 'dedup-prepared';

/**
 * Everything match/put need from one record, computed without the index: plain,
 * structured-cloneable data (strings, numbers, typed arrays; no class instances, no Maps), so a
 * worker thread can compute it and post it to the main thread.
 */
export interface PreparedSighting {
  /** Discriminant: tells a prepared value from a record. */
  readonly kind: typeof PREPARED_KIND;
  /** The title's exact key: `titleKey(title)` (normalised words concatenated). */
  readonly key: string;
  /** Packed words, hashes, sketch and arXiv id (see the module comment); opaque to callers. */
  readonly data: string;
}

export interface SightingFields {
  title: string;
  abstract: string;
  arxivId: string | null;
}

/** Length of the key prefix by which all canonical titles are chained (for clipped sightings). */
export const PREFIX_CHARS = 20;

export const PF_CLIPPED = 1;
export const PF_REAL_ABSTRACT = 2;
export const PF_CLIP_MARK = 4;
export const PF_KEY_SPACE = 8;
export const P_ARXIV = 1;
export const P_KEY_HASH = 3;
export const P_SHORT_HASH = 5;
export const P_PREFIX_HASH = 7;
export const P_WORDS = 9;
export const P_SIGS = 10;
export const P_HEADER = 11;

/** FNV-1a over s[from, to) with a final mix; never 0 (IntMap reserves key 0). */
export function rangeHash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h === 0 ? 1 : h | 0;
}

export function isPrepared(x: unknown): x is PreparedSighting {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === PREPARED_KIND;
}

/** An int32 as two code units (high, low). */
function i32(n: number): string {
  return String.fromCharCode((n >>> 16) & 0xffff, n & 0xffff);
}

/** Reads the int32 at code unit i of data. */
export function readI32(data: string, i: number): number {
  return (data.charCodeAt(i) << 16) | data.charCodeAt(i + 1) | 0;
}

// --- parts (each cached separately by the index's raw-record path) ---

/** The title's part: the key, clip flags, key hashes, word count and the words' units. */
export interface TitlePart {
  key: string;
  flags: number;
  /** Code units 3-9 (hashes, word count). */
  head: string;
  /** Word units and stopword bits. */
  words: string;
}

const WHITESPACE = /\s/;
const MODERN_ARXIV = /^(?:arxiv:)?(\d{4})\.(\d{4,5})(?:v\d+)?$/i;
const ARXIV_VERSION = /v\d+$/i;

export function titlePart(title: string): TitlePart {
  const t = normalizeTitle(title);
  const key = t.key;
  const toks = t.tokens;
  const n = toks.length;
  if (n > 0xffff) throw new RangeError('title has too many words'); // <= 1000 chars: impossible
  // Per word its length and hash (3 units), then the stopword bits: one array, one string.
  const nStop = (n + 15) >> 4;
  const units = new Array<number>(3 * n + nStop).fill(0);
  let off = 0;
  for (let i = 0; i < n; i++) {
    const w = toks[i]!;
    if (w.length > 0xffff) throw new RangeError('title word too long'); // NFKC grows 1000 chars to < 20k
    const h = rangeHash(key, off, off + w.length);
    units[3 * i] = w.length;
    units[3 * i + 1] = (h >>> 16) & 0xffff;
    units[3 * i + 2] = h & 0xffff;
    if (STOPWORDS.has(w)) units[3 * n + (i >> 4)]! |= 1 << (i & 15);
    off += w.length;
  }
  let words = '';
  // Nearly every title needs one call, without a copy of the units (apply takes the array as is).
  if (units.length <= 4096) words = String.fromCharCode.apply(null, units);
  else for (let i = 0; i < units.length; i += 4096) words += String.fromCharCode(...units.slice(i, i + 4096));
  const kh = key.length > 0 ? rangeHash(key, 0, key.length) : 0;
  const sh = key.length >= MIN_CLIP_CHARS ? rangeHash(key, 0, MIN_CLIP_CHARS) : 0;
  const ph = key.length >= PREFIX_CHARS ? rangeHash(key, 0, PREFIX_CHARS) : 0;
  const head = String.fromCharCode(
    (kh >>> 16) & 0xffff,
    kh & 0xffff,
    (sh >>> 16) & 0xffff,
    sh & 0xffff,
    (ph >>> 16) & 0xffff,
    ph & 0xffff,
    n,
  );
  // normalizeTitle looked for the clip mark on the whole title when it is not cut to its maximum.
  const clipMark = title.length <= MAX_TITLE_CHARS ? t.clipped : isClippedTitle(title);
  const flags = (t.clipped ? PF_CLIPPED : 0) | (clipMark ? PF_CLIP_MARK : 0) | (WHITESPACE.test(key) ? PF_KEY_SPACE : 0);
  return { key, flags, head, words };
}

/** The abstract's part: flags and the fingerprint units. */
export interface AbstractPart {
  flags: number;
  count: number;
  sig: string;
}

const SIG = new Uint16Array(SKETCH_MAX);
const FACTS: SketchFacts = { words: 0, comment: false, count: 0 };

export function abstractPart(abstract: string): AbstractPart {
  sketchInto(abstract, SIG, FACTS);
  const n = FACTS.count;
  let sig = '';
  for (let i = 0; i < n; i++) sig += String.fromCharCode(SIG[i]!);
  return { flags: isRealAbstract({ words: FACTS.words, comment: FACTS.comment }) ? PF_REAL_ABSTRACT : 0, count: n, sig };
}

/** The arXiv id's part: code and the normalised text of a non-modern id. */
export function arxivPart(id: string | null | undefined): { code: number; str: string } {
  if (id === null || id === undefined) return { code: 0, str: '' };
  const v = id.trim();
  if (v === '') return { code: 0, str: '' };
  const m = MODERN_ARXIV.exec(v);
  if (m) return { code: Number(m[1]) * 100000 + Number(m[2]), str: '' };
  return {
    code: -1,
    str: v
      .toLowerCase()
      .replace(/^arxiv:/, '')
      .replace(ARXIV_VERSION, ''),
  };
}

export function assemble(t: TitlePart, a: AbstractPart, x: { code: number; str: string }): PreparedSighting {
  const data =
    String.fromCharCode(t.flags | a.flags) + i32(x.code) + t.head + String.fromCharCode(a.count) + t.words + a.sig + x.str;
  return { kind: PREPARED_KIND, key: t.key, data };
}

/** Prepares one record for `DedupIndex.match` / `put` (pure; any thread). */
export function prepareSighting(rec: SightingFields): PreparedSighting {
  return assemble(titlePart(rec.title ?? ''), abstractPart(rec.abstract ?? ''), arxivPart(rec.arxivId));
}

/** What preferTitle needs of the sighting's title (see preferTitle). */
export function preparedTitleFacts(p: PreparedSighting): TitleFacts {
  return { keyLength: p.key.length, clipped: (p.data.charCodeAt(0) & PF_CLIP_MARK) !== 0 };
}
