/**
 * Code promises over time (pure): when a repository was first seen promised, and when it was
 * first seen available. Extraction only says what a paper's text says today; these dates are what
 * the database remembers across ingests, so a repository promised in May and linked in June reads
 * "promised since May, available since June".
 */
import type { CodeLink } from '../types.js';

/** The two dates a stored code link keeps (YYYY-MM-DD, or null when never seen so). */
export interface PromiseDates {
  promised_since: string | null;
  available_since: string | null;
}

const earlier = (a: string | null, b: string): string => (a === null || b < a ? b : a);

/**
 * The dates of a code link seen with `status` on `seenOn`, given what was remembered (`prev`).
 * Each date only moves earlier (files may be ingested out of date order); a repository first
 * seen available was never promised, and stays so.
 */
export function promiseDates(prev: PromiseDates | undefined, status: CodeLink['status'], seenOn: string): PromiseDates {
  const p = prev ?? { promised_since: null, available_since: null };
  return status === 'promised'
    ? { promised_since: earlier(p.promised_since, seenOn), available_since: p.available_since }
    : { promised_since: p.promised_since, available_since: earlier(p.available_since, seenOn) };
}

/**
 * The date a sighting counts from: its file's digest date when it is a full date, else today (a
 * page without a year, or a file without a date). `now` is passed in so this stays pure.
 */
export function sightingDay(digestDate: string | null, now: Date): string {
  return digestDate !== null && /^\d{4}-\d{2}-\d{2}$/.test(digestDate) ? digestDate : now.toISOString().slice(0, 10);
}

/**
 * `--older-than 30d` (also `4w`, `6m`, `1y`): the last day a date may be on to count as that old,
 * counted back from `now` in UTC days (a month is 30 days, a year 365). Null when the text is not
 * an age, for the caller to report.
 */
export function cutoffDay(age: string, now: Date): string | null {
  const m = /^\s*(\d{1,5})\s*([dwmy])\s*$/i.exec(age);
  if (!m) return null;
  const days = Number(m[1]) * { d: 1, w: 7, m: 30, y: 365 }[m[2]!.toLowerCase() as 'd' | 'w' | 'm' | 'y'];
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}
