/**
 * Text stored once (issue 18): a sighting's title and abstract are NULL when they are its paper's,
 * and a claim's sentence is a span of the abstract. What every reader sees must not change.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DecisionStore } from '../../src/db/decisions.js';
import { openForWrite, type DB } from '../../src/db/open.js';
import { hydratePapers as hydrateAll } from '../../src/db/read.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/schema.js';
import { characters, SentenceSpans } from '../../src/db/spans.js';
import { Store } from '../../src/db/store.js';
import { extractClaims } from '../../src/extract/claims.js';
import { Ingester } from '../../src/ingest/run.js';
import type { DigestRecord } from '../../src/types.js';
import { tempDir } from '../helpers.js';
import { emptyRecord } from '../../src/formats/reader.js';

const WORDS = 'We study how adapters behave when the model is large and the data is small, and we report what we find';
const FULL = `${WORDS} across twelve benchmarks with careful ablations of every part of the method.`;
const CLIPPED = `${WORDS} across twelve…`;

const hydratePapers = (db: DB, rids: number[]) => [...hydrateAll(db, rids)];

/** A raw row of a table, as stored. */
function raw(db: DB, sql: string, ...params: unknown[]): unknown[][] {
  return db
    .prepare(sql)
    .raw()
    .all(...params) as unknown[][];
}

function record(title: string, abstract: string, position = 1): DigestRecord {
  return { ...emptyRecord(position, title), abstract };
}

/** A store over a fresh database holding one file and one paper (rid returned). */
function storeWithPaper(): { db: DB; store: Store; fileId: number; rid: number } {
  const db = openForWrite(path.join(tempDir(), 'x.db'));
  const store = new Store(db);
  const fileId = store.insertFile(
    { path: 'a.json', sha256: 'aa', size: 1, format: 'hf-api-json', encoding: 'utf-8', digestDate: '2024-05-27', records: 3 },
    '/a.json',
  );
  const paper = {
    id: 'p1',
    arxiv_id: null,
    title: 'Adapters at scale',
    abstract: FULL,
    authors: '[]',
    upvotes: null,
    published_at: null,
    title_rank: 0,
    abstract_rank: 0,
  };
  const [rid] = store.insertPapers([paper as never], 1, () => ({ first: null, last: null }));
  return { db, store, fileId, rid: rid! };
}

describe('a sighting stores its title and abstract only where they differ from its paper', () => {
  // The paper's text is compared in JavaScript when this transaction wrote it, else in SQL.
  it.each([
    ['written in this transaction', false],
    ['written before (syncFullText ends what the store remembers)', true],
  ])('stores NULL for text equal to the canonical copy, and reads it back equal: paper %s', (_name, synced) => {
    const { db, store, fileId, rid } = storeWithPaper();
    if (synced) store.syncFullText();
    store.insertSighting({ id: 'p1', rid }, fileId, record('Adapters at scale', FULL, 1), 'new', 1);
    store.insertSighting({ id: 'p1', rid }, fileId, record('Adapters At Scale', CLIPPED, 2), 'exact-title', 1);
    expect(raw(db, 'SELECT title, abstract FROM sightings ORDER BY position')).toEqual([
      [null, null],
      ['Adapters At Scale', CLIPPED],
    ]);
    expect(store.sightingTexts('p1').map((s) => [s.title, s.abstract])).toEqual([
      ['Adapters at scale', FULL],
      ['Adapters At Scale', CLIPPED],
    ]);
    expect(hydratePapers(db, [rid])[0]!.sightings.map((s) => s.title)).toEqual(['Adapters at scale', 'Adapters At Scale']);
    db.close();
  });

  it('refuses a sighting of a paper that is not stored', () => {
    const { db, store, fileId } = storeWithPaper();
    expect(() => store.insertSighting({ id: 'nope', rid: 999 }, fileId, record('x', 'y'), 'new', 1)).toThrow(/no stored paper/);
    db.close();
  });

  it('writes the old canonical text into the sightings that shared it before the paper changes', () => {
    const { db, store, fileId, rid } = storeWithPaper();
    store.insertSighting({ id: 'p1', rid }, fileId, record('Adapters at scale', FULL, 1), 'new', 1);
    store.insertSighting({ id: 'p1', rid }, fileId, record('Adapters at scale', CLIPPED, 2), 'exact-title', 1);
    store.insertSighting({ id: 'p1', rid }, fileId, record('Adapters At Scale', FULL, 3), 'exact-title', 1);
    const before = hydratePapers(db, [rid])[0]!.sightings;
    const p = store.paper('p1')!;
    // The abstract becomes the clipped one and the title the third sighting's: the first sighting
    // keeps both of its own, the second lets go of its abstract, the third of its title.
    store.updatePaper({ ...p, title: 'Adapters At Scale', abstract: CLIPPED }, 2, true, { first: null, last: null });
    expect(raw(db, 'SELECT title, abstract FROM sightings ORDER BY position')).toEqual([
      ['Adapters at scale', FULL],
      ['Adapters at scale', null],
      [null, FULL],
    ]);
    expect(hydratePapers(db, [rid])[0]!.sightings).toEqual(before);
    // Only the abstract changes (plain SQL, as another tool would): titles stay as stored.
    db.prepare("UPDATE papers SET abstract = 'Something else entirely.' WHERE rid = ?").run(rid);
    expect(raw(db, 'SELECT title, abstract FROM sightings ORDER BY position')).toEqual([
      ['Adapters at scale', FULL],
      ['Adapters at scale', CLIPPED],
      [null, FULL],
    ]);
    expect(store.sightingTexts('p1').map((s) => [s.title, s.abstract])).toEqual([
      ['Adapters at scale', FULL],
      ['Adapters at scale', CLIPPED],
      ['Adapters At Scale', FULL],
    ]);
    db.close();
  });

  it('takes its text along when a decision moves it to another paper', () => {
    const { db, store, fileId, rid } = storeWithPaper();
    store.insertSighting({ id: 'p1', rid }, fileId, record('Adapters at scale', FULL, 1), 'new', 1);
    const [other] = store.insertPapers(
      [
        {
          id: 'p2',
          arxiv_id: null,
          title: 'Other',
          abstract: 'Other.',
          authors: '[]',
          upvotes: null,
          published_at: null,
          title_rank: 0,
          abstract_rank: 0,
        } as never,
      ],
      2,
      () => ({ first: null, last: null }),
    );
    const sid = db.prepare('SELECT id FROM sightings').pluck().get() as number;
    new DecisionStore(db).move(sid, { rid: other!, id: 'p2' });
    expect(raw(db, 'SELECT paper_rid, title, abstract FROM sightings')).toEqual([[other, 'Adapters at scale', FULL]]);
    db.close();
  });
});

describe('the ingest keeps sightings right through canonical changes, forgetting and replacing files', () => {
  const put = (dir: string, name: string, recs: { title: string; abstract: string }[]) => {
    fs.writeFileSync(path.join(dir, name), JSON.stringify(recs));
    return path.join(dir, name);
  };
  const sightings = (db: DB) =>
    hydratePapers(db, db.prepare('SELECT rid FROM papers ORDER BY rid').pluck().all() as number[]).map((p) => ({
      title: p.title,
      abstract: p.abstract,
      sightings: p.sightings.map((s) => [path.basename(s.file), s.title]),
    }));

  it('a better copy arriving, then leaving, leaves every sighting as read', async () => {
    const dir = tempDir();
    const a = put(dir, 'a.json', [{ title: 'Learning To Tune Adapters', abstract: CLIPPED }]);
    const b = put(dir, 'b.json', [{ title: 'Learning to Tune Adapters', abstract: FULL }]);
    const db = openForWrite(path.join(dir, 'x.db'));
    const ingester = new Ingester(db, { jobs: 0 });
    await ingester.run([a]);
    expect(raw(db, 'SELECT title, abstract FROM sightings')).toEqual([[null, null]]);
    await ingester.run([b]);
    // b's copy is the better one: a's sighting got its own text written in first.
    expect(raw(db, 'SELECT title, abstract FROM sightings ORDER BY id')).toEqual([
      ['Learning To Tune Adapters', CLIPPED],
      [null, null],
    ]);
    expect(sightings(db)).toEqual([
      {
        title: 'Learning to Tune Adapters',
        abstract: FULL,
        sightings: [
          ['a.json', 'Learning To Tune Adapters'],
          ['b.json', 'Learning to Tune Adapters'],
        ],
      },
    ]);
    // Forgetting b re-derives the canonical copy from a alone (rebuildCanonical).
    ingester.forgetFiles(ingester.filesAt(b));
    expect(raw(db, 'SELECT title, abstract FROM sightings')).toEqual([[null, null]]);
    expect(sightings(db)).toEqual([
      { title: 'Learning To Tune Adapters', abstract: CLIPPED, sightings: [['a.json', 'Learning To Tune Adapters']] },
    ]);
    db.close();
  });

  it('a file replaced by other content re-derives its papers from what is left', async () => {
    const dir = tempDir();
    const a = put(dir, 'a.json', [{ title: 'Learning To Tune Adapters', abstract: CLIPPED }]);
    const b = put(dir, 'b.json', [{ title: 'Learning to Tune Adapters', abstract: FULL }]);
    const db = openForWrite(path.join(dir, 'x.db'));
    const ingester = new Ingester(db, { jobs: 0 });
    await ingester.run([a, b]);
    put(dir, 'b.json', [{ title: 'Something else about prompts', abstract: `${WORDS} about prompts instead.` }]);
    await ingester.run([b]);
    expect(sightings(db)).toEqual([
      { title: 'Learning To Tune Adapters', abstract: CLIPPED, sightings: [['a.json', 'Learning To Tune Adapters']] },
      {
        title: 'Something else about prompts',
        abstract: `${WORDS} about prompts instead.`,
        sightings: [['b.json', 'Something else about prompts']],
      },
    ]);
    expect(raw(db, 'SELECT count(*) FROM sightings WHERE title IS NOT NULL OR abstract IS NOT NULL')).toEqual([[0]]);
    db.close();
  });
});

describe('a claim sentence stored as a span of the abstract', () => {
  it('counts characters as SQLite does: a character beyond U+FFFF before the claim', async () => {
    const abstract = `🚀 Scaling adapters with 𝒪(n) memory. We reach 91.2% accuracy on ImageNet with 𝒪(1) extra cost. Code is coming.`;
    const expected = extractClaims(abstract);
    expect(expected.map((c) => c.sentence)).toContain('We reach 91.2% accuracy on ImageNet with 𝒪(1) extra cost.');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify([{ title: 'Adapters in linear memory', abstract }]));
    const db = openForWrite(path.join(dir, 'x.db'));
    await new Ingester(db, { jobs: 0 }).run([path.join(dir, 'a.json')]);
    const rid = db.prepare('SELECT rid FROM papers').pluck().get() as number;
    // Stored as a span, not text; read back exactly as extracted, in the JSON and in the view.
    expect(raw(db, 'SELECT count(*), count(sentence) FROM claims')).toEqual([[expected.length, 0]]);
    const claims = hydratePapers(db, [rid])[0]!.claims;
    expect(claims.map((c) => c.sentence)).toEqual(expected.map((c) => c.sentence));
    expect(db.prepare('SELECT sentence FROM claim_list ORDER BY start').pluck().all()).toEqual(expected.map((c) => c.sentence));
    // The span counts the emoji and each 𝒪 as one character, where JavaScript counts two.
    const [start] = raw(db, 'SELECT sentence_start FROM claims ORDER BY start')[0]!;
    expect(start).toBe(characters(abstract, 0, abstract.indexOf('We reach')));
    expect(start).toBe(abstract.indexOf('We reach') - 2); // 🚀 and the first 𝒪 come before it
    db.close();
  });

  it('writes a sentence out when its abstract changes without a new extraction', async () => {
    const dir = tempDir();
    const abstract = `${WORDS}. We reach 91.2% accuracy on ImageNet.`;
    fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify([{ title: 'Adapters in linear memory', abstract }]));
    const db = openForWrite(path.join(dir, 'x.db'));
    await new Ingester(db, { jobs: 0 }).run([path.join(dir, 'a.json')]);
    db.prepare("UPDATE papers SET abstract = 'Gone.'").run();
    expect(db.prepare('SELECT sentence FROM claims').pluck().all()).toEqual(['We reach 91.2% accuracy on ImageNet.']);
    expect(db.prepare('SELECT sentence FROM claim_list').pluck().all()).toEqual(['We reach 91.2% accuracy on ImageNet.']);
    db.close();
  });

  it.each([
    ['plain', 'One. Two 5% here.', 'Two 5% here.', 9, [5, 17]],
    ['astral before', '𝒪 one. Two 5% here.', 'Two 5% here.', 12, [7, 19]],
    ['astral inside', 'One. Two 𝒪 5% here.', 'Two 𝒪 5% here.', 12, [5, 19]],
    ['no span of it', 'One. Two 5% here.', 'Three 5% there.', 9, null],
    ['found later in text only', 'Two 5% here. One.', 'One.', 3, null],
    ['a NUL in the abstract (substr() stops there)', 'One\0. Two 5% here.', 'Two 5% here.', 10, null],
  ])('%s', (_name, abstract, sentence, claimStart, span) => {
    expect(new SentenceSpans(abstract).of(sentence, claimStart)).toEqual(span);
  });

  it('never splits a surrogate pair', () => {
    // The sentence's text occurs only as the second half of a pair plus what follows.
    const abstract = '\u{1D4AA}x';
    expect(new SentenceSpans(abstract).of('\uDCAAx', 1)).toBeNull();
  });
});

describe('migration: text stored once', () => {
  const at = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE sightings_once'));

  it('turns equal sighting texts to NULL and sentences into spans, and every reader sees the same', () => {
    expect(at).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'old.db');
    const old = new Database(file);
    for (const m of MIGRATIONS.slice(0, at)) old.exec(m);
    old.pragma(`user_version = ${at}`);
    const abstract = '𝒪(n) memory suffices. We reach 59.1% accuracy.';
    old.exec(`
      INSERT INTO files (id, path, sha256, size, format, encoding, digest_date, records, ingested_at)
        VALUES (1, 'a.txt', 'x', 1, 'text-spaced', 'utf-8', '2024-05-27', 3, 'now');
      INSERT INTO papers (rid, id, title, abstract) VALUES (7, 'paperseven01', 'QLoRA revisited', '${abstract}');
      INSERT INTO sightings (paper_rid, paper_id, file_id, position, title, abstract, match_rule, match_score, text_kind) VALUES
        (7, 'paperseven01', 1, 1, 'QLoRA revisited', '${abstract}', 'new', 1, 'abstract'),
        (7, 'paperseven01', 1, 2, 'QLoRA Revisited', '${abstract}', 'exact-title', 1, NULL),
        (7, 'paperseven01', 1, 3, 'QLoRA revisited', 'We revisit QLoRA.', 'exact-title', 1, 'abstract');
      INSERT INTO claims (paper_rid, paper_id, text, start, end_offset, value, unit, kind, metric, sentence) VALUES
        (7, 'paperseven01', '59.1%', 32, 37, 59.1, '%', 'percent', 'accuracy', 'We reach 59.1% accuracy.'),
        (7, 'paperseven01', '3', 0, 1, 3, NULL, 'count', NULL, 'A sentence that is not in the abstract.');
    `);
    old.close();

    const db = openForWrite(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(raw(db, 'SELECT position, title, abstract, text_kind FROM sightings ORDER BY position')).toEqual([
      [1, null, null, 'abstract'],
      [2, 'QLoRA Revisited', null, null],
      [3, null, 'We revisit QLoRA.', 'abstract'],
    ]);
    expect(raw(db, 'SELECT sentence, sentence_start, sentence_end FROM claims ORDER BY id')).toEqual([
      [null, 22, 46],
      ['A sentence that is not in the abstract.', null, null],
    ]);
    const after = {
      paper: hydratePapers(db, [7]),
      claimList: db.prepare('SELECT * FROM claim_list ORDER BY start').all(),
      paperList: db.prepare('SELECT * FROM paper_list').all(),
    };
    expect(after.paper[0]!.sightings.map((s) => s.title)).toEqual(['QLoRA revisited', 'QLoRA Revisited', 'QLoRA revisited']);
    expect(after.paper[0]!.claims.map((c) => c.sentence)).toEqual([
      'A sentence that is not in the abstract.',
      'We reach 59.1% accuracy.',
    ]);
    expect(after.claimList.map((c) => (c as { sentence: string }).sentence)).toEqual(
      after.paper[0]!.claims.map((c) => c.sentence),
    );
    expect(after.paperList).toEqual([expect.objectContaining({ rid: 7, sightings: 3, claims: 2 })]);
    // The indexes the old tables had are there again.
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('sightings', 'claims') AND sql IS NOT NULL ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(['claims_kind', 'claims_metric', 'claims_paper', 'claims_unit', 'sightings_paper']);
    db.close();
  });
});
