/**
 * Pathological inputs: huge titles, titles of one repeated word, and 10k records sharing common
 * words. Everything must complete, and the candidate pairs verified per lookup stay bounded
 * (asserted on stats.candidates, not on time).
 */
import { describe, expect, it } from 'vitest';
import { clusterRecords } from '../../src/dedup/cluster.js';
import {
  DedupIndex,
  EXACT_SCAN,
  MAX_CANDIDATES,
  MAX_CLIP_CANDIDATES,
  PREFIX_SCAN,
  type SightingLike,
} from '../../src/dedup/index.js';

/**
 * Candidates one lookup may count: the exact-key chain tests, or the capped blocking lists plus
 * the clip/prefix chain (prefix tests, then the kept ones verified).
 */
const PER_LOOKUP = Math.max(EXACT_SCAN, MAX_CANDIDATES + MAX_CLIP_CANDIDATES + PREFIX_SCAN);

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** Runs records through an index like an ingest; returns the most candidates any lookup used. */
function ingest(index: DedupIndex, recs: SightingLike[]): { maxPerLookup: number; papers: number } {
  let max = 0;
  let papers = 0;
  recs.forEach((rec, i) => {
    const before = index.stats.candidates;
    const m = index.match(rec);
    max = Math.max(max, index.stats.candidates - before);
    if (!m) {
      papers++;
      index.put({ id: `p${i}`, ...rec });
    }
  });
  return { maxPerLookup: max, papers };
}

describe('pathological input', () => {
  it('huge titles and abstracts', () => {
    const index = new DedupIndex();
    const huge = 'Large Language Models '.repeat(50_000); // ~1.1 MB
    const hugeAbstract = 'We study things. '.repeat(200_000);
    index.put({ id: 'a', title: huge, abstract: hugeAbstract, arxivId: null });
    const m = index.match({ title: huge, abstract: hugeAbstract, arxivId: null });
    expect(m?.paperId).toBe('a');
    // Titles are compared on their first 1000 characters.
    const other = index.match({ title: 'Code ' + huge, abstract: '', arxivId: null });
    expect(other).toBeNull();
    expect(index.stats.candidates).toBeLessThanOrEqual(2 * PER_LOOKUP);
  });

  it('a title of one repeated word, many times over', () => {
    const r = clusterRecords([
      { title: 'model '.repeat(10_000), abstract: '', arxivId: null },
      { title: 'model '.repeat(9_999), abstract: '', arxivId: null },
      { title: 'Model Model Model', abstract: '', arxivId: null },
      { title: 'model '.repeat(10_000), abstract: '', arxivId: null },
    ]);
    expect(r.cluster[3]).toBe(r.cluster[0]);
    expect(r.cluster[2]).not.toBe(r.cluster[0]);
  });

  it('empty, punctuation-only and one-character titles', () => {
    const r = clusterRecords([
      { title: '', abstract: 'x', arxivId: null },
      { title: '   ', abstract: '', arxivId: null },
      { title: '?!…', abstract: '', arxivId: null },
      { title: 'A', abstract: '', arxivId: null },
      { title: 'a', abstract: '', arxivId: null },
      { title: '', abstract: '', arxivId: '2401.00001' },
      { title: 'Anything', abstract: '', arxivId: '2401.00001' },
    ]);
    // Titles with no words never match on text; one-letter titles match exactly; ids match.
    expect(r.rule).toEqual(['new', 'new', 'new', 'new', 'exact-title', 'new', 'arxiv-id']);
  });

  it('10k records sharing common words keep candidates per lookup bounded', () => {
    const rand = rng(7);
    const common = ['Large', 'Language', 'Models', 'for', 'Reasoning', 'Efficient', 'Learning', 'Fine-Tuning', 'LLM', 'Agents'];
    const recs: SightingLike[] = [];
    for (let i = 0; i < 10_000; i++) {
      const words: string[] = [];
      const n = 4 + Math.floor(rand() * 6);
      for (let k = 0; k < n; k++) words.push(common[Math.floor(rand() * common.length)]!);
      // Half the titles are made of common words only; the others get one distinctive word.
      if (i % 2 === 0) words.splice(Math.floor(rand() * words.length), 0, `Name${i}`);
      recs.push({ title: words.join(' '), abstract: '', arxivId: null });
    }
    // Then clipped and recased copies of some of them.
    for (let i = 0; i < 2_000; i++) {
      const t = recs[i * 5]!.title;
      recs.push({
        title: i % 2 ? t.toUpperCase() : t.slice(0, Math.max(20, Math.floor(t.length * 0.7))) + '\u2026',
        abstract: '',
        arxivId: null,
      });
    }
    const index = new DedupIndex();
    const { maxPerLookup } = ingest(index, recs);
    expect(index.stats.lookups).toBe(12_000);
    expect(maxPerLookup).toBeLessThanOrEqual(PER_LOOKUP);
    expect(index.stats.candidates / index.stats.lookups).toBeLessThan(PER_LOOKUP);
  });

  it('10k titles that are all the same words in other orders', () => {
    const words = ['Scaling', 'Laws', 'Neural', 'Language', 'Models', 'Code', 'Vision', 'Agents'];
    const rand = rng(11);
    const recs: SightingLike[] = [];
    for (let i = 0; i < 10_000; i++) {
      const w = [...words].sort(() => rand() - 0.5);
      recs.push({ title: w.join(' '), abstract: '', arxivId: null });
    }
    const index = new DedupIndex();
    const { maxPerLookup } = ingest(index, recs);
    expect(maxPerLookup).toBeLessThanOrEqual(PER_LOOKUP);
  });

  it('many papers with one exact title (different arXiv ids) stay separate', () => {
    const recs: SightingLike[] = [];
    for (let i = 0; i < 300; i++) recs.push({ title: 'Introduction', abstract: '', arxivId: `2401.${10000 + i}` });
    recs.push({ title: 'introduction', abstract: '', arxivId: null });
    const index = new DedupIndex();
    const { maxPerLookup, papers } = ingest(index, recs);
    expect(papers).toBe(300);
    expect(maxPerLookup).toBeLessThanOrEqual(PER_LOOKUP);
    const r = clusterRecords(recs);
    expect(new Set(r.cluster).size).toBe(300);
  });
});
