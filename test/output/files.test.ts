import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { sameFile, writeFileAtomic } from '../../src/output/files.js';
import { tempDir } from '../helpers.js';

const text = (s: string) => async (out: fs.WriteStream) => {
  out.write(s);
};

describe('writeFileAtomic', () => {
  it('does not follow a symlink planted at the old predictable temporary name', async () => {
    // Before: `<out>.<pid>.tmp`, opened with truncate and following links, so another user could
    // make a root run overwrite any file. The victim must survive.
    const dir = tempDir();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious\n');
    const out = path.join(dir, 'out.ndjson');
    fs.symlinkSync(victim, `${out}.${process.pid}.tmp`);
    await writeFileAtomic(out, text('data\n'));
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(fs.readFileSync(out, 'utf8')).toBe('data\n');
  });

  it('writes through a private, unpredictable temporary file in the target folder', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.json');
    const seen: string[] = [];
    const peek = async (stream: fs.WriteStream) => {
      const names = fs.readdirSync(dir).filter((n) => n.startsWith('.'));
      seen.push(...names);
      expect(fs.statSync(path.join(dir, names[0]!)).mode & 0o777).toBe(0o600);
      stream.write('x');
    };
    await writeFileAtomic(out, peek);
    await writeFileAtomic(out, peek, { force: true });
    expect(seen).toHaveLength(2);
    for (const n of seen) expect(n).toMatch(/^\.out\.json\.[A-Za-z0-9_-]{12}\.tmp$/);
    expect(seen[0]).not.toBe(seen[1]);
    expect(fs.readdirSync(dir)).toEqual(['out.json']);
  });

  it('removes the temporary file when the writer fails, and leaves the target alone', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.json');
    fs.writeFileSync(out, 'old');
    const failing = async (s: fs.WriteStream) => {
      s.write('half');
      throw new Error('boom');
    };
    await expect(writeFileAtomic(out, failing, { force: true })).rejects.toThrow('boom');
    expect(fs.readdirSync(dir)).toEqual(['out.json']);
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
  });

  it('refuses an existing file without force, with a UserError', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'out.json');
    fs.writeFileSync(out, 'old');
    await expect(writeFileAtomic(out, text('new'))).rejects.toThrow(UserError);
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['out.json']);
  });

  it('sameFile sees through symlinks, relative paths and hard links', () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.db');
    fs.writeFileSync(a, '');
    fs.symlinkSync(a, path.join(dir, 'sym'));
    fs.linkSync(a, path.join(dir, 'hard'));
    expect(sameFile(path.join(dir, 'sym'), a)).toBe(true);
    expect(sameFile(path.join(dir, 'hard'), a)).toBe(true);
    expect(sameFile(path.join(dir, 'x', '..', 'a.db'), a)).toBe(true);
    expect(sameFile(path.join(dir, 'b.db'), a)).toBe(false);
    expect(sameFile(`${a}-wal`, path.join(dir, 'sym-wal'))).toBe(false);
  });
});
