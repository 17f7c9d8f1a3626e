/**
 * Several digests pasted into one text file, each part with its own date line (issue 12, form 7):
 * each paper counts from its own part's date, not the file's one date. A paper listed in both
 * parts is first seen on the earlier part's date and last seen on the later's, and its sightings
 * keep their part's date so that forgetting another file recomputes the same span.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, papers, SEEDS, tempDir } from '../helpers.js';

interface Paper {
  id: string;
  first_seen: string | null;
  last_seen: string | null;
}
interface Shown {
  sightings: { file: string; date: string | null; digest_date: string | null }[];
}

const EARLY = '2024-09-16';
const LATE = '2025-07-28';

/** A seed with its one date line ("Sep 16", "Jul 28") rewritten as a full date. */
function dated(seed: string, from: string, to: string): string {
  const text = fs.readFileSync(path.join(SEEDS, seed), 'utf8');
  expect(text).toMatch(new RegExp(`^${from}$`, 'm'));
  return text.replace(new RegExp(`^${from}$`, 'm'), to);
}

function ids(dir: string, file: string, text: string): Set<string> {
  fs.writeFileSync(path.join(dir, file), text);
  const db = path.join(dir, `${file}.db`);
  expect(papers(['ingest', path.join(dir, file), '--db', db]).code).toBe(0);
  return new Set(json<Paper[]>(papers(['query', '--db', db, '--json', '--limit', '0'])).map((p) => p.id));
}

describe('pasted digests keep each part’s date', () => {
  const seeds = fs.readdirSync(SEEDS).sort();
  // Seed 000 is dated Sep 16, seed 001 Jul 28; they share some papers.
  const early = dated(seeds[0]!, 'Sep 16', EARLY);
  const late = dated(seeds[1]!, 'Jul 28', LATE);
  let onlyEarly: string[];
  let onlyLate: string[];
  let both: string[];
  let dir: string;
  let db: string;
  let byId: Map<string, Paper>;

  beforeAll(() => {
    const work = tempDir();
    const a = ids(work, 'early.txt', early);
    const b = ids(work, 'late.txt', late);
    both = [...a].filter((id) => b.has(id));
    onlyEarly = [...a].filter((id) => !b.has(id));
    onlyLate = [...b].filter((id) => !a.has(id));
    // The later digest first: the file's own date (its first date line) is the later one.
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pasted.txt'), `${late}\n${early}`);
    db = path.join(tempDir(), 'p.db');
    const r = papers(['ingest', dir, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    byId = new Map(json<Paper[]>(papers(['query', '--db', db, '--json', '--limit', '0'])).map((p) => [p.id, p]));
  });

  it('each part’s papers are seen on that part’s date', () => {
    expect(onlyEarly.length).toBeGreaterThan(0);
    expect(onlyLate.length).toBeGreaterThan(0);
    expect(byId.size).toBe(onlyEarly.length + onlyLate.length + both.length);
    for (const id of onlyEarly) expect(byId.get(id), id).toMatchObject({ first_seen: EARLY, last_seen: EARLY });
    for (const id of onlyLate) expect(byId.get(id), id).toMatchObject({ first_seen: LATE, last_seen: LATE });
  });

  it('a paper in both parts spans the earlier part’s date to the later’s', () => {
    expect(both.length).toBeGreaterThan(0);
    for (const id of both) expect(byId.get(id), id).toMatchObject({ first_seen: EARLY, last_seen: LATE });
    const shown = json<Shown>(papers(['show', both[0]!, '--db', db, '--json']));
    const dates = shown.sightings.map((s) => s.digest_date).sort();
    expect(dates).toEqual([EARLY, LATE]);
    // `date` stays the file's date (its first date line).
    expect(shown.sightings.map((s) => s.date)).toEqual([LATE, LATE]);
  });

  it('code links count from their paper’s earliest part date', () => {
    const links = json<{ paper_id: string; promised_since: string | null; available_since: string | null }[]>(
      papers(['links', '--db', db, '--json']),
    );
    const since = (id: string) => links.filter((l) => l.paper_id === id).map((l) => l.available_since ?? l.promised_since);
    const early = onlyEarly.flatMap(since);
    const late = onlyLate.flatMap(since);
    expect(early.length).toBeGreaterThan(0);
    expect(late.length).toBeGreaterThan(0);
    expect(new Set(early)).toEqual(new Set([EARLY]));
    expect(new Set(late)).toEqual(new Set([LATE]));
    for (const id of both) for (const d of since(id)) expect(d, id).toBe(EARLY);
  });

  it('forgetting another file recomputes the span from the sightings’ own dates', () => {
    const other = path.join(tempDir(), 'older.txt');
    fs.writeFileSync(other, dated(seeds[0]!, 'Sep 16', '2023-01-02'));
    expect(papers(['ingest', other, '--db', db]).code).toBe(0);
    const id = both[0]!;
    const widened = json<Paper[]>(papers(['query', '--db', db, '--json', '--limit', '0'])).find((p) => p.id === id);
    expect(widened).toMatchObject({ first_seen: '2023-01-02', last_seen: LATE });
    fs.rmSync(other);
    expect(papers(['ingest', dir, '--db', db, '--prune']).code).toBe(0);
    const after = new Map(json<Paper[]>(papers(['query', '--db', db, '--json', '--limit', '0'])).map((p) => [p.id, p]));
    for (const id of both) expect(after.get(id), id).toMatchObject({ first_seen: EARLY, last_seen: LATE });
    for (const id of onlyEarly) expect(after.get(id), id).toMatchObject({ first_seen: EARLY, last_seen: EARLY });
  });
});
