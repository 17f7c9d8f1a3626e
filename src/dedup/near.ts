/**
 * Likely misses: pairs of papers the dedup kept apart only because their titles' similarity fell
 * just under the threshold, for a person to review (and `papers merge` if they are one). Pure.
 */
import { DEFAULT_THRESHOLD, DedupIndex, type PaperRef } from './index.js';

export interface NearPair {
  /** The later paper (in the order given) and the earlier one it nearly matched. */
  a: string;
  b: string;
  /** Their title similarity (Dice on the normalised keys), in [threshold - margin, threshold). */
  score: number;
}

/**
 * Each paper is matched, with the threshold lowered by `margin`, against the papers before it; a
 * match by `fuzzy-title` that would not have been one at `threshold` is a near pair. All the other
 * rules still apply (a different version number or model size is never "near").
 */
export function nearPairs(papers: Iterable<PaperRef>, threshold = DEFAULT_THRESHOLD, margin = 0.1): NearPair[] {
  const index = new DedupIndex({ threshold: Math.max(0.01, threshold - margin) });
  const out: NearPair[] = [];
  for (const p of papers) {
    const m = index.match(p);
    if (m && m.rule === 'fuzzy-title' && m.score < threshold) out.push({ a: p.id, b: m.paperId, score: m.score });
    if (!m || m.rule === 'fuzzy-title') index.put(p);
  }
  return out.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : 1));
}
