import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/types.js';
import { markdownReader } from '../../src/formats/markdown.js';

const FRONT = `---
url: https://huggingface.co/papers?q=source%20citations
retrieved: 2026-10-02
command: firecrawl scrape https://huggingface.co/papers?q=source%20citations --only-main-content --json
title: Daily Papers - Hugging Face
---
new

Get trending papers in your email inbox once a day!

[Subscribe](https://huggingface.co/login?next=%2Fpapers)

# Daily Papers

## by [![](https://huggingface.co/front/assets/papers-by.png)AK](https://huggingface.co/akhaliq) and the research community

- Daily
- Weekly

[Trending Papers](https://huggingface.co/papers/trending)

Oct 2

`;

function card(id: string, title: string, abstract: string, opts: { up?: string; tail?: string } = {}): string {
  const url = `https://huggingface.co/papers/${id}`;
  return `[${opts.up ?? '101'}](https://huggingface.co/login?next=%2Fpapers%2F${id})

### [${title}](${url})

${abstract === '' ? '' : `[${abstract}](${url})\n\n`}${
  opts.tail ??
  `[![occ-ai](https://cdn-avatars.huggingface.co/x.png)OCC](https://huggingface.co/occ-ai)

·

May 29[6](${url}#community)`
}

`;
}

describe('markdownReader', () => {
  it('reads the firecrawl capture of a listing', () => {
    const md =
      FRONT +
      card('2606.00683', 'OCC-RAG: Optimal Cognitive Core', 'Recent progress in the development.') +
      card('2609.11115', 'Benchmark Radar', 'Benchmark researchers.', { up: '173' });
    expect(markdownReader.detect(md, 'x.md')).toBeGreaterThan(0.8);
    const r = markdownReader.split(md, 'capture.md');
    expect(r.format).toBe('markdown');
    expect(r.digestDate).toBeNull();
    expect(r.records).toEqual([
      {
        position: 1,
        title: 'OCC-RAG: Optimal Cognitive Core',
        abstract: 'Recent progress in the development.',
        arxivId: '2606.00683',
        authors: [],
        upvotes: 101,
        publishedAt: '2026-05-29',
        siteRepos: [],
        siteLinks: [],
      },
      expect.objectContaining({ position: 2, title: 'Benchmark Radar', upvotes: 173, arxivId: '2609.11115' }),
    ]);
  });

  it.each([
    [
      '`\\ ` inside a title',
      'The Noisy Path: How Scholars Engage\\  with Past Research',
      'title',
      'The Noisy Path: How Scholars Engage with Past Research',
    ],
    [
      'Markdown escapes in a title',
      'Sub\\-Quadratic \\[Attention\\] for snake\\_case',
      'title',
      'Sub-Quadratic [Attention] for snake_case',
    ],
    ['HTML entities in a title', 'Scaling &amp; Shifting', 'title', 'Scaling & Shifting'],
    ['nested brackets in a title', 'A [Bracketed] Title', 'title', 'A [Bracketed] Title'],
  ])('cleans %s', (_name, title, field, value) => {
    const r = markdownReader.split(card('2502.20581', title, 'Abstract.'), 'x.md');
    expect((r.records[0] as unknown as Record<string, unknown>)[field]).toBe(value);
  });

  it('removes the `\\\\` line-wrap artifacts of older abstracts and keeps the text', () => {
    const abs =
      'Academic citations are widely used for evaluating research and tracing\\\\\nknowledge flows. Such uses \\_typically\\_ rely on $\\\\alpha$\\\\\ncounts.';
    const r = markdownReader.split(card('2502.20581', 'T', abs), 'x.md');
    expect(r.records[0]!.abstract).toBe(
      'Academic citations are widely used for evaluating research and tracing knowledge flows. Such uses _typically_ rely on $\\alpha$ counts.',
    );
  });

  it('does not take the author chips for an abstract', () => {
    const tail = `[- ![](https://cdn-avatars.huggingface.co/a.jpeg)\\\\
- ![](https://huggingface.co/avatars/b.svg)\\\\
- 3 authors](https://huggingface.co/papers/2502.20581)

·

Feb 27, 2025`;
    const r = markdownReader.split(card('2502.20581', 'No abstract', '', { up: '-', tail }), 'x.md');
    expect(r.records[0]).toMatchObject({ abstract: '', upvotes: 0, publishedAt: '2025-02-27' });
    expect(r.warnings).toContain('1 record(s) have no abstract');
  });

  it('takes a long plain paragraph as the abstract but not a one-line AI summary', () => {
    const url = 'https://huggingface.co/papers/2401.00001';
    const long = 'We study things carefully. We find results. We release code. '.repeat(8).trim();
    const md = `### [Long](${url})\n\n${long}\n\n### [Short](https://huggingface.co/papers/2401.00002)\n\nA one-sentence AI summary.\n`;
    const r = markdownReader.split(md, 'x.md');
    expect(r.records.map((x) => x.abstract)).toEqual([long, '']);
  });

  it('ignores nav chrome and non-paper headings', () => {
    const md = `[Models](https://huggingface.co/models)\n\n## [Trending Papers](https://huggingface.co/papers/trending)\n\n### [Paper](https://arxiv.org/abs/2401.00001v2)\n\n[Abs.](https://arxiv.org/abs/2401.00001v2)\n\n# [Docs](https://huggingface.co/docs)\n`;
    const r = markdownReader.split(md, 'x.md');
    expect(r.records.map((x) => [x.title, x.arxivId, x.abstract])).toEqual([['Paper', '2401.00001', 'Abs.']]);
  });

  it('takes the digest date from a /papers/date/ URL or the file name', () => {
    const md = card('2401.00001', 'T', 'A.');
    expect(markdownReader.split('---\nurl: https://huggingface.co/papers/date/2024-05-27\n---\n' + md, 'x.md').digestDate).toBe(
      '2024-05-27',
    );
    expect(markdownReader.split(md, 'papers_2024-05-28.md').digestDate).toBe('2024-05-28');
  });

  it.each([
    ['# A README\n\nSome prose about [a paper](https://huggingface.co/papers/2401.00001).\n'],
    ['plain text'],
    ['### [Unclosed link](https://huggingface.co/papers/2401.00001\n'],
    ['### Title without link\n'],
  ])('does not claim %j and split throws a ParseError', (md) => {
    expect(markdownReader.detect(md, 'x.md')).toBe(0);
    expect(() => markdownReader.split(md, 'x.md')).toThrow(ParseError);
  });
});
