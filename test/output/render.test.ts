import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UsageError } from '../../src/errors.js';
import { csvCell, csvLine } from '../../src/output/csv.js';
import { displayWidth, flatCell, layoutTable, parseFields, pick, truncate, tsvLine } from '../../src/output/render.js';

const VALID = ['id', 'title', 'abstract'] as const;

describe('parseFields', () => {
  it.each([
    [undefined, null],
    ['id', ['id']],
    ['id,title', ['id', 'title']],
    ['title,id', ['title', 'id']],
    [' id , title ', ['id', 'title']],
    ['id,,title,', ['id', 'title']],
    ['abstract', ['abstract']],
  ] as const)('%j -> %j', (spec, expected) => {
    expect(parseFields(spec, VALID)).toEqual(expected);
  });

  it.each([
    ['', /--fields needs at least one field name/],
    ['   ', /--fields needs at least one field name/],
    [' , ,', /--fields needs at least one field name/],
    ['nope', /^unknown field nope; valid fields: id, title, abstract$/],
    ['id,nope,zap', /^unknown fields nope, zap; valid fields: id, title, abstract$/],
    ['ID', /^unknown field ID;/],
    ['ti tle', /^unknown field ti tle;/],
  ])('%j is a UsageError %s', (spec, message) => {
    expect(() => parseFields(spec, VALID)).toThrow(UsageError);
    expect(() => parseFields(spec, VALID)).toThrow(message);
  });
});

describe('pick', () => {
  const obj = { a: 1, b: 'two', c: null };
  it.each([
    [null, obj],
    [['a'], { a: 1 }],
    [['c', 'a'], { c: null, a: 1 }],
    [['zz'], { zz: undefined }],
    [[], {}],
  ] as const)('%j -> %j', (fields, expected) => {
    expect(pick(obj, fields as string[] | null)).toStrictEqual(expected);
  });

  it('keeps the order the fields were given in', () => {
    expect(Object.keys(pick(obj, ['c', 'b', 'a']))).toEqual(['c', 'b', 'a']);
  });
});

describe('flatCell', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['text', 'text'],
    [0, '0'],
    [1.5, '1.5'],
    [false, 'false'],
    [true, 'true'],
    [[1, 'a'], '[1,"a"]'],
    [{ a: 1, b: [null] }, '{"a":1,"b":[null]}'],
    [[], '[]'],
  ])('%j -> %j', (v, expected) => {
    expect(flatCell(v)).toBe(expected);
  });
});

describe('csvLine', () => {
  it.each([
    [['a', 'b', 'c'], 'a,b,c'],
    [['a,b'], '"a,b"'],
    [['say "hi"'], '"say ""hi"""'],
    [['"'], '""""'],
    [['line\nbreak'], '"line\nbreak"'],
    [['carriage\rreturn'], '"carriage\rreturn"'],
    [['crlf\r\n'], '"crlf\r\n"'],
    [[null, undefined, ''], ',,'],
    [[1, true, 2.5], '1,true,2.5'],
    [[' padded '], ' padded '],
    [['tab\there'], 'tab\there'],
    [[{ a: 'x,y' }], '"{""a"":""x,y""}"'],
    [[['p', 'q']], '"[""p"",""q""]"'],
    [[[7]], '[7]'],
    [['é', '中文'], 'é,中文'],
    [[], ''],
  ])('%j -> %j', (values, expected) => {
    expect(csvLine(values)).toBe(expected);
  });

  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1', "'+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['a=b', 'a=b'],
    [-0.5, '-0.5'],
    [['=x'], '["=x"]'],
  ])('csvCell(%j) = %j (formula cells neutralised, numbers kept)', (v, expected) => {
    expect(csvCell(v)).toBe(expected);
  });

  it('round-trips any fields through a strict RFC 4180 parser', () => {
    const unit = fc.oneof(fc.constantFrom(',', '"', '\r', '\n', ' ', 'a', 'é', '中'), fc.string({ maxLength: 3 }));
    const field = fc.array(unit, { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), (values) => {
        expect(parseCsvRecord(csvLine(values))).toEqual(values.map(csvCell));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips nested values as their JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 4 }), (values) => {
        expect(parseCsvRecord(csvLine(values))).toEqual(values.map(csvCell));
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * One RFC 4180 record (no trailing line break). Strict: an unquoted field may not hold `"`, CR or
 * LF, and a quoted field must close and be followed by `,` or the end.
 */
function parseCsvRecord(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated quoted field in ${JSON.stringify(line)}`);
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += line[i++];
      }
      if (i < line.length && line[i] !== ',') throw new Error(`text after a closing quote in ${JSON.stringify(line)}`);
    } else {
      while (i < line.length && line[i] !== ',') {
        if (/["\r\n]/.test(line[i]!))
          throw new Error(`unquoted field holds ${JSON.stringify(line[i])} in ${JSON.stringify(line)}`);
        field += line[i++];
      }
    }
    fields.push(field);
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

describe('parseCsvRecord (the test oracle itself)', () => {
  it.each([
    ['a,b', ['a', 'b']],
    ['"a,b",c', ['a,b', 'c']],
    ['"x""y"', ['x"y']],
    ['', ['']],
    [',', ['', '']],
  ])('%j -> %j', (line, expected) => {
    expect(parseCsvRecord(line)).toEqual(expected);
  });
  it.each(['a"b', '"abc', '"a"b', 'a\nb'])('rejects %j', (line) => {
    expect(() => parseCsvRecord(line)).toThrow();
  });
});

describe('tsvLine', () => {
  it.each([
    [['a', 'b', 'c'], 'a\tb\tc'],
    [['a\tb', 'c'], 'a b\tc'],
    [['line\nbreak'], 'line break'],
    [['crlf\r\nend'], 'crlf end'],
    [['x\n\n\t\ty'], 'x y'],
    [['', ''], '\t'],
    [['"quoted", and, commas'], '"quoted", and, commas'],
    [[], ''],
  ])('%j -> %j', (values, expected) => {
    expect(tsvLine(values)).toBe(expected);
  });

  it('always gives one line with one cell per value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', '\t', '\n', '\r', ' ', 'b') }), { minLength: 1, maxLength: 6 }),
        (values) => {
          const line = tsvLine(values);
          expect(line).not.toMatch(/[\r\n]/);
          expect(line.split('\t')).toHaveLength(values.length);
        },
      ),
    );
  });
});

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 1],
    ['…', 1],
    ['中文', 4],
    ['한국어', 6],
    ['a中b', 4],
    ['ひらがな', 8],
    ['Ａ', 2], // fullwidth Latin
    ['ｱ', 1], // halfwidth katakana
    ['😀', 2],
    ['🚀x', 3],
    ['𠀀', 2], // CJK extension B (astral)
    ['—', 1],
  ])('%j is %i columns', (s, expected) => {
    expect(displayWidth(s)).toBe(expected);
  });
});

describe('truncate', () => {
  it.each([
    ['hello', 10, 'hello'],
    ['hello', 5, 'hello'],
    ['hello world', 5, 'hell…'],
    ['hello world', 2, 'h…'],
    ['hello', 1, '…'],
    ['hello', 0, ''],
    ['hello', -3, ''],
    ['', 0, ''],
    ['', 3, ''],
    ['中文字幕', 8, '中文字幕'],
    ['中文字幕', 7, '中文字…'],
    ['中文字幕', 6, '中文…'],
    ['中文字幕', 5, '中文…'],
    ['中文字幕', 4, '中…'],
    ['中文字幕', 2, '…'],
    ['ab中', 3, 'ab…'],
    ['😀😀😀', 4, '😀…'],
    ['😀😀😀', 6, '😀😀😀'],
  ])('(%j, %i) -> %j', (s, width, expected) => {
    expect(truncate(s, width)).toBe(expected);
  });

  it('never exceeds the width, keeps a prefix, and marks a cut with …', () => {
    const text = fc.string({
      unit: fc.oneof(fc.constantFrom('a', ' ', '中', '😀', 'é', 'Ａ'), fc.string({ unit: 'grapheme', maxLength: 1 })),
    });
    fc.assert(
      fc.property(text, fc.integer({ min: -2, max: 30 }), (s, w) => {
        const t = truncate(s, w);
        expect(displayWidth(t)).toBeLessThanOrEqual(Math.max(0, w));
        if (w > 0 && displayWidth(s) <= w) expect(t).toBe(s);
        if (w > 0 && displayWidth(s) > w) {
          expect(t.endsWith('…')).toBe(true);
          expect(s.startsWith(t.slice(0, -1))).toBe(true);
          // as long as possible: one more character would not have fitted
          const next = [...s][[...t.slice(0, -1)].length]!;
          expect(displayWidth(t.slice(0, -1) + next)).toBeGreaterThan(w - 1);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('layoutTable', () => {
  const widths = (row: string[]) => row.map(displayWidth);
  const lineWidth = (row: string[]) => displayWidth(row.join('  '));

  it('gives the flex column the room left over, and cuts it with …', () => {
    const laid = layoutTable(['ID', 'TITLE', 'N'], [['a1', 'x'.repeat(100), '3']], 1, 40, [undefined, undefined, 'right']);
    // fixed: ID 2 + N 1 + two gaps of 2 = 7, so the title gets 33
    expect(laid.map(widths)).toEqual([
      [2, 33, 1],
      [2, 33, 1],
    ]);
    expect(laid[1]![1]).toBe('x'.repeat(32) + '…');
    expect(laid.map(lineWidth)).toEqual([40, 40]);
  });

  it.each([
    // [terminal width, title, expected title column width]
    [80, 'a title of exactly thirty chars', 31], // its natural width: no stretching
    [80, 'short', 10], // at least 10, even when the text is narrower
    [30, 'x'.repeat(50), 23], // 30 - (ID 2 + N 1 + two gaps of 2)
    [20, 'x'.repeat(50), 13],
    [15, 'x'.repeat(50), 10], // room would be 8: the flex column keeps at least 10
    [5, 'x'.repeat(50), 10],
  ])('width %i with title %j: title column is %i wide', (width, title, expected) => {
    const [header, row] = layoutTable(['ID', 'TITLE', 'N'], [['a1', title, '3']], 1, width, [undefined, undefined, undefined]);
    expect(displayWidth(header![1]!)).toBe(expected);
    expect(displayWidth(row![1]!)).toBe(expected);
  });

  it('caps fixed columns at 40 and cuts them with …', () => {
    const [header, row] = layoutTable(['URL', 'T'], [['u'.repeat(60), 'x']], 1, 200, [undefined, undefined]);
    expect(row![0]).toBe('u'.repeat(39) + '…');
    expect(displayWidth(header![0]!)).toBe(40);
  });

  it('does not cap the flex column at 40', () => {
    const [, row] = layoutTable(['T'], [['x'.repeat(60)]], 0, 200, [undefined]);
    expect(row![0]).toBe('x'.repeat(60));
  });

  it('right-aligns and left-aligns by padding', () => {
    const laid = layoutTable(
      ['NAME', 'N'],
      [
        ['a', '3'],
        ['bb', '12'],
        ['ccc', '1234'],
      ],
      -1,
      80,
      [undefined, 'right'],
    );
    expect(laid).toEqual([
      ['NAME', '   N'],
      ['a   ', '   3'],
      ['bb  ', '  12'],
      ['ccc ', '1234'],
    ]);
  });

  it('measures wide characters as two columns', () => {
    const laid = layoutTable(
      ['A', 'B'],
      [
        ['中文', 'x'],
        ['z', '😀😀'],
      ],
      -1,
      80,
      [undefined, undefined],
    );
    expect(laid).toEqual([
      ['A   ', 'B   '],
      ['中文', 'x   '],
      ['z   ', '😀😀'],
    ]);
  });

  it('a header wider than its cells sets the width', () => {
    expect(layoutTable(['LONG HEADER'], [['x']], -1, 80, [undefined])).toEqual([['LONG HEADER'], ['x          ']]);
  });

  it('with no flex column, nothing is stretched to the terminal width', () => {
    const laid = layoutTable(['A', 'B'], [['x', 'y']], -1, 200, [undefined, undefined]);
    expect(laid.map(lineWidth)).toEqual([4, 4]);
  });

  it('every line fits the width when the fixed columns leave room for 10', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', '中', ' '), maxLength: 80 })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 30, max: 120 }),
        (rows, width) => {
          const laid = layoutTable(
            ['KEY', 'TITLE'],
            rows.map(([k, t]) => [k.replace(/\s/g, '_'), t]),
            1,
            width,
            [undefined, undefined],
          );
          for (const line of laid) expect(lineWidth(line)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });

  // Regression (src/output/render.ts layoutTable): `Math.max(displayWidth(h), ...rows.map(...))` spreads one
  // argument per row, so a table of more than ~125,000 rows throws "RangeError: Maximum call stack
  // size exceeded" (reachable from emitRows in a terminal, e.g. `papers query --limit 0` or
  // `papers sql 'SELECT * FROM sightings'` on a large database). Expected: a normal layout.
  it('lays out a table of 300,000 rows without overflowing the stack', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [String(i)]);
    const laid = layoutTable(['N'], rows, -1, 80, ['right']);
    expect(laid).toHaveLength(300_001);
    expect(laid[300_000]).toEqual(['299999']);
  });
});
