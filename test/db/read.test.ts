import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { UsageError } from '../../src/errors.js';
import { parseClaimFilter, toFtsQuery, type ClaimFilter } from '../../src/filters.js';
import { MIGRATIONS } from '../../src/db/schema.js';
import { buildPaperQuery, type PaperFilters } from '../../src/db/read.js';
import { parseQueryFlags, type QueryFlags } from '../../src/commands/query.js';

const HOSTILE = "x' OR 1=1 --";
const claim = (subject: string, op: ClaimFilter['op'], value: number): ClaimFilter => ({ subject, op, value });
const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length;

function freshDb(): Database.Database {
  const db = new Database(':memory:');
  db.exec(MIGRATIONS.join(';'));
  return db;
}

/** Runs the built query and gives the rids. */
function rids(db: Database.Database, f: PaperFilters): number[] {
  const { sql, params } = buildPaperQuery(f);
  return (db.prepare(sql).all(...params) as { rid: number }[]).map((r) => r.rid);
}

describe('buildPaperQuery: user values are bound parameters', () => {
  it.each([
    // filters, the parameter the value must become
    [{ text: HOSTILE }, toFtsQuery(HOSTILE)],
    [{ fileGlob: HOSTILE }, HOSTILE],
    [{ fileGlob: HOSTILE }, `*/${HOSTILE}`],
    [{ arxivId: HOSTILE }, HOSTILE],
    [{ since: HOSTILE }, HOSTILE],
    [{ until: HOSTILE }, HOSTILE],
    [{ role: HOSTILE }, HOSTILE],
    [{ methods: [{ family: HOSTILE, name: null }] }, HOSTILE],
    [{ methods: [{ family: 'lora', name: HOSTILE }] }, HOSTILE],
    [{ methods: [{ family: 'lora', name: null }], role: HOSTILE }, HOSTILE],
    [{ claims: [claim(HOSTILE, '>=', 1)] }, HOSTILE],
    [{ fileGlob: 'what?*' }, 'what?*'],
  ] as [PaperFilters, string][])('%j: the value is a parameter, not SQL text', (f, param) => {
    const { sql, params } = buildPaperQuery(f);
    expect(params).toContain(param);
    expect(sql).not.toContain("x'");
    expect(sql).not.toContain('1=1');
    expect(sql).not.toContain('--');
    expect(sql).not.toContain('what');
    expect(placeholders(sql)).toBe(params.length);
  });

  it('builds the same SQL text whatever the values are (only their presence matters)', () => {
    const str = fc.string({ minLength: 1, maxLength: 12 });
    const subject = fc.oneof(str, fc.constantFrom('x', '%', 'parameters', 'percent', 'count'));
    const filters = fc.record(
      {
        text: str,
        methods: fc.array(fc.record({ family: str, name: fc.option(str, { nil: null }) }), { maxLength: 2 }),
        role: str,
        hasCode: fc.boolean(),
        claims: fc.array(
          fc.record({ subject, op: fc.constantFrom('>', '>=', '<', '<=', '=', '!=' as const), value: fc.double() }),
          { maxLength: 2 },
        ),
        fileGlob: str,
        since: str,
        until: str,
        arxivId: str,
        sort: fc.constantFrom('date', 'title', 'claims' as const),
        limit: fc.integer({ min: 1, max: 1000 }),
      },
      { requiredKeys: [] },
    );
    const blank = (f: PaperFilters): PaperFilters => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(f)) {
        if (typeof v === 'string' && k !== 'sort') out[k] = 'v';
        else if (k === 'methods')
          out[k] = (v as PaperFilters['methods'])!.map((m) => ({ family: 'v', name: m.name === null ? null : 'v' }));
        // the subject picks the column (metric, unit or kind) by design, so it stays
        else if (k === 'claims') out[k] = (v as ClaimFilter[]).map((c) => ({ ...c, value: 1 }));
        else if (k === 'limit') out[k] = 7;
        else out[k] = v;
      }
      return out as PaperFilters;
    };
    fc.assert(
      fc.property(filters, (f) => {
        const built = buildPaperQuery(f);
        const plain = buildPaperQuery(blank(f));
        expect(built.sql).toBe(plain.sql);
        expect(built.params).toHaveLength(plain.params.length);
        expect(placeholders(built.sql)).toBe(built.params.length);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    // claim subject, the column it compares
    ['accuracy', 'c.metric'],
    ['attack success rate', 'c.metric'],
    ['parameters', 'c.unit'],
    ['tokens', 'c.unit'],
    ['examples', 'c.unit'],
    ['x', 'c.unit'],
    ['percent', 'c.kind'],
    ['multiplier', 'c.kind'],
    ['count', 'c.kind'],
    ['quantity', 'c.kind'],
  ])('a claim on %j compares %s', (subject, column) => {
    const { sql, params } = buildPaperQuery({ claims: [claim(subject, '<=', 3)] });
    expect(sql).toMatch(new RegExp(`${column.replace('.', '\\.')} = \\?( COLLATE NOCASE)? AND c\\.value <= \\?`));
    // A metric also keeps only the claims in units that fit it (extract/metric-units.ts).
    expect(params.slice(0, 2)).toEqual([subject, 3]);
    if (column === 'c.metric') expect(params.slice(2)).toEqual(['%', 'pp', 'points']);
    else expect(params).toHaveLength(2);
  });

  it.each([
    // metric, units that fit (bound after the value), whether a bare number fits
    ['speedup', ['x'], true],
    ['accuracy', ['%', 'pp', 'points'], true],
    ['latency', ['ns', 'µs', 'ms', 's', 'min', 'h', 'days', 'GPU hours', 'GPU days'], false],
    ['novelty', [], null],
  ])('a claim on the metric %j keeps the units %j', (metric, units, bare) => {
    const { sql, params } = buildPaperQuery({ claims: [claim(metric, '>', 2)] });
    expect(params.slice(2)).toEqual(units);
    if (bare === null) expect(sql).not.toContain('c.unit');
    else expect(sql.includes('c.unit IS NULL')).toBe(bare);
  });

  it.each(['>', '>=', '<', '<=', '=', '!='])('the operator %s of a parsed claim filter goes into the SQL as itself', (op) => {
    const f = parseClaimFilter(`accuracy ${op} 5`);
    expect(buildPaperQuery({ claims: [f] }).sql).toContain(`c.value ${op} ?`);
  });
});

describe('buildPaperQuery: order and limit', () => {
  it.each([
    [{}, 'ORDER BY p.last_seen DESC, p.rid DESC'],
    [{ text: 'lora' }, 'ORDER BY bm25(papers_fts, 5.0, 1.0), rowid'],
    [{ text: 'lora', hasCode: true }, 'ORDER BY bm25(papers_fts, 5.0, 1.0), p.rid'],
    [{ text: 'lora', sort: 'date' }, 'ORDER BY p.last_seen DESC, p.rid DESC'],
    [{ sort: 'title' }, 'ORDER BY p.title COLLATE NOCASE, p.rid'],
    [{ sort: 'claims' }, 'ORDER BY (SELECT count(*) FROM claims c WHERE c.paper_rid = p.rid) DESC, p.rid'],
    [{ text: 'lora', sort: 'relevance' }, 'ORDER BY bm25(papers_fts, 5.0, 1.0), rowid'],
  ] as [PaperFilters, string][])('%j ends with %s', (f, order) => {
    expect(buildPaperQuery(f).sql.endsWith(order)).toBe(true);
  });

  // Checked where the flags are parsed, before any SQL is built.
  it.each([
    [undefined, {}],
    ['  ', { hasCode: true, limit: '5' }],
    ['NOT lora', {}],
  ] as [string | undefined, QueryFlags][])('%j %j with --sort relevance is a UsageError', (text, flags) => {
    expect(() => parseQueryFlags(text, { ...flags, sort: 'relevance' })).toThrow(UsageError);
    expect(() => parseQueryFlags(text, { ...flags, sort: 'relevance' })).toThrow('--sort relevance needs a search TEXT');
  });

  it.each([
    [{ limit: 0 }, false, []],
    [{}, false, []],
    [{ limit: 1 }, true, [1]],
    [{ limit: 20, arxivId: '2405.15738' }, true, ['2405.15738', '2405.15738', 20]],
  ] as [PaperFilters, boolean, unknown[]][])('%j: LIMIT %s, params %j', (f, limited, params) => {
    const built = buildPaperQuery(f);
    expect(built.sql.includes('LIMIT')).toBe(limited);
    if (limited) expect(built.sql.endsWith(' LIMIT ?')).toBe(true);
    expect(built.params).toEqual(params);
  });

  it('with no filters selects from papers alone, with no WHERE', () => {
    expect(buildPaperQuery({})).toEqual({
      sql: 'SELECT p.rid AS rid FROM papers p ORDER BY p.last_seen DESC, p.rid DESC',
      params: [],
    });
  });

  it('searches through the FTS table only when there is text', () => {
    // Text alone ranks inside the index; with other filters it joins papers.
    expect(buildPaperQuery({ text: 'lora' }).sql).toMatch(/^SELECT rowid AS rid FROM papers_fts WHERE papers_fts MATCH \? /);
    expect(buildPaperQuery({ text: 'lora', hasCode: true }).sql).toMatch(
      /^SELECT p\.rid AS rid FROM papers_fts JOIN papers p ON p\.rid = papers_fts\.rowid WHERE papers_fts MATCH \? /,
    );
    expect(buildPaperQuery({ hasCode: true }).sql).not.toContain('papers_fts');
  });
});

const COMBOS: [string, PaperFilters][] = [
  ['nothing', {}],
  ['text', { text: 'lora' }],
  ['hyphenated text', { text: 'low-rank adaptation' }],
  ['text with operators', { text: '(lora OR qlora) NOT adapter*' }],
  ['column filter', { text: 'title:low-rank' }],
  ['hostile text', { text: HOSTILE }],
  ['method family', { methods: [{ family: 'lora', name: null }] }],
  ['method member', { methods: [{ family: 'lora', name: 'QLoRA' }] }],
  [
    'two methods and a role',
    {
      methods: [
        { family: 'lora', name: null },
        { family: 'adapter', name: 'Adapter' },
      ],
      role: 'proposed',
    },
  ],
  ['role alone', { role: 'compared' }],
  ['has code', { hasCode: true }],
  [
    'claims on metric, unit and kind',
    { claims: [claim('accuracy', '>=', 90), claim('parameters', '<', 1e6), claim('percent', '!=', 1)] },
  ],
  ['file glob', { fileGlob: '*.md' }],
  ['hostile glob', { fileGlob: HOSTILE }],
  ['since', { since: '2024-01-01' }],
  ['until', { until: '2024-12-31' }],
  ['glob and dates', { fileGlob: 'digests/*', since: '2024-01-01', until: '2024-12-31' }],
  ['arxiv id', { arxivId: '2405.15738' }],
  ['hostile arxiv id', { arxivId: HOSTILE }],
  ['sort title', { sort: 'title' }],
  ['sort claims', { sort: 'claims', limit: 5 }],
  ['sort date with text', { text: 'lora', sort: 'date' }],
  [
    'everything',
    {
      text: 'lora adapter',
      methods: [{ family: 'lora', name: 'LoRA' }],
      role: 'used',
      hasCode: true,
      claims: [claim('speedup', '>', 2)],
      fileGlob: '*',
      since: '2024-01',
      until: '2024-12-31',
      arxivId: '2405.15738',
      sort: 'relevance',
      limit: 3,
    },
  ],
];

describe('buildPaperQuery on an empty database', () => {
  const db = freshDb();
  afterAll(() => db.close());

  it.each(COMBOS)('%s: runs and finds nothing', (_name, f) => {
    expect(rids(db, f)).toEqual([]);
  });

  it('any combination of filters is valid SQL', () => {
    const str = fc.string({ maxLength: 8 });
    const filters = fc.record(
      {
        text: fc.constantFrom('lora', 'low-rank', 'Qwen2.5*', '"a phrase"', HOSTILE, 'title:x'),
        methods: fc.array(fc.record({ family: str, name: fc.option(str, { nil: null }) }), { maxLength: 2 }),
        role: str,
        hasCode: fc.boolean(),
        claims: fc.array(
          fc.record({
            subject: str,
            op: fc.constantFrom('>', '>=', '<', '<=', '=', '!=' as const),
            value: fc.double({ noNaN: true }),
          }),
          { maxLength: 2 },
        ),
        fileGlob: str,
        since: str,
        until: str,
        arxivId: str,
        sort: fc.constantFrom('date', 'title', 'claims' as const),
        limit: fc.nat(50),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filters, (f) => {
        expect(rids(db, f)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('buildPaperQuery on a small database', () => {
  const db = freshDb();
  db.exec(`
    INSERT INTO files (id, path, sha256, size, format, encoding, digest_date, records, ingested_at) VALUES
      (1, 'digests/2024-05-01.md', 'a', 1, 'markdown', 'utf-8', '2024-05-01', 1, 'now'),
      (2, 'other/2024-06-10.json', 'b', 1, 'hf-api-json', 'utf-8', '2024-06-10', 1, 'now');
    INSERT INTO papers (rid, id, arxiv_id, title, abstract, first_seen, last_seen) VALUES
      (1, 'p1', '2405.00001', 'LoRA revisited', 'Low-rank updates for fine-tuning large models.', '2024-05-01', '2024-05-01'),
      (2, 'p2', 'hep-th/9901001', 'Adapters everywhere', 'Adapter modules beat full tuning with a 2.3x speedup.', '2024-06-10', '2024-06-10'),
      (3, 'p3', NULL, 'Attention prompts', 'Soft prompts for GPT-4o reach 31 BLEU.', NULL, NULL);
    INSERT INTO papers_fts(rowid, title, abstract) SELECT rid, title, abstract FROM papers;
    INSERT INTO sightings (paper_rid, paper_id, file_id, position, title, abstract, match_rule, match_score) VALUES
      (1, 'p1', 1, 1, 'LoRA revisited', '', 'new', 1),
      (2, 'p2', 2, 1, 'Adapters everywhere', '', 'new', 1);
    INSERT INTO claims (paper_rid, paper_id, text, start, end_offset, value, unit, kind, metric, sentence) VALUES
      (1, 'p1', '90.5%', 0, 5, 90.5, '%', 'percent', 'accuracy', 's'),
      (1, 'p1', '0.5M parameters', 0, 5, 500000, 'parameters', 'parameters', NULL, 's'),
      (2, 'p2', '2.3x', 0, 4, 2.3, 'x', 'multiplier', 'speedup', 's'),
      (3, 'p3', '31', 0, 2, 31, NULL, 'quantity', 'BLEU', 's');
    INSERT INTO methods (paper_rid, paper_id, family, name, role) VALUES
      (1, 'p1', 'lora', 'LoRA', 'proposed'),
      (1, 'p1', 'lora', 'QLoRA', 'used'),
      (2, 'p2', 'adapter', 'Adapter', 'compared');
    INSERT INTO code_links (paper_rid, paper_id, url, owner, repo, status, source) VALUES
      (1, 'p1', 'https://github.com/a/b', 'a', 'b', 'available', 'abstract');
  `);
  afterAll(() => db.close());

  it.each([
    ['nothing: newest digest first, undated last', {}, [2, 1, 3]],
    ['sort title', { sort: 'title' }, [2, 3, 1]],
    ['sort claims', { sort: 'claims' }, [1, 2, 3]],
    ['limit', { limit: 1 }, [2]],
    ['limit 0 is all', { limit: 0 }, [2, 1, 3]],
    ['hyphenated text', { text: 'low-rank' }, [1]],
    ['GPT-4o', { text: 'GPT-4o' }, [3]],
    ['stemmed text', { text: 'adapter' }, [2]],
    ['OR, by date', { text: 'lora OR adapter', sort: 'date' }, [2, 1]],
    ['column filter', { text: 'title:prompts' }, [3]],
    ['column filter misses the abstract', { text: 'title:soft' }, []],
    ['method family', { methods: [{ family: 'lora', name: null }] }, [1]],
    ['method member, any case', { methods: [{ family: 'lora', name: 'qlora' }] }, [1]],
    ['family with role', { methods: [{ family: 'lora', name: null }], role: 'used' }, [1]],
    ['member with another role', { methods: [{ family: 'lora', name: 'LoRA' }], role: 'used' }, []],
    [
      'two methods must both hold',
      {
        methods: [
          { family: 'lora', name: null },
          { family: 'adapter', name: null },
        ],
      },
      [],
    ],
    ['role alone', { role: 'compared' }, [2]],
    ['has code', { hasCode: true }, [1]],
    ['metric claim', { claims: [parseClaimFilter('accuracy>=90')] }, [1]],
    ['metric claim, strict bound', { claims: [parseClaimFilter('accuracy>90.5')] }, []],
    ['unit claim', { claims: [parseClaimFilter('parameters<1e6')] }, [1]],
    ['metric with magnitude', { claims: [parseClaimFilter('speedup > 2x')] }, [2]],
    ['kind claim', { claims: [parseClaimFilter('multiplier>=2')] }, [2]],
    ['two claims must both hold', { claims: [parseClaimFilter('accuracy>=90'), parseClaimFilter('speedup>2')] }, []],
    ['glob on the full path', { fileGlob: 'digests/*' }, [1]],
    ['glob on a file name', { fileGlob: '2024-06-10.json' }, [2]],
    ['glob on an extension', { fileGlob: '*.md' }, [1]],
    ['since', { since: '2024-06-01' }, [2]],
    ['until', { until: '2024-05-31' }, [1]],
    ['since and until on one day', { since: '2024-05-01', until: '2024-05-01' }, [1]],
    ['arxiv id', { arxivId: 'hep-th/9901001' }, [2]],
    ['hostile text', { text: HOSTILE }, []],
    ['hostile glob', { fileGlob: HOSTILE }, []],
    ['hostile arxiv id', { arxivId: HOSTILE }, []],
    [
      'everything on one paper',
      {
        text: 'low-rank',
        methods: [{ family: 'lora', name: 'LoRA' }],
        role: 'proposed',
        hasCode: true,
        claims: [parseClaimFilter('accuracy>=90')],
        fileGlob: '*.md',
        since: '2024-01-01',
        until: '2024-12-31',
        arxivId: '2405.00001',
        limit: 5,
      },
      [1],
    ],
  ] as [string, PaperFilters, number[]][])('%s -> %j', (_name, f, expected) => {
    expect(rids(db, f)).toEqual(expected);
  });

  it('the hostile values left the tables as they were', () => {
    expect(db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(3);
  });

  // Regression (src/filters.ts parseClaimFilter + src/db/read.ts buildPaperQuery): the claim subject is
  // lower-cased, but metrics are stored in their own case ('BLEU', 'F1', 'FID', 'mAP', 'IoU', 'chrF',
  // 'AUC', 'PSNR', 'SSIM', ... in extract/claims-metrics.ts) and the SQL compares `c.metric = ?`
  // without COLLATE NOCASE. Input `--claim 'BLEU>=30'` on a paper with a BLEU claim of 31:
  // expected [3], actual [] (no claim filter on an upper- or mixed-case metric can ever match).
  it.each(['BLEU>=30', 'bleu>=30', 'Bleu > 30'])('%j finds the paper with a BLEU claim', (expr) => {
    expect(rids(db, { claims: [parseClaimFilter(expr)] })).toEqual([3]);
  });
});
