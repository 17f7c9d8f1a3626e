/**
 * How each kind of row looks: its JSON object and its table columns. The paper view is shared by
 * `query`, `export` and `show`, so a paper object is the same wherever it appears.
 */
import type { PaperRecord } from '../db/read.js';
import { PAPER_FIELDS } from '../db/read.js';
import type { View } from './render.js';

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
