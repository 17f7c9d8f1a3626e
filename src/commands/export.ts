/**
 * `papers export`: every paper with its nested data, streamed in batches. With --out the file is
 * written beside its final name and renamed at the end, so a failed export never leaves half a file.
 */
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { withReadDb } from '../db/open.js';
import { PAPER_FIELDS, hydratePapers } from '../db/read.js';
import { emitRows, outputContext } from '../output/emit.js';
import { paperView } from '../output/views.js';

export async function exportCommand(flags: { db?: string; format: 'ndjson' | 'json' | 'csv'; out?: string }): Promise<number> {
  await withReadDb(flags.db, async (db) => {
    const rids = db.prepare('SELECT rid FROM papers ORDER BY rid').pluck().all() as number[];
    const tmp = flags.out ? `${flags.out}.${process.pid}.tmp` : null;
    const out = tmp ? fs.createWriteStream(tmp) : process.stdout;
    const ctx = outputContext({ [flags.format]: true }, PAPER_FIELDS, out);
    try {
      await emitRows(hydratePapers(db, rids), paperView(ctx.chalk), ctx);
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
