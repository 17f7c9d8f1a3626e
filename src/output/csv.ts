/** CSV writing: RFC 4180 records with spreadsheet-formula cells defused. Pure. */
import { flatCell } from './render.js';

/**
 * A text cell a spreadsheet would run as a formula (`=cmd|' /C calc'!A0`, `+`, `-`, `@`, or a
 * leading tab or CR) gets a `'` in front, the OWASP rule for CSV injection. Numbers are values,
 * not text: -0.5 stays -0.5.
 */
export function csvCell(v: unknown): string {
  const s = flatCell(v);
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One RFC 4180 record (without its line break): quote fields holding `"`, `,`, CR or LF. */
export function csvLine(values: unknown[]): string {
  return values
    .map((v) => {
      const s = csvCell(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}
