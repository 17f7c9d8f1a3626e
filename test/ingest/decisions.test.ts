/**
 * Property (fast-check): any sequence of ingests and decisions, in any order, ends in the same
 * papers (ids and the sightings each holds) as ingesting everything and then deciding. Runs the
 * ingest and the decisions in-process on real files: the seed pages and a file of their variants.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortableDecision } from '../../src/dedup/decisions.js';
import { openForWrite } from '../../src/db/open.js';
import { Decider } from '../../src/ingest/decide.js';
import { Ingester } from '../../src/ingest/run.js';
import { SEEDS, tempDir, writeTitleVariants } from '../helpers.js';

const dir = tempDir('papers-decisions-');
const FILES = fs.readdirSync(SEEDS).map((f) => path.join(SEEDS, f));

let n = 0;
function freshDb() {
  return openForWrite(path.join(dir, `db${n++}.db`));
}

async function ingest(db: ReturnType<typeof freshDb>, files: string[]): Promise<void> {
  await new Ingester(db, { jobs: 0 }).run(files);
  new Decider(db).applyAll(); // as `papers ingest` does after every run
}

function importDecision(db: ReturnType<typeof freshDb>, d: PortableDecision): void {
  const decider = new Decider(db);
  decider.decisions.insert(d);
  decider.applyAll();
}

/** Each paper as its id and the addresses of its sightings. */
function shape(db: ReturnType<typeof freshDb>): string[] {
  return [...new Decider(db).membership()].map(([id, s]) => `${id} ${s.join(',')}`).sort();
}

describe('decisions and ingests in any order', () => {
  let decisions: PortableDecision[];
  let expected: string[];

  beforeAll(async () => {
    const variants = path.join(dir, 'hf_daily_variants.jsonl');
    writeTitleVariants(variants, 90);
    FILES.push(variants);
    // The decisions, made on a database of everything: merge two papers, split a sighting off a
    // third, keep that third distinct from the first.
    const ref = freshDb();
    await ingest(ref, FILES);
    const d = new Decider(ref);
    const byCount = [...d.membership()].filter(([, s]) => s.length >= 3).sort(([a], [b]) => a.localeCompare(b));
    const [a, b, c] = byCount.map(([id]) => ({
      id,
      ...(ref.prepare('SELECT rid FROM papers WHERE id = ?').get(id) as { rid: number }),
    }));
    const at = new Date(0).toISOString();
    const cSightings = d.addressesOf(c!);
    decisions = [
      { kind: 'merge', ids: [a!.id, b!.id], groups: [d.addressesOf(a!), d.addressesOf(b!)], note: null, created_at: at },
      { kind: 'split', ids: [c!.id], groups: [cSightings.slice(-1)], note: null, created_at: at },
      { kind: 'distinct', ids: [c!.id, a!.id], groups: [cSightings, d.addressesOf(a!)], note: null, created_at: at },
    ];
    for (const x of decisions) importDecision(ref, x);
    expected = shape(ref);
    ref.close();
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the reference applies all three', () => {
    expect(expected.filter((p) => p.startsWith('split-'))).toHaveLength(1);
    expect(expected.length).toBeGreaterThan(300);
  });

  it('any order of files, one by one or in batches, with the decisions imported at any point, ends the same', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(
          FILES.map((_, i) => i),
          { minLength: FILES.length },
        ),
        fc.array(fc.nat(FILES.length), { minLength: 3, maxLength: 3 }),
        fc.shuffledSubarray([0, 1, 2], { minLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        async (order, when, which, batch) => {
          const db = freshDb();
          try {
            const at = (k: number) => which.filter((_, j) => when[j] === k).forEach((j) => importDecision(db, decisions[j]!));
            at(0);
            for (let k = 0; k < order.length; k += batch) {
              await ingest(
                db,
                order.slice(k, k + batch).map((i) => FILES[i]!),
              );
              for (let m = k + 1; m <= Math.min(k + batch, order.length); m++) at(m);
            }
            expect(shape(db)).toEqual(expected);
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 240_000);
});
