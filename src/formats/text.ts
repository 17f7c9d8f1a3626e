/**
 * Text cleanup shared by the readers: HTML entities, inline markup, Markdown escapes, whitespace, hard-wrapped abstracts.
 * Pure; errors are `ParseError`s.
 */

export { decodeEntities } from '../entities.js';
import { decodeEntities } from '../entities.js';

/** Inline markup tags that can leak into a title (only these, so "a <b" in maths stays). */
const INLINE_TAG = /<\/?(?:i|b|em|strong|sub|sup|span|a|br|p|div|code|small|mark|u|s)(?:\s[^<>]*)?\/?>/gi;
/** `\` before an ASCII punctuation character: a Markdown escape. */
const MD_ESCAPE = /\\([!-/:-@[-`{-~])/g;
/**
 * The runs of whitespace (`\s`, which holds the no-break and Unicode spaces, and U+200B) that are
 * not already one plain space: one starting with another blank, or a space followed by more.
 * Replacing every run, single spaces included, rebuilt the string at each of an abstract's
 * ~150 spaces (the top function in a profile of the mixed-form bench corpus's worker).
 */
const WS_TO_COLLAPSE = /(?:(?! )[\s\u200b]| [\s\u200b])[\s\u200b]*/g;

/** Collapses every run of whitespace (incl. newlines and no-break spaces) into one space and trims. */
export function collapseWhitespace(s: string): string {
  return s.replace(WS_TO_COLLAPSE, ' ').trim();
}

/**
 * A title as the page shows it: HTML entities decoded, inline tags dropped, `\ ` capture artifacts
 * and (for Markdown) escapes removed, whitespace collapsed. Otherwise verbatim.
 */
export function cleanTitle(raw: unknown, opts: { markdown?: boolean } = {}): string {
  if (typeof raw !== 'string') return '';
  let s = decodeEntities(raw.replace(INLINE_TAG, ''));
  // "Engage\  with": a hard wrap the capture turned into an escaped space.
  s = s.replace(/\\(?=[\s])/g, ' ');
  if (opts.markdown) s = s.replace(MD_ESCAPE, '$1');
  return collapseWhitespace(s);
}

/**
 * `\` or `\\` ending a line: Markdown hard-break artifacts of a hard-wrapped abstract. A match
 * starts at a backslash, not at the spaces before it: from each of 200k spaces `[ \t]*` re-read
 * the rest of the run (quadratic: 33 s). The spaces left before the backslash are collapsed anyway.
 */
const LINE_END_BACKSLASHES = /\\{1,2}[ \t]*(?=\r?\n|\r|$)/g;

/**
 * An abstract unwrapped into one paragraph: hard wraps joined, `\\` line-end artifacts removed,
 * whitespace collapsed. The text is otherwise left as is (LaTeX included).
 */
export function unwrapAbstract(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return collapseWhitespace(raw.replace(LINE_END_BACKSLASHES, ''));
}

/**
 * Does a paragraph read as an abstract rather than a one-sentence AI summary? Abstracts run to
 * several sentences and hundreds of characters; the site's AI summaries are one sentence.
 */
export function looksLikeAbstract(text: string): boolean {
  const t = text.trim();
  if (t.length >= 600) return true;
  if (t.length < 350) return false;
  return t.split(/[.!?]\s+(?=[A-Z])/).length >= 3;
}

/** Removes Markdown escapes (`\_`, `\*`, `\[` …) from captured Markdown text. */
export function unescapeMarkdown(s: string): string {
  return s.replace(/\\([\\`*_[\]()#+\-.!|<>~])/g, '$1');
}
