import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { walkFiles } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import { ParseError, type DigestRecord } from '../../src/types.js';
import { decodeDigest } from '../../src/decode.js';
import { detectForm, readers, splitDigest } from '../../src/formats/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FORMS = join(ROOT, 'fixtures', 'forms');
const SEEDS = join(ROOT, 'fixtures', 'seeds');
/** Real third-party files, never copied into the repository (see COMMON.md): tests skip without them. */
const SAMPLES = join(ROOT, '..', 'shared', 'samples');
const HAVE_SAMPLES = existsSync(SAMPLES);
if (!HAVE_SAMPLES) console.warn(`registry.test: ${SAMPLES} is absent; the tests on real samples are skipped`);
/** Expected results on real samples, at the sample's path under ../shared/samples. */
const SAMPLE_EXPECTED = join(import.meta.dirname, 'samples');

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
  arxivVersion?: number;
  summaryStart?: string;
  summaryLang?: string | null;
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
    ...(r.arxivVersion ? { arxivVersion: r.arxivVersion } : {}),
    ...(r.summary ? { summaryStart: r.summary.slice(0, 60), summaryLang: r.summaryLang ?? null } : {}),
  };
}

describe('fixtures of every form match their expected results', () => {
  it('has fixtures of every form, each with an expected file', () => {
    const forms = new Set(fixtures.map((f) => relative(FORMS, f).split(/[\\/]/)[0]));
    const expected = [
      'csv',
      'feed',
      'front-matter',
      'hf-api-json',
      'html',
      'html-cards',
      'json-feed',
      'markdown-newsletter',
      'scraper-json',
      'text-labelled',
      'text-page-dump',
      'yaml',
    ];
    for (const form of expected) expect(forms.has(form), form).toBe(true);
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

/**
 * Results expected on real samples (formerly copied into fixtures/forms). Where a copy had been
 * abridged (entries and authors cut), the expected records are a subset of the original's: each
 * must be found, by arXiv id, with the same fields (authors as a prefix), and the record count is
 * the number of entries in the original file.
 */
const sampleExpectations = existsSync(SAMPLE_EXPECTED)
  ? walkFiles(SAMPLE_EXPECTED).map((e) => ({
      expected: e,
      original: join(SAMPLES, relative(SAMPLE_EXPECTED, e).replace(/\.expected$/, '')),
    }))
  : [];

/** Entries in a site JSON sample, counted without the readers: a top-level array or a wrapper's `data`. */
function entriesIn(text: string): number {
  const v = JSON.parse(text) as unknown;
  if (Array.isArray(v)) return v.length;
  const data = (v as { data?: unknown[] }).data;
  return Array.isArray(data) ? data.length : 1;
}

describe('real samples match their expected results', () => {
  it.each(sampleExpectations.map((s) => [relative(SAMPLE_EXPECTED, s.expected), s]))(
    '%s (skipped when ../shared/samples is absent)',
    (_name, s) => {
      if (!existsSync(s.original)) {
        console.warn(`skipped: ${s.original} is absent`);
        return;
      }
      const expected = JSON.parse(readFileSync(s.expected, 'utf8')) as Expected;
      const { text } = decodeDigest(readFileSync(s.original));
      const result = splitDigest(text, relative(join(ROOT, '..'), s.original));
      expect(result.format).toBe(expected.format);
      expect(result.digestDate).toBe(expected.digestDate);
      expect(result.warnings.map((w) => w.slice(0, 40))).toEqual(expected.warnings);
      if (result.records.length === expected.count) {
        expect(result.records.map(view)).toEqual(expected.records);
        return;
      }
      expect(result.format).toBe('hf-api-json');
      expect(result.records).toHaveLength(entriesIn(text));
      for (const e of expected.records) {
        const got = result.records.find((r) => r.arxivId === e.arxivId);
        expect(got, e.arxivId ?? e.title).toBeDefined();
        const { position: _p, authors, summaryStart: _s, summaryLang: _l, ...rest } = view(got!);
        const { position: _ep, authors: eAuthors, ...eRest } = e;
        expect(rest).toEqual(eRest);
        expect(authors.slice(0, eAuthors.length)).toEqual(eAuthors);
      }
    },
  );
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
    const feed = readFileSync(join(FORMS, 'feed', 'daily_atom.atom'), 'utf8');
    expect(splitDigest(feed, 'captures/2026-10-02_feed.atom').digestDate).toBe('2026-10-02');
    expect(splitDigest(feed, 'captures/feed.atom').digestDate).toBeNull();
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
    ['<html><body><p>Hello</p></body></html>', /HTML page with no paper in it/],
  ])('throws a ParseError for %j', (text, message) => {
    expect(() => splitDigest(text, 'file.txt')).toThrow(ParseError);
    expect(() => splitDigest(text, 'file.txt')).toThrow(message);
  });

  /**
   * Every real sample is read, with at least the records its SOURCES.md counts (the minimum: a
   * file's own checks are in wildSamples.test.ts). Rows are per file, so a form still unread shows
   * as its own failing row: markdown-digest/, html/ and plain-text/ belong to the forms-prose lane.
   */
  const WILD: [string, number][] = [
    ['wild-dev/rss-atom/feed.xml', 45],
    ['wild-dev/rss-atom/huggingface_daily_papers.xml', 12],
    ['wild-dev/scraper-json/2026-02-23.json', 18],
    ['wild-dev/scraper-json/2601.13097.json', 1],
    ['wild-dev/scraper-json/hf_papers_2025-12.jsonl', 49],
    ['wild-dev/scraper-json/2026-02-04_paper_ko.json', 5],
    ['wild-dev/scraper-json/2024-08-05.json', 8],
    ['wild-dev/scraper-json/huggingface_daily_papers.json', 12],
    ['wild-dev/csv/huggingface_papers_2025-04-05.csv', 23],
    ['wild-dev/yaml-frontmatter/2608.12036.md', 1],
    ['wild-dev/markdown-digest/10.md', 11],
    ['wild-dev/markdown-digest/newsletter_2025-06-29.md', 18],
    ['wild-dev/markdown-digest/summary.md', 1],
    ['wild-dev/markdown-digest/index.md', 14],
    ['wild-dev/markdown-digest/daily_digest_2026-01-02.md', 7],
    ['wild-dev/markdown-digest/2026-05-20.md', 1],
    ['wild-dev/markdown-digest/2026-06-15.md', 5],
    ['wild-dev/markdown-digest/2024-08-05.md', 7],
    ['wild-dev/html/huggingface_papers.html', 13],
    ['wild-dev/html/2026-03-15.html', 48],
    ['wild-dev/html/index.html', 9],
    ['wild-dev/plain-text/paper_metadata_2025-01-10.txt', 50],
    [
      'wild-dev/plain-text/02_sageattention3_microscaling_fp4_attention_for_inference_and_an_exploration_of_8_bit_training.txt',
      1,
    ],
    ['html/trending_page_2026-10_card_excerpt.ABRIDGED.html', 1],
    ['page-captures/search_q-Intercode-Bash_notebook-export.EXCERPT.txt', 1],
    ['page-captures/search_q-source-citations_firecrawl-markdown.EXCERPT.md', 1],
  ];
  const hfApi = HAVE_SAMPLES
    ? walkFiles(join(SAMPLES, 'hf-api-json')).map((f): [string, number] => [relative(SAMPLES, f), 1])
    : [];

  it.skipIf(!HAVE_SAMPLES)('lists every sample file in the table below (none left out silently)', () => {
    const listed = new Set([...WILD, ...hfApi].map(([f]) => f));
    const present = walkFiles(SAMPLES)
      .map((f) => relative(SAMPLES, f))
      .filter((f) => !f.endsWith('SOURCES.md') && f !== 'peft-methods.json');
    expect(present.filter((f) => !listed.has(f))).toEqual([]);
  });

  it.skipIf(!HAVE_SAMPLES).each([...WILD, ...hfApi])('reads the sample %s (at least %i records)', (file, min) => {
    const path = join(SAMPLES, file);
    const r = splitDigest(decodeDigest(readFileSync(path)).text, path);
    expect(r.records.length).toBeGreaterThanOrEqual(min);
    for (const rec of r.records) expect(rec.title.length, file).toBeGreaterThan(0);
  });
});
