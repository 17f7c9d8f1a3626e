/**
 * Which copy of a title / abstract is the more complete one. Each is a *total* order (a final
 * code-unit comparison breaks ties), so the canonical copy of a cluster - the best of its
 * sightings - does not depend on the order the sightings arrive in.
 */
import { isClippedTitle, titleKey } from '../normalize.js';
import { REAL_ABSTRACT_WORDS } from './sketch.js';

/** What preferTitle needs of a title beyond its text: `titleKey(t).length` and `isClippedTitle(t)`. */
export interface TitleFacts {
  keyLength: number;
  clipped: boolean;
}

const MARKUP = /[\\$^_{}]|\n|\s{2,}|\u00A0|^\s|\s$/g;
const TRUNCATED = /(?:\u2026|\.{3,}|\[\s*(?:\.{3}|\u2026)\s*\])\s*$/;

function markupCount(s: string): number {
  const m = s.match(MARKUP);
  return m === null ? 0 : m.length;
}

function lexTieBreak(current: string, incoming: string): 'current' | 'incoming' {
  return incoming < current ? 'incoming' : 'current';
}

/**
 * The better title of two copies of one paper: a full title over a clipped one (`…`), then the
 * longer (normalised) title, then the one with less markup (LaTeX, hard wraps, doubled spaces),
 * then the code-unit-smaller string. Returns 'current' when the two are identical.
 *
 * `facts`, when given, must be the two titles' facts (`DedupIndex.titleFacts(id)` for the title last
 * put for a paper, `preparedTitleFacts(p)` for a prepared sighting): then no title is normalised.
 */
export function preferTitle(
  current: string,
  incoming: string,
  facts?: { current: TitleFacts; incoming: TitleFacts },
): 'current' | 'incoming' {
  if (current === incoming) return 'current';
  if (current.trim() === '') return 'incoming';
  if (incoming.trim() === '') return 'current';
  const cClip = facts ? facts.current.clipped : isClippedTitle(current);
  const iClip = facts ? facts.incoming.clipped : isClippedTitle(incoming);
  if (cClip !== iClip) return cClip ? 'incoming' : 'current';
  const cLen = facts ? facts.current.keyLength : titleKey(current).length;
  const iLen = facts ? facts.incoming.keyLength : titleKey(incoming).length;
  if (cLen !== iLen) return iLen > cLen ? 'incoming' : 'current';
  const cMark = markupCount(current);
  const iMark = markupCount(incoming);
  if (cMark !== iMark) return iMark < cMark ? 'incoming' : 'current';
  return lexTieBreak(current, incoming);
}

/** Whitespace-separated words, counted up to REAL_ABSTRACT_WORDS (all the classes need). */
function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n < REAL_ABSTRACT_WORDS; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function abstractClass(words: number): number {
  if (words === 0) return 0;
  return words < REAL_ABSTRACT_WORDS ? 1 : 2;
}

/**
 * The better abstract of two copies of one paper: a real abstract over a short comment over
 * nothing; among real ones the longer, counting a copy cut with `…` at 90% of its length (so the
 * full text beats its truncations); then less markup; then the code-unit-smaller string.
 */
export function preferAbstract(current: string, incoming: string): 'current' | 'incoming' {
  if (current === incoming) return 'current';
  const cWords = wordCount(current);
  const iWords = wordCount(incoming);
  const cClass = abstractClass(cWords);
  const iClass = abstractClass(iWords);
  if (cClass !== iClass) return iClass > cClass ? 'incoming' : 'current';
  const cMark = markupCount(current);
  const iMark = markupCount(incoming);
  // Markup characters do not count as content.
  const cLen = (current.trim().length - 2 * cMark) * (TRUNCATED.test(current) ? 0.9 : 1);
  const iLen = (incoming.trim().length - 2 * iMark) * (TRUNCATED.test(incoming) ? 0.9 : 1);
  if (cLen !== iLen) return iLen > cLen ? 'incoming' : 'current';
  if (cMark !== iMark) return iMark < cMark ? 'incoming' : 'current';
  return lexTieBreak(current, incoming);
}
