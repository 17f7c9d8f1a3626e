/**
 * `papers export`: every paper with its nested data, streamed in batches. With --out the file is
 * written beside its final name and renamed at the end, so a failed export never leaves half a file.
 * Takes the listing flags too (--json, --csv, --fields, --limit, --jq...), beside --format.
 */
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { withReadDb } from '../db/open.js';
import { PAPER_FIELDS, hydratePapers } from '../db/read.js';
import { UsageError } from '../errors.js';
import { parseCount } from '../filters.js';
import { emitRows, outputContext, type FormatFlags } from '../output/emit.js';
import { paperView } from '../output/views.js';

export interface ExportFlags extends FormatFlags {
  db?: string;
  format?: 'ndjson' | 'json' | 'csv';
  out?: string;
  limit?: string;
}

/** The format flags an export runs with: --format and the listing flags agree, NDJSON when neither is given. */
export function exportFormat(flags: ExportFlags): FormatFlags {
  const given = (['json', 'ndjson', 'nl', 'csv', 'tsv', 'table'] as const).filter((f) => flags[f]);
  if (
    flags.format &&
    given.length > 0 &&
    !(given.length === 1 && (given[0] === flags.format || (given[0] === 'nl' && flags.format === 'ndjson')))
  ) {
    throw new UsageError(`--format ${flags.format} and --${given.join(', --')} disagree: give one`);
  }
  if (given.length > 0 || flags.jq !== undefined) return flags;
  return { ...flags, [flags.format ?? 'ndjson']: true };
}

export async function exportCommand(flags: ExportFlags): Promise<number> {
  const formatFlags = exportFormat(flags);
  const limit = parseCount(flags.limit ?? '0', '--limit');
  await withReadDb(flags.db, async (db) => {
    const total = db.prepare('SELECT count(*) FROM papers').pluck().get() as number;
    const rids = db
      .prepare(`SELECT rid FROM papers ORDER BY rid${limit ? ' LIMIT ?' : ''}`)
      .pluck()
      .all(...(limit ? [limit] : [])) as number[];
    const tmp = flags.out ? `${flags.out}.${process.pid}.tmp` : null;
    const out = tmp ? fs.createWriteStream(tmp) : process.stdout;
    const ctx = outputContext(formatFlags, PAPER_FIELDS, out);
    try {
      await emitRows(hydratePapers(db, rids), paperView(ctx.chalk), ctx, { total: rids.length < total ? total : null });
      if (tmp) {
        out.end();
        await finished(out);
        fs.renameSync(tmp, flags.out!);
      }
    } catch (err) {
      if (tmp) fs.rmSync(tmp, { force: true });
      throw err;
    }
  });
  return 0;
}
