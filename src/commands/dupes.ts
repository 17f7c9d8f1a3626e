/**
 * `papers dupes`: papers merged from several sightings, each sighting with the rule and score
 * that attached it, so a merge can be checked (and a threshold tuned).
 */
import { withReadDb } from '../db/open.js';
import { listDupeGroups, type DupeGroup } from '../db/listings.js';
import { parseCountFlag } from '../filters.js';
import { emitRows, outputContext, type FormatFlags } from '../output/emit.js';
import type { View } from '../output/format.js';
import { textKindLabel } from './show.js';

const FIELDS = ['paper_id', 'title', 'count', 'sightings'] as const;

function sightingSummary(g: DupeGroup): string {
  return [
    ...new Set(g.sightings.filter((s) => s.rule !== 'new').map((s) => `${s.rule} ${Math.round(s.score * 100) / 100}`)),
  ].join(', ');
}

/** What the sightings' texts are, counted: "abstract x2, summary (zh)". */
export function textSummary(g: DupeGroup): string {
  const counts = new Map<string, number>();
  for (const s of g.sightings) {
    const label = textKindLabel(s);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => (n > 1 ? `${label} x${n}` : label)).join(', ');
}

const view: View<DupeGroup> = {
  fields: FIELDS,
  toJSON: (g) => ({ paper_id: g.paper_id, title: g.title, count: g.count, sightings: g.sightings }),
  columns: [
    { key: 'paper_id', header: 'PAPER', keep: true },
    { key: 'count', header: 'SIGHTINGS', align: 'right' },
    { key: 'sightings', header: 'RULES', cell: sightingSummary },
    { key: 'sightings', header: 'TEXTS', cell: textSummary },
    { key: 'title', header: 'TITLE', flex: true },
  ],
};

export async function dupesCommand(flags: FormatFlags & { db?: string; rule?: string; limit?: string }): Promise<number> {
  const limit = parseCountFlag(flags.limit ?? '20', '--limit');
  const ctx = outputContext(flags, FIELDS);
  await withReadDb(flags.db, (db) => {
    const page = listDupeGroups(db, flags.rule, limit);
    return emitRows(page.rows, view, ctx, { empty: 'no merged papers', total: page.total });
  });
  return 0;
}
