/**
 * What an ingest says to people, on stderr: the errors and warnings (the first few of each), then
 * one summary line. `--json` prints the summary object instead (see commands/ingest.ts).
 */
import type { IngestSummary } from '../ingest/summary.js';
import { log } from './log.js';

/** The summary, errors first; with `quiet` only the errors. */
export function logIngest(summary: IngestSummary, dbPath: string, quiet: boolean): void {
  // A folder of 100,000 bad files must not bury the summary: show the first few of each.
  const SHOWN = 20;
  for (const e of summary.errors.slice(0, SHOWN)) log.error(`${e.file}: ${e.message}`);
  if (summary.errors.length > SHOWN) log.error(`… and ${summary.errors.length - SHOWN} more (--json lists them all)`);
  if (!quiet) {
    for (const w of summary.warnings.slice(0, SHOWN)) log.warn(`${w.file}: ${w.message}`);
    if (summary.warnings.length > SHOWN) log.warn(`… and ${summary.warnings.length - SHOWN} more (--json lists them all)`);
    log.info(describeIngest(summary, dbPath));
  }
}

/** The human summary line(s) for stderr. */
export function describeIngest(s: IngestSummary, dbPath: string): string {
  const parts = [
    `${s.files} file${s.files === 1 ? '' : 's'} read`,
    `${s.skipped} unchanged`,
    `${s.records} records`,
    `${s.new} new papers`,
    `${s.duplicates} merged into existing papers`,
  ];
  const skipped = s.skipped_files.length;
  if (skipped) parts.push(`${skipped} skipped as not digests`);
  if (s.errors.length) parts.push(`${s.errors.length} error${s.errors.length === 1 ? '' : 's'}`);
  if (s.decisions) parts.push(`${s.decisions.imported} decision(s) imported, ${s.decisions.applied} applied`);
  if (s.pruned)
    parts.push(`pruned ${s.pruned.files} missing file(s) (${s.pruned.sightings} sightings, ${s.pruned.papers} papers)`);
  return `${parts.join(', ')}. ${dbPath} now holds ${s.papers} papers.${s.interrupted ? ' (interrupted: run the same command again to finish)' : ''}`;
}
