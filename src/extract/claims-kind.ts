/**
 * What a numeric claim is: its kind and unit from what was read around the number, and the metric
 * its unit implies (the kind rules are listed in claims.ts's module comment).
 */
import type { Claim } from '../types.js';
import type { Atom, Draft } from './claims-atom.js';

const MODEL_CONTEXT = /param|model|llm|size|backbone|network|weights|transformer|bert|gpt|vit/i;
const CROSS_VALIDATION = /^[ -]cross/;

/** Classifies an assembled number into kind/unit (see the rules in the module comment). */
export function classify(s: string, a: Atom, start: number, end: number, currency: string | null): Pick<Claim, 'kind' | 'unit'> {
  if (currency) return { kind: 'quantity', unit: currency };
  if (a.unit) {
    if (a.unit.kind === 'multiplier' && CROSS_VALIDATION.test(s.slice(end, end + 7))) {
      return { kind: 'count', unit: null }; // "5-fold cross-validation" counts folds
    }
    return { kind: a.unit.kind, unit: a.unit.unit };
  }
  if (a.noun === 'parameters') return { kind: 'parameters', unit: 'parameters' };
  if (a.noun) return { kind: 'count', unit: a.noun };
  if (a.mag) {
    const context = s.slice(Math.max(0, start - 50), Math.min(s.length, end + 30));
    if (a.mag === 'B' || a.mag === 'b') return { kind: 'parameters', unit: 'parameters' };
    if ((a.mag === 'M' || a.mag === 'billion') && MODEL_CONTEXT.test(context)) {
      return { kind: 'parameters', unit: 'parameters' };
    }
    return { kind: 'count', unit: null };
  }
  if (a.plainInt) return { kind: 'count', unit: null };
  return { kind: 'quantity', unit: null };
}

/** Metric overrides that follow from the unit alone. */
export function metricFor(d: Draft, nearest: string | null): string | null {
  if (d.kind === 'parameters') return 'parameters';
  // A count names what it counts ("26 datasets", "10 such examples"); a metric found
  // nearby ("on all four tasks" after "parameters") belongs to another number.
  if (d.kind === 'count') return null;
  switch (d.unit) {
    case 'tokens/s':
    case 'fps':
    case 'it/s':
    case 'images/s':
    case 'samples/s':
    case 'QPS':
      return 'throughput';
    case 'USD':
    case 'EUR':
    case 'GBP':
    case 'JPY':
      return 'cost';
    default:
      return nearest;
  }
}
