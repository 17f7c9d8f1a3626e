/**
 * Fuzzing: every reader's split() and splitDigest() on random text and on mutated fixtures
 * (truncated, lines deleted or duplicated, random characters injected) throw nothing but
 * ParseError, and never an "internal error" (a bug caught by the readers' safety net).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParseError, type SplitResult } from '../../src/types.js';
import { readers, splitDigest } from '../../src/formats/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

const FIXTURES = walkFiles(join(ROOT, 'fixtures', 'forms'))
  .filter((f) => !f.endsWith('.expected'))
  .map((f) => ({ name: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') }));

/** Runs `fn`, accepting a result or a ParseError that is not an internal error. */
function onlyParseErrors(fn: () => SplitResult | number): void {
  try {
    const r = fn();
    if (typeof r === 'number') {
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
    } else {
      r.records.forEach((rec, i) => {
        expect(rec.position).toBe(i + 1);
        expect(rec.title.length).toBeGreaterThan(0);
      });
    }
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    expect(e.message).not.toMatch(/^internal error/);
  }
}

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'deleteLines'; seeds: number[] }
  | { kind: 'duplicateLines'; seeds: number[] }
  | { kind: 'inject'; seeds: number[]; chars: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('deleteLines' as const), seeds: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('duplicateLines' as const), seeds: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }) }),
  fc.record({
    kind: fc.constant('inject' as const),
    seeds: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
    chars: fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom('"', "'", '{', '}', '[', ']', '<', '>', '\\', '\n', '&quot;', '](', '### [', '\u0000', '\ufffd', '`'),
    ),
  }),
);

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'truncate') return text.slice(0, Math.floor(text.length * m.at));
  if (m.kind === 'inject') {
    let t = text;
    for (const s of m.seeds) {
      const at = t.length === 0 ? 0 : s % t.length;
      t = t.slice(0, at) + m.chars + t.slice(at);
    }
    return t;
  }
  const lines = text.split('\n');
  for (const s of m.seeds) {
    if (lines.length === 0) break;
    const i = s % lines.length;
    if (m.kind === 'deleteLines') lines.splice(i, 1);
    else lines.splice(i, 0, lines[i]!);
  }
  return lines.join('\n');
}

const randomText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.json({ maxDepth: 4 }),
  fc
    .array(
      fc.constantFrom(
        '[',
        ']',
        '{',
        '}',
        '"',
        "'",
        ':',
        ',',
        'paper',
        'title',
        '\n',
        ' ',
        'True',
        '<article>',
        '<h3><a href="/papers/2401.00001">',
        '### [',
        '](https://huggingface.co/papers/2401.00001)',
        'https://huggingface.co/papers/2401.00001',
        'x',
        // The newsletter, card, labelled-block and page-dump readers' own tokens.
        '[Title](https://arxiv.org/abs/2401.00001v2)',
        '## 1. A Title *(3 votes)*\n',
        '| A Title (Read more on [arXiv](https://arxiv.org/pdf/2401.00001)) | x |\n',
        'Title: A Title\n',
        'PDF: https://arxiv.org/pdf/2401.00001\n',
        'Summary: ',
        '---\n',
        '**arXiv ID**: 2401.00001',
        'Papersarxiv:2401.00001',
        'Published on',
        'Authors:',
        '<div class="paper-card"><h2><a href="https://huggingface.co/papers/2401.00001">',
        '<div class="abstract-text">',
        '原文标题：',
      ),
      { maxLength: 60 },
    )
    .map((a) => a.join('')),
);

describe('fuzzing the readers', () => {
  it.each(readers.map((r) => [r.name, r]))('%s: detect and split on random text throw only ParseError', (_name, reader) => {
    fc.assert(
      fc.property(
        randomText,
        fc.constantFrom('x.json', 'x.jsonl', 'x.html', 'x.md', 'x.txt', '2024-05-27.json'),
        (text, name) => {
          onlyParseErrors(() => reader.detect(text, name));
          onlyParseErrors(() => reader.split(text, name));
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(FIXTURES.map((f) => [f.name, f]))('mutations of %s throw only ParseError in every reader', (_name, fixture) => {
    fc.assert(
      fc.property(mutation, (m) => {
        const text = mutate(fixture.text, m);
        for (const reader of readers) {
          onlyParseErrors(() => reader.detect(text, fixture.name));
          onlyParseErrors(() => reader.split(text, fixture.name));
        }
        onlyParseErrors(() => splitDigest(text, fixture.name));
      }),
      { numRuns: 60 },
    );
  });

  // Long runs of one character (blanks, dots, brackets, backslashes) between readers' tokens:
  // super-linear patterns show here as a test that never ends (the runner's timeout catches it).
  const hostile = fc
    .array(
      fc.oneof(
        fc
          .tuple(
            fc.constantFrom(' ', '.', '[', ']', '(', ')', '\\', '#', '*', '\n', '<div>', '](', '|'),
            fc.integer({ min: 1, max: 20_000 }),
          )
          .map(([c, n]) => c.repeat(n)),
        fc.constantFrom('https://huggingface.co/papers/2401.00001', 'Title: x', 'arXiv:2401.00001', '### [', 'Authors:', '? A'),
      ),
      { maxLength: 8 },
    )
    .map((a) => a.join(''));

  it.each(readers.map((r) => [r.name, r]))('%s: long runs of one character throw only ParseError', (_name, reader) => {
    fc.assert(
      fc.property(hostile, (text) => {
        onlyParseErrors(() => reader.detect(text, 'x.md'));
        onlyParseErrors(() => reader.split(text, 'x.md'));
      }),
      { numRuns: 40 },
    );
  });

  it('splitDigest on random text throws only ParseError', () => {
    fc.assert(
      fc.property(randomText, (text) => {
        onlyParseErrors(() => splitDigest(text, 'random.txt'));
      }),
      { numRuns: 1000 },
    );
  });

  it('survives deep nesting', () => {
    for (const text of ['['.repeat(100_000), '{"a":'.repeat(50_000), "[{'a': ".repeat(20_000), '<div>'.repeat(20_000)]) {
      for (const reader of readers) onlyParseErrors(() => reader.split(text, 'deep.json'));
      onlyParseErrors(() => splitDigest(text, 'deep.json'));
    }
  });
});
