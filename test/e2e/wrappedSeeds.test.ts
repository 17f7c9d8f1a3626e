/**
 * Edited text copies, end to end through the real binary: the five seeds hard-wrapped at 80 and at
 * 200 columns, their chrome reworded, their date lines rewritten, CRLF line endings, and two seeds
 * pasted into one file, must give the same papers (titles, arXiv ids, abstracts) as the originals.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, papers, SEEDS, tempDir, wrapAt } from '../helpers.js';

interface Summary {
  files: number;
  records: number;
  papers: number;
  errors: unknown[];
}
interface Paper {
  arxiv_id: string | null;
  title: string;
  abstract: string;
}

/** The chrome and date lines reworded as other copies of the page show them. */
function reword(text: string): string {
  return text
    .replace(/^Get trending papers in your email inbox!$/m, 'Get the top papers delivered daily!')
    .replace(/^Daily Papers$/m, 'Papers of the Day')
    .replace(/^Sep 16$/m, '2024-09-16')
    .replace(/^Jul 28$/m, 'Jul 28, 2025')
    .replace(/^Mar 14$/m, 'Mar 14, 2025');
}

function ingest(dir: string): { summary: Summary; all: Paper[] } {
  const db = path.join(tempDir(), 'w.db');
  const r = papers(['ingest', dir, '--db', db, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const all = json<Paper[]>(papers(['query', '--db', db, '--json', '--limit', '0']));
  return { summary: json<Summary>(r), all };
}

function key(p: Paper): string {
  return JSON.stringify([p.arxiv_id, p.title, p.abstract]);
}

describe('wrapped, reworded and pasted seeds give the same papers', () => {
  const seeds = fs.readdirSync(SEEDS).sort();
  const texts = seeds.map((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8'));
  let original: { summary: Summary; all: Paper[] };

  beforeAll(() => {
    original = ingest(SEEDS);
  });

  it.each([80, 200])('wrapped at %i columns, reworded, CRLF', (width) => {
    const dir = tempDir();
    seeds.forEach((f, i) => {
      fs.writeFileSync(path.join(dir, f), wrapAt(reword(texts[i]!), width).replace(/\n/g, '\r\n'));
    });
    const got = ingest(dir);
    expect(got.summary).toMatchObject({ files: 5, records: 453, papers: 360, errors: [] });
    expect(got.all.map(key).sort()).toEqual(original.all.map(key).sort());
  });

  it('two seeds pasted into one file at 80 columns, the rest at 200', () => {
    const dir = tempDir();
    const pasted = `${reword(texts[0]!)}\n${reword(texts[3]!)}`;
    fs.writeFileSync(path.join(dir, 'pasted.txt'), wrapAt(pasted, 80));
    seeds.forEach((f, i) => {
      if (i !== 0 && i !== 3) fs.writeFileSync(path.join(dir, f), wrapAt(reword(texts[i]!), 200));
    });
    const got = ingest(dir);
    expect(got.summary).toMatchObject({ files: 4, records: 453, papers: 360, errors: [] });
    expect(got.all.map(key).sort()).toEqual(original.all.map(key).sort());
  });
});
