/**
 * `papers stats`: what the database holds, by file, digest date, method family, claim kind and
 * code availability. Bar charts in a terminal, plain numbers in JSON.
 */
import type { ChalkInstance } from 'chalk';
import { withReadDb } from '../db/open.js';
import { collectStats, type Stats } from '../db/listings.js';
import { escapeTerminalDeep } from '../sanitize.js';
import { emitObject, outputContext, type FormatFlags } from '../output/emit.js';
import { UsageError } from '../errors.js';

/** A horizontal bar for `value` out of `max`, `width` cells wide. */
export function bar(value: number, max: number, width = 30): string {
  if (max <= 0) return '';
  const cells = (value / max) * width;
  const full = Math.floor(cells);
  return '█'.repeat(full) + (cells - full >= 0.5 ? '▌' : '');
}

function section<T>(
  title: string,
  rows: T[],
  label: (r: T) => string,
  value: (r: T) => number,
  chalk: ChalkInstance | null,
  charts: boolean,
): string[] {
  const lines = [chalk ? chalk.bold(title) : title];
  if (rows.length === 0) return [...lines, '  (none)'];
  const max = Math.max(...rows.map(value));
  const width = Math.max(...rows.map((r) => label(r).length));
  for (const r of rows) {
    const v = value(r);
    const chart = charts ? '  ' + (chalk ? chalk.cyan(bar(v, max)) : bar(v, max)) : '';
    lines.push(`  ${label(r).padEnd(width)}  ${String(v).padStart(6)}${chart}`);
  }
  return lines;
}

/** The stats for people; `charts` off gives the plain text used when piped. */
export function renderStats(s: Stats, chalk: ChalkInstance | null, charts: boolean): string {
  const out = [
    `${s.papers} papers from ${s.sightings} sightings in ${s.files.length} files`,
    '',
    ...section(
      'Files',
      s.files,
      (f) => `${f.path} (${f.format}, ${f.digest_date ?? 'no date'})`,
      (f) => f.records,
      chalk,
      charts,
    ),
    '',
    ...section(
      'Digest dates (papers)',
      s.dates,
      (d) => d.date ?? 'no date',
      (d) => d.papers,
      chalk,
      charts,
    ),
    '',
    ...section(
      'Method families (papers)',
      s.methods,
      (m) => m.family,
      (m) => m.papers,
      chalk,
      charts,
    ),
    '',
    ...section(
      'Claims by kind',
      s.claims,
      (c) => `${c.kind} (${c.papers} papers)`,
      (c) => c.claims,
      chalk,
      charts,
    ),
    '',
    ...section(
      'Code',
      [
        { k: 'with a GitHub repository', v: s.code.with_code },
        { k: '  of which promised', v: s.code.promised },
        { k: 'without', v: s.code.without_code },
      ],
      (r) => r.k,
      (r) => r.v,
      chalk,
      charts,
    ),
    '',
    ...section(
      'How sightings were placed',
      s.match_rules,
      (r) => r.rule,
      (r) => r.sightings,
      chalk,
      charts,
    ),
  ];
  return out.join('\n') + '\n';
}

export async function statsCommand(flags: FormatFlags & { db?: string }): Promise<number> {
  const ctx = outputContext(flags, null);
  if (ctx.format === 'csv') throw new UsageError('stats has no CSV form: use --json (or `papers sql` for a table)');
  const stats = await withReadDb(flags.db, collectStats);
  await emitObject(stats, ctx, () =>
    renderStats(escapeTerminalDeep(stats), ctx.format === 'table' ? ctx.chalk : null, ctx.format === 'table'),
  );
  return 0;
}
