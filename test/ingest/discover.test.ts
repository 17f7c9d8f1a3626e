import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { discoverFiles, skipReason } from '../../src/ingest/discover.js';
import { expandArchive, readName } from '../../src/ingest/archive.js';
import { tempDir } from '../helpers.js';

const _ = (name: string, reason: string | null) => [name, reason] as const;

describe('skipReason: which files a folder walk reads', () => {
  it.each([
    _('2024-09-16.txt', null),
    _('feed.XML', null),
    _('papers.rss', null),
    _('sheet.tsv', null),
    _('paper.yml', null),
    _('dump.json.gz', null),
    _('digests.zip', null),
    _('notes.pdf', 'not a digest: extension .pdf'),
    _('backup.tar.gz', 'not a digest: a compressed .tar file'),
    _('image.png.gz', 'not a digest: a compressed .png file'),
    _('Makefile', 'not a digest: no extension'),
    _('.hidden', 'not a digest: no extension'),
    _('/repo/docs/_config.yml', 'not a digest: a site configuration (Jekyll _config.yml)'),
    _('_config.YAML', 'not a digest: a site configuration (Jekyll _config.yml)'),
    _('/repo/docs/my_config.yml', null),
    _('C:\\repo\\docs\\_config.yml', 'not a digest: a site configuration (Jekyll _config.yml)'), // a Windows path
  ])('%s -> %s', (name, reason) => expect(skipReason(name)).toBe(reason));
});

describe('discoverFiles', () => {
  it('lists every regular file: read, or skipped with its reason', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'sub/deeper'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'node_modules'));
    for (const f of ['a.txt', 'sub/b.json', 'sub/deeper/c.csv', 'sub/notes.pdf', 'node_modules/x.txt', 'README'])
      fs.writeFileSync(path.join(dir, f), 'x');
    const d = await discoverFiles([dir]);
    expect(d.files.map((f) => path.relative(dir, f))).toEqual(['a.txt', 'sub/b.json', 'sub/deeper/c.csv']);
    expect(d.skipped.map((s) => [path.relative(dir, s.file), s.reason])).toEqual([
      ['README', 'not a digest: no extension'],
      ['sub/notes.pdf', 'not a digest: extension .pdf'],
    ]);
    expect(d.errors).toEqual([]);
  });

  it('passes "-" (standard input) and explicit files through, and names a missing path', async () => {
    const d = await discoverFiles(['-', '/no/such/place']);
    expect(d.files).toEqual(['-']);
    expect(d.errors).toEqual([{ file: '/no/such/place', message: expect.stringMatching(/no such file/) }]);
  });
});

describe('expandArchive', () => {
  const text = new TextEncoder().encode('hello');
  it('reads a .gz as its inner file, named for the reader without .gz', () => {
    const [e] = expandArchive('d/x.json.gz', zlib.gzipSync(text), 1000);
    expect(e!.name).toBe('d/x.json.gz');
    expect(Buffer.from((e as { bytes: Uint8Array }).bytes).toString()).toBe('hello');
    expect(readName('d/x.json.gz')).toBe('d/x.json');
  });

  it('reads each zip member as a file of its own, named archive.zip!member', () => {
    const zip = zipSync({ 'a/one.txt': text, 'two.md': text, 'pic.png': text, 'in.json.gz': zlib.gzipSync(text) });
    const entries = expandArchive('z.zip', zip, 1000);
    expect(entries.map((e) => [e.name, 'bytes' in e ? 'read' : 'skipped' in e ? e.skipped : e.error])).toEqual([
      ['z.zip!a/one.txt', 'read'],
      ['z.zip!two.md', 'read'],
      ['z.zip!pic.png', 'not a digest: extension .png'],
      ['z.zip!in.json.gz', 'read'],
    ]);
  });

  it('refuses a member or a .gz that decompresses past the cap (a zip bomb)', () => {
    const big = new Uint8Array(5_000_000); // zeros: compresses to a few KB
    const gz = expandArchive('bomb.txt.gz', zlib.gzipSync(big), 1_000_000);
    expect(gz[0]).toMatchObject({ error: expect.stringMatching(/decompresses to more than 1\.0 MB/) });
    const zip = expandArchive('bomb.zip', zipSync({ 'z.txt': big }), 1_000_000);
    expect(zip[0]).toMatchObject({ name: 'bomb.zip!z.txt', error: expect.stringMatching(/over the 1\.0 MB limit/) });
  });

  it('reports a damaged archive', () => {
    expect(expandArchive('bad.zip', new Uint8Array([1, 2, 3]), 1000)[0]).toMatchObject({
      error: expect.stringMatching(/not a readable zip/),
    });
    expect(expandArchive('bad.txt.gz', new Uint8Array([1, 2, 3]), 1000)[0]).toMatchObject({
      error: expect.stringMatching(/not a readable gzip/),
    });
  });
});
