/**
 * `papers dupes`: papers merged from several sightings, each sighting's title beside the
 * canonical one with the rule and score that attached it, so a merge can be checked (and a
 * threshold tuned). `--near`: pairs kept apart that scored just under the threshold.
 */
import { withReadDb } from '../db/open.js';
import { listDupeGroups, type DupeGroup } from '../db/listings.js';
import { DEFAULT_THRESHOLD } from '../dedup/index.js';
import { nearPairs } from '../dedup/near.js';
import { UsageError } from '../errors.js';
import { parseCountFlag } from '../filters.js';
import { emitRows, outputContext, type FormatFlags } from '../output/emit.js';
import type { View } from '../output/render.js';
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
    { key: 'texts', header: 'TEXTS', cell: textSummary },
    { key: 'title', header: 'TITLE', flex: true },
  ],
};

/** One sighting of a merged paper, for the table: its title as read beside the canonical one. */
interface SightingRow {
  group: DupeGroup;
  index: number;
}

const sightingView: View<SightingRow> = {
  fields: FIELDS,
  toJSON: ({ group }) => view.toJSON(group),
  columns: [
    { key: 'paper_id', header: 'PAPER', keep: true, cell: (r) => (r.index === 0 ? r.group.paper_id : '') },
    { key: 'rule', header: 'RULE', keep: true, cell: (r) => r.group.sightings[r.index]!.rule },
    { key: 'score', header: 'SCORE', keep: true, align: 'right', cell: (r) => r.group.sightings[r.index]!.score.toFixed(2) },
    { key: 'title', header: 'CANONICAL TITLE', max: 32, cell: (r) => (r.index === 0 ? r.group.title : '') },
    { key: 'sightings', header: 'TITLE AS SEEN', flex: true, cell: (r) => r.group.sightings[r.index]!.title },
    {
      key: 'file',
      header: 'SIGHTING',
      max: 28,
      cell: (r) => {
        const s = r.group.sightings[r.index]!;
        return `${s.file.split('/').pop()}:${s.position}`;
      },
    },
  ],
};

interface NearRow {
  score: number;
  paper_id: string;
  title: string;
  other_id: string;
  other_title: string;
}

const NEAR_FIELDS = ['score', 'paper_id', 'title', 'other_id', 'other_title'] as const;

const nearView: View<NearRow> = {
  fields: NEAR_FIELDS,
  toJSON: (r) => ({ ...r }),
  columns: [
    { key: 'score', header: 'SCORE', align: 'right', cell: (r) => r.score.toFixed(3) },
    { key: 'paper_id', header: 'PAPER' },
    { key: 'title', header: 'TITLE', max: 40 },
    { key: 'other_id', header: 'OTHER' },
    { key: 'other_title', header: 'OTHER TITLE', flex: true },
  ],
};

export async function dupesCommand(
  flags: FormatFlags & { db?: string; rule?: string; limit?: string; near?: boolean; margin?: string; threshold?: string },
): Promise<number> {
  const limit = parseCountFlag(flags.limit ?? '20', '--limit');
  if (flags.near) {
    const threshold = Number(flags.threshold ?? DEFAULT_THRESHOLD);
    const margin = Number(flags.margin ?? '0.1');
    if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`invalid --threshold '${flags.threshold}': expected (0, 1]`);
    if (!(margin > 0 && margin < threshold)) throw new UsageError(`invalid --margin '${flags.margin}': expected (0, threshold)`);
    const ctx = outputContext(flags, NEAR_FIELDS);
    await withReadDb(flags.db, (db) => {
      const papers = db
        .prepare<[], { id: string; title: string; abstract: string; arxivId: string | null }>(
          'SELECT id, title, abstract, arxiv_id AS arxivId FROM papers ORDER BY rid',
        )
        .all();
      const byId = new Map(papers.map((p) => [p.id, p]));
      const pairs = nearPairs(papers, threshold, margin);
      const rows = (limit ? pairs.slice(0, limit) : pairs).map(
        (p): NearRow => ({
          score: Math.round(p.score * 1000) / 1000,
          paper_id: p.a,
          title: byId.get(p.a)!.title,
          other_id: p.b,
          other_title: byId.get(p.b)!.title,
        }),
      );
      return emitRows(rows, nearView, ctx, { empty: 'no pairs just under the threshold', total: pairs.length });
    });
    return 0;
  }
  const ctx = outputContext(flags, FIELDS);
  await withReadDb(flags.db, (db) => {
    const page = listDupeGroups(db, flags.rule, limit);
    const opts = { empty: 'no merged papers', total: page.total };
    if (ctx.format !== 'table') return emitRows(page.rows, view, ctx, opts);
    // A person reads each sighting's title beside the canonical one; data formats keep one object a paper.
    const rows = page.rows.flatMap((group) => group.sightings.map((_, index): SightingRow => ({ group, index })));
    return emitRows(rows, sightingView, ctx, { empty: opts.empty });
  });
  return 0;
}
