/**
 * `papers export`: every paper with its nested data, streamed in batches. With --out the file is
 * written through writeFileAtomic (../output/files.ts): never over the database, replaced only
 * with --force, and a failed export never leaves half a file.
 */
import { resolveDbPath, withReadDb } from '../db/open.js';
import { PAPER_FIELDS, hydratePapers } from '../db/read.js';
import { emitRows, outputContext } from '../output/emit.js';
import { writeFileAtomic } from '../output/files.js';
import { paperView } from '../output/views.js';

export async function exportCommand(flags: {
  db?: string;
  format: 'ndjson' | 'json' | 'csv';
  out?: string;
  force?: boolean;
}): Promise<number> {
  await withReadDb(flags.db, async (db) => {
    const rids = db.prepare('SELECT rid FROM papers ORDER BY rid').pluck().all() as number[];
    const emit = async (out: NodeJS.WritableStream) => {
      const ctx = outputContext({ [flags.format]: true }, PAPER_FIELDS, out);
      await emitRows(hydratePapers(db, rids), paperView(ctx.chalk), ctx);
    };
    if (!flags.out) return emit(process.stdout);
    return writeFileAtomic(flags.out, emit, { force: flags.force, protect: [resolveDbPath(flags.db)] });
  });
  return 0;
}
