/**
 * `papers claims`: the numeric claims found in abstracts, with their papers.
 */
import { withReadDb } from '../db/open.js';
import { listClaims } from '../db/listings.js';
import { UsageError } from '../errors.js';
import { KNOWN_UNITS } from '../extract/claims-lexicon.js';
import { parseCountFlag, parseQuantity } from '../filters.js';
import { emitRows, outputContext } from '../output/emit.js';
import { claimView } from '../output/views.js';
import type { ClaimsFlags } from './claims.cli.js';
import { resolveMethod } from './query.js';

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

export async function claimsCommand(flags: ClaimsFlags): Promise<number> {
  const query = {
    metric: flags.metric,
    kind: flags.kind,
    unit: claimUnit(flags.unit),
    min: quantity(flags.min, '--min'),
    max: quantity(flags.max, '--max'),
    methods: (flags.method ?? []).map(resolveMethod),
    limit: parseCountFlag(flags.limit, '--limit'),
  };
  const ctx = outputContext(flags, claimView.fields);
  await withReadDb(flags.db, (db) => {
    const page = listClaims(db, query);
    return emitRows(page.rows, claimView, ctx, { empty: 'no claims match', total: page.total });
  });
  return 0;
}
