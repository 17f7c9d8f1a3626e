/**
 * `papers dupes`: papers merged from several sightings, each sighting's title beside the
 * canonical one with the rule and score that attached it, so a merge can be checked (and a
 * threshold tuned). `--near`: pairs kept apart that scored just under the threshold.
 */
import { withReadDb } from '../db/open.js';
import { listDupeGroups } from '../db/listings.js';
import { DEFAULT_THRESHOLD } from '../dedup/index.js';
import { nearPairs } from '../dedup/near.js';
import { UsageError } from '../errors.js';
import { parseCountFlag } from '../filters.js';
import { emitRows, outputContext } from '../output/emit.js';
import { type DupesFlags, NEAR_MARGIN } from './dupes.cli.js';
import { dupeSightingView, dupeView, nearView, type DupeSightingRow, type NearRow } from '../output/views.js';

export async function dupesCommand(flags: DupesFlags): Promise<number> {
  const limit = parseCountFlag(flags.limit, '--limit');
  if (flags.near) {
    const threshold = Number(flags.threshold ?? DEFAULT_THRESHOLD);
    const margin = Number(flags.margin ?? NEAR_MARGIN);
    if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`invalid --threshold '${flags.threshold}': expected (0, 1]`);
    if (!(margin > 0 && margin < threshold)) throw new UsageError(`invalid --margin '${flags.margin}': expected (0, threshold)`);
    const ctx = outputContext(flags, nearView.fields);
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
  const ctx = outputContext(flags, dupeView.fields);
  await withReadDb(flags.db, (db) => {
    const page = listDupeGroups(db, flags.rule, limit);
    const opts = { empty: 'no merged papers', total: page.total };
    if (ctx.format !== 'table') return emitRows(page.rows, dupeView, ctx, opts);
    // A person reads each sighting's title beside the canonical one; data formats keep one object a paper.
    const rows = page.rows.flatMap((group) => group.sightings.map((_, index): DupeSightingRow => ({ group, index })));
    return emitRows(rows, dupeSightingView, ctx, { empty: opts.empty });
  });
  return 0;
}
