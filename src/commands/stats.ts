/**
 * `papers stats`: what the database holds, by file, digest date, method family, claim kind and
 * code availability. Bar charts in a terminal, plain numbers in JSON.
 */
import { withReadDb } from '../db/open.js';
import { collectStats } from '../db/listings.js';
import { UsageError } from '../errors.js';
import { emitRecord, outputContext } from '../output/emit.js';
import { renderStats, statRows, statView } from '../output/stats-text.js';
import { escapeTerminalDeep } from '../sanitize.js';
import type { StatsFlags } from './stats.cli.js';

export async function statsCommand(flags: StatsFlags): Promise<number> {
  const ctx = outputContext(flags, statView.fields);
  const stats = await withReadDb(flags.db, collectStats);
  if (ctx.fields && ctx.jq != null) throw new UsageError('stats --fields goes with --csv, --tsv or --ndjson');
  // CSV and TSV (and --fields) are tables of counts, one row each; the rest is the object.
  await emitRecord(
    stats,
    ctx,
    () => renderStats(escapeTerminalDeep(stats), ctx.format === 'table' ? ctx.chalk : null, ctx.format === 'table', ctx.width),
    { rows: statRows(stats), view: statView, fieldsInTable: true },
  );
  return 0;
}
