/** When an ingest is a bulk load (it then builds the query-only indexes once, at its end). */
import fs from 'node:fs';

/** Input at least this large, and larger than the database holds (at ~1 KB a paper), is a bulk load. */
export const BULK_BYTES = 32 * 1024 * 1024;
const BYTES_PER_PAPER = 1024;

/** Whether an ingest adds much more than the database holds: then it builds the query indexes at its end. */
export function isBulk(bytesIn: number, storedPapers: number): boolean {
  return bytesIn >= BULK_BYTES && storedPapers * BYTES_PER_PAPER < bytesIn;
}

/** The total size of the files (unreadable ones count as 0: their read reports them). */
export function inputBytes(files: string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += fs.statSync(f).size;
    } catch {
      // reported when read
    }
  }
  return n;
}
