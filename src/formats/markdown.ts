/**
 * Markdown captures of a listing page (firecrawl and the like):
 *
 *     [101](https://huggingface.co/login?next=%2Fpapers%2F2606.00683)      ← upvotes ("-" for none)
 *     ### [Title](https://huggingface.co/papers/2606.00683)               ← a record starts
 *     [Abstract …](https://huggingface.co/papers/2606.00683)              ← the abstract is a link
 *     [![org](…)Org](https://huggingface.co/org)   ·   May 29[6](…#community)
 *     [- ![](…)\\ - 3 authors](https://huggingface.co/papers/…)           ← author chips, no names
 *
 * Older abstracts carry `\\` line-wrap artifacts; titles carry `\ ` where the source wrapped.
 * Nav chrome around the list is ignored: only heading links to a paper start a record.
 */
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { arxivIdFromUrl, paperSegment } from './arxiv.js';
import { fileNameDate, parseDate } from './dates.js';
import { emptyRecord, finishRecords, frontMatter, guarded, parseScrapedCount, urlDigestDate } from './reader.js';
import { cleanTitle, looksLikeAbstract, unescapeMarkdown, unwrapAbstract } from './text.js';

export const MARKDOWN_FORMAT = 'markdown';

const HEADING_LINK = /(?:^|\n)[ \t]{0,3}#{1,6}[ \t]+\[/g;
const ARXIV_URL = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i;
const MAX_LINK_TEXT = 5000;
const UPVOTE_LINE = /^\[?\s*([\d,.]+k?|-)\s*\]?(?:\([^)]*\))?$/i;
const DATE_START = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i;
const AUTHOR_BLOCK = /^\s*-\s|\d+\s+authors?\s*$/i;

interface Heading {
  /** Offset of the heading line's start. */
  start: number;
  /** Offset just after the heading link. */
  end: number;
  title: string;
  url: string;
}

/**
 * Reads a Markdown link `[text](url)` whose `[` is at `open`: escapes and nested brackets are
 * honoured, the text may span lines (not a blank line). Returns null if it is not a link.
 */
function readLink(s: string, open: number, maxText = MAX_LINK_TEXT): { text: string; url: string; end: number } | null {
  let depth = 0;
  const limit = Math.min(s.length, open + maxText);
  let i = open + 1;
  for (; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === 91 /* [ */) depth++;
    else if (c === 93 /* ] */) {
      if (depth === 0) break;
      depth--;
    } else if (c === 10 /* \n */ && /^\n[ \t]*\r?\n/.test(s.slice(i, i + 8))) return null;
  }
  if (i >= limit || s.charCodeAt(i + 1) !== 40 /* ( */) return null;
  // Bounded: an unbounded search for `)` from every heading is quadratic on unclosed links.
  const close = s.slice(i + 2, i + 2100).indexOf(')');
  if (close < 0) return null;
  return linkAt(s, open, i, i + 2 + close);
}

function linkAt(s: string, open: number, i: number, close: number): { text: string; url: string; end: number } | null {
  const inner = s.slice(i + 2, close).trim();
  const url = inner.split(/\s+/)[0] ?? '';
  if (url.length === 0) return null;
  return { text: s.slice(open + 1, i), url: url.replace(/^<|>$/g, ''), end: close + 1 };
}

function isPaperUrl(url: string): boolean {
  return paperSegment(url) !== null || ARXIV_URL.test(url);
}

/**
 * The first HEADING_LINK match that starts at or after `from`, found from the "#"s: a match's
 * first "#" is at most 4 characters after its start ("\n" and 3 blanks), so only the 5 starts up
 * to each "#" are tried (with the sticky `at`). The same match as a global scan from `from`; a
 * text with no heading (every text the registry asks "is this Markdown?") costs one indexOf
 * instead of a regex pass over all of it.
 */
function nextHeading(at: RegExp, text: string, from: number): RegExpExecArray | null {
  for (let hash = text.indexOf('#', from); hash >= 0; hash = text.indexOf('#', hash + 1)) {
    for (let start = Math.max(from, hash - 4); start <= hash; start++) {
      at.lastIndex = start;
      const m = at.exec(text);
      if (m) return m;
    }
  }
  return null;
}

function findHeadings(text: string, max = Infinity): Heading[] {
  const out: Heading[] = [];
  const at = new RegExp(HEADING_LINK.source, 'y');
  for (let m = nextHeading(at, text, 0); m && out.length < max; m = nextHeading(at, text, at.lastIndex)) {
    const open = at.lastIndex - 1;
    const link = readLink(text, open);
    if (!link || !isPaperUrl(link.url)) continue;
    const lineStart = text[m.index] === '\n' ? m.index + 1 : m.index;
    out.push({ start: lineStart, end: link.end, title: link.text, url: link.url });
    at.lastIndex = link.end;
  }
  return out;
}

/** The last non-blank line of `s`. */
function lastLine(s: string): string {
  const t = s.trimEnd();
  return t.slice(t.lastIndexOf('\n') + 1).trim();
}

/**
 * The upvote count shown before a heading: the text of the login link for this paper
 * (`[101](…/login?next=%2Fpapers%2F<id>)`), else a bare count on the last line.
 */
function upvotesBefore(region: string, url: string): number | null {
  const seg = paperSegment(url);
  if (seg) {
    const at = region.lastIndexOf('%2Fpapers%2F' + seg);
    const close = at >= 0 ? region.lastIndexOf('](', at) : -1;
    const open = close >= 0 ? region.lastIndexOf('[', close) : -1;
    if (open >= 0) {
      const n = parseScrapedCount(region.slice(open + 1, close));
      if (n !== null) return n;
    }
  }
  const up = UPVOTE_LINE.exec(lastLine(region));
  return up ? parseScrapedCount(up[1]) : null;
}

/**
 * `\` or `\\` ending a line inside a block. Matched from the backslash, not from the spaces
 * before it: from each of 80k spaces `[ \t]*` re-read the rest of the run (quadratic: 7 s).
 */
const LINE_END_BACKSLASHES = /\\{1,2}[ \t]*(?=\r?\n)/g;

/** How far a link's URL may run past the paper's id (`#community`, `?q=…`) before `)`. */
const MAX_URL_TAIL = 2100;

/**
 * Finds `](<url>)` (or `](<url>#…)`) closing a link to the same paper, from `from`. Linear: each
 * occurrence's URL tail is scanned only up to a blank, a bracket or MAX_URL_TAIL characters (a
 * search for the next `)` from every occurrence took 46 s on 1.7 MB of unclosed links).
 */
function findClose(body: string, url: string, from: number): { at: number; end: number } | null {
  const needle = '](' + url;
  for (let at = body.indexOf(needle, from); at >= 0; at = body.indexOf(needle, at + needle.length)) {
    const after = at + needle.length;
    const c = body[after];
    if (c === ')') return { at, end: after + 1 };
    if (c === '#' || c === '?' || c === '/') {
      const limit = Math.min(body.length, after + MAX_URL_TAIL);
      for (let i = after; i < limit; i++) {
        const ch = body.charCodeAt(i);
        if (ch === 41 /* ) */) return { at, end: i + 1 };
        if (ch <= 32 || ch === 91 /* [ */ || ch === 93 /* ] */) break;
      }
    }
  }
  return null;
}

/** The paragraph starting at `at` if it is plain text (not a link, image, list or heading). */
function plainParagraph(body: string, at: number): { text: string; end: number } | null {
  if (/^(?:[[!#>|*+-]|\d+\.\s|·)/.test(body.slice(at, at + 3))) return null;
  const blank = /\r?\n[ \t]*\r?\n/g;
  blank.lastIndex = at;
  const m = blank.exec(body);
  const end = m ? m.index : body.length;
  return { text: body.slice(at, end), end };
}

function readBody(r: DigestRecord, body: string, url: string, reference: string | null): void {
  let pos = 0;
  // The abstract: the first block, when it is a link back to the paper.
  const first = /\S/.exec(body);
  if (first && body[first.index] === '[' && body[first.index + 1] !== '!') {
    const close = findClose(body, url, first.index);
    if (close) {
      const inner = body.slice(first.index + 1, close.at);
      if (!AUTHOR_BLOCK.test(inner)) {
        r.abstract = unwrapAbstract(unescapeMarkdown(inner.replace(LINE_END_BACKSLASHES, '')));
        pos = close.end;
      }
    }
  }
  if (pos === 0 && first) {
    // No linked abstract: a long plain paragraph is the abstract (older layouts); a short one is
    // the AI summary, which is not kept.
    const para = plainParagraph(body, first.index);
    if (para && looksLikeAbstract(para.text)) {
      r.abstract = unwrapAbstract(unescapeMarkdown(para.text.replace(LINE_END_BACKSLASHES, '')));
      pos = para.end;
    }
  }
  // The publication date: the first line after the abstract that starts with a date.
  let i = pos;
  while (i < body.length) {
    let nl = body.indexOf('\n', i);
    if (nl < 0) nl = body.length;
    const line = body.slice(i, nl).trim();
    if (DATE_START.test(line)) {
      const d = parseDate(line, reference);
      if (d) {
        r.publishedAt = d;
        break;
      }
    }
    i = nl + 1;
  }
}

export const markdownReader: FormatReader = guarded({
  name: MARKDOWN_FORMAT,
  detect(text) {
    const n = findHeadings(text, 2).length;
    return n === 0 ? 0 : 0.9;
  },
  split(text, fileName): SplitResult {
    const warnings: string[] = [];
    const fm = frontMatter(text);
    const url = fm.fields.url ?? fm.fields.source ?? fm.fields.sourceurl ?? null;
    const capture =
      parseDate(fm.fields.retrieved) ??
      parseDate(fm.fields.exported) ??
      parseDate(fm.fields.captured) ??
      parseDate(fm.fields.scraped) ??
      parseDate(fm.fields.date) ??
      null;
    const digestDate = urlDigestDate(url) ?? fileNameDate(fileName);
    const reference = capture ?? digestDate;
    const heads = findHeadings(text);
    if (heads.length === 0) throw new ParseError('Markdown has no paper headings (### [Title](…/papers/<id>))');
    const raw: DigestRecord[] = [];
    for (let k = 0; k < heads.length; k++) {
      const h = heads[k]!;
      const next = k + 1 < heads.length ? heads[k + 1]!.start : text.length;
      const r = emptyRecord(0, cleanTitle(h.title, { markdown: true }));
      r.arxivId = arxivIdFromUrl(h.url);
      const prevEnd = k > 0 ? heads[k - 1]!.end : fm.end;
      r.upvotes = upvotesBefore(text.slice(Math.max(prevEnd, h.start - 1500), h.start), h.url);
      readBody(r, text.slice(h.end, next), h.url, reference);
      raw.push(r);
    }
    const records = finishRecords(raw, warnings);
    const noAbstract = records.filter((r) => r.abstract === '').length;
    if (noAbstract > 0) warnings.push(`${noAbstract} record(s) have no abstract`);
    return { format: MARKDOWN_FORMAT, digestDate, records, warnings };
  },
});
