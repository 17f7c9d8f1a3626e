/**
 * Finding the digest files under the paths a user names. Every regular file under a folder is
 * accounted for: listed to read, or skipped with the reason (its extension), so nothing is
 * dropped without a word. A folder that cannot be listed is an error, not an empty folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { notADigestReason } from '../formats/notADigest.js';

/** The extensions a folder is searched for; a file named explicitly is read whatever its name. */
export const DIGEST_EXTENSIONS = [
  'txt',
  'md',
  'markdown',
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

/** Jekyll's site configuration file, by name. */
const SITE_CONFIG = /(?:^|[\\/])_config\.ya?ml$/;

/** Containers read as the files they hold (see ./archive.ts). */
export const ARCHIVE_EXTENSIONS = ['gz', 'zip'];

/** Folders that hold tooling, never digests: not walked, and their files not listed. */
const IGNORED_FOLDERS = new Set(['node_modules', '.git']);

/** The name standing for standard input on the command line. */
export const STDIN = '-';

/** The path standard input is stored under. */
export const STDIN_NAME = '<stdin>';

export interface Discovery {
  /** Files to read, sorted; "-" for standard input. */
  files: string[];
  /** The files (and "-") named on the command line rather than found in a folder. */
  named: Set<string>;
  /** Regular files under a folder that are not read, with the reason. */
  skipped: { file: string; reason: string }[];
  /** Paths that could not be listed, with the reason. */
  errors: { file: string; message: string }[];
}

/**
 * Why a file found in a folder is not read, or null when it is. `.gz` is read when the name
 * inside is a digest's (`x.json.gz`); a `.tar.gz` is not.
 */
export function skipReason(name: string): string | null {
  const lower = name.toLowerCase();
  // A Jekyll site's configuration (its title and description would read as one paper); the
  // repositories that publish digests as Jekyll pages keep one beside them.
  if (SITE_CONFIG.test(lower)) return 'not a digest: a site configuration (Jekyll _config.yml)';
  const ext = extensionOf(lower);
  if (ext === 'zip') return null;
  if (ext === 'gz') {
    const inner = extensionOf(lower.slice(0, -3));
    return DIGEST_EXTENSIONS.includes(inner) ? null : `not a digest: a compressed ${inner ? `.${inner} ` : ''}file`;
  }
  if (DIGEST_EXTENSIONS.includes(ext)) return null;
  return ext ? `not a digest: extension .${ext}` : 'not a digest: no extension';
}

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1) : '';
}

/**
 * Expands files and folders into a sorted, de-duplicated list of files. Sorted so that a rebuild
 * from the same inputs sees them in the same order (paper ids come from first sightings).
 * Symbolic links to folders are not followed: a link loop cannot trap the walk.
 */
export async function discoverFiles(paths: string[]): Promise<Discovery> {
  const files = new Set<string>();
  const named = new Set<string>();
  const skipped: Discovery['skipped'] = [];
  const errors: Discovery['errors'] = [];
  for (const p of paths) {
    if (p === STDIN) {
      files.add(STDIN);
      named.add(STDIN);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      errors.push({ file: p, message: describeFsError(err) });
      continue;
    }
    if (!stat.isDirectory()) {
      files.add(p);
      named.add(p);
      continue;
    }
    walk(p, files, skipped, errors);
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files: [...files].sort(), named, skipped, errors };
}

/**
 * Lists a folder depth first. Symbolic links are listed but not walked into: a link to a file is
 * read like the file, and a broken or looping one is reported by the read.
 */
function walk(dir: string, files: Set<string>, skipped: Discovery['skipped'], errors: Discovery['errors']): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    errors.push({ file: dir, message: `folder not read: ${describeFsError(err)}` });
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!IGNORED_FOLDERS.has(e.name)) walk(full, files, skipped, errors);
      continue;
    }
    if (!e.isFile() && !e.isSymbolicLink()) {
      skipped.push({ file: full, reason: 'not a regular file' });
      continue;
    }
    const reason = skipReason(e.name);
    if (reason) skipped.push({ file: full, reason });
    else files.add(full);
  }
}

/**
 * Why a file that failed with `message` is skipped as not a digest by its content, or null when
 * the failure stays an error (see ../formats/notADigest.ts: an empty file, prose, a package.json
 * are not digests; invalid JSON or a saved error body is a digest that could not be read). A file the user named (`named`, "-" included) is an error too:
 * they asked for it. Archive members are found like a folder's files, so they are skipped.
 */
export function notADigestByContent(file: string, message: string, named: ReadonlySet<string>): string | null {
  if (named.has(file) || (named.has(STDIN) && file === STDIN_NAME)) return null;
  return notADigestReason(message);
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
