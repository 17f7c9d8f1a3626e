/**
 * `papers export`: every paper with its nested data, streamed in batches. With --out the file is
 * written through writeFileAtomic (../output/files.ts): never over the database, replaced only
 * with --force, and a failed export never leaves half a file. Takes the listing flags too
 * (--json, --csv, --fields, --limit, --jq...), beside --format; or --format bibtex|ris|csl-json
 * for every paper as a citation entry.
 */
import { resolveDbPath, withReadDb } from '../db/open.js';
import { PAPER_FIELDS, hydratePapers } from '../db/read.js';
import { UsageError } from '../errors.js';
import { parseCountFlag } from '../filters.js';
import { citableBatches } from '../db/citations.js';
import { CITATION_FORMATS, emitCitations, type CitationFormat } from '../output/citation.js';
import { emitRows, listingFlagGiven, outputContext, write, type FormatFlags } from '../output/emit.js';
import { writeFileAtomic } from '../output/files.js';
import { paperView } from '../output/views.js';
import type { ExportFlags } from './export.cli.js';

/** The format flags an export runs with: --format and the listing flags agree, NDJSON when neither is given. */
export function exportFormat(flags: ExportFlags): FormatFlags {
  const given = (['json', 'ndjson', 'nl', 'csv', 'tsv', 'table'] as const).filter((f) => flags[f]);
  if (
    flags.format &&
    given.length > 0 &&
    !(given.length === 1 && (given[0] === flags.format || (given[0] === 'nl' && flags.format === 'ndjson')))
  ) {
    throw new UsageError(`--format ${flags.format} and --${given.join(', --')} disagree: give one`);
  }
  if (given.length > 0 || flags.jq !== undefined) return flags;
  return { ...flags, [flags.format ?? 'ndjson']: true };
}

const isCitation = (f: string | undefined): f is CitationFormat => (CITATION_FORMATS as readonly string[]).includes(f ?? '');

export async function exportCommand(flags: ExportFlags): Promise<number> {
  if (isCitation(flags.format)) return exportCitations(flags, flags.format);
  const formatFlags = exportFormat(flags);
  const limit = parseCountFlag(flags.limit, '--limit');
  await withReadDb(flags.db, async (db) => {
    const total = db.prepare('SELECT count(*) FROM papers').pluck().get() as number;
    const rids = db
      .prepare(`SELECT rid FROM papers ORDER BY rid${limit ? ' LIMIT ?' : ''}`)
      .pluck()
      .all(...(limit ? [limit] : [])) as number[];
    const emit = async (out: NodeJS.WritableStream) => {
      const ctx = outputContext(formatFlags, PAPER_FIELDS, out);
      await emitRows(hydratePapers(db, rids), paperView(ctx.chalk), ctx, { total: rids.length < total ? total : null });
    };
    if (!flags.out) return emit(process.stdout);
    return writeFileAtomic(flags.out, emit, { force: flags.force, protect: [resolveDbPath(flags.db)] });
  });
  return 0;
}

/** Every paper (or the first --limit) as citation entries; the listing formats do not apply. */
async function exportCitations(flags: ExportFlags, format: CitationFormat): Promise<number> {
  if (listingFlagGiven(flags))
    throw new UsageError(`--format ${format} does not combine with the listing formats (--json, --csv, --fields, --jq...)`);
  const limit = parseCountFlag(flags.limit, '--limit');
  await withReadDb(flags.db, async (db) => {
    const rids = db
      .prepare(`SELECT rid FROM papers ORDER BY rid${limit ? ' LIMIT ?' : ''}`)
      .pluck()
      .all(...(limit ? [limit] : [])) as number[];
    const emit = async (out: NodeJS.WritableStream) => {
      await emitCitations(
        (abstracts) => citableBatches(db, rids, abstracts),
        format,
        (t) => write(out, t),
      );
    };
    if (!flags.out) return emit(process.stdout);
    return writeFileAtomic(flags.out, emit, { force: flags.force, protect: [resolveDbPath(flags.db)] });
  });
  return 0;
}
