/**
 * `papers claims`, `papers links`, `papers methods`: the extractions, listed.
 */
import { withReadDb } from '../db/open.js';
import { listClaims, listLinks, methodCounts, type ClaimRow, type LinkRow, type MethodCount } from '../db/listings.js';
import { UsageError } from '../errors.js';
import { KNOWN_UNITS } from '../extract/claims-lexicon.js';
import { taxonomy } from '../extract/methods/index.js';
import { UMBRELLAS } from '../extract/umbrellas.js';
import { parseCountFlag, parseQuantity } from '../filters.js';
import { emitRows, outputContext, type FormatFlags } from '../output/emit.js';
import type { View } from '../output/render.js';
import { CLAIM_KINDS } from '../vocabulary.js';
import { oneOf, resolveMethod } from './query.js';
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
    { key: 'paper_id', header: 'PAPER', keep: true },
    { key: 'text', header: 'CLAIM' },
    { key: 'kind', header: 'KIND' },
    { key: 'metric', header: 'METRIC' },
    { key: 'value', header: 'VALUE', align: 'right' },
    { key: 'title', header: 'TITLE', flex: true },
  ],
};

function quantity(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  // A plain number: "2x" read as 2 would match 2% as well; the unit is --unit's business.
  const n = parseQuantity(text, true);
  if (n === null) {
    throw new UsageError(
      `invalid ${flag} '${text}': expected a plain number such as 2, 90, 1e6 or 7B (for a unit add --unit, e.g. --unit x)`,
    );
  }
  return n;
}

/** --unit as the claims store it (case-insensitive on input); an unknown unit is a usage error listing them. */
function claimUnit(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const found = KNOWN_UNITS.find((u) => u === text) ?? KNOWN_UNITS.find((u) => u.toLowerCase() === text.toLowerCase());
  if (!found) throw new UsageError(`invalid --unit '${text}': expected one of ${KNOWN_UNITS.join(', ')}`);
  return found;
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
  const query = {
    metric: flags.metric,
    kind: oneOf(flags.kind, CLAIM_KINDS, '--kind'),
    unit: claimUnit(flags.unit),
    min: quantity(flags.min, '--min'),
    max: quantity(flags.max, '--max'),
    methods: (flags.method ?? []).map(resolveMethod),
    limit: parseCountFlag(flags.limit ?? '20', '--limit'),
  };
  const ctx = outputContext(flags, CLAIM_FIELDS);
  await withReadDb(flags.db, (db) => {
    const page = listClaims(db, query);
    return emitRows(page.rows, claimView, ctx, { empty: 'no claims match', total: page.total });
  });
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
    // URLs are not cut at the default 40 when the terminal has room (the title gives way first).
    { key: 'url', header: 'REPOSITORY', max: 100, min: 50 },
    { key: 'status', header: 'STATUS', keep: true },
    {
      key: 'since',
      header: 'SINCE',
      cell: (l) => (l.status === 'promised' ? l.promised_since : l.available_since) ?? '',
      keep: true,
    },
    { key: 'paper_id', header: 'PAPER', keep: true },
    { key: 'title', header: 'TITLE', flex: true },
  ],
};

export async function linksCommand(flags: DbFlags & { status?: string; limit?: string; olderThan?: string }): Promise<number> {
  const limit = parseCountFlag(flags.limit ?? '20', '--limit');
  const seenBy = flags.olderThan === undefined ? undefined : cutoffDay(flags.olderThan, new Date());
  if (seenBy === null) throw new UsageError(`invalid --older-than '${flags.olderThan}': expected e.g. 30d, 4w, 6m or 1y`);
  const ctx = outputContext(flags, LINK_FIELDS);
  await withReadDb(flags.db, (db) => {
    const page = listLinks(db, flags.status, limit, seenBy);
    return emitRows(page.rows, linkView, ctx, { empty: 'no repositories', total: page.total });
  });
  return 0;
}

const METHOD_FIELDS = ['level', 'family', 'name', 'label', 'papers', 'proposed', 'compared', 'used'] as const;

/** The family labels of the taxonomy ("LoRA and other low-rank adaptation"), by family id. */
const FAMILY_LABELS = new Map(taxonomy.families.map((f) => [f.id, f.label]));

type MethodListing = MethodCount & { label: string };

/** A method row with its label: the family's for a family, the families it covers for an umbrella. */
function labelled(m: MethodCount): MethodListing {
  if (m.level === 'umbrella') return { ...m, label: `parameter-efficient: ${(UMBRELLAS[m.family] ?? []).join(', ')}` };
  if (m.level === 'family') return { ...m, label: FAMILY_LABELS.get(m.family) ?? m.family };
  return { ...m, label: m.name };
}

const methodView: View<MethodListing> = {
  fields: METHOD_FIELDS,
  toJSON: (m) => Object.fromEntries(METHOD_FIELDS.map((k) => [k, m[k]])),
  columns: [
    // One name column: a family or umbrella by the id --method takes, its members indented under it.
    { key: 'name', header: 'METHOD', cell: (m) => (m.level === 'member' ? `  ${m.name}` : m.name) },
    { key: 'papers', header: 'PAPERS', align: 'right' },
    { key: 'proposed', header: 'PROPOSED', align: 'right' },
    { key: 'compared', header: 'COMPARED', align: 'right' },
    { key: 'used', header: 'USED', align: 'right' },
    { key: 'label', header: 'WHAT', flex: true, cell: (m) => (m.level === 'member' ? '' : m.label) },
  ],
};

export async function methodsCommand(flags: DbFlags & { limit?: string }): Promise<number> {
  const limit = parseCountFlag(flags.limit ?? '0', '--limit');
  const ctx = outputContext(flags, METHOD_FIELDS);
  await withReadDb(flags.db, (db) => {
    const all = methodCounts(db, UMBRELLAS).map(labelled);
    const cut = limit > 0 && all.length > limit;
    return emitRows(cut ? all.slice(0, limit) : all, methodView, ctx, {
      empty: 'no methods found',
      total: cut ? all.length : null,
    });
  });
  return 0;
}
