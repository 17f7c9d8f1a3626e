import { describe, expect, it } from 'vitest';
import { renderProgress, type ProgressState } from '../../src/output/progress.js';

const st = (filesDone: number, filesTotal: number, records = 0, bytes = 0): ProgressState => ({
  filesDone,
  filesTotal,
  records,
  bytes,
});

/** Splits the bar text into the bar between brackets and the info after it. */
function parts(text: string): { bar: string; info: string } {
  const m = /^\[([#.]*)\](.*)$/.exec(text);
  if (!m) throw new Error(`not a progress line: ${JSON.stringify(text)}`);
  return { bar: m[1]!, info: m[2]! };
}

describe('renderProgress', () => {
  it.each([
    // state, elapsed ms, width, expected text
    [st(12, 40, 3200), 10_000, 80, '[#######................] 12/40 files  3,200 records  320/s  0.0 MB/s  ETA 0:23'],
    [st(0, 0), 0, 80, '[..............................] 0/0 files  0 records  0/s  0.0 MB/s  ETA --:--'],
    [
      st(40, 40, 100_000, 10 * 1048576),
      4_000,
      80,
      '[##################] 40/40 files  100,000 records  25,000/s  2.5 MB/s  ETA 0:00',
    ],
  ])('%j after %i ms in %i columns', (s, elapsed, width, expected) => {
    expect(renderProgress(s, elapsed, width)).toBe(expected);
  });

  it.each([
    // files done / total, elapsed ms, ETA
    [0, 10, 5_000, '--:--'], // nothing done yet: no estimate
    [1, 2, 5_000, '0:05'],
    [1, 2, 90_000, '1:30'],
    [1, 2, 59_600, '1:00'], // 59.6 s rounds to a whole minute
    [3, 4, 3_000, '0:01'],
    [1, 3, 3_600_000, '2:00:00'],
    [1, 100, 100_000, '2:45:00'],
    [1, 2, 36_005_000, '10:00:05'],
    [5, 5, 1_000, '0:00'],
  ])('%i/%i files after %i ms: ETA %s', (done, total, elapsed, eta) => {
    expect(parts(renderProgress(st(done, total), elapsed)).info.endsWith(`ETA ${eta}`)).toBe(true);
  });

  it.each([
    // files done / total, width, expected bar
    [0, 4, 200, '.'.repeat(30)], // at most 30 wide
    [2, 4, 200, '#'.repeat(15) + '.'.repeat(15)],
    [4, 4, 200, '#'.repeat(30)],
    [1, 3, 200, '#'.repeat(10) + '.'.repeat(20)],
    [2, 3, 200, '#'.repeat(20) + '.'.repeat(10)],
    [1, 4, 20, '###.......'], // at least 10 wide, even when the line will not fit: 2.5 rounds to 3
    [1, 4, 0, '###.......'],
  ])('%i/%i files in %i columns: [%s]', (done, total, width, bar) => {
    expect(parts(renderProgress(st(done, total), 1_000, width)).bar).toBe(bar);
  });

  it.each([60, 70, 80, 100, 120])('uses the room it has in %i columns without wrapping (bar between 10 and 30)', (width) => {
    const text = renderProgress(st(7, 300, 1_234_567, 5_000_000), 12_345, width);
    const { bar, info } = parts(text);
    expect(bar.length).toBeGreaterThanOrEqual(10);
    expect(bar.length).toBeLessThanOrEqual(30);
    if (bar.length > 10 && bar.length < 30) expect(text.length).toBe(width - 1);
    if (bar.length === 30) expect(text.length).toBeLessThan(width);
    expect(info).toBe(' 7/300 files  1,234,567 records  100,005/s  0.4 MB/s  ETA 8:37');
  });

  it.each([
    // records, bytes, elapsed ms, rate text, MB/s text
    [0, 0, 1_000, '0/s', '0.0 MB/s'],
    [1_234_567, 0, 1_000, '1,234,567/s', '0.0 MB/s'],
    [10, 0, 4_000, '3/s', '0.0 MB/s'], // 2.5 rounds up
    [0, 5 * 1048576, 2_000, '0/s', '2.5 MB/s'],
    [0, 1048576, 3_000, '0/s', '0.3 MB/s'],
  ])('%i records, %i bytes after %i ms: %s, %s', (records, bytes, elapsed, rate, mbs) => {
    const { info } = parts(renderProgress(st(1, 2, records, bytes), elapsed));
    expect(info).toContain(`records  ${rate}  ${mbs}  ETA`);
  });
});
