import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/db/schema.js';
import { json, papers, papersAsync, SEEDS, tempDir } from '../helpers.js';
// @ts-expect-error: a plain JS module of the bench
import { writeCorpus } from '../../bench/corpus.js';

interface Summary {
  files: number;
  records: number;
  papers: number;
  errors: { file: string; message: string }[];
  skipped_files: { file: string; reason: string }[];
  interrupted: boolean;
}

function copySeeds(dir: string, only?: (f: string) => boolean): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(SEEDS)) if (!only || only(f)) fs.copyFileSync(path.join(SEEDS, f), path.join(dir, f));
}

function counts(db: string): { papers: number; sightings: number; files: number; integrity: string } {
  const d = new Database(db, { readonly: true });
  try {
    const one = (sql: string) => d.prepare(sql).pluck().get();
    return {
      papers: one('SELECT count(*) FROM papers') as number,
      sightings: one('SELECT count(*) FROM sightings') as number,
      files: one('SELECT count(*) FROM files') as number,
      integrity: one('PRAGMA integrity_check') as string,
    };
  } finally {
    d.close();
  }
}

/** Every stored file has exactly as many sightings as records: none is half-ingested. */
/** Resolves once the database (being written by another process) holds at least `n` files. */
function committedFiles(db: string, n: number): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      try {
        if (fs.existsSync(db) && counts(db).files >= n) {
          clearInterval(poll);
          resolve();
        }
      } catch {
        // the database may be mid-creation; poll again
      }
    }, 20);
  });
}

function fullTextPending(db: string): boolean {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare("SELECT 1 FROM meta WHERE key = 'fts_rebuild_pending'").get() !== undefined;
  } finally {
    d.close();
  }
}

function fullTextMatches(db: string, term: string): number {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT count(*) FROM papers_fts WHERE papers_fts MATCH ?').pluck().get(term) as number;
  } finally {
    d.close();
  }
}

function filesComplete(db: string): boolean {
  const d = new Database(db, { readonly: true });
  try {
    const bad = d
      .prepare('SELECT f.path FROM files f WHERE f.records != (SELECT count(*) FROM sightings s WHERE s.file_id = f.id)')
      .all();
    return bad.length === 0;
  } finally {
    d.close();
  }
}

describe('bad input never stops an ingest', () => {
  const dir = tempDir();
  const input = path.join(dir, 'in');
  let r: ReturnType<typeof papers>;
  let summary: Summary;

  beforeAll(() => {
    copySeeds(input);
    const bad = path.join(input, 'bad');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    fs.writeFileSync(path.join(bad, 'empty.md'), '');
    fs.writeFileSync(path.join(bad, 'one-line.txt'), 'word '.repeat(6_000_000));
    fs.writeFileSync(path.join(bad, 'truncated.json'), '[{"paper": {"id": "2405.15738", "title": "A tit');
    fs.writeFileSync(path.join(bad, 'invalid.json'), '{"this is": not json}');
    // It links a paper but shows none: a digest gone wrong (a page linking no paper is skipped).
    fs.writeFileSync(
      path.join(bad, 'nopapers.html'),
      '<html><body><p>Nothing to see but <a href="https://huggingface.co/papers/2405.15738">x</a></p></body></html>',
    );
    fs.symlinkSync('loop-b.txt', path.join(bad, 'loop-a.txt'));
    fs.symlinkSync('loop-a.txt', path.join(bad, 'loop-b.txt'));
    fs.symlinkSync('..', path.join(bad, 'parent-loop'));
    r = papers(['ingest', input, '--db', path.join(dir, 'bad.db'), '--json']);
    summary = json<Summary>(r);
  });

  it('ingests every good file', () => {
    expect(summary.records).toBe(453);
    expect(summary.papers).toBe(360);
  });

  it('names each bad file once, with a reason, and exits 1', () => {
    expect(r.code).toBe(1);
    const named = summary.errors.map((e) => path.basename(e.file)).sort();
    // A digest that could not be read is an error; a file found in the folder whose content is no
    // digest at all (empty, prose no reader claims) is skipped with the reason instead (issue 12).
    expect(named).toEqual(['binary.txt', 'invalid.json', 'loop-a.txt', 'loop-b.txt', 'nopapers.html', 'truncated.json']);
    for (const e of summary.errors) expect(e.message.length).toBeGreaterThan(5);
    const skipped = summary.skipped_files.map((f) => [path.basename(f.file), f.reason]);
    expect(skipped).toContainEqual(['empty.md', 'empty file']);
    expect(skipped).toContainEqual(['one-line.txt', 'not a digest: no reader recognised its content']);
  });

  it('prints no stack trace', () => {
    const human = papers(['ingest', input, '--db', path.join(dir, 'bad2.db')]);
    expect(human.code).toBe(1);
    expect(human.stderr).not.toMatch(/\n\s+at /);
    for (const f of ['binary.txt', 'truncated.json']) expect(human.stderr).toContain(f);
    expect(human.stderr).toMatch(/3 skipped as not digests/); // empty.md, one-line.txt, the link parent-loop
  });

  it('reports a file that is too large, naming the limit', () => {
    const big = papers([
      'ingest',
      path.join(input, 'bad', 'one-line.txt'),
      '--db',
      path.join(dir, 'big.db'),
      '--max-file-mb',
      '1',
      '--json',
    ]);
    expect(big.code).toBe(1);
    expect(json<Summary>(big).errors[0]!.message).toMatch(/over the 1\.0 MB limit/);
  });

  it('names a --db whose folder does not exist, without a stack trace', () => {
    const missing = path.join(dir, 'no-such-folder', 'x.db');
    const r = papers(['ingest', SEEDS, '--db', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the folder ${path.dirname(missing)} does not exist`);
    expect(r.stderr).not.toMatch(/a bug|\n\s+at /);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });
});

describe('stored text is data, never SQL', () => {
  it('keeps a hostile title verbatim', () => {
    const dir = tempDir();
    const title = `Robert'); DROP TABLE papers; -- "quoted" \`ticks\``;
    const abstract =
      'We present a method with a title full of quotes. It improves accuracy by 3.2% on two benchmarks and reduces memory. Code is available at https://github.com/o/r.';
    fs.writeFileSync(path.join(dir, 'd.json'), JSON.stringify([{ title, abstract }]));
    const db = path.join(dir, 'x.db');
    const r = papers(['ingest', path.join(dir, 'd.json'), '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const [p] = json<{ title: string }[]>(papers(['query', '--db', db, '--json']));
    expect(p!.title).toBe(title);
    expect(counts(db).papers).toBe(1);
  });
});

describe('crashes lose nothing', () => {
  const dir = tempDir();
  const corpus = path.join(dir, 'corpus');
  let clean: ReturnType<typeof counts>;

  beforeAll(() => {
    // Large enough to take several write batches (each holds the lock for about a second), so
    // the kill and the Ctrl-C below land mid-ingest.
    writeCorpus(corpus, 40_000, { perFile: 400 });
    const r = papers(['ingest', path.join(corpus, 'digests'), '--db', path.join(dir, 'clean.db'), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    clean = counts(path.join(dir, 'clean.db'));
  });

  it('a SIGKILL mid-ingest leaves a sound database, and a rerun completes it', async () => {
    const db = path.join(dir, 'killed.db');
    const child = papersAsync(['ingest', path.join(corpus, 'digests'), '--db', db, '--quiet']);
    // Kill once a few files have committed, while more are being written.
    await committedFiles(db, 3);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const after = counts(db);
    expect(after.integrity).toBe('ok');
    expect(after.files).toBeGreaterThanOrEqual(3);
    expect(after.files).toBeLessThan(clean.files);
    expect(filesComplete(db)).toBe(true);
    // A bulk load builds the full-text index at its end: killed before, the database says so and
    // a text query warns (the next ingest rebuilds it).
    expect(fullTextPending(db)).toBe(true);
    const search = papers(['query', 'adaptation', '--db', db, '--json', '--limit', '1']);
    expect(search.code, search.stderr).toBe(0);
    expect(search.stderr).toMatch(/full-text index is incomplete/);

    const rerun = papers(['ingest', path.join(corpus, 'digests'), '--db', db, '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(counts(db)).toEqual(clean);
    expect(fullTextPending(db)).toBe(false);
    expect(fullTextMatches(db, 'adaptation')).toBe(fullTextMatches(path.join(dir, 'clean.db'), 'adaptation'));
    expect(fullTextMatches(db, 'adaptation')).toBeGreaterThan(0);
  });

  it('Ctrl-C stops after the current file and prints the summary so far', async () => {
    const db = path.join(dir, 'interrupted.db');
    const child = papersAsync(['ingest', path.join(corpus, 'digests'), '--db', db, '--json']);
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    await committedFiles(db, 2);
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(130);
    const summary = JSON.parse(stdout) as Summary;
    expect(summary.interrupted).toBe(true);
    expect(summary.files).toBeLessThan(clean.files);
    expect(counts(db).integrity).toBe('ok');
    expect(filesComplete(db)).toBe(true);
  });
});

describe('concurrency', () => {
  // Several rounds: the race that matters (both creating the database) is decided by timing.
  it.each([1, 2, 3, 4])(
    'two ingests into one database at once both succeed, and the result is their union (round %i)',
    async () => {
      const dir = tempDir();
      copySeeds(path.join(dir, 'a'), (f) => f < '003');
      copySeeds(path.join(dir, 'b'), (f) => f >= '003');
      const db = path.join(dir, 'shared.db');
      const run = (sub: string) =>
        new Promise<string>((resolve) => {
          const child = papersAsync(['ingest', path.join(dir, sub), '--db', db, '--quiet', '--debug']);
          let stderr = '';
          child.stderr.on('data', (d) => (stderr += d));
          child.once('exit', (code) => resolve(`exit ${code} ${stderr}`));
        });
      const results = await Promise.all([run('a'), run('b')]);
      expect(results).toEqual(['exit 0 ', 'exit 0 ']);
      expect(counts(db)).toMatchObject({ papers: 360, sightings: 453, files: 5, integrity: 'ok' });
    },
  );

  it('a query works while an ingest writes', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'busy.db');
    expect(papers(['ingest', SEEDS, '--db', db, '--quiet']).code).toBe(0);
    const corpus = path.join(dir, 'corpus');
    writeCorpus(corpus, 4000, { perFile: 200 });
    const child = papersAsync(['ingest', path.join(corpus, 'digests'), '--db', db, '--quiet']);
    const done = new Promise((resolve) => child.once('exit', resolve));
    const q = papers(['query', '--db', db, '--json', '--limit', '5']);
    expect(q.code, q.stderr).toBe(0);
    expect(json<unknown[]>(q)).toHaveLength(5);
    expect(await done).toBe(0);
  });
});

describe('schema versions', () => {
  it('migrates a database of the previous schema version in place', () => {
    const dir = tempDir();
    const db = path.join(dir, 'v1.db');
    const old = new Database(db);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old
      .prepare(
        `INSERT INTO files (path, sha256, size, format, encoding, digest_date, records, ingested_at)
       VALUES ('old.txt', 'x', 1, 'text-spaced', 'utf-8', '2024-05-27', 1, '2024-05-27T00:00:00Z')`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO papers (id, title, abstract, first_seen, last_seen, rev)
       VALUES ('oldpaper0001', 'QLoRA: Efficient Finetuning of Quantized LLMs', 'We present QLoRA, an efficient finetuning approach. Code is available at https://github.com/artidoro/qlora.', '2024-05-27', '2024-05-27', 1)`,
      )
      .run();
    old.prepare(`INSERT INTO papers_fts (rowid, title, abstract) SELECT rid, title, abstract FROM papers`).run();
    old
      .prepare(
        `INSERT INTO sightings (paper_id, file_id, position, title, abstract, match_rule, match_score)
       SELECT 'oldpaper0001', 1, 1, title, abstract, 'new', 1 FROM papers`,
      )
      .run();
    old.close();

    // Reading an old database says what to do; ingesting migrates it.
    expect(papers(['query', '--db', db]).stderr).toMatch(/schema version 1.*papers ingest/);
    const r = papers(['ingest', SEEDS, '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const v = new Database(db, { readonly: true });
    expect(v.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    v.close();
    const shown = json<{ title: string; methods: { name: string }[]; github: { url: string }[] }>(
      papers(['show', 'oldpaper0001', '--db', db, '--json']),
    );
    expect(shown.title).toBe('QLoRA: Efficient Finetuning of Quantized LLMs');
    expect(shown.methods.map((m) => m.name)).toContain('QLoRA');
    expect(shown.github.map((g) => g.url)).toEqual(['https://github.com/artidoro/qlora']);
    expect(counts(db).papers).toBe(361);
  });

  it('refuses a database from a newer papers', () => {
    const dir = tempDir();
    const db = path.join(dir, 'future.db');
    const d = new Database(db);
    d.pragma('user_version = 99');
    d.close();
    for (const args of [['ingest', SEEDS], ['query']]) {
      const r = papers([...args, '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/newer papers/);
    }
  });
});
