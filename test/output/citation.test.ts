import fc from 'fast-check';
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import {
  assignCitationKeys,
  baseCitationKey,
  citationYear,
  renderCitations,
  splitName,
  type CitablePaper,
} from '../../src/output/citation.js';

const nfc = (v: unknown): unknown => JSON.parse(JSON.stringify(v).normalize('NFC'));

const paper = (over: Partial<CitablePaper>): CitablePaper => ({
  id: 'p1',
  arxiv_id: null,
  title: 'Untitled',
  abstract: '',
  authors: [],
  published_at: null,
  first_seen: null,
  ...over,
});

describe('splitName', () => {
  it.each([
    ['Chunjiang Ge', { family: 'Ge', given: 'Chunjiang' }],
    ['Chae Won Kim', { family: 'Kim', given: 'Chae Won' }],
    ['Ludwig van Beethoven', { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }],
    ['Jan de la Cruz', { family: 'Cruz', given: 'Jan', 'non-dropping-particle': 'de la' }],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Hinton, Geoffrey', { family: 'Hinton', given: 'Geoffrey' }],
    ['Sanjana', { family: 'Sanjana' }],
    ['  José   Núñez ', { family: 'Núñez', given: 'José' }],
  ])('%s', (name, expected) => expect(splitName(name)).toEqual(expected));
});

describe('citationYear', () => {
  it.each([
    [{ arxiv_id: '2405.15738', published_at: '2023-01-01', first_seen: null }, 2024],
    [{ arxiv_id: '0704.0001', published_at: null, first_seen: null }, 2007],
    [{ arxiv_id: 'hep-th/9901001', published_at: null, first_seen: null }, 1999],
    [{ arxiv_id: 'math.GT/0309136', published_at: null, first_seen: null }, 2003],
    [{ arxiv_id: null, published_at: '2022-11-30', first_seen: '2023-01-02' }, 2022],
    [{ arxiv_id: null, published_at: null, first_seen: '2023-01-02' }, 2023],
    [{ arxiv_id: null, published_at: null, first_seen: '--05-11' }, null],
  ])('%j', (p, expected) => expect(citationYear(p)).toBe(expected));
});

describe('citation keys', () => {
  it.each([
    [{ authors: ['Chunjiang Ge'], arxiv_id: '2405.15738', title: 'ConvLLaVA: Hierarchical Backbones' }, 'ge2024convllava'],
    [{ authors: ['Yiwen Huang'], arxiv_id: '2501.05441', title: 'The GAN is dead; long live the GAN!' }, 'huang2025gan'],
    [{ authors: ['Ludwig van Beethoven'], arxiv_id: '2605.01234', title: 'LoRA & <Friends>' }, 'vanbeethoven2026lora'],
    [{ authors: ['José Núñez'], published_at: '2021-03-01', title: 'Über-fast attention' }, 'nunez2021uber'],
    [{ authors: [], title: '' }, 'anonuntitled'],
  ])('%j', (p, expected) => expect(baseCitationKey(paper(p))).toBe(expected));

  const twins = [
    paper({ id: 'b', arxiv_id: '2605.02345', authors: ['John Smith'], title: 'Prefix Tuning Revisited' }),
    paper({ id: 'c', arxiv_id: '2605.03456', authors: ['John Smith'], title: 'Prefix Tuning at Scale' }),
    paper({ id: 'd', arxiv_id: '2605.00001', authors: ['John Smith'], title: 'Prefix sums' }),
    paper({ id: 'e', arxiv_id: '2605.04444', authors: ['John Smith'], title: 'Prefixb: a name that collides' }),
  ];

  it('gives colliding keys suffixes by arXiv id, never a key another paper has', () => {
    const keys = assignCitationKeys(twins);
    expect(Object.fromEntries(keys)).toEqual({
      d: 'smith2026prefix',
      b: 'smith2026prefixc', // "smith2026prefixb" is e's own key
      c: 'smith2026prefixd',
      e: 'smith2026prefixb',
    });
  });

  it('keys do not depend on the order of the papers', () => {
    const expected = assignCitationKeys(twins);
    fc.assert(
      fc.property(fc.shuffledSubarray(twins, { minLength: twins.length }), (order) => {
        expect(assignCitationKeys(order)).toEqual(expected);
      }),
    );
  });
});

describe('renderCitations', () => {
  const tricky = paper({
    id: 'x',
    arxiv_id: '2605.01234',
    title: 'LoRA & <Friends>: *Fast* [Adapters] at 50% of the_cost, $10^9$ #1 {x} ~ \\ end',
    abstract: 'An abstract.',
    authors: ['Ludwig van Beethoven', 'José Núñez'],
  });
  const keys = assignCitationKeys([tricky]);

  it('BibTeX: an @misc arXiv entry whose every field reads back as written', () => {
    const text = renderCitations([tricky], keys, 'bibtex');
    const lib = parse(text, { sentenceCase: false });
    expect(lib.errors).toEqual([]);
    expect(lib.entries).toHaveLength(1);
    const e = lib.entries[0]!;
    expect(e.type).toBe('misc');
    expect(e.key).toBe('vanbeethoven2026lora');
    // The parser gives "ñ" from {\~ n} as n + a combining tilde: compare in NFC.
    expect(nfc(e.fields)).toEqual({
      title: tricky.title,
      author: [
        { lastName: 'Beethoven', firstName: 'Ludwig', prefix: 'van' },
        { lastName: 'Núñez', firstName: 'José' },
      ],
      year: '2026',
      eprint: '2605.01234',
      archiveprefix: 'arXiv',
      url: 'https://arxiv.org/abs/2605.01234',
      howpublished: 'https://arxiv.org/abs/2605.01234',
      doi: '10.48550/arXiv.2605.01234',
    });
    // The LaTeX specials are escaped, not passed through (a bare % would comment out the rest).
    expect(text).toContain('50\\%');
    expect(text).toContain('\\&');
    expect(text).toContain('\\#1');
  });

  it('RIS: one tag per line, every value on its line whole', () => {
    const long = paper({ ...tricky, abstract: 'word '.repeat(60).trim() });
    const text = renderCitations([long], keys, 'ris');
    const lines = text.replace(/\n$/, '').split('\n');
    for (const l of lines) expect(l).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines[0]).toBe('TY  - GEN');
    expect(lines.at(-1)).toBe('ER  - ');
    expect(lines).toContain(`AB  - ${long.abstract}`);
    expect(lines).toContain(`TI  - ${tricky.title}`);
    expect(lines).toContain('AU  - van Beethoven, Ludwig');
    expect(lines).toContain('AU  - Núñez, José');
    expect(lines).toContain('ID  - vanbeethoven2026lora');
  });

  it('a paper without an arXiv id: no eprint, its page as url, the year of its publication date', () => {
    const p = paper({
      id: 'n',
      title: 'Sparse Attention Everywhere',
      authors: ['Ann Lee'],
      published_at: '2023-02-01',
      url: 'https://huggingface.co/papers/xyz',
    });
    const e = parse(renderCitations([p], assignCitationKeys([p]), 'bibtex'), { sentenceCase: false }).entries[0]!;
    expect(e.key).toBe('lee2023sparse');
    expect(e.fields).toMatchObject({ year: '2023', url: 'https://huggingface.co/papers/xyz' });
    expect(e.fields.eprint).toBeUndefined();
    expect(e.fields.archiveprefix).toBeUndefined();
  });

  it('CSL-JSON: an arXiv preprint item', () => {
    const item = JSON.parse(renderCitations([tricky], keys, 'csl-json'));
    expect(item).toEqual({
      id: 'vanbeethoven2026lora',
      type: 'article',
      title: tricky.title,
      author: [
        { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
        { family: 'Núñez', given: 'José' },
      ],
      issued: { 'date-parts': [[2026]] },
      abstract: 'An abstract.',
      URL: 'https://arxiv.org/abs/2605.01234',
      DOI: '10.48550/arXiv.2605.01234',
      number: 'arXiv:2605.01234',
      publisher: 'arXiv',
    });
  });
});
