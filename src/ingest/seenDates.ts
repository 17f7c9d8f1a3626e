/**
 * When a file's sightings of each paper were listed (pure). A file usually has one digest date;
 * several digests pasted into one text file give each record its own part's date
 * (DigestRecord.digestDate), and a paper listed in two parts spans both dates.
 */
import type { DigestRecord } from '../types.js';
import type { SeenDates } from '../db/store.js';

/**
 * The dates each paper's records span, by paper id (`paperIds[i]` is where `records[i]` went).
 * A record without a date of its own counts on `fileDate`. A file with no per-record date (the
 * common case: every bench file) costs no map and no lookup beyond one scan.
 */
export function seenDatesOf(
  records: readonly DigestRecord[],
  paperIds: readonly string[],
  fileDate: string | null,
): (id: string) => SeenDates {
  const whole: SeenDates = { first: fileDate, last: fileDate };
  if (!records.some((r) => r.digestDate != null)) return () => whole;
  const byPaper = new Map<string, SeenDates>();
  records.forEach((r, i) => {
    const date = r.digestDate ?? fileDate;
    const id = paperIds[i]!;
    const seen = byPaper.get(id);
    if (seen === undefined) byPaper.set(id, { first: date, last: date });
    else byPaper.set(id, { first: earlier(seen.first, date), last: later(seen.last, date) });
  });
  return (id) => byPaper.get(id) ?? whole;
}

/** The earlier of two dates; a missing date never wins over a known one. */
function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  return b !== null && b < a ? b : a;
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  return b !== null && b > a ? b : a;
}
