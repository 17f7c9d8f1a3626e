/**
 * `papers methods`: the method families, their members and the umbrellas, with paper counts by role.
 */
import { withReadDb } from '../db/open.js';
import { methodCounts, type MethodCount } from '../db/listings.js';
import { taxonomy } from '../extract/methods/taxonomy.js';
import { UMBRELLAS } from '../extract/umbrellas.js';
import { parseCountFlag } from '../filters.js';
import { emitRows, outputContext } from '../output/emit.js';
import { methodView, type MethodListing } from '../output/views.js';
import type { MethodsFlags } from './methods.cli.js';

/** The family labels of the taxonomy ("LoRA and other low-rank adaptation"), by family id. */
const FAMILY_LABELS = new Map(taxonomy.families.map((f) => [f.id, f.label]));

/** A method row with its label: the family's for a family, the families it covers for an umbrella. */
function labelled(m: MethodCount): MethodListing {
  if (m.level === 'umbrella') return { ...m, label: `parameter-efficient: ${(UMBRELLAS[m.family] ?? []).join(', ')}` };
  if (m.level === 'family') return { ...m, label: FAMILY_LABELS.get(m.family) ?? m.family };
  return { ...m, label: m.name };
}

export async function methodsCommand(flags: MethodsFlags): Promise<number> {
  const limit = parseCountFlag(flags.limit, '--limit');
  const ctx = outputContext(flags, methodView.fields);
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
