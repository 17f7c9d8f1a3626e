/**
 * Field names of paper records, whatever the scraper called them: one object (JSON, a CSV row,
 * YAML) to a DigestRecord. Fields are looked up by a normalised key (lower case, letters and
 * digits, any script: "Paper Title" -> "papertitle", "PDF链接" -> "pdf链接"), at the top level
 * first, then one level down (`{paper: {...}}`, `metadata`, `metrics`, `details`). Pure.
 */
import type { DigestRecord } from '../types.js';
import { arxivRef, type ArxivRef } from './arxiv.js';
import { parseDate } from './dates.js';
import { looksLikeHtml } from './htmlText.js';
import { isObject, parsePythonLiteral } from './json.js';
import { scriptLang } from './lang.js';
import { cleanLink, cleanScrapedRepoUrl, pushUnique } from './links.js';
import { readPaperBody } from './paperBody.js';
import { emptyRecord, parseScrapedCount } from './reader.js';
import { cleanTitle, collapseWhitespace, unwrapAbstract } from './text.js';

/** A key reduced for matching: lower case, letters and digits of any script. */
export function normKey(key: string): string {
  return key.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const TITLE_KEYS = [
  'title',
  'papertitle',
  'titletext',
  'titleen',
  'englishtitle',
  'articletitle',
  'headline',
  '标题',
  '英文标题',
  '论文标题',
  '제목',
  'papername',
];
/** `name` is a title only when the record otherwise looks like a paper. */
const WEAK_TITLE_KEYS = ['name'];
/** Fields that name the abstract itself. */
const ABSTRACT_KEYS = [
  'abstract',
  'paperabstract',
  'abstracttext',
  'fullabstract',
  'abstracten',
  'abstr',
  'abstractcontent',
  '摘要',
  '英文摘要',
];
/** Fields that hold the abstract in most scrapers but may hold anything (checked for language and markup). */
const BODY_KEYS = ['summary', 'description', 'desc', 'content', 'contenttext', 'contenthtml', 'text', 'body', 'papersummary'];
/** An AI lay summary, a TL;DR or a translation: never the abstract. The key may name the language. */
const SUMMARY_KEYS = [
  'aisummary',
  'summaryen',
  'aigeneratedsummary',
  'tldr',
  'summaryzh',
  'summaryko',
  'summaryja',
  'summaryvi',
  'translation',
  'translatedabstract',
  'abstractzh',
  'abstractko',
  'chinesesummary',
  '简明摘要',
  '中文摘要',
  '摘要翻译',
  '요약',
];
const ID_KEYS = ['arxivid', 'arxiv', 'arxividentifier', 'paperid', 'id', 'arxivno', 'arxivnumber', 'eprint', 'arxiv编号'];
const URL_KEYS = /arxiv|url|link|href|pdf|page|source|paper|链接|地址/;
const AUTHOR_KEYS = ['authors', 'author', 'authorlist', 'authornames', 'creators', 'creator', '作者'];
const UPVOTE_KEYS = ['upvotes', 'upvote', 'votes', 'upvotecount', 'numupvotes', 'likes', 'paperupvotes', 'upvote数', '点赞数'];
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
  'datepublished',
  'paperpublishedat',
];
const REPO_KEY = /github|^repo|repository|^code|sourcecode|externalurl/;
const LINK_KEYS = ['projectpage', 'projecturl', 'project', 'projectlink', 'homepage', 'website', 'demo', 'demourl'];

/** Is this (normalised) column or field name a title? */
export function isTitleKey(key: string): boolean {
  return TITLE_KEYS.includes(key);
}

/** Is this (normalised) column or field name an id, a link or an abstract, so that a title beside it is a paper? */
export function isPaperKey(key: string): boolean {
  return ID_KEYS.includes(key) || URL_KEYS.test(key) || ABSTRACT_KEYS.includes(key) || BODY_KEYS.includes(key);
}

export type Fields = Map<string, unknown>;
/** A record's fields by normalised key: its own, then its object-valued fields' (one level). */
export interface FieldLevels {
  top: Fields;
  nested: Fields;
}

export function fieldsOf(rec: Record<string, unknown>): FieldLevels {
  const top: Fields = new Map();
  const nested: Fields = new Map();
  for (const [k, v] of Object.entries(rec)) top.set(normKey(k), v);
  for (const v of Object.values(rec)) {
    if (!isObject(v)) continue;
    for (const [k2, v2] of Object.entries(v)) {
      const nk = normKey(k2);
      if (!nested.has(nk)) nested.set(nk, v2);
    }
  }
  return { top, nested };
}

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return v.join('\n\n');
  return null;
}

function firstText(f: FieldLevels, keys: string[]): string | null {
  for (const level of [f.top, f.nested]) {
    for (const k of keys) {
      const t = textOf(level.get(k));
      if (t !== null) return t;
    }
  }
  return null;
}

export function findTitle(f: FieldLevels): string | null {
  const strong = firstText(f, TITLE_KEYS);
  if (strong !== null) return strong;
  const weak = firstText(f, WEAK_TITLE_KEYS);
  // `{name, description}` is as likely a repository or a person, and `{name, paper: "2104.08691"}`
  // a method that cites its paper (PEFT's method list): only an abstract or summary beside `name`
  // makes the object a paper of that name.
  return weak !== null && firstText(f, [...ABSTRACT_KEYS, 'summary', 'papersummary']) !== null ? weak : null;
}

/**
 * An id a YAML or JSON writer turned into a number (`arxiv_id: 2401.10000` -> 2401.1): only the
 * trailing zeros are lost, and the digit count is known from the month (5 digits since 2015-01).
 */
function numericId(v: unknown): string | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 704 || v >= 10_000) return undefined;
  const yymm = Math.floor(v);
  const id = v.toFixed(yymm >= 1501 ? 5 : 4);
  return yymm < 1000 ? `0${id}` : id;
}

export function findArxiv(f: FieldLevels): ArxivRef | null {
  for (const level of [f.top, f.nested]) {
    for (const k of ID_KEYS) {
      const v = level.get(k);
      const ref = arxivRef(numericId(v) ?? v);
      if (ref) return ref;
    }
  }
  for (const level of [f.top, f.nested]) {
    for (const [k, v] of level) {
      if (!URL_KEYS.test(k)) continue;
      for (const x of Array.isArray(v) ? v : [v]) {
        const ref = arxivRef(typeof x === 'string' ? x : isObject(x) ? (x.url ?? x.href) : null);
        if (ref) return ref;
      }
    }
  }
  return null;
}

/** Is this object a paper record: a title plus an id or some body text? */
export function isPaperLike(f: FieldLevels): boolean {
  if (findTitle(f) === null) return false;
  return findArxiv(f) !== null || firstText(f, ABSTRACT_KEYS) !== null || firstText(f, BODY_KEYS) !== null;
}

function stringsOf(v: unknown): string[] {
  const out: string[] = [];
  for (const x of Array.isArray(v) ? v : [v]) {
    if (typeof x === 'string') out.push(x);
    else if (isObject(x)) {
      const u = x.url ?? x.href ?? x.link ?? x.html_url;
      if (typeof u === 'string') out.push(u);
    }
  }
  return out;
}

/** Names from an array (of strings or `{name}` objects), a Python-repr list string or a comma list. */
export function authorList(v: unknown): string[] {
  let value = v;
  if (typeof value === 'string' && /^\s*\[\s*['"]/.test(value)) {
    try {
      value = parsePythonLiteral(value.trim());
    } catch {
      // not a list after all: read it as a comma list
    }
  }
  const out: string[] = [];
  if (typeof value === 'string') {
    for (const n of value.split(/\s*[;，、]\s*|\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)) {
      const c = collapseWhitespace(n);
      if (c) out.push(c);
    }
  } else if (Array.isArray(value)) {
    for (const a of value) {
      let name: unknown = a;
      if (isObject(a)) name = a.name ?? a.fullname ?? a.full_name ?? a.fullName ?? a.displayName ?? a.display_name;
      if (typeof name === 'string' && collapseWhitespace(name)) out.push(collapseWhitespace(name));
    }
  }
  return out;
}

function firstOf<T>(f: FieldLevels, keys: string[], conv: (v: unknown) => T | null): T | null {
  for (const level of [f.top, f.nested]) {
    for (const k of keys) {
      const c = conv(level.get(k));
      if (c !== null) return c;
    }
  }
  return null;
}

/** The language a summary key names ("summary_zh" -> "zh"), else null. */
function keyLang(key: string): string | null {
  const m = /(zh|ko|ja|vi|en)$/.exec(key);
  if (m) return m[1]!;
  if (/[\p{Script=Han}]/u.test(key)) return 'zh';
  return null;
}

/**
 * A scraper that glued the site's AI summary in front of the abstract (and spaced the punctuation
 * after linked keywords: "staleness , asynchronous"): the summary is taken off when it is an exact
 * prefix, the spacing fixed when it occurs twice or more (a single " ," may be the author's).
 */
function tidyAbstract(abstract: string, summary: string): string {
  let a = abstract;
  if (summary.length >= 40 && a.length > summary.length + 40 && a.startsWith(summary)) a = a.slice(summary.length).trim();
  const spaced = /(?<=[\p{L}\p{N})]) ([,.])(?=\s|$)/gu;
  if ((a.match(spaced)?.length ?? 0) >= 2) a = a.replace(spaced, '$1');
  return a;
}

/**
 * What the record's body is, where the form tells: only a summary (a translation, an AI summary,
 * an LLM page) or nothing. An abstract is left unmarked, for the generic pass to judge (a scraper
 * may have stored a page comment in it).
 */
export function markTextKind(r: DigestRecord): void {
  if (r.abstract === '') r.textKind = r.summary ? 'summary' : 'none';
}

/** One object to a record, every field found by name; title "" when it has none. */
export function recordFromFields(rec: Record<string, unknown>, position: number): DigestRecord {
  const f = fieldsOf(rec);
  const r = emptyRecord(position, cleanTitle(findTitle(f)));
  const ref = findArxiv(f);
  r.arxivId = ref?.id ?? null;
  if (ref?.version) r.arxivVersion = ref.version;
  r.authors =
    firstOf(f, AUTHOR_KEYS, (v) => {
      const a = authorList(v);
      return a.length > 0 ? a : null;
    }) ?? [];
  r.upvotes = firstOf(f, UPVOTE_KEYS, parseScrapedCount);
  r.publishedAt = firstOf(f, PUBLISHED_KEYS, (v) => parseDate(v));
  for (const level of [f.top, f.nested]) {
    for (const [k, v] of level) {
      if (REPO_KEY.test(k)) for (const s of stringsOf(v)) pushUnique(r.siteRepos, cleanScrapedRepoUrl(s));
    }
    for (const k of LINK_KEYS) for (const s of stringsOf(level.get(k))) pushUnique(r.siteLinks, cleanLink(s));
  }
  // The summary fields, English first.
  let summary = '';
  let summaryLang: string | null = null;
  for (const level of [f.top, f.nested]) {
    for (const k of SUMMARY_KEYS) {
      const t = textOf(level.get(k));
      if (t === null) continue;
      const text = unwrapAbstract(t);
      const script = scriptLang(text);
      const lang = script === 'en' ? 'en' : (keyLang(k) ?? script);
      if (!summary || (lang === 'en' && summaryLang !== 'en')) {
        summary = text;
        summaryLang = lang;
      }
    }
  }
  // The abstract: a field named so, else the longest English body field (a clipped description
  // next to a full `summary` loses). Markup and labelled lines are read out of it.
  const candidates: string[] = [];
  const named = firstText(f, ABSTRACT_KEYS);
  const bodies = named !== null ? [named] : BODY_KEYS.flatMap((k) => [f.top.get(k), f.nested.get(k)].map(textOf));
  for (const raw of bodies) {
    if (raw === null) continue;
    const body =
      looksLikeHtml(raw) || /^[ \t]*(?:authors?|upvotes?)[ \t]*:|AI[- ]generated summary/im.test(raw)
        ? readPaperBody(raw, r.title)
        : null;
    const text = body ? body.abstract : unwrapAbstract(raw);
    if (body) {
      if (r.authors.length === 0) r.authors = body.authors;
      r.upvotes ??= body.upvotes;
      for (const repo of body.repos) pushUnique(r.siteRepos, repo);
      if (!r.arxivId && body.arxivRefs[0]) r.arxivId = body.arxivRefs[0].id;
      if (!summary && body.summary) {
        summary = body.summary;
        summaryLang = body.summaryLang;
      }
    }
    const lang = scriptLang(text);
    if (lang === 'en') candidates.push(text);
    else if (lang && !summary) {
      // A translation stored where the abstract would be.
      summary = text;
      summaryLang = lang;
    }
  }
  let abstract = candidates.reduce((a, b) => (b.length > a.length ? b : a), '');
  // "TL;DR: ..." in an abstract field (a scraper that took the page's first comment) is a summary.
  const tldr = /^tl;?\s*dr\s*[:：-]\s*/i.exec(abstract);
  if (tldr) {
    if (!summary) {
      summary = abstract.slice(tldr[0].length);
      summaryLang = scriptLang(summary);
    }
    abstract = '';
  }
  r.abstract = tidyAbstract(abstract, summary);
  // A scraper that filled summary_en with the abstract when the site had no AI summary.
  if (summary && summary !== abstract && summary !== r.abstract) {
    r.summary = summary;
    r.summaryLang = summaryLang;
  }
  markTextKind(r);
  return r;
}
