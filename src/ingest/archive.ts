/**
 * Archives and compressed files as the files they hold: a `.gz` is its one inner file, a `.zip`
 * each of its members (named `archive.zip!member/path`, which is also their stored path). Every
 * decompressed size is bounded by the per-file cap, so a zip bomb costs at most one cap of memory
 * per member, and is reported rather than read. Pure: bytes in, entries out.
 */
import zlib from 'node:zlib';
import { fflate } from '../deps.js';
import { skipReason } from './discover.js';

/** One file to read: its stored name, and either its bytes or why it is not read. */
export type ArchiveEntry =
  | { name: string; bytes: Uint8Array }
  | { name: string; error: string }
  | { name: string; skipped: string };

/** Archives inside archives are opened this deep (a zip of gzipped digests), no deeper. */
const MAX_DEPTH = 2;

/** True when the name says the bytes are an archive or a compressed file. */
export function isArchiveName(name: string): boolean {
  return /\.(gz|zip)$/i.test(name);
}

/**
 * The files `bytes` (read from `name`) stand for. A plain file is itself. `readName` is the name
 * the reader sees (`x.json` for `x.json.gz`), `name` the one stored.
 */
export function expandArchive(name: string, bytes: Uint8Array, maxBytes: number, depth = 0): ArchiveEntry[] {
  if (/\.gz$/i.test(name)) {
    const inner = gunzip(bytes, maxBytes);
    if ('error' in inner) return [{ name, error: inner.error }];
    return [{ name, bytes: inner.bytes }];
  }
  if (/\.zip$/i.test(name)) return unzipMembers(name, bytes, maxBytes, depth);
  return [{ name, bytes }];
}

/** The name a reader should see for an entry: `.gz` removed (the member path of a zip entry kept). */
export function readName(name: string): string {
  return name.replace(/\.gz$/i, '');
}

function gunzip(bytes: Uint8Array, maxBytes: number): { bytes: Uint8Array } | { error: string } {
  try {
    return { bytes: zlib.gunzipSync(bytes, { maxOutputLength: maxBytes }) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      return { error: `decompresses to more than ${mb(maxBytes)}, the per-file limit (--max-file-mb)` };
    }
    return { error: `not a readable gzip file: ${e.message}` };
  }
}

function unzipMembers(name: string, bytes: Uint8Array, maxBytes: number, depth: number): ArchiveEntry[] {
  // First list the members with their declared sizes, decompressing none of them.
  const members: { path: string; size: number }[] = [];
  try {
    fflate().unzipSync(bytes, {
      filter: (f) => {
        members.push({ path: f.name, size: f.originalSize });
        return false;
      },
    });
  } catch (err) {
    return [{ name, error: `not a readable zip archive: ${(err as Error).message}` }];
  }
  const out: ArchiveEntry[] = [];
  for (const m of members) {
    if (m.path.endsWith('/')) continue; // a folder entry
    const full = `${name}!${m.path}`;
    const reason = skipReason(m.path);
    if (reason) {
      out.push({ name: full, skipped: reason });
      continue;
    }
    if (m.size > maxBytes) {
      out.push({ name: full, error: `decompresses to ${mb(m.size)}, over the ${mb(maxBytes)} limit (--max-file-mb)` });
      continue;
    }
    let data: Uint8Array | undefined;
    try {
      // One member at a time, so at most one is held decompressed. fflate writes into a buffer of
      // the declared size, so a member that lies about its size cannot grow past it.
      data = fflate().unzipSync(bytes, { filter: (f) => f.name === m.path })[m.path];
    } catch (err) {
      out.push({ name: full, error: `not readable from the archive: ${(err as Error).message}` });
      continue;
    }
    if (data === undefined) continue;
    if (isArchiveName(m.path)) {
      if (depth + 1 >= MAX_DEPTH) out.push({ name: full, error: 'an archive nested too deep' });
      else out.push(...expandArchive(full, data, maxBytes, depth + 1));
    } else {
      out.push({ name: full, bytes: data });
    }
  }
  return out;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
