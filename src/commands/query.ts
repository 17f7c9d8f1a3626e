/**
 * `papers query [TEXT]`: papers matching every filter given, newest digest first (or by relevance
 * when searching).
 */
import { withReadDb } from '../db/open.js';
import { PAPER_FIELDS, findPapers, hydratePapers, type MethodFilter, type PaperFilters } from '../db/read.js';
import { UsageError } from '../errors.js';
import { parseArxivId, parseClaimFilter, parseCount, parseDateBound } from '../filters.js';
import { methodMatches } from '../extract/methods.js';
import { emitRows, outputContext, type FormatFlags } from '../output/emit.js';
import { paperView } from '../output/views.js';
import type { CitationFormat } from '../output/citation.js';
import { citeCommand } from './cite.js';

export interface QueryFlags extends FormatFlags {
  db?: string;
  method?: string[];
  role?: string;
  hasCode?: boolean;
  claim?: string[];
  file?: string;
  since?: string;
  until?: string;
  arxiv?: string;
  sort?: string;
  limit?: string;
  /** A citation format (bibtex, ris, csl-json) instead of a listing. */
  format?: CitationFormat;
}

const ROLES = ['proposed', 'compared', 'used'];
const SORTS = ['relevance', 'date', 'title', 'claims'] as const;

/** `--method lora` is a family, `--method qlora` one member; anything else is a usage error. */
export function resolveMethod(name: string): MethodFilter {
  const m = methodMatches(name);
  if (!m) throw new UsageError(`unknown method '${name}': run \`papers methods\` to list the known families and members`);
  return m;
}

/** Turns the flags into filters, checking every value before the database is touched. */
export function parseQueryFlags(text: string | undefined, flags: QueryFlags, defaultLimit = 20): PaperFilters {
  if (flags.role !== undefined && !ROLES.includes(flags.role)) {
    throw new UsageError(`invalid --role '${flags.role}': expected one of ${ROLES.join(', ')}`);
  }
  if (flags.sort !== undefined && !(SORTS as readonly string[]).includes(flags.sort)) {
    throw new UsageError(`invalid --sort '${flags.sort}': expected one of ${SORTS.join(', ')}`);
  }
  const trimmed = text?.trim();
  return {
    text: trimmed ? trimmed : undefined,
    methods: (flags.method ?? []).map(resolveMethod),
    role: flags.role,
    hasCode: flags.hasCode,
    claims: (flags.claim ?? []).map(parseClaimFilter),
    fileGlob: flags.file,
    since: flags.since === undefined ? undefined : parseDateBound(flags.since, 'since'),
    until: flags.until === undefined ? undefined : parseDateBound(flags.until, 'until'),
    arxivId: flags.arxiv === undefined ? undefined : parseArxivId(flags.arxiv),
    sort: flags.sort as PaperFilters['sort'],
    limit: flags.limit === undefined ? defaultLimit : parseCount(flags.limit, '--limit'),
  };
}

export async function queryCommand(textParts: string[], flags: QueryFlags): Promise<number> {
  const filters = parseQueryFlags(textParts.join(' '), flags);
  if (flags.format !== undefined) {
    if (flags.json || flags.ndjson || flags.csv || flags.fields !== undefined)
      throw new UsageError('--format (citations) does not combine with --json, --ndjson, --csv or --fields');
    return citeCommand(filters, flags.format, flags.db);
  }
  const ctx = outputContext(flags, PAPER_FIELDS);
  await withReadDb(flags.db, (db) =>
    emitRows(hydratePapers(db, findPapers(db, filters)), paperView(ctx.chalk), ctx, 'no papers match'),
  );
  return 0;
}
