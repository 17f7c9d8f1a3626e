/**
 * `papers links`: the GitHub repositories linked from papers, available or promised.
 */
import { withReadDb } from '../db/open.js';
import { listLinks } from '../db/listings.js';
import { UsageError } from '../errors.js';
import { cutoffDay } from '../extract/promises.js';
import { parseCountFlag } from '../filters.js';
import { emitRows, outputContext } from '../output/emit.js';
import { linkView } from '../output/views.js';
import type { LinksFlags } from './links.cli.js';

export async function linksCommand(flags: LinksFlags): Promise<number> {
  const limit = parseCountFlag(flags.limit, '--limit');
  const seenBy = flags.olderThan === undefined ? undefined : cutoffDay(flags.olderThan, new Date());
  if (seenBy === null) throw new UsageError(`invalid --older-than '${flags.olderThan}': expected e.g. 30d, 4w, 6m or 1y`);
  const ctx = outputContext(flags, linkView.fields);
  await withReadDb(flags.db, (db) => {
    const page = listLinks(db, flags.status, limit, seenBy);
    return emitRows(page.rows, linkView, ctx, { empty: 'no repositories', total: page.total });
  });
  return 0;
}
