/**
 * `papers forget FILE...`: removes the sightings of files, and papers left with none. Nothing is
 * ever removed silently otherwise: a file that disappeared stays until `forget` or `ingest --prune`.
 * An archive (`a.zip`) names all its members (`a.zip!x.json`); `-` names what standard input gave.
 */
import { openForWrite, resolveDbPath } from '../db/open.js';
import { STDIN } from '../ingest/discover.js';
import { Ingester } from '../ingest/run.js';
import { STDIN_NAME } from '../ingest/prepare.js';
import { emitJson } from '../output/emit.js';
import { log } from '../output/log.js';
import type { ForgetFlags } from './forget.cli.js';

export async function forgetCommand(files: string[], flags: ForgetFlags): Promise<number> {
  const dbPath = resolveDbPath(flags.db);
  const db = openForWrite(dbPath);
  try {
    const ingester = new Ingester(db);
    const ids: number[] = [];
    const unknown: string[] = [];
    for (const f of files) {
      // "-" is what `ingest` read from standard input, stored as <stdin>: `--prune` never removes it.
      const found = ingester.filesAt(f === STDIN ? STDIN_NAME : f);
      if (found.length === 0) unknown.push(f);
      ids.push(...found);
    }
    const removed = ingester.forgetFiles(ids);
    for (const f of unknown) log.warn(`${f}: not a file in ${dbPath}`);
    if (flags.json) await emitJson({ ...removed, unknown });
    else log.info(`forgot ${removed.files} file(s): ${removed.sightings} sightings, ${removed.papers} papers removed`);
    return unknown.length > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}
