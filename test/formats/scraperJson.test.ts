import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/types.js';
import { scraperJsonReader } from '../../src/formats/scraperJson.js';

const ABSTRACT = 'We propose a thing.\nIt works.';

describe('scraperJsonReader', () => {
  it('reads the nested {title, paper_url, stars, details: {...}} shape', () => {
    const text = JSON.stringify([
      {
        title: 'Soohak: A Mathematician-Curated Benchmark',
        paper_url: 'https://huggingface.co/papers/2605.09063',
        stars: 12,
        details: {
          abstract: ABSTRACT,
          arxiv_page_url: 'https://arxiv.org/abs/2605.09063v1',
          github_links: ['https://github.com/huggingface', 'https://github.com/owner/soohak'],
        },
      },
    ]);
    expect(scraperJsonReader.detect(text, 'scrape.json')).toBeGreaterThanOrEqual(0.8);
    const r = scraperJsonReader.split(text, 'scrape_2026-05-12.json');
    expect(r.format).toBe('scraper-json');
    expect(r.digestDate).toBe('2026-05-12');
    expect(r.records).toEqual([
      {
        position: 1,
        title: 'Soohak: A Mathematician-Curated Benchmark',
        abstract: 'We propose a thing. It works.',
        arxivId: '2605.09063',
        authors: [],
        upvotes: null,
        publishedAt: null,
        siteRepos: ['https://github.com/owner/soohak'],
        siteLinks: [],
      },
    ]);
  });

  it.each([
    [{ title: 'T', abstract: ABSTRACT }],
    [{ name: 'T', summary: ABSTRACT }],
    [{ paper_title: 'T', description: ABSTRACT }],
    [{ paperTitle: 'T', abstract_text: ABSTRACT }],
    [{ Title: 'T', Abstract: ABSTRACT }],
    [{ 'paper-name': 'T', paper_abstract: ABSTRACT }],
    [{ paper: { title: 'T', abstract: ABSTRACT } }],
    [{ meta: { title: 'T' }, content: { summary: ABSTRACT } }],
    [{ title: 'T', abstract: ['We propose a thing.', 'It works.'] }],
  ])('detects title and abstract fields in %j', (rec) => {
    const r = scraperJsonReader.split(JSON.stringify([rec, rec]), 'x.json');
    expect(r.records).toHaveLength(2);
    expect(r.records[0]!.title).toBe('T');
    expect(r.records[0]!.abstract).toBe('We propose a thing. It works.');
  });

  it.each([
    [{ arxiv_id: '2405.15738v2' }, '2405.15738'],
    [{ arxiv: 'arXiv:2405.15738' }, '2405.15738'],
    [{ id: '2405.15738' }, '2405.15738'],
    [{ url: 'https://arxiv.org/pdf/2405.15738v1' }, '2405.15738'],
    [{ link: 'https://huggingface.co/papers/2405.15738' }, '2405.15738'],
    [{ details: { pdf_url: 'https://arxiv.org/pdf/hep-th/9901001v2' } }, 'hep-th/9901001'],
    [{ id: '66540321d200a2ecdf784ffe' }, null],
  ])('finds the arXiv id in %j', (fields, id) => {
    const r = scraperJsonReader.split(JSON.stringify([{ title: 'T', abstract: 'A', ...fields }]), 'x.json');
    expect(r.records[0]!.arxivId).toBe(id);
  });

  it.each([
    [{ authors: ['A. One', 'B. Two'] }, ['A. One', 'B. Two']],
    [{ authors: [{ name: 'A. One' }, { fullname: 'B. Two' }] }, ['A. One', 'B. Two']],
    [{ authors: 'A. One, B. Two and C. Three' }, ['A. One', 'B. Two', 'C. Three']],
    [{ author: 'A. One; B. Two' }, ['A. One', 'B. Two']],
  ])('reads authors from %j', (fields, authors) => {
    const r = scraperJsonReader.split(JSON.stringify([{ title: 'T', abstract: 'A', ...fields }]), 'x.json');
    expect(r.records[0]!.authors).toEqual(authors);
  });

  it('reads upvotes, publication date, repos and project pages', () => {
    const rec = {
      title: 'T',
      abstract: 'A',
      upvotes: '1,204',
      published_at: '2024-05-24T17:59:42.000Z',
      github: 'https://github.com/a/b.git',
      code_links: [
        { url: 'https://github.com/c/d' },
        'https://github.com/owner-only',
        'https://github.com/huggingface/transformers',
      ],
      project_page: 'https://a.github.io/b',
    };
    expect(scraperJsonReader.split(JSON.stringify([rec]), 'x.json').records[0]).toMatchObject({
      upvotes: 1204,
      publishedAt: '2024-05-24',
      siteRepos: ['https://github.com/a/b', 'https://github.com/c/d'],
      siteLinks: ['https://a.github.io/b'],
    });
  });

  it('keeps a record with a title and no abstract, with an empty abstract', () => {
    const text = JSON.stringify([{ title: 'A', abstract: 'x' }, { title: 'No abstract here' }]);
    const r = scraperJsonReader.split(text, 'x.json');
    expect(r.records[1]).toMatchObject({ position: 2, title: 'No abstract here', abstract: '' });
    expect(r.warnings).toContain('1 record(s) have no abstract');
  });

  it('drops records without a title with a warning and numbers the rest in order', () => {
    const text = JSON.stringify([{ title: 'A', abstract: 'x' }, { abstract: 'orphan' }, { title: 'C', abstract: 'y' }]);
    const r = scraperJsonReader.split(text, 'x.json');
    expect(r.records.map((x) => [x.position, x.title])).toEqual([
      [1, 'A'],
      [2, 'C'],
    ]);
    expect(r.warnings).toContain('1 record(s) without a title dropped');
  });

  it('reads NDJSON (.jsonl and line-delimited content)', () => {
    const text = '{"title": "A", "summary": "x"}\n\n{"title": "B", "summary": "y"}\n';
    expect(scraperJsonReader.split(text, 'x.jsonl').records.map((r) => r.title)).toEqual(['A', 'B']);
    expect(scraperJsonReader.split(text, 'x.txt').records).toHaveLength(2);
  });

  it('reads a wrapper object holding the list', () => {
    const text = JSON.stringify({
      date: '2024-05-27',
      total: 2,
      papers: [
        { title: 'A', abstract: 'x' },
        { title: 'B', abstract: 'y' },
      ],
    });
    const r = scraperJsonReader.split(text, 'x.json');
    expect(r.records).toHaveLength(2);
    expect(r.digestDate).toBe('2024-05-27');
  });

  it('reads a single record object', () => {
    const r = scraperJsonReader.split(JSON.stringify({ title: 'Solo', abstract: 'x', authors: [{ name: 'N' }] }), 'x.json');
    expect(r.records.map((x) => x.title)).toEqual(['Solo']);
  });

  it('does not take `name` alone for a paper title', () => {
    const authors = JSON.stringify([{ name: 'Ada Lovelace', affiliation: 'x' }, { name: 'Alan Turing' }]);
    expect(scraperJsonReader.detect(authors, 'x.json')).toBeLessThan(0.1);
    expect(() => scraperJsonReader.split(authors, 'x.json')).toThrow(/no (?:recognisable )?paper records/);
  });

  it.each([
    ['{"version": 3, "settings": {"a": 1}}', /no paper records|no recognisable/],
    ['[1, 2, 3]', /no (?:recognisable )?paper records/],
    ['[]', /no paper records/],
    ['[{"x": 1}, {"y": 2}]', /no (?:recognisable )?paper records/],
  ])('JSON that parses without records (%j) is a ParseError', (text, message) => {
    expect(scraperJsonReader.detect(text, 'x.json')).toBeLessThan(0.1);
    expect(() => scraperJsonReader.split(text, 'x.json')).toThrow(ParseError);
    expect(() => scraperJsonReader.split(text, 'x.json')).toThrow(message);
  });

  it.each([
    ['[{"title": "A", "abstract": "cut he', /invalid JSON at line 1, column 36 \(offset 35\)/],
    ['[\n {"title": "A"},\n {"title": "B" "abstract": 1}\n]', /invalid JSON at line 3/],
  ])('truncated or invalid JSON is a ParseError with the position', (text, message) => {
    expect(scraperJsonReader.detect(text, 'x.json')).toBeGreaterThan(0);
    expect(() => scraperJsonReader.split(text, 'x.json')).toThrow(message);
  });
});
