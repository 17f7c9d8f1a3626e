/**
 * Fuzzing: every reader's split() and splitDigest() on random text and on mutated fixtures
 * (truncated, lines deleted or duplicated, random characters injected) throw nothing but
 * ParseError, and never an "internal error" (a bug caught by the readers' safety net).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkFiles } from '../helpers.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ParseError, type SplitResult } from '../../src/types.js';
import { stringify as yamlStringify } from 'yaml';
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

  // Regexes with nested quantifiers once took minutes on these (a YAML first-line pattern over
  // blank lines, a chrome-line pattern over repeated link words): each must finish at all.
  it('survives inputs that make nested quantifiers backtrack', () => {
    const texts = [
      `${'\n'.repeat(20_000)}${' '.repeat(20_000)}x`,
      `${' \n'.repeat(20_000)}x`,
      `${'arxiv '.repeat(5_000)}x`,
      `${'arxiv | '.repeat(5_000)}x`,
      `<?xml version="1.0"?>${'<!--'.repeat(5_000)}`,
      `title,${','.repeat(50_000)}`,
    ];
    for (const text of texts) {
      for (const reader of readers) onlyParseErrors(() => reader.detect(text, 'x.txt'));
      onlyParseErrors(() => splitDigest(text, 'x.txt'));
    }
  });

  it('survives deep nesting', () => {
    for (const text of ['['.repeat(100_000), '{"a":'.repeat(50_000), "[{'a': ".repeat(20_000), '<div>'.repeat(20_000)]) {
      for (const reader of readers) onlyParseErrors(() => reader.split(text, 'deep.json'));
      onlyParseErrors(() => splitDigest(text, 'deep.json'));
    }
  });
});

/** The readers of the structured forms, by name. */
const STRUCTURED = ['json-feed', 'hf-api-json', 'scraper-json', 'feed', 'csv', 'yaml', 'front-matter'].map((name) => {
  const r = readers.find((x) => x.name === name);
  if (!r) throw new Error(`no reader named ${name}`);
  return r;
});

/** Values shaped like the papers' records, so that the generators reach deep into the readers. */
const paperish = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(
    fc.constantFrom(
      'title',
      'abstract',
      'summary',
      'summary_zh',
      'ai_summary',
      'id',
      'arxiv_id',
      'url',
      'link',
      'authors',
      'upvotes',
      'metrics',
      'paper',
      'github',
      'published',
      'name',
      'data',
      'papers',
      '2401.00001',
      'error',
      '__proto__',
      'constructor',
    ),
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '2401.00001v2',
        '/papers/2401.00001',
        'https://arxiv.org/abs/2401.00001',
        "['A', 'B']",
        '<p>Authors: A</p>',
        '本文提出',
        'https://github.com/o/r',
      ),
      fc.jsonValue({ maxDepth: 3 }),
    ),
    { maxKeys: 8 },
  ),
);

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const xmlFeed = fc
  .record({
    atom: fc.boolean(),
    items: fc.array(
      fc.record({
        title: fc.string({ maxLength: 40 }),
        link: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('https://huggingface.co/papers/2401.00001')),
        body: fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.constantFrom('<h3>Abstract</h3><p>We propose x.</p>', 'Upvotes: 3<br/>Authors: A, B', '<p>摘要</p>'),
        ),
        cdata: fc.boolean(),
        raw: fc.string({ maxLength: 20 }),
      }),
      { maxLength: 5 },
    ),
  })
  .map(({ atom, items }) => {
    const body = (b: string, cdata: boolean) => (cdata ? `<![CDATA[${b.replace(/]]>/g, '')}]]>` : xmlEscape(b));
    const entries = items.map((it) =>
      atom
        ? `<entry><title>${xmlEscape(it.title)}</title><link href="${xmlEscape(it.link).replace(/"/g, '&quot;')}"/><summary>${body(it.body, it.cdata)}</summary>${it.raw}</entry>`
        : `<item><title>${xmlEscape(it.title)}</title><link>${xmlEscape(it.link)}</link><description>${body(it.body, it.cdata)}</description>${it.raw}</item>`,
    );
    return atom
      ? `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>${entries.join('')}</feed>`
      : `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>${entries.join('')}</channel></rss>`;
  });

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvSheet = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom('title', '标题', 'abstract', 'url', 'arxiv_id', 'authors', '简明摘要', 'Upvote数'),
        fc.string({ maxLength: 10 }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    fc.array(fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('2401.00001', 'a\nb', '"q"')), { maxLength: 7 }), {
      maxLength: 6,
    }),
    fc.constantFrom(',', '\t'),
    fc.boolean(),
  )
  .map(([head, rows, d, bom]) => (bom ? '\ufeff' : '') + [head, ...rows].map((r) => r.map(csvCell).join(d)).join('\n'));

describe('fuzzing the structured readers with values of their own forms', () => {
  const cases: [string, fc.Arbitrary<string>, string[]][] = [
    ['JSON values', paperish.map((v) => JSON.stringify(v) ?? 'null'), ['x.json', 'x.jsonl']],
    [
      'JSON Lines',
      fc.array(paperish, { maxLength: 5 }).map((vs) => vs.map((v) => JSON.stringify(v) ?? 'null').join('\n')),
      ['x.jsonl'],
    ],
    [
      'JSON Feeds',
      fc
        .array(paperish, { maxLength: 4 })
        .map((items) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'F', items })),
      ['x.json'],
    ],
    ['XML feeds', xmlFeed, ['x.xml', 'x.atom', 'x.txt']],
    ['CSV sheets', csvSheet, ['x.csv', 'x.tsv', 'x.txt']],
    ['YAML documents', paperish.map((v) => yamlStringify(v)), ['x.yaml', 'x.txt']],
    ['front matter', paperish.map((v) => `---\n${yamlStringify(v)}---\nbody text\n`), ['x.md']],
  ];
  it.each(cases)('%s: every structured reader returns records or throws ParseError', (_what, arb, names) => {
    fc.assert(
      fc.property(arb, fc.constantFrom(...names), (text, name) => {
        for (const reader of STRUCTURED) {
          onlyParseErrors(() => reader.detect(text, name));
          onlyParseErrors(() => reader.split(text, name));
        }
        onlyParseErrors(() => splitDigest(text, name));
      }),
      { numRuns: 150 },
    );
  });

  it.each(STRUCTURED.map((r) => [r.name, r]))(
    '%s: arbitrary bytes decoded as text give records or a ParseError',
    (_name, reader) => {
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: 300 }),
          fc.constantFrom('x.json', 'x.xml', 'x.csv', 'x.yaml', 'x.md'),
          (bytes, name) => {
            const text = new TextDecoder('utf-8').decode(bytes);
            onlyParseErrors(() => reader.detect(text, name));
            onlyParseErrors(() => reader.split(text, name));
          },
        ),
        { numRuns: 200 },
      );
    },
  );

  // Small real samples of these forms, mutated, when the shared samples are present.
  const SAMPLES = join(ROOT, '..', 'shared', 'samples', 'wild-dev');
  const real = [
    'rss-atom/huggingface_daily_papers.xml',
    'scraper-json/2024-08-05.json',
    'scraper-json/2601.13097.json',
    'csv/huggingface_papers_2025-04-05.csv',
    'yaml-frontmatter/2608.12036.md',
  ].map((f) => join(SAMPLES, f));
  it.skipIf(!existsSync(SAMPLES)).each(real.map((f) => [f.slice(SAMPLES.length + 1), f]))(
    'mutations of the real sample %s throw only ParseError (skipped without ../shared/samples)',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      fc.assert(
        fc.property(mutation, (m) => {
          const t = mutate(text, m);
          for (const reader of STRUCTURED) {
            onlyParseErrors(() => reader.detect(t, file));
            onlyParseErrors(() => reader.split(t, file));
          }
        }),
        { numRuns: 25 },
      );
    },
  );
});
