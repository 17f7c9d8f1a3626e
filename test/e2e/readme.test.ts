/**
 * Every `papers ...` example in the README (and in `--help`) runs and does what it says, on a database built from
 * the shipped fixtures: exit 0 and some output (a listing shows at least one row). Examples shown
 * with their output (`$ papers ...` then the output) print the header line the README shows, and
 * the `--limit` note when the README shows one. `npx papers` runs as `papers`; `~/digests` is the
 * fixtures folder (HOME is a temporary folder holding that link).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, papers, ROOT, tempDir } from '../helpers.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface Example {
  /** The command line, without its comment and with `npx papers` as `papers`. */
  line: string;
  /** The output the README shows under a `$ papers ...` line, if any. */
  shown: string[] | null;
}

/** The `papers` lines of the README's code blocks (pure). */
function readmeExamples(text: string): Example[] {
  const out: Example[] = [];
  for (const block of text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
    const [, lang, body] = block;
    const lines = body!.split('\n').filter((l) => l !== '');
    if (lang === 'sh') {
      for (const l of lines) {
        const cmd = l.replace(/\s{2,}#.*$/, '').trim();
        if (/^(?:npx )?papers /.test(cmd)) out.push({ line: cmd.replace(/^npx papers /, 'papers '), shown: null });
      }
    } else if (lang === '' && lines[0]?.startsWith('$ papers ')) {
      out.push({ line: lines[0].slice(2), shown: lines.slice(1) });
    }
  }
  return out;
}

/** The examples of `papers --help` and of every command's --help (`  $ papers ...` lines). */
function helpExamples(): Example[] {
  const help = (args: string[]) => papers([...args, '--help']).stdout;
  const names = [...help([]).matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
  const lines = [help([]), ...names.map((n) => help([n]))].flatMap((h) =>
    [...h.matchAll(/^ {2}\$ (papers .*)$/gm)].map((m) => m[1]!),
  );
  return [...new Set(lines)].map((line) => ({ line, shown: null }));
}

// Each command line once: the README and --help share some (an export to a file twice would need --force).
const examples = [...readmeExamples(readme), ...helpExamples()].filter(
  (e, i, all) => e.shown !== null || all.findIndex((o) => o.line === e.line && o.shown === null) === i,
);
const dir = tempDir('papers-readme-');
const db = path.join(dir, 'papers.db');
const scratch = path.join(dir, 'scratch.db');
const home = path.join(dir, 'home');
const bin = path.join(dir, 'bin');

beforeAll(() => {
  // Two ingests, so that `--new` (papers of the last ingest) has papers to show.
  for (const part of ['seeds', 'forms']) {
    const r = papers(['ingest', path.join(ROOT, 'fixtures', part), '--db', db, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
  }
  fs.mkdirSync(home);
  fs.symlinkSync(path.join(ROOT, 'fixtures'), path.join(home, 'digests'));
  fs.symlinkSync(path.join(ROOT, 'fixtures'), path.join(dir, 'fixtures'));
  fs.mkdirSync(bin);
  fs.symlinkSync(BIN, path.join(bin, 'papers'));
});

/** Runs one example as a shell would, with `papers` on the PATH. */
function run(line: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${bin}:${path.dirname(process.execPath)}:${process.env.PATH}`,
    HOME: home,
    // The examples that ingest write to a scratch database: the others read the one built above.
    PAPERS_DB: /^papers ingest /.test(line) ? scratch : db,
    NO_COLOR: '1',
    COLUMNS: '100',
  };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.BROWSER;
  delete env.FORCE_COLOR;
  return spawnSync('sh', ['-c', line], { cwd: dir, env, encoding: 'utf8' });
}

describe('the README examples', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(25);
    expect(readmeExamples('```sh\nnpx papers query x  # a comment\nnpm test\n```\n')).toEqual([
      { line: 'papers query x', shown: null },
    ]);
  });

  const needsJq = spawnSync('jq', ['--version']).status !== 0;
  it.each(examples.map((e) => [e.line, e] as const))('%s', (line, example) => {
    if (needsJq && /\| *jq /.test(line)) return; // no jq on this machine: nothing to pipe into
    // A shown table is what a terminal gets: force the table form in the pipe, before any `|`.
    const [first, ...rest] = line.split(' | ');
    const r = run(example.shown ? [`${first} --table`, ...rest].join(' | ') : line);
    expect(r.status, `${line}\n${r.stderr}`).toBe(0);
    const written = /(?:^|\s)(?:>|--out)\s/.test(line);
    if (/^papers ingest /.test(line) && !/--json/.test(line)) {
      expect(r.stderr).toMatch(/papers/);
    } else if (!written) {
      const out = r.stdout.trimEnd().split('\n');
      expect(r.stdout.trim(), `${line} printed nothing`).not.toBe('');
      // A listing piped prints a header line first: it must have at least one row under it.
      if (out[0]!.includes('\t')) expect(out.length, `${line} listed nothing`).toBeGreaterThan(1);
      if (r.stdout.trim() === '[]') throw new Error(`${line} printed an empty list`);
    }
    if (example.shown) {
      const note = example.shown.find((l) => /^\d+ of \d+ shown/.test(l));
      const output = example.shown.filter((l) => l !== note);
      expect(r.stdout.split('\n')[0]).toBe(output[0]);
      if (note) expect(r.stderr).toMatch(/^\d+ of \d+ shown; --limit 0 for all$/m);
    }
  });
});
