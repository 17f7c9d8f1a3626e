import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/types.js';
import { textExportReader } from '../../src/formats/textExport.js';

const HEADER = `---
source_id: "fb9b52af-30ae-4b00-83de-19e0baa3bb8f"
title: "Daily Papers - Hugging Face"
url: https://huggingface.co/papers?q=Intercode%20Bash
type: web_page
exported: 2026-07-28
---

# Daily Papers - Hugging Face
Daily Papers - Hugging Face

 Hugging Face

https://huggingface.co/

Models

https://huggingface.co/models

Subscribe

https://huggingface.co/login?next=%2Fpapers

Daily Papers

by 

AK

https://huggingface.co/akhaliq

 and the research community

Monthly 

https://huggingface.co/papers/trending

 

https://huggingface.co/papers/date/2026-03-24

Mar 25

`;

const FOOTER = `
System theme

Company

https://huggingface.co/huggingface

TOS

https://huggingface.co/terms-of-service

Website

https://huggingface.co/
`;

function rec(id: string, title: string, abstract: string, opts: { up?: string; date?: string; authors?: number } = {}): string {
  const url = `https://huggingface.co/papers/${id}`;
  return ` [-] ${opts.up ?? '1'}

https://huggingface.co/login?next=%2Fpapers%2F${id}

${title}

${url}

${abstract}

${url}

[

${opts.authors ?? 2} authors](${url})

·

${opts.date ?? 'Oct 7, 2024'}

`;
}

describe('textExportReader', () => {
  it('reads the notebook export rhythm', () => {
    const text =
      HEADER +
      rec('2410.05434', 'Better than Your Teacher', 'While large language models (LLMs) show impressive abilities.') +
      rec('2306.14898', 'InterCode', 'Humans write code.', { up: '-', date: 'Jun 26, 2023' }) +
      FOOTER;
    expect(textExportReader.detect(text, 'x.txt')).toBeGreaterThan(0.9);
    const r = textExportReader.split(text, 'export.txt');
    expect(r.format).toBe('text-export');
    expect(r.digestDate).toBeNull();
    expect(r.warnings).toEqual([]);
    expect(r.records).toEqual([
      {
        position: 1,
        title: 'Better than Your Teacher',
        abstract: 'While large language models (LLMs) show impressive abilities.',
        arxivId: '2410.05434',
        authors: [],
        upvotes: 1,
        publishedAt: '2024-10-07',
        siteRepos: [],
        siteLinks: [],
      },
      expect.objectContaining({ position: 2, title: 'InterCode', upvotes: 0, publishedAt: '2023-06-26' }),
    ]);
  });

  it('joins an abstract spread over several lines and a title wrapped over two', () => {
    const text = rec(
      '2401.00001',
      'A title wrapped\n\nover two lines',
      'First paragraph line\nsecond line.\n\nAnother paragraph.',
    );
    expect(textExportReader.split(text, 'x.txt').records[0]).toMatchObject({
      title: 'A title wrapped over two lines',
      abstract: 'First paragraph line second line. Another paragraph.',
    });
  });

  it('reads a yearless date with the export date', () => {
    const text = HEADER + rec('2401.00001', 'T', 'A.', { date: 'Mar 20' });
    expect(textExportReader.split(text, 'x.txt').records[0]!.publishedAt).toBe('2026-03-20');
  });

  it('keeps a paper without an abstract', () => {
    const url = 'https://huggingface.co/papers/2401.00002';
    const text =
      rec('2401.00001', 'First', 'A.') +
      ` [-] 3\n\nhttps://huggingface.co/login?next=%2Fpapers%2F2401.00002\n\nNo abstract\n\n${url}\n\n[\n\n4 authors](${url})\n\n·\n\nJun 26, 2023\n\n` +
      rec('2401.00003', 'Third', 'C.');
    const r = textExportReader.split(text, 'x.txt');
    expect(r.records.map((x) => [x.title, x.abstract, x.upvotes, x.publishedAt])).toEqual([
      ['First', 'A.', 1, '2024-10-07'],
      ['No abstract', '', 3, '2023-06-26'],
      ['Third', 'C.', 1, '2024-10-07'],
    ]);
  });

  it('ends an abstract whose closing link is missing at the next record', () => {
    const first = rec('2401.00001', 'First', 'Abstract one.').replace(
      /\nhttps:\/\/huggingface\.co\/papers\/2401\.00001\n\n\[[\s\S]*$/,
      '\n',
    );
    const text = first + rec('2401.00002', 'Second', 'Abstract two.');
    const r = textExportReader.split(text, 'x.txt');
    expect(r.records.map((x) => [x.title, x.abstract])).toEqual([
      ['First', 'Abstract one.'],
      ['Second', 'Abstract two.'],
    ]);
    expect(r.warnings[0]).toMatch(/no closing paper link/);
  });

  it('keeps links and counts of the next card out of an unclosed abstract', () => {
    const text =
      ' [-] 5\n\nhttps://huggingface.co/login?next=%2Fpapers%2F2401.00001\n\nFirst\n\nhttps://huggingface.co/papers/2401.00001\n\nAbstract one.\n\n' +
      ' [-] 7\n\nhttps://huggingface.co/login?next=%2Fpapers%2F2401.00002\n\nhttps://cdn-thumbnails.huggingface.co/x.png\n\nSecond\n\nhttps://huggingface.co/papers/2401.00002\n\nAbstract two.\n\nhttps://huggingface.co/papers/2401.00002\n';
    const r = textExportReader.split(text, 'x.txt');
    expect(r.records.map((x) => [x.title, x.abstract])).toEqual([
      ['First', 'Abstract one.'],
      ['Second', 'Abstract two.'],
    ]);
  });

  it('reads the export without login lines (title, link, abstract, link)', () => {
    const url = 'https://huggingface.co/papers/2401.00001';
    const text = `Title one\n${url}\nAbstract one.\n${url}\n\nTitle two\nhttps://huggingface.co/papers/2401.00002\nAbstract two.\nhttps://huggingface.co/papers/2401.00002\n`;
    expect(textExportReader.detect(text, 'x.txt')).toBeGreaterThan(0.5);
    expect(textExportReader.split(text, 'x.txt').records.map((r) => r.title)).toEqual(['Title one', 'Title two']);
  });

  it('does not start a record at a #community link or a repeated link', () => {
    const url = 'https://huggingface.co/papers/2401.00001';
    const text = rec('2401.00001', 'Only', 'A.') + `6\n\n${url}#community\n\nSome text\n\n${url}\n`;
    expect(textExportReader.split(text, 'x.txt').records.map((r) => r.title)).toEqual(['Only']);
  });

  it('reads old-style arXiv ids in the links', () => {
    const text =
      rec('2401.00001', 'New style', 'A.') +
      rec('hep-th/9901001', 'Old style', 'B.').replace('%2Fpapers%2Fhep-th/9901001', '%2Fpapers%2Fhep-th%2F9901001');
    expect(textExportReader.split(text, 'x.txt').records.map((r) => [r.title, r.arxivId, r.upvotes])).toEqual([
      ['New style', '2401.00001', 1],
      ['Old style', 'hep-th/9901001', 1],
    ]);
  });

  it('takes the digest date from a /papers/date/ URL in the header', () => {
    const text = HEADER.replace('papers?q=Intercode%20Bash', 'papers/date/2026-03-25') + rec('2401.00001', 'T', 'A.');
    expect(textExportReader.split(text, 'x.txt').digestDate).toBe('2026-03-25');
  });

  it.each([
    ['plain prose about https://huggingface.co/papers/2401.00001 in a sentence'],
    ['Subscribe\n\nhttps://huggingface.co/login?next=%2Fpapers\n'],
    [HEADER + FOOTER],
  ])('does not claim %j and split throws a ParseError', (text) => {
    expect(textExportReader.detect(text, 'x.txt')).toBe(0);
    expect(() => textExportReader.split(text, 'x.txt')).toThrow(ParseError);
  });
});
