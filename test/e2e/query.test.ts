import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, json, papers, SEEDS, tempDir } from '../helpers.js';

interface Paper {
  id: string;
  title: string;
  abstract: string;
  has_code: boolean;
  github: { url: string; status: string }[];
  claims: { text: string; start: number; end: number; value: number; metric: string | null; unit: string | null }[];
  methods: { family: string; name: string; role: string }[];
}

const dir = tempDir();
const db = path.join(dir, 'q.db');
const q = (...args: string[]) => papers([...args, '--db', db]);
const ids = (ps: { id: string }[]) => ps.map((p) => p.id).sort();

beforeAll(() => {
  const r = papers(['ingest', SEEDS, '--db', db, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
});

describe('filters', () => {
  it('--method lora --has-code is exactly the intersection of the two', () => {
    const lora = json<Paper[]>(q('query', '--method', 'lora', '--limit', '0', '--json'));
    const code = json<Paper[]>(q('query', '--has-code', '--limit', '0', '--json'));
    const both = json<Paper[]>(q('query', '--method', 'lora', '--has-code', '--limit', '0', '--json'));
    expect(lora.length).toBeGreaterThan(10);
    expect(code.length).toBeGreaterThan(10);
    const codeIds = new Set(ids(code));
    expect(ids(both)).toEqual(ids(lora).filter((id) => codeIds.has(id)));
    expect(lora.every((p) => p.methods.some((m) => m.family === 'lora'))).toBe(true);
    expect(code.every((p) => p.has_code && p.github.length > 0)).toBe(true);
  });

  it('--method qlora narrows to one member, --role to a role', () => {
    const qlora = json<Paper[]>(q('query', '--method', 'qlora', '--limit', '0', '--json'));
    expect(qlora.every((p) => p.methods.some((m) => m.name.toLowerCase() === 'qlora'))).toBe(true);
    const proposed = json<Paper[]>(q('query', '--method', 'lora', '--role', 'proposed', '--limit', '0', '--json'));
    expect(proposed.every((p) => p.methods.some((m) => m.family === 'lora' && m.role === 'proposed'))).toBe(true);
  });

  it('--claim compares claim values by metric or unit', () => {
    const fast = json<Paper[]>(q('query', '--claim', 'speedup>2', '--limit', '0', '--json'));
    expect(fast.length).toBeGreaterThan(0);
    for (const p of fast) expect(p.claims.some((c) => c.metric === 'speedup' && c.value > 2)).toBe(true);
    const small = json<Paper[]>(q('query', '--claim', 'parameters<1e6', '--limit', '0', '--json'));
    for (const p of small) expect(p.claims.some((c) => c.unit === 'parameters' && c.value < 1e6)).toBe(true);
  });

  it('full-text search ranks, and takes phrases and prefixes', () => {
    const r = json<Paper[]>(q('query', 'low-rank adaptation', '--json', '--limit', '5'));
    expect(r.length).toBe(5);
    const phrase = json<Paper[]>(q('query', '"mixture of experts"', '--json', '--limit', '0'));
    expect(phrase.length).toBeGreaterThan(0);
    for (const p of phrase) expect(`${p.title} ${p.abstract}`.toLowerCase()).toMatch(/mixture[\s-]+of[\s-]+experts/);
    const prefix = json<Paper[]>(q('query', 'quantiz*', '--json', '--limit', '0'));
    expect(prefix.length).toBeGreaterThan(0);
  });

  it('--limit caps and 0 means all', () => {
    expect(json<Paper[]>(q('query', '--json'))).toHaveLength(20);
    expect(json<Paper[]>(q('query', '--json', '--limit', '3'))).toHaveLength(3);
    expect(json<Paper[]>(q('query', '--json', '--limit', '0'))).toHaveLength(360);
  });

  it('--file and --arxiv filter; zero results are a success', () => {
    const one = json<Paper[]>(q('query', '--file', '004_*', '--json', '--limit', '0'));
    expect(one).toHaveLength(64);
    const none = q('query', '--arxiv', '2405.99999', '--json');
    expect(none.code).toBe(0);
    expect(json(none)).toEqual([]);
  });
});

describe('formats', () => {
  it('--ndjson prints one object a line', () => {
    const lines = q('query', '--ndjson', '--limit', '4').stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(JSON.parse(l)).toHaveProperty('id');
  });

  it('--csv is RFC 4180 with a header, nested values as JSON', () => {
    const out = q('query', '--csv', '--fields', 'id,title,methods', '--limit', '3').stdout;
    const rows = out.split('\r\n');
    expect(rows[0]).toBe('id,title,methods');
    expect(rows.filter(Boolean)).toHaveLength(4);
    const quoted = q('query', '--csv', '--fields', 'methods', '--method', 'lora', '--limit', '1').stdout.split('\r\n')[1]!;
    expect(quoted.startsWith('"[{""family""')).toBe(true);
  });

  it('--fields keeps only those keys; an unknown one is a usage error naming the valid ones', () => {
    const r = json<object[]>(q('query', '--json', '--fields', 'id,title', '--limit', '2'));
    for (const p of r) expect(Object.keys(p)).toEqual(['id', 'title']);
    const bad = q('query', '--json', '--fields', 'id,nope');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/unknown field nope.*valid fields: id, arxiv_id, title/s);
  });

  it('piped with no format flag: a header line and tab-separated rows, no escape codes, even with FORCE_COLOR unset', () => {
    const r = papers(['query', '--db', db, '--limit', '5'], { env: { NO_COLOR: undefined } });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('id\tlast_seen\ttitle\tmethods\thas_code\tclaims');
    for (const l of lines) expect(l.split('\t').length).toBeGreaterThanOrEqual(3);
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  // Colour is only ever for a terminal, so this runs the binary on a pseudo-terminal (util-linux
  // `script`, part of Debian's base system); piped output is covered above.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('in a terminal: a coloured table, and none with NO_COLOR', () => {
    const inTerminal = (noColor: string | undefined) =>
      spawnSync('script', ['-qec', `${process.execPath} ${BIN} query --db ${db} --limit 3`, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: noColor, FORCE_COLOR: undefined, COLUMNS: '120' } as NodeJS.ProcessEnv,
      });
    const coloured = inTerminal(undefined);
    expect(coloured.status).toBe(0);
    expect(coloured.stdout).toMatch(/\x1b\[[0-9;]*m/);
    expect(coloured.stdout).toMatch(/ID\s+SEEN\s+TITLE/);
    const plain = inTerminal('1');
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/ID\s+SEEN\s+TITLE/);
    expect(plain.stdout).not.toMatch(/\x1b\[[0-9;]*m/);
  });
});

describe('companion commands', () => {
  it('claims lists claims with their paper, filtered', () => {
    const r = json<{ paper_id: string; title: string; value: number; kind: string }[]>(
      q('claims', '--kind', 'percent', '--min', '90', '--json', '--limit', '0'),
    );
    expect(r.length).toBeGreaterThan(0);
    for (const c of r) {
      expect(c.kind).toBe('percent');
      expect(c.value).toBeGreaterThanOrEqual(90);
      expect(c.paper_id).toBeTruthy();
    }
  });

  it('show gives the full record, by id', () => {
    const [first] = json<Paper[]>(q('query', '--json', '--limit', '1', '--has-code'));
    const shown = json<Paper>(q('show', first!.id, '--json'));
    expect(shown).toEqual(first);
    const text = q('show', first!.id);
    expect(text.stdout).toContain(first!.title);
    expect(q('show', 'nope').code).toBe(1);
  });

  it('links --status promised lists promised repos only', () => {
    const r = json<{ status: string }[]>(q('links', '--status', 'promised', '--json'));
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((l) => l.status === 'promised')).toBe(true);
  });

  it('sql reads, and a DELETE fails and changes nothing', () => {
    const count = () => json<{ n: number }[]>(q('sql', 'SELECT count(*) AS n FROM papers', '--json'))[0]!.n;
    expect(count()).toBe(360);
    const del = q('sql', 'DELETE FROM papers');
    expect(del.code).toBe(2);
    expect(del.stderr).toMatch(/read-only/);
    const sneaky = q('sql', 'WITH x AS (SELECT 1) DELETE FROM papers');
    expect(sneaky.code).toBe(2);
    const two = q('sql', 'SELECT 1; DELETE FROM papers');
    expect(two.code).toBe(2);
    expect(count()).toBe(360);
  });

  it('export writes every paper, in each format', () => {
    const out = path.join(dir, 'all.ndjson');
    expect(q('export', '--format', 'ndjson', '--out', out).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(360);
    expect(json<unknown[]>(q('export', '--format', 'json'))).toHaveLength(360);
    expect(q('export', '--format', 'csv').stdout.split('\r\n').filter(Boolean)).toHaveLength(361);
  });

  it('methods, dupes and stats answer in JSON', () => {
    const methods = json<{ family: string; papers: number }[]>(q('methods', '--json'));
    expect(methods.find((m) => m.family === 'lora')!.papers).toBeGreaterThan(10);
    const dupes = json<{ count: number; sightings: { rule: string }[] }[]>(q('dupes', '--json', '--limit', '0'));
    expect(dupes.reduce((n, g) => n + g.count - 1, 0)).toBe(93);
    const stats = json<{ papers: number; sightings: number }>(q('stats', '--json'));
    expect(stats).toMatchObject({ papers: 360, sightings: 453 });
  });
});

describe('errors and exit codes', () => {
  it.each([
    [['query', '--bogus'], /unknown option/],
    [['query', '--limit', 'x'], /invalid --limit/],
    [['query', '--claim', 'accuracy>>x'], /invalid --claim/],
    [['query', '--since', '2024-13'], /invalid --since/],
    [['query', '--method', 'notamethod'], /unknown method/],
    [['query', '"unterminated'], /invalid search text/],
    [['query', '--json', '--csv'], /choose one/],
    [['nosuchcommand'], /unknown command/],
  ])('%j is a usage error: exit 2, a message, nothing on stdout', (args, message) => {
    const r = q(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('a missing database says to ingest first, exits 1 and creates nothing', () => {
    const missing = path.join(dir, 'missing.db');
    const r = papers(['query', '--db', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/papers ingest/);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('--help and --version succeed', () => {
    expect(papers(['--version']).code).toBe(0);
    const help = papers(['query', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:/);
  });
});
