import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { chooseFormat, noteCut, terminalWidth, type FormatFlags } from '../../src/output/emit.js';
import { displayWidth, layoutTable } from '../../src/output/render.js';

describe('chooseFormat with the whole listing bundle', () => {
  it.each([
    // flags, isTTY, format
    [{ tsv: true }, true, 'tsv'],
    [{ table: true }, false, 'table'],
    [{ nl: true }, false, 'ndjson'],
    [{ nl: true, ndjson: true }, false, 'ndjson'],
    [{ jq: '.[]' }, false, 'json'],
    [{ jq: '.[]', json: true }, true, 'json'],
    [{}, false, 'tsv'],
    [{}, true, 'table'],
  ] as [FormatFlags, boolean, string][])('%j (tty %s) -> %s', (flags, tty, format) => {
    expect(chooseFormat(flags, tty)).toBe(format);
  });

  it.each([[{ tsv: true, csv: true }], [{ table: true, json: true }], [{ jq: '.', csv: true }], [{ jq: '.', nl: true }]] as [
    FormatFlags,
  ][])('%j is a usage error', (flags) => {
    expect(() => chooseFormat(flags, false)).toThrow(UsageError);
  });
});

describe('terminalWidth', () => {
  it.each([
    [{ columns: 120 }, {}, 120],
    [{}, { COLUMNS: '90' }, 90],
    [{}, { COLUMNS: 'wide' }, 100],
    [{}, {}, 100],
  ] as [{ columns?: number }, NodeJS.ProcessEnv, number][])('%j with %j -> %d', (out, env, width) => {
    expect(terminalWidth(out, env, {})).toBe(width);
  });

  it('piped with --table, takes the width of the terminal stderr writes to', () => {
    expect(terminalWidth({}, {}, { isTTY: true, columns: 132 })).toBe(132);
    expect(terminalWidth({}, { COLUMNS: '90' }, { isTTY: true, columns: 132 })).toBe(90);
  });
});

describe('noteCut', () => {
  const said = (shown: number, total: number | null) => {
    const err = new PassThrough();
    let text = '';
    err.on('data', (d: Buffer) => (text += d.toString()));
    noteCut(shown, total, err);
    err.end();
    return text;
  };
  it('says how many of how many when the limit cut the list, and nothing otherwise', () => {
    expect(said(20, 24)).toBe('20 of 24 shown; --limit 0 for all\n');
    expect(said(20, null)).toBe('');
    expect(said(20, 20)).toBe('');
    expect(said(20, 1000)).toBe('20 of 1000 shown; --limit 0 for all\n');
    expect(said(20, 1001)).toBe('20 of more than 1000 shown; --limit 0 for all\n');
  });
});

describe('layoutTable: the flex column gets its share', () => {
  const headers = ['ID', 'TITLE', 'METHODS', 'N'];
  const row = ['2405.15738', 'A title long enough to need the room of a whole terminal line', 'supervised-fine-tuning,lora', '3'];
  const widths = (laid: string[][]) => laid[1]!.map((c) => displayWidth(c));

  it('the title keeps 40% of the width, and METHODS gives way', () => {
    // 60 columns: ID 10 + METHODS 27 + N 1 + gaps 6 left the title 16; it takes 24 (40%) of METHODS' room.
    const [id, title, methods] = widths(layoutTable(headers, [row], 1, 60, [], [undefined, undefined, 40]));
    expect([id, title, methods]).toEqual([10, 24, 19]);
  });

  it('a kept column is never cut, a column with a min not below it', () => {
    const laid = layoutTable(headers, [row], 1, 50, [], [], [undefined, undefined, 20], [true]);
    const [id, , methods] = widths(laid);
    expect(id).toBe(10);
    expect(methods).toBe(20);
  });

  it('with room to spare nothing is cut', () => {
    const laid = layoutTable(headers, [row], 1, 200, [], [undefined, undefined, 40]);
    expect(laid[1]!.join('  ')).toContain(row[1]);
    expect(laid[1]!.join('  ')).toContain(row[2]);
  });
});
