import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BIN, json, papers, papersAsync, SEEDS, tempDir } from '../helpers.js';

interface Summary {
  files: number;
  records: number;
  papers: number;
  errors: { file: string; message: string }[];
  warnings: { file: string; message: string }[];
  interrupted: boolean;
  files_read: { file: string; format: string; records: number }[];
  skipped_files: { file: string; reason: string }[];
}

const seed = (n: number) => path.join(SEEDS, fs.readdirSync(SEEDS).sort()[n]!);
const seedName = (n: number) => path.basename(seed(n));

function one(db: string, sql: string): unknown {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).pluck().get();
  } finally {
    d.close();
  }
}

describe('archives and standard input', () => {
  it('reads a .gz as its inner file and each zip member as a file of its own', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt.gz'), zlib.gzipSync(fs.readFileSync(seed(0))));
    fs.writeFileSync(
      path.join(dir, 'b.zip'),
      zipSync({ [`in/${seedName(1)}`]: fs.readFileSync(seed(1)), 'in/cover.png': new Uint8Array([137, 80]) }),
    );
    const r = papers(['ingest', dir, '--db', path.join(dir, 'x.db'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = json<Summary>(r);
    expect(s.files_read.map((f) => [path.relative(dir, f.file), f.records])).toEqual([
      ['a.txt.gz', 77],
      [`b.zip!in/${seedName(1)}`, 96],
    ]);
    expect(s.skipped_files.map((f) => [path.relative(dir, f.file), f.reason])).toEqual([
      ['b.zip!in/cover.png', 'not a digest: extension .png'],
    ]);
    // The same as the plain files.
    const plain = json<Summary>(papers(['ingest', seed(0), seed(1), '--db', path.join(dir, 'y.db'), '--json']));
    expect(s.papers).toBe(plain.papers);
  });

  it('reads "-" from standard input, stored as <stdin>', () => {
    const dir = tempDir();
    const db = path.join(dir, 'x.db');
    const r = spawnSync(process.execPath, [BIN, 'ingest', '-', '--db', db, '--json'], {
      input: fs.readFileSync(seed(3)),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.files_read).toEqual([{ file: '<stdin>', format: 'text-compact', records: 119 }]);
    expect(one(db, "SELECT count(*) FROM sightings s JOIN files f ON f.id = s.file_id WHERE f.path = '<stdin>'")).toBe(119);
  });
});

describe('never silent', () => {
  it('lists files skipped as not digests, and counts them in the human summary', () => {
    const dir = tempDir();
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    fs.copyFileSync(seed(0), path.join(input, seedName(0)));
    fs.writeFileSync(path.join(input, 'paper.pdf'), '%PDF-1.4');
    fs.writeFileSync(path.join(input, 'backup.tar.gz'), zlib.gzipSync('x'));
    const s = json<Summary>(papers(['ingest', input, '--db', path.join(dir, 'x.db'), '--json']));
    expect(s.skipped_files.map((f) => path.basename(f.file))).toEqual(['backup.tar.gz', 'paper.pdf']);
    const human = papers(['ingest', input, '--db', path.join(dir, 'y.db')]);
    expect(human.stderr).toMatch(/2 skipped as not digests/);
  });

  it('skips a file found in a folder whose content is no digest, with the reason; a broken digest stays an error', () => {
    const dir = tempDir();
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    fs.copyFileSync(seed(0), path.join(input, seedName(0)));
    fs.writeFileSync(
      path.join(input, 'README.md'),
      '# Reading group\n\nNotes from Tuesday: bring [coffee](https://example.com).\n',
    );
    fs.writeFileSync(path.join(input, 'notes.txt'), 'We met on Tuesday and talked.\nNext time: more coffee.\n');
    fs.writeFileSync(path.join(input, 'package.json'), '{"name": "scraper", "version": "1.0.0", "dependencies": {}}');
    fs.writeFileSync(path.join(input, 'empty.txt'), '');
    fs.writeFileSync(path.join(input, 'broken.json'), '[{"title": "A paper", "abstract": "cut off');
    fs.writeFileSync(path.join(input, 'error.json'), '{"error": "Rate limit exceeded"}');
    fs.writeFileSync(path.join(input, 'notes.zip'), zipSync({ 'todo.md': new TextEncoder().encode('buy milk\n') }));
    // Pages, sheets and configs about something else; and a page and a sheet that name papers but cannot be read.
    fs.writeFileSync(
      path.join(input, 'notes.html'),
      '<html><body><h1>Reading list</h1><p>See <a href="https://example.com">this</a>.</p></body></html>',
    );
    fs.writeFileSync(path.join(input, 'budget.csv'), 'item,amount\nrent,1200\nfood,300\n');
    fs.writeFileSync(
      path.join(input, '_config.yml'),
      'title: AI Papers Reader\ndescription: Weekly summaries of AI papers, written for busy readers.\ntheme: minima\n',
    );
    fs.writeFileSync(path.join(input, 'site.yml'), 'title: Reading group\ntheme: minima\n');
    fs.writeFileSync(
      path.join(input, 'links.html'),
      '<html><body><p><a href="https://huggingface.co/papers/2501.12345">x</a></p></body></html>',
    );
    fs.writeFileSync(path.join(input, 'ids.csv'), 'arxiv_id,votes\n2501.12345,3\n');
    const r = papers(['ingest', input, '--db', path.join(dir, 'x.db'), '--json']);
    expect(r.code, r.stderr).toBe(1);
    const s = json<Summary>(r);
    expect(s.files_read.map((f) => path.basename(f.file))).toEqual([seedName(0)]);
    expect(s.skipped_files.map((f) => [path.relative(input, f.file), f.reason])).toEqual([
      ['README.md', 'not a digest: no reader recognised its content'],
      ['_config.yml', 'not a digest: a site configuration (Jekyll _config.yml)'],
      ['budget.csv', 'not a digest: a sheet with no title column and no paper links'],
      ['empty.txt', 'empty file'],
      ['notes.html', 'not a digest: HTML page with no paper links'],
      ['notes.txt', 'not a digest: no reader recognised its content'],
      ['notes.zip!todo.md', 'not a digest: no reader recognised its content'],
      ['package.json', 'not a digest: JSON with no paper records'],
      ['site.yml', 'not a digest: YAML with no paper records'],
    ]);
    expect(s.errors.map((e) => path.basename(e.file))).toEqual(['broken.json', 'error.json', 'ids.csv', 'links.html']);
    const human = papers(['ingest', input, '--db', path.join(dir, 'y.db')]);
    expect(human.stderr).toMatch(/9 skipped as not digests/);
    expect(human.stderr).not.toMatch(/README\.md|empty\.txt/);
  });

  it('reports a file named on the command line whose content is no digest as an error: it was asked for', () => {
    const dir = tempDir();
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'We met on Tuesday and talked.\n');
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    const r = papers(['ingest', notes, path.join(dir, 'empty.md'), '--db', path.join(dir, 'x.db'), '--json']);
    expect(r.code).toBe(1);
    const s = json<Summary>(r);
    expect(s.skipped_files).toEqual([]);
    expect(s.errors.map((e) => [path.basename(e.file), e.message])).toEqual([
      ['empty.md', 'not a known digest form: the file is empty'],
      ['notes.txt', 'not a known digest form: no reader recognised its content'],
    ]);
  });

  it('warns, naming the file, when a file yields no paper', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'none.json'), '[]');
    const s = json<Summary>(papers(['ingest', dir, '--db', path.join(dir, 'x.db'), '--json']));
    const named = [...s.warnings.map((w) => [w.file, w.message]), ...s.errors.map((e) => [e.file, e.message])];
    expect(named).toContainEqual([path.join(dir, 'none.json'), expect.stringMatching(/no paper|not a known digest/)]);
  });

  // As root a mode-000 folder is still readable: the run then drops to nobody.
  const root = process.getuid?.() === 0;
  it('reports an unreadable sub-folder as an error, not an empty folder', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o777);
    fs.mkdirSync(path.join(dir, 'in/locked'), { recursive: true });
    fs.copyFileSync(seed(0), path.join(dir, 'in/locked', seedName(0)));
    fs.copyFileSync(seed(1), path.join(dir, 'in', seedName(1)));
    fs.chmodSync(path.join(dir, 'in'), 0o755);
    fs.chmodSync(path.join(dir, 'in/locked'), 0o000);
    const r = spawnSync(process.execPath, [BIN, 'ingest', path.join(dir, 'in'), '--db', path.join(dir, 'x.db'), '--json'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', HOME: dir },
      ...(root ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(r.status, r.stderr).toBe(1);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.errors).toEqual([{ file: path.join(dir, 'in/locked'), message: 'folder not read: permission denied' }]);
    expect(s.files).toBe(1);
  });
});

describe('files too large for one text', () => {
  it('refuses a 600 MB file under --max-file-mb 1000 by name, and reads the next file', () => {
    const dir = tempDir();
    const huge = path.join(dir, 'a-huge.txt');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 600 * 1024 * 1024); // sparse: no disk used
    fs.copyFileSync(seed(0), path.join(dir, `b-${seedName(0)}`));
    const r = papers(['ingest', dir, '--db', path.join(dir, 'x.db'), '--max-file-mb', '1000', '--json']);
    expect(r.code).toBe(1);
    const s = json<Summary>(r);
    expect(s.errors).toEqual([{ file: huge, message: expect.stringMatching(/600\.0 MB.*cannot be read as one text/) }]);
    expect(s.records).toBe(77);
  });
});

describe('Ctrl-C', () => {
  it('stops while a large file is being read, exits 130, keeps the files stored whole, and leaves a sound database', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    fs.copyFileSync(seed(0), path.join(input, `a-${seedName(0)}`));
    // A large digest after it (~150 MB): minutes to read and store, so the SIGINT lands inside
    // it, and a run that finishes the file before stopping fails by this test's timeout.
    const abstract = fs
      .readFileSync(seed(0), 'utf8')
      .split('\n')
      .find((l) => l.length > 800)!;
    const fd = fs.openSync(path.join(input, 'b-large.txt'), 'w');
    fs.writeSync(fd, 'Daily Papers\n\nSep 16\n\n');
    for (let i = 0; i < 150_000; i += 1000) {
      const chunk: string[] = [];
      for (let k = i; k < i + 1000; k++) chunk.push(`Paper number ${k} of a large digest about things\n\n${k} ${abstract}\n\n`);
      fs.writeSync(fd, chunk.join(''));
    }
    fs.closeSync(fd);
    const db = path.join(dir, 'x.db');
    const child = papersAsync(['ingest', input, '--db', db, '--json']);
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    // Wait until the small file is committed: the run is then inside the large one.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        try {
          if (fs.existsSync(db) && (one(db, 'SELECT count(*) FROM files') as number) >= 1) {
            clearInterval(poll);
            resolve();
          }
        } catch {
          // being created
        }
      }, 20);
    });
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(130);
    const s = JSON.parse(stdout) as Summary;
    expect(s.interrupted).toBe(true);
    // Stopped inside the large file, not after it: only the small file is stored.
    expect(one(db, 'SELECT group_concat(path) FROM files')).toBe(path.join(input, `a-${seedName(0)}`));
    expect(one(db, 'PRAGMA integrity_check')).toBe('ok');
    expect(one(db, 'SELECT count(*) FROM sightings')).toBe(77);
    fs.rmSync(input, { recursive: true });
  }, 60_000);
});

describe('damaged text', () => {
  it('one NUL byte in a good digest costs nothing but itself: the file is read, the NUL not stored', () => {
    const dir = tempDir();
    const text = fs.readFileSync(seed(0));
    // Inside the first long line (an abstract).
    const at = text.indexOf(Buffer.from('In this paper'));
    fs.writeFileSync(path.join(dir, 'nul.txt'), Buffer.concat([text.subarray(0, at), Buffer.from([0]), text.subarray(at)]));
    const db = path.join(dir, 'x.db');
    const r = papers(['ingest', path.join(dir, 'nul.txt'), '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = json<Summary>(r);
    expect(s.records).toBe(77);
    expect(s.warnings.map((w) => w.message)).toEqual([`1 NUL byte (first at byte offset ${at})`]);
    expect(one(db, 'SELECT count(*) FROM sightings WHERE instr(abstract, char(0)) > 0 OR instr(title, char(0)) > 0')).toBe(0);
  });

  it('three invalid bytes in a UTF-8 digest do not turn it into cp1252', () => {
    const dir = tempDir();
    const text = fs.readFileSync(seed(0));
    const at = text.indexOf(Buffer.from('Existing fine-tuning'));
    fs.writeFileSync(
      path.join(dir, 'bad.txt'),
      Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe, 0xfd]), text.subarray(at)]),
    );
    const db = path.join(dir, 'x.db');
    const s = json<Summary>(papers(['ingest', path.join(dir, 'bad.txt'), '--db', db, '--json']));
    expect(s.records).toBe(77);
    expect(s.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^3 invalid UTF-8 sequences replaced with U\+FFFD/)]);
    expect(one(db, 'SELECT encoding FROM files')).toBe('utf-8');
  });
});
