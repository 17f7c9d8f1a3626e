/**
 * Real records for the dedup tests, as raw as the sources give them: the seed pages (453
 * records) and, when the shared samples are beside the repository, the site's API samples (359),
 * whose titles and summaries keep their hard wraps (the normaliser must handle them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SightingLike } from '../../src/dedup/index.js';
import { splitDigest } from '../../src/formats/index.js';
import { parsePythonLiteral } from '../../src/formats/json.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.resolve(here, '../../fixtures/seeds');
export const API = path.resolve(here, '../../../shared/samples/hf-api-json');

/** Every record of the seed pages, in file order (the project's seed reader is tested elsewhere). */
export function seedRecords(): SightingLike[] {
  return fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => splitDigest(fs.readFileSync(path.join(SEEDS, f), 'utf8'), f).records)
    .map((r) => ({ title: r.title, abstract: r.abstract, arxivId: null }));
}

/** Every paper of the API samples with its raw title and summary; [] when the samples are absent. */
export function apiRecords(): SightingLike[] {
  if (!fs.existsSync(API)) return [];
  const recs: SightingLike[] = [];
  for (const f of fs
    .readdirSync(API)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    let data = JSON.parse(fs.readFileSync(path.join(API, f), 'utf8')) as unknown;
    if (!Array.isArray(data)) data = (data as { data: unknown[] }).data;
    for (let item of data as unknown[]) {
      if (typeof item === 'string') item = parsePythonLiteral(item);
      const p = (item as { paper: { id: string; title: string; summary: string } }).paper;
      recs.push({ title: p.title, abstract: p.summary, arxivId: p.id });
    }
  }
  return recs;
}

/** A small seeded generator (xorshift32): `pick(n)` gives an integer in [0, n). */
export type Pick = (n: number) => number;

export function picker(seed: number): Pick {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return n <= 1 ? 0 : s % n;
  };
}
