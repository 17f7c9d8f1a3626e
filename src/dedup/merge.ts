/**
 * The one merge: where a sighting goes (an existing paper, or a new one) and what the paper's
 * canonical copy becomes. The ingest runs it for every stored record, and `clusterRecords` (what
 * the property tests exercise) is built on it, so the tests cover the code the ingest runs.
 *
 * Pure apart from the DedupIndex it is given, which it keeps in step with the canonical copies.
 */
import type { CanonicalPaper, DigestRecord } from '../types.js';
import type { DedupIndex, SightingLike } from './index.js';
import { competingAbstract, preferAbstract, preferTitle, type TitleFacts } from './prefer.js';
import { preparedTitleFacts, type PreparedSighting } from './prepared.js';

/** What a sighting brings to a merge: its text, and the other fields when the form has them. */
export type SightingFields = SightingLike &
  Partial<Pick<DigestRecord, 'authors' | 'upvotes' | 'publishedAt' | 'textKind'>> & {
    /** The source rank of its file's form (sourceRank); 0 when unknown. */
    rank?: number;
  };

/** A new paper's canonical copy: the sighting's own fields. */
export function newCanonical(id: string, rec: SightingFields): CanonicalPaper {
  return {
    id,
    arxiv_id: rec.arxivId,
    title: rec.title,
    abstract: competingAbstract(rec),
    authors: JSON.stringify(rec.authors ?? []),
    upvotes: rec.upvotes ?? null,
    published_at: rec.publishedAt ?? null,
    title_rank: rec.rank ?? 0,
    abstract_rank: rec.rank ?? 0,
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
  const rank = rec.rank ?? 0;
  const titleWins = preferTitle(current.title, rec.title, facts, { current: current.title_rank, incoming: rank });
  const title = titleWins === 'incoming' ? rec.title : current.title;
  // The same text from a more authoritative form raises the rank (so the result is order-free).
  const title_rank =
    titleWins === 'incoming' || (rec.title === current.title && rank > current.title_rank) ? rank : current.title_rank;
  const recAbstract = competingAbstract(rec);
  const abstractWins = preferAbstract(current.abstract, recAbstract, { current: current.abstract_rank, incoming: rank });
  const abstract = abstractWins === 'incoming' ? recAbstract : current.abstract;
  const abstract_rank =
    abstractWins === 'incoming' || (recAbstract === current.abstract && rank > current.abstract_rank)
      ? rank
      : current.abstract_rank;
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
    title_rank === current.title_rank &&
    abstract_rank === current.abstract_rank &&
    arxiv_id === current.arxiv_id &&
    authors === current.authors &&
    upvotes === current.upvotes &&
    published_at === current.published_at;
  return same ? null : { ...current, arxiv_id, title, abstract, authors, upvotes, published_at, title_rank, abstract_rank };
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

/**
 * A paper's canonical title and abstract re-derived from the sightings it has left (after a file
 * was replaced or forgotten, or sightings moved by a decision): the best of each, as the merge
 * would have chosen them in any order.
 */
export function bestText(
  sightings: readonly SightingFields[],
): Pick<CanonicalPaper, 'title' | 'abstract' | 'title_rank' | 'abstract_rank'> {
  let best = { title: '', abstract: '', title_rank: 0, abstract_rank: 0 };
  sightings.forEach((s, i) => {
    const rank = s.rank ?? 0;
    const ranks = { current: best.title_rank, incoming: rank };
    if (
      i === 0 ||
      preferTitle(best.title, s.title, undefined, ranks) === 'incoming' ||
      (s.title === best.title && rank > best.title_rank)
    )
      best = { ...best, title: s.title, title_rank: rank };
    const abs = competingAbstract(s);
    const aRanks = { current: best.abstract_rank, incoming: rank };
    if (
      i === 0 ||
      preferAbstract(best.abstract, abs, aRanks) === 'incoming' ||
      (abs === best.abstract && rank > best.abstract_rank)
    )
      best = { ...best, abstract: abs, abstract_rank: rank };
  });
  return best;
}
