/**
 * Text cleanup shared by the readers: HTML entities, inline markup, Markdown escapes, whitespace, hard-wrapped abstracts.
 * Pure; errors are `ParseError`s.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  times: '\u00d7',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  laquo: '\u00ab',
  raquo: '\u00bb',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  shy: '\u00ad',
  deg: '\u00b0',
  plusmn: '\u00b1',
  le: '\u2264',
  ge: '\u2265',
  ne: '\u2260',
  rarr: '\u2192',
  larr: '\u2190',
  alpha: '\u03b1',
  beta: '\u03b2',
};
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

/** Decodes HTML character references (numeric ones and the common named ones). */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return whole;
    return String.fromCodePoint(cp);
  });
}

/** Inline markup tags that can leak into a title (only these, so "a <b" in maths stays). */
const INLINE_TAG = /<\/?(?:i|b|em|strong|sub|sup|span|a|br|p|div|code|small|mark|u|s)(?:\s[^<>]*)?\/?>/gi;
/** `\` before an ASCII punctuation character: a Markdown escape. */
const MD_ESCAPE = /\\([!-/:-@[-`{-~])/g;
const WS = /[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/** Collapses every run of whitespace (incl. newlines and no-break spaces) into one space and trims. */
export function collapseWhitespace(s: string): string {
  return s.replace(WS, ' ').trim();
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
