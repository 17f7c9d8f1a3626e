import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDuration, statementKeyword } from '../../src/commands/sql.js';

describe('statementKeyword', () => {
  it.each([
    ['SELECT 1', 'SELECT'],
    ['select * from papers', 'SELECT'],
    ['SeLeCt 1', 'SELECT'],
    ['   \n\t SELECT 1', 'SELECT'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'WITH'],
    ['with recursive t(n) as (values(1)) select n from t', 'WITH'],
    ['VALUES (1), (2)', 'VALUES'],
    ['-- a comment\nSELECT 1', 'SELECT'],
    ['-- one\n-- two\n  select 1', 'SELECT'],
    ['--x\r\nSELECT 1', 'SELECT'],
    ['/* block */ SELECT 1', 'SELECT'],
    ['/**/SELECT 1', 'SELECT'],
    ['/* multi\nline */\n/* two */with x as (select 1) select * from x', 'WITH'],
    ['/* a */ -- b\n  delete from papers', 'DELETE'],
    ['/* SELECT */ DROP TABLE papers', 'DROP'],
    ['-- SELECT\nUPDATE papers SET title = 1', 'UPDATE'],
    ['PRAGMA user_version', 'PRAGMA'],
    ['insert into t values (1)', 'INSERT'],
    ['select/*inline*/1', 'SELECT'],
    ['', ''],
    ['   \n ', ''],
    ['-- only a comment', ''],
    ['/* only a comment */', ''],
    ['/* unterminated SELECT 1', ''],
    ['(SELECT 1)', ''],
    ['1; SELECT 2', ''],
  ])('%j -> %j', (sql, expected) => {
    expect(statementKeyword(sql)).toBe(expected);
  });

  it('is upper case letters or empty, and comments and spaces in front never change it', () => {
    const lead = fc
      .array(fc.constantFrom(' ', '\n', '\t', '-- note\n', '/* c */', '/* x\n y */', '--\n'), { maxLength: 6 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(
        lead,
        fc.constantFrom('select 1', 'WITH a AS (SELECT 1) SELECT 1', 'values (1)', 'delete from t'),
        (prefix, sql) => {
          const k = statementKeyword(prefix + sql);
          expect(k).toBe(statementKeyword(sql));
          expect(k).toMatch(/^[A-Z]+$/);
        },
      ),
    );
  });
});

describe('parseDuration (--timeout)', () => {
  it.each([
    ['30s', 30_000],
    ['500ms', 500],
    ['2m', 120_000],
    ['1.5s', 1500],
    ['1h', 3_600_000],
    ['10', 10_000],
    ['0', 0],
  ])('%j -> %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
  it.each(['', 'soon', '-1s', '5 days', '1e3'])('%j is a usage error', (text) => {
    expect(() => parseDuration(text)).toThrow(/invalid --timeout/);
  });
});
