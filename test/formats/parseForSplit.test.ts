import { describe, expect, it } from 'vitest';
import { htmlCardsReader } from '../../src/formats/htmlCards.js';
import { newsletterReader } from '../../src/formats/newsletter.js';
import { splitDigest } from '../../src/formats/index.js';
import { loadPage } from '../../src/formats/htmlPage.js';
import { forgetKeptParses, ParseForSplit } from '../../src/formats/reader.js';

describe('ParseForSplit', () => {
  it("hands detect's parse to split once, and parses again for another text or a second split", () => {
    const calls: string[] = [];
    const p = new ParseForSplit((t: string) => {
      calls.push(t);
      return { records: [t.toUpperCase()] };
    });
    const first = p.peek('a');
    expect(p.peek('a')).toBe(first);
    expect(p.take('a')).toBe(first);
    expect(calls).toEqual(['a']);
    expect(p.take('a')).not.toBe(first); // split owns what it took
    expect(calls).toEqual(['a', 'a']);
    p.peek('b');
    expect(p.take('c').records).toEqual(['C']);
    expect(calls).toEqual(['a', 'a', 'b', 'c']);
    expect(p.take('b').records).toEqual(['B']); // 'c' took the slot: 'b' is parsed again
    expect(calls).toHaveLength(5);
  });

  it('keeps nothing from a parse that threw', () => {
    let fail = true;
    const p = new ParseForSplit((t: string) => {
      if (fail) throw new Error('bad');
      return t;
    });
    expect(() => p.peek('x')).toThrow('bad');
    fail = false;
    expect(p.take('x')).toBe('x');
  });
});

const cards = (n: number) =>
  `<html><body>${Array.from(
    { length: n },
    (_, i) =>
      `<div class="paper-card"><h2><a href="https://huggingface.co/papers/2601.0${1000 + i}">A Study of Low-Rank Adapters Number ${i}</a></h2><p class="abstract-text">We propose a method ${i} that fine-tunes large language models with low-rank adapters and evaluate it on many benchmarks, where it reaches strong accuracy with fewer trainable parameters than full fine-tuning.</p></div>`,
  ).join('\n')}</body></html>`;

const newsletter = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `## [A Study of Low-Rank Adapters Number ${i}](https://huggingface.co/papers/2601.0${1000 + i})\n\nThe authors show that adapters number ${i} make fine-tuning cheap for everyone who tries them.\n`,
  ).join('\n');

describe('readers that parse in detect', () => {
  for (const [name, reader, text] of [
    ['html-cards', htmlCardsReader, cards(5)],
    ['newsletter', newsletterReader, newsletter(4)],
  ] as const) {
    it(`${name}: split after detect reads what a split alone reads, numbered from 1 each time`, () => {
      const alone = reader.split(text, 'digest.txt');
      expect(reader.detect(text, 'digest.txt')).toBeGreaterThan(0);
      const afterDetect = reader.split(text, 'digest.txt');
      const again = reader.split(text, 'digest.txt');
      expect(afterDetect).toEqual(alone);
      expect(again).toEqual(alone);
      expect(afterDetect.records.map((r) => r.position)).toEqual(alone.records.map((_, i) => i + 1));
    });
  }
});

describe('what is kept from detect for split', () => {
  it('one parsed page per HTML text, let go when forgotten', () => {
    const page = cards(2);
    const first = loadPage(page);
    expect(loadPage(page)).toBe(first);
    expect(loadPage(cards(3))).not.toBe(first);
    const again = loadPage(page);
    forgetKeptParses();
    expect(loadPage(page)).not.toBe(again);
  });

  it("is let go once splitDigest has split a file, the readers' parses too", () => {
    const page = cards(4);
    const before = loadPage(page);
    const kept = new ParseForSplit((t: string) => ({ t }));
    const parsed = kept.peek('x');
    expect(splitDigest(page, 'cards.html').records).toHaveLength(4);
    expect(loadPage(page)).not.toBe(before);
    expect(kept.take('x')).not.toBe(parsed);
  });
});
