/**
 * The part of ingesting a file that needs no database: read, hash, decode, split, cap record sizes
 * and extract each record's links, claims and methods. It runs in worker threads when there is
 * enough work (see ./pipeline.ts), so its result is plain, cloneable data.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { DigestRecord, Extraction, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { decodeDigest } from '../decode.js';
import { splitDigest } from '../formats/index.js';
import { extractAll } from '../extract/index.js';
import { prepareSighting, type PreparedSighting } from '../dedup/index.js';
import { describeFsError } from './discover.js';

export interface PrepareOptions {
  maxFileBytes: number;
  maxRecordChars: number;
}

/** A file ready to store: its facts, records and each record's own extraction. */
export interface PreparedDigest {
  kind: 'digest';
  file: string;
  sha256: string;
  size: number;
  format: string;
  encoding: string;
  digestDate: string | null;
  records: DigestRecord[];
  /** extractions[i] is extractAll of records[i] alone: what a paper created by it gets. */
  extractions: Extraction[];
  /** contentIds[i] is the id a paper created by records[i] gets when it has no arXiv id. */
  contentIds: string[];
  /** dedup[i] is records[i]'s comparison keys, so the main thread does no text work. */
  dedup: PreparedSighting[];
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

export type PreparedFile = PreparedDigest | FailedFile | UnchangedFile;

function failed(file: string, size: number, message: string): FailedFile {
  return { kind: 'failed', file, size, message };
}

/** `knownSha` is the sha256 stored for this path, if any: the same content is not parsed again. */
export function prepareFile(file: string, opts: PrepareOptions, knownSha?: string): PreparedFile {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return failed(file, 0, stat.isDirectory() ? 'is a folder' : 'not a regular file');
    if (stat.size > opts.maxFileBytes) {
      return failed(file, 0, `file is ${mb(stat.size)}, over the ${mb(opts.maxFileBytes)} limit (--max-file-mb)`);
    }
    bytes = fs.readFileSync(file);
  } catch (err) {
    return failed(file, 0, describeFsError(err));
  }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  if (sha256 === knownSha) return { kind: 'unchanged', file, size: bytes.length };
  const warnings: string[] = [];
  let split: SplitResult;
  let encoding: string;
  try {
    const decoded = decodeDigest(bytes);
    encoding = decoded.encoding;
    warnings.push(...decoded.warnings);
    split = splitDigest(decoded.text, file);
  } catch (err) {
    if (err instanceof ParseError) return failed(file, bytes.length, err.message);
    throw err;
  }
  warnings.push(...split.warnings);
  const records = split.records.filter((r) => {
    if (r.title.length <= opts.maxRecordChars && r.abstract.length <= opts.maxRecordChars) return true;
    warnings.push(`record ${r.position} skipped: longer than ${opts.maxRecordChars} characters (--max-record-chars)`);
    return false;
  });
  const dedup = records.map((r) => prepareSighting(r));
  return {
    kind: 'digest',
    file,
    sha256,
    size: bytes.length,
    format: split.format,
    encoding,
    digestDate: split.digestDate,
    records,
    extractions: records.map((r) => extractAll(r.title, r.abstract, r.siteRepos, r.siteLinks)),
    contentIds: dedup.map((d) => hashKey(d.key)),
    dedup,
    warnings,
  };
}

function hashKey(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex').slice(0, 12);
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
