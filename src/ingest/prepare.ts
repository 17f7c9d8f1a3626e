/**
 * The part of ingesting a file that needs no database: read, hash, decode, split, cap record sizes
 * and extract each record's links, claims and methods. It runs in worker threads when there is
 * enough work (see ./prefetch.ts), so its result is plain, cloneable data.
 *
 * A file's records come in parts of at most PART_RECORDS: what a record costs besides its text
 * (extractions, comparison keys, the copy a worker sends to the main thread) is then held for
 * one part at a time, not for a whole 200 MB file at once (that took 1.7 GB).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { DigestRecord, Extraction, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { decodeDigest } from '../decode.js';
import { splitDigest } from '../formats/index.js';
import { extractAll } from '../extract/index.js';
import { prepareSighting, type PreparedSighting } from '../dedup/index.js';
import { describeFsError, STDIN, STDIN_NAME } from './discover.js';
import { expandArchive, isArchiveName, readName } from './archive.js';
import { fullCollection, limitHeapGrowth } from './heap.js';

export interface PrepareOptions {
  maxFileBytes: number;
  maxRecordChars: number;
}

/** Records per part of a file (see the top of this file). */
export const PART_RECORDS = 2000;

/**
 * The largest file read as one text. V8's longest string is 2^29 - 24 UTF-16 units (~512 MB of
 * one-byte text): a 600 MB file aborted the whole run with "RangeError: Invalid string length".
 */
export const MAX_TEXT_BYTES = 500 * 1024 * 1024;

/** A file this large holds the heap's growth from its read on (see ./heap.ts). */
const LARGE_FILE_BYTES = 32 * 1024 * 1024;

export { STDIN_NAME } from './discover.js';

/** Part of a file ready to store: its facts, some of its records and each one's own extraction. */
export interface PreparedDigest {
  kind: 'digest';
  file: string;
  sha256: string;
  size: number;
  format: string;
  encoding: string;
  digestDate: string | null;
  /** 0 for the first part of a file; the first part creates the file's row. */
  part: number;
  /** True on the file's last part. */
  last: boolean;
  /** The records of the whole file (records holds this part's). */
  fileRecords: number;
  records: DigestRecord[];
  /** extractions[i] is extractAll of records[i] alone: what a paper created by it gets. */
  extractions: Extraction[];
  /** contentIds[i] is the id a paper created by records[i] gets when it has no arXiv id. */
  contentIds: string[];
  /** dedup[i] is records[i]'s comparison keys, so the main thread does no text work. */
  dedup: PreparedSighting[];
  /** The file's warnings, on its first part. */
  warnings: string[];
}

/** A file that could not be read or split, with the reason for the user. */
export interface FailedFile {
  kind: 'failed';
  file: string;
  size: number;
  message: string;
}

/** A file whose content is what was stored for it last time: nothing to do. */
export interface UnchangedFile {
  kind: 'unchanged';
  file: string;
  size: number;
}

/** A member of an archive that is not a digest by its name. */
export interface SkippedFile {
  kind: 'skipped';
  file: string;
  size: number;
  reason: string;
}

export type PreparedFile = PreparedDigest | FailedFile | UnchangedFile | SkippedFile;

function failed(file: string, size: number, message: string): FailedFile {
  return { kind: 'failed', file, size, message };
}

/**
 * Prepares one input (a file, an archive's members, or standard input), part by part.
 * `known` maps stored paths to their sha256: the same content is not parsed again.
 */
export function* prepareInput(input: string, opts: PrepareOptions, known: Map<string, string>): Generator<PreparedFile> {
  const read = readInput(input, opts);
  if ('message' in read) {
    yield read;
    return;
  }
  const { name } = read;
  if (!isArchiveName(name)) {
    yield* prepareBytes(name, name, read, opts, known.get(name));
    return;
  }
  const entries = expandArchive(name, read.bytes!, opts.maxFileBytes);
  read.bytes = null;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if ('error' in e) yield failed(e.name, 0, e.error);
    else if ('skipped' in e) yield { kind: 'skipped', file: e.name, size: 0, reason: e.skipped };
    else {
      const held: { bytes: Uint8Array | null } = { bytes: e.bytes };
      entries[i] = { name: e.name, skipped: '' }; // drop this member's bytes once read
      yield* prepareBytes(e.name, readName(e.name), held, opts, known.get(e.name));
    }
  }
}

/** The bytes of a file or of standard input, within the size caps. */
function readInput(input: string, opts: PrepareOptions): { name: string; bytes: Uint8Array | null } | FailedFile {
  const cap = Math.min(opts.maxFileBytes, MAX_TEXT_BYTES);
  if (input === STDIN) {
    try {
      const bytes = readStdin(cap);
      if (bytes === null) return failed(STDIN_NAME, 0, `standard input is over the ${mb(cap)} limit (--max-file-mb)`);
      return { name: STDIN_NAME, bytes };
    } catch (err) {
      return failed(STDIN_NAME, 0, describeFsError(err));
    }
  }
  try {
    const stat = fs.statSync(input);
    if (!stat.isFile()) return failed(input, 0, stat.isDirectory() ? 'is a folder' : 'not a regular file');
    if (stat.size > opts.maxFileBytes) {
      return failed(input, 0, `file is ${mb(stat.size)}, over the ${mb(opts.maxFileBytes)} limit (--max-file-mb)`);
    }
    if (stat.size > MAX_TEXT_BYTES) {
      return failed(input, 0, `file is ${mb(stat.size)}: files over ${mb(MAX_TEXT_BYTES)} cannot be read as one text (split it)`);
    }
    return { name: input, bytes: fs.readFileSync(input) };
  } catch (err) {
    return failed(input, 0, describeFsError(err));
  }
}

/** Standard input, or null when it is longer than `cap`. */
function readStdin(cap: number): Buffer | null {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(1024 * 1024);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe with nothing yet
      if (code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    total += n;
    if (total > cap) return null;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/** Decodes and splits one file's bytes, then yields its records part by part. */
function* prepareBytes(
  file: string,
  nameForReader: string,
  held: { bytes: Uint8Array | null },
  opts: PrepareOptions,
  knownSha?: string,
): Generator<PreparedFile> {
  const read = readRecords(file, nameForReader, held, opts, knownSha);
  if ('kind' in read) {
    yield read;
    return;
  }
  const { records, sha256, size, split, warnings } = read;
  for (let part = 0, at = 0; part === 0 || at < records.length; part++, at += PART_RECORDS) {
    const some = records.slice(at, at + PART_RECORDS);
    const dedup = some.map((r) => prepareSighting(r));
    yield {
      kind: 'digest',
      file,
      sha256,
      size,
      format: split.format,
      encoding: read.encoding,
      digestDate: split.digestDate,
      part,
      last: at + PART_RECORDS >= records.length,
      fileRecords: records.length,
      records: some,
      extractions: some.map((r) => extractAll(r.title, r.abstract, r.siteRepos, r.siteLinks)),
      contentIds: dedup.map((d) => hashKey(d.key)),
      dedup,
      warnings: part === 0 ? warnings : [],
    };
  }
}

/**
 * A file's bytes hashed and decoded, the bytes let go of (held.bytes = null, and no reference
 * left once this returns): a large file's bytes are not held through its split.
 */
function decodeHeld(
  file: string,
  held: { bytes: Uint8Array | null },
  knownSha?: string,
): { sha256: string; size: number; text: string; encoding: string; warnings: string[] } | FailedFile | UnchangedFile {
  const bytes = held.bytes!;
  held.bytes = null;
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const size = bytes.length;
  if (sha256 === knownSha) return { kind: 'unchanged', file, size };
  if (size > MAX_TEXT_BYTES) {
    return failed(file, size, `decompresses to ${mb(size)}: over ${mb(MAX_TEXT_BYTES)} cannot be read as one text`);
  }
  try {
    const d = decodeDigest(bytes);
    return { sha256, size, text: d.text, encoding: d.encoding, warnings: [...d.warnings] };
  } catch (err) {
    if (err instanceof ParseError) return failed(file, size, err.message);
    // A text too long for a string: this file is refused, the run goes on.
    if (err instanceof RangeError) return failed(file, size, tooLarge(err));
    throw err;
  }
}

function tooLarge(err: RangeError): string {
  return `too large to read (${err.message}); lower --max-file-mb or split the file`;
}

interface ReadRecords {
  records: DigestRecord[];
  sha256: string;
  size: number;
  encoding: string;
  split: Omit<SplitResult, 'records'>;
  warnings: string[];
}

/**
 * A file's records. Its own function, not part of the generator above: a generator keeps its
 * locals for its whole life, and the bytes (one more copy of a large file) must go once decoded.
 */
function readRecords(
  file: string,
  nameForReader: string,
  held: { bytes: Uint8Array | null },
  opts: PrepareOptions,
  knownSha?: string,
): ReadRecords | FailedFile | UnchangedFile {
  const decoded = decodeHeld(file, held, knownSha);
  if ('kind' in decoded) return decoded;
  const { sha256, size, encoding, warnings } = decoded;
  if (size >= LARGE_FILE_BYTES) {
    // The bytes are garbage now: collect them before the split, which needs as much again.
    limitHeapGrowth();
    fullCollection();
  }
  let split: SplitResult;
  try {
    split = splitDigest(decoded.text, nameForReader);
    decoded.text = ''; // a reader that copied what it kept (JSON) no longer needs the text
  } catch (err) {
    if (err instanceof ParseError) return failed(file, size, err.message);
    if (err instanceof RangeError) return failed(file, size, tooLarge(err));
    throw err;
  }
  warnings.push(...split.warnings);
  const records = split.records.filter((r) => {
    if (r.title.length <= opts.maxRecordChars && r.abstract.length <= opts.maxRecordChars) return true;
    warnings.push(`record ${r.position} skipped: longer than ${opts.maxRecordChars} characters (--max-record-chars)`);
    return false;
  });
  if (records.length === 0) warnings.push('no paper found in this file');
  if (size >= LARGE_FILE_BYTES) {
    // The split's scratch is garbage now; without a collection it stayed, with the parts'
    // scratch, until the heap grew to several times the file (see ./heap.ts).
    fullCollection();
  }
  const { records: _all, ...facts } = split;
  return { records, sha256, size, encoding, split: facts, warnings };
}

/**
 * `crypto.hash` (Node 20.12+), the one-shot digest, is four times cheaper than a Hash object for a
 * short key (one a record); the same bytes (UTF-8, lone surrogates as U+FFFD) and digest.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** The id of a paper with no arXiv id: a hash of its canonical title's key (see PaperSettler.renameRetargeted). */
export function hashKey(key: string): string {
  if (oneShot) return oneShot('sha256', key, 'hex').slice(0, 12);
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 12);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
