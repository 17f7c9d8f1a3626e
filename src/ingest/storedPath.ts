/**
 * What a stored path stands for on disk. Most are files; an archive member is stored as
 * `archive.zip!member/path` (nested: `a.zip!b.zip!c`, see ./archive.ts) and standard input as
 * `<stdin>` (see ./prepare.ts), neither of which is a path `fs.existsSync` can check.
 */
import fs from 'node:fs';
import path from 'node:path';
import { STDIN_NAME } from './prepare.js';

/**
 * True for standard input's stored names: `<stdin>` itself, the same resolved against the folder of
 * the run (how its path is also remembered), or `<stdin>#N` (renamed when another input took the name).
 */
export function isStdinPath(p: string): boolean {
  const base = path.basename(p);
  return base === STDIN_NAME || /^<stdin>#\d+$/.test(base);
}

/**
 * The outermost archive file of a member's path (`/x/a.zip` for `/x/a.zip!b.zip!c.json`), or null
 * when the path names no member. The `!` taken is the first one that follows a `.zip` file that
 * exists, so a folder or file name that itself holds a `!` is not cut there.
 */
export function archiveOf(p: string): string | null {
  for (let i = p.indexOf('!'); i > 0; i = p.indexOf('!', i + 1)) {
    const outer = p.slice(0, i);
    if (/\.zip$/i.test(outer) && isFile(outer)) return outer;
  }
  return null;
}

/**
 * Whether what a stored path stands for is still there: the file, or for an archive member its
 * outermost archive file (a member is not looked for inside it: the archive's next ingest says
 * what it holds). Standard input has no place on disk and is never gone: `papers forget '<stdin>'`
 * removes it.
 */
export function storedPathExists(p: string): boolean {
  if (isStdinPath(p)) return true;
  if (fs.existsSync(p)) return true;
  return archiveOf(p) !== null;
}

/** Whether `stored` is a member (at any depth) of the archive at `archive`. */
export function isMemberOf(stored: string, archive: string): boolean {
  return stored.startsWith(`${archive}!`);
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
