/**
 * Daily use, end to end with the real binary: the conventions of sqlite-utils, datasette and gh
 * (issue 15). One database built from the shipped fixtures, plus a second ingest of a small file
 * written here (accented authors, upvotes) so that `--new` has something to find.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, papers, ROOT, tempDir } from '../helpers.js';

interface Paper {
  id: string;
  arxiv_id: string | null;
  title: string;
  authors: string[];
  upvotes: number | null;
  first_seen: string | null;
  url: string | null;
  arxiv_url: string | null;
  pdf_url: string | null;
  claims: { unit: string | null; metric: string | null; value: number; kind: string }[];
  methods: { family: string; name: string }[];
}

const dir = tempDir('papers-daily-');
const db = path.join(dir, 'daily.db');
const q = (...args: string[]) => papers([...args, '--db', db]);
let extraNew = 0;

/** A second digest, in the site's JSON form, with accented author names and upvotes. */
const EXTRA = [
  {
    paper: {
      id: '2501.09999',
      title: 'Résumé Tuning: Accented Authors for a Search Test',
      summary:
        'We study how accented author names are matched. Our method improves accuracy by 3% on a benchmark of names written with and without accents.',
      authors: [{ name: 'José Müller' }, { name: 'Zoë Ångström' }],
      upvotes: 999,
      publishedAt: '2025-01-09T00:00:00.000Z',
    },
  },
];

beforeAll(() => {
  const first = papers(['ingest', path.join(ROOT, 'fixtures'), '--db', db, '--quiet']);
  expect(first.code, first.stderr).toBe(0);
  const extraDir = path.join(dir, 'extra');
  fs.mkdirSync(extraDir);
  fs.writeFileSync(path.join(extraDir, '2025-01-10.json'), JSON.stringify(EXTRA));
  const second = papers(['ingest', extraDir, '--db', db, '--json']);
  expect(second.code, second.stderr).toBe(0);
  extraNew = json<{ new: number }>(second).new;
});

describe('getting started', () => {
  it('--db works before the command as well as after it', () => {
    const before = papers(['--db', db, 'query', '--limit', '3', '--json']);
    const after = q('query', '--limit', '3', '--json');
    expect(before.code, before.stderr).toBe(0);
    expect(json(before)).toEqual(json(after));
    expect(json<Paper[]>(before)).toHaveLength(3);
  });

  it('ingest of a path that does not exist creates no database', () => {
    const d = tempDir();
    const r = papers(['ingest', path.join(d, 'nonexistent')], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nonexistent/);
    expect(fs.readdirSync(d)).toEqual([]);
  });
});

describe('lists and formats: one behaviour everywhere', () => {
  const LISTINGS: string[][] = [['query'], ['claims'], ['links'], ['methods'], ['dupes'], ['export']];

  it.each(LISTINGS)('%s takes --json --ndjson --nl --csv --tsv --table --fields --limit --no-headers --jq', (cmd) => {
    const field = cmd === 'methods' ? 'family' : cmd === 'query' || cmd === 'export' ? 'id' : 'paper_id';
    for (const flags of [
      ['--json'],
      ['--ndjson'],
      ['--nl'],
      ['--csv'],
      ['--tsv'],
      ['--table'],
      ['--tsv', '--no-headers'],
      ['--fields', field],
      ['--jq', `.[0].${field}`],
    ]) {
      const r = q(cmd, ...flags, '--limit', '2');
      expect(r.code, `${cmd} ${flags.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length, `${cmd} ${flags.join(' ')}`).toBeGreaterThan(0);
    }
    // --nl is --ndjson under sqlite-utils' name.
    expect(q(cmd, '--nl', '--limit', '2').stdout).toBe(q(cmd, '--ndjson', '--limit', '2').stdout);
    // A TSV header names each column once (a spreadsheet or pandas keys columns by it).
    const header = q(cmd, '--tsv', '--limit', '2').stdout.split('\n')[0]!.split('\t');
    expect(new Set(header).size, header.join(' ')).toBe(header.length);
  });

  it('sql takes the same format flags (its --limit is its own)', () => {
    const stmt = 'SELECT id, title FROM papers ORDER BY rid';
    const tsv = q('sql', stmt, '--limit', '2', '--tsv').stdout.trimEnd().split('\n');
    expect(tsv[0]).toBe('id\ttitle');
    expect(tsv).toHaveLength(3);
    expect(q('sql', stmt, '--limit', '2', '--tsv', '--no-headers').stdout.trimEnd().split('\n')).toEqual(tsv.slice(1));
    expect(q('sql', stmt, '--limit', '2', '--nl').stdout).toBe(q('sql', stmt, '--limit', '2', '--ndjson').stdout);
    expect(q('sql', stmt, '--limit', '2', '--jq', '.[].id').stdout).toBe(
      tsv
        .slice(1)
        .map((l) => l.split('\t')[0])
        .join('\n') + '\n',
    );
    expect(q('sql', stmt, '--limit', '2', '--table').stdout.split('\n')[0]).toMatch(/^id\s+title$/);
  });

  it.each([['--json'], ['--ndjson'], ['--csv'], ['--tsv'], ['--table'], ['--jq', '.[].id']])(
    'a list cut by --limit says so on stderr with %s, and not when nothing is cut',
    (...flags) => {
      const all = json<Paper[]>(q('query', '--limit', '0', '--json')).length;
      const cut = q('query', ...flags, '--limit', '5');
      expect(cut.code).toBe(0);
      expect(cut.stderr).toBe(`5 of ${all} shown; --limit 0 for all\n`);
      const whole = q('query', ...flags, '--limit', '0');
      expect(whole.stderr).toBe('');
    },
  );

  it('links list 20 by default, like the other listings', () => {
    const r = q('links', '--json');
    expect(json<unknown[]>(r)).toHaveLength(20);
    expect(r.stderr).toMatch(/^20 of \d+ shown; --limit 0 for all\n$/);
  });

  it('piped TSV has a header line of the keys, unless --no-headers', () => {
    const [header, first] = q('claims', '--limit', '1').stdout.split('\n');
    expect(header).toBe('paper_id\ttext\tkind\tmetric\tvalue\ttitle');
    expect(first!.split('\t')).toHaveLength(6);
    expect(q('claims', '--limit', '1', '--no-headers').stdout.split('\n')[0]).toBe(first);
  });

  it('--fields with a nested value prints its JSON when piped, not a count', () => {
    const r = q('query', '--claim', 'accuracy>=90', '--fields', 'id,claims', '--limit', '1');
    const [header, row] = r.stdout.trimEnd().split('\n');
    expect(header).toBe('id\tclaims');
    const claims = JSON.parse(row!.split('\t')[1]!) as Paper['claims'];
    expect(claims.some((c) => c.metric === 'accuracy' && c.value >= 90)).toBe(true);
    const dupes = q('dupes', '--fields', 'sightings', '--limit', '1').stdout.trimEnd().split('\n');
    expect((JSON.parse(dupes[1]!) as unknown[]).length).toBeGreaterThan(1);
  });

  it('"no papers match" is a message on stderr, with nothing on stdout', () => {
    for (const flags of [['--table'], []]) {
      const r = q('query', 'zzzznotaword', ...flags);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(flags.length ? '' : 'id\tlast_seen\ttitle\tmethods\thas_code\tclaims\n');
      expect(r.stderr).toBe('no papers match\n');
    }
  });

  it.each([
    [['dupes', '--rule', 'fuzzy'], /fuzzy-title/],
    [['claims', '--unit', 'parsecs'], /expected one of .*%.*tokens/],
    [['claims', '--kind', 'percentage'], /percent, multiplier, parameters, count, quantity/],
    [['query', '--role', 'introduced'], /proposed, compared, used/],
    [['claims', '--min', '2x'], /plain number/],
    [['query', '--jq', '.[] |||'], /--jq/],
  ])('%j is a usage error naming what is valid', (args, message) => {
    const r = q(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it("--claim 'params<7B' reads params as parameters and B as a billion", () => {
    const ps = json<Paper[]>(q('query', '--claim', 'params<7B', '--limit', '0', '--json'));
    expect(ps.length).toBeGreaterThan(0);
    for (const p of ps) expect(p.claims.some((c) => c.unit === 'parameters' && c.value < 7e9)).toBe(true);
    expect(ps).toEqual(json<Paper[]>(q('query', '--claim', 'parameters<7000000000', '--limit', '0', '--json')));
  });

  it('tables fit the terminal: URLs are not cut at 40 when there is room, and the title gets its share at 80', () => {
    const wide = papers(['links', '--db', db, '--table', '--limit', '0'], { env: { COLUMNS: '220' } });
    const urls = json<{ url: string }[]>(q('links', '--limit', '0', '--json')).map((l) => l.url);
    const longest = urls.reduce((a, b) => (b.length > a.length ? b : a));
    expect(longest.length).toBeGreaterThan(40);
    expect(wide.stdout).toContain(longest);
    const narrow = papers(['query', '--db', db, '--table', '--limit', '5'], { env: { COLUMNS: '80' } });
    const lines = narrow.stdout.trimEnd().split('\n');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    const header = lines[0]!;
    expect(header.indexOf('METHODS') - header.indexOf('TITLE')).toBeGreaterThanOrEqual(32);
  });

  it('stats --csv gives section,name,value rows; its bars use the terminal width', () => {
    const csv = q('stats', '--csv').stdout.split('\r\n');
    expect(csv[0]).toBe('section,name,value');
    expect(csv).toContain(`totals,papers,${json<unknown[]>(q('query', '--limit', '0', '--json')).length}`);
    const bars = (cols: string) =>
      Math.max(
        ...papers(['stats', '--db', db, '--table'], { env: { COLUMNS: cols } })
          .stdout.split('\n')
          .map((l) => (l.match(/█+/)?.[0] ?? '').length),
      );
    expect(bars('160')).toBeGreaterThan(bars('80'));
  });

  it('--jq filters the JSON with jq, strings raw', () => {
    const titles = q('query', '--method', 'lora', '--limit', '3', '--jq', '.[].title').stdout.trimEnd().split('\n');
    const ref = json<Paper[]>(q('query', '--method', 'lora', '--limit', '3', '--json')).map((p) => p.title);
    expect(titles).toEqual(ref);
    expect(JSON.parse(q('stats', '--jq', '.papers').stdout)).toBeGreaterThan(300);
  });

  it('export takes the listing flags beside --format, and they must agree', () => {
    const csv = q('export', '--csv', '--fields', 'id,title,url', '--limit', '3');
    expect(csv.stdout.split('\r\n')[0]).toBe('id,title,url');
    expect(csv.stderr).toMatch(/^3 of \d+ shown/);
    expect(q('export', '--format', 'csv', '--json').code).toBe(2);
  });
});

describe('papers as people refer to them', () => {
  it('every paper object has url, arxiv_url and pdf_url; show prints them', () => {
    const [p] = json<Paper[]>(q('query', '--arxiv', '2405.15738', '--json'));
    expect(p).toMatchObject({
      url: 'https://huggingface.co/papers/2405.15738',
      arxiv_url: 'https://arxiv.org/abs/2405.15738',
      pdf_url: 'https://arxiv.org/pdf/2405.15738',
    });
    const noArxiv = json<Paper[]>(q('query', '--limit', '0', '--json')).find((x) => x.arxiv_id === null)!;
    expect([noArxiv.url, noArxiv.arxiv_url, noArxiv.pdf_url]).toEqual([null, null, null]);
    const shown = q('show', '2405.15738').stdout;
    expect(shown).toContain('https://huggingface.co/papers/2405.15738');
    expect(shown).toContain('https://arxiv.org/pdf/2405.15738');
  });

  it.each([
    'https://arxiv.org/abs/2405.15738',
    'https://arxiv.org/pdf/2405.15738v2',
    'https://huggingface.co/papers/2405.15738',
    'arXiv:2405.15738',
    '2405.15738v2',
    '2405.1573',
  ])('show accepts %s', (ref) => {
    const r = q('show', ref, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(json<Paper>(r).id).toBe('2405.15738');
  });

  it('show accepts a unique prefix of a hash id, and names the candidates of an ambiguous one', () => {
    expect(json<Paper>(q('show', '8143bbb6', '--json')).id).toBe('8143bbb6a6e4');
    const ids = json<Paper[]>(q('query', '--limit', '0', '--json')).map((p) => p.id);
    const prefix = ids.map((id) => id.slice(0, 4)).find((pre, i, all) => all.indexOf(pre) !== i && !/^\d/.test(pre))!;
    const r = q('show', prefix);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`several ids: ${prefix}`));
    expect(q('show', 'ffffffffffff').code).toBe(1);
  });

  it('open prints the page when there is no browser, and starts $BROWSER when there is one', () => {
    const noBrowser = papers(['open', '2405.15738', '--db', db], {
      env: { DISPLAY: undefined, WAYLAND_DISPLAY: undefined, BROWSER: undefined },
    });
    expect(noBrowser.code).toBe(0);
    expect(noBrowser.stdout).toBe('https://huggingface.co/papers/2405.15738\n');
    expect(noBrowser.stderr).toMatch(/no browser/);
    const failing = papers(['open', '2405.15738', '--db', db], { env: { BROWSER: 'false' } });
    expect(failing.stdout).toBe('https://huggingface.co/papers/2405.15738\n');
    const seen = path.join(dir, 'opened.txt');
    const browser = path.join(dir, 'browser.sh');
    fs.writeFileSync(browser, `#!/bin/sh\necho "$1" > ${seen}\n`, { mode: 0o755 });
    const opened = papers(['open', '2405.15738', '--db', db], { env: { BROWSER: browser } });
    expect(opened.code).toBe(0);
    expect(opened.stdout).toBe('');
    expect(fs.readFileSync(seen, 'utf8')).toBe('https://huggingface.co/papers/2405.15738\n');
  });

  it('--author matches any part of a name, ignoring case and accents', () => {
    for (const name of ['josé müller', 'JOSE MULLER', 'angstrom', 'Zoë']) {
      const ps = json<Paper[]>(q('query', '--author', name, '--json'));
      expect(
        ps.map((p) => p.id),
        name,
      ).toEqual(['2501.09999']);
    }
    expect(json<Paper[]>(q('query', '--author', 'Chunjiang Ge', '--json')).map((p) => p.id)).toContain('2405.15738');
  });

  it('--sort upvotes puts the most upvoted first; --min-upvotes keeps those at or above', () => {
    const ps = json<Paper[]>(q('query', '--sort', 'upvotes', '--limit', '10', '--json'));
    expect(ps[0]!.upvotes).toBe(999);
    const votes = ps.map((p) => p.upvotes ?? -1);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
    const some = json<Paper[]>(q('query', '--min-upvotes', '30', '--limit', '0', '--json'));
    expect(some.length).toBeGreaterThan(1);
    expect(some.every((p) => (p.upvotes ?? 0) >= 30)).toBe(true);
  });

  it('--new lists the papers the last ingest created; --first-seen-since those first seen from a date', () => {
    const fresh = json<Paper[]>(q('query', '--new', '--limit', '0', '--json'));
    expect(fresh.map((p) => p.id)).toEqual(['2501.09999']);
    expect(fresh).toHaveLength(extraNew);
    const since = json<Paper[]>(q('query', '--first-seen-since', '2026-05', '--limit', '0', '--json'));
    expect(since.length).toBeGreaterThan(0);
    expect(since.every((p) => p.first_seen! >= '2026-05-01')).toBe(true);
  });

  it('full-text search finds the spelling variants the dedup knows, and NOT alone means all but', () => {
    const count = (...args: string[]) => json<unknown[]>(q('query', ...args, '--limit', '0', '--json')).length;
    const joined = count('finetuning');
    expect(joined).toBeGreaterThan(100);
    expect(count('fine-tuning')).toBe(joined);
    expect(count('"fine tuning"')).toBeLessThanOrEqual(joined);
    const all = count();
    expect(count('NOT lora')).toBe(all - count('lora'));
  });

  it('--method peft is an umbrella over the parameter-efficient families', () => {
    const ids = (m: string) => new Set(json<Paper[]>(q('query', '--method', m, '--limit', '0', '--json')).map((p) => p.id));
    const peft = ids('peft');
    for (const family of ['lora', 'adapter', 'prompt-tuning']) for (const id of ids(family)) expect(peft.has(id)).toBe(true);
    expect([...ids('quantization')].some((id) => !peft.has(id))).toBe(true);
  });

  it('methods lists the umbrella, then each family by its --method id with its label, then its members', () => {
    const rows = json<{ level: string; family: string; name: string; label: string; papers: number }[]>(q('methods', '--json'));
    expect(rows[0]).toMatchObject({ level: 'umbrella', family: 'peft', name: 'peft' });
    const lora = rows.find((r) => r.level === 'family' && r.family === 'lora')!;
    expect(lora.name).toBe('lora');
    expect(lora.label).toMatch(/low-rank/i);
    for (const r of rows.filter((x) => x.level === 'family')) expect(q('query', '--method', r.name, '--limit', '1').code).toBe(0);
  });

  it('a numeric filter on a metric compares only claims in units that fit it', () => {
    const claims = json<{ unit: string | null; text: string }[]>(
      q('claims', '--metric', 'speedup', '--min', '2', '--limit', '0', '--json'),
    );
    expect(claims.length).toBeGreaterThan(3);
    for (const c of claims) expect([null, 'x'], c.text).toContain(c.unit);
    const ps = json<Paper[]>(q('query', '--claim', 'speedup>=2', '--limit', '0', '--json'));
    for (const p of ps)
      expect(p.claims.some((c) => c.metric === 'speedup' && c.value >= 2 && c.unit !== '%' && c.unit !== 's')).toBe(true);
  });
});

describe('the database as other tools see it', () => {
  const hasSqliteUtils = spawnSync('sqlite-utils', ['--version']).status === 0;

  it.skipIf(!hasSqliteUtils)('sqlite-utils finds the full-text index and searches it (skipped without sqlite-utils)', () => {
    const r = spawnSync('sqlite-utils', ['search', db, 'papers', 'lora', '-c', 'id', '--limit', '3'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }[]).length).toBe(3);
  });

  it('papers_fts is declared content="papers", the form sqlite-utils and datasette detect', () => {
    const sql = json<{ sql: string }[]>(q('sql', "SELECT sql FROM sqlite_master WHERE name = 'papers_fts'", '--json'))[0]!.sql;
    expect(sql).toMatch(/USING fts5\(.*content="papers"/s);
  });

  it('has_code is a column of papers, views paper_list and claim_list exist, claims.end_offset needs no quoting', () => {
    const counts = json<{ a: number; b: number }[]>(
      q(
        'sql',
        'SELECT (SELECT count(*) FROM papers WHERE has_code) AS a, (SELECT count(DISTINCT paper_rid) FROM code_links) AS b',
        '--json',
      ),
    )[0]!;
    expect(counts.a).toBe(counts.b);
    const row = json<Record<string, unknown>[]>(
      q('sql', "SELECT url, has_code, first_seen, last_seen, methods FROM paper_list WHERE id = '2405.15738'", '--json'),
    )[0]!;
    expect(row.url).toBe('https://huggingface.co/papers/2405.15738');
    const claim = json<Record<string, unknown>[]>(
      q('sql', 'SELECT title, start, end_offset FROM claim_list LIMIT 1', '--json'),
    )[0]!;
    expect(Object.keys(claim)).toEqual(['title', 'start', 'end_offset']);
    const p = json<{ claims: { end: number; start: number; text: string }[] }[]>(
      q('query', '--has-code', '--limit', '1', '--json'),
    )[0]!;
    for (const c of p.claims) expect(c.end - c.start).toBe(c.text.length);
  });
});
