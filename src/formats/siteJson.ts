/**
 * The site's own JSON: `/api/daily_papers` responses (and the same entries embedded in pages).
 * An array of `{paper: {id, title, summary, authors[], publishedAt, upvotes, githubRepo?,
 * projectPage?, …}, publishedAt, title, …}`. Real quirks handled:
 *  - entries stored as Python-repr strings instead of objects (`"{'paper': {'id': …}}"`);
 *  - a wrapper object `{status, date, count, data: [...]}`;
 *  - titles and summaries hard-wrapped with `\n  `;
 *  - NDJSON, one entry a line; a bare paper object (`/api/papers/<id>`).
 */
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { arxivIdFromUrl, arxivRef, normalizeArxivId } from './arxiv.js';
import { fileNameDate, parseDate } from './dates.js';
import { markTextKind } from './fields.js';
import { isObject, loadJson, looksLikeJson, parsePythonLiteral } from './json.js';
import { cleanLink, cleanRepoUrl, pushUnique } from './links.js';
import { emptyRecord, finishRecords, guarded, parseScrapedCount } from './reader.js';
import { cleanTitle, collapseWhitespace, unwrapAbstract } from './text.js';

export const SITE_JSON_FORMAT = 'hf-api-json';

/** Keys under which a wrapper object holds the entries. */
const WRAPPER_KEYS = ['data', 'dailyPapers', 'daily_papers', 'papers', 'results', 'items'];
const REPR_ENTRY = /^\s*\{\s*(['"])paper\1\s*:/;

/** A paper object as the API gives it (`paper` of an entry, or `/api/papers/<id>`). */
function isPaperObject(x: unknown): x is Record<string, unknown> {
  return (
    isObject(x) &&
    typeof x.title === 'string' &&
    normalizeArxivId(x.id) !== null &&
    (typeof x.summary === 'string' || Array.isArray(x.authors) || typeof x.upvotes === 'number')
  );
}

/** Does this value read as one daily-papers entry (object, JSON string or Python-repr string)? */
export function isSiteEntry(x: unknown): boolean {
  if (typeof x === 'string') return REPR_ENTRY.test(x.slice(0, 50));
  if (!isObject(x)) return false;
  const p = x.paper;
  if (isObject(p)) return typeof p.title === 'string' || typeof p.id === 'string';
  return isPaperObject(x);
}

interface Located {
  entries: unknown[];
  digestDate: string | null;
  /** A wrapper's count field / an empty list: an empty digest is still this form. */
  wrapper: boolean;
}

/** Where the entries are: a top-level array, a wrapper's list, or one bare object. */
export function locateEntries(value: unknown): Located | null {
  if (Array.isArray(value)) return { entries: value, digestDate: null, wrapper: false };
  if (!isObject(value)) return null;
  if (isSiteEntry(value)) return { entries: [value], digestDate: null, wrapper: false };
  for (const k of WRAPPER_KEYS) {
    const list = value[k];
    if (Array.isArray(list)) {
      const date = parseDate(value.date) ?? parseDate(value.digest_date) ?? parseDate(value.day);
      const wrapper = 'status' in value || 'count' in value || 'date' in value;
      return { entries: list, digestDate: date, wrapper };
    }
  }
  return null;
}

function entryScore(loc: Located): number {
  const n = Math.min(loc.entries.length, 50);
  if (n === 0) return loc.wrapper ? 0.5 : 0.3;
  let hits = 0;
  for (let i = 0; i < n; i++) if (isSiteEntry(loc.entries[i])) hits++;
  if (hits * 2 >= n) return 0.95;
  return hits > 0 ? 0.6 : 0;
}

/** Parses an entry given as a string: JSON first, else a Python literal. */
function parseEntryString(s: string): unknown {
  const t = s.trim();
  if (/^\{\s*"/.test(t)) {
    try {
      return JSON.parse(t);
    } catch {
      // fall through: Python repr may use double quotes for some strings
    }
  }
  return parsePythonLiteral(t);
}

function authorNames(list: unknown): string[] {
  const out: string[] = [];
  if (!Array.isArray(list)) return out;
  for (const a of list) {
    let name: unknown = a;
    if (isObject(a)) {
      const user = isObject(a.user) ? a.user : null;
      name = a.name ?? a.fullname ?? user?.fullname ?? null;
    }
    if (typeof name === 'string') {
      const n = collapseWhitespace(name);
      if (n) out.push(n);
    }
  }
  return out;
}

/** Turns one API entry (or bare paper object) into a record; title "" when it has none. */
export function siteEntryToRecord(entry: Record<string, unknown>, position: number): DigestRecord {
  const paper = isObject(entry.paper) ? entry.paper : entry;
  const title = typeof paper.title === 'string' ? paper.title : entry.title;
  const r = emptyRecord(position, cleanTitle(title));
  const summary = typeof paper.summary === 'string' ? paper.summary : entry.summary;
  r.abstract = unwrapAbstract(summary);
  r.arxivId = normalizeArxivId(paper.id) ?? arxivIdFromUrl(entry.url) ?? arxivIdFromUrl(entry.thumbnail);
  r.authors = authorNames(paper.authors);
  r.upvotes = parseScrapedCount(paper.upvotes ?? entry.upvotes);
  r.publishedAt = parseDate(paper.publishedAt);
  // The site's AI-written one-line summary: kept, never the abstract.
  const ai = paper.ai_summary ?? entry.ai_summary;
  if (typeof ai === 'string' && ai.trim() !== '') {
    r.summary = unwrapAbstract(ai);
    r.summaryLang = 'en';
  }
  const ref = arxivRef(paper.id);
  if (ref?.version) r.arxivVersion = ref.version;
  const repos = Array.isArray(paper.githubRepo) ? paper.githubRepo : [paper.githubRepo];
  for (const g of repos) pushUnique(r.siteRepos, cleanRepoUrl(g));
  const pages = Array.isArray(paper.projectPage) ? paper.projectPage : [paper.projectPage];
  for (const p of pages) {
    // A project page that is a GitHub repository is the paper's code.
    const repo = cleanRepoUrl(p);
    if (repo) pushUnique(r.siteRepos, repo);
    else pushUnique(r.siteLinks, cleanLink(p));
  }
  markTextKind(r);
  return r;
}

/** Converts located entries into records (shared with the HTML reader's embedded blob). */
export function entriesToRecords(entries: unknown[], warnings: string[]): DigestRecord[] {
  const records: DigestRecord[] = [];
  let unreadable = 0;
  let firstProblem = '';
  let notEntries = 0;
  for (let i = 0; i < entries.length; i++) {
    let e = entries[i];
    if (typeof e === 'string') {
      try {
        e = parseEntryString(e);
      } catch (err) {
        unreadable++;
        if (!firstProblem) firstProblem = `entry ${i + 1}: ${err instanceof Error ? err.message : String(err)}`;
        continue;
      }
    }
    if (!isObject(e)) {
      notEntries++;
      continue;
    }
    records.push(siteEntryToRecord(e, records.length + 1));
  }
  if (unreadable > 0) warnings.push(`${unreadable} unreadable entr${unreadable === 1 ? 'y' : 'ies'} skipped (${firstProblem})`);
  if (notEntries > 0) warnings.push(`${notEntries} entr${notEntries === 1 ? 'y is' : 'ies are'} not objects and were skipped`);
  return finishRecords(records, warnings, 'entry');
}

export const siteJsonReader: FormatReader = guarded({
  name: SITE_JSON_FORMAT,
  detect(text) {
    if (!looksLikeJson(text)) return 0;
    let loc: Located | null;
    try {
      loc = locateEntries(loadJson(text).value);
    } catch {
      return 0;
    }
    return loc ? entryScore(loc) : 0;
  },
  split(text, fileName): SplitResult {
    const loaded = loadJson(text);
    const loc = locateEntries(loaded.value);
    if (!loc) throw new ParseError('JSON is not a daily-papers response (no list of {paper: …} entries)');
    const warnings = [...loaded.warnings];
    const records = entriesToRecords(loc.entries, warnings);
    if (records.length === 0 && loc.entries.length > 0) {
      throw new ParseError(`none of the ${loc.entries.length} entries is a readable paper (${warnings.join('; ')})`);
    }
    if (loc.entries.length === 0) warnings.push('the digest lists no papers');
    return {
      format: SITE_JSON_FORMAT,
      digestDate: loc.digestDate ?? fileNameDate(fileName),
      records,
      warnings,
    };
  },
});
