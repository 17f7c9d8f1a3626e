/**
 * The structured forms on real third-party files (../shared/samples/wild-dev, described in its
 * SOURCES.md; never copied here): record counts, exact titles, arXiv ids, clean English
 * abstracts, GitHub repos kept, summaries kept as summaries. The expected values come from the
 * files themselves, read independently of the readers (JSON.parse, rss-parser, csv-parse).
 * Skipped, with a note, when the samples are absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { decodeDigest } from '../../src/decode.js';
import { splitDigest } from '../../src/formats/index.js';
import type { DigestRecord, SplitResult } from '../../src/types.js';

const WILD = join(import.meta.dirname, '..', '..', '..', 'shared', 'samples', 'wild-dev');
const HAVE = existsSync(WILD);
if (!HAVE) console.warn(`wildSamples.test: ${WILD} is absent; the tests on real samples are skipped`);

function read(file: string): { text: string; result: SplitResult } {
  const path = join(WILD, file);
  const { text } = decodeDigest(readFileSync(path));
  return { text, result: splitDigest(text, path) };
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const idOf = (url: string) => /(\d{4}\.\d{4,5})/.exec(url)?.[1] ?? null;

/** An abstract is English prose only: no markup, labels, chrome or CJK text. */
function expectCleanAbstract(r: DigestRecord): void {
  const a = r.abstract;
  expect(a, r.title).not.toMatch(/<\/?[a-z][^>]*>|&lt;|&gt;|&amp;/i);
  expect(a, r.title).not.toMatch(/\b(?:Upvotes|GitHub Stars|Authors|Institution)\s*:/);
  expect(a, r.title).not.toMatch(/AI-generated summary|^Abstract\b|🔗/);
  expect(a, r.title).not.toMatch(/[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u);
}

describe.skipIf(!HAVE)('real RSS/Atom feeds', () => {
  it('feed.xml (RSS 2.0, CDATA HTML with an AI summary and a Chinese translation): 45 papers', async () => {
    const { text, result } = read('rss-atom/feed.xml');
    const oracle = await new Parser().parseString(text);
    expect(result.format).toBe('feed');
    expect(result.records).toHaveLength(45);
    expect(result.records.map((r) => r.title)).toEqual(oracle.items.map((i) => collapse(i.title ?? '')));
    expect(result.records.map((r) => r.arxivId)).toEqual(oracle.items.map((i) => idOf(i.link ?? '')));
    for (const r of result.records) {
      expect(r.abstract.length, r.title).toBeGreaterThan(300);
      expectCleanAbstract(r);
      expect(r.summaryLang, r.title).toBe('en');
      expect(r.summary!.length, r.title).toBeGreaterThan(40);
      expect(r.summary, r.title).not.toMatch(/AI-generated summary|^Abstract/);
      expect(r.authors.length, r.title).toBeGreaterThan(0);
    }
    expect(result.records[0]!.abstract).toMatch(/^Visual foundation models provide strong perceptual features/);
    expect(result.records[0]!.authors).toEqual(['Alexandre Chapin', 'Emmanuel Dellandréa', 'Liming Chen']);
  });

  it('huggingface_daily_papers.xml (Atom, escaped HTML, clipped abstracts and labelled lines): 12 papers', async () => {
    const { text, result } = read('rss-atom/huggingface_daily_papers.xml');
    const oracle = await new Parser().parseString(text);
    expect(result.records).toHaveLength(12);
    expect(result.records.map((r) => r.title)).toEqual(oracle.items.map((i) => collapse(i.title ?? '')));
    expect(result.records.map((r) => r.arxivId)).toEqual(oracle.items.map((i) => idOf(i.link ?? '')));
    for (const [i, r] of result.records.entries()) {
      const body = (oracle.items[i] as { summary?: string }).summary ?? '';
      expectCleanAbstract(r);
      expect(r.abstract, r.title).toMatch(/\.\.\.$/);
      expect(collapse(body).startsWith(r.abstract), r.title).toBe(true);
      expect(r.upvotes, r.title).toBe(Number(/Upvotes: (\d+)/.exec(body)?.[1]));
      const repos = [...body.matchAll(/href="(https:\/\/github\.com\/[^"]+)"/g)].map((m) => m[1]);
      expect(r.siteRepos, r.title).toEqual([...new Set(repos)]);
      expect(r.authors, r.title).toEqual(/Authors: ([^<]*)/.exec(body)![1]!.split(', '));
    }
  });
});

interface ScrapedPaper {
  title: string;
  paper_id?: string;
  abstract?: string;
  summary_en?: string;
  summary_zh?: string;
  github_url?: string;
  upvotes?: number;
}

describe.skipIf(!HAVE)('real scraper JSON', () => {
  it('2026-02-23.json: 18 papers; the AI summary glued in front of the abstract goes to summary', () => {
    const { text, result } = read('scraper-json/2026-02-23.json');
    const papers = (JSON.parse(text) as { papers: ScrapedPaper[] }).papers;
    expect(result.digestDate).toBe('2026-02-23');
    expect(result.records).toHaveLength(papers.length);
    expect(papers).toHaveLength(18);
    for (const [i, r] of result.records.entries()) {
      const p = papers[i]!;
      expect(r.title).toBe(collapse(p.title));
      expect(r.arxivId).toBe(p.paper_id);
      expect(r.upvotes).toBe(p.upvotes);
      expectCleanAbstract(r);
      expect(r.abstract.length, r.title).toBeGreaterThan(300);
      expect(r.abstract, r.title).not.toMatch(/\w [,.](?=\s|$)/);
      if (p.summary_en !== p.abstract) {
        expect(r.summary).toBe(p.summary_en);
        expect(r.abstract.startsWith(p.summary_en!), r.title).toBe(false);
        expect(p.abstract!.replace(/(?<=\w) (?=[,.](?:\s|$))/g, '').endsWith(r.abstract), r.title).toBe(true);
      } else {
        // The scraper filled summary_en with the abstract itself: no summary.
        expect(r.summary, r.title).toBeUndefined();
      }
      if (p.github_url) expect(r.siteRepos).toContain(p.github_url);
    }
  });

  it('2601.13097.json: one paper as a bare object', () => {
    const { result } = read('scraper-json/2601.13097.json');
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({
      title: 'RM -RF: Reward Model for Run-Free Unit Test Evaluation',
      arxivId: '2601.13097',
    });
    expect(result.records[0]!.abstract).toMatch(/^We present RM-RF, a lightweight reward model/);
  });

  it('hf_papers_2025-12.jsonl: 49 lines, titles and ids, upvotes from metrics', () => {
    const { text, result } = read('scraper-json/hf_papers_2025-12.jsonl');
    const lines = text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { title: string; paper_id: string; metrics: { upvotes: number } });
    expect(result.records).toHaveLength(49);
    expect(result.records.map((r) => [r.title, r.arxivId, r.upvotes])).toEqual(
      lines.map((l) => [collapse(l.title), l.paper_id, l.metrics.upvotes]),
    );
  });

  it('2026-02-04_paper_ko.json: 5 papers, nested {paper}, the English AI summary kept, no Korean in the abstract', () => {
    const { text, result } = read('scraper-json/2026-02-04_paper_ko.json');
    const entries = JSON.parse(text) as { paper: { title: string; id: string; ai_summary: string } }[];
    expect(result.records.map((r) => [r.title, r.arxivId])).toEqual(entries.map((e) => [collapse(e.paper.title), e.paper.id]));
    for (const [i, r] of result.records.entries()) {
      expectCleanAbstract(r);
      expect(r.summary).toBe(collapse(entries[i]!.paper.ai_summary));
    }
  });

  it('2024-08-05.json: 8 papers from titles and site-relative links, no abstracts', () => {
    const { text, result } = read('scraper-json/2024-08-05.json');
    const items = JSON.parse(text) as { title: string; arxiv_id: string }[];
    expect(result.records.map((r) => [r.title, r.arxivId, r.abstract])).toEqual(items.map((x) => [x.title, x.arxiv_id, '']));
  });

  it('huggingface_daily_papers.json: 12 papers, the full abstract from metadata.summary over the clipped HTML description', () => {
    const { text, result } = read('scraper-json/huggingface_daily_papers.json');
    const items = JSON.parse(text) as {
      title: string;
      metadata: { paper_id: string; summary: string; github_url: string; upvotes: number };
    }[];
    expect(result.records).toHaveLength(12);
    for (const [i, r] of result.records.entries()) {
      const m = items[i]!.metadata;
      expect([r.title, r.arxivId, r.upvotes]).toEqual([collapse(items[i]!.title), m.paper_id, m.upvotes]);
      expect(r.abstract).toBe(collapse(m.summary));
      expectCleanAbstract(r);
      if (m.github_url) expect(r.siteRepos).toContain(m.github_url);
    }
  });
});

describe.skipIf(!HAVE)('real CSV and front matter', () => {
  it('huggingface_papers_2025-04-05.csv: 23 papers under Chinese headers; the Chinese summary is a summary', () => {
    const { text, result } = read('csv/huggingface_papers_2025-04-05.csv');
    const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(23);
    expect(result.records.map((r) => [r.title, r.arxivId, r.upvotes])).toEqual(
      rows.map((row) => [collapse(row['标题']!), idOf(row['论文链接']!), Number(row['Upvote数'])]),
    );
    for (const [i, r] of result.records.entries()) {
      expect(r.abstract).toBe('');
      expect(r.summary).toBe(collapse(rows[i]!['简明摘要']!));
      expect(r.summaryLang).toBe('zh');
    }
  });

  it('2608.12036.md: one paper, the &#58; decoded, the LLM body a summary', () => {
    const { result } = read('yaml-frontmatter/2608.12036.md');
    expect(result.format).toBe('front-matter');
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({
      title: 'Mechanist: An AI Scientist That Studies AI Itself',
      arxivId: '2608.12036',
      abstract: '',
      summaryLang: 'en',
    });
    expect(result.records[0]!.summary).toMatch(/^AI systems now help run experiments/);
  });
});
