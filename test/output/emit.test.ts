import { EventEmitter } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Chalk, type ChalkInstance } from 'chalk';
import { UsageError } from '../../src/errors.js';
import {
  chooseFormat,
  colorEnabled,
  emitObject,
  emitRecord,
  emitRows,
  listingFlagGiven,
  outputContext,
  type FormatFlags,
  type OutputContext,
} from '../../src/output/emit.js';
import { displayWidth, type OutputFormat, type View } from '../../src/output/render.js';

/** A PassThrough that looks like a terminal (or a pipe) and collects what is written. */
function sink(opts: { isTTY?: boolean; columns?: number } = {}) {
  const out = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  if (opts.isTTY !== undefined) out.isTTY = opts.isTTY;
  if (opts.columns !== undefined) out.columns = opts.columns;
  out.setEncoding('utf8');
  let text = '';
  out.on('data', (d: string) => (text += d));
  return {
    out,
    /** Ends the stream and gives everything written to it. */
    async text(): Promise<string> {
      const ended = new Promise((resolve) => out.once('end', resolve));
      out.end();
      await ended;
      return text;
    },
  };
}

interface Row {
  id: string;
  title: string;
  n: number;
  tags: string[] | null;
  url: string;
}

const ESC = '\x1b[';
/** Like the real views: column styles come from the context's chalk. */
function makeView(chalk: ChalkInstance): View<Row> {
  return {
    fields: ['id', 'title', 'n', 'tags', 'url'],
    toJSON: (r) => ({ id: r.id, title: r.title, n: r.n, tags: r.tags, url: r.url }),
    columns: [
      { key: 'id', header: 'ID', style: (s) => chalk.cyan(s) },
      { key: 'title', header: 'TITLE', flex: true },
      { key: 'n', header: 'N', align: 'right' },
      { key: 'tags', header: 'TAGS', cell: (r) => (r.tags ?? []).join('|') },
    ],
  };
}
const view = makeView(new Chalk({ level: 0 }));

const ROWS: Row[] = [
  { id: 'p1', title: 'Low-rank adaptation, revisited', n: 3, tags: ['lora', 'peft'], url: 'https://a.example/1' },
  { id: 'p2', title: 'Tabs\there and\na "newline"', n: 12, tags: null, url: 'https://a.example/2' },
];
/** Rows a terminal table can show as they are (no tabs or line breaks). */
const CLEAN: Row[] = [ROWS[0]!, { ...ROWS[1]!, title: 'Short' }];

function ctxFor(
  format: OutputFormat,
  out: OutputContext['out'],
  opts: { fields?: string[] | null; width?: number; level?: 0 | 3; headers?: boolean } = {},
): OutputContext {
  return {
    format,
    chosen: true,
    fields: opts.fields ?? null,
    chalk: new Chalk({ level: opts.level ?? 0 }),
    width: opts.width ?? 80,
    out,
    headers: opts.headers,
  };
}

async function emit(
  format: OutputFormat,
  rows: Iterable<Row>,
  opts: { fields?: string[] | null; width?: number; level?: 0 | 3; empty?: string; headers?: boolean } = {},
) {
  const s = sink();
  const ctx = ctxFor(format, s.out, opts);
  const n = await emitRows(rows, makeView(ctx.chalk), ctx, opts.empty);
  return { n, text: await s.text() };
}

describe('colorEnabled', () => {
  it.each([
    // isTTY, --color flag, env, expected
    [true, undefined, {}, true],
    [false, undefined, {}, false],
    [true, true, {}, true],
    [true, false, {}, false],
    [true, undefined, { NO_COLOR: '1' }, false],
    [true, undefined, { NO_COLOR: 'false' }, false],
    [true, undefined, { NO_COLOR: '' }, true],
    [true, undefined, { TERM: 'dumb' }, false],
    [true, undefined, { TERM: 'xterm-256color' }, true],
    [false, undefined, { FORCE_COLOR: '1' }, true],
    [false, undefined, { FORCE_COLOR: '3' }, true],
    [false, undefined, { FORCE_COLOR: '0' }, false],
    [false, undefined, { FORCE_COLOR: '' }, true], // as in Node and chalk: present but empty forces colour
    [false, false, { FORCE_COLOR: '1' }, false],
    [false, undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
    [false, undefined, { FORCE_COLOR: '1', TERM: 'dumb' }, false],
  ] as const)('isTTY=%s flag=%s env=%j -> %s', (isTTY, flag, env, expected) => {
    expect(colorEnabled(isTTY, flag, env as NodeJS.ProcessEnv)).toBe(expected);
  });

  // Regression (src/output/emit.ts colorEnabled): FORCE_COLOR=0 (or =false) only fails to force
  // colour; on a terminal the result falls through to isTTY and colour stays on. Node
  // (tty.getColorDepth) and chalk/supports-color treat FORCE_COLOR=0|false as "colour off".
  // Expected false, actual true. (FORCE_COLOR=false on a pipe even gives true.)
  it.each([
    [true, { FORCE_COLOR: '0' }],
    [true, { FORCE_COLOR: 'false' }],
    [false, { FORCE_COLOR: 'false' }],
  ])('isTTY=%s env=%j turns colour off', (isTTY, env) => {
    expect(colorEnabled(isTTY, undefined, env as NodeJS.ProcessEnv)).toBe(false);
  });
});

describe('chooseFormat', () => {
  it.each([
    [{}, true, 'table'],
    [{}, false, 'tsv'],
    [{ json: true }, true, 'json'],
    [{ json: true }, false, 'json'],
    [{ ndjson: true }, true, 'ndjson'],
    [{ csv: true }, false, 'csv'],
    [{ json: false, csv: false }, true, 'table'],
    [{ json: true, ndjson: false }, false, 'json'],
    [{ fields: 'id' }, false, 'tsv'],
  ] as [FormatFlags, boolean, OutputFormat][])('%j, isTTY=%s -> %s', (flags, isTTY, expected) => {
    expect(chooseFormat(flags, isTTY)).toBe(expected);
  });

  it.each([
    [{ json: true, csv: true }, 'choose one of --json, --csv'],
    [{ json: true, ndjson: true }, 'choose one of --json, --ndjson'],
    [{ ndjson: true, csv: true }, 'choose one of --ndjson, --csv'],
    [{ json: true, ndjson: true, csv: true }, 'choose one of --json, --ndjson, --csv'],
  ] as [FormatFlags, string][])('%j is a UsageError', (flags, message) => {
    expect(() => chooseFormat(flags, true)).toThrow(UsageError);
    expect(() => chooseFormat(flags, false)).toThrow(message);
  });
});

describe('outputContext', () => {
  afterEach(() => vi.unstubAllEnvs());
  const cleanEnv = () => {
    vi.stubEnv('NO_COLOR', undefined);
    vi.stubEnv('FORCE_COLOR', undefined);
    vi.stubEnv('TERM', 'xterm-256color');
  };

  it.each([
    // flags, isTTY, columns, format, width, chalk level
    [{}, true, 123, 'table', 123, 3],
    [{}, true, undefined, 'table', 100, 3],
    [{}, false, undefined, 'tsv', 100, 0],
    [{ color: false }, true, 90, 'table', 90, 0],
    [{ json: true }, true, 90, 'json', 90, 0],
    [{ csv: true }, true, 90, 'csv', 90, 0],
  ] as [FormatFlags, boolean, number | undefined, OutputFormat, number, number][])(
    '%j isTTY=%s columns=%s -> %s, width %i, colour level %i',
    (flags, isTTY, columns, format, width, level) => {
      cleanEnv();
      const ctx = outputContext(flags, null, sink({ isTTY, columns }).out);
      expect(ctx.format).toBe(format);
      expect(ctx.width).toBe(width);
      expect(ctx.chalk.level).toBe(level);
    },
  );

  it.each([
    // flags, isTTY, chosen: a format asked for by a flag, not picked for the terminal or the pipe
    [{}, false, false],
    [{}, true, false],
    [{ fields: 'id' }, false, false],
    [{ tsv: true }, false, true],
    [{ table: true }, false, true],
    [{ nl: true }, true, true],
    [{ jq: '.[]' }, true, true],
  ] as [FormatFlags, boolean, boolean][])('%j isTTY=%s: chosen %s', (flags, isTTY, chosen) => {
    expect(outputContext(flags, null, sink({ isTTY }).out).chosen).toBe(chosen);
  });

  it('turns colour off for a terminal with NO_COLOR set', () => {
    cleanEnv();
    vi.stubEnv('NO_COLOR', '1');
    expect(outputContext({}, null, sink({ isTTY: true }).out).chalk.level).toBe(0);
  });

  it('parses --fields against the valid fields, and ignores them when the command has none', () => {
    const out = sink().out;
    expect(outputContext({ fields: 'title, id' }, ['id', 'title'], out).fields).toEqual(['title', 'id']);
    expect(outputContext({}, ['id', 'title'], out).fields).toBeNull();
    expect(outputContext({ fields: 'nope' }, null, out).fields).toBeNull();
    expect(() => outputContext({ fields: 'nope' }, ['id', 'title'], out)).toThrow(UsageError);
  });
});

describe('emitRows', () => {
  describe('json', () => {
    it('writes [] and a newline when there are no rows', async () => {
      expect(await emit('json', [])).toEqual({ n: 0, text: '[]\n' });
    });

    it('writes one array, a row a line, with the JSON objects of the rows', async () => {
      const { n, text } = await emit('json', ROWS);
      expect(n).toBe(2);
      expect(text).toBe(`[\n${JSON.stringify(view.toJSON(ROWS[0]!))},\n${JSON.stringify(view.toJSON(ROWS[1]!))}\n]\n`);
      expect(JSON.parse(text)).toEqual(ROWS.map(view.toJSON));
    });

    it('keeps only --fields, in their order', async () => {
      const { text } = await emit('json', ROWS, { fields: ['title', 'id'] });
      const parsed = JSON.parse(text) as Record<string, unknown>[];
      expect(parsed.map((o) => Object.keys(o))).toEqual([
        ['title', 'id'],
        ['title', 'id'],
      ]);
      expect(parsed[1]).toEqual({ title: ROWS[1]!.title, id: 'p2' });
    });

    it('streams from a generator', async () => {
      function* gen() {
        yield* ROWS;
      }
      expect(JSON.parse((await emit('json', gen())).text)).toHaveLength(2);
    });
  });

  describe('ndjson', () => {
    it.each([
      [[], ''],
      [ROWS.slice(0, 1), JSON.stringify(view.toJSON(ROWS[0]!)) + '\n'],
    ])('%# writes one JSON object a line', async (rows, expected) => {
      expect((await emit('ndjson', rows)).text).toBe(expected);
    });

    it('writes a line per row, with --fields', async () => {
      const { n, text } = await emit('ndjson', ROWS, { fields: ['n'] });
      expect(n).toBe(2);
      expect(text).toBe('{"n":3}\n{"n":12}\n');
    });
  });

  describe('csv', () => {
    it('writes the header only when there are no rows', async () => {
      expect(await emit('csv', [])).toEqual({ n: 0, text: 'id,title,n,tags,url\r\n' });
    });

    it('writes a header and RFC 4180 records ending in CRLF, nested values as JSON', async () => {
      const { n, text } = await emit('csv', ROWS);
      expect(n).toBe(2);
      expect(text).toBe(
        'id,title,n,tags,url\r\n' +
          'p1,"Low-rank adaptation, revisited",3,"[""lora"",""peft""]",https://a.example/1\r\n' +
          'p2,"Tabs\there and\na ""newline""",12,,https://a.example/2\r\n',
      );
    });

    it('uses --fields for the header and the cells', async () => {
      expect((await emit('csv', ROWS, { fields: ['url', 'n'] })).text).toBe(
        'url,n\r\nhttps://a.example/1,3\r\nhttps://a.example/2,12\r\n',
      );
    });
  });

  describe('tsv', () => {
    it('writes the column cells, a row a line, with tabs and newlines in values flattened', async () => {
      const { n, text } = await emit('tsv', ROWS);
      expect(n).toBe(2);
      expect(text).toBe(
        'id\ttitle\tn\ttags\n' + 'p1\tLow-rank adaptation, revisited\t3\tlora|peft\n' + 'p2\tTabs here and a "newline"\t12\t\n',
      );
    });

    it('never writes escape codes, even with colour on and styled columns', async () => {
      const { text } = await emit('tsv', ROWS, { level: 3 });
      expect(text).not.toContain('\x1b');
    });

    it('writes the header line only when there are no rows, and nothing with --no-headers', async () => {
      expect(await emit('tsv', [])).toEqual({ n: 0, text: 'id\ttitle\tn\ttags\n' });
      expect(await emit('tsv', [], { headers: false })).toEqual({ n: 0, text: '' });
      expect((await emit('tsv', ROWS, { headers: false })).text.startsWith('p1\t')).toBe(true);
    });

    it('with --fields: the JSON values, nested ones as JSON (not the table cell)', async () => {
      expect((await emit('tsv', ROWS, { fields: ['tags', 'url', 'n'] })).text).toBe(
        'tags\turl\tn\n["lora","peft"]\thttps://a.example/1\t3\n\thttps://a.example/2\t12\n',
      );
    });
  });

  describe('table', () => {
    it('writes a header, then the rows laid out (right-aligned N, flex TITLE), no colour at level 0', async () => {
      const { n, text } = await emit('table', CLEAN, { width: 60 });
      expect(n).toBe(2);
      // widths: ID 2, TITLE 30 (its natural width, room is 41), N 2, TAGS 9; trailing spaces trimmed
      expect(text.split('\n')).toEqual([
        'ID  TITLE' + ' '.repeat(25 + 2 + 1) + 'N  TAGS',
        'p1  Low-rank adaptation, revisited' + ' '.repeat(2 + 1) + '3  lora|peft',
        'p2  Short' + ' '.repeat(25 + 2) + '12',
        '',
      ]);
    });

    it('fits the terminal width, cutting the title with …', async () => {
      const long: Row = { ...ROWS[0]!, title: 'word '.repeat(40).trim() };
      const { text } = await emit('table', [long], { width: 50 });
      const lines = text.trimEnd().split('\n');
      expect(lines[1]).toContain('…');
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(50);
      expect(displayWidth(lines[1]!)).toBe(50);
    });

    it('styles the header bold and applies column styles at colour level 3, after layout', async () => {
      const { text } = await emit('table', CLEAN, { width: 60, level: 3 });
      const [header, first] = text.split('\n');
      expect(header).toBe(`${ESC}1mID  TITLE${' '.repeat(28)}N  TAGS${ESC}22m`);
      expect(first!.startsWith(`${ESC}36mp1${ESC}39m  Low-rank`)).toBe(true);
    });

    it.each([
      [undefined, 'no results\n'],
      ['no papers match', 'no papers match\n'],
    ])('says %j on stderr when there are no rows, nothing on stdout', async (empty, expected) => {
      const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        expect(await emit('table', [], { empty })).toEqual({ n: 0, text: '' });
        expect(err.mock.calls.map((c) => String(c[0])).join('')).toBe(expected);
      } finally {
        err.mockRestore();
      }
    });

    // Regression (src/output/emit.ts emitRows, table form): cells go to layoutTable as they are, so a value
    // holding a line break (or a tab) breaks its row across lines and shifts the columns; the TSV
    // form flattens them (tsvLine) but the table does not. Input: a row whose title is
    // 'Tabs\there and\na "newline"'. Expected: header + one line per row. Actual: the row is split in
    // two lines ('p2  Tabs\there and' / 'a "newline"  12').
    it('keeps each row on one line when a value holds a tab or a line break', async () => {
      const { text } = await emit('table', ROWS, { width: 80 });
      const lines = text.trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatch(/^p2 {2}Tabs here and a "newline" +12$/);
    });

    it('shows only --fields, with the key as the header of a field that has no column', async () => {
      const { text } = await emit('table', ROWS, { fields: ['url', 'id'] });
      expect(text.split('\n')).toEqual(['url                  ID', 'https://a.example/1  p1', 'https://a.example/2  p2', '']);
    });
  });

  describe('backpressure', () => {
    /** write() always reports a full buffer and drains later; counts writes made before the drain. */
    class SlowStream extends EventEmitter {
      chunks: string[] = [];
      full = false;
      early = 0;
      write(chunk: string): boolean {
        if (this.full) this.early++;
        this.chunks.push(chunk);
        this.full = true;
        setTimeout(() => {
          this.full = false;
          this.emit('drain');
        }, 1);
        return false;
      }
    }

    const many: Row[] = Array.from({ length: 25 }, (_, i) => ({ id: `p${i}`, title: `T${i}`, n: i, tags: null, url: '' }));

    it.each(['json', 'ndjson', 'csv', 'tsv', 'table'] as OutputFormat[])(
      '%s waits for drain and writes everything in order',
      async (format) => {
        const slow = new SlowStream();
        const ref = sink();
        await emitRows(many, view, ctxFor(format, ref.out));
        const expected = await ref.text();
        const n = await emitRows(many, view, ctxFor(format, slow as unknown as OutputContext['out']));
        expect(n).toBe(25);
        expect(slow.early).toBe(0);
        expect(slow.chunks.join('')).toBe(expected);
      },
    );

    it('a real Writable with a tiny buffer gets every row, in order', async () => {
      const got: string[] = [];
      let maxBuffered = 0;
      const out = new Writable({
        highWaterMark: 8,
        decodeStrings: false,
        write(chunk: string, _enc, cb) {
          got.push(chunk);
          setTimeout(cb, 0);
        },
      });
      const origWrite = out.write.bind(out);
      out.write = ((chunk: string) => {
        const ok = origWrite(chunk);
        maxBuffered = Math.max(maxBuffered, out.writableLength);
        return ok;
      }) as typeof out.write;
      const n = await emitRows(many, view, ctxFor('ndjson', out));
      expect(n).toBe(25);
      await new Promise<void>((resolve) => out.end(resolve));
      expect(got.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(many.map((r) => r.id));
      // never more than one line waiting: each write waited for the previous one to drain
      expect(maxBuffered).toBeLessThanOrEqual(Math.max(...got.map((l) => l.length)));
    });
  });
});

describe('emitObject', () => {
  const obj = { papers: 2, nested: { a: [1, 2] } };

  it.each([
    ['json', JSON.stringify(obj, null, 2) + '\n', false],
    ['ndjson', '{"papers":2,"nested":{"a":[1,2]}}\n', false],
    ['table', 'TEXT FOR PEOPLE\n', true],
    ['tsv', 'TEXT FOR PEOPLE\n', true],
    ['csv', 'TEXT FOR PEOPLE\n', true],
  ] as [OutputFormat, string, boolean][])('%s writes %j', async (format, expected, textCalled) => {
    const s = sink();
    const text = vi.fn(() => 'TEXT FOR PEOPLE\n');
    await emitObject(obj, ctxFor(format, s.out), text);
    expect(await s.text()).toBe(expected);
    expect(text).toHaveBeenCalledTimes(textCalled ? 1 : 0);
  });
});

describe('emitRecord: one record, its rows in the flat forms', () => {
  const row: Row = { id: 'p1', title: 'One', n: 1, tags: null, url: 'u' };
  const fields = (format: OutputFormat) => (format === 'tsv' ? ['id'] : ['id', 'n']);

  it.each([
    // format, chosen by a flag, --fields, fieldsInTable, what is written
    ['csv', true, false, false, 'id,title,n,tags,url\r\np1,One,1,,u\r\n'],
    ['tsv', true, false, false, 'id\ttitle\tn\ttags\np1\tOne\t1\t\n'],
    ['tsv', false, false, false, 'TEXT\n'],
    ['tsv', false, true, false, 'id\np1\n'],
    ['ndjson', true, true, false, '{"id":"p1","n":1}\n'],
    ['ndjson', true, false, false, '{"id":"p1"}\n'],
    ['table', false, false, false, 'TEXT\n'],
    ['table', false, true, false, 'TEXT\n'],
    ['table', false, true, true, 'ID  N\np1  1\n'],
  ] as [OutputFormat, boolean, boolean, boolean, string][])(
    '%s (chosen %s, --fields %s, fieldsInTable %s) writes %j',
    async (format, chosen, withFields, fieldsInTable, expected) => {
      const s = sink();
      const ctx = { ...ctxFor(format, s.out, { fields: withFields ? fields(format) : null }), chosen };
      await emitRecord({ id: 'p1' }, ctx, () => 'TEXT\n', { rows: [row], view: makeView(ctx.chalk), fieldsInTable });
      expect(await s.text()).toBe(expected);
    },
  );
});

describe('listingFlagGiven', () => {
  it.each([
    [{}, false],
    [{ color: false, headers: false }, false],
    [{ json: true }, true],
    [{ nl: true }, true],
    [{ fields: 'id' }, true],
    [{ jq: '.' }, true],
  ] as [FormatFlags, boolean][])('%j: %s', (flags, given) => expect(listingFlagGiven(flags)).toBe(given));
});
