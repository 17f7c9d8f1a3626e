/**
 * The statistics for people (sections with bar charts in a terminal, plain numbers when piped)
 * and as rows of counts for the flat forms (CSV, TSV, --fields).
 */
import type { ChalkInstance } from 'chalk';
import type { Stats } from '../db/listings.js';
import type { View } from './render.js';

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
  columns = 100,
): string[] {
  const lines = [chalk ? chalk.bold(title) : title];
  if (rows.length === 0) return [...lines, '  (none)'];
  const max = Math.max(...rows.map(value));
  const width = Math.max(...rows.map((r) => label(r).length));
  // The bars take the terminal's width left after the labels and counts (2 + label + 2 + 6 + 2).
  const barWidth = Math.max(10, Math.min(60, columns - width - 13));
  for (const r of rows) {
    const v = value(r);
    const chart = charts ? '  ' + (chalk ? chalk.cyan(bar(v, max, barWidth)) : bar(v, max, barWidth)) : '';
    lines.push(`  ${label(r).padEnd(width)}  ${String(v).padStart(6)}${chart}`);
  }
  return lines;
}

/** The stats for people; `charts` off gives the plain text used when piped. */
export function renderStats(s: Stats, chalk: ChalkInstance | null, charts: boolean, columns = 100): string {
  const part = <T>(title: string, rows: T[], label: (r: T) => string, value: (r: T) => number) =>
    section(title, rows, label, value, chalk, charts, columns);
  const out = [
    `${s.papers} papers from ${s.sightings} sightings in ${s.files.length} files`,
    '',
    ...part(
      'Files',
      s.files,
      (f) => `${f.path} (${f.format}, ${f.digest_date ?? 'no date'})`,
      (f) => f.records,
    ),
    '',
    ...part(
      'Digest dates (papers)',
      s.dates,
      (d) => d.date ?? 'no date',
      (d) => d.papers,
    ),
    '',
    ...part(
      'Method families (papers)',
      s.methods,
      (m) => m.family,
      (m) => m.papers,
    ),
    '',
    ...part(
      'Claims by kind',
      s.claims,
      (c) => `${c.kind} (${c.papers} papers)`,
      (c) => c.claims,
    ),
    '',
    ...part(
      'Code',
      [
        { k: 'with a GitHub repository', v: s.code.with_code },
        { k: '  of which promised', v: s.code.promised },
        { k: 'without', v: s.code.without_code },
      ],
      (r) => r.k,
      (r) => r.v,
    ),
    '',
    ...part(
      'How sightings were placed',
      s.match_rules,
      (r) => r.rule,
      (r) => r.sightings,
    ),
  ];
  return out.join('\n') + '\n';
}

/** One count of the stats as a row, for the flat forms (CSV, TSV, NDJSON with --fields). */
export interface StatRow {
  section: string;
  name: string;
  value: number;
}

const STAT_FIELDS = ['section', 'name', 'value'] as const;
export const statView: View<StatRow> = {
  fields: STAT_FIELDS,
  toJSON: (r) => ({ section: r.section, name: r.name, value: r.value }),
  columns: STAT_FIELDS.map((k) => ({ key: k, header: k.toUpperCase() })),
};

/** The stats as rows (pure): `section,name,value`, one per count, in the order of the text form. */
export function statRows(s: Stats): StatRow[] {
  return [
    { section: 'totals', name: 'papers', value: s.papers },
    { section: 'totals', name: 'sightings', value: s.sightings },
    { section: 'totals', name: 'files', value: s.files.length },
    ...s.files.map((f) => ({ section: 'files', name: f.path, value: f.records })),
    ...s.dates.map((d) => ({ section: 'dates', name: d.date ?? '', value: d.papers })),
    ...s.methods.map((m) => ({ section: 'methods', name: m.family, value: m.papers })),
    ...s.claims.map((c) => ({ section: 'claims', name: c.kind, value: c.claims })),
    { section: 'code', name: 'with_code', value: s.code.with_code },
    { section: 'code', name: 'promised', value: s.code.promised },
    { section: 'code', name: 'without_code', value: s.code.without_code },
    ...s.match_rules.map((r) => ({ section: 'match_rules', name: r.rule, value: r.sightings })),
  ];
}
