/**
 * `papers query [TEXT]`: papers matching every filter given, newest digest first (or by relevance
 * when searching).
 */
import { withReadDb } from '../db/open.js';
import { PAPER_FIELDS, findPaperPage, leadingNot, hydratePapers, type MethodFilter, type PaperFilters } from '../db/read.js';
import { fullTextBehind, lastIngestMark } from '../db/runs.js';
import { log } from '../output/log.js';
import { UsageError } from '../errors.js';
import { parseArxivId, parseClaimFilter, parseCountFlag, parseDateBound } from '../filters.js';
import { methodMatches } from '../extract/methods/filter.js';
import { umbrellaFamilies } from '../extract/umbrellas.js';
import { emitRows, listingFlagGiven, outputContext } from '../output/emit.js';
import { paperView } from '../output/views.js';
import { ROLES, SORTS } from '../vocabulary.js';
import type { QueryFlags } from './query.cli.js';

export type { QueryFlags };

/** The flags that filter papers: query's, and digest's (which has no --sort nor --limit). */
export type FilterFlags = Pick<QueryFlags, 'method' | 'hasCode' | 'claim' | 'file' | 'arxiv'> &
  Partial<Pick<QueryFlags, 'author' | 'minUpvotes' | 'since' | 'until' | 'firstSeenSince' | 'sort' | 'limit'>> & {
    /** A plain string where digest takes it: checked against ROLES here. */
    role?: string;
  };

/** `--method lora` is a family, `--method qlora` one member, `--method peft` an umbrella; anything else is a usage error. */
export function resolveMethod(name: string): MethodFilter {
  const umbrella = umbrellaFamilies(name);
  if (umbrella) return { family: name.trim().toLowerCase(), name: null, families: umbrella };
  const m = methodMatches(name);
  if (!m) throw new UsageError(`unknown method '${name}': run \`papers methods\` to list the known families and members`);
  return m;
}

/** Checks a value against a closed list: a usage error naming the valid ones. */
export function oneOf<T extends string>(value: string | undefined, valid: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(valid as readonly string[]).includes(value)) {
    throw new UsageError(`invalid ${flag} '${value}': expected one of ${valid.join(', ')}`);
  }
  return value as T;
}

/** Turns the flags into filters, checking every value before the database is touched. */
export function parseQueryFlags(text: string | undefined, flags: FilterFlags): PaperFilters {
  const trimmed = text?.trim();
  const author = flags.author?.trim();
  if (flags.author !== undefined && !author) throw new UsageError('--author needs a name');
  const sort = oneOf(flags.sort, SORTS, '--sort');
  // Relevance is BM25 over the search text; with no text, or only NOT terms, there is nothing to rank by.
  if (sort === 'relevance' && (!trimmed || leadingNot(trimmed) !== null))
    throw new UsageError('--sort relevance needs a search TEXT (not NOT ...)');
  return {
    text: trimmed ? trimmed : undefined,
    methods: (flags.method ?? []).map(resolveMethod),
    role: oneOf(flags.role, ROLES, '--role'),
    hasCode: flags.hasCode,
    claims: (flags.claim ?? []).map(parseClaimFilter),
    author,
    minUpvotes: flags.minUpvotes === undefined ? undefined : parseCountFlag(flags.minUpvotes, '--min-upvotes'),
    fileGlob: flags.file,
    since: flags.since === undefined ? undefined : parseDateBound(flags.since, 'since'),
    until: flags.until === undefined ? undefined : parseDateBound(flags.until, 'until'),
    firstSeenSince:
      flags.firstSeenSince === undefined ? undefined : parseDateBound(flags.firstSeenSince, 'since', '--first-seen-since'),
    arxivId: flags.arxiv === undefined ? undefined : parseArxivId(flags.arxiv),
    sort,
    // No --limit (digest): every paper. `papers query` always has one: its default is in query.cli.ts.
    limit: flags.limit === undefined ? undefined : parseCountFlag(flags.limit, '--limit'),
  };
}

export async function queryCommand(textParts: string[], flags: QueryFlags): Promise<number> {
  const filters = parseQueryFlags(textParts.join(' '), flags);
  if (flags.format !== undefined) {
    if (listingFlagGiven(flags))
      throw new UsageError('--format (citations) does not combine with the listing formats (--json, --csv, --fields, --jq...)');
    // citation-js (~100 ms to load) only when citations are asked for.
    const { citeCommand } = await import('./cite.js');
    return citeCommand(filters, flags.format, flags.db);
  }
  const ctx = outputContext(flags, PAPER_FIELDS);
  await withReadDb(flags.db, (db) => {
    if (flags.new) {
      const mark = lastIngestMark(db);
      // A database from before the mark was kept: every paper came from "an" ingest.
      filters.ridAbove = mark ?? 0;
    }
    if (filters.text !== undefined && fullTextBehind(db)) {
      log.warn('the full-text index is incomplete (a bulk ingest stopped before its end): the next `papers ingest` rebuilds it');
    }
    const page = findPaperPage(db, filters);
    return emitRows(hydratePapers(db, page.rids), paperView(ctx.chalk), ctx, { empty: 'no papers match', total: page.total });
  });
  return 0;
}
