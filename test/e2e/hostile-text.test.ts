/**
 * Scraped text must not control the terminal or a spreadsheet: a digest whose titles, abstracts,
 * authors, links and even file name carry escape sequences, through the real binary.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, papers, tempDir } from '../helpers.js';

const ESC = '\x1b';
/** Anything a terminal would obey: C0 but tab/LF, DEL, C1, bidi controls. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const dir = tempDir('papers-hostile-');
const db = path.join(dir, 'h.db');
const q = (...args: string[]) => papers([...args, '--db', db]);

const evil = [
  {
    title: `${ESC}[2J${ESC}[31mClear Screen Attack${ESC}[0m on Terminals`,
    paper_url: 'https://huggingface.co/papers/2605.00001',
    authors: [`Mallory${ESC}]52;c;cm0gLXJmIH4=\x07 Example`, 'Eve \u202eevE'],
    details: {
      abstract: `We click ${ESC}]8;;https://evil.example/${ESC}\\here${ESC}]8;;${ESC}\\ to win. Code: https://evil.example/x${ESC}[2J and https://github.com/good/repo.`,
      github_links: [`https://github.com/evil/repo${ESC}[2J`],
    },
  },
  {
    title: `=HYPERLINK("http://evil.example","click") for Spreadsheets`,
    paper_url: 'https://huggingface.co/papers/2605.00002',
    authors: ['@SUM(1+1)'],
    details: { abstract: '+cmd|calc!A0 is a formula that a spreadsheet would run when opened.' },
  },
];

beforeAll(() => {
  const inbox = path.join(dir, 'in');
  fs.mkdirSync(inbox);
  fs.writeFileSync(path.join(inbox, 'trending_scrape_2026-05-12.json'), JSON.stringify(evil));
  // A file whose name is an escape sequence, and that fails, so a message names it.
  fs.writeFileSync(path.join(inbox, `bad${ESC}[2J${ESC}]52;c;eA==\x07.json`), '{"not": "a digest"');
  const r = papers(['ingest', inbox, '--db', db]);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('bad\\x1b[2J');
  expect(r.stderr).not.toMatch(RAW_CONTROL);
});

describe('text is cleaned where it enters', () => {
  it('stores titles, abstracts and authors without control sequences', () => {
    const ps = json<{ id: string; title: string; abstract: string; authors: string[] }[]>(
      q('query', '--json', '--sort', 'title'),
    );
    const attack = ps.find((p) => p.title.startsWith('Clear'))!;
    expect(attack.title).toBe('Clear Screen Attack on Terminals');
    expect(attack.authors).toEqual(['Mallory Example', 'Eve evE']);
    expect(attack.abstract).toContain('We click here to win.');
    expect(JSON.stringify(ps)).not.toMatch(/\\u001b|\\u0007|\u202e/);
  });

  it('keeps no URL with a control character as a link, and keeps the good one', () => {
    const links = json<{ url: string }[]>(q('links', '--json'));
    expect(links.map((l) => l.url)).toEqual(['https://github.com/good/repo']);
    // The abstract's URL lost its escape sequence when the abstract was cleaned: what is left is
    // plain text. The site field's URL carried one into extraction: it is no link at all.
    const shown = json<{ links: { url: string }[]; github: { url: string }[] }>(q('show', '2605.00001', '--json'));
    expect(shown.links.map((l) => l.url)).toEqual(['https://evil.example/x']);
    expect(shown.github.map((l) => l.url)).toEqual(['https://github.com/good/repo']);
  });
});

describe('text is escaped where it leaves', () => {
  beforeAll(() => {
    // A database written before cleaning existed (or by hand): raw control characters stored.
    const w = new Database(db);
    w.prepare('UPDATE papers SET title = ?, authors = ? WHERE arxiv_id = ?').run(
      `Stored ${ESC}[2J raw\r\u202eTitle`,
      JSON.stringify([`A${ESC}]52;c;eA==\x07`]),
      '2605.00001',
    );
    w.close();
  });

  it('piped TSV shows the escapes, never the raw bytes', () => {
    const r = q('query');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    // (a CR, like a tab or line break, becomes a space so a row stays a row)
    expect(r.stdout).toContain('Stored \\x1b[2J raw \\u202eTitle');
  });

  it('show (as text) escapes every field', () => {
    const r = q('show', '2605.00001');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('A\\x1b]52;c;eA==\\x07');
  });

  it('papers sql output (any table) is escaped too', () => {
    const r = q('sql', "SELECT title FROM papers WHERE arxiv_id = '2605.00001'");
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\x1b[2J');
  });

  it('JSON keeps the stored value exactly (JSON escapes it)', () => {
    const p = json<{ title: string }>(q('show', '2605.00001', '--json'));
    expect(p.title).toBe(`Stored ${ESC}[2J raw\r\u202eTitle`);
  });
});

describe('CSV cells a spreadsheet would run are neutralised', () => {
  it('query --csv prefixes a quote to =, +, -, @ cells', () => {
    const r = q('query', '--csv', '--fields', 'title,authors,abstract,upvotes');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""click"") for Spreadsheets"`);
    expect(r.stdout).toContain("'+cmd|calc!A0");
    expect(r.stdout).not.toMatch(/(^|,)[=+@]/m);
  });

  it('export --format csv does the same', () => {
    const r = q('export', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"'=HYPERLINK(`);
    expect(r.stdout).not.toMatch(/(^|,)"?[=+@-]/m);
  });

  it('papers sql --csv: text cells are prefixed, numbers are not', () => {
    const r = q('sql', "SELECT -0.5 AS n, '-1+1' AS t, '@x' AS a, 'ok' AS o", '--csv');
    expect(r.stdout).toBe("n,t,a,o\r\n-0.5,'-1+1,'@x,ok\r\n");
  });
});
