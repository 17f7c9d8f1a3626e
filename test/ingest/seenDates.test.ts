import { describe, expect, it } from 'vitest';
import { seenDatesOf } from '../../src/ingest/seenDates.js';
import type { DigestRecord } from '../../src/types.js';

const rec = (digestDate?: string | null): DigestRecord =>
  ({ position: 1, title: 't', abstract: '', digestDate }) as unknown as DigestRecord;

describe('seenDatesOf', () => {
  it('gives the file date to every paper when no record has a date of its own', () => {
    const seen = seenDatesOf([rec(), rec()], ['a', 'b'], '2024-09-16');
    expect(seen('a')).toEqual({ first: '2024-09-16', last: '2024-09-16' });
    expect(seen('elsewhere')).toEqual({ first: '2024-09-16', last: '2024-09-16' });
  });

  it('spans the part dates of a paper listed in several parts, in any order', () => {
    const seen = seenDatesOf(
      [rec('2025-07-28'), rec('2024-09-16'), rec('2025-07-28'), rec(null)],
      ['both', 'both', 'late', 'undated'],
      '2025-01-01',
    );
    expect(seen('both')).toEqual({ first: '2024-09-16', last: '2025-07-28' });
    expect(seen('late')).toEqual({ first: '2025-07-28', last: '2025-07-28' });
    // A record of a part without a date line counts on the file's date.
    expect(seen('undated')).toEqual({ first: '2025-01-01', last: '2025-01-01' });
  });

  it('never lets a missing date win over a known one', () => {
    const seen = seenDatesOf([rec(null), rec('2024-09-16')], ['p', 'p'], null);
    expect(seen('p')).toEqual({ first: '2024-09-16', last: '2024-09-16' });
  });
});
