/**
 * `papers claims`, `papers links`, `papers methods`: the extractions, listed.
 */
import { withReadDb } from '../db/open.js';
import { listClaims, listLinks, methodCounts, type ClaimRow, type LinkRow, type MethodCount } from '../db/listings.js';
import { UsageError } from '../errors.js';
import { parseCount, parseQuantity } from '../filters.js';
import { emitRows, outputContext, type FormatFlags } from '../output/emit.js';
import type { View } from '../output/format.js';
import { resolveMethod } from './query.js';
import { cutoffDay } from '../extract/promises.js';

type DbFlags = FormatFlags & { db?: string };

const CLAIM_FIELDS = [
  'paper_id',
  'title',
  'text',
  'value',
  'low',
  'high',
  'unit',
  'kind',
  'metric',
  'qualifier',
  'start',
  'end',
  'sentence',
] as const;
const claimView: View<ClaimRow> = {
  fields: CLAIM_FIELDS,
  toJSON: (c) => Object.fromEntries(CLAIM_FIELDS.map((k) => [k, c[k]])),
  columns: [
    { key: 'paper_id', header: 'PAPER' },
    { key: 'text', header: 'CLAIM' },
    { key: 'kind', header: 'KIND' },
    { key: 'metric', header: 'METRIC' },
    { key: 'value', header: 'VALUE', align: 'right' },
    { key: 'title', header: 'TITLE', flex: true },
  ],
};

function quantity(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = parseQuantity(text);
  if (n === null) throw new UsageError(`invalid ${flag} '${text}': expected a number such as 2, 90, 1e6 or 7B`);
  return n;
}

export async function claimsCommand(
  flags: DbFlags & {
    metric?: string;
    kind?: string;
    unit?: string;
    min?: string;
    max?: string;
    method?: string[];
    limit?: string;
  },
): Promise<number> {
  const KINDS = ['percent', 'multiplier', 'parameters', 'count', 'quantity'];
  if (flags.kind !== undefined && !KINDS.includes(flags.kind))
    throw new UsageError(`invalid --kind '${flags.kind}': expected one of ${KINDS.join(', ')}`);
  const query = {
    metric: flags.metric,
    kind: flags.kind,
    unit: flags.unit,
    min: quantity(flags.min, '--min'),
    max: quantity(flags.max, '--max'),
    methods: (flags.method ?? []).map(resolveMethod),
    limit: parseCount(flags.limit ?? '20', '--limit'),
  };
  const ctx = outputContext(flags, CLAIM_FIELDS);
  await withReadDb(flags.db, (db) => emitRows(listClaims(db, query), claimView, ctx, 'no claims match'));
  return 0;
}

const LINK_FIELDS = [
  'paper_id',
  'title',
  'url',
  'owner',
  'repo',
  'path',
  'status',
  'source',
  'promised_since',
  'available_since',
] as const;
const linkView: View<LinkRow> = {
  fields: LINK_FIELDS,
  toJSON: (l) => Object.fromEntries(LINK_FIELDS.map((k) => [k, l[k]])),
  columns: [
    { key: 'url', header: 'REPOSITORY' },
    { key: 'status', header: 'STATUS' },
    { key: 'since', header: 'SINCE', cell: (l) => (l.status === 'promised' ? l.promised_since : l.available_since) ?? '' },
    { key: 'paper_id', header: 'PAPER' },
    { key: 'title', header: 'TITLE', flex: true },
  ],
};

export async function linksCommand(flags: DbFlags & { status?: string; limit?: string; olderThan?: string }): Promise<number> {
  const limit = parseCount(flags.limit ?? '0', '--limit');
  const seenBy = flags.olderThan === undefined ? undefined : cutoffDay(flags.olderThan, new Date());
  if (seenBy === null) throw new UsageError(`invalid --older-than '${flags.olderThan}': expected e.g. 30d, 4w, 6m or 1y`);
  const ctx = outputContext(flags, LINK_FIELDS);
  await withReadDb(flags.db, (db) => emitRows(listLinks(db, flags.status, limit, seenBy), linkView, ctx, 'no repositories'));
  return 0;
}

const METHOD_FIELDS = ['family', 'name', 'papers', 'proposed', 'compared', 'used'] as const;
const methodView: View<MethodCount> = {
  fields: METHOD_FIELDS,
  toJSON: (m) => Object.fromEntries(METHOD_FIELDS.map((k) => [k, m[k]])),
  columns: [
    { key: 'family', header: 'FAMILY' },
    // Members are indented under their family in a terminal.
    { key: 'name', header: 'NAME', cell: (m) => (m.name === m.family ? m.name : `  ${m.name}`) },
    { key: 'papers', header: 'PAPERS', align: 'right' },
    { key: 'proposed', header: 'PROPOSED', align: 'right' },
    { key: 'compared', header: 'COMPARED', align: 'right' },
    { key: 'used', header: 'USED', align: 'right' },
  ],
};

export async function methodsCommand(flags: DbFlags): Promise<number> {
  const ctx = outputContext(flags, METHOD_FIELDS);
  await withReadDb(flags.db, (db) => emitRows(methodCounts(db), methodView, ctx, 'no methods found'));
  return 0;
}
