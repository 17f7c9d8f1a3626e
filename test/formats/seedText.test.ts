import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wrapAt } from '../helpers.js';
import {
  compactTextReader,
  looksLikeAbstract,
  parseDateLine,
  spacedTextReader,
  splitSeedText,
  titleAfterAbstract,
} from '../../src/formats/seedText.js';

const SEEDS = path.join(__dirname, '../../fixtures/seeds');
const ABSTRACT =
  'We study a thing in depth. Our method improves results on several benchmarks by a wide margin. Experiments on many datasets show the effectiveness of the approach across settings and models.';

describe('seed layouts on the real seeds', () => {
  const expected: Record<string, [string, number, string | null]> = {
    '000_980ef8ff142fd5e1.txt': ['text-spaced', 77, '--09-16'],
    '001_021f8443021daa6f.txt': ['text-spaced', 96, '--07-28'],
    '002_037c5d9341b449bf.txt': ['text-spaced', 97, '--03-14'],
    '003_8c7f1ee6d06812ee.txt': ['text-compact', 119, null],
    '004_d32d9d2b14616faa.txt': ['text-compact', 64, null],
  };
  it.each(Object.entries(expected))('%s splits into %j', (file, [format, count, date]) => {
    const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
    const reader = format === 'text-spaced' ? spacedTextReader : compactTextReader;
    const other = format === 'text-spaced' ? compactTextReader : spacedTextReader;
    expect(reader.detect(text, file)).toBeGreaterThan(other.detect(text, file));
    const out = reader.split(text, file);
    expect(out.records).toHaveLength(count);
    expect(out.digestDate).toBe(date);
    expect(out.warnings).toEqual([]);
    const lines = new Set(text.split('\n').map((l) => l.trim()));
    out.records.forEach((r, i) => {
      expect(r.position).toBe(i + 1);
      // Each title is exactly a title line of the page (the first one after chrome is cut off).
      expect(lines.has(r.title) || lines.has(`Subscribe${r.title}`)).toBe(true);
      expect(r.abstract.length).toBeGreaterThan(100);
      expect(r.title).not.toMatch(/^Subscribe/);
    });
  });
});

const _ = (name: string, text: string, titles: string[], date: string | null = null) => ({ name, text, titles, date });

describe('splitSeedText cases', () => {
  it.each([
    _(
      'spaced with chrome and date',
      `new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nSep 16\n\nA Title\n\n${ABSTRACT}\n\nB Title\n\n${ABSTRACT}\n`,
      ['A Title', 'B Title'],
      '--09-16',
    ),
    _(
      'compact with Subscribe glued to the first title',
      `Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\nSubscribeNeuroStrike: Neuron-Level Attacks on Aligned LLMs\n${ABSTRACT}\nGoodVibe: Security-by-Vibe\n${ABSTRACT}`,
      ['NeuroStrike: Neuron-Level Attacks on Aligned LLMs', 'GoodVibe: Security-by-Vibe'],
    ),
    _('missing date line', `Subscribe\n\nA Title\n\n${ABSTRACT}`, ['A Title']),
    _(
      'chrome that differs a little',
      `NEW\n\nGet the trending papers in your e-mail inbox once a week!\n\nSubscribe\n\nDaily Papers\n\nby AK and the research community\n\nMay 3, 2024\n\nA Title\n\n${ABSTRACT}`,
      ['A Title'],
      '2024-05-03',
    ),
    _('Windows line endings', `Subscribe\r\n\r\nA Title\r\n\r\n${ABSTRACT}\r\n`, ['A Title']),
    _('a title with no abstract keeps an empty abstract', `A Title\n\nB Title\n\n${ABSTRACT}`, ['A Title', 'B Title']),
  ])('$name', ({ text, titles, date }) => {
    const out = splitSeedText(text, 'text');
    expect(out.records.map((r) => r.title)).toEqual(titles);
    expect(out.digestDate).toBe(date);
  });

  it('keeps an empty abstract for a record whose abstract is missing and says so', () => {
    const out = splitSeedText(`A Title\n\nB Title\n\n${ABSTRACT}`, 'text');
    expect(out.records[0]!.abstract).toBe('');
    expect(out.records[1]!.abstract).toBe(ABSTRACT);
    expect(out.warnings).toEqual(['1 record(s) had no abstract']);
  });
});

describe('line classification', () => {
  it.each([
    ['Sep 16', '--09-16'],
    ['September 16', '--09-16'],
    ['Oct 7, 2024', '2024-10-07'],
    ['7 Oct 2024', '2024-10-07'],
    ['Septober 16', null],
    ['Sep 45', null],
    ['Scaling Laws', null],
  ])('parseDateLine(%j) = %j', (line, date) => expect(parseDateLine(line)).toBe(date));

  it.each([
    ['LISA: Layerwise Importance Sampling for Memory-Efficient Large Language Model Fine-Tuning', false],
    ['How far away are truly hyperparameter-free learning algorithms?', false],
    [ABSTRACT, true],
  ])('looksLikeAbstract(%j) = %j', (line, abstract) => expect(looksLikeAbstract(line)).toBe(abstract));

  it.each([
    ['prose', 'This is a letter to a friend. It has a few sentences. Nothing here is a listing of papers at all.'],
    ['json', '[{"title": "x"}]'],
    ['html', '<html><body>hi</body></html>'],
  ])('does not claim %s', (_n, text) => {
    expect(spacedTextReader.detect(text, 'x.txt')).toBe(0);
    expect(compactTextReader.detect(text, 'x.txt')).toBe(0);
  });
});

describe('short abstracts', () => {
  it('keeps a one-line comment stored in place of the abstract as the abstract', () => {
    const text = `Sep 16\n\nA Title\n\nSubmitted by a reader: a great paper.\n\nB Title\n\n${ABSTRACT}\n`;
    const out = splitSeedText(text, 'text-spaced');
    expect(out.records.map((r) => [r.title, r.abstract])).toEqual([
      ['A Title', 'Submitted by a reader: a great paper.'],
      ['B Title', ABSTRACT],
    ]);
  });
});

describe('abstracts in two paragraphs', () => {
  it('joins a second paragraph of prose to the abstract before it', () => {
    const text = `Sep 16\n\nA Title\n\n${ABSTRACT}\n\n${ABSTRACT}\n\nB Title\n\n${ABSTRACT}\n`;
    const out = splitSeedText(text, 'text-spaced');
    expect(out.records.map((r) => r.title)).toEqual(['A Title', 'B Title']);
    expect(out.records[0]!.abstract).toBe(`${ABSTRACT} ${ABSTRACT}`);
    expect(out.warnings).toEqual([]);
  });
});

describe('hard-wrapped copies of the seeds', () => {
  const files = fs.readdirSync(SEEDS).sort();
  it.each([80, 120, 200])('wrapped at %i columns, every seed gives the same titles and abstracts', (width) => {
    for (const f of files) {
      const text = fs.readFileSync(path.join(SEEDS, f), 'utf8');
      const want = splitSeedText(text, 'x').records.map((r) => [r.title, r.abstract]);
      const got = splitSeedText(wrapAt(text, width), 'x').records.map((r) => [r.title, r.abstract]);
      expect(got, `${f} at ${width}`).toEqual(want);
    }
  });
});

const A2 =
  'Large models forget. We measure how much they forget when tuned on a narrow task and propose a simple remedy that keeps most of the general skill while matching the tuned accuracy on the task itself, across seven model families.';

describe('edited copies', () => {
  it.each([
    _('ISO date line', `Subscribe\n\n2024-09-16\n\nA Title\n\n${ABSTRACT}`, ['A Title'], '2024-09-16'),
    _(
      'dated line with a weekday',
      `Subscribe\n\nMonday, September 16, 2024\n\nA Title\n\n${ABSTRACT}`,
      ['A Title'],
      '2024-09-16',
    ),
    _(
      'reworded chrome',
      `Get the top papers delivered daily!\n\nSubscribe\n\nPapers of the Day\n\nSep 16, 2024\n\nA Title\n\n${ABSTRACT}`,
      ['A Title'],
      '2024-09-16',
    ),
    _(
      'a second digest pasted below the first, compact, with Subscribe glued again',
      `Get trending papers in your email inbox!\nSubscribeA Title\n${ABSTRACT}\nGet the top papers delivered daily!\nSubscribeB Title\n${A2}`,
      ['A Title', 'B Title'],
    ),
  ])('$name', ({ text, titles, date }) => {
    const out = splitSeedText(text, 'text');
    expect(out.records.map((r) => r.title)).toEqual(titles);
    expect(out.digestDate).toBe(date);
  });

  it('gives each pasted digest its own date, and none to a part without one', () => {
    const part = (chrome: string, date: string, title: string) =>
      `new\n\n${chrome}\n\nSubscribe\n\nDaily Papers\n\n${date}\n\n${title}\n\n${ABSTRACT}\n\n`;
    const text =
      part('Get trending papers in your email inbox!', 'Sep 16, 2024', 'A Title') +
      part('Get the top papers delivered daily!', '2025-07-28', 'B Title') +
      `Papers of the Day\n\nC Title\n\n${A2}\n`;
    const out = splitSeedText(text.replace(/\n/g, '\r\n'), 'text-spaced');
    expect(out.records.map((r) => [r.title, r.digestDate])).toEqual([
      ['A Title', '2024-09-16'],
      ['B Title', '2025-07-28'],
      ['C Title', null],
    ]);
    expect(out.digestDate).toBe('2024-09-16');
  });

  it('leaves per-record dates out of a single digest', () => {
    const out = splitSeedText(`Sep 16\n\nA Title\n\n${ABSTRACT}`, 'text-spaced');
    expect(out.records[0]).not.toHaveProperty('digestDate');
  });
});

describe('a long title after an abstract is a title (issue 14)', () => {
  // Long titles modelled on real ones: a question then an answer, over 160 characters.
  const LONG = [
    'Can Large Language Models Reason Over Long Chains of Evidence in Scientific Documents? A Benchmark, a Training Recipe, and an Analysis of Failure Modes Across Forty Domains',
    'Do vision-language models understand spatial relations? A systematic study of failure modes with a new diagnostic benchmark, a data recipe and fine-tuning for household robots',
    'Scaling Test-Time Compute Without Verifiers: Why Majority Voting Saturates, When Self-Refinement Helps, and How Budget-Aware Search Recovers the Gap on Math and Code Tasks',
  ];
  it.each(LONG)('%s', (title) => {
    expect(title.length).toBeGreaterThan(160);
    const spaced = `Sep 16\n\nA Title\n\n${ABSTRACT}\n\n${title}\n\n${A2}\n`;
    const compact = `SubscribeA Title\n${ABSTRACT}\n${title}\n${A2}\nB Title\n${ABSTRACT}`;
    for (const text of [spaced, compact]) {
      const out = splitSeedText(text, 'text');
      expect(out.records.map((r) => r.title)).toContain(title);
      expect(out.records[0]!.abstract).toBe(ABSTRACT);
      expect(out.records[1]!.abstract).toBe(A2);
    }
  });

  it.each([
    ['a title-cased long title', LONG[0]!, true],
    ['a sentence-case long title with one question', LONG[1]!, true],
    ['a second paragraph of an abstract (ends with a full stop)', A2, false],
    [
      'prose of several sentences without a final stop',
      'We show this. Then we show that. Finally we conclude the thing with more words',
      false,
    ],
  ])('titleAfterAbstract: %s', (_n, line, want) => expect(titleAfterAbstract(line)).toBe(want));
});
