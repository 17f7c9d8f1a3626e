/** Which stored files a path names, and which are gone: for `forget` and `ingest --prune`. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../db/store.js';
import { resolvedPath } from './fileWork.js';
import { isMemberOf, storedPathExists } from './storedPath.js';

/**
 * Stored files none of whose paths exists any more (what `--prune` forgets). An archive member
 * is there while its archive file is; standard input is never gone (see ./storedPath.ts).
 */
export function missingFiles(store: Store): number[] {
  return store
    .allFiles()
    .filter((f) => ![f.path, ...store.pathsOf(f.id)].some(storedPathExists))
    .map((f) => f.id);
}

/**
 * The stored files a path names: by the path (resolved or as given), an archive's by its members'
 * paths, else by its content.
 */
export function filesAt(store: Store, file: string): number[] {
  const known = store.fileAtPath(resolvedPath(file), file);
  if (known) return [known.id];
  const archives = [resolvedPath(file), path.resolve(file), file];
  const members = store
    .allFiles()
    .filter((f) => [f.path, ...store.pathsOf(f.id)].some((p) => archives.some((a) => isMemberOf(p, a))))
    .map((f) => f.id);
  if (members.length > 0) return members;
  try {
    const sha = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    const f = store.fileBySha(sha);
    return f ? [f.id] : [];
  } catch {
    return [];
  }
}
