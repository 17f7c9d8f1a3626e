/**
 * Which copy of a title / abstract is the better one. Each is a *total* order (a final code-unit
 * comparison breaks ties), so the canonical copy of a cluster - the best of its sightings - does
 * not depend on the order the sightings arrive in.
 *
 * The order, each step deciding only when the earlier ones tie:
 *  title:    present > complete (no clip mark) > source rank (see sources.ts) > longer normalised
 *            key > intact words (no "VAU- R1" line-break hyphen) > proper casing (not "Learning
 *            To Think With") > math kept (`$\times$`, `L$^2$M`) > less other markup (hard wraps,
 *            doubled spaces, `\textit{}`) > code-unit order
 *  abstract: real (>= 20 words) > short (a comment) > empty > complete (no `…`; real ones) > source rank >
 *            math kept > longer text (markup not counted) > less markup > code-unit order
 * Only a body text that is the paper's abstract competes: a summary, translation or comment
 * (DigestRecord.textKind) never becomes the canonical abstract (see competingAbstract).
 */
import { clipMarkStart, isClippedTitle, titleKey } from '../normalize.js';
import type { TextKind } from '../types.js';
import { REAL_ABSTRACT_WORDS } from './sketch.js';

/** What preferTitle needs of a title beyond its text: `titleKey(t).length` and `isClippedTitle(t)`. */
export interface TitleFacts {
  keyLength: number;
  clipped: boolean;
}

/** The source ranks of the two copies (sourceRank of their files' forms); equal when absent. */
export interface Ranks {
  current: number;
  incoming: number;
}

const MARKUP = /[\\$^_{}]|\n|\s{2,}|\u00A0|^\s|\s$/g;
/** A math span that holds math: `$\times$`, `$^2$` (not a lone `$5`). */
const MATH = /\$[^$\n]{0,80}?[\\^_][^$\n]{0,80}?\$/g;
/** A word broken at a line end and glued back with a space: "VAU- R1", "Multi- Agent" ("Pre- and Post-" is English). */
const BROKEN_HYPHEN = /[\p{L}\p{N}]- (?!(?:and|or|to|vs|&)\b)[\p{L}\p{N}]/gu;
/** Words a properly cased title keeps in lower case unless they open it or a subtitle. */
const MINOR_WORDS = new Set([
  'A',
  'An',
  'The',
  'And',
  'Or',
  'Nor',
  'But',
  'Of',
  'To',
  'In',
  'On',
  'For',
  'With',
  'Via',
  'By',
  'At',
  'From',
  'As',
  'Into',
  'Onto',
  'Over',
  'Vs',
  'Vs.',
  'Per',
]);

function count(s: string, re: RegExp, mark: string): number {
  // Most texts hold none of the mark the expression needs: one indexOf instead of a regex scan.
  if (!s.includes(mark)) return 0;
  const m = s.match(re);
  return m === null ? 0 : m.length;
}

function countMarkup(s: string): number {
  const m = s.match(MARKUP);
  return m === null ? 0 : m.length;
}

/** How far a title is from proper casing: capitalised minor words mid-title, or a lower-case start. */
export function casingFlaws(title: string): number {
  const words = title.trim().split(/\s+/);
  let n = /^[a-z]/.test(words[0] ?? '') ? 1 : 0;
  for (let i = 1; i < words.length; i++) {
    if (!MINOR_WORDS.has(words[i]!)) continue;
    const prev = words[i - 1]!;
    // A subtitle opens with a capital: "Sora: A Review", "Think - With Images".
    if (/[:?!.\u2013\u2014-]$/.test(prev) || prev === '-') continue;
    n++;
  }
  return n;
}

/** First difference of two number pairs decides: the higher wins when `higher`, else the lower. */
type Verdict = 'current' | 'incoming' | null;
function by(c: number, i: number, higher: boolean): Verdict {
  if (c === i) return null;
  return i > c === higher ? 'incoming' : 'current';
}

function lexTieBreak(current: string, incoming: string): 'current' | 'incoming' {
  return incoming < current ? 'incoming' : 'current';
}

/**
 * The better title of two copies of one paper (see the order above). Returns 'current' when the
 * two are identical.
 *
 * `facts`, when given, must be the two titles' facts (`DedupIndex.titleFacts(id)` for the title last
 * put for a paper, `preparedTitleFacts(p)` for a prepared sighting): then no title is normalised.
 */
export function preferTitle(
  current: string,
  incoming: string,
  facts?: { current: TitleFacts; incoming: TitleFacts },
  ranks?: Ranks,
): 'current' | 'incoming' {
  if (current === incoming) return 'current';
  if (current.trim() === '') return 'incoming';
  if (incoming.trim() === '') return 'current';
  const cClip = facts ? facts.current.clipped : isClippedTitle(current);
  const iClip = facts ? facts.incoming.clipped : isClippedTitle(incoming);
  return (
    by(Number(cClip), Number(iClip), false) ??
    (ranks ? by(ranks.current, ranks.incoming, true) : null) ??
    by(
      facts ? facts.current.keyLength : titleKey(current).length,
      facts ? facts.incoming.keyLength : titleKey(incoming).length,
      true,
    ) ??
    by(count(current, BROKEN_HYPHEN, '- '), count(incoming, BROKEN_HYPHEN, '- '), false) ??
    by(casingFlaws(current), casingFlaws(incoming), false) ??
    by(count(current, MATH, '$'), count(incoming, MATH, '$'), true) ??
    by(countMarkup(current), countMarkup(incoming), false) ??
    lexTieBreak(current, incoming)
  );
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

/** The body text of a sighting that may become the canonical abstract: only an abstract. */
export function competingAbstract(rec: { abstract: string; textKind?: TextKind }): string {
  return rec.textKind === undefined || rec.textKind === 'abstract' ? rec.abstract : '';
}

/** The better abstract of two copies of one paper (see the order above). */
export function preferAbstract(current: string, incoming: string, ranks?: Ranks): 'current' | 'incoming' {
  if (current === incoming) return 'current';
  const cMark = countMarkup(current);
  const iMark = countMarkup(incoming);
  const cClass = abstractClass(wordCount(current));
  const iClass = abstractClass(wordCount(incoming));
  return (
    by(cClass, iClass, true) ??
    // Between two short texts (comments, or cuts too short to tell) a clip mark says little.
    (cClass === 2 ? by(Number(clipMarkStart(current) >= 0), Number(clipMarkStart(incoming) >= 0), false) : null) ??
    (ranks ? by(ranks.current, ranks.incoming, true) : null) ??
    by(count(current, MATH, '$'), count(incoming, MATH, '$'), true) ??
    // Markup characters do not count as content.
    by(current.trim().length - 2 * cMark, incoming.trim().length - 2 * iMark, true) ??
    by(cMark, iMark, false) ??
    lexTieBreak(current, incoming)
  );
}
