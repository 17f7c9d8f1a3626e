/**
 * The plain-text copies of a Hugging Face Papers listing (select all, copy, paste): page chrome,
 * an optional date line, then title and abstract lines. Two real layouts:
 *  - spaced: every line is its own paragraph, separated by blank lines;
 *  - compact: no blank lines, and the chrome's last word glued to the first title
 *    ("SubscribeNeuroStrike: Neuron-Level Attacks on Aligned LLMs").
 * Lines are classified (chrome, date, title, abstract) rather than matched against the exact
 * chrome strings, so a copy whose chrome differs a little still splits.
 */
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { ymd } from './dates.js';
import { emptyRecord, lines } from './reader.js';
import { logicalLines, titleCaseRatio } from './unwrapLines.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** "Sep 16", "September 16", "Sep 16, 2024", "16 Sep 2024": the listing's own date line. */
const DATE_LINE = new RegExp(
  `^(?:(?<m1>${MONTH})\\.?\\s+(?<d1>\\d{1,2})(?:,?\\s+(?<y1>\\d{4}))?|(?<d2>\\d{1,2})\\s+(?<m2>${MONTH})\\.?(?:,?\\s+(?<y2>\\d{4}))?)$`,
  'i',
);

/**
 * Chrome of the listing page. Each entry matches at the start of a line; a whole line of chrome is
 * dropped, and chrome glued to the start of a title is cut off. Written loosely (optional words,
 * any case) because copies differ: "Get trending papers in your email inbox once a day!".
 */
const CHROME_PREFIXES: RegExp[] = [
  /^get (?:the )?trending papers in your (?:e-?mail )?inbox[^!]*!?/i,
  /^get (?:the )?(?:top |latest |best )?(?:trending )?papers delivered (?:to your inbox )?(?:daily|every day|each day)[^!]*!?/i,
  /^subscribe(?:d)?\b|^subscribe/i,
  /^(?:hugging ?face )?daily papers\b/i,
  /^(?:top |trending )?papers of the (?:day|week|month)\b/i,
  /^by\s*ak and the research community/i,
  /^new$/i,
  /^(?:trending|papers|search|sign up|log in|login|daily|weekly|monthly)$/i,
];

/**
 * Chrome recognised after the first title, where a second digest pasted into the same file
 * starts: the whole line must be chrome (a title such as "Subscribe to …" stays a title unless
 * the line is nothing but chrome words).
 */
function isChromeLine(line: string): boolean {
  return line.length <= 80 && stripChrome(line).length === 0;
}

/** "2024-09-16" alone on a line. */
const ISO_DATE_LINE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** "Monday, " before a date. */
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;

/** Does a whole line read as chrome (once any glued chrome is cut, nothing is left)? */
function stripChrome(line: string): string {
  let rest = line;
  for (let changed = true; changed && rest.length > 0; ) {
    changed = false;
    for (const re of CHROME_PREFIXES) {
      const m = re.exec(rest);
      if (m && m[0].length > 0) {
        rest = rest.slice(m[0].length).trimStart();
        changed = true;
      }
    }
  }
  return rest;
}

/** Parses a date line into `YYYY-MM-DD`, or `--MM-DD` (ISO 8601's yearless form) when no year is shown. */
export function parseDateLine(line: string): string | null {
  const t = line.trim().replace(WEEKDAY, '');
  const iso = ISO_DATE_LINE.exec(t);
  if (iso) return ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const m = DATE_LINE.exec(t);
  if (!m?.groups) return null;
  const g = m.groups;
  const month = MONTHS.indexOf((g.m1 ?? g.m2 ?? '').slice(0, 3).toLowerCase()) + 1;
  const day = Number(g.d1 ?? g.d2);
  if (month < 1 || day < 1 || day > 31) return null;
  const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const year = g.y1 ?? g.y2;
  return year ? `${year}-${md}` : `--${md}`;
}

/**
 * An abstract is prose: long, or several sentences. A title is a short line that does not read as
 * running text. The thresholds come from the seeds: the longest title is ~190 characters and the
 * shortest abstract well over 300.
 */
export function looksLikeAbstract(line: string): boolean {
  if (line.length >= 320) return true;
  const sentences = line.split(/[.!?]\s+(?=[A-Z])/).length;
  return (line.length >= 160 && sentences >= 2) || (line.length >= 200 && /[.]$/.test(line));
}

/**
 * Runs of blanks to collapse into one space: two or more, or a single tab or no-break space. A
 * single space is left alone, so prose costs no rewrite (`[\t \u00a0]+` matched once per word:
 * splitting and cleaning the 100k-paper bench corpus took 1.2 s with it, 0.38 s with this).
 */
const BLANK_RUN = /[\t \u00a0]{2,}|[\t\u00a0]/g;

/** Splits the text into content units: for the spaced layout paragraphs, for the compact one lines. */
function units(text: string): string[] {
  // Few lines hold a blank run (659 of 120k in the bench corpus): three indexOf say which.
  const trimmed = lines(text).map((l) =>
    (l.indexOf('  ') < 0 && l.indexOf('\t') < 0 && l.indexOf('\u00a0') < 0 ? l : l.replace(BLANK_RUN, ' ')).trim(),
  );
  return logicalLines(trimmed, looksLikeAbstract, (l) => stripChrome(l).length === 0 || parseDateLine(l) !== null);
}

/**
 * Classifies the units and pairs titles with abstracts. Chrome is recognised only before the first
 * title (later, a title such as "Subscribe to ..." is a title); the first date line is the digest
 * date.
 */
export function splitSeedText(text: string, format: string): SplitResult {
  const warnings: string[] = [];
  const records: DigestRecord[] = [];
  let digestDate: string | null = null;
  /** The date line of the digest part being read (several digests may be pasted into one file). */
  let partDate: string | null = null;
  const partDates = new Set<string>();
  let parts = 1;
  let inHeader = true;
  let current: DigestRecord | null = null;

  const us = units(text);
  for (let i = 0; i < us.length; i++) {
    let line = us[i]!;
    const next = us[i + 1];
    const nextIsProse = next !== undefined && looksLikeAbstract(next);
    if (inHeader) {
      line = stripChrome(line);
      if (line.length === 0) continue;
    } else if (isChromeLine(line) && !nextIsProse) {
      // The header of another digest pasted below the first: chrome is never followed by prose.
      inHeader = true;
      parts++;
      partDate = null;
      continue;
    }
    const date = parseDateLine(line);
    if (date) {
      digestDate ??= date;
      partDate = date;
      partDates.add(date);
      continue;
    }
    const prose = looksLikeAbstract(line);
    if (current && current.abstract === '') {
      // The page alternates title and abstract, so after a title comes its abstract, even a short
      // one (a scraper that kept the submitter's one-line comment). Only a short line followed by
      // prose is read as the next title, leaving this record without an abstract.
      if (prose || !nextIsProse) {
        current.abstract = line;
        continue;
      }
    } else if (prose && !(current && nextIsProse && titleAfterAbstract(line))) {
      // Prose right after an abstract continues it (an abstract copied as two paragraphs).
      if (current) current.abstract += ` ${line}`;
      else warnings.push(`an abstract with no title before it was skipped: "${line.slice(0, 60)}…"`);
      continue;
    }
    inHeader = false;
    current = emptyRecord(records.length + 1, line);
    current.digestDate = partDate;
    records.push(current);
  }
  // One date for the whole file is the file's; per-record dates matter only for pasted parts.
  if (parts === 1 && partDates.size <= 1) for (const r of records) delete r.digestDate;
  const missing = records.filter((r) => r.abstract === '').length;
  if (missing > 0) warnings.push(`${missing} record(s) had no abstract`);
  if (records.length === 0) throw new ParseError('no papers found in the text');
  return { format, digestDate, records, warnings };
}

/**
 * A long line after an abstract, followed by prose, that is nevertheless a title: a 175-character
 * title with "? A" inside reads as two sentences by length alone. Titles do not end in a full stop
 * or a comma, are not longer than 300 characters, and are mostly capitalised words or hold at
 * most one sentence break; a second paragraph of an abstract fails at least one of these.
 */
export function titleAfterAbstract(line: string): boolean {
  if (line.length > 300 || /[.,;:]$/.test(line)) return false;
  return titleCaseRatio(line) >= 0.6 || line.split(/[.!?]\s+/).length <= 2;
}

/** How the page's lines are laid out: blank lines between them, or none. */
function blankLineRatio(text: string): number {
  const head = lines(text, 2000);
  const blank = head.filter((l) => l.trim() === '').length;
  return blank / Math.max(1, head.length);
}

/**
 * Evidence that this is a copied listing page: listing chrome near the top, or a rhythm of short
 * title lines alternating with long abstract lines. Prose, code or logs have neither.
 */
function listingScore(text: string): number {
  const head = text.slice(0, 2000);
  const chrome = /trending papers in your (?:e-?mail )?inbox|daily papers|research community/i.test(head);
  const us = units(text.slice(0, 200_000)).slice(0, 60);
  let alternations = 0;
  for (let i = 0; i + 1 < us.length; i++) {
    if (!looksLikeAbstract(us[i]!) && us[i]!.length < 300 && looksLikeAbstract(us[i + 1]!)) alternations++;
  }
  const rhythm = alternations >= 3 && alternations >= us.length / 4;
  if (chrome && rhythm) return 0.9;
  if (rhythm) return 0.6;
  return chrome && alternations >= 1 ? 0.5 : 0;
}

/** Text that starts like markup or data is another reader's. */
function looksStructured(text: string): boolean {
  return /^(?:[[{<#]|---)/.test(text.slice(0, 1000).trimStart());
}

export const spacedTextReader: FormatReader = {
  name: 'text-spaced',
  detect(text) {
    if (looksStructured(text)) return 0;
    return blankLineRatio(text) >= 0.3 ? listingScore(text) : 0;
  },
  split(text) {
    return splitSeedText(text, 'text-spaced');
  },
};

export const compactTextReader: FormatReader = {
  name: 'text-compact',
  detect(text) {
    if (looksStructured(text)) return 0;
    return blankLineRatio(text) < 0.3 ? listingScore(text) : 0;
  },
  split(text) {
    return splitSeedText(text, 'text-compact');
  },
};
