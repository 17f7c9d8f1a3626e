/**
 * The one merge: where a sighting goes (an existing paper, or a new one) and what the paper's
 * canonical copy becomes. The ingest runs it for every stored record, and `clusterRecords` (what
 * the property tests exercise) is built on it, so the tests cover the code the ingest runs.
 *
 * Pure apart from the DedupIndex it is given, which it keeps in step with the canonical copies.
 */
import type { CanonicalPaper, DigestRecord } from '../types.js';
import type { DedupIndex, SightingLike } from './index.js';
import { preferAbstract, preferTitle, type TitleFacts } from './prefer.js';
import { preparedTitleFacts, type PreparedSighting } from './prepared.js';

/** What a sighting brings to a merge: its text, and the other fields when the form has them. */
export type SightingFields = SightingLike & Partial<Pick<DigestRecord, 'authors' | 'upvotes' | 'publishedAt' | 'textKind'>>;

/** A new paper's canonical copy: the sighting's own fields. */
export function newCanonical(id: string, rec: SightingFields): CanonicalPaper {
  return {
    id,
    arxiv_id: rec.arxivId,
    title: rec.title,
    abstract: rec.abstract,
    authors: JSON.stringify(rec.authors ?? []),
    upvotes: rec.upvotes ?? null,
    published_at: rec.publishedAt ?? null,
  };
}

/**
 * The canonical record after a new sighting: each field takes the better copy (preferTitle,
 * preferAbstract: total orders, so the result does not depend on arrival order). Returns null when
 * nothing changes (the common case, and a write saved).
 */
export function mergeCanonical(
  current: CanonicalPaper,
  rec: SightingFields,
  facts?: { current: TitleFacts; incoming: TitleFacts },
): CanonicalPaper | null {
  const title = preferTitle(current.title, rec.title, facts) === 'incoming' ? rec.title : current.title;
  const abstract = preferAbstract(current.abstract, rec.abstract) === 'incoming' ? rec.abstract : current.abstract;
  const arxiv_id = current.arxiv_id ?? rec.arxivId;
  const recAuthors = rec.authors ?? [];
  const authors = current.authors === '[]' && recAuthors.length > 0 ? JSON.stringify(recAuthors) : current.authors;
  const recUpvotes = rec.upvotes ?? null;
  const upvotes =
    recUpvotes !== null && (current.upvotes === null || recUpvotes > current.upvotes) ? recUpvotes : current.upvotes;
  const published_at = current.published_at ?? rec.publishedAt ?? null;
  const same =
    title === current.title &&
    abstract === current.abstract &&
    arxiv_id === current.arxiv_id &&
    authors === current.authors &&
    upvotes === current.upvotes &&
    published_at === current.published_at;
  return same ? null : { ...current, arxiv_id, title, abstract, authors, upvotes, published_at };
}

/** Where a sighting went. */
export interface Placement {
  paperId: string;
  /** 'new' for the sighting that created the paper, else the MatchRule that attached it. */
  rule: string;
  score: number;
  /** The paper's canonical copy before this sighting (undefined for a new paper). */
  before?: CanonicalPaper;
  /** Its canonical copy after: a new paper's, or the merged one; null when a match changed nothing. */
  after: CanonicalPaper | null;
}

/** How placeSighting reaches the papers it does not hold itself. */
export interface PlaceContext {
  /** The current canonical copy of an indexed paper; undefined when it no longer exists. */
  canonicalOf(id: string): CanonicalPaper | undefined;
  /** An id for a new paper created from `rec`. */
  newId(rec: SightingFields): string;
  /** The sighting's prepared keys (prepareSighting(rec)), when computed elsewhere (a worker). */
  prepared?: PreparedSighting;
}

/**
 * Places one sighting: matches it against the index, merges it into the paper it matches (the
 * index then learns the fields the canonical copy took from it) or creates a paper for it.
 */
export function placeSighting(index: DedupIndex, rec: SightingFields, ctx: PlaceContext): Placement {
  const { prepared } = ctx;
  for (;;) {
    const m = index.match(prepared ?? rec);
    if (!m) break;
    const before = ctx.canonicalOf(m.paperId);
    if (!before) {
      // Deleted (by another process) since it was indexed.
      index.remove(m.paperId);
      continue;
    }
    const currentFacts = prepared ? index.titleFacts(m.paperId) : null;
    const facts = currentFacts && prepared ? { current: currentFacts, incoming: preparedTitleFacts(prepared) } : undefined;
    const after = mergeCanonical(before, rec, facts);
    if (after) {
      const take = {
        title: after.title !== before.title,
        abstract: after.abstract !== before.abstract,
        arxivId: after.arxiv_id !== before.arxiv_id,
      };
      if (prepared) index.upgrade(m.paperId, prepared, take);
      else if (take.title || take.abstract || take.arxivId)
        index.put({ id: m.paperId, arxivId: after.arxiv_id, title: after.title, abstract: after.abstract });
    }
    return { paperId: m.paperId, rule: m.rule, score: m.score, before, after };
  }
  const paper = newCanonical(ctx.newId(rec), rec);
  index.put({ id: paper.id, arxivId: paper.arxiv_id, title: paper.title, abstract: paper.abstract }, prepared);
  return { paperId: paper.id, rule: 'new', score: 1, after: paper };
}
