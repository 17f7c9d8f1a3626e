/**
 * `papers export`: every paper with its nested data, streamed in batches, or every paper as a
 * citation entry (bibtex, ris, csl-json). With --out the file is written through writeFileAtomic
 * (../output/files.ts): never over the database, replaced only with --force, and a failed export
 * never leaves half a file.
 */
import { citableBatches } from '../db/citations.js';
import { resolveDbPath, withReadDb } from '../db/open.js';
import { PAPER_FIELDS, hydratePapers } from '../db/read.js';
import { CITATION_FORMATS, emitCitations, type CitationFormat } from '../output/citation.js';
import { emitRows, outputContext, write } from '../output/emit.js';
import { writeFileAtomic } from '../output/files.js';
import { paperView } from '../output/views.js';

export async function exportCommand(flags: {
  db?: string;
  format: 'ndjson' | 'json' | 'csv' | CitationFormat;
  out?: string;
  force?: boolean;
}): Promise<number> {
  await withReadDb(flags.db, async (db) => {
    const rids = db.prepare('SELECT rid FROM papers ORDER BY rid').pluck().all() as number[];
    const emit = async (out: NodeJS.WritableStream) => {
      if ((CITATION_FORMATS as readonly string[]).includes(flags.format)) {
        const format = flags.format as CitationFormat;
        await emitCitations(
          (abstracts) => citableBatches(db, rids, abstracts),
          format,
          (t) => write(out, t),
        );
        return;
      }
      const ctx = outputContext({ [flags.format]: true }, PAPER_FIELDS, out);
      await emitRows(hydratePapers(db, rids), paperView(ctx.chalk), ctx);
    };
    if (!flags.out) return emit(process.stdout);
    return writeFileAtomic(flags.out, emit, { force: flags.force, protect: [resolveDbPath(flags.db)] });
  });
  return 0;
}
