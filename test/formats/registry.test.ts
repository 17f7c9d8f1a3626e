import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { walkFiles } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { ParseError, type DigestRecord } from '../../src/types.js';
import { decodeDigest } from '../../src/decode.js';
import { detectForm, readers, splitDigest } from '../../src/formats/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FORMS = join(ROOT, 'fixtures', 'forms');
const SEEDS = join(ROOT, 'fixtures', 'seeds');

interface ExpectedRecord {
  position: number;
  title: string;
  arxivId: string | null;
  abstractStart: string;
  abstractEnd: string;
  abstractLength: number;
  authors: string[];
  upvotes: number | null;
  publishedAt: string | null;
  siteRepos: string[];
  siteLinks: string[];
}
interface Expected {
  format: string;
  digestDate: string | null;
  count: number;
  warnings: string[];
  records: ExpectedRecord[];
}

const fixtures = walkFiles(FORMS).filter((f) => !f.endsWith('.expected'));

function view(r: DigestRecord): ExpectedRecord {
  return {
    position: r.position,
    title: r.title,
    arxivId: r.arxivId,
    abstractStart: r.abstract.slice(0, 60),
    abstractEnd: r.abstract.slice(-40),
    abstractLength: r.abstract.length,
    authors: r.authors,
    upvotes: r.upvotes,
    publishedAt: r.publishedAt,
    siteRepos: r.siteRepos,
    siteLinks: r.siteLinks,
  };
}

describe('fixtures of every form match their expected results', () => {
  it('has fixtures of every form, each with an expected file', () => {
    const forms = new Set(fixtures.map((f) => relative(FORMS, f).split(/[\\/]/)[0]));
    expect([...forms].sort()).toEqual([
      'hf-api-json',
      'html',
      'html-cards',
      'markdown',
      'markdown-newsletter',
      'scraper-json',
      'text-export',
      'text-labelled',
      'text-page-dump',
    ]);
    for (const f of fixtures) expect(() => statSync(f + '.expected'), f).not.toThrow();
  });

  it.each(fixtures.map((f) => [relative(FORMS, f), f]))('%s', (_name, file) => {
    const expected = JSON.parse(readFileSync(file + '.expected', 'utf8')) as Expected;
    const { text } = decodeDigest(readFileSync(file));
    const result = splitDigest(text, relative(ROOT, file));
    expect(result.format).toBe(expected.format);
    expect(result.digestDate).toBe(expected.digestDate);
    expect(result.records).toHaveLength(expected.count);
    expect(result.warnings.map((w) => w.slice(0, 40))).toEqual(expected.warnings);
    expect(result.records.map(view)).toEqual(expected.records);
  });
});

describe('detection', () => {
  it.each(fixtures.map((f) => [relative(FORMS, f), f]))(
    'only the reader of its form is most confident about %s',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const form = relative(FORMS, file).split(/[\\/]/)[0];
      expect(detectForm(text, file)!.reader.name).toBe(form === 'markdown' ? 'markdown' : form);
    },
  );

  it.each(walkFiles(SEEDS).map((f) => [relative(ROOT, f), f]))('leaves the seed page %s to the seed readers', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    for (const r of readers) {
      if (r.name.startsWith('text-') && r.name !== 'text-export') continue;
      expect(r.detect(text, file), r.name).toBe(0);
    }
    expect(detectForm(text, file)!.reader.name).toMatch(/^text-(spaced|compact)$/);
  });

  it('gives every reader a distinct name', () => {
    expect(new Set(readers.map((r) => r.name)).size).toBe(readers.length);
  });
});

describe('splitDigest', () => {
  it('fills the digest date from the file name when the content has none', () => {
    const md = readFileSync(join(FORMS, 'markdown', 'search_q-source-citations_firecrawl-markdown.EXCERPT.md'), 'utf8');
    expect(splitDigest(md, 'captures/2026-10-02_search.md').digestDate).toBe('2026-10-02');
    expect(splitDigest(md, 'captures/search.md').digestDate).toBeNull();
  });

  it('keeps the content date over the file name date', () => {
    const json = JSON.stringify({
      status: 'success',
      date: '2025-01-10',
      data: [{ paper: { id: '2501.05441', title: 'T', summary: 'S' } }],
    });
    expect(splitDigest(json, '2025-01-11.json').digestDate).toBe('2025-01-10');
  });

  it('completes a yearless content date with a file-name date of the same day', () => {
    const seed = readFileSync(join(SEEDS, '000_980ef8ff142fd5e1.txt'), 'utf8');
    // The seed's header says "Sep 16" with no year: a yearless date.
    const yearless = splitDigest(seed, 'seed.txt').digestDate;
    expect(yearless).toBe('--09-16');
    expect(splitDigest(seed, '2024-09-16.txt').digestDate).toBe('2024-09-16');
    expect(splitDigest(seed, '2024-01-01.txt').digestDate).toBe('--09-16');
  });

  it.each([
    ['', /not a known digest form: the file is empty/],
    ['   \n\n  ', /not a known digest form: the file is empty/],
    [
      'It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions.\n\nThe hallway smelt of boiled cabbage and old rag mats.\n',
      /not a known digest form/,
    ],
    ['name,abstract\nfoo,bar\n', /not a known digest form/],
    ['# Notes\n\n- item one\n- item two\n', /not a known digest form/],
    ['{"version": 3}', /no paper records|no recognisable/],
    ['[{"title": "A", "abstract": "cut', /invalid JSON at line 1/],
    ['<html><body><p>Hello</p></body></html>', /HTML page has no papers/],
  ])('throws a ParseError for %j', (text, message) => {
    expect(() => splitDigest(text, 'file.txt')).toThrow(ParseError);
    expect(() => splitDigest(text, 'file.txt')).toThrow(message);
  });

  it('reads every sample capture', () => {
    const samples = join(ROOT, '..', 'shared', 'samples');
    let files: string[];
    try {
      files = walkFiles(samples).filter(
        (f) => /\.(json|html|md|txt)$/.test(f) && !f.endsWith('peft-methods.json') && !f.endsWith('SOURCES.md'),
      );
    } catch {
      return; // the shared samples are not part of every checkout
    }
    for (const f of files) {
      const r = splitDigest(decodeDigest(readFileSync(f)).text, f);
      expect(r.records.length, f).toBeGreaterThan(0);
      for (const rec of r.records) expect(rec.title.length, f).toBeGreaterThan(0);
    }
  });
});
