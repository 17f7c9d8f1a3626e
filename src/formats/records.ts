/**
 * Finding paper records in any tree of values (parsed JSON, YAML): arrays of objects at any
 * depth, wrappers (`{data | papers | items: [...]}`), objects keyed by arXiv id
 * (`{"2312.17653": {title, abstract}}`), or the root itself as one paper. Every candidate
 * collection is scored by how many of its objects read as papers (a title plus an id or a body);
 * the best one wins, so an `authors: [{name}]` list never beats the papers around it. Pure.
 */
import { normalizeArxivId } from './arxiv.js';
import { parseDate } from './dates.js';
import { findTitle, fieldsOf, isPaperLike } from './fields.js';
import { isObject, MAX_DEPTH } from './json.js';

/** A collection of record objects found in the tree. */
export interface FoundRecords {
  items: Record<string, unknown>[];
  /** How many of the (sampled) items read as papers, scaled to the whole collection. */
  paperLike: number;
  /** The digest date of the object holding the collection (or of the root), when it names one. */
  digestDate: string | null;
}

/** How many items of a collection are examined for its score. */
const SAMPLE = 100;
/** How many collections a tree may offer before the walk stops looking (hostile input). */
const MAX_CANDIDATES = 2000;

function dateOf(obj: Record<string, unknown>): string | null {
  for (const k of ['date', 'digest_date', 'digestDate', 'day', 'fetch_date']) {
    const d = parseDate(obj[k]);
    if (d) return d;
  }
  return null;
}

function score(items: Record<string, unknown>[]): { paperLike: number; titled: number } {
  const n = Math.min(items.length, SAMPLE);
  let paperLike = 0;
  let titled = 0;
  for (let i = 0; i < n; i++) {
    const f = fieldsOf(items[i]!);
    if (findTitle(f) === null) continue;
    titled++;
    if (isPaperLike(f)) paperLike++;
  }
  const scale = n === 0 ? 0 : items.length / n;
  return { paperLike: Math.round(paperLike * scale), titled: Math.round(titled * scale) };
}

/**
 * The collection of paper records in `value` with the most paper-like objects; null when the
 * tree holds no object with a title. Objects keyed by arXiv id get the id as `arxiv_id`.
 */
export function findRecords(value: unknown): FoundRecords | null {
  const rootDate = isObject(value) ? dateOf(value) : null;
  let best: (FoundRecords & { titled: number; depth: number }) | null = null;
  let seen = 0;
  const consider = (items: Record<string, unknown>[], holder: Record<string, unknown> | null, depth: number) => {
    if (items.length === 0) return;
    const s = score(items);
    if (s.titled === 0) return;
    const better =
      !best ||
      s.paperLike > best.paperLike ||
      (s.paperLike === best.paperLike && (s.titled > best.titled || (s.titled === best.titled && depth < best.depth)));
    if (better)
      best = { items, paperLike: s.paperLike, titled: s.titled, depth, digestDate: (holder && dateOf(holder)) ?? rootDate };
  };
  const walk = (v: unknown, holder: Record<string, unknown> | null, depth: number) => {
    if (depth > MAX_DEPTH || seen > MAX_CANDIDATES) return;
    if (Array.isArray(v)) {
      const objects = v.filter(isObject);
      if (objects.length > 0) {
        seen++;
        consider(objects, holder, depth);
      }
      for (const x of v) if (typeof x === 'object' && x !== null) walk(x, holder, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    const entries = Object.entries(v);
    // Keyed by arXiv id: the values are the records.
    const keyed = entries.filter(([k, x]) => isObject(x) && normalizeArxivId(k) !== null);
    if (keyed.length > 0 && keyed.length * 2 >= entries.length) {
      seen++;
      consider(
        keyed.map(([k, x]) => ({ arxiv_id: k, ...(x as Record<string, unknown>) })),
        v,
        depth,
      );
    }
    for (const [, x] of entries) if (typeof x === 'object' && x !== null) walk(x, v, depth + 1);
  };
  if (isObject(value)) {
    seen++;
    consider([value], null, 0);
  }
  walk(value, null, 0);
  if (!best) return null;
  const { items, paperLike, digestDate } = best;
  return { items, paperLike, digestDate };
}

/** A saved error response (`{"error": "..."}`, `{"detail": "Not Found"}`): its message, else null. */
export function errorBody(value: unknown): string | null {
  if (!isObject(value)) return null;
  const keys = Object.keys(value);
  if (keys.length > 6) return null;
  for (const k of ['error', 'errors', 'detail', 'message', 'err']) {
    const v = value[k];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
    if (isObject(v) && typeof v.message === 'string') return v.message.slice(0, 200);
  }
  return null;
}
