/**
 * Properties (fast-check): from distinct real papers (seed titles and abstracts), make variant
 * sightings with the transformations seen in scraped data, shuffle them, and cluster. The
 * partition must equal the ground truth whatever the order, and clustering the canonical records
 * again must change nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { picker, type Pick } from './records.js';
import { clusterRecords } from '../../src/dedup/cluster.js';
import type { SightingLike } from '../../src/dedup/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.resolve(here, '../../fixtures/seeds');

interface Base {
  title: string;
  abstract: string;
  arxivId: string;
}

function loadBases(): Base[] {
  const out: Base[] = [];
  const seen = new Set<string>();
  for (const f of fs
    .readdirSync(SEEDS)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const lines = fs.readFileSync(path.join(SEEDS, f), 'utf8').split(/\r?\n/);
    const glued = lines.findIndex((l) => l.startsWith('Subscribe') && l.trim().length > 9);
    const body = (
      glued >= 0
        ? [lines[glued]!.slice(9), ...lines.slice(glued + 1)]
        : lines.slice(lines.findIndex((l) => /^[A-Z][a-z]{2} \d{1,2}$/.test(l.trim())) + 1)
    )
      .map((l) => l.trim())
      .filter((l) => l !== '');
    for (let i = 0; i + 1 < body.length; i += 2) {
      const k = simpleKey(body[i]!);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ title: body[i]!, abstract: body[i + 1]!, arxivId: `2401.${String(10000 + out.length)}` });
    }
  }
  return out;
}

function simpleKey(t: string): string {
  return t.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BASES = loadBases();
const KEYS = BASES.map((b) => simpleKey(b.title));

// ---------------------------------------------------------------------------------------------
// Variant transformations (each a function of the text and a stream of choices).

const TITLE_VARIANTS: ((t: string, pick: Pick) => string)[] = [
  // whitespace: doubled spaces, non-breaking spaces, an arXiv hard wrap
  (t, pick) => t.replace(/ /g, () => [' ', ' ', ' ', '  ', '\u00a0', '\n  '][pick(6)]!),
  // title case / sentence case
  (t) =>
    t
      .split(' ')
      .map((w, i) => (i === 0 || /[A-Z].*[A-Z]|\d/.test(w) ? w : w.toLowerCase()))
      .join(' '),
  (t) =>
    t
      .split(' ')
      .map((w) => (w.length > 3 ? w[0]!.toUpperCase() + w.slice(1) : w))
      .join(' '),
  // typography: curly quotes, en-dashes
  (t) => t.replace(/'/g, '\u2019').replace(/"([^"]*)"/g, '\u201c$1\u201d'),
  (t, pick) => t.replace(/(\w)-(\w)/g, (m, a: string, b: string) => (pick(2) ? `${a}\u2013${b}` : m)),
  // spelling variants: fine-tuning, pre-training, & / and, a line-wrap hyphen
  (t, pick) =>
    t.replace(/\b(fine)[- ]?(tun(?:ing|ed|e))\b/gi, (_m, a: string, b: string) => [`${a}-${b}`, a + b, `${a} ${b}`][pick(3)]!),
  (t, pick) => t.replace(/\b(pre)-?(train(?:ing|ed)?)\b/gi, (_m, a: string, b: string) => [`${a}-${b}`, a + b][pick(2)]!),
  (t) => (t.includes(' & ') ? t.replace(/ & /g, ' and ') : t.replace(/ and /g, ' & ')),
  (t) => t.replace(/(\w)-(\w)/, '$1- $2'),
  // LaTeX markup in one copy: \textit{Name}, $\times$, $\mu$
  (t) => t.replace(/^([^:\s]+):/, '\\textit{$1}:'),
  (t, pick) => t.replace(/(\d)(\u00d7|times)/g, (_m, d: string) => d + ['\u00d7', 'times', '$\\times$', '\\times'][pick(4)]!),
  (t, pick) => t.replace(/\u03bc/g, () => ['$\\mu$', '$\u03bc$'][pick(2)]!),
];

const ABSTRACT_VARIANTS: ((a: string, pick: Pick) => string)[] = [
  (a) => a.replace(/(.{60,80}?) /g, '$1\n'),
  (a, pick) => a.slice(0, Math.floor(a.length * (0.3 + 0.1 * pick(7)))).trimEnd() + '\u2026',
  (a) => {
    const s = a.split(/(?<=[.!?])\s+/);
    return s.length > 2 ? s.slice(0, -1).join(' ') : a;
  },
  (a, pick) => (pick(2) ? `${a} Accepted at NeurIPS 2024.` : `Published at EMNLP 2024. ${a}`),
  (_a, pick) =>
    ['Code: https://github.com/foo/bar', 'Accepted at ICML 2024. Project page and code available.', 'Great work, check it out!'][
      pick(3)
    ]!,
  () => '',
];

/** A clip of a title (`…` or `...`) long enough to be unambiguous among all bases. */
function clip(title: string, self: number, pick: Pick): string {
  const min = Math.max(20, Math.ceil(title.length * 0.6));
  if (title.length - 3 <= min) return title;
  let n = min + pick(title.length - 2 - min);
  for (; n < title.length - 2; n++) {
    const k = simpleKey(title.slice(0, n));
    if (k.length >= 15 && KEYS.every((other, j) => j === self || !other.startsWith(k))) break;
  }
  if (n >= title.length - 2) return title;
  return title.slice(0, n).trimEnd() + ['\u2026', '...', ' \u2026'][pick(3)]!;
}

function variant(b: Base, self: number, pick: Pick): SightingLike {
  let title = b.title;
  let abstract = b.abstract;
  const nt = pick(4);
  // Case changes first (they would break LaTeX command names), then the rest in order.
  const chosen = new Set<number>();
  for (let i = 0; i < nt; i++) chosen.add(pick(TITLE_VARIANTS.length));
  for (const i of [...chosen].sort((x, y) => x - y)) title = TITLE_VARIANTS[i]!(title, pick);
  if (pick(6) === 0) title = clip(title, self, pick);
  if (pick(2) === 0) abstract = ABSTRACT_VARIANTS[pick(ABSTRACT_VARIANTS.length)]!(abstract, pick);
  return { title, abstract, arxivId: pick(4) === 0 ? b.arxivId : null };
}

function partition(cluster: number[]): number[] {
  const first = new Map<number, number>();
  return cluster.map((c, i) => {
    if (!first.has(c)) first.set(c, i);
    return first.get(c)!;
  });
}

/** Sightings for some bases plus their ground-truth paper index. */
const scenario = fc.record({
  bases: fc.uniqueArray(fc.integer({ min: 0, max: BASES.length - 1 }), { minLength: 5, maxLength: 60 }),
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
  order1: fc.integer({ min: 1, max: 0x7fffffff }),
  order2: fc.integer({ min: 1, max: 0x7fffffff }),
});

function build(bases: number[], seed: number): { recs: SightingLike[]; truth: number[] } {
  const pick = picker(seed);
  const recs: SightingLike[] = [];
  const truth: number[] = [];
  for (const bi of bases) {
    const n = 1 + pick(4);
    for (let k = 0; k < n; k++) {
      recs.push(k === 0 && pick(2) === 0 ? { ...BASES[bi]!, arxivId: null } : variant(BASES[bi]!, bi, pick));
      truth.push(bi);
    }
  }
  return { recs, truth };
}

function shuffled(n: number, seed: number): number[] {
  const pick = picker(seed);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = pick(i + 1);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx;
}

describe('clustering properties', () => {
  it('has real bases to work from', () => {
    expect(BASES.length).toBe(360);
  });

  it('recovers the ground-truth partition in any order', () => {
    fc.assert(
      fc.property(scenario, ({ bases, seed, order1, order2 }) => {
        const { recs, truth } = build(bases, seed);
        const expected = partition(truth);
        for (const order of [order1, order2]) {
          const idx = shuffled(recs.length, order);
          const r = clusterRecords(idx.map((i) => recs[i]!));
          // Back to the original record order.
          const cluster = new Array<number>(recs.length);
          idx.forEach((orig, pos) => (cluster[orig] = r.cluster[pos]!));
          expect(partition(cluster)).toEqual(expected);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('is idempotent: the canonical records of a result cluster to themselves', () => {
    fc.assert(
      fc.property(scenario, ({ bases, seed, order1 }) => {
        const { recs } = build(bases, seed);
        const idx = shuffled(recs.length, order1);
        const first = clusterRecords(idx.map((i) => recs[i]!));
        const again = clusterRecords(first.canonical);
        expect(again.cluster).toEqual(first.canonical.map((_, i) => i));
        expect(again.rule.every((x) => x === 'new')).toBe(true);
        // And the canonical copies themselves do not depend on the order.
        const other = clusterRecords(shuffled(recs.length, order1 ^ 0x5bd1e995).map((i) => recs[i]!));
        const titles = (r: typeof first) => r.canonical.map((c) => c.title).sort();
        expect(titles(other)).toEqual(titles(first));
      }),
      { numRuns: 60 },
    );
  });
});
