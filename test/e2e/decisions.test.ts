/**
 * Decisions that last, with the real binary: merge, split and distinct are applied at once, survive
 * re-ingesting changed files, carry to a rebuilt database through `decisions export` /
 * `ingest --decisions`, and can be undone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, papers, SEEDS, tempDir } from '../helpers.js';

interface Paper {
  id: string;
  title: string;
  sightings: { file: string; position: number }[];
}

function run(args: string[], code = 0) {
  const r = papers(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(code);
  return r;
}

const list = (db: string) => json<Paper[]>(run(['query', '--db', db, '--json', '--limit', '0']));

/** Each paper as `id: sighting count`, sorted: what two databases must agree on. */
const shape = (db: string) =>
  list(db)
    .map((p) => `${p.id}: ${p.sightings.length}`)
    .sort();

describe('merge, split, distinct', () => {
  const dir = tempDir();
  const seeds = path.join(dir, 'seeds');
  const db = path.join(dir, 'p.db');
  let four: Paper[]; // papers with 4 sightings, stable picks for the decisions
  let before: number;

  beforeAll(() => {
    fs.cpSync(SEEDS, seeds, { recursive: true });
    run(['ingest', seeds, '--db', db, '--quiet']);
    const all = list(db);
    before = all.length;
    four = all.filter((p) => p.sightings.length === 4).sort((a, b) => a.id.localeCompare(b.id));
  });

  it('applies each at once', () => {
    const [a, b, c] = four;
    run(['merge', a!.id, b!.id, '--db', db, '--note', 'one paper, two titles']);
    const s = c!.sightings[3]!;
    run(['split', c!.id, `${s.file}:${s.position}`, '--db', db]);
    run(['distinct', c!.id, a!.id, '--db', db]);
    const now = list(db);
    expect(now.length).toBe(before); // one merged away, one split off
    const merged = now.find((p) => p.id === a!.id)!;
    expect(merged.sightings).toHaveLength(8);
    expect(now.find((p) => p.id === c!.id)!.sightings).toHaveLength(3);
    expect(now.filter((p) => p.id.startsWith('split-'))).toHaveLength(1);
    // The merged-away id still finds the paper.
    expect(json<Paper>(run(['show', b!.id, '--db', db, '--json'])).id).toBe(a!.id);
  });

  it('lists decisions in every output format', () => {
    const ds = json<{ id: number; kind: string; ids: string[]; note: string | null }[]>(run(['decisions', '--db', db, '--json']));
    expect(ds.map((d) => d.kind)).toEqual(['merge', 'split', 'distinct']);
    expect(ds[0]!.note).toBe('one paper, two titles');
    expect(ds.map((d) => d.id)).toEqual([1, 2, 3]);
    expect(run(['decisions', '--db', db, '--csv']).stdout.split(/\r?\n/)[0]).toBe('id,kind,ids,sightings,note,created_at');
    expect(run(['decisions', '--db', db, '--ndjson']).stdout.trim().split('\n')).toHaveLength(3);
  });

  it('refuses what makes no sense, as a usage error', () => {
    expect(papers(['merge', four[0]!.id, '--db', db]).code).toBe(2);
    expect(papers(['merge', four[0]!.id, 'nope', '--db', db]).code).toBe(2);
    expect(papers(['split', four[3]!.id, 'nofile.txt:1', '--db', db]).code).toBe(2);
    expect(papers(['decisions', 'undo', '99', '--db', db]).code).toBe(1);
  });

  it('survive re-ingesting changed files, and a rebuild with --decisions', () => {
    const shaped = shape(db);
    const exported = path.join(dir, 'decisions.json');
    fs.writeFileSync(exported, run(['decisions', 'export', '--db', db]).stdout);
    // A rebuilt database, the files in another order of arrival.
    const rebuilt = path.join(dir, 'rebuilt.db');
    for (const f of fs.readdirSync(seeds).sort().reverse()) run(['ingest', path.join(seeds, f), '--db', rebuilt, '--quiet']);
    const summary = json<{ papers: number }>(run(['ingest', '--decisions', exported, '--db', rebuilt, '--json']));
    expect(shape(rebuilt)).toEqual(shaped);
    expect(summary.papers).toBe(shaped.length); // counted after the decisions merged papers
    // Importing the same decisions again adds none.
    run(['ingest', '--decisions', exported, '--db', rebuilt, '--quiet']);
    expect(json<unknown[]>(run(['decisions', '--db', rebuilt, '--json']))).toHaveLength(3);
    // Every seed file changed (a word in each abstract): new contents, new sightings.
    for (const f of fs.readdirSync(seeds)) {
      const file = path.join(seeds, f);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/ the /g, ' the  '));
    }
    run(['ingest', seeds, '--db', db, '--quiet']);
    run(['ingest', seeds, '--db', rebuilt, '--quiet']);
    expect(shape(db)).toEqual(shaped);
    expect(shape(rebuilt)).toEqual(shaped);
  });

  it('undo takes a decision back', () => {
    const [a, b] = four;
    run(['decisions', 'undo', '1', '--db', db]);
    const now = list(db);
    expect(now.find((p) => p.id === a!.id)!.sightings).toHaveLength(4);
    expect(now.find((p) => p.id === b!.id)!.sightings).toHaveLength(4);
    expect(json<unknown[]>(run(['decisions', '--db', db, '--json']))).toHaveLength(2);
  });
});

describe('dupes --near: likely misses to review', () => {
  it('lists a pair kept apart just under the threshold, then merge makes it one', () => {
    const dir = tempDir();
    const db = path.join(dir, 'n.db');
    fs.writeFileSync(
      path.join(dir, 'hf_daily_near.jsonl'),
      [
        { paper_title: 'QLoRA: Efficient Finetuning of Quantized LLMs', abstract_text: 'We present QLoRA.' },
        { paper_title: 'QLoRA: Efficient Finetuning for the Quantized LLM', abstract_text: 'Another text.' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    run(['ingest', dir, '--db', db, '--quiet']);
    const near = json<{ score: number; paper_id: string; other_id: string }[]>(run(['dupes', '--near', '--db', db, '--json']));
    expect(near).toHaveLength(1);
    expect(near[0]!.score).toBeGreaterThan(0.8);
    expect(near[0]!.score).toBeLessThan(0.9);
    run(['merge', near[0]!.other_id, near[0]!.paper_id, '--db', db]);
    expect(json<unknown[]>(run(['dupes', '--near', '--db', db, '--json']))).toEqual([]);
    const groups = json<{ paper_id: string; count: number; sightings: { rule: string; score: number }[] }[]>(
      run(['dupes', '--db', db, '--json']),
    );
    expect(groups).toMatchObject([{ paper_id: near[0]!.other_id, count: 2 }]);
    expect(groups[0]!.sightings.map((s) => s.rule).sort()).toEqual(['decision', 'new']);
  });
});
