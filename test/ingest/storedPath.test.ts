import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveOf, isStdinPath, storedPathExists } from '../../src/ingest/storedPath.js';
import { tempDir } from '../helpers.js';

describe('what a stored path stands for on disk', () => {
  const dir = path.join(tempDir(), 'wow!folder');
  fs.mkdirSync(dir);
  const zip = path.join(dir, 'a.zip');
  fs.writeFileSync(zip, 'PK');

  it.each([
    [`${zip}!m/x.json`, zip],
    [`${zip}!b.zip!c.txt`, zip],
    [path.join(dir, 'gone.zip!m.json'), null],
    [path.join(dir, 'plain.txt'), null],
  ])('the archive of %s is %s', (p, outer) => {
    expect(archiveOf(p)).toBe(outer);
  });

  it.each([
    ['<stdin>', true],
    ['/home/u/<stdin>', true],
    ['<stdin>#12', true],
    ['notes<stdin>.txt', false],
  ])('%s is standard input: %s', (p, stdin) => {
    expect(isStdinPath(p)).toBe(stdin);
  });

  it('a member exists while its archive does; standard input always', () => {
    expect(storedPathExists(`${zip}!m/x.json`)).toBe(true);
    expect(storedPathExists('<stdin>')).toBe(true);
    expect(storedPathExists(path.join(dir, 'gone.txt'))).toBe(false);
    fs.rmSync(zip);
    expect(storedPathExists(`${zip}!m/x.json`)).toBe(false);
  });
});
