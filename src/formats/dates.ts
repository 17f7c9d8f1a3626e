/**
 * Dates as digests write them: ISO, "Sep 16, 2024", "16 Sep", yearless days completed from a reference.
 * Pure; errors are `ParseError`s.
 */

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
/** RFC 822 dates in RSS open with the weekday: "Sun, 01 Feb 2026 08:05:49 GMT". */
const WEEKDAY_PREFIX = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,\s*/i;

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
  const s = value.trim().replace(PUBLISHED_PREFIX, '').replace(WEEKDAY_PREFIX, '');
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
