/**
 * Finding the digest files under the paths a user names.
 */
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';

/** The extensions a folder is searched for; a file named explicitly is read whatever its name. */
export const DIGEST_EXTENSIONS = [
  'txt',
  'md',
  'html',
  'htm',
  'json',
  'jsonl',
  'ndjson',
  'xml',
  'rss',
  'atom',
  'csv',
  'tsv',
  'yaml',
  'yml',
];

export interface Discovery {
  files: string[];
  /** Paths that could not be listed, with the reason. */
  errors: { file: string; message: string }[];
}

/**
 * Expands files and folders into a sorted, de-duplicated list of files. Sorted so that a rebuild
 * from the same inputs sees them in the same order (paper ids come from first sightings).
 * Symbolic links to folders are not followed: a link loop cannot trap the walk.
 */
export async function discoverFiles(paths: string[]): Promise<Discovery> {
  const files = new Set<string>();
  const errors: Discovery['errors'] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      errors.push({ file: p, message: describeFsError(err) });
      continue;
    }
    if (!stat.isDirectory()) {
      files.add(p);
      continue;
    }
    // Symbolic links are listed but not walked into; a link to a file is read like the file, and a
    // broken or looping one is reported by the read.
    const found = await fg(`**/*.{${DIGEST_EXTENSIONS.join(',')}}`, {
      cwd: p,
      onlyFiles: false,
      objectMode: true,
      followSymbolicLinks: false,
      caseSensitiveMatch: false,
      suppressErrors: true,
      ignore: ['**/node_modules/**', '**/.git/**'],
    });
    for (const e of found) if (!e.dirent.isDirectory()) files.add(path.join(p, e.path));
  }
  return { files: [...files].sort(), errors };
}

/** "EACCES: permission denied, open 'x'" reads better as "permission denied". */
export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or folder (it may have been removed during the run)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder';
    default:
      return e?.message ?? String(err);
  }
}
