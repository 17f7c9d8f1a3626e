/**
 * `papers sql` is bounded: a value too large to print, a statement that runs for ever, more rows
 * than asked for. Each case used to crash Node (out of memory), print a stack, or never return;
 * now each is one line on stderr and exit 1. Through the real binary.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { papers, SEEDS, tempDir } from '../helpers.js';

const dir = tempDir('papers-sql-');
const db = path.join(dir, 's.db');
const sql = (...args: string[]) => papers(['sql', ...args, '--db', db]);

beforeAll(() => {
  const r = papers(['ingest', path.join(SEEDS, '000_980ef8ff142fd5e1.txt'), '--db', db, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
});

/** One line on stderr, no stack trace, no V8 fatal error. */
function oneLineFailure(r: { code: number | null; stderr: string }, message: RegExp): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |FATAL|unexpected error/);
}

describe('papers sql limits', () => {
  it('randomblob(5e8): refused with a message (it aborted Node with an out-of-memory crash)', () => {
    const r = sql('SELECT randomblob(5e8) AS b', '--timeout', '120s');
    oneLineFailure(r, /holds 476\.8 MB: papers sql prints values up to 16\.0 MB|needed more memory/);
  });

  it('zeroblob(2e8) --csv: refused with a message (it printed a stack)', () => {
    const r = sql('SELECT zeroblob(2e8) AS z', '--csv');
    oneLineFailure(r, /row 1, column z holds 190\.7 MB: papers sql prints values up to 16\.0 MB/);
    expect(r.stdout).toBe('z\r\n');
  });

  it('a recursive CTE that never ends is stopped at --timeout', () => {
    const r = sql('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c', '--timeout', '2s');
    oneLineFailure(r, /the statement ran for 2 s and was stopped/);
  });

  it('an endless stream of rows is stopped at --timeout too, or by --limit', () => {
    const endless = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c';
    const r = sql(endless, '--timeout', '1500ms', '--ndjson');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was stopped/);
    const limited = sql(endless, '--limit', '3', '--json');
    expect(limited.code, limited.stderr).toBe(0);
    expect(JSON.parse(limited.stdout)).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
  });

  it('values up to the cap print as before', () => {
    const r = sql("SELECT length(zeroblob(1000)) AS n, 'ok' AS s", '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ n: 1000, s: 'ok' }]);
  });

  it('bad --timeout and --limit are usage errors', () => {
    expect(sql('SELECT 1', '--timeout', 'soon').code).toBe(2);
    expect(sql('SELECT 1', '--limit', '-1').code).toBe(2);
  });

  it('SQL errors and refusals keep their messages and exit codes', () => {
    expect(sql('SELECT nosuch FROM papers').stderr).toMatch(/invalid SQL: no such column: nosuch/);
    expect(sql('SELECT nosuch FROM papers').code).toBe(2);
    const missing = papers(['sql', 'SELECT 1', '--db', path.join(dir, 'none.db')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no database at/);
  });
});

describe('full-text search caps', () => {
  it('100 prefix terms are refused with a message (13 s on 20k papers before)', () => {
    const r = papers(['query', Array(100).fill('a*').join(' '), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too many prefix terms \(word\*\): at most 4 in one search/);
  });

  it('four prefix terms and a 32-word search still run', () => {
    expect(papers(['query', 'lo* ad* ra* mo*', '--db', db, '--json']).code).toBe(0);
    const words = Array.from({ length: 32 }, (_, i) => `w${i}`).join(' OR ');
    expect(papers(['query', words, '--db', db, '--json']).code).toBe(0);
    const tooMany = `${words} OR w32`;
    const r = papers(['query', tooMany, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/too many search terms: at most 32/);
  });
});
