/**
 * `papers show ID`: one paper in full. In a terminal the claims are highlighted inside the abstract.
 */
import { withReadDb } from '../db/open.js';
import type { DB } from '../db/open.js';
import { PAPER_FIELDS, findPaperRid, hydratePapers, type PaperRecord } from '../db/read.js';
import { UserError } from '../errors.js';
import { emitRecord, outputContext } from '../output/emit.js';
import { renderPaper } from '../output/paper-text.js';
import { paperView } from '../output/views.js';
import type { ShowFlags } from './show.cli.js';

/** The paper a reference names (see findPaperRid), or a UserError saying none does. */
export function paperByRef(db: DB, ref: string): PaperRecord {
  const rid = findPaperRid(db, ref);
  const paper = rid === undefined ? undefined : [...hydratePapers(db, [rid])][0];
  if (!paper) throw new UserError(`no paper with id, id prefix or arXiv id '${ref}' (try \`papers query\` to find it)`);
  return paper;
}

export async function showCommand(id: string, flags: ShowFlags): Promise<number> {
  const ctx = outputContext(flags, PAPER_FIELDS);
  const paper = await withReadDb(flags.db, (db) => paperByRef(db, id));
  // The flat forms and --fields: the paper as a one-row listing, like `query --arxiv`.
  await emitRecord(
    paper,
    ctx,
    () => (ctx.format === 'table' ? renderPaper(paper, ctx.chalk, ctx.width) : renderPaper(paper, null)),
    { rows: [paper], view: paperView(ctx.chalk) },
  );
  return 0;
}
