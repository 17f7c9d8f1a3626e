/**
 * The reads behind citation export: the few columns an entry needs, a batch at a time, so an
 * export of the whole database stays small in memory.
 */
import type { CitablePaper } from '../output/citation.js';
import type { DB } from './open.js';

const BATCH = 500;
// A paper without an arXiv id is cited at its Hugging Face (or arXiv) page when it has one.
const COLUMNS = `rid, id, arxiv_id, title, abstract, authors, published_at, first_seen,
  (SELECT l.url FROM links l WHERE l.paper_rid = papers.rid AND l.kind IN ('huggingface', 'arxiv') ORDER BY l.rowid LIMIT 1) AS url`;

type Row = Omit<CitablePaper, 'authors'> & { rid: number; authors: string };

const toPaper = ({ rid: _rid, ...r }: Row): CitablePaper => ({ ...r, authors: JSON.parse(r.authors) as string[] });

/** Every paper's rid, in rid order (the order of `papers export`). */
export function allPaperRids(db: DB): number[] {
  return db.prepare('SELECT rid FROM papers ORDER BY rid').pluck().all() as number[];
}

/** The citable papers of `rids`, in that order, in batches. */
export function* citableBatches(db: DB, rids: readonly number[], withAbstract = true): Generator<CitablePaper[]> {
  const cols = withAbstract ? COLUMNS : COLUMNS.replace(' abstract,', " '' AS abstract,");
  for (let i = 0; i < rids.length; i += BATCH) {
    const batch = rids.slice(i, i + BATCH);
    const rows = db
      .prepare<number[], Row>(`SELECT ${cols} FROM papers WHERE rid IN (${batch.map(() => '?').join(',')})`)
      .all(...batch);
    const byRid = new Map(rows.map((r) => [r.rid, r]));
    yield batch.flatMap((rid) => {
      const r = byRid.get(rid);
      return r ? [toPaper(r)] : [];
    });
  }
}
