/**
 * Pure rendering of listings: views and columns, TSV lines, table layout, truncation, --fields
 * selection. CSV cells are in ./csv.ts; the writing (streams, colour, terminals) is in ./emit.ts.
 */
import { UsageError } from '../errors.js';

/** The forms a listing can take. `table` for a terminal, `tsv` when piped with no format flag. */
export type OutputFormat = 'table' | 'tsv' | 'json' | 'ndjson' | 'csv';

/** One column of a listing's table and TSV forms. */
export interface Column<T> {
  /** The JSON key this column shows (and the name --fields selects it by). */
  key: string;
  header: string;
  /** The cell text; defaults to the JSON value of `key` as text. */
  cell?: (row: T) => string;
  /** The one column that takes the room left over (usually the title) and is cut with `…`. */
  flex?: boolean;
  /** The widest a fixed column may be in a table (default 40); longer cells are cut with `…`. */
  max?: number;
  /** The narrowest it gives way to when the flex column needs room (default: its header's width). */
  min?: number;
  /** Never cut to make room for the flex column (ids, dates, short codes people copy). */
  keep?: boolean;
  align?: 'right';
  /** Styling for the terminal table (e.g. chalk.dim); never applied to data formats. */
  style?: (text: string, row: T) => string;
}

/** How one kind of row is shown: its JSON object, and its table columns. */
export interface View<T> {
  /** The JSON object of a row: snake_case keys, the same in every format. */
  toJSON: (row: T) => Record<string, unknown>;
  /** The table/TSV columns, in order. */
  columns: Column<T>[];
  /** The keys --fields accepts (those of toJSON). */
  fields: readonly string[];
}

/** Parses and checks --fields against the view's keys: an unknown one is a usage error. */
export function parseFields(spec: string | undefined, valid: readonly string[]): string[] | null {
  if (spec === undefined) return null;
  const fields = spec
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f.length > 0);
  if (fields.length === 0) throw new UsageError('--fields needs at least one field name');
  const unknown = fields.filter((f) => !valid.includes(f));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; valid fields: ${valid.join(', ')}`,
    );
  }
  return fields;
}

/** Keeps only the selected keys, in the order given. */
export function pick(obj: Record<string, unknown>, fields: string[] | null): Record<string, unknown> {
  if (!fields) return obj;
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = obj[f];
  return out;
}

/** A value as a flat cell: nested values become JSON, null becomes empty. */
export function flatCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** One TSV line for pipes: tabs and line breaks inside a value become spaces so rows stay rows. */
export function tsvLine(values: string[]): string {
  return values.map((v) => v.replace(/[\t\r\n]+/g, ' ')).join('\t');
}

/** Display width of a string: code points, with wide East Asian characters counted as two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Cuts text to a display width, ending it with `…` when cut. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

function pad(s: string, width: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? gap + s : s + gap;
}

/**
 * Lays out a table in `width` columns of terminal: fixed columns take their content's width (capped),
 * the flex column takes what is left and is cut with `…`. Returns the header and row cells, padded,
 * before styling (styling is applied cell by cell by the caller, so widths are of plain text).
 */
export function layoutTable(
  headers: string[],
  rows: string[][],
  flexIndex: number,
  width: number,
  align: ('right' | undefined)[],
  max: (number | undefined)[] = [],
  min: (number | undefined)[] = [],
  keep: (boolean | undefined)[] = [],
): string[][] {
  const gap = 2;
  // A loop, not Math.max(...rows): a spread of 100,000+ rows overflows the call stack.
  const natural = headers.map((h) => displayWidth(h));
  for (const r of rows) for (let i = 0; i < headers.length; i++) natural[i] = Math.max(natural[i]!, displayWidth(r[i] ?? ''));
  const capped = natural.map((w, i) => (i === flexIndex ? w : Math.min(w, max[i] ?? 40)));
  let fixed = capped.reduce((a, w, i) => (i === flexIndex ? a : a + w), 0) + gap * (headers.length - 1);
  if (flexIndex >= 0) {
    // The flex column (the title) gets its share before the others grow: at 80 columns a
    // 24-wide METHODS column left a title of 14 characters. The widest other columns give way,
    // one character at a time, down to their header's width (at least 6) or their `min`.
    const share = Math.min(natural[flexIndex]!, Math.max(20, Math.floor(width * 0.4)));
    const floor = headers.map((h, i) => (keep[i] ? capped[i]! : Math.max(6, displayWidth(h), min[i] ?? 0)));
    while (width - fixed < share) {
      let widest = -1;
      for (let i = 0; i < capped.length; i++) {
        if (i !== flexIndex && capped[i]! > floor[i]! && (widest < 0 || capped[i]! > capped[widest]!)) widest = i;
      }
      if (widest < 0) break;
      capped[widest]!--;
      fixed--;
    }
    capped[flexIndex] = Math.max(10, Math.min(natural[flexIndex]!, width - fixed));
  }
  const fitRow = (cells: string[]) => cells.map((c, i) => pad(truncate(c, capped[i]!), capped[i]!, align[i] === 'right'));
  return [fitRow(headers), ...rows.map(fitRow)];
}
