/**
 * The closed sets of values a flag accepts, each written once: commander's `.choices()`, the
 * commands' checks and the help text derive from these lists.
 */

/** A method's role in a paper (methods.role; the schema's CHECK lists the same). */
export const ROLES = ['proposed', 'compared', 'used'] as const;

/** A claim's kind (claims.kind). */
export const CLAIM_KINDS = ['percent', 'multiplier', 'parameters', 'count', 'quantity'] as const;

/** How `papers query` orders its papers. */
export const SORTS = ['relevance', 'date', 'title', 'claims', 'upvotes'] as const;

/** Why a sighting joined its paper (sightings.match_rule); `new` started the paper. */
export const MATCH_RULES = ['new', 'arxiv-id', 'exact-title', 'clipped-title', 'fuzzy-title', 'title+abstract'] as const;

/**
 * How far a listing cut by --limit counts its rows before saying "more than": counting every
 * match of a broad filter costs a scan (at 100k papers 50-160 ms for `--method lora` or
 * `--has-code`, ten times that at 1M, more than the query itself); counting to 1000 took 1-10 ms.
 */
export const COUNT_CAP = 1000;
