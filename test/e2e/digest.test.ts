/**
 * `papers digest` with the real binary over fixtures/outputs: day1 (3 papers, one promising its
 * code), then day2 (that paper again, now with its repository, and one new paper). The fixtures
 * are written for these tests, modelled on the /api/daily_papers answers of
 * fixtures/forms/hf-api-json; their titles carry characters every output must escape
 * (`<`, `&`, `*`, `[`, `_`, `%`, `$`, `#`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { papers, papersAsync, ROOT, tempDir } from '../helpers.js';

const FIX = path.join(ROOT, 'fixtures/outputs');
const TRICKY = 'LoRA & <Friends>: *Fast* [Adapters] at 50% of the_cost';

function freshDb(...days: string[]) {
  const dir = tempDir();
  const db = path.join(dir, 'd.db');
  const run = (...args: string[]) => papers([...args, '--db', db]);
  const ingest = (day: string) => expect(run('ingest', path.join(FIX, day), '--quiet').code).toBe(0);
  for (const d of days) ingest(d);
  return { dir, db, run, ingest };
}

/** The arXiv ids of the new papers in a markdown digest, in order. */
const newIds = (md: string) =>
  [...(md.split('## Code released')[0] ?? '').matchAll(/^### \d+\. \[.*\]\(https:\/\/huggingface\.co\/papers\/([^)]+)\)$/gm)].map(
    (m) => m[1],
  );
const recorded = (run: (...a: string[]) => ReturnType<typeof papers>) =>
  run('sql', 'SELECT count(*) AS n FROM digests', '--csv').stdout.split(/\r?\n/)[1];

describe('papers digest', () => {
  it('the first digest covers every paper, ranked by upvotes; run again, it is empty', () => {
    const { run } = freshDb('day1');
    const first = run('digest');
    expect(first.code, first.stderr).toBe(0);
    expect(newIds(first.stdout)).toEqual(['2605.01234', '2605.03456', '2605.02345']);
    expect(first.stdout).toContain('_3 new papers · 1 with code · 1 with code promised ·');
    expect(first.stdout).toContain('[LoRA \\& \\<Friends\\>: \\*Fast\\* \\[Adapters\\] at 50% of the\\_cost]');
    expect(first.stdout).toContain('> FastLoRA reaches **92.5%** accuracy on GLUE');
    expect(first.stdout).toContain('[code (promised)](https://github.com/example-lab/fastlora)');
    expect(first.stderr).toContain('3 new papers');

    const second = run('digest');
    expect(second.code, second.stderr).toBe(0);
    expect(newIds(second.stdout)).toEqual([]);
    expect(second.stdout).toContain('Nothing new since the last digest.');
    expect(recorded(run)).toBe('2');
  });

  it('after a new ingest: only the new paper, and the promised code under "code released"', () => {
    const { run, ingest } = freshDb('day1');
    expect(run('digest').code).toBe(0);
    ingest('day2');
    const r = run('digest');
    expect(r.code, r.stderr).toBe(0);
    expect(newIds(r.stdout)).toEqual(['2605.09876']);
    const released = r.stdout.split('## Code released')[1] ?? '';
    expect(released).toContain('https://huggingface.co/papers/2605.01234');
    expect(released).toContain(
      '[github.com/example-lab/fastlora](https://github.com/example-lab/fastlora) (promised 2026-05-11, available 2026-05-20)',
    );
    // Announced once: the next digest has neither.
    const again = run('digest');
    expect(again.stdout).toContain('Nothing new since the last digest.');
    expect(again.stdout).not.toContain('Code released');
  });

  it('--dry-run records nothing and leaves the database file as it was; --all ignores the memory', () => {
    const { db, run } = freshDb('day1');
    const hash = () => crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex');
    // One recorded digest first, so the file holds the digest tables.
    expect(run('digest', '--top', '1').code).toBe(0);
    const before = hash();
    const dry = run('digest', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(newIds(dry.stdout)).toEqual(['2605.03456', '2605.02345']); // --top 1 showed only the first
    expect(dry.stderr).toContain('dry run: not recorded');
    expect(hash()).toBe(before);
    expect(newIds(run('digest', '--dry-run').stdout)).toEqual(['2605.03456', '2605.02345']);
    // --all: every paper, ranked by upvotes, then by how many digests showed it.
    const all = run('digest', '--all', '--dry-run');
    expect(newIds(all.stdout)).toEqual(['2605.01234', '2605.03456', '2605.02345']);
    expect(all.stdout).toContain('in 1 earlier digest');
  });

  it('filters, dates, --top and --group-by', () => {
    const { run } = freshDb('day1', 'day2');
    expect(newIds(run('digest', '--dry-run', '--since', '2026-05-15').stdout)).toEqual(['2605.09876']);
    expect(newIds(run('digest', '--dry-run', '--until', '2026-05-15').stdout)).toEqual([
      '2605.01234',
      '2605.03456',
      '2605.02345',
    ]);
    expect(newIds(run('digest', '--dry-run', 'prefix').stdout)).toEqual(['2605.03456', '2605.02345']);
    expect(newIds(run('digest', '--dry-run', '--method', 'dpo').stdout)).toEqual(['2605.09876']);
    const top = run('digest', '--dry-run', '--top', '2');
    expect(newIds(top.stdout)).toEqual(['2605.01234', '2605.09876']);
    expect(top.stdout).toContain('2 more not shown');
    const grouped = run('digest', '--dry-run', '--group-by', 'method', '--title', 'Issue #7 <draft>').stdout;
    expect(grouped.startsWith('# Issue \\#7 \\<draft\\>\n')).toBe(true);
    const headings = [...grouped.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    // Each paper under its first proposed method's family (FastLoRA's extraction lists Adapter first).
    expect(headings).toEqual(['prefix-tuning', 'adapter', 'preference-rl']);
  });

  it('two digests run at once never show the same paper', async () => {
    const { db } = freshDb('day1');
    const runAsync = () =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = papersAsync(['digest', '--db', db]);
        let stdout = '';
        child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const [a, b] = await Promise.all([runAsync(), runAsync()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    // One took the write lock first and showed all three; the other waited and found nothing new.
    expect([...newIds(a.stdout), ...newIds(b.stdout)].sort()).toEqual(['2605.01234', '2605.02345', '2605.03456']);
  });

  it('usage errors exit 2; a missing database is an error, not a new file', () => {
    const { dir, run } = freshDb('day1');
    expect(run('digest', '--since', 'yesterday').code).toBe(2);
    expect(run('digest', '--top', 'many').code).toBe(2);
    expect(run('digest', '--format', 'pdf').code).toBe(2);
    const missing = path.join(dir, 'none.db');
    const r = papers(['digest', '--db', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no database');
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('papers digest formats', () => {
  it('HTML to --out: self-contained, inline styles, the tricky title read back as written', () => {
    const { dir, run } = freshDb('day1');
    const out = path.join(dir, 'issue.html');
    const r = run('digest', '--format', 'html', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const $ = load(fs.readFileSync(out, 'utf8'));
    expect($('script, style, link, img, iframe').length).toBe(0);
    expect(
      $('h3 a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual([TRICKY, 'Prefix Tuning at Scale: $10^9$ Parameters & #1 on the Leaderboard', 'Prefix Tuning Revisited']);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // An existing file is replaced only with --force; the database never.
    const again = run('digest', '--all', '--dry-run', '--format', 'html', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect(run('digest', '--all', '--dry-run', '--format', 'html', '--out', out, '--force').code).toBe(0);
    const onDb = run('digest', '--dry-run', '--out', path.join(dir, 'd.db'), '--force');
    expect(onDb.code).toBe(1);
    expect(onDb.stderr).toContain('refusing');
  });

  it('RSS and Atom parse with rss-parser; JSON Feed has its required fields', async () => {
    const { run } = freshDb('day1', 'day2');
    const parser = new Parser();
    const rss = await parser.parseString(run('digest', '--dry-run', '--format', 'rss').stdout);
    expect(rss.items.map((i) => i.title)).toEqual([
      'LoRA & <Friends>: *Fast* [Adapters] at 50% of the_cost',
      'Direct Preference Optimization without a Reference Model',
      'Prefix Tuning at Scale: $10^9$ Parameters & #1 on the Leaderboard',
      'Prefix Tuning Revisited',
    ]);
    expect(rss.items.every((i) => i.link?.startsWith('https://huggingface.co/papers/') && i.guid && i.pubDate)).toBe(true);

    const atom = await parser.parseString(run('digest', '--dry-run', '--format', 'atom').stdout);
    const decoded = (s: string | undefined) => load(`<p>${s ?? ''}</p>`)('p').text();
    expect(decoded(atom.items[0]!.title)).toBe(TRICKY);
    expect(atom.items.map((i) => i.id)).toEqual([
      'https://arxiv.org/abs/2605.01234',
      'https://arxiv.org/abs/2605.09876',
      'https://arxiv.org/abs/2605.03456',
      'https://arxiv.org/abs/2605.02345',
    ]);

    const json = JSON.parse(run('digest', '--dry-run', '--format', 'jsonfeed').stdout);
    expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    expect(typeof json.title).toBe('string');
    expect(json.items).toHaveLength(4);
    for (const item of json.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html).toBe('string');
    }
    expect(json.items[0].title).toBe(TRICKY);
  });
});
