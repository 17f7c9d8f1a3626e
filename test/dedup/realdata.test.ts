/**
 * Real data: the seed listing pages (453 records, 360 papers) and, when the shared samples are
 * beside the repository, the site API samples (359 papers; 3 also in the seeds).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clusterRecords, type SightingLike } from '../../src/dedup/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.resolve(here, '../../fixtures/seeds');
const API = path.resolve(here, '../../../shared/samples/hf-api-json');

/** A simple reader for the two seed layouts (title/abstract pairs after the page chrome). */
function parseSeed(text: string): SightingLike[] {
  const lines = text.split(/\r?\n/);
  let body: string[];
  const glued = lines.findIndex((l) => l.startsWith('Subscribe') && l.trim().length > 'Subscribe'.length);
  if (glued >= 0) {
    body = [lines[glued]!.slice('Subscribe'.length), ...lines.slice(glued + 1)];
  } else {
    const date = lines.findIndex((l) => /^[A-Z][a-z]{2} \d{1,2}$/.test(l.trim()));
    body = lines.slice(date + 1);
  }
  body = body.map((l) => l.trim()).filter((l) => l !== '');
  const out: SightingLike[] = [];
  for (let i = 0; i + 1 < body.length; i += 2) out.push({ title: body[i]!, abstract: body[i + 1]!, arxivId: null });
  return out;
}

function seedRecords(): SightingLike[] {
  return fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => parseSeed(fs.readFileSync(path.join(SEEDS, f), 'utf8')));
}

/** Python literal (as in the API samples' repr strings) -> JSON value. */
function pyLiteral(src: string): unknown {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      let str = '';
      while (src[j] !== c) {
        if (src[j] === '\\') {
          const e = src[j + 1]!;
          if (e === 'n') str += '\n';
          else if (e === 't') str += '\t';
          else if (e === 'x') {
            str += String.fromCharCode(parseInt(src.slice(j + 2, j + 4), 16));
            j += 2;
          } else if (e === 'u') {
            str += String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16));
            j += 4;
          } else str += e;
          j += 2;
        } else str += src[j++];
      }
      out += JSON.stringify(str);
      i = j + 1;
    } else if (src.startsWith('True', i)) (out += 'true'), (i += 4);
    else if (src.startsWith('False', i)) (out += 'false'), (i += 5);
    else if (src.startsWith('None', i)) (out += 'null'), (i += 4);
    else (out += c), i++;
  }
  return JSON.parse(out);
}

function apiRecords(): SightingLike[] {
  const recs: SightingLike[] = [];
  for (const f of fs.readdirSync(API).filter((x) => x.endsWith('.json')).sort()) {
    let data = JSON.parse(fs.readFileSync(path.join(API, f), 'utf8')) as unknown;
    if (!Array.isArray(data)) data = (data as { data: unknown[] }).data;
    for (let item of data as unknown[]) {
      if (typeof item === 'string') item = pyLiteral(item);
      const p = (item as { paper: { id: string; title: string; summary: string } }).paper;
      recs.push({ title: p.title, abstract: p.summary, arxivId: p.id });
    }
  }
  return recs;
}

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
      if (i % 3 === 0) return { ...r, title: t.replace(/ /g, (_m: string, off: number) => (off % 5 === 0 ? '\n  ' : ' ')), abstract: '' };
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
