/**
 * Scraped text is untrusted: a title can carry `ESC[2J` (clear the screen), an OSC 8 hyperlink
 * that shows one URL and opens another, an OSC 52 sequence that writes the user's clipboard, or a
 * bidi override that makes a line read backwards. Two functions, used everywhere:
 *
 * - `cleanText` where text enters (ingest): control sequences and characters are dropped, so the
 *   database holds text, not terminal commands.
 * - `escapeTerminal` where text leaves for a terminal or a pipe (tables, TSV, `show`, messages
 *   naming files): whatever is still there (a database written by an older papers, `papers sql`
 *   over any table, a file name) is made visible (`\x1b`) instead of being obeyed.
 *
 * Both are single linear passes (no backtracking), so a megabyte of escapes costs milliseconds.
 */

/**
 * An escape sequence, 7-bit or 8-bit:
 * - CSI (`ESC [` or U+009B): parameters, intermediates, one final byte (`ESC[2J`, `ESC[31m`);
 * - OSC, DCS, SOS, PM, APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _` or U+009D/0090/0098/009E/009F):
 *   a string up to its BEL or ST (`ESC \` or U+009C): OSC 8 links, OSC 52 clipboard writes. An
 *   unterminated one loses only its introducer (a stray U+009D from a mis-decoded file must not
 *   swallow the rest of an abstract), and the payload stops at the next introducer, so each
 *   character is scanned once;
 * - any other `ESC` with its intermediates and final byte (`ESC c` resets the terminal).
 */
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)|\x1b[\x20-\x2f]*[\x30-\x7e]?/g;

/**
 * Control characters text layout does not need: C0 except tab, line feed and carriage return
 * (CR is handled apart), DEL, C1, and the bidi embeddings, overrides and isolates
 * (U+202A-202E, U+2066-2069) of "Trojan Source".
 */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Cheap pre-check: most text holds none of these, and is returned as is. */
const ANY_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/**
 * Untrusted text as it should be stored: escape sequences removed whole (their parameters and
 * payloads too, so an OSC 8 link leaves only its visible text), other control characters removed,
 * a carriage return not followed by a line feed made a line feed (a lone CR rewrites the line it
 * ends on a terminal). Tabs and line breaks stay. Everything else is kept verbatim.
 */
export function cleanText(s: string): string {
  if (!ANY_CONTROL.test(s)) return s;
  return s
    .replace(ESCAPE_SEQUENCE, '')
    .replace(/\r(?!\n)/g, '\n')
    .replace(CONTROL, '');
}

/** What a terminal must not receive: every control character but tab and line feed, and the bidi controls. */
const UNSAFE_FOR_TERMINAL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made safe to print on a terminal or to pipe as TSV: each control character becomes its
 * visible escape (`\x1b`, `\r`, `\u202e`), so nothing in it is obeyed and nothing is hidden.
 * Tab and line feed stay (layout decides what to do with them). Apply it to the text, before
 * any colour is added.
 */
export function escapeTerminal(s: string): string {
  return s.replace(UNSAFE_FOR_TERMINAL, (c) => {
    const cp = c.charCodeAt(0);
    if (c === '\r') return '\\r';
    return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16)}`;
  });
}

/** Does the text hold a control character (tab and line breaks included) or a bidi control? */
export function hasControl(s: string): boolean {
  return /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(s);
}

/** A record's text fields cleaned as they enter (title, abstract, authors, summary); the rest is kept. */
export function cleanRecordText<R extends { title: string; abstract: string; authors: string[]; summary?: string }>(r: R): R {
  const summary = r.summary === undefined ? {} : { summary: cleanText(r.summary) };
  return { ...r, title: cleanText(r.title), abstract: cleanText(r.abstract), authors: r.authors.map(cleanText), ...summary };
}

/** `escapeTerminal` over every string inside a value (for renderers that print many fields). */
export function escapeTerminalDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeTerminal(value) as T;
  if (Array.isArray(value)) return value.map(escapeTerminalDeep) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeTerminalDeep(v);
    return out as T;
  }
  return value;
}
