/**
 * The one output module every command writes through, so --json, --ndjson, --csv, --fields and
 * colour behave the same everywhere. Data goes to stdout (or --out); nothing else does.
 */
import { once } from 'node:events';
import { Chalk, type ChalkInstance } from 'chalk';
import { UsageError } from '../errors.js';
import { escapeTerminal } from '../sanitize.js';
import { csvLine, flatCell, layoutTable, parseFields, pick, tsvLine, type OutputFormat, type View } from './format.js';

/** The format flags every listing command takes. */
export interface FormatFlags {
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
  fields?: string;
  color?: boolean; // commander's --no-color sets false
}

export interface OutputContext {
  format: OutputFormat;
  fields: string[] | null;
  chalk: ChalkInstance;
  width: number;
  out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/**
 * Colour is for people: on only when writing to a terminal, and off with NO_COLOR (any non-empty
 * value, per no-color.org; chalk itself does not read it), --no-color or TERM=dumb.
 */
export function colorEnabled(isTTY: boolean, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.FORCE_COLOR !== undefined) return true;
  return isTTY;
}

/** Picks the output format from the flags and whether stdout is a terminal. */
export function chooseFormat(flags: FormatFlags, isTTY: boolean): OutputFormat {
  const chosen = (['json', 'ndjson', 'csv'] as const).filter((f) => flags[f]);
  if (chosen.length > 1) throw new UsageError(`choose one of --${chosen.join(', --')}`);
  return chosen[0] ?? (isTTY ? 'table' : 'tsv');
}

export function outputContext(
  flags: FormatFlags,
  validFields: readonly string[] | null,
  out: OutputContext['out'] = process.stdout,
): OutputContext {
  const isTTY = Boolean(out.isTTY);
  const format = chooseFormat(flags, isTTY);
  const fields = validFields ? parseFields(flags.fields, validFields) : null;
  const level = colorEnabled(isTTY, flags.color) && format === 'table' ? 3 : 0;
  return { format, fields, chalk: new Chalk({ level }), width: out.columns ?? 100, out };
}

/** Writes, waiting for the stream to drain when its buffer is full (so a big export stays small in memory). */
export async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Writes a listing in the chosen format. JSON, NDJSON and CSV stream row by row; the table waits
 * for all rows (it needs their widths) and says so when there are none.
 */
export async function emitRows<T>(rows: Iterable<T>, view: View<T>, ctx: OutputContext, empty = 'no results'): Promise<number> {
  const { out, fields, format } = ctx;
  let n = 0;
  if (format === 'json') {
    await write(out, '[');
    for (const row of rows) {
      await write(out, (n++ === 0 ? '\n' : ',\n') + JSON.stringify(pick(view.toJSON(row), fields)));
    }
    await write(out, n === 0 ? ']\n' : '\n]\n');
    return n;
  }
  if (format === 'ndjson') {
    for (const row of rows) {
      await write(out, JSON.stringify(pick(view.toJSON(row), fields)) + '\n');
      n++;
    }
    return n;
  }
  if (format === 'csv') {
    const keys = fields ?? [...view.fields];
    await write(out, csvLine(keys) + '\r\n');
    for (const row of rows) {
      const obj = view.toJSON(row);
      await write(out, csvLine(keys.map((k) => obj[k])) + '\r\n');
      n++;
    }
    return n;
  }
  const columns = fields ? fields.map((f) => view.columns.find((c) => c.key === f) ?? { key: f, header: f }) : view.columns;
  // Tabs and line breaks inside a value would break a row in two, in a table as in TSV; other
  // control characters are shown escaped, never obeyed (a title's ESC[2J must not clear the screen).
  const cellsOf = (row: T) =>
    columns.map((c) => escapeTerminal((c.cell ? c.cell(row) : flatCell(view.toJSON(row)[c.key])).replace(/[\t\r\n]+/g, ' ')));
  if (format === 'tsv') {
    for (const row of rows) {
      await write(out, tsvLine(cellsOf(row)) + '\n');
      n++;
    }
    return n;
  }
  const all = [...rows];
  if (all.length === 0) {
    await write(out, ctx.chalk.dim(empty) + '\n');
    return 0;
  }
  const flex = columns.findIndex((c) => c.flex);
  const laid = layoutTable(
    columns.map((c) => c.header),
    all.map(cellsOf),
    flex,
    ctx.width,
    columns.map((c) => c.align),
    columns.map((c) => c.max),
  );
  const [header, ...body] = laid;
  await write(out, ctx.chalk.bold(header!.join('  ').trimEnd()) + '\n');
  for (let i = 0; i < body.length; i++) {
    const styled = body[i]!.map((cell, j) => (columns[j]!.style ? columns[j]!.style!(cell, all[i]!) : cell));
    await write(out, styled.join('  ').trimEnd() + '\n');
  }
  return all.length;
}

/**
 * Writes one object (a summary, a record, statistics): JSON in the data formats, else the text
 * the command renders for people.
 */
export async function emitObject(obj: unknown, ctx: OutputContext, text: () => string): Promise<void> {
  if (ctx.format === 'json') return write(ctx.out, JSON.stringify(obj, null, 2) + '\n');
  if (ctx.format === 'ndjson') return write(ctx.out, JSON.stringify(obj) + '\n');
  return write(ctx.out, text());
}
