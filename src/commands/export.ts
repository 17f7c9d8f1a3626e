/**
 * `papers export`: every paper with its nested data, streamed in batches. With --out the file is
 * written beside its final name and renamed at the end, so a failed export never leaves half a file.
 */
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { withReadDb } from '../db/open.js';
import { PAPER_FIELDS, hydratePapers } from '../db/read.js';
import { citableBatches } from '../db/citations.js';
import { emitRows, outputContext, write } from '../output/emit.js';
import { CITATION_FORMATS, emitCitations, type CitationFormat } from '../output/citation.js';
import { paperView } from '../output/views.js';

export async function exportCommand(flags: {
  db?: string;
  format: 'ndjson' | 'json' | 'csv' | CitationFormat;
  out?: string;
}): Promise<number> {
  await withReadDb(flags.db, async (db) => {
    const rids = db.prepare('SELECT rid FROM papers ORDER BY rid').pluck().all() as number[];
    const tmp = flags.out ? `${flags.out}.${process.pid}.tmp` : null;
    const out = tmp ? fs.createWriteStream(tmp) : process.stdout;
    try {
      if ((CITATION_FORMATS as readonly string[]).includes(flags.format)) {
        const format = flags.format as CitationFormat;
        await emitCitations(
          (abstracts) => citableBatches(db, rids, abstracts),
          format,
          (t) => write(out, t),
        );
      } else {
        const ctx = outputContext({ [flags.format]: true }, PAPER_FIELDS, out);
        await emitRows(hydratePapers(db, rids), paperView(ctx.chalk), ctx);
      }
      if (tmp) {
        out.end();
        await finished(out);
        fs.renameSync(tmp, flags.out!);
      }
    } catch (err) {
      if (tmp) fs.rmSync(tmp, { force: true });
      throw err;
    }
  });
  return 0;
}
