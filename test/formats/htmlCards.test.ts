/**
 * Where the html-cards reader draws a card's boundary: the largest element around a paper link
 * that links to no other paper. Found once for the whole page (issue 18: asked of each ancestor in
 * turn it was quadratic in the cards; bench/adversarial.js times 8,000 of them).
 */
import { describe, expect, it } from 'vitest';
import { htmlCardsReader } from '../../src/formats/htmlCards.js';

const hf = (id: string) => `https://huggingface.co/papers/${id}`;
const ABSTRACT =
  'We study low-rank adaptation of large language models and show that it matches full fine-tuning on twelve benchmarks while training far fewer parameters, with careful ablations of rank, placement and learning rate across model sizes.';

function card(id: string, title: string, extra = ''): string {
  return `<div class="paper-card"><h2><a href="${hf(id)}">${title}</a></h2><p class="abstract-text">${ABSTRACT}</p>
    <a href="https://arxiv.org/pdf/${id}">pdf</a>${extra}</div>`;
}

const page = (body: string) => `<html><head><title>Papers 2025-01-02</title></head><body>${body}</body></html>`;

describe('html-cards: card boundaries', () => {
  it('one record per card in a list, each with its own abstract, the pdf link of the same paper inside', () => {
    const cards = Array.from({ length: 40 }, (_, i) => card(`2501.${10000 + i}`, `Adapters for task number ${i}`)).join('');
    const r = htmlCardsReader.split(page(`<main><section class="list">${cards}</section></main>`), 'p.html');
    expect(r.records.map((x) => x.arxivId)).toEqual(Array.from({ length: 40 }, (_, i) => `2501.${10000 + i}`));
    expect(r.records.every((x) => x.abstract === ABSTRACT)).toBe(true);
    expect(r.digestDate).toBe('2025-01-02');
  });

  it('a card that links a related paper stops short of it: the related paper gets its own record', () => {
    const related = `<div class="related"><a href="${hf('2501.20002')}">Related work on adapters at scale</a></div>`;
    const r = htmlCardsReader.split(
      page(
        `<ul><li>${card('2501.10001', 'Sparse adapters for vision models', related)}</li><li>${card('2501.10002', 'Dense adapters for speech')}</li></ul>`,
      ),
      'p.html',
    );
    // The first card holds two papers, so each is read from the largest element around its own link alone.
    const first = r.records.find((x) => x.arxivId === '2501.10001')!;
    expect(first.title).toBe('Sparse adapters for vision models');
    expect(first.abstract).toBe('');
    expect(r.records.find((x) => x.arxivId === '2501.20002')?.title).toBe('Related work on adapters at scale');
    expect(r.records.find((x) => x.arxivId === '2501.10002')?.abstract).toBe(ABSTRACT);
  });
});

describe('html-cards: the authors label', () => {
  it('is found however it is spaced, and only as a whole label', () => {
    const card = (label: string) =>
      `<html><body><div class="paper-card"><h2><a href="https://huggingface.co/papers/2601.01000">A Study of Low-Rank Adapters</a></h2><div><span>${label}</span><span>Ada Lovelace, Alan Turing</span></div></div></body></html>`;
    for (const label of [
      'Authors:',
      'Author',
      '  authors \u2003\u2003\u2003\u2003\u2003\u2003\u2003\u2003\u2003 : ',
      '<b>Authors</b>:',
    ]) {
      expect(htmlCardsReader.split(card(label), 'c.html').records[0]!.authors).toEqual(['Ada Lovelace', 'Alan Turing']);
    }
    for (const label of ['Authors: none', 'Co-authors:']) {
      expect(htmlCardsReader.split(card(label), 'c.html').records[0]!.authors).toEqual([]);
    }
  });
});
