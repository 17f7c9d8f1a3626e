/**
 * Reader plumbing: empty records, counts, lines, front matter, the guard around a reader, and record numbering.
 * Pure; errors are `ParseError`s.
 */
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { ymd } from './dates.js';

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

/** A scraped count (upvotes, comments) as a page shows or a form stores it ("1,234", "1.2k", 13, "-" for none yet), else null. */
export function parseScrapedCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.floor(value) : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '-' || s === '–' || s === '—') return 0;
  const m = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([kK])?$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, '')) * (m[2] ? 1000 : 1);
  return Number.isFinite(n) ? Math.round(n) : null;
}

/**
 * Splits text into lines whatever the line endings (the first `limit` lines when given). Most
 * texts have no carriage return: splitting them on "\n" is the same split, several times faster
 * than the regex (the text readers split every file, some twice).
 */
export function lines(text: string, limit?: number): string[] {
  if (text.indexOf('\r') < 0) return text.split('\n', limit);
  return text.split(/\r\n|\r|\n/, limit);
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
    ...(reader.maxConfidence === undefined ? {} : { maxConfidence: reader.maxConfidence }),
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

const forgetters: (() => void)[] = [];

/**
 * Registers how to let go of what a reader keeps from detect for split (a parse, a page): kept
 * past its file, a 50 MB page's tree would stay alive while the next files are read.
 */
export function keptUntilSplit(forget: () => void): void {
  forgetters.push(forget);
}

/** Lets go of every parse kept for the file just split (splitDigest's end). */
export function forgetKeptParses(): void {
  for (const forget of forgetters) forget();
}

/**
 * The parse of a reader whose detect() reads the whole text to judge it (the html-cards and
 * newsletter readers; the HTML tree both HTML readers read, ./htmlPage.ts) and whose split() then
 * needs the same parse: detect's parse of the last text is kept and handed to split once, so a
 * file is parsed once, not twice (the html-cards reader's detect was half its time). split owns
 * what it takes (it numbers the records): a second split parses again. Per thread, like the
 * readers.
 */
export class ParseForSplit<T> {
  private text: string | null = null;
  private parsed: T | null = null;

  constructor(private readonly parse: (text: string) => T) {
    keptUntilSplit(() => {
      this.text = null;
      this.parsed = null;
    });
  }

  /** For detect: the text's parse, kept for split. */
  peek(text: string): T {
    if (this.parsed === null || this.text !== text) {
      this.parsed = null; // a parse that throws keeps nothing
      this.parsed = this.parse(text);
      this.text = text;
    }
    return this.parsed;
  }

  /** For split: the parse detect kept for this text, or a new one. */
  take(text: string): T {
    const kept = this.parsed !== null && this.text === text ? this.parsed : null;
    this.text = null;
    this.parsed = null;
    return kept ?? this.parse(text);
  }
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
