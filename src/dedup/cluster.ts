/**
 * Clustering a list of records in memory, with the ingest's own merge (placeSighting): what the
 * dedup tests and property tests run. Not part of the public library: the ingest is the product.
 */
import { DedupIndex, type DedupOptions, type SightingLike } from './index.js';
import { placeSighting } from './merge.js';
import type { PreparedSighting } from './prepared.js';
import type { CanonicalPaper } from '../types.js';

export interface ClusterResult {
  /** Cluster index per record (clusters numbered in order of first appearance). */
  cluster: number[];
  /** The rule that placed each record ('new' for the first of a cluster). */
  rule: string[];
  score: number[];
  /** The canonical record of each cluster after all records. */
  canonical: SightingLike[];
}

/**
 * Clusters records in the given order, exactly as an ingest does (placeSighting: match, merge the
 * canonical copy, teach the index). With `prepared` (prepared[i] = prepareSighting(recs[i]),
 * possibly cloned), the index is fed the prepared values instead: the result must be the same.
 */
export function clusterRecords(recs: SightingLike[], opts?: DedupOptions, prepared?: readonly PreparedSighting[]): ClusterResult {
  const index = new DedupIndex(opts);
  const papers: CanonicalPaper[] = [];
  const cluster: number[] = [];
  const rule: string[] = [];
  const score: number[] = [];
  recs.forEach((rec, i) => {
    const placed = placeSighting(index, rec, {
      canonicalOf: (id) => papers[Number(id)],
      newId: () => String(papers.length),
      prepared: prepared?.[i],
    });
    const c = Number(placed.paperId);
    if (placed.after) papers[c] = placed.after;
    cluster.push(c);
    rule.push(placed.rule);
    score.push(placed.score);
  });
  const canonical = papers.map((p) => ({ title: p.title, abstract: p.abstract, arxivId: p.arxiv_id }));
  return { cluster, rule, score, canonical };
}
