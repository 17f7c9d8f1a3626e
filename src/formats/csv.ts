/**
 * CSV and TSV sheets with a header row, read with csv-parse: each row becomes an object keyed by
 * its header and is mapped by fields.ts, so any header the JSON readers know works here, Chinese
 * ones included (`标题, PDF链接, 论文链接, 简明摘要, Upvote数`). Multi-line quoted fields, a UTF-8
 * BOM and a titles-only sheet are fine; a Chinese summary column is a summary, not the abstract.
 */
import { csvParse } from '../deps.js';
import type { FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { findAnchors } from './anchors.js';
import { fileNameDate } from './dates.js';
import { isPaperKey, isTitleKey, normKey, recordFromFields } from './fields.js';
import { NOT_A_DIGEST } from './notADigest.js';
import { finishRecords, guarded } from './reader.js';

export const CSV_FORMAT = 'csv';

const SHEET_NAME = /\.(?:csv|tsv|tab)$/i;

/** The header line's delimiter (tab, comma or semicolon) and its cells, unquoted. */
function header(text: string): { delimiter: string; cells: string[] } | null {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = t.search(/\r?\n|\r/);
  const line = end < 0 ? t : t.slice(0, end);
  if (line.length === 0 || line.length > 2000) return null;
  let delimiter = ',';
  let most = 0;
  for (const d of ['\t', ',', ';']) {
    const n = line.split(d).length - 1;
    if (n > most) {
      most = n;
      delimiter = d;
    }
  }
  const cells = line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  return { delimiter, cells };
}

export const csvReader: FormatReader = guarded({
  name: CSV_FORMAT,
  detect(text, fileName) {
    const h = header(text);
    if (!h) return 0;
    const keys = h.cells.map(normKey);
    // Header cells are short names; a text line with commas is not a header.
    if (h.cells.some((c) => c.length > 40 || c.split(/\s+/).length > 4)) return 0;
    const titled = keys.some(isTitleKey);
    const sheetName = SHEET_NAME.test(fileName);
    if (!titled) return sheetName ? 0.1 : 0;
    const paperish = keys.some((k) => !isTitleKey(k) && isPaperKey(k));
    if (h.cells.length < 2) return sheetName ? 0.6 : 0;
    return paperish ? 0.85 : sheetName ? 0.6 : 0.3;
  },
  split(text, fileName): SplitResult {
    const h = header(text);
    if (!h) throw new ParseError('the sheet has no header row');
    let rows: string[][];
    try {
      rows = csvParse().parse(text, {
        bom: true,
        delimiter: h.delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
      }) as string[][];
    } catch (e) {
      throw new ParseError(`invalid CSV: ${(e instanceof Error ? e.message : String(e)).slice(0, 200)}`);
    }
    const head = rows[0] ?? [];
    const keys = head.map(normKey);
    if (!keys.some(isTitleKey)) {
      // A sheet of something else (a budget, a log) is no digest; one with paper columns or links is.
      if (!keys.some(isPaperKey) && findAnchors(text).length === 0) throw new ParseError(NOT_A_DIGEST.sheetNoPapers);
      throw new ParseError(`the sheet has no title column (header: ${head.slice(0, 8).join(', ').slice(0, 200)})`);
    }
    const warnings: string[] = [];
    const raw = rows.slice(1).map((row, i) => {
      const obj = Object.create(null) as Record<string, unknown>;
      head.forEach((name, c) => {
        const v = row[c];
        if (v !== undefined && v.trim() !== '' && !(name in obj)) obj[name] = v;
      });
      return recordFromFields(obj, i + 1);
    });
    const records = finishRecords(raw, warnings, 'row');
    return { format: CSV_FORMAT, digestDate: fileNameDate(fileName), records, warnings };
  },
});
