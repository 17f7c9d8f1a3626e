/**
 * How each kind of row looks: its JSON object (the keys `--fields` selects) and its table
 * columns. The paper view is shared by `query`, `export` and `show`, so a paper object is the same
 * wherever it appears.
 */
import type { ClaimRow, DupeGroup, LinkRow, MethodCount } from '../db/listings.js';
import type { PaperRecord } from '../db/read.js';
import { PAPER_FIELDS } from '../db/read.js';
import type { Decision } from '../dedup/decisions.js';
import { textKindLabel } from './paper-text.js';
import type { View } from './render.js';

/** A row's JSON object: these keys of it, in this order (the row may hold more). */
function keysOf<T>(fields: readonly (keyof T & string)[]): (row: T) => Record<string, unknown> {
  return (row) => Object.fromEntries(fields.map((k) => [k, row[k]]));
}

/** The family names of a paper's methods, proposed ones first, for a narrow table column. */
function methodSummary(p: PaperRecord): string {
  return [...new Set(p.methods.map((m) => (m.role === 'proposed' ? `${m.name}*` : m.family)))].join(',');
}

export function paperView(c: {
  dim: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
}): View<PaperRecord> {
  return {
    fields: PAPER_FIELDS,
    toJSON: (p) => ({ ...p }),
    columns: [
      { key: 'id', header: 'ID', keep: true, style: (s) => c.cyan(s) },
      { key: 'last_seen', header: 'SEEN', keep: true, cell: (p) => p.last_seen ?? '', style: (s) => c.dim(s) },
      { key: 'title', header: 'TITLE', flex: true },
      { key: 'methods', header: 'METHODS', cell: methodSummary, max: 24 },
      { key: 'has_code', header: 'CODE', cell: (p) => (p.has_code ? 'yes' : ''), style: (s) => c.green(s) },
      { key: 'claims', header: 'CLAIMS', cell: (p) => String(p.claims.length), align: 'right' },
    ],
  };
}

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
export const claimView: View<ClaimRow> = {
  fields: CLAIM_FIELDS,
  toJSON: keysOf(CLAIM_FIELDS),
  columns: [
    { key: 'paper_id', header: 'PAPER', keep: true },
    { key: 'text', header: 'CLAIM' },
    { key: 'kind', header: 'KIND' },
    { key: 'metric', header: 'METRIC' },
    { key: 'value', header: 'VALUE', align: 'right' },
    { key: 'title', header: 'TITLE', flex: true },
  ],
};

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
export const linkView: View<LinkRow> = {
  fields: LINK_FIELDS,
  toJSON: keysOf(LINK_FIELDS),
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

const METHOD_FIELDS = ['level', 'family', 'name', 'label', 'papers', 'proposed', 'compared', 'used'] as const;

export type MethodListing = MethodCount & { label: string };

export const methodView: View<MethodListing> = {
  fields: METHOD_FIELDS,
  toJSON: keysOf(METHOD_FIELDS),
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

const DECISION_FIELDS = ['id', 'kind', 'ids', 'sightings', 'note', 'created_at'] as const;

export const decisionView: View<Decision> = {
  fields: DECISION_FIELDS,
  toJSON: (d) => ({ id: d.id, kind: d.kind, ids: d.ids, sightings: d.groups, note: d.note, created_at: d.created_at }),
  columns: [
    { key: 'id', header: 'ID', align: 'right' },
    { key: 'kind', header: 'KIND' },
    { key: 'ids', header: 'PAPERS', cell: (d) => d.ids.join(' ') },
    { key: 'sightings', header: 'SIGHTINGS', align: 'right', cell: (d) => String(d.groups.reduce((n, g) => n + g.length, 0)) },
    { key: 'created_at', header: 'WHEN', cell: (d) => d.created_at.slice(0, 19).replace('T', ' ') },
    { key: 'note', header: 'NOTE', flex: true, cell: (d) => d.note ?? '' },
  ],
};

const DUPE_FIELDS = ['paper_id', 'title', 'count', 'sightings'] as const;

function sightingSummary(g: DupeGroup): string {
  return [
    ...new Set(g.sightings.filter((s) => s.rule !== 'new').map((s) => `${s.rule} ${Math.round(s.score * 100) / 100}`)),
  ].join(', ');
}

/** What the sightings' texts are, counted: "abstract x2, summary (zh)". */
export function textSummary(g: DupeGroup): string {
  const counts = new Map<string, number>();
  for (const s of g.sightings) {
    const label = textKindLabel(s);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => (n > 1 ? `${label} x${n}` : label)).join(', ');
}

export const dupeView: View<DupeGroup> = {
  fields: DUPE_FIELDS,
  toJSON: (g) => ({ paper_id: g.paper_id, title: g.title, count: g.count, sightings: g.sightings }),
  columns: [
    { key: 'paper_id', header: 'PAPER', keep: true },
    { key: 'count', header: 'SIGHTINGS', align: 'right' },
    { key: 'sightings', header: 'RULES', cell: sightingSummary },
    { key: 'texts', header: 'TEXTS', cell: textSummary },
    { key: 'title', header: 'TITLE', flex: true },
  ],
};

/** One sighting of a merged paper, for the table: its title as read beside the canonical one. */
export interface DupeSightingRow {
  group: DupeGroup;
  index: number;
}

export const dupeSightingView: View<DupeSightingRow> = {
  fields: DUPE_FIELDS,
  toJSON: ({ group }) => dupeView.toJSON(group),
  columns: [
    { key: 'paper_id', header: 'PAPER', keep: true, cell: (r) => (r.index === 0 ? r.group.paper_id : '') },
    { key: 'rule', header: 'RULE', keep: true, cell: (r) => r.group.sightings[r.index]!.rule },
    { key: 'score', header: 'SCORE', keep: true, align: 'right', cell: (r) => r.group.sightings[r.index]!.score.toFixed(2) },
    { key: 'title', header: 'CANONICAL TITLE', max: 32, cell: (r) => (r.index === 0 ? r.group.title : '') },
    { key: 'sightings', header: 'TITLE AS SEEN', flex: true, cell: (r) => r.group.sightings[r.index]!.title },
    {
      key: 'file',
      header: 'SIGHTING',
      max: 28,
      cell: (r) => {
        const s = r.group.sightings[r.index]!;
        return `${s.file.split('/').pop()}:${s.position}`;
      },
    },
  ],
};

export interface NearRow {
  score: number;
  paper_id: string;
  title: string;
  other_id: string;
  other_title: string;
}

const NEAR_FIELDS = ['score', 'paper_id', 'title', 'other_id', 'other_title'] as const;

export const nearView: View<NearRow> = {
  fields: NEAR_FIELDS,
  toJSON: (r) => ({ ...r }),
  columns: [
    { key: 'score', header: 'SCORE', align: 'right', cell: (r) => r.score.toFixed(3) },
    { key: 'paper_id', header: 'PAPER' },
    { key: 'title', header: 'TITLE', max: 40 },
    { key: 'other_id', header: 'OTHER' },
    { key: 'other_title', header: 'OTHER TITLE', flex: true },
  ],
};
