/**
 * Code promises over two ingests, with the real binary: day1's abstract promises a repository,
 * day2's sighting of the same paper links it (fixtures/outputs).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { json, papers, ROOT, tempDir } from '../helpers.js';

interface LinkRow {
  paper_id: string;
  url: string;
  status: string;
  source: string;
  promised_since: string | null;
  available_since: string | null;
}

const FIX = path.join(ROOT, 'fixtures/outputs');

describe('code promises over time', () => {
  it('a promise seen on 2026-05-11 becomes available on 2026-05-20, keeping both dates', () => {
    const db = path.join(tempDir(), 'p.db');
    const run = (...args: string[]) => papers([...args, '--db', db]);
    expect(run('ingest', path.join(FIX, 'day1'), '--quiet').code).toBe(0);

    const first = json<LinkRow[]>(run('links', '--json'));
    expect(first.find((l) => l.paper_id === '2605.01234')).toMatchObject({
      url: 'https://github.com/example-lab/fastlora',
      status: 'promised',
      promised_since: '2026-05-11',
      available_since: null,
    });
    expect(first.find((l) => l.paper_id === '2605.02345')).toMatchObject({
      status: 'available',
      promised_since: null,
      available_since: '2026-05-11',
    });
    // The fixtures' dates are months before any day these tests run on.
    const late = json<LinkRow[]>(run('links', '--status', 'promised', '--older-than', '30d', '--json'));
    expect(late.map((l) => l.url)).toEqual(['https://github.com/example-lab/fastlora']);
    // Ages are counted back from today: nothing was promised in the future.
    expect(json<LinkRow[]>(run('links', '--status', 'promised', '--older-than', '36500d', '--json'))).toEqual([]);

    expect(run('ingest', path.join(FIX, 'day2'), '--quiet').code).toBe(0);
    const second = json<LinkRow[]>(run('links', '--json'));
    expect(second.filter((l) => l.paper_id === '2605.01234')).toEqual([
      expect.objectContaining({
        url: 'https://github.com/example-lab/fastlora',
        status: 'available',
        promised_since: '2026-05-11',
        available_since: '2026-05-20',
      }),
    ]);
    expect(json<LinkRow[]>(run('links', '--status', 'promised', '--older-than', '30d', '--json'))).toEqual([]);
    // The paper object carries the dates too (keys added to its github entries).
    const shown = json<{ github: LinkRow[] }>(run('show', '2605.01234', '--json'));
    expect(shown.github).toEqual([
      expect.objectContaining({ status: 'available', promised_since: '2026-05-11', available_since: '2026-05-20' }),
    ]);
  });

  it('a bad --older-than is a usage error', () => {
    const db = path.join(tempDir(), 'p.db');
    expect(papers(['ingest', path.join(FIX, 'day1'), '--quiet', '--db', db]).code).toBe(0);
    const r = papers(['links', '--older-than', 'a month', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--older-than');
  });
});
