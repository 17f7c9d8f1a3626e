import { describe, expect, it } from 'vitest';
import { cutoffDay, promiseDates, sightingDay, type PromiseDates } from '../../src/extract/promises.js';

const none: PromiseDates = { promised_since: null, available_since: null };

describe('promiseDates', () => {
  it.each<[PromiseDates | undefined, 'promised' | 'available', string, PromiseDates]>([
    // first sighting
    [undefined, 'promised', '2026-05-11', { promised_since: '2026-05-11', available_since: null }],
    [undefined, 'available', '2026-05-11', { promised_since: null, available_since: '2026-05-11' }],
    // promised, then available: the promise date stays
    [
      { promised_since: '2026-05-11', available_since: null },
      'available',
      '2026-05-20',
      { promised_since: '2026-05-11', available_since: '2026-05-20' },
    ],
    // seen promised again later: the first date stays
    [
      { promised_since: '2026-05-11', available_since: null },
      'promised',
      '2026-06-01',
      { promised_since: '2026-05-11', available_since: null },
    ],
    // an older digest ingested after a newer one moves the date earlier
    [
      { promised_since: '2026-05-11', available_since: null },
      'promised',
      '2026-04-30',
      { promised_since: '2026-04-30', available_since: null },
    ],
    [none, 'available', '2026-01-02', { promised_since: null, available_since: '2026-01-02' }],
  ])('%j %s %s', (prev, status, day, expected) => {
    expect(promiseDates(prev, status, day)).toEqual(expected);
  });
});

describe('sightingDay and cutoffDay', () => {
  const now = new Date('2026-12-01T14:00:00Z');
  it.each([
    ['2026-05-11', '2026-05-11'],
    ['--05-11', '2026-12-01'],
    [null, '2026-12-01'],
  ])('sightingDay(%j)', (date, expected) => expect(sightingDay(date, now)).toBe(expected));
  it.each([
    ['30d', '2026-11-01'],
    ['4w', '2026-11-03'],
    ['1m', '2026-11-01'],
    ['1y', '2025-12-01'],
    ['0d', '2026-12-01'],
    ['30', null],
    ['d30', null],
    ['-3d', null],
  ])('cutoffDay(%j)', (age, expected) => expect(cutoffDay(age, now)).toBe(expected));
});
