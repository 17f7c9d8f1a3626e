/**
 * Prepared sightings (`prepareSighting`, computed by an ingest's worker threads and posted to the
 * main thread): a structured clone of one must give exactly the decisions the raw record gives -
 * same matches, rules, scores, candidates counted, clusters and canonical copies. Also the fast
 * Dice (on word ids in place) against string-similarity's compareTwoStrings, and preferTitle on
 * title facts against preferTitle on the texts.
 */
import v8 from 'node:v8';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import fc from 'fast-check';
import stringSimilarity from 'string-similarity';
import { describe, expect, it } from 'vitest';
import { apiRecords, picker, seedRecords, type Pick } from './records.js';
import { clusterRecords } from '../../src/dedup/cluster.js';
import {
  DedupIndex,
  isPrepared,
  prepareSighting,
  preparedTitleFacts,
  preferTitle,
  PREPARED_KIND,
  type PreparedSighting,
  type SightingLike,
} from '../../src/dedup/index.js';
import { isClippedTitle, titleKey } from '../../src/normalize.js';

// ---------------------------------------------------------------------------------------------
// Real records: the seed pages (453) and, when present, the site API samples (359).

const REAL: SightingLike[] = [...seedRecords(), ...apiRecords()];
const WORDS = [...new Set(REAL.flatMap((r) => r.title.split(/\s+/)).filter((w) => /^[A-Za-z]{3,}$/.test(w)))];

// ---------------------------------------------------------------------------------------------
// Variants: the formatting differences of scraped copies, plus real differences (a digit, a
// word, an unrelated abstract, another arXiv id) so that every rule and every veto is exercised.

const TITLE_VARIANTS: ((t: string, pick: Pick) => string)[] = [
  (t) => t.toLowerCase(),
  (t) => t.replace(/\b([a-z])/g, (c) => c.toUpperCase()),
  (t, pick) => t.replace(/ /g, () => [' ', ' ', '  ', '\u00a0', '\n  '][pick(5)]!),
  (t, pick) =>
    t.slice(0, Math.max(14, Math.floor(t.length * (0.5 + 0.1 * pick(5))))).trimEnd() +
    ['\u2026', '...', ' [...]', ' \u2026'][pick(4)]!,
  (t) => t.replace(/^([^:\s]+):/, '\\textit{$1}:'),
  (t) => t.replace(/(\w)-(\w)/g, '$1\u2013$2'),
  (t) => t.replace(/(\w)-(\w)/g, '$1$2'),
  (t) => t.replace(/(\w)-(\w)/, '$1- $2'),
  (t) => (t.includes(' & ') ? t.replace(/ & /g, ' and ') : t.replace(/ and /g, ' & ')),
  (t) => t.replace(/iz(e|es|ed|ing|ation)\b/g, 'is$1'),
  (t) => t.replace(/'/g, '\u2019'),
  (t) => t.replace(/ (?:the|a|of|for) /i, ' '),
  (t) => `Towards ${t}`,
  (t) => t.replace(/(\d)/, (d) => String((Number(d) + 1) % 10)),
  (t) => `${t} v2`,
  (t) => t.replace(/(\w{4,}?)s\b/, '$1').replace(/(\w{4,})$/, '$1s'),
  (t) => {
    const w = t.split(' ');
    if (w.length > 3) [w[1], w[2]] = [w[2]!, w[1]!];
    return w.join(' ');
  },
  (t, pick) => {
    const w = t.split(' ');
    w[pick(w.length)] = WORDS[pick(WORDS.length)]!;
    return w.join(' ');
  },
  (t) => t.replace(/ ([A-Za-z]+)$/, ' Pro $1'),
];

function abstractVariant(a: string, pick: Pick, other: SightingLike): string {
  switch (pick(8)) {
    case 0:
      return a.slice(0, Math.floor(a.length * (0.3 + 0.1 * pick(6)))).trimEnd() + '\u2026';
    case 1:
      return '';
    case 2:
      return [
        'Code: https://github.com/foo/bar',
        'Accepted at ICML 2024. Project page and code available.',
        'Great work, check it out!',
      ][pick(3)]!;
    case 3:
      return a.replace(/(.{60,80}?) /g, '$1\n');
    case 4:
      return `${a} Accepted at NeurIPS 2024.`;
    case 5:
      return other.abstract; // a different paper's abstract
    case 6:
      return (
        a
          .split(/(?<=[.!?])\s+/)
          .slice(0, -1)
          .join(' ') || a
      );
    default:
      return a;
  }
}

function arxivVariant(id: string | null, pick: Pick, other: SightingLike): string | null {
  switch (pick(8)) {
    case 0:
      return id === null ? null : `arXiv:${id}v${1 + pick(3)}`;
    case 1:
      return other.arxivId;
    case 2:
      return ['hep-th/9901001', 'cs/0101001v2', 'arXiv:math.GT/0309136'][pick(3)]!;
    case 3:
      return null;
    default:
      return id;
  }
}

function variant(r: SightingLike, pick: Pick): SightingLike {
  let title = r.title;
  const n = pick(4);
  for (let i = 0; i < n; i++) title = TITLE_VARIANTS[pick(TITLE_VARIANTS.length)]!(title, pick);
  const other = REAL[pick(REAL.length)]!;
  const abstract = pick(2) ? abstractVariant(r.abstract, pick, other) : r.abstract;
  return { title, abstract, arxivId: arxivVariant(r.arxivId, pick, other) };
}

function sightings(seed: number, bases: number[], perBase: number): SightingLike[] {
  const pick = picker(seed);
  const out: SightingLike[] = [];
  for (const b of bases) {
    const base = REAL[b]!;
    const n = 1 + pick(perBase);
    for (let k = 0; k < n; k++) out.push(k === 0 && pick(2) === 0 ? base : variant(base, pick));
  }
  // Shuffle.
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** prepareSighting as a worker would post it: through the structured clone algorithm. */
function cloned(r: SightingLike): PreparedSighting {
  return structuredClone(prepareSighting(r));
}

// ---------------------------------------------------------------------------------------------

describe('prepareSighting', () => {
  it('has real records to work from', () => {
    expect(REAL.length).toBeGreaterThanOrEqual(453);
  });

  it('is plain tagged data, survives postMessage, and carries the exact key', () => {
    const { port1, port2 } = new MessageChannel();
    try {
      for (const r of REAL.slice(0, 200)) {
        const p = prepareSighting(r);
        expect(isPrepared(p)).toBe(true);
        expect(isPrepared(r)).toBe(false);
        expect(Object.keys(p).sort()).toEqual(['data', 'key', 'kind']);
        expect(p.kind).toBe(PREPARED_KIND);
        expect(p.key).toBe(titleKey(r.title));
        expect(structuredClone(p)).toEqual(p);
        port2.postMessage(p);
        expect(receiveMessageOnPort(port1)!.message).toEqual(p);
      }
    } finally {
      port1.close();
      port2.close();
    }
  });

  it('is small: a few hundred bytes serialized', () => {
    let total = 0;
    for (const r of REAL) {
      const n = v8.serialize(prepareSighting(r)).length;
      expect(n).toBeLessThan(2 * r.title.length + 200);
      total += n;
    }
    expect(total / REAL.length).toBeLessThan(400);
  });

  it('a cloned prepared sighting matches exactly as its record (index fed raw or prepared)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: REAL.length - 1 }), { minLength: 5, maxLength: 80 }),
        fc.integer({ min: 1, max: 0x7fffffff }),
        (bases, seed) => {
          const recs = sightings(seed, bases, 3);
          const half = recs.length >> 1;
          const raw = new DedupIndex();
          const prep = new DedupIndex();
          recs.slice(0, half).forEach((r, i) => {
            raw.put({ id: `p${i}`, ...r });
            prep.put({ id: `p${i}`, ...r }, cloned(r));
          });
          const probes = [...recs.slice(half), ...sightings(seed ^ 0x9e3779b9, bases, 2)];
          for (const q of probes) {
            const expected = raw.match(q);
            expect(raw.match(cloned(q))).toEqual(expected);
            expect(prep.match(cloned(q))).toEqual(expected);
            expect(prep.match(q)).toEqual(expected);
          }
          expect(prep.stats).toEqual(raw.stats);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('clusterRecords: the same clusters, rules, scores and canonical copies (all real records + variants)', () => {
    const all = REAL.map((_, i) => i);
    for (const seed of [1, 2, 3, 4]) {
      const recs = [...(seed === 1 ? REAL : []), ...sightings(seed, all, 3)];
      const a = clusterRecords(recs);
      const b = clusterRecords(recs, undefined, recs.map(cloned));
      expect(b.cluster).toEqual(a.cluster);
      expect(b.rule).toEqual(a.rule);
      expect(b.score).toEqual(a.score);
      expect(b.canonical).toEqual(a.canonical);
      // The variants exercise every rule.
      if (seed === 1) {
        for (const rule of ['new', 'arxiv-id', 'exact-title', 'clipped-title', 'fuzzy-title', 'title+abstract']) {
          expect(a.rule).toContain(rule);
        }
      }
    }
  });

  it('clusterRecords: the same partition, property (any bases, order, threshold)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: REAL.length - 1 }), { minLength: 5, maxLength: 60 }),
        fc.integer({ min: 1, max: 0x7fffffff }),
        fc.constantFrom(0.8, 0.85, 0.9, 0.95),
        (bases, seed, threshold) => {
          const recs = sightings(seed, bases, 4);
          const a = clusterRecords(recs, { threshold });
          const b = clusterRecords(recs, { threshold }, recs.map(cloned));
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('upgrade(id, prepared, fields) = put of the merged copy', () => {
    const pick = picker(7);
    for (let n = 0; n < 300; n++) {
      const cur = REAL[pick(REAL.length)]!;
      const inc = variant(cur, pick);
      const take = { title: pick(2) === 0, abstract: pick(2) === 0, arxivId: pick(2) === 0 };
      const merged = {
        id: 'x',
        title: take.title ? inc.title : cur.title,
        abstract: take.abstract ? inc.abstract : cur.abstract,
        arxivId: take.arxivId ? inc.arxivId : cur.arxivId,
      };
      const a = new DedupIndex();
      const b = new DedupIndex();
      const other = REAL[pick(REAL.length)]!;
      for (const ix of [a, b]) {
        ix.put({ id: 'other', ...other });
        ix.put({ id: 'x', ...cur });
      }
      a.put(merged);
      expect(b.upgrade('x', cloned(inc), take)).toBe(true);
      expect(b.titleFacts('x')).toEqual(a.titleFacts('x'));
      for (const q of [cur, inc, merged, variant(cur, pick), variant(inc, pick)]) expect(b.match(q)).toEqual(a.match(q));
    }
    expect(new DedupIndex().upgrade('missing', cloned(REAL[0]!), { title: true, abstract: true, arxivId: true })).toBe(false);
  });
});

describe('fast Dice', () => {
  it('equals string-similarity compareTwoStrings on real title pairs', () => {
    const ix = new DedupIndex();
    const titles = REAL.map((r) => r.title);
    titles.forEach((t, i) => ix.put({ id: String(i), title: t, abstract: '', arxivId: null }));
    const keys = titles.map(titleKey);
    const pick = picker(11);
    const queries = [...titles, ...REAL.map((r) => variant(r, pick).title)];
    let pairs = 0;
    let close = 0;
    const wrong: string[] = [];
    for (const q of queries) {
      const p = cloned({ title: q, abstract: '', arxivId: null });
      const qKey = titleKey(q);
      // Every 4th indexed title, and all of them for a few queries.
      const step = pick(20) === 0 ? 1 : 4;
      for (let i = pick(step); i < keys.length; i += step) {
        const want = stringSimilarity.compareTwoStrings(qKey, keys[i]!);
        const got = ix.titleDice(p, String(i));
        if (got !== want) wrong.push(`${qKey} / ${keys[i]}: ${got} != ${want}`);
        pairs++;
        if (want >= 0.5) close++;
      }
    }
    expect(wrong).toEqual([]);
    expect(pairs).toBeGreaterThan(100_000); // ~120k from the seeds alone, more with the API samples
    expect(close).toBeGreaterThan(500);
  });

  it('equals compareTwoStrings on arbitrary titles (repeated letters, non-ASCII, one-letter keys)', () => {
    const word = fc.oneof(
      fc.constantFrom('a', 'aa', 'ab', 'ba', 'abab', 'model', 'models', 'llm', 'x', '7b', 'über', 'ﬁne', 'µ', '𝔸', 'ß'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
    );
    const title = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(title, { minLength: 1, maxLength: 6 }), title, (indexed, q) => {
        const ix = new DedupIndex();
        indexed.forEach((t, i) => ix.put({ id: String(i), title: t, abstract: '', arxivId: null }));
        const p = cloned({ title: q, abstract: '', arxivId: null });
        indexed.forEach((t, i) => {
          expect(ix.titleDice(p, String(i))).toBe(stringSimilarity.compareTwoStrings(titleKey(q), titleKey(t)));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keys never hold whitespace (compareTwoStrings would strip it)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        expect(titleKey(s)).not.toMatch(/\s/);
      }),
      { numRuns: 2000 },
    );
    const spaces =
      ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
    for (const c of spaces) expect(titleKey(`Large${c}Language &${c}Models`)).toBe('largelanguageandmodels');
  });
});

describe('preferTitle on title facts', () => {
  it('decides as preferTitle on the texts', () => {
    const pick = picker(5);
    let n = 0;
    for (const r of REAL) {
      const variants = [variant(r, pick).title, variant(r, pick).title, r.title.slice(0, 30) + '\u2026', `$${r.title}$`];
      for (const v of variants) {
        const ix = new DedupIndex();
        ix.put({ id: 'c', title: r.title, abstract: '', arxivId: null });
        const facts = {
          current: ix.titleFacts('c')!,
          incoming: preparedTitleFacts(cloned({ title: v, abstract: '', arxivId: null })),
        };
        expect(facts.current).toEqual({ keyLength: titleKey(r.title).length, clipped: isClippedTitle(r.title) });
        expect(preferTitle(r.title, v, facts)).toBe(preferTitle(r.title, v));
        const back = { current: facts.incoming, incoming: facts.current };
        expect(preferTitle(v, r.title, back)).toBe(preferTitle(v, r.title));
        n++;
      }
    }
    expect(n).toBe(REAL.length * 4);
    // A title past the 1000 characters normalised: its clip mark still counts.
    const long = 'Word '.repeat(300) + 'End\u2026';
    const ix = new DedupIndex();
    ix.put({ id: 'c', title: long, abstract: '', arxivId: null });
    expect(ix.titleFacts('c')!.clipped).toBe(true);
    expect(preparedTitleFacts(prepareSighting({ title: long, abstract: '', arxivId: null })).clipped).toBe(true);
  });
});
