/**
 * Real data: the seed listing pages (453 records, 360 papers) and, when the shared samples are
 * beside the repository, the site API samples (359 papers; 3 also in the seeds).
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API, apiRecords, seedRecords } from './records.js';
import { clusterRecords } from '../../src/dedup/cluster.js';
import type { SightingLike } from '../../src/dedup/index.js';

function partition(cluster: number[]): number[] {
  const first = new Map<number, number>();
  return cluster.map((c, i) => {
    if (!first.has(c)) first.set(c, i);
    return first.get(c)!;
  });
}

describe('seed pages', () => {
  const recs = seedRecords();

  it('parse into 453 records', () => {
    expect(recs.length).toBe(453);
    expect(recs[0]!.title).not.toMatch(/^Subscribe/);
  });

  it('cluster into exactly 360 papers', () => {
    const r = clusterRecords(recs);
    expect(new Set(r.cluster).size).toBe(360);
    expect(r.canonical.length).toBe(360);
  });

  it('the same partition in reverse order, and idempotent', () => {
    const fwd = clusterRecords(recs);
    const rev = clusterRecords([...recs].reverse());
    const revCluster = [...rev.cluster].reverse();
    expect(partition(revCluster)).toEqual(partition(fwd.cluster));
    const again = clusterRecords(fwd.canonical);
    expect(new Set(again.cluster).size).toBe(fwd.canonical.length);
  });

  it('merge their sightings with titles hard-wrapped, clipped and recased', () => {
    const variants = recs.map((r, i) => {
      const t = r.title;
      if (i % 3 === 0)
        return { ...r, title: t.replace(/ /g, (_m: string, off: number) => (off % 5 === 0 ? '\n  ' : ' ')), abstract: '' };
      if (i % 3 === 1 && t.length > 40) return { ...r, title: t.slice(0, Math.ceil(t.length * 0.8)) + '\u2026' };
      return { ...r, title: t.toLowerCase(), abstract: r.abstract.slice(0, 200) + '\u2026' };
    });
    const r = clusterRecords([...recs, ...variants]);
    expect(new Set(r.cluster).size).toBe(360);
  });
});

describe.skipIf(!fs.existsSync(API))('site API samples', () => {
  it('359 distinct papers; with the seeds 716 (3 papers in both)', () => {
    const api = apiRecords();
    expect(api.length).toBe(359);
    expect(new Set(clusterRecords(api).cluster).size).toBe(359);
    const both = clusterRecords([...seedRecords(), ...api]);
    expect(new Set(both.cluster).size).toBe(716);
    const rules = both.rule.slice(453);
    expect(rules.filter((x) => x === 'exact-title').length).toBe(3);
  });
});
