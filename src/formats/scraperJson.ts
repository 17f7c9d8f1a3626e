/**
 * Other scrapers' JSON: an array (or NDJSON, or a wrapper object holding an array) of records with
 * a title and an abstract under one of the common names, possibly nested one level deep, e.g.
 * `{title, paper_url, stars, details: {abstract, arxiv_page_url, github_links}}`.
 * The fields are detected per record by name.
 */
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { arxivIdFromUrl, normalizeArxivId } from './arxiv.js';
import { fileNameDate, parseDate } from './dates.js';
import { isObject, loadJson, looksLikeJson } from './json.js';
import { cleanLink, cleanScrapedRepoUrl, pushUnique } from './links.js';
import { emptyRecord, finishRecords, guarded, parseScrapedCount } from './reader.js';
import { cleanTitle, collapseWhitespace, unwrapAbstract } from './text.js';

export const SCRAPER_JSON_FORMAT = 'scraper-json';

/** A key reduced for matching: lower case, letters and digits only ("paper_title" → "papertitle"). */
function norm(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const STRONG_TITLE_KEYS = ['title', 'papertitle', 'titletext', 'papername', 'articletitle'];
/** `name` is a title only when the record otherwise looks like a paper. */
const WEAK_TITLE_KEYS = ['name'];
const ABSTRACT_KEYS = [
  'abstract',
  'summary',
  'abstracttext',
  'paperabstract',
  'papersummary',
  'fullabstract',
  'abstr',
  'description',
  'desc',
  'abstractcontent',
  'content',
  'text',
  'body',
];
const ID_KEYS = ['arxivid', 'arxiv', 'arxividentifier', 'paperid', 'id', 'arxivno', 'arxivnumber', 'eprint'];
const URL_KEY = /arxiv|url|link|href|pdf|page|source|paper/;
const AUTHOR_KEYS = ['authors', 'author', 'authorlist', 'authornames', 'authorsnames', 'creators', 'creator'];
const UPVOTE_KEYS = ['upvotes', 'upvote', 'votes', 'upvotecount', 'numupvotes', 'likes', 'paperupvotes'];
const PUBLISHED_KEYS = [
  'publishedat',
  'published',
  'publishdate',
  'publisheddate',
  'publicationdate',
  'pubdate',
  'submittedat',
  'submitted',
  'submissiondate',
  'arxivdate',
  'paperpublishedat',
];
const REPO_KEY = /github|^repo|repository|^code|sourcecode/;
const LINK_KEYS = [
  'projectpage',
  'projecturl',
  'project',
  'projectlink',
  'homepage',
  'website',
  'webpage',
  'projectwebsite',
  'demo',
  'demourl',
  'demolink',
];
const WRAPPER_KEYS = ['data', 'papers', 'results', 'items', 'records', 'entries', 'rows', 'dailypapers', 'list', 'hits'];

/** The record's fields, top level first, then each object-valued field one level down. */
type Fields = Map<string, unknown>;

function fieldsOf(rec: Record<string, unknown>): { top: Fields; nested: Fields } {
  const top: Fields = new Map();
  const nested: Fields = new Map();
  for (const [k, v] of Object.entries(rec)) top.set(norm(k), v);
  for (const v of Object.values(rec)) {
    if (!isObject(v)) continue;
    for (const [k2, v2] of Object.entries(v)) {
      const nk = norm(k2);
      if (!nested.has(nk)) nested.set(nk, v2);
    }
  }
  return { top, nested };
}

function firstString(f: { top: Fields; nested: Fields }, keys: string[]): string | null {
  for (const level of [f.top, f.nested]) {
    for (const k of keys) {
      const v = level.get(k);
      if (typeof v === 'string' && v.trim() !== '') return v;
      if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return v.join('\n\n');
    }
  }
  return null;
}

function isPaperish(f: { top: Fields; nested: Fields }): boolean {
  if (firstString(f, ABSTRACT_KEYS.slice(0, 7)) !== null) return true;
  return findArxivId(f) !== null;
}

function findTitle(f: { top: Fields; nested: Fields }): { title: string | null; strong: boolean } {
  const strong = firstString(f, STRONG_TITLE_KEYS);
  if (strong !== null) return { title: strong, strong: true };
  const weak = firstString(f, WEAK_TITLE_KEYS);
  if (weak !== null && isPaperish(f)) return { title: weak, strong: false };
  return { title: null, strong: false };
}

function findArxivId(f: { top: Fields; nested: Fields }): string | null {
  for (const level of [f.top, f.nested]) {
    for (const k of ID_KEYS) {
      const id = normalizeArxivId(level.get(k));
      if (id) return id;
    }
  }
  for (const level of [f.top, f.nested]) {
    for (const [k, v] of level) {
      if (!URL_KEY.test(k)) continue;
      const values = Array.isArray(v) ? v : [v];
      for (const x of values) {
        const id = arxivIdFromUrl(typeof x === 'string' ? x : isObject(x) ? (x.url ?? x.href) : null);
        if (id) return id;
      }
    }
  }
  return null;
}

function stringsOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) {
    if (typeof x === 'string') out.push(x);
    else if (isObject(x)) {
      const u = x.url ?? x.href ?? x.link ?? x.html_url;
      if (typeof u === 'string') out.push(u);
    }
  }
  return out;
}

const NAME_SPLIT = /\s*;\s*|\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/;

function findAuthors(f: { top: Fields; nested: Fields }): string[] {
  for (const level of [f.top, f.nested]) {
    for (const k of AUTHOR_KEYS) {
      const v = level.get(k);
      if (v === undefined || v === null) continue;
      const out: string[] = [];
      if (typeof v === 'string') {
        for (const n of v.split(NAME_SPLIT)) {
          const c = collapseWhitespace(n);
          if (c) out.push(c);
        }
      } else if (Array.isArray(v)) {
        for (const a of v) {
          let name: unknown = a;
          if (isObject(a)) name = a.name ?? a.fullname ?? a.full_name ?? a.fullName ?? a.displayName ?? a.display_name;
          if (typeof name === 'string' && collapseWhitespace(name)) out.push(collapseWhitespace(name));
        }
      }
      if (out.length > 0) return out;
    }
  }
  return [];
}

function findFirst<T>(f: { top: Fields; nested: Fields }, keys: string[], conv: (v: unknown) => T | null): T | null {
  for (const level of [f.top, f.nested]) {
    for (const k of keys) {
      const c = conv(level.get(k));
      if (c !== null) return c;
    }
  }
  return null;
}

function recordOf(
  rec: Record<string, unknown>,
  position: number,
): { record: DigestRecord; strong: boolean; hasAbstract: boolean } {
  const f = fieldsOf(rec);
  const t = findTitle(f);
  const r = emptyRecord(position, cleanTitle(t.title));
  const abs = firstString(f, ABSTRACT_KEYS);
  r.abstract = unwrapAbstract(abs);
  r.arxivId = findArxivId(f);
  r.authors = findAuthors(f);
  r.upvotes = findFirst(f, UPVOTE_KEYS, parseScrapedCount);
  r.publishedAt = findFirst(f, PUBLISHED_KEYS, (v) => parseDate(v));
  for (const level of [f.top, f.nested]) {
    for (const [k, v] of level) {
      if (REPO_KEY.test(k)) for (const s of stringsOf(v)) pushUnique(r.siteRepos, cleanScrapedRepoUrl(s));
    }
    for (const k of LINK_KEYS) for (const s of stringsOf(level.get(k))) pushUnique(r.siteLinks, cleanLink(s));
  }
  return { record: r, strong: t.strong, hasAbstract: abs !== null };
}

interface Located {
  items: unknown[];
  digestDate: string | null;
}

/** The records: a top-level array, a wrapper's array (one or two levels down), or one record. */
function locate(value: unknown): Located | null {
  if (Array.isArray(value)) return { items: value, digestDate: null };
  if (!isObject(value)) return null;
  const date = parseDate(value.date) ?? parseDate(value.digest_date) ?? parseDate(value.digestDate) ?? parseDate(value.day);
  if (findTitle(fieldsOf(value)).title !== null) return { items: [value], digestDate: date };
  let best = pickArray(value);
  if (!best) {
    for (const v of Object.values(value)) {
      if (isObject(v) && (best = pickArray(v))) break;
    }
  }
  return best ? { items: best, digestDate: date } : null;
}

/** The array of objects under a wrapper name ("data", "papers", …), else the largest one. */
function pickArray(obj: Record<string, unknown>): unknown[] | null {
  let named: unknown[] | null = null;
  let largest: unknown[] | null = null;
  for (const [k, v] of Object.entries(obj)) {
    if (!Array.isArray(v) || !v.some(isObject)) continue;
    if (!named && WRAPPER_KEYS.includes(norm(k))) named = v;
    if (!largest || v.length > largest.length) largest = v;
  }
  return named ?? largest;
}

/** How many of the first items read as paper records. */
function score(loc: Located): number {
  const n = Math.min(loc.items.length, 200);
  let titled = 0;
  let paperish = 0;
  for (let i = 0; i < n; i++) {
    const it = loc.items[i];
    if (!isObject(it)) continue;
    const f = fieldsOf(it);
    const t = findTitle(f);
    if (t.title === null) continue;
    titled++;
    if (isPaperish(f)) paperish++;
  }
  if (titled === 0 || titled * 2 < n) return 0;
  if (paperish > 0) return 0.8;
  return 0.5;
}

export const scraperJsonReader: FormatReader = guarded({
  name: SCRAPER_JSON_FORMAT,
  detect(text, fileName) {
    const jsonName = /\.(?:json|jsonl|ndjson)$/i.test(fileName);
    if (!looksLikeJson(text)) return 0;
    let value: unknown;
    try {
      value = loadJson(text).value;
    } catch {
      // Invalid JSON: claim it weakly so split() reports where it broke.
      return jsonName ? 0.2 : 0.1;
    }
    const loc = locate(value);
    const s = loc ? score(loc) : 0;
    // Parsed but no records: still claim it weakly so split() says why it is not a digest.
    return s > 0 ? s : 0.05;
  },
  split(text, fileName): SplitResult {
    const loaded = loadJson(text);
    const loc = locate(loaded.value);
    if (!loc || loc.items.length === 0) throw new ParseError('JSON holds no paper records (no array of objects with a title)');
    const warnings = [...loaded.warnings];
    const raw: DigestRecord[] = [];
    let nonObjects = 0;
    let titled = 0;
    let paperish = 0;
    for (const it of loc.items) {
      if (!isObject(it)) {
        nonObjects++;
        continue;
      }
      const { record, hasAbstract } = recordOf(it, raw.length + 1);
      if (record.title) {
        titled++;
        if (hasAbstract || record.arxivId) paperish++;
      }
      raw.push(record);
    }
    if (titled === 0 || (titled * 2 < raw.length && paperish === 0)) {
      throw new ParseError(
        'JSON holds no recognisable paper records (looked for title/name/paper_title with abstract/summary/description)',
      );
    }
    if (nonObjects > 0) warnings.push(`${nonObjects} non-object item(s) skipped`);
    const records = finishRecords(raw, warnings);
    const noAbstract = records.filter((r) => r.abstract === '').length;
    if (noAbstract > 0) warnings.push(`${noAbstract} record(s) have no abstract`);
    return {
      format: SCRAPER_JSON_FORMAT,
      digestDate: loc.digestDate ?? fileNameDate(fileName),
      records,
      warnings,
    };
  },
});
