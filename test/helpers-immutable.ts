/**
 * Read-only files and folders for tests that run as root: root ignores permission bits, so
 * `chmod 0444` proves nothing. `chattr +i` (the immutable attribute) stops root too, where the
 * file system and the container allow it; tests that need it skip, saying why, where it does not.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Sets or clears the immutable attribute; false when that is not possible here. */
export function setImmutable(p: string, on: boolean): boolean {
  const r = spawnSync('chattr', [on ? '+i' : '-i', p], { encoding: 'utf8' });
  return r.status === 0;
}

/** Can this machine make a file immutable (chattr present, the capability held, the fs supporting it)? */
export const canMakeImmutable: boolean = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'papers-chattr-'));
  const ok = setImmutable(dir, true);
  if (ok) setImmutable(dir, false);
  fs.rmSync(dir, { recursive: true, force: true });
  return ok;
})();
