/**
 * Writing an output file (`--out`) safely, for every command that writes one:
 *
 * - never over the database or its -wal/-shm/-journal files (`export --out papers.db` once
 *   replaced the database and exited 0), compared by real path and by inode, so a symlink or a
 *   relative path to them is refused too;
 * - through a temporary file created with O_EXCL in the target's folder under an unpredictable
 *   name (an O_EXCL create never follows a symlink: a link planted in a shared folder cannot make
 *   a root run overwrite another file), then renamed over the target: a failed write never leaves
 *   half a file;
 * - an existing file is replaced only with `--force`, and keeps its mode;
 * - a missing or unwritable folder, a full disk: one line saying which file, not a stack.
 */
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { UserError } from '../errors.js';

export interface AtomicWriteOptions {
  /** Replace the target when it exists (else that is an error). */
  force?: boolean;
  /** Files that must never be written over (the database: its -wal, -shm and -journal are added). */
  protect?: string[];
}

/**
 * Writes `target` with what `write` puts in the stream it is given, atomically. Throws UserError
 * for every refusal and every file-system failure; the temporary file is always removed.
 */
export async function writeFileAtomic(
  target: string,
  write: (out: fs.WriteStream) => Promise<void>,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  const dirStat = statOrNull(dir);
  if (!dirStat) throw new UserError(`cannot write ${target}: folder ${dir} does not exist`);
  if (!dirStat.isDirectory()) throw new UserError(`cannot write ${target}: ${dir} is not a folder`);
  for (const db of opts.protect ?? []) {
    for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) {
      if (sameFile(abs, f)) throw new UserError(`refusing to write ${target}: it is the database ${f}`);
    }
  }
  const existing = statOrNull(abs);
  if (existing?.isDirectory()) throw new UserError(`cannot write ${target}: it is a folder`);
  if (existing && !opts.force) throw new UserError(`${target} exists: pass --force to replace it`);

  const tmp = path.join(dir, `.${path.basename(abs)}.${crypto.randomBytes(9).toString('base64url')}.tmp`);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', 0o600); // O_CREAT | O_EXCL: fails on any existing name, symlinks included
  } catch (err) {
    throw fsError(target, err);
  }
  try {
    const out = fs.createWriteStream('', { fd, autoClose: false });
    try {
      await write(out);
      out.end();
      await finished(out);
    } catch (err) {
      // destroy() closes the descriptor (autoClose or not): wait for that, and do not close it twice.
      out.destroy();
      if (!out.closed) await once(out, 'close');
      fd = -1;
      throw err;
    }
    // The new file gets the old one's mode (a private export stays private), else the usual
    // 0666 less the umask.
    fs.fchmodSync(fd, existing ? existing.mode & 0o7777 : 0o666 & ~process.umask());
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = -1;
    if (opts.force) fs.renameSync(tmp, abs);
    else {
      // A hard link is created only when the name is free: no window between check and write in
      // which another file could appear and be replaced.
      linkExclusive(tmp, abs, target);
      fs.rmSync(tmp, { force: true });
    }
  } catch (err) {
    if (fd >= 0) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err instanceof UserError ? err : fsError(target, err);
  }
}

function linkExclusive(tmp: string, abs: string, target: string): void {
  try {
    fs.linkSync(tmp, abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UserError(`${target} exists: pass --force to replace it`);
    // File systems without hard links: the existence check above is all there is.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV') {
      if (fs.existsSync(abs)) throw new UserError(`${target} exists: pass --force to replace it`);
      fs.renameSync(tmp, abs);
      return;
    }
    throw err;
  }
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/** The real path of a file that may not exist yet: its folder's real path and its name. */
function realPath(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Do two paths name one file: the same real path, or (both existing) the same inode. */
export function sameFile(a: string, b: string): boolean {
  if (realPath(a) === realPath(b)) return true;
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

function fsError(target: string, err: unknown): UserError {
  const e = err as NodeJS.ErrnoException;
  const why =
    e?.code === 'EACCES' || e?.code === 'EPERM'
      ? 'permission denied'
      : e?.code === 'EROFS'
        ? 'read-only file system'
        : e?.code === 'ENOSPC'
          ? 'no space left on the device'
          : e?.code === 'ENOENT'
            ? 'its folder does not exist'
            : (e?.message ?? String(err));
  return new UserError(`cannot write ${target}: ${why}`);
}
