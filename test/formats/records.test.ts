/**
 * Generic JSON: finding records in any tree (records.ts), field names (fields.ts), and the
 * scraper-json reader built on them.
 */
import { describe, expect, it } from 'vitest';
import { authorList, recordFromFields } from '../../src/formats/fields.js';
import { bestSplit, splitDigest } from '../../src/formats/index.js';
import { errorBody, findRecords } from '../../src/formats/records.js';
import { emptyRecord } from '../../src/formats/reader.js';
import { scraperJsonReader } from '../../src/formats/scraperJson.js';
import { type FormatReader, ParseError, type SplitResult } from '../../src/types.js';

const paper = (id: string, extra: Record<string, unknown> = {}) => ({ title: `Paper ${id}`, arxiv_id: id, ...extra });

describe('findRecords: where the papers are', () => {
  const _ = (name: string, value: unknown, titles: string[]) => [name, value, titles] as const;
  it.each([
    _('a top-level array', [paper('2401.00001'), paper('2401.00002')], ['Paper 2401.00001', 'Paper 2401.00002']),
    _('a wrapper {data: [...]}', { status: 'ok', data: [paper('2401.00001')] }, ['Paper 2401.00001']),
    _('arrays at any depth', { a: { b: { c: { results: [paper('2401.00001')] } } } }, ['Paper 2401.00001']),
    _('objects keyed by arXiv id', { '2312.17653': { title: 'Keyed' }, '2401.00002': { title: 'Two' } }, ['Keyed', 'Two']),
    _('the root as one paper', paper('2401.00003'), ['Paper 2401.00003']),
    _(
      'the papers beat an authors list of {name} objects',
      { authors: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], papers: [paper('2401.00001')] },
      ['Paper 2401.00001'],
    ),
    _(
      'the collection with more paper-like records wins over a bigger one of mere titles',
      { tags: [{ title: 'x' }, { title: 'y' }, { title: 'z' }], items: [paper('2401.00001'), paper('2401.00002')] },
      ['Paper 2401.00001', 'Paper 2401.00002'],
    ),
  ])('%s', (_name, value, titles) => {
    const found = findRecords(value);
    expect(found?.items.map((it) => recordFromFields(it, 1).title)).toEqual(titles);
  });

  it('gives keyed records their key as the id', () => {
    const found = findRecords({ '2401.00001v2': { title: 'T' } });
    expect(recordFromFields(found!.items[0]!, 1)).toMatchObject({ arxivId: '2401.00001', arxivVersion: 2 });
  });

  it('takes the digest date from the object holding the records', () => {
    expect(findRecords({ date: '2026-02-23', count: 1, papers: [paper('2401.00001')] })?.digestDate).toBe('2026-02-23');
  });

  it.each([
    [[1, 2]],
    [{ a: 1 }],
    ['x'],
    [null],
    [[{ name: 'A' }]],
    // PEFT's method list: a method's name beside the arXiv id of the paper it comes from is no paper title
    [
      {
        peft_types: [
          { name: 'Prompt tuning', paper: '2104.08691', family: 'prompt-based' },
          { name: 'LoRA', paper: '2106.09685' },
        ],
      },
    ],
  ])('finds nothing in %j', (value) => {
    expect(findRecords(value)).toBeNull();
  });
});

describe('recordFromFields: field names', () => {
  const _ = (name: string, obj: Record<string, unknown>, expected: Record<string, unknown>) => [name, obj, expected] as const;
  it.each([
    _('headline as the title', { headline: 'H', id: '2401.00001' }, { title: 'H' }),
    _('name as the title only beside a summary or abstract', { name: 'N', summary: 'S' }, { title: 'N', abstract: 'S' }),
    _(
      'abstract over a description',
      { title: 'T', abstract: 'A', description: 'Longer description text here.' },
      { abstract: 'A' },
    ),
    _('paper_id', { title: 'T', paper_id: '2602.10693' }, { arxivId: '2602.10693' }),
    _('a site-relative /papers/ID link', { title: 'T', link: '/papers/2408.00874' }, { arxivId: '2408.00874' }),
    _(
      'pdf_url with a version',
      { title: 'T', pdf_url: 'https://arxiv.org/pdf/2405.15738v2' },
      { arxivId: '2405.15738', arxivVersion: 2 },
    ),
    _('hf_url', { title: 'T', hf_url: 'https://huggingface.co/papers/2602.10693' }, { arxivId: '2602.10693' }),
    _('authors as {name} objects', { title: 'T', authors: [{ name: 'A' }, { name: 'B' }] }, { authors: ['A', 'B'] }),
    _(
      'authors as a Python-repr list string',
      { title: 'T', authors: "['Ann O\\'Neil', \"B\"]" },
      { authors: ["Ann O'Neil", 'B'] },
    ),
    _('authors as a comma string', { title: 'T', authors: 'A, B and C' }, { authors: ['A', 'B', 'C'] }),
    _('upvotes as a string', { title: 'T', upvotes: '1,234' }, { upvotes: 1234 }),
    _('upvotes nested in metrics', { title: 'T', metrics: { upvotes: 274, comments: 14 } }, { upvotes: 274 }),
    _('published_date', { title: 'T', published_date: '2026-04-01T20:00:00.000Z' }, { publishedAt: '2026-04-01' }),
    _('publishedAt', { title: 'T', publishedAt: '2024-05-24T17:34:15.000Z' }, { publishedAt: '2024-05-24' }),
    _(
      'github_url and githubRepo',
      { title: 'T', github_url: 'https://github.com/a/b', githubRepo: 'https://github.com/c/d' },
      {
        siteRepos: ['https://github.com/a/b', 'https://github.com/c/d'],
      },
    ),
    _(
      'the site chrome github.com/huggingface is not a repo',
      { title: 'T', github: 'https://github.com/huggingface/transformers' },
      { siteRepos: [] },
    ),
    _(
      'a nested detail object',
      { paper: { title: 'Inner', id: '2602.08354', summary: 'Abs.' }, translation_title: '번역' },
      {
        title: 'Inner',
        abstract: 'Abs.',
      },
    ),
    _(
      'ai_summary is a summary, never the abstract',
      { title: 'T', ai_summary: 'AI line.' },
      { abstract: '', summary: 'AI line.', summaryLang: 'en' },
    ),
    _(
      'summary_zh is a summary in Chinese',
      { title: 'T', abstract: 'Abs.', summary_zh: '中文摘要内容' },
      { abstract: 'Abs.', summary: '中文摘要内容', summaryLang: 'zh' },
    ),
    _(
      'English summary_en preferred over summary_zh',
      { title: 'T', summary_zh: '中文摘要内容', summary_en: 'English.' },
      { summary: 'English.', summaryLang: 'en' },
    ),
    _(
      'a Chinese "abstract" is a summary',
      { title: 'T', abstract: '本文提出了一种新的方法，效果很好。' },
      { abstract: '', summaryLang: 'zh' },
    ),
    _(
      'the AI summary glued in front of the abstract is taken off',
      {
        title: 'T',
        summary_en: 'An AI summary sentence that is long enough.',
        abstract: 'An AI summary sentence that is long enough. The real abstract starts here and goes on for a while.',
      },
      {
        abstract: 'The real abstract starts here and goes on for a while.',
        summary: 'An AI summary sentence that is long enough.',
      },
    ),
    _(
      'summary_en equal to the abstract is no summary',
      {
        title: 'T',
        summary_en: 'The same text in both fields, long enough.',
        abstract: 'The same text in both fields, long enough.',
      },
      { abstract: 'The same text in both fields, long enough.' },
    ),
    _(
      'an abstract field holding the page text with the AI-summary marker',
      { title: 'T', abstract: 'A lay line. AI-generated summary The real abstract sentence here.' },
      { abstract: 'The real abstract sentence here.', summary: 'A lay line.' },
    ),
    _(
      'a TL;DR stored as the abstract is a summary',
      { title: 'T', details: { abstract: 'TLDR: A new paradigm. Diffusion could think too!' } },
      { abstract: '', summary: 'A new paradigm. Diffusion could think too!', summaryLang: 'en', textKind: 'summary' },
    ),
    _(
      'spaces before punctuation fixed when repeated',
      { title: 'T', abstract: 'Policy staleness , asynchronous training , and more .' },
      {
        abstract: 'Policy staleness, asynchronous training, and more.',
      },
    ),
    _(
      'a single spaced comma is left alone',
      { title: 'T', abstract: 'A set {a , b} here.' },
      { abstract: 'A set {a , b} here.' },
    ),
    _(
      'a clipped HTML description next to a full summary: the full one wins, labels out',
      {
        title: 'T',
        description: 'The start of the abstract ...<br/>Upvotes: 498<br/>Authors: A, B',
        metadata: { summary: 'The start of the abstract and the rest of it, in full.', upvotes: 498 },
      },
      { abstract: 'The start of the abstract and the rest of it, in full.', upvotes: 498 },
    ),
  ])('%s', (_name, obj, expected) => {
    expect(recordFromFields(obj, 1)).toMatchObject(expected);
  });

  it.each([
    [{ title: 'T', abstract: 'An abstract.' }, undefined],
    [{ title: 'T', summary_zh: '中文摘要内容' }, 'summary'],
    [{ title: 'T', id: '2401.00001' }, 'none'],
  ])('textKind of %j is %s (an abstract is left to the generic pass)', (obj, kind) => {
    expect(recordFromFields(obj, 1).textKind).toBe(kind);
  });

  it.each([
    ["['A', 'B']", ['A', 'B']],
    ['[bad', ['[bad']],
    [
      ['A', { name: 'B' }, { fullname: 'C' }, 3],
      ['A', 'B', 'C'],
    ],
  ])('authorList(%j)', (v, expected) => {
    expect(authorList(v)).toEqual(expected);
  });
});

describe('errorBody', () => {
  it.each([
    [{ error: 'rate limited' }, 'rate limited'],
    [{ errors: { message: 'bad' } }, 'bad'],
    [{ title: 'T', arxiv_id: '2401.00001' }, null],
    [[{ error: 'x' }], null],
  ])('%j -> %j', (value, message) => {
    expect(errorBody(value)).toBe(message);
  });
});

describe('scraperJsonReader on generic shapes', () => {
  it('reads JSON Lines', () => {
    const text = [paper('2401.00001'), paper('2401.00002')].map((p) => JSON.stringify(p)).join('\n');
    expect(scraperJsonReader.split(text, 'x.jsonl').records).toHaveLength(2);
  });

  it.each([
    ['{"error": "rate limited"}', /saved error response, not a digest: "rate limited"/],
    ['{"detail": "Not Found"}', /saved error response/],
    ['{"error": {"code": 429, "message": "Too many requests"}}', /Too many requests/],
  ])('%s is a ParseError naming the error', (text, message) => {
    expect(() => splitDigest(text, 'x.json')).toThrow(ParseError);
    expect(() => splitDigest(text, 'x.json')).toThrow(message);
  });
});

describe('the registry: when two readers could read a file', () => {
  const fake = (name: string, confidence: number, papers: number, titlesOnly = 0): FormatReader => ({
    name,
    detect: () => confidence,
    split: (): SplitResult => {
      if (papers < 0) throw new ParseError(`${name} cannot`);
      const records = [];
      for (let i = 0; i < papers; i++) records.push({ ...emptyRecord(i + 1, `P${i}`), arxivId: `2401.0000${i}` });
      for (let i = 0; i < titlesOnly; i++) records.push(emptyRecord(papers + i + 1, `T${i}`));
      return { format: name, digestDate: null, records, warnings: [] };
    },
  });
  const _ = (name: string, among: FormatReader[], winner: string) => [name, among, winner] as const;
  it.each([
    _('the one finding more paper-like records wins', [fake('a', 0.8, 1), fake('b', 0.7, 3)], 'b'),
    _('titles without id or abstract do not count', [fake('a', 0.8, 2), fake('b', 0.7, 0, 10)], 'a'),
    _('on equal papers the more confident wins', [fake('a', 0.7, 2), fake('b', 0.8, 2)], 'b'),
    _('a reader far less confident is not asked', [fake('a', 0.8, 1), fake('b', 0.4, 9)], 'a'),
    _('a reader sure of its form reads alone', [fake('a', 0.96, 1), fake('b', 0.9, 9)], 'a'),
    _('a contender that cannot read it loses', [fake('a', 0.8, -1), fake('b', 0.7, 1)], 'b'),
  ])('%s', (_name, among, winner) => {
    expect(bestSplit('text', 'x.txt', among).format).toBe(winner);
  });

  it('throws the most confident reader error when no contender can read it', () => {
    expect(() => bestSplit('text', 'x.txt', [fake('a', 0.8, -1), fake('b', 0.7, -1)])).toThrow('a cannot');
  });
});
