/**
 * Every reader on large inputs of its form: 20k records must all come out, in order. (How fast
 * is measured by `npm run bench`, not here: timings make flaky tests.)
 */
import { describe, expect, it } from 'vitest';
import { splitDigest } from '../../src/formats/index.js';

const ABS = 'We propose a method for things. It works well on benchmarks. '.repeat(12);
const id = (i: number): string => `24${String(1 + (i % 12)).padStart(2, '0')}.${String(i % 100000).padStart(5, '0')}`;
const times = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join('');
const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const FORMS: Record<string, (n: number) => string> = {
  'hf-api-json': (n) =>
    JSON.stringify(
      Array.from({ length: n }, (_, i) => ({
        paper: { id: id(i), authors: [{ name: 'A B' }], title: `Paper ${i}`, summary: ABS, upvotes: i },
      })),
    ),
  'hf-api-json (Python repr)': (n) =>
    JSON.stringify(
      Array.from(
        { length: n },
        (_, i) => `{'paper': {'id': '${id(i)}', 'title': 'Paper ${i}', 'summary': '${ABS}', 'upvotes': ${i}, 'x': True}}`,
      ),
    ),
  'scraper-json': (n) =>
    times(
      n,
      (i) =>
        JSON.stringify({
          title: `Paper ${i}`,
          paper_url: `https://huggingface.co/papers/${id(i)}`,
          details: { abstract: ABS, github_links: ['https://github.com/a/b'] },
        }) + '\n',
    ),
  markdown: (n) =>
    times(
      n,
      (i) =>
        `[${i}](https://huggingface.co/login?next=%2Fpapers%2F${id(i)})\n\n### [Paper ${i}](https://huggingface.co/papers/${id(i)})\n\n[${ABS}](https://huggingface.co/papers/${id(i)})\n\n·\n\nOct 7, 2024\n\n`,
    ),
  'text-export': (n) =>
    times(
      n,
      (i) =>
        ` [-] ${i}\n\nhttps://huggingface.co/login?next=%2Fpapers%2F${id(i)}\n\nPaper ${i}\n\nhttps://huggingface.co/papers/${id(i)}\n\n${ABS}\n\nhttps://huggingface.co/papers/${id(i)}\n\n·\n\nOct 7, 2024\n\n`,
    ),
  'html (data-props)': (n) =>
    `<html><body><div data-target="DailyPapers" data-props="${attr(JSON.stringify({ dailyPapers: Array.from({ length: n }, (_, i) => ({ paper: { id: id(i), title: `Paper ${i}`, summary: ABS } })) }))}"></div></body></html>`,
  'html (cards)': (n) =>
    '<html><body>' +
    times(
      n,
      (i) =>
        `<article><h3><a href="/papers/${id(i)}">Paper ${i}</a></h3><p>${ABS}</p><span>Published on Jun 28, 2020</span><a href="/login?next=%2Fpapers%2F${id(i)}"><div role="checkbox">Upvote <div class="font-semibold">${i}</div></div></a></article>\n`,
    ) +
    '</body></html>',
};

describe('readers on large inputs', () => {
  it.each(Object.entries(FORMS))(
    '%s',
    (_name, gen) => {
      const r = splitDigest(gen(20_000), 'big.txt');
      expect(r.records).toHaveLength(20_000);
      expect(r.records[19_999]!.title).toBe('Paper 19999');
      expect(r.records.every((rec, i) => rec.position === i + 1)).toBe(true);
    },
    60_000,
  );
});
