/**
 * The one output module every command writes through, so --json, --ndjson, --csv, --fields and
 * colour behave the same everywhere. Data goes to stdout (or --out); nothing else does.
 */
import { once } from 'node:events';
import { Chalk, type ChalkInstance } from 'chalk';
import { UsageError } from '../errors.js';
import { escapeTerminal } from '../sanitize.js';
import { COUNT_CAP } from '../vocabulary.js';
import { csvLine } from './csv.js';
import { flatCell, layoutTable, parseFields, pick, tsvLine, type OutputFormat, type View } from './render.js';

/**
 * The format flags every listing command takes, as the output module reads them. They are declared
 * once, in commands/options.ts (`asListing`); tsc checks at every outputContext call that what
 * commander infers from that declaration fits this.
 */
export interface FormatFlags {
  json?: boolean;
  ndjson?: boolean;
  /** --nl: sqlite-utils' name for --ndjson. */
  nl?: boolean;
  csv?: boolean;
  tsv?: boolean;
  /** --table: a table even when piped. */
  table?: boolean;
  fields?: string;
  /** commander's --no-headers sets false: TSV and CSV without their header line. */
  headers?: boolean;
  /** --jq EXPR: the JSON array filtered through jq, as gh does. */
  jq?: string;
  color?: boolean; // commander's --no-color sets false
}

export interface OutputContext {
  format: OutputFormat;
  /** The format was asked for by a flag (--tsv...), not picked because stdout is a pipe. */
  chosen: boolean;
  fields: string[] | null;
  chalk: ChalkInstance;
  width: number;
  out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** A header line in TSV and CSV (sqlite-utils' default; false with --no-headers). */
  headers?: boolean;
  /** A jq filter to run over the JSON array instead of printing it. */
  jq?: string | null;
}

/** What a listing says when --limit cut it: how many rows there were in all. */
export interface ListingOptions {
  /** The table's text when there are no rows. */
  empty?: string;
  /** The number of rows before --limit, when --limit cut the listing (else null or absent). */
  total?: number | null;
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

/** Whether a listing flag (a format, --fields, --jq) was given: citation formats take none of them. */
export function listingFlagGiven(flags: FormatFlags): boolean {
  const given = [flags.json, flags.ndjson, flags.nl, flags.csv, flags.tsv, flags.table, flags.fields, flags.jq];
  return given.some((f) => f !== undefined && f !== false);
}

/** Picks the output format from the flags and whether stdout is a terminal. */
export function chooseFormat(flags: FormatFlags, isTTY: boolean): OutputFormat {
  const asked = { ...flags, ndjson: flags.ndjson || flags.nl };
  const chosen = (['json', 'ndjson', 'csv', 'tsv', 'table'] as const).filter((f) => asked[f]);
  if (flags.jq !== undefined && chosen.some((f) => f !== 'json')) {
    throw new UsageError(`--jq filters JSON: it does not go with --${chosen.filter((f) => f !== 'json').join(', --')}`);
  }
  if (chosen.length > 1) throw new UsageError(`choose one of --${chosen.join(', --')}`);
  if (flags.jq !== undefined) return 'json';
  return chosen[0] ?? (isTTY ? 'table' : 'tsv');
}

/**
 * The terminal's width: the stream's; else $COLUMNS when exported; else, piped into a pager with
 * `--table`, the width of the terminal stderr still writes to; else 100.
 */
export function terminalWidth(
  out: { columns?: number },
  env: NodeJS.ProcessEnv = process.env,
  err: { columns?: number; isTTY?: boolean } = process.stderr,
): number {
  if (out.columns && out.columns > 0) return out.columns;
  const cols = Number(env.COLUMNS);
  if (Number.isInteger(cols) && cols > 0) return cols;
  return err.isTTY && err.columns && err.columns > 0 ? err.columns : 100;
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
  if (flags.jq !== undefined && flags.jq.trim() === '') throw new UsageError('--jq needs a filter, e.g. --jq ".[].title"');
  return {
    format,
    chosen: Boolean(flags.json || flags.ndjson || flags.nl || flags.csv || flags.tsv || flags.table || flags.jq !== undefined),
    fields,
    chalk: new Chalk({ level }),
    width: terminalWidth(out),
    out,
    headers: flags.headers !== false,
    jq: flags.jq ?? null,
  };
}

/**
 * Says on stderr that --limit cut a listing, in every format: a file meant to hold all is never
 * cut silently. A total past `cap` was counted only that far: "more than" the cap.
 */
export function noteCut(
  shown: number,
  total: number | null | undefined,
  err: NodeJS.WritableStream = process.stderr,
  cap = COUNT_CAP,
): void {
  if (total == null || total <= shown) return;
  err.write(`${shown} of ${total > cap ? `more than ${cap}` : total} shown; --limit 0 for all\n`);
}

/** Bytes whose slice() is a view (subarray), for jq-wasm's stdin (see writeJq). */
class ViewSlice extends Uint8Array {
  override slice(start?: number, end?: number): ViewSlice {
    return this.subarray(start, end) as ViewSlice;
  }
}

/** Runs a jq filter over a JSON value (jq-wasm, loaded only when asked) and writes its output, strings raw as gh does. */
export async function writeJq(value: unknown, filter: string, out: NodeJS.WritableStream): Promise<void> {
  const jq = await import('jq-wasm');
  let text: string;
  // jq-wasm 1.0.1 feeds its stdin a byte at a time with `buffer.slice(1)`, copying the rest of
  // the input for every byte: 610 KB of JSON took 21 s. Its encoder's output is given a slice()
  // that returns a view instead (same bytes, no copy): 0.7 s. Undone as soon as jq has run.
  // (Its stdout grows the same way, so a large *output* stays slow: 61 KB costs ~0.75 s.)
  const encode = TextEncoder.prototype.encode;
  TextEncoder.prototype.encode = function (this: TextEncoder, input?: string) {
    const bytes = encode.call(this, input);
    return new ViewSlice(bytes.buffer, bytes.byteOffset, bytes.length);
  };
  try {
    text = await jq.raw(JSON.stringify(value), filter, ['-r']);
  } catch (err) {
    throw new UsageError(`--jq '${filter}': ${(err as Error).message.trim()}`);
  } finally {
    TextEncoder.prototype.encode = encode;
  }
  // jq's raw strings reach a terminal escaped like every cell (see sanitize.ts); a pipe gets jq's own output.
  if ((out as { isTTY?: boolean }).isTTY) text = escapeTerminal(text);
  if (text !== '') await write(out, text.endsWith('\n') ? text : text + '\n');
}

/** Writes, waiting for the stream to drain when its buffer is full (so a big export stays small in memory). */
export async function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * Writes a listing in the chosen format. JSON, NDJSON and CSV stream row by row; the table waits
 * for all rows (it needs their widths) and says so when there are none.
 */
export async function emitRows<T>(
  rows: Iterable<T>,
  view: View<T>,
  ctx: OutputContext,
  options: string | ListingOptions = {},
): Promise<number> {
  const opts = typeof options === 'string' ? { empty: options } : options;
  const n = await emitAll(rows, view, ctx, opts.empty ?? 'no results');
  noteCut(n, opts.total);
  return n;
}

async function emitAll<T>(rows: Iterable<T>, view: View<T>, ctx: OutputContext, empty: string): Promise<number> {
  const { out, fields, format } = ctx;
  let n = 0;
  if (ctx.jq != null) {
    const all: Record<string, unknown>[] = [];
    for (const row of rows) all.push(pick(view.toJSON(row), fields));
    await writeJq(all, ctx.jq, out);
    return all.length;
  }
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
    if (ctx.headers !== false) await write(out, csvLine(keys) + '\r\n');
    for (const row of rows) {
      const obj = view.toJSON(row);
      await write(out, csvLine(keys.map((k) => obj[k])) + '\r\n');
      n++;
    }
    return n;
  }
  // Fields asked for by name are data: in TSV a nested value is its JSON, not the table's summary
  // of it (`--fields claims` gives the claims, not their count).
  const columns = fields
    ? fields.map((f) => {
        const shown = view.columns.find((c) => c.key === f) ?? { key: f, header: f };
        return format === 'tsv' ? { ...shown, cell: undefined } : shown;
      })
    : view.columns;
  // Tabs and line breaks inside a value would break a row in two, in a table as in TSV; other
  // control characters are shown escaped, never obeyed (a title's ESC[2J must not clear the screen).
  const cellsOf = (row: T) =>
    columns.map((c) => escapeTerminal((c.cell ? c.cell(row) : flatCell(view.toJSON(row)[c.key])).replace(/[\t\r\n]+/g, ' ')));
  if (format === 'tsv') {
    // sqlite-utils' TSV: a header line of the keys, unless --no-headers.
    if (ctx.headers !== false) await write(out, tsvLine(columns.map((c) => c.key)) + '\n');
    for (const row of rows) {
      await write(out, tsvLine(cellsOf(row)) + '\n');
      n++;
    }
    if (n === 0) process.stderr.write(`${empty}\n`);
    return n;
  }
  const all = [...rows];
  if (all.length === 0) {
    // A message, not data: stdout stays empty, so `papers query x | wc -l` counts papers.
    process.stderr.write(`${empty}\n`);
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
    columns.map((c) => c.min),
    columns.map((c) => c.keep),
  );
  const [header, ...body] = laid;
  await write(out, ctx.chalk.bold(header!.join('  ').trimEnd()) + '\n');
  for (let i = 0; i < body.length; i++) {
    const styled = body[i]!.map((cell, j) => (columns[j]!.style ? columns[j]!.style!(cell, all[i]!) : cell));
    await write(out, styled.join('  ').trimEnd() + '\n');
  }
  return all.length;
}

/** Writes one value as indented JSON: a command's `--json` summary (ingest, forget), an export file. */
export function emitJson(value: unknown, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  return write(out, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Writes one object (a summary, a record, statistics): JSON in the data formats, else the text
 * the command renders for people.
 */
export async function emitObject(obj: unknown, ctx: OutputContext, text: () => string): Promise<void> {
  if (ctx.jq != null) return writeJq(obj, ctx.jq, ctx.out);
  if (ctx.format === 'json') return emitJson(obj, ctx.out);
  if (ctx.format === 'ndjson') return write(ctx.out, JSON.stringify(obj) + '\n');
  return write(ctx.out, text());
}

/**
 * Writes one record (a paper, the statistics) that also has a flat form, rows of a view: the rows
 * in CSV, in TSV when asked for (a pipe with no flag gets the text), and with --fields outside a
 * table (or inside one too, with `fieldsInTable`); else the object as emitObject writes it.
 */
export async function emitRecord<T>(
  obj: unknown,
  ctx: OutputContext,
  text: () => string,
  flat: { rows: Iterable<T>; view: View<T>; fieldsInTable?: boolean },
): Promise<void> {
  const fieldRows = ctx.fields !== null && (ctx.format !== 'table' || flat.fieldsInTable === true);
  if (ctx.format === 'csv' || (ctx.format === 'tsv' && ctx.chosen) || fieldRows) {
    await emitRows(flat.rows, flat.view, ctx);
    return;
  }
  await emitObject(obj, ctx, text);
}
