import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compactTextReader,
  looksLikeAbstract,
  parseDateLine,
  spacedTextReader,
  splitSeedText,
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
