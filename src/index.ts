/**
 * The pure core as a library: split, normalise, dedup, extract. No file system, database or
 * terminal in any of these.
 */
export * from './types.js';
export { splitDigest, readers } from './formats/index.js';
export { decodeDigest } from './decode.js';
export { titleKey } from './normalize.js';
export { DedupIndex, preferAbstract, preferTitle } from './dedup/index.js';
export { extractAll } from './extract/index.js';
export { extractClaims } from './extract/claims.js';
export { extractLinks } from './extract/links.js';
export { extractMethods, methodMatches } from './extract/methods/index.js';
