/**
 * Helpers shared by the format readers: arXiv id extraction, date parsing, title cleaning,
 * abstract unwrapping, JSON / NDJSON / Python-literal loading, link filtering.
 * Everything here is pure; errors are `ParseError`s.
 */
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';

// ---------------------------------------------------------------------------------------------
// arXiv ids

/** New-style id (0704.0001 .. 2609.38597), optional version. */
const NEW_ID_SRC = String.raw`\d{4}\.\d{4,5}`;
/** Old-style id: archive(.SUBJ)/YYMMNNN ("hep-th/9901001", "math.GT/0309136", "cs/0112017"). */
const OLD_ID_SRC = String.raw`[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]{2})?/\d{7}`;
const ID_SRC = `(?:${NEW_ID_SRC}|${OLD_ID_SRC})`;

const BARE_ID = new RegExp(String.raw`^(?:arxiv:\s*)?(${ID_SRC})(?:v\d+)?(?:\.pdf)?$`, 'i');
/** An id inside a Hugging Face paper URL or an arXiv abs/pdf/html URL. */
const URL_ID = new RegExp(String.raw`(?:/papers/|arxiv\.org/(?:abs|pdf|html)/)(${ID_SRC})(?:v\d+)?(?![\d])`, 'i');
const TEXT_ID = new RegExp(String.raw`\barxiv:\s*(${ID_SRC})(?:v\d+)?(?![\d])`, 'i');

/** Old-style archive names are lower case; keep the subject class's case ("math.GT"). */
function canonicalId(id: string): string {
  const slash = id.indexOf('/');
  if (slash < 0) return id;
  const archive = id.slice(0, slash);
  const dot = archive.indexOf('.');
  const name = dot < 0 ? archive.toLowerCase() : archive.slice(0, dot).toLowerCase() + '.' + archive.slice(dot + 1).toUpperCase();
  return name + id.slice(slash);
}

function validNewId(id: string): boolean {
  if (!/^\d{4}\./.test(id)) return true;
  const mm = Number(id.slice(2, 4));
  return mm >= 1 && mm <= 12;
}

/** An arXiv id from a field value: a bare id ("2405.15738v2", "arXiv:hep-th/9901001") or a URL. */
export function normalizeArxivId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (v.length === 0 || v.length > 2000) return null;
  const bare = BARE_ID.exec(v);
  if (bare && validNewId(bare[1]!)) return canonicalId(bare[1]!);
  return arxivIdFromUrl(v);
}

/** The arXiv id in a `/papers/<id>`, `arxiv.org/abs/<id>`, `arxiv.org/pdf/<id>` URL, else null. */
export function arxivIdFromUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const m = URL_ID.exec(url) ?? TEXT_ID.exec(url);
  if (!m || !validNewId(m[1]!)) return null;
  return canonicalId(m[1]!);
}

/** A link to a paper page: `/papers/<id>` (relative or absolute), not the listing's own pages. */
const PAPER_HREF = new RegExp(
  String.raw`^(?:https?://(?:www\.)?huggingface\.co)?/papers/(${OLD_ID_SRC}|[^/?#\s()]+)/?(?:[?#]\S*)?$`,
  'i',
);
const NOT_PAPER = new Set(['trending', 'date', 'week', 'month', 'submit', 'search', 'index']);

/** The `<id>` of a Hugging Face paper link (relative or absolute), else null. */
export function paperSegment(href: string | undefined | null): string | null {
  if (!href) return null;
  const m = PAPER_HREF.exec(href.trim());
  if (!m) return null;
  const seg = m[1]!;
  if (NOT_PAPER.has(seg.toLowerCase()) || !/\d/.test(seg)) return null;
  return seg;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)/;
const MDY = /^(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b/i;
const DMY = /^(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?:,?\s+(\d{4}))?\b/i;
const DATE_IN_NAME = /(?:^|[^\d])((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)/;
const PUBLISHED_PREFIX = /^(?:published|submitted)(?:\s+on)?\s*:?\s*/i;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` if the parts form a real calendar date, else null. */
export function ymd(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as `YYYY-MM-DD`: ISO timestamps, "Oct 7, 2024", "Published on Jun 28, 2020",
 * "7 Oct 2024". A date shown without a year ("Sep 29", as the site shows dates of the current
 * year) takes its year from `reference` (a YYYY-MM-DD capture date): the reference's year, or the
 * year before when the day falls after the reference. Without a reference such a date is null.
 */
export function parseDate(value: unknown, reference: string | null = null): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim().replace(PUBLISHED_PREFIX, '');
  if (s.length === 0 || s.length > 200) return null;
  const iso = ISO_DATE.exec(s);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  let month: number | undefined;
  let day: number;
  let year: string | undefined;
  const mdy = MDY.exec(s);
  if (mdy) {
    month = MONTHS[mdy[1]!.toLowerCase()];
    day = Number(mdy[2]);
    year = mdy[3];
  } else {
    const dmy = DMY.exec(s);
    if (!dmy) return null;
    day = Number(dmy[1]);
    month = MONTHS[dmy[2]!.toLowerCase()];
    year = dmy[3];
  }
  if (month === undefined) return null;
  if (year !== undefined) return ymd(Number(year), month, day);
  return inferYear(month, day, reference);
}

function inferYear(month: number, day: number, reference: string | null): string | null {
  if (!reference || !ISO_DATE.test(reference)) return null;
  const ry = Number(reference.slice(0, 4));
  const rmd = reference.slice(5, 10);
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return ymd(md > rmd ? ry - 1 : ry, month, day);
}

/** A `YYYY-MM-DD` found in a file name (its last path segment), else null. */
export function fileNameDate(fileName: string): string | null {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const m = DATE_IN_NAME.exec(base);
  return m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

// ---------------------------------------------------------------------------------------------
// Text cleaning

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

/** `\` or `\\` ending a line: Markdown hard-break artifacts of a hard-wrapped abstract. */
const LINE_END_BACKSLASHES = /[ \t]*\\{1,2}[ \t]*(?=\r?\n|\r|$)/g;

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

// ---------------------------------------------------------------------------------------------
// Links

const GITHUB_URL =
  /^(?:https?:\/\/)?(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?:\/([A-Za-z0-9_.-]+))?(\/[^\s?#]*)?/i;
/** GitHub's own top-level pages, which are not owners. */
const GITHUB_RESERVED = new Set([
  'about',
  'apps',
  'features',
  'login',
  'join',
  'marketplace',
  'orgs',
  'pricing',
  'search',
  'settings',
  'sponsors',
  'topics',
  'trending',
  'collections',
  'explore',
  'site',
  'security',
  'enterprise',
  'notifications',
]);

/**
 * A repository URL given by a form as a field, cleaned to `https://github.com/owner/repo[/path]`,
 * or null for anything that is not a repository: owner-only URLs (site chrome such as
 * `https://github.com/huggingface`), GitHub's own pages.
 */
export function cleanRepoUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = GITHUB_URL.exec(raw.trim());
  if (!m || !m[2]) return null;
  const owner = m[1]!;
  let repo = m[2];
  if (GITHUB_RESERVED.has(owner.toLowerCase())) return null;
  repo = repo.replace(/\.git$/i, '').replace(/[.,;:]+$/, '');
  if (repo.length === 0 || repo === '.' || repo === '..') return null;
  let path = (m[3] ?? '').replace(/[.,;:)\]]+$/, '').replace(/\/+$/, '');
  if (path === '/') path = '';
  return `https://github.com/${owner}/${repo}${path}`;
}

/**
 * A repository URL found among a page's links rather than given as the paper's code field:
 * as `cleanRepoUrl`, and the site's own organisation (huggingface/…) is chrome, not the paper's.
 */
export function cleanScrapedRepoUrl(raw: unknown): string | null {
  const url = cleanRepoUrl(raw);
  return url && !/^https:\/\/github\.com\/huggingface\//i.test(url) ? url : null;
}

/** A link field's value as an absolute http(s) URL, else null. */
export function cleanLink(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!/^https?:\/\/[^\s/]+\.[^\s]/i.test(s) || s.length > 2000 || /\s/.test(s)) return null;
  return s;
}

/** Adds to `list` the values not already there (order kept). */
export function pushUnique(list: string[], value: string | null): void {
  if (value && !list.includes(value)) list.push(value);
}

// ---------------------------------------------------------------------------------------------
// Records

/** A record with every field empty: readers fill in what their form carries. */
export function emptyRecord(position: number, title: string): DigestRecord {
  return {
    position,
    title,
    abstract: '',
    arxivId: null,
    authors: [],
    upvotes: null,
    publishedAt: null,
    siteRepos: [],
    siteLinks: [],
  };
}

/** A count as shown or stored ("1,234", "1.2k", 13, "-" for none yet), else null. */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '-' || s === '–' || s === '—') return 0;
  const m = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([kK])?$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, '')) * (m[2] ? 1000 : 1);
  return Number.isFinite(n) ? Math.round(n) : null;
}

/** Splits text into lines whatever the line endings. */
export function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The YAML-ish front matter (`---` … `---`) at the top of a capture as a flat key/value map. */
export function frontMatter(text: string): { fields: Record<string, string>; end: number } {
  const fields: Record<string, string> = {};
  const start = /^\ufeff?[ \t]*---[ \t]*\r?\n/.exec(text);
  if (!start) return { fields, end: 0 };
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = start[0].length - 1;
  const m = close.exec(text);
  if (!m || m.index - start[0].length > 20_000) return { fields, end: 0 };
  for (const line of lines(text.slice(start[0].length, m.index))) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) fields[kv[1]!.toLowerCase()] = kv[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { fields, end: m.index + m[0].length };
}

/** The date of a `/papers/date/YYYY-MM-DD` or `?date=YYYY-MM-DD` URL, else null. */
export function urlDigestDate(url: string | undefined | null): string | null {
  if (!url) return null;
  const m = /\/papers\/date\/(\d{4})-(\d{2})-(\d{2})|[?&]date=(\d{4})-(\d{2})-(\d{2})/.exec(url);
  if (!m) return null;
  return m[1] ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : ymd(Number(m[4]), Number(m[5]), Number(m[6]));
}

/**
 * Wraps a reader so that `split` throws nothing but `ParseError` and `detect` never throws:
 * an unexpected failure becomes a ParseError whose message starts with "internal error".
 */
export function guarded(reader: FormatReader): FormatReader {
  return {
    name: reader.name,
    detect(text: string, fileName: string): number {
      try {
        const v = reader.detect(text, fileName);
        return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
      } catch {
        return 0;
      }
    },
    split(text: string, fileName: string): SplitResult {
      try {
        return reader.split(text, fileName);
      } catch (e) {
        if (e instanceof ParseError) throw e;
        const msg = e instanceof Error ? e.message : String(e);
        throw new ParseError(`internal error in the ${reader.name} reader: ${msg}`);
      }
    },
  };
}

/** Assigns 1-based positions in order and drops records without a title (with a warning). */
export function finishRecords(records: DigestRecord[], warnings: string[], what = 'record'): DigestRecord[] {
  const out: DigestRecord[] = [];
  let dropped = 0;
  for (const r of records) {
    if (r.title.length === 0) {
      dropped++;
      continue;
    }
    r.position = out.length + 1;
    out.push(r);
  }
  if (dropped > 0) warnings.push(`${dropped} ${what}(s) without a title dropped`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON, NDJSON and Python literals

/** How deep the walkers over parsed data go (guards against stack overflow on hostile input). */
export const MAX_DEPTH = 200;

function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return `line ${line}, column ${end - last}`;
}

/** A ParseError for invalid JSON naming where it broke. */
export function jsonError(text: string, err: unknown, what = 'invalid JSON'): ParseError {
  const msg = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(msg);
  let offset: number;
  if (pos) offset = Number(pos[1]);
  else if (/end of (?:JSON )?input|Unterminated/i.test(msg)) offset = text.length;
  else offset = -1;
  const where = offset >= 0 ? ` at ${lineCol(text, offset)} (offset ${offset})` : '';
  return new ParseError(`${what}${where}: ${msg.length > 200 ? msg.slice(0, 200) + '…' : msg}`);
}

/** Does the text open like JSON (an object or array), so that a parse failure is worth reporting? */
export function looksLikeJson(text: string): boolean {
  const m = /^\ufeff?\s*([[{])\s*(.?)/.exec(text.slice(0, 200));
  if (!m) return false;
  const next = m[2]!;
  if (m[1] === '{') return next === '' || next === '"' || next === "'" || next === '}';
  return next === '' || /["'{[\]\dtfnN]/.test(next) || (next === '-' && /^\ufeff?\s*\[\s*-\d/.test(text));
}

export interface LoadedJson {
  value: unknown;
  /** "json", "ndjson" or "python" (a Python literal, as `print(obj)` writes). */
  syntax: 'json' | 'ndjson' | 'python';
  warnings: string[];
}

let cacheText: string | null = null;
let cacheResult: LoadedJson | ParseError | null = null;

/**
 * Parses a JSON document, NDJSON (one JSON value a line) or a whole-file Python literal.
 * Throws ParseError (with the position) when the text is none of them. The last result is
 * cached, so detect() and split() on the same text parse once.
 */
export function loadJson(text: string): LoadedJson {
  if (cacheText !== null && cacheText === text && cacheResult) {
    if (cacheResult instanceof ParseError) throw cacheResult;
    return cacheResult;
  }
  let result: LoadedJson | ParseError;
  try {
    result = loadJsonUncached(text);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    result = e;
  }
  cacheText = text;
  cacheResult = result;
  if (result instanceof ParseError) throw result;
  return result;
}

const NDJSON_LINE_START = /^\s*[{[]/;

function loadJsonUncached(rawText: string): LoadedJson {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  let firstError: unknown;
  try {
    return { value: JSON.parse(text), syntax: 'json', warnings: [] };
  } catch (e) {
    firstError = e;
  }
  // NDJSON: the first non-empty line is a complete JSON object or array on its own.
  const ls = lines(text);
  let first = 0;
  while (first < ls.length && ls[first]!.trim() === '') first++;
  if (first < ls.length && NDJSON_LINE_START.test(ls[first]!) && parsesAlone(ls[first]!)) {
    const values: unknown[] = [];
    const warnings: string[] = [];
    let bad = 0;
    let firstBad = '';
    for (let i = first; i < ls.length; i++) {
      const l = ls[i]!;
      if (l.trim() === '') continue;
      try {
        values.push(JSON.parse(l));
      } catch (e) {
        bad++;
        if (!firstBad) firstBad = jsonError(l, e, `invalid JSON on line ${i + 1}`).message;
      }
    }
    if (bad > 0) {
      if (bad * 2 > values.length + bad) throw new ParseError(`invalid NDJSON: ${bad} bad line(s); ${firstBad}`);
      warnings.push(`${bad} unreadable NDJSON line(s) skipped; ${firstBad}`);
    }
    return { value: values, syntax: 'ndjson', warnings };
  }
  // A whole-file Python literal ([{'paper': …}]), as printed by a Python scraper.
  if (/^\s*[[{(]\s*['"{[(]/.test(text.slice(0, 100)) && /'|\b(?:True|False|None)\b/.test(text.slice(0, 5000))) {
    try {
      return { value: parsePythonLiteral(text), syntax: 'python', warnings: [] };
    } catch {
      // report the JSON error below
    }
  }
  throw jsonError(text, firstError);
}

function parsesAlone(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}

/**
 * A safe parser for Python literals as `repr()` writes them: dicts, lists, tuples, strings in
 * either quote style (with prefixes, triple quotes and escapes), True/False/None, numbers.
 * No evaluation. Throws ParseError with the offset on anything else.
 */
export function parsePythonLiteral(text: string): unknown {
  const p = new PyParser(text);
  p.ws();
  const v = p.value(0);
  p.ws();
  if (p.pos < text.length) p.fail('unexpected text after the value');
  return v;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};
const PY_NUMBER = /[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?|[-+]?(?:inf|nan)\b/y;
const PY_WS = /(?:\s|#[^\n]*)*/y;

class PyParser {
  pos = 0;
  constructor(private readonly s: string) {}

  fail(msg: string): never {
    throw new ParseError(`invalid Python literal at offset ${this.pos}: ${msg}`);
  }

  ws(): void {
    PY_WS.lastIndex = this.pos;
    PY_WS.exec(this.s);
    this.pos = PY_WS.lastIndex;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    const s = this.s;
    const c = s[this.pos];
    if (c === undefined) this.fail('unexpected end of input');
    if (c === '{') return this.dict(depth);
    if (c === '[') return this.seq(']', depth);
    if (c === '(') return this.seq(')', depth);
    if (c === "'" || c === '"') return this.string();
    const word = /[A-Za-z_]+/y;
    word.lastIndex = this.pos;
    const w = word.exec(s);
    if (w) {
      const name = w[0];
      const next = s[this.pos + name.length];
      if ((next === "'" || next === '"') && /^(?:[rRuUbB]|[rR][bB]|[bB][rR])$/.test(name)) {
        this.pos += name.length;
        return this.string(/[rR]/.test(name));
      }
      if (name === 'True') return this.advance(4, true);
      if (name === 'False') return this.advance(5, false);
      if (name === 'None') return this.advance(4, null);
      if (name !== 'inf' && name !== 'nan') this.fail(`unexpected name "${name.slice(0, 40)}"`);
    }
    PY_NUMBER.lastIndex = this.pos;
    const n = PY_NUMBER.exec(s);
    if (!n) this.fail(`unexpected character "${c}"`);
    this.pos += n[0].length;
    const t = n[0].replace(/_/g, '').toLowerCase();
    if (t.endsWith('inf')) return t.startsWith('-') ? -Infinity : Infinity;
    if (t.endsWith('nan')) return NaN;
    const v = Number(t);
    if (Number.isNaN(v)) this.fail(`bad number "${n[0]}"`);
    return v;
  }

  private advance<T>(n: number, v: T): T {
    this.pos += n;
    return v;
  }

  private dict(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    this.pos++;
    for (;;) {
      this.ws();
      if (this.s[this.pos] === '}') {
        this.pos++;
        return { ...out };
      }
      const k = this.value(depth + 1);
      if (typeof k === 'object' && k !== null) this.fail('unhashable dict key');
      this.ws();
      if (this.s[this.pos] !== ':') this.fail('expected ":"');
      this.pos++;
      this.ws();
      out[String(k)] = this.value(depth + 1);
      this.ws();
      const c = this.s[this.pos];
      if (c === ',') this.pos++;
      else if (c !== '}') this.fail('expected "," or "}"');
    }
  }

  private seq(close: string, depth: number): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    for (;;) {
      this.ws();
      if (this.s[this.pos] === close) {
        this.pos++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.pos];
      if (c === ',') this.pos++;
      else if (c !== close) this.fail(`expected "," or "${close}"`);
    }
  }

  private string(raw = false): string {
    const s = this.s;
    const q = s[this.pos]!;
    const triple = s.startsWith(q + q + q, this.pos);
    const closer = triple ? q + q + q : q;
    this.pos += closer.length;
    const parts: string[] = [];
    let chunk = this.pos;
    for (;;) {
      const c = s[this.pos];
      if (c === undefined) this.fail('unterminated string');
      if (c === q && (!triple || s.startsWith(closer, this.pos))) {
        parts.push(s.slice(chunk, this.pos));
        this.pos += closer.length;
        return parts.join('');
      }
      if (!triple && (c === '\n' || c === '\r')) this.fail('newline in string');
      if (c !== '\\') {
        this.pos++;
        continue;
      }
      parts.push(s.slice(chunk, this.pos));
      const e = s[this.pos + 1];
      if (e === undefined) this.fail('unterminated string');
      if (raw) {
        parts.push('\\' + e);
        this.pos += 2;
      } else {
        this.pos += 2;
        parts.push(this.escape(e));
      }
      chunk = this.pos;
    }
  }

  /** Decodes the escape whose letter `e` was just consumed (pos is after it). */
  private escape(e: string): string {
    const s = this.s;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) return simple;
    if (e === '\n') return '';
    if (e === '\r') {
      if (s[this.pos] === '\n') this.pos++;
      return '';
    }
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLen > 0) {
      const hex = s.slice(this.pos, this.pos + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) this.fail(`bad \\${e} escape`);
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) this.fail('code point out of range');
      this.pos += hexLen;
      return String.fromCodePoint(cp);
    }
    if (e >= '0' && e <= '7') {
      let oct = e;
      while (oct.length < 3 && s[this.pos]! >= '0' && s[this.pos]! <= '7') oct += s[this.pos++];
      return String.fromCharCode(parseInt(oct, 8));
    }
    if (e === 'N' && s[this.pos] === '{') {
      const close = s.indexOf('}', this.pos);
      if (close < 0 || close - this.pos > 100) this.fail('bad \\N escape');
      const named = s.slice(this.pos - 2, close + 1);
      this.pos = close + 1;
      return named; // kept verbatim: no Unicode name table here
    }
    return '\\' + e; // Python keeps unknown escapes as written
  }
}

/** A plain object (not an array, not null), for walking parsed data. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
