import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { splitDigest } from '../src/formats/index.js';

export const ROOT = path.join(__dirname, '..');
export const BIN = path.join(ROOT, 'bin/papers.js');
export const SEEDS = path.join(ROOT, 'fixtures/seeds');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real binary, as a user would, with colour forced off unless the test asks. */
export function papers(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliResult {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    PAPERS_DB: undefined,
    ...opts.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the binary without waiting (for kill and concurrency tests). */
export function papersAsync(args: string[], opts: { cwd?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.PAPERS_DB;
  return spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A fresh temporary folder, removed by the caller's afterAll/afterEach if it wants. */
export function tempDir(prefix = 'papers-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * The folders tempDir made, removed when the test file's tests are done: the suite builds corpora
 * and databases of several hundred MB, and left behind they filled the disk (46 GB over a day's
 * runs). Each test file has its own copy of this module, so its own list and hook.
 */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // a test that failed may leave something it made undeletable (an immutable file): leave it
    }
  }
});

/** Parses stdout as JSON, failing with the output shown when it is not JSON. */
export function json<T = unknown>(r: CliResult): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`stdout is not JSON (exit ${r.code}):\n${r.stdout.slice(0, 2000)}\nstderr:\n${r.stderr.slice(0, 2000)}`);
  }
}

/** The distinct papers of the seeds (first copy of each title), split by the project's own reader. */
export function seedPapers(): { title: string; abstract: string }[] {
  const byTitle = new Map<string, string>();
  for (const file of fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
    for (const r of splitDigest(text, file).records) if (!byTitle.has(r.title)) byTitle.set(r.title, r.abstract);
  }
  return [...byTitle].map(([title, abstract]) => ({ title, abstract }));
}

/** Every file below a folder, in sorted order. */
export function walkFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = path.join(dir, n);
      return fs.statSync(p).isDirectory() ? walkFiles(p) : [p];
    });
}

/** A greedy hard wrap at `width` columns, as editors and mail clients do it. */
export function wrapAt(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length <= width) {
      out.push(line);
      continue;
    }
    let cur = '';
    for (const w of line.split(' ')) {
      if (!cur) cur = w;
      else if (cur.length + 1 + w.length <= width) cur += ` ${w}`;
      else {
        out.push(cur);
        cur = w;
      }
    }
    out.push(cur);
  }
  return out.join('\n');
}

/**
 * The first `count` seed papers as another scraper has them, as JSON Lines: titles clipped,
 * Title Cased or with a line-break hyphen in turn (the variants the canonical choice must beat).
 */
export function writeTitleVariants(file: string, count: number): void {
  const lines = seedPapers()
    .slice(0, count)
    .map((p, i) => {
      const t = p.title;
      const title = [
        `${t.slice(0, Math.ceil(t.length * 0.7)).trimEnd()}\u2026`,
        t.replace(/\b(to|with|via|for|of|and)\b/g, (w) => w[0]!.toUpperCase() + w.slice(1)),
        t.replace(/(\w)-(\w)/, '$1- $2'),
      ][i % 3]!;
      return JSON.stringify({ paper_title: title, abstract_text: p.abstract });
    });
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}
