/**
 * `papers query ... --format bibtex|ris|csl-json`: the papers of a query as citation entries.
 */
import { citableBatches } from '../db/citations.js';
import { withReadDb } from '../db/open.js';
import { findPapers, type PaperFilters } from '../db/read.js';
import { emitCitations, type CitationFormat } from '../output/citation.js';
import { write } from '../output/emit.js';
import { log } from '../output/log.js';

export async function citeCommand(filters: PaperFilters, format: CitationFormat, dbOption?: string): Promise<number> {
  await withReadDb(dbOption, async (db) => {
    const rids = findPapers(db, filters);
    const n = await emitCitations(
      (abstracts) => citableBatches(db, rids, abstracts),
      format,
      (t) => write(process.stdout, t),
    );
    if (n === 0) log.info('no papers match');
    // A survey's bibliography cut at the default 20 without a word would be a trap.
    else if (filters.limit && n === filters.limit) log.warn(`the first ${n} papers only: add --limit 0 for all`);
  });
  return 0;
}
