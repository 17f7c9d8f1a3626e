/**
 * SQL for text stored once (issue 18, see the "write less" migration in ./schema.ts): a sighting's title and
 * abstract are NULL when they are its paper's, a claim's sentence is NULL when it is a span of its
 * paper's abstract. Every reader reads them through these expressions, so what a sighting or a
 * claim says never depends on how it was stored.
 */

/** A sighting's title as it was read (the sighting aliased `s`). */
export const SIGHTING_TITLE = 'coalesce(s.title, (SELECT sp.title FROM papers sp WHERE sp.rid = s.paper_rid))';

/** A sighting's abstract as it was read (the sighting aliased `s`). */
export const SIGHTING_ABSTRACT = 'coalesce(s.abstract, (SELECT sp.abstract FROM papers sp WHERE sp.rid = s.paper_rid))';

/**
 * A claim's sentence (the claim aliased `c`): its text, else its span of the abstract, in
 * characters as substr() counts them (see ./spans.ts).
 */
export const CLAIM_SENTENCE = `coalesce(c.sentence, substr((SELECT cp.abstract FROM papers cp WHERE cp.rid = c.paper_rid),
  c.sentence_start + 1, c.sentence_end - c.sentence_start))`;
