import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { bar } from '../../src/output/stats-text.js';
import { highlightClaims, renderPaper, wrapInPlace } from '../../src/output/paper-text.js';
import type { PaperRecord } from '../../src/db/read.js';
import type { Claim } from '../../src/types.js';

describe('bar (stats)', () => {
  it.each([
    // value, max, width, expected
    [10, 10, 30, '█'.repeat(30)],
    [0, 10, 30, ''],
    [5, 10, 10, '█████'],
    [1, 3, 10, '███'], // 3.33 cells: no half
    [1, 4, 10, '██▌'], // 2.5 cells: a half
    [1, 6, 10, '█▌'], // 1.67 cells
    [1, 100, 10, ''], // 0.1 cell: nothing
    [1, 20, 10, '▌'], // 0.5 cell
    [3, 0, 30, ''], // no maximum: no bar
    [3, -1, 30, ''],
    [7, 7, 1, '█'],
  ])('bar(%i, %i, %i) = %j', (value, max, width, expected) => {
    expect(bar(value, max, width)).toBe(expected);
  });

  it.each([
    [1, 2, '█'.repeat(15)],
    [2, 2, '█'.repeat(30)],
  ])('bar(%i, %i) is 30 cells wide at most by default', (value, max, expected) => {
    expect(bar(value, max)).toBe(expected);
  });
});

const ABSTRACT = 'We reach 90.5% accuracy and a 2.3x speedup, with 1.5-2.7x lower latency.';

/** A claim on ABSTRACT at the first occurrence of `text` (or at `start` when given). */
function claim(text: string, extra: Partial<Claim> = {}, abstract = ABSTRACT): Claim {
  const start = extra.start ?? abstract.indexOf(text);
  if (start < 0) throw new Error(`'${text}' is not in the abstract`);
  return {
    text,
    start,
    end: start + text.length,
    value: 0,
    low: null,
    high: null,
    unit: null,
    kind: 'quantity',
    metric: null,
    qualifier: null,
    sentence: abstract,
    ...extra,
  };
}

function paper(over: Partial<PaperRecord> = {}): PaperRecord {
  return {
    id: 'abc123',
    arxiv_id: '2405.15738',
    title: 'Low-Rank Adaptation, Revisited',
    abstract: ABSTRACT,
    authors: ['Ann Lee', 'Bo Chen'],
    upvotes: 42,
    published_at: '2024-05-20',
    first_seen: '2024-05-21',
    last_seen: '2024-05-23',
    has_code: true,
    url: 'https://huggingface.co/papers/2405.15738',
    arxiv_url: 'https://arxiv.org/abs/2405.15738',
    pdf_url: 'https://arxiv.org/pdf/2405.15738',
    github: [
      { url: 'https://github.com/a/b', owner: 'a', repo: 'b', path: '/tree/main', status: 'available', source: 'abstract' },
    ],
    links: [{ url: 'https://proj.example', kind: 'project-page' }],
    claims: [
      claim('90.5%', { value: 90.5, unit: '%', kind: 'percent', metric: 'accuracy' }),
      claim('2.3x', { value: 2.3, unit: 'x', kind: 'multiplier', metric: 'speedup', qualifier: 'up to' }),
      claim('1.5-2.7x', { value: 2.7, low: 1.5, high: 2.7, unit: 'x', kind: 'multiplier', metric: 'latency' }),
    ],
    methods: [
      { family: 'lora', name: 'LoRA', role: 'proposed' },
      { family: 'lora', name: 'QLoRA', role: 'compared' },
    ],
    sightings: [
      {
        file: 'digests/a.md',
        position: 3,
        date: '2024-05-21',
        digest_date: '2024-05-21',
        title: 'Low-Rank Adaptation, Revisited',
        rule: 'new',
        score: 1,
        summary: '',
        summary_lang: null,
        text_kind: 'abstract',
        arxiv_version: null,
      },
      {
        file: 'digests/b.json',
        position: 7,
        date: null,
        digest_date: null,
        title: 'Low Rank Adaptation Revisited',
        rule: 'fuzzy-title',
        score: 0.91349,
        summary: '低秩适应的再研究。',
        summary_lang: 'zh',
        text_kind: 'summary',
        arxiv_version: 2,
      },
    ],
    ...over,
  };
}

describe('highlightClaims', () => {
  const mark = (s: string) => `[${s}]`;
  const on = (abstract: string, claims: Claim[]) => paper({ abstract, claims });

  it.each([
    ['no claims', on('plain text', []), 'plain text'],
    ['one claim', on('gets 90% here', [claim('90%', {}, 'gets 90% here')]), 'gets [90%] here'],
    ['claim at the start', on('90% first', [claim('90%', {}, '90% first')]), '[90%] first'],
    ['claim at the end', on('ends at 2x', [claim('2x', {}, 'ends at 2x')]), 'ends at [2x]'],
    ['whole abstract', on('7B', [claim('7B', {}, '7B')]), '[7B]'],
    ['all three claims', paper(), 'We reach [90.5%] accuracy and a [2.3x] speedup, with [1.5-2.7x] lower latency.'],
    [
      'claims given out of order are placed by start',
      paper({ claims: [...paper().claims].reverse() }),
      'We reach [90.5%] accuracy and a [2.3x] speedup, with [1.5-2.7x] lower latency.',
    ],
    ['adjacent spans are both marked', on('1234', [claim('12', {}, '1234'), claim('34', {}, '1234')]), '[12][34]'],
    [
      'an overlapping later span is dropped',
      on('abcdef', [claim('abcd', {}, 'abcdef'), claim('cdef', {}, 'abcdef')]),
      '[abcd]ef',
    ],
    [
      'the first by start wins even when listed second',
      on('abcdef', [claim('cdef', {}, 'abcdef'), claim('abcd', {}, 'abcdef')]),
      '[abcd]ef',
    ],
    ['a span inside another is dropped', on('abcdef', [claim('abcdef', {}, 'abcdef'), claim('cd', {}, 'abcdef')]), '[abcdef]'],
    ['same start: the one listed first wins', on('abcdef', [claim('ab', {}, 'abcdef'), claim('abc', {}, 'abcdef')]), '[ab]cdef'],
  ])('%s', (_name, p, expected) => {
    expect(highlightClaims(p, mark)).toBe(expected);
  });

  it('leaves the claims array in its order', () => {
    const p = paper({ claims: [...paper().claims].reverse() });
    const before = p.claims.map((c) => c.text);
    highlightClaims(p, (s) => s);
    expect(p.claims.map((c) => c.text)).toEqual(before);
  });
});

describe('renderPaper', () => {
  it('renders the whole paper as plain text when chalk is null', () => {
    expect(renderPaper(paper(), null)).toBe(
      [
        'Low-Rank Adaptation, Revisited',
        'id abc123 · arXiv 2405.15738 · published 2024-05-20 · seen 2024-05-21 to 2024-05-23 · 42 upvotes',
        'Ann Lee, Bo Chen',
        'https://huggingface.co/papers/2405.15738  arXiv https://arxiv.org/abs/2405.15738 · PDF https://arxiv.org/pdf/2405.15738',
        '',
        ABSTRACT,
        '',
        'Methods: LoRA (lora, proposed); QLoRA (lora, compared)',
        'Code: https://github.com/a/b/tree/main (available, from abstract)',
        'Link: https://proj.example (project-page)',
        'Claims:',
        '  90.5%  percent % = 90.5 · accuracy',
        '  2.3x  multiplier x = 2.3 · speedup · up to',
        '  1.5-2.7x  multiplier x = 2.7 [1.5–2.7] · latency',
        'Sightings (2):',
        '  digests/a.md:3  2024-05-21 · abstract · new',
        '  digests/b.json:7  no date · summary (zh) · fuzzy-title 0.913  “Low Rank Adaptation Revisited”',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [{}, 'id abc123 · arXiv 2405.15738 · published 2024-05-20 · seen 2024-05-21 to 2024-05-23 · 42 upvotes'],
    [{ last_seen: '2024-05-21' }, 'id abc123 · arXiv 2405.15738 · published 2024-05-20 · seen 2024-05-21 · 42 upvotes'],
    [{ arxiv_id: null, published_at: null }, 'id abc123 · seen 2024-05-21 to 2024-05-23 · 42 upvotes'],
    [{ upvotes: 0 }, 'id abc123 · arXiv 2405.15738 · published 2024-05-20 · seen 2024-05-21 to 2024-05-23 · 0 upvotes'],
    [{ upvotes: null, first_seen: null, last_seen: null }, 'id abc123 · arXiv 2405.15738 · published 2024-05-20'],
  ] as [Partial<PaperRecord>, string][])('meta line for %j', (over, expected) => {
    expect(renderPaper(paper(over), null).split('\n')[1]).toBe(expected);
  });

  it('leaves out the empty sections of a bare paper', () => {
    const bare = paper({
      arxiv_id: null,
      url: null,
      arxiv_url: null,
      pdf_url: null,
      published_at: null,
      first_seen: null,
      last_seen: null,
      upvotes: null,
      authors: [],
      github: [],
      links: [],
      claims: [],
      methods: [],
      sightings: [],
    });
    expect(renderPaper(bare, null)).toBe(
      ['Low-Rank Adaptation, Revisited', 'id abc123', '', ABSTRACT, '', 'Sightings (0):', ''].join('\n'),
    );
  });

  it('renders a code link without a path, and a promised one from the site', () => {
    const text = renderPaper(
      paper({
        github: [{ url: 'https://github.com/x/y', owner: 'x', repo: 'y', path: null, status: 'promised', source: 'site' }],
      }),
      null,
    );
    expect(text).toContain('\nCode: https://github.com/x/y (promised, from site)\n');
  });

  it('plain text has no escape codes; with colour the claims are highlighted in the abstract', () => {
    expect(renderPaper(paper(), null)).not.toContain('\x1b');
    const chalk = new Chalk({ level: 3 });
    const coloured = renderPaper(paper(), chalk);
    expect(coloured).toContain(`We reach ${chalk.yellow.bold('90.5%')} accuracy`);
    expect(coloured.split('\n')[0]).toBe(chalk.bold('Low-Rank Adaptation, Revisited'));
    expect(coloured).toContain(chalk.bold('Sightings (2):'));
  });
});

describe('wrapInPlace', () => {
  it.each([
    ['short text', 20, 'short text'],
    ['aaa bbb ccc ddd', 7, 'aaa bbb\nccc ddd'],
    ['aaaaaaaaaa bb', 4, 'aaaaaaaaaa\nbb'],
    ['no wrap', 0, 'no wrap'],
  ])('%j at %i', (text, width, expected) => expect(wrapInPlace(text, width)).toBe(expected));

  it('keeps the length, so claim offsets still point at the same text', () => {
    const text = 'We reach 59.1% accuracy with 3x less memory and only 0.3M parameters in all our runs.';
    const wrapped = wrapInPlace(text, 12);
    expect(wrapped).toHaveLength(text.length);
    expect(wrapped.replace(/\n/g, ' ')).toBe(text);
    expect(wrapped.split('\n').every((l) => l.length <= 12 || !l.includes(' '))).toBe(true);
  });
});
