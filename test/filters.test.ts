import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { UsageError } from '../src/errors.js';
import {
  parseArxivId,
  parseClaimFilter,
  parseCountFlag,
  parseDateBound,
  parseQuantity,
  toFtsQuery,
  type ClaimFilter,
} from '../src/filters.js';
import { normalizeArxivId } from '../src/formats/arxiv.js';
import { MIGRATIONS } from '../src/db/schema.js';

/** Asserts `fn` throws a UsageError whose message matches. */
function usageError(fn: () => unknown, message: RegExp): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a UsageError').toBeInstanceOf(UsageError);
  expect((err as Error).message).toMatch(message);
}

describe('parseQuantity', () => {
  it.each([
    ['2', 2],
    ['0', 0],
    ['42.5', 42.5],
    ['.5', 0.5],
    ['-3', -3],
    ['+4', 4],
    [' 42 ', 42],
    ['1e6', 1e6],
    ['1E6', 1e6],
    ['2.5e-3', 0.0025],
    ['1e+3', 1000],
    ['0.3M', 300_000],
    ['0.3m', 300_000],
    ['7B', 7e9],
    ['1.5b', 1.5e9],
    ['2k', 2000],
    ['3 K', 3000],
    ['1T', 1e12],
    ['90%', 90],
    ['5 %', 5],
    ['2x', 2],
    ['2X', 2],
    ['2×', 2],
    ['16,000', 16_000],
    ['1,234,567', 1_234_567],
    ['16,000x', 16_000],
  ])('%j -> %d', (text, expected) => {
    expect(parseQuantity(text)).toBe(expected);
  });

  it.each([
    '',
    ' ',
    'abc',
    '5.',
    '1.2.3',
    '1e',
    'e6',
    '%',
    'x',
    '2xx',
    '2%x',
    '2 kg',
    '5ms',
    '1e999',
    '--5',
    '2 2',
    ',5',
    '5,',
    '0x10',
    'NaN',
    'Infinity',
    '1_000',
  ])('%j -> null', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });

  // Regression (src/filters.ts parseQuantity): the digit-group commas are not checked, so a comma
  // anywhere is dropped: '1,5' (a decimal comma, as many locales write 1.5) gives 15 and '1,2,3'
  // gives 123. Expected null (not a number), actual 15 / 123; `--claim 'speedup>1,5'` silently
  // filters on 15.
  it.each(['1,5', '1,2,3', '12,34', '1,5x'])('%j (commas not in groups of three) -> null', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });
});

describe('parseClaimFilter', () => {
  it.each([
    ['accuracy>=90', 'accuracy', '>=', 90],
    ['speedup > 2', 'speedup', '>', 2],
    ['speedup>2x', 'speedup', '>', 2],
    ['parameters<1e6', 'parameters', '<', 1e6],
    ['attack success rate>=90', 'attack success rate', '>=', 90],
    ['pass_rate>50', 'pass rate', '>', 50],
    ['pass-rate>50', 'pass rate', '>', 50],
    ['Pass_Rate >= 50%', 'pass rate', '>=', 50],
    ['  win   rate  <=  0.5 ', 'win rate', '<=', 0.5],
    ['latency != 5', 'latency', '!=', 5],
    ['accuracy=90', 'accuracy', '=', 90],
    ['memory<2.5B', 'memory', '<', 2.5e9],
    ['tokens>=16,000', 'tokens', '>=', 16_000],
    ['x>2', 'x', '>', 2],
    ['f1 > 0.9', 'f1', '>', 0.9],
    ['BLEU>=30', 'bleu', '>=', 30],
  ])('%j -> %j %s %d', (expr, subject, op, value) => {
    expect(parseClaimFilter(expr)).toEqual<ClaimFilter>({ subject, op: op as ClaimFilter['op'], value });
  });

  const HINT = /expected METRIC OP VALUE, e\.g\. 'accuracy>=90', 'speedup>2' or 'parameters<1e6'$/;
  it.each([
    ['', /^invalid --claim '': /],
    ['accuracy', /^invalid --claim 'accuracy': /],
    ['>=90', /^invalid --claim '>=90': /],
    ['90>=accuracy', /^invalid --claim '90>=accuracy': /],
    ['accuracy>=', /^invalid --claim 'accuracy>=': /],
    ['acc@racy>1', /^invalid --claim/],
    ['accuracy>=abc', /'abc' is not a number; /],
    ['accuracy=>90', /'>90' is not a number; /],
    ['accuracy>>x', /'>x' is not a number; /],
    ['accuracy >= 90 95', /'90 95' is not a number; /],
    ['latency<5ms', /'5ms' is not a number; /],
  ])('%j is a UsageError with a hint', (expr, message) => {
    usageError(() => parseClaimFilter(expr), message);
    usageError(() => parseClaimFilter(expr), HINT);
  });

  // Regression (src/filters.ts parseClaimFilter): the subject is not trimmed after `_`/`-` become
  // spaces, so a trailing separator leaves a trailing space that matches no metric. Input
  // 'pass_rate_>50': expected subject 'pass rate', actual 'pass rate '. Likewise the arrow typo
  // 'accuracy->90' parses as subject 'accuracy ' (a silent no-match) instead of 'accuracy' or an error.
  it.each([
    ['pass_rate_>50', 'pass rate'],
    ['error__rate - -<3', 'error rate'],
    ['accuracy->90', 'accuracy'],
  ])('%j has the subject %j (no trailing space)', (expr, subject) => {
    expect(parseClaimFilter(expr).subject).toBe(subject);
  });
});

describe('parseDateBound', () => {
  it.each([
    ['2024', 'since', '2024-01-01'],
    ['2024', 'until', '2024-12-31'],
    ['2024-05', 'since', '2024-05-01'],
    ['2024-05', 'until', '2024-05-31'],
    ['2024-04', 'until', '2024-04-30'],
    ['2024-01', 'until', '2024-01-31'],
    ['2024-02', 'until', '2024-02-29'], // leap year
    ['2023-02', 'until', '2023-02-28'],
    ['2000-02', 'until', '2000-02-29'], // divisible by 400: leap
    ['1900-02', 'until', '1900-02-28'], // divisible by 100: not leap
    ['2100-02', 'until', '2100-02-28'],
    ['2024-12', 'until', '2024-12-31'],
    ['2024-02', 'since', '2024-02-01'],
    ['2024-05-17', 'since', '2024-05-17'],
    ['2024-05-17', 'until', '2024-05-17'],
    ['2024-02-29', 'since', '2024-02-29'],
    ['2024-02-29', 'until', '2024-02-29'],
    ['2023-12-31', 'until', '2023-12-31'],
    ['  2024-03  ', 'since', '2024-03-01'],
  ] as const)('%j as --%s -> %s', (text, bound, expected) => {
    expect(parseDateBound(text, bound)).toBe(expected);
  });

  it.each([
    ['2023-02-29', 'since', /^invalid --since '2023-02-29': no day 29 in that month$/],
    ['2024-02-30', 'until', /^invalid --until '2024-02-30': no day 30 in that month$/],
    ['2024-04-31', 'since', /no day 31 in that month/],
    ['2024-01-00', 'since', /no day 00 in that month/],
    ['2024-13', 'until', /^invalid --until '2024-13': no month 13$/],
    ['2024-00', 'since', /no month 00/],
    ['2024-00-10', 'since', /no month 00/],
    ['24-01-01', 'since', /^invalid --since '24-01-01': expected YYYY-MM-DD, YYYY-MM or YYYY$/],
    ['2024/01/01', 'until', /expected YYYY-MM-DD, YYYY-MM or YYYY/],
    ['2024-1', 'since', /expected YYYY-MM-DD/],
    ['2024-01-1', 'since', /expected YYYY-MM-DD/],
    ['20240101', 'since', /expected YYYY-MM-DD/],
    ['2024-01-01T00:00', 'since', /expected YYYY-MM-DD/],
    ['yesterday', 'until', /^invalid --until 'yesterday'/],
    ['', 'since', /^invalid --since ''/],
  ] as const)('%j as --%s is a UsageError', (text, bound, message) => {
    usageError(() => parseDateBound(text, bound), message);
  });

  it('the until bound of any month is its last day: the next day starts the next month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const ym = `${y}-${String(m).padStart(2, '0')}`;
        const end = parseDateBound(ym, 'until');
        const next = new Date(Date.UTC(y, m - 1, Number(end.slice(8)) + 1));
        expect(end.startsWith(ym + '-')).toBe(true);
        expect(next.getUTCDate()).toBe(1);
        expect(parseDateBound(end, 'since')).toBe(end);
      }),
    );
  });
});

describe('parseArxivId', () => {
  it.each([
    ['2405.15738', '2405.15738'],
    ['0704.0001', '0704.0001'],
    ['1501.0001', '1501.0001'],
    ['2405.15738v2', '2405.15738'],
    ['2405.15738V12', '2405.15738'],
    ['  2405.15738  ', '2405.15738'],
    ['arXiv:2405.15738', '2405.15738'],
    ['arxiv:2405.15738v3', '2405.15738'],
    ['ARXIV: 2405.15738', '2405.15738'],
    ['https://arxiv.org/abs/2405.15738', '2405.15738'],
    ['https://arxiv.org/abs/2405.15738v1', '2405.15738'],
    ['http://arxiv.org/pdf/2405.15738', '2405.15738'],
    ['https://arxiv.org/pdf/2405.15738.pdf', '2405.15738'],
    ['https://arxiv.org/pdf/2405.15738v2.pdf', '2405.15738'],
    ['arxiv.org/abs/2405.15738/', '2405.15738'],
    ['https://huggingface.co/papers/2405.15738', '2405.15738'],
    ['https://huggingface.co/papers/2405.15738/', '2405.15738'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['arXiv:hep-th/9901001', 'hep-th/9901001'],
    ['https://arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001'],
    ['cs/0112017', 'cs/0112017'],
    ['HEP-TH/9901001', 'hep-th/9901001'],
  ])('%j -> %j', (text, expected) => {
    expect(parseArxivId(text)).toBe(expected);
  });

  it.each([
    '',
    'abc',
    '2405.157',
    '2405.157389',
    '12405.15738',
    '2405-15738',
    '2405.15738v',
    'x2405.15738',
    '2405.15738 extra',
    'https://example.com/2405.15738',
    'https://arxiv.org/abs/',
    'hep-th/990100',
    'hep-th/99010011',
    'hep-th9901001',
  ])('%j is a UsageError', (text) => {
    usageError(() => parseArxivId(text), /^invalid arXiv id '.*': expected e\.g\. 2405\.15738$/);
  });

  it.each([
    '2405.15738',
    '2405.15738v2',
    'arXiv:2405.15738',
    'https://arxiv.org/abs/2405.15738v1',
    'https://huggingface.co/papers/2405.15738',
    'hep-th/9901001',
    'cs/0112017v1',
  ])('%j gives the id the ingest stores (normalizeArxivId)', (text) => {
    expect(parseArxivId(text)).toBe(normalizeArxivId(text));
  });

  // Regression (src/filters.ts parseArxivId): the id is lower-cased as a whole, but the ingest stores
  // old-style ids with the subject class upper case (formats/common.ts canonicalId: 'math.GT/0309136'),
  // and buildPaperQuery compares `p.arxiv_id = ?` exactly. Input 'math.GT/0309136' (or
  // 'arXiv:math.GT/0309136v2'): expected 'math.GT/0309136', actual 'math.gt/0309136', so
  // `papers query --arxiv math.GT/0309136` finds nothing. (db/read.ts findPaperRid lower-cases
  // the same way, so `papers show math.GT/0309136` fails too.)
  it.each(['math.GT/0309136', 'arXiv:math.GT/0309136v2', 'https://arxiv.org/abs/math.GT/0309136', 'math.gt/0309136'])(
    '%j gives the stored form math.GT/0309136',
    (text) => {
      expect(parseArxivId(text)).toBe('math.GT/0309136');
      expect(parseArxivId(text)).toBe(normalizeArxivId(text));
    },
  );
});

describe('parseCountFlag', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['20', 20],
    [' 7 ', 7],
    ['007', 7],
    ['1000000', 1_000_000],
  ])('%j -> %i', (text, expected) => {
    expect(parseCountFlag(text, '--limit')).toBe(expected);
  });

  it.each(['-1', '1.5', '1e3', '', ' ', 'ten', '+3', '0x10', '1,000'])('%j is a UsageError naming the flag', (text) => {
    usageError(() => parseCountFlag(text, '--limit'), /^invalid --limit '.*': expected a whole number \(0 = all\)$/);
  });
});

describe('toFtsQuery', () => {
  it.each([
    ['lora', 'lora'],
    ['low rank adaptation', 'low rank adaptation'],
    // Spelling variants the dedup counts as one are searched as one: joined, hyphenated, spaced.
    ['low-rank', '("low-rank" OR lowrank)'],
    ['low-rank adaptation', '("low-rank" OR lowrank) AND adaptation'],
    ['finetuning', '(finetuning OR "fine tuning")'],
    ['optimisation', '(optimisation OR optimization)'],
    ['optimization', '(optimization OR optimisation)'],
    ['NOT lora', 'NOT lora'],
    ['NEAR(fine-tuning lora)', 'NEAR( "fine-tuning" lora )'],
    ['GPT-4o', '"GPT-4o"'],
    ['Qwen2.5', '"Qwen2.5"'],
    ['Qwen2', 'Qwen2'],
    ['snake_case', 'snake_case'],
    ['lora*', 'lora*'],
    ['low-rank*', '"low-rank"*'],
    ['"low rank adaptation"', '"low rank adaptation"'],
    ['"low-rank" lora', '"low-rank" lora'],
    ['"unterminated', '"unterminated'],
    ['lora AND qlora', 'lora AND qlora'],
    ['lora OR adapter NOT prompt', 'lora OR adapter NOT prompt'],
    ['lora and qlora', 'lora and qlora'],
    ['(lora OR qlora) NOT adapter', '( lora OR qlora ) NOT adapter'],
    ['NEAR(lora adapter)', 'NEAR( lora adapter )'],
    ['title:lora', 'title:lora'],
    ['Title:LoRA', 'title:LoRA'],
    ['abstract:lora*', 'abstract:lora*'],
    ['title:low-rank', 'title:("low-rank" OR lowrank)'],
    ['TITLE:low-rank*', 'title:"low-rank"*'],
    ['title:"low rank"', 'title: "low rank"'],
    ['title:(lora OR qlora)', 'title: ( lora OR qlora )'],
    ['authors:smith', '"authors:smith"'],
    ['a:b', '"a:b"'],
    ['modèle', 'modèle'],
    ['大模型 训练', '大模型 训练'],
    ['naïve-bayes', '"naïve-bayes"'],
    ['😀', '"😀"'],
    ["x' OR 1=1 --", '"x\'" OR "1=1" "--"'],
    ['c++', '"c++"'],
    ['  spaced   out  ', 'spaced out'],
    ['', '""'],
    [',', '""'],
  ])('%j -> %j', (text, expected) => {
    expect(toFtsQuery(text)).toBe(expected);
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(typeof toFtsQuery(s)).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

  describe('against SQLite FTS5', () => {
    const db = new Database(':memory:');
    db.exec(MIGRATIONS.join(';'));
    const docs = [
      'We adapt LoRA with an adapter module',
      'LoRA and nothing else here, then an adapter far away',
      'Qwen2.5 and GPT-4o under low-rank constraints',
      'Fine-tuning after pre-training',
    ];
    const ins = db.prepare('INSERT INTO papers (id, title, abstract) VALUES (?, ?, ?)');
    docs.forEach((d, i) => ins.run(`p${i}`, `Title ${i}`, d));
    db.exec('INSERT INTO papers_fts(rowid, title, abstract) SELECT rid, title, abstract FROM papers');
    const match = db.prepare<[string], number>('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid').pluck();
    afterAll(() => db.close());

    it.each([
      ['low-rank', [3]],
      ['Qwen2.5', [3]],
      ['GPT-4o', [3]],
      ['lora adapter', [1, 2]],
      ['lora NOT qwen*', [1, 2]],
      ['title:"title 1"', [2]],
      ['abstract:low-rank', [3]],
      ['NEAR(lora adapter)', [1, 2]],
      ['adapt*', [1, 2]],
      ['finetuning', [4]],
      ['fine-tuning', [4]],
      ['pretraining', [4]],
      ['finetuning lora', []],
    ])('%j finds rows %j', (text, rows) => {
      expect(match.all(toFtsQuery(text))).toEqual(rows);
    });

    it('gives a query FTS5 accepts for any words without quotes, parentheses or operators', () => {
      const solid = [
        'a',
        'B',
        '7',
        '-',
        '.',
        "'",
        ':',
        '*',
        '_',
        'é',
        '中',
        '/',
        '+',
        '^',
        '😀',
        '{',
        '}',
        ',',
        '\x7f',
        '@',
        '#',
      ];
      const ch = fc.constantFrom(...solid, '\u00a0', '\u3000', '\t');
      const word = fc.oneof(
        fc.string({ unit: ch, minLength: 1, maxLength: 6 }),
        fc.constantFrom('near', 'and', 'or', 'not'),
        // a column filter followed by something (a bare trailing `title:` is incomplete by any reading)
        fc
          .tuple(
            fc.constantFrom('title:', 'abstract:', 'Title:'),
            fc.string({ unit: fc.constantFrom(...solid), minLength: 1, maxLength: 5 }),
          )
          .map(([c, w]) => c + w),
      );
      fc.assert(
        fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
          const text = words.join(' ');
          const q = toFtsQuery(text);
          // only blank text gives an empty query (and `papers query` drops blank text before this)
          if (q === '') expect(text.trim()).toBe('');
          else expect(() => match.all(q)).not.toThrow();
        }),
        { numRuns: 1000 },
      );
    });

    // Regression (src/filters.ts toFtsQuery): the doc says NEAR passes through, but the distance of
    // `NEAR(a b, N)` does not: 'NEAR(lora adapter, 3)' becomes 'NEAR ( lora "adapter," 3 )', which
    // drops the distance and adds a phrase "3" the document must contain. Expected row 1 (lora and
    // adapter within 3 tokens, as raw FTS5 gives), actual [] (no row has the token "3").
    it.each([
      ['NEAR(lora adapter, 3)', [1]],
      ['NEAR(lora adapter,3)', [1]],
    ])('%j keeps the NEAR distance', (text, rows) => {
      expect(match.all(text)).toEqual(rows); // raw FTS5
      expect(match.all(toFtsQuery(text))).toEqual(rows);
    });
  });
});
