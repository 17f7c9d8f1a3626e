/**
 * Text exports of a listing page that keep the link lines (a notebook's web-page export):
 *
 *      [-] 1                                                   ← upvotes ("-" for none)
 *     https://huggingface.co/login?next=%2Fpapers%2F2410.05434
 *     Better than Your Teacher: …                              ← title
 *     https://huggingface.co/papers/2410.05434                 ← a record starts
 *     While large language models …                            ← abstract (one or more lines)
 *     https://huggingface.co/papers/2410.05434                 ← abstract ends
 *     [
 *     2 authors](https://huggingface.co/papers/2410.05434)
 *     ·
 *     Oct 7, 2024                                              ← publication date
 *
 * Blank lines between them vary; page chrome (nav links, footer) is ignored since only a paper
 * URL line right after a title line starts a record.
 */
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { arxivIdFromUrl, paperSegment } from './arxiv.js';
import { fileNameDate, parseDate } from './dates.js';
import { emptyRecord, finishRecords, frontMatter, guarded, lines, parseScrapedCount, urlDigestDate } from './reader.js';
import { cleanTitle, unwrapAbstract } from './text.js';

export const TEXT_EXPORT_FORMAT = 'text-export';

const PAPER_LINE = /^https?:\/\/(?:www\.)?huggingface\.co\/papers\/[^\s]+$/i;
/** A record starts at a bare paper link (no #community, no query). */
const ANCHOR_LINE = /^https?:\/\/(?:www\.)?huggingface\.co\/papers\/[^\s/?#]+(?:\/\d{7})?\/?$/i;
const LOGIN_LINE = /^https?:\/\/(?:www\.)?huggingface\.co\/login\?next=%2Fpapers%2F([^\s&#]+)$/i;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
const UPVOTE_LINE = /^(?:\[[-+x ]?\]\s*)?([\d,.]+k?|-)$/i;
const AUTHORS_LINE = /^\[?\s*\d+\s+authors?\s*\]\(/i;
const AUTHORS_NEXT = /^\d+\s+authors?\s*\]\(/i;
const DATE_LINE = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?$/i;
/** How many lines a title may wrap over. */
const MAX_TITLE_LINES = 4;

/** Could this line be (the end of) a title? Not a link, date, separator or count. */
function isTitleLine(l: string): boolean {
  return (
    l.length <= 400 &&
    !URL_LINE.test(l) &&
    !AUTHORS_LINE.test(l) &&
    !DATE_LINE.test(l) &&
    !UPVOTE_LINE.test(l) &&
    /\p{L}/u.test(l) &&
    !/^\[?\s*\d+\s+authors?\s*\]/i.test(l)
  );
}

/** A line that ends a card rather than continuing its abstract. */
function isTrailer(l: string): boolean {
  return URL_LINE.test(l) || UPVOTE_LINE.test(l) || DATE_LINE.test(l) || l === '·' || l === '[' || AUTHORS_LINE.test(l);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

interface Current {
  rec: DigestRecord;
  seg: string;
  abs: string[];
  absStart: number;
}

interface Parsed {
  records: DigestRecord[];
  /** Records whose title came right after a login link (the export's own rhythm). */
  withLogin: number;
}

function parse(text: string, reference: string | null, warnings: string[] | null): Parsed {
  const ne: string[] = [];
  for (const l of lines(text)) {
    const t = l.trim();
    if (t.length > 0) ne.push(t);
  }
  const records: DigestRecord[] = [];
  let withLogin = 0;
  let cur = null as Current | null;
  let state: 'idle' | 'abstract' | 'tail' = 'idle';
  let unclosed = 0;
  let lastSeg: string | null = null;

  const finish = (upTo: number): void => {
    if (!cur) return;
    if (state === 'abstract') {
      // No closing URL: keep the lines before the next record's header, up to the authors line.
      const keep: string[] = [];
      for (let i = 0; i < cur.abs.length && cur.absStart + i < upTo; i++) keep.push(cur.abs[i]!);
      // Links, counts and separators trailing before the next record are not abstract text.
      while (keep.length > 0 && isTrailer(keep[keep.length - 1]!)) keep.pop();
      cur.rec.abstract = unwrapAbstract(keep.join('\n'));
      unclosed++;
    }
    cur = null;
    state = 'idle';
  };

  for (let j = 0; j < ne.length; j++) {
    const line = ne[j]!;
    const seg = PAPER_LINE.test(line) ? paperSegment(line) : null;
    if (cur && state === 'abstract' && seg === cur.seg) {
      cur.rec.abstract = unwrapAbstract(cur.abs.join('\n'));
      state = 'tail';
      continue;
    }
    const prev = j > 0 ? ne[j - 1]! : '';
    if (seg && prev && seg !== lastSeg && ANCHOR_LINE.test(line) && isTitleLine(prev)) {
      // A new record: the title is the text since the login link (or the line before).
      let login = -1;
      for (let k = j - 1; k >= Math.max(0, j - 1 - MAX_TITLE_LINES); k--) {
        const lm = LOGIN_LINE.exec(ne[k]!);
        if (lm) {
          if (safeDecode(lm[1]!) === seg) login = k;
          break;
        }
        if (URL_LINE.test(ne[k]!)) break;
      }
      const titleStart = login >= 0 ? login + 1 : j - 1;
      const headerStart = login >= 0 ? login - (login > 0 && UPVOTE_LINE.test(ne[login - 1]!) ? 1 : 0) : j - 1;
      finish(headerStart);
      const rec = emptyRecord(0, cleanTitle(ne.slice(titleStart, j).join(' ')));
      rec.arxivId = arxivIdFromUrl(line);
      if (login > 0) {
        const up = UPVOTE_LINE.exec(ne[login - 1]!);
        if (up) rec.upvotes = parseScrapedCount(up[1]);
      }
      if (login >= 0) withLogin++;
      records.push(rec);
      cur = { rec, seg, abs: [], absStart: j + 1 };
      lastSeg = seg;
      state = 'abstract';
      continue;
    }
    if (!cur) continue;
    if (state === 'abstract') {
      if (AUTHORS_LINE.test(line) || (line === '[' && j + 1 < ne.length && AUTHORS_NEXT.test(ne[j + 1]!))) {
        // The authors link without the closing paper link: what came before is the abstract.
        cur.rec.abstract = unwrapAbstract(cur.abs.join('\n'));
        if (cur.abs.length > 0) unclosed++;
        state = 'tail';
        continue;
      }
      cur.abs.push(line);
      continue;
    }
    if (state === 'tail' && DATE_LINE.test(line)) {
      cur.rec.publishedAt = parseDate(line, reference);
      cur = null;
      state = 'idle';
    }
  }
  finish(Number.MAX_SAFE_INTEGER);
  if (warnings && unclosed > 0) warnings.push(`${unclosed} record(s) had no closing paper link after the abstract`);
  return { records, withLogin };
}

function captureDate(fields: Record<string, string>): string | null {
  return (
    parseDate(fields.exported) ?? parseDate(fields.retrieved) ?? parseDate(fields.captured) ?? parseDate(fields.date) ?? null
  );
}

export const textExportReader: FormatReader = guarded({
  name: TEXT_EXPORT_FORMAT,
  detect(text) {
    const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
    if (!sample.includes('huggingface.co/papers/')) return 0;
    const p = parse(sample, null, null);
    const titled = p.records.filter((r) => r.title.length > 0);
    if (titled.length === 0) return 0;
    if (p.withLogin > 0) return 0.95;
    // Without login links, ask for the URL-abstract-URL rhythm on most records.
    const closed = titled.filter((r) => r.abstract.length > 0).length;
    return closed * 2 >= titled.length ? 0.8 : 0.3;
  },
  split(text, fileName): SplitResult {
    const warnings: string[] = [];
    const fm = frontMatter(text);
    const digestDate = urlDigestDate(fm.fields.url ?? fm.fields.source ?? null) ?? fileNameDate(fileName);
    const p = parse(text, captureDate(fm.fields) ?? digestDate, warnings);
    const records = finishRecords(p.records, warnings);
    if (records.length === 0) throw new ParseError('text export has no papers (no title line followed by a paper link)');
    return { format: TEXT_EXPORT_FORMAT, digestDate, records, warnings };
  },
});
