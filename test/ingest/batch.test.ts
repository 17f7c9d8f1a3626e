import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openForWrite } from '../../src/db/open.js';
import { WriteBatch } from '../../src/ingest/batch.js';
import { Ingester, isBulk } from '../../src/ingest/run.js';
import { NOT_SEEN, Store } from '../../src/db/store.js';
import { tempDir } from '../helpers.js';

/** A digest as another scraper's JSON, one paper per title. */
function digest(titles: string[]): string {
  return JSON.stringify(
    titles.map((title) => ({
      title,
      abstract: `This paper about ${title.toLowerCase()} studies a problem and reports what it found.`,
    })),
  );
}

function count(db: ReturnType<typeof openForWrite>, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('WriteBatch', () => {
  it('keeps one transaction open across begin() calls until it is due, then commits', () => {
    const db = openForWrite(path.join(tempDir(), 'b.db'));
    const batch = new WriteBatch(db, 60_000);
    batch.begin();
    db.prepare("INSERT INTO meta (key, value) VALUES ('a', '1')").run();
    batch.begin();
    batch.commitIfDue();
    expect(db.inTransaction).toBe(true);
    batch.commit();
    expect(db.inTransaction).toBe(false);
    const due = new WriteBatch(db, 0);
    due.begin();
    due.commitIfDue();
    expect(db.inTransaction).toBe(false);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'a'").pluck().get()).toBe('1');
    db.close();
  });
});

describe('Ingester with batched commits', () => {
  it('stores many files in one batch, each whole, with the same result as one at a time', async () => {
    const dir = tempDir();
    const files = [0, 1, 2, 3].map((i) => {
      const f = path.join(dir, `d${i}.json`);
      fs.writeFileSync(
        f,
        digest([`Sparse adapters for task ${i}`, `Shared paper on low-rank updates`, `Paper ${i} on prompt tuning`]),
      );
      return f;
    });
    const db = openForWrite(path.join(dir, 'a.db'));
    const summary = await new Ingester(db, { jobs: 0 }).run(files);
    expect(db.inTransaction).toBe(false);
    expect(summary).toMatchObject({ files: 4, records: 12, new: 9, duplicates: 3, papers: 9 });
    expect(count(db, 'files')).toBe(4);
    expect(count(db, 'sightings')).toBe(12);
    db.close();
  });

  /** Three files, the second of which the database refuses (a trigger stands in for a full disk). */
  function poisoned(): { dir: string; files: string[]; db: ReturnType<typeof openForWrite> } {
    const dir = tempDir();
    const files = ['a', 'b', 'c'].map((n, i) => {
      const f = path.join(dir, `${n}.json`);
      fs.writeFileSync(f, digest([`First paper of file ${n}`, i === 1 ? 'Poisoned title' : `Second paper of file ${n}`]));
      return f;
    });
    const db = openForWrite(path.join(dir, 'a.db'));
    // A sighting's title is stored NULL when it is its paper's (issue 18): read it as readers do.
    db.exec(`CREATE TRIGGER poison BEFORE INSERT ON sightings
             WHEN coalesce(new.title, (SELECT title FROM papers WHERE rid = new.paper_rid)) = 'Poisoned title'
             BEGIN SELECT RAISE(ABORT, 'poisoned'); END`);
    return { dir, files, db };
  }

  it('a database error in a file keeps the files committed before it, and none of its own', async () => {
    const { files, db } = poisoned();
    await expect(new Ingester(db, { jobs: 0, batchMs: 0 }).run(files)).rejects.toThrow('poisoned');
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT path FROM files').pluck().all()).toEqual([files[0]]);
    expect(db.prepare('SELECT title FROM papers ORDER BY title').pluck().all()).toEqual([
      'First paper of file a',
      'Second paper of file a',
    ]);
    expect(count(db, 'papers_fts')).toBe(2);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('a database error rolls back the whole uncommitted batch (its files were never reported stored)', async () => {
    const { files, db } = poisoned();
    await expect(new Ingester(db, { jobs: 0, batchMs: 60_000 }).run(files)).rejects.toThrow('poisoned');
    expect(db.inTransaction).toBe(false);
    expect(count(db, 'files')).toBe(0);
    expect(count(db, 'papers')).toBe(0);
    expect(count(db, 'sightings')).toBe(0);
    db.close();
  });
});

describe('the full-text index follows every change in a batch', () => {
  const abstract = (topic: string) =>
    `We study ${topic} in depth. Our method improves accuracy by 3.1% on four benchmarks while training far fewer parameters than full fine-tuning, and we release the code.`;
  const write = (f: string, rows: { title: string; abstract: string }[]) => fs.writeFileSync(f, JSON.stringify(rows));
  const matches = (db: ReturnType<typeof openForWrite>, q: string) =>
    db
      .prepare(
        'SELECT p.title FROM papers_fts JOIN papers p ON p.rid = papers_fts.rowid WHERE papers_fts MATCH ? ORDER BY p.title',
      )
      .pluck()
      .all(q);

  it('new papers, a changed title of an older paper and a deleted paper, in one batch', async () => {
    const dir = tempDir();
    const [a, b, c] = ['a.json', 'b.json', 'c.json'].map((n) => path.join(dir, n));
    write(a!, [
      { title: 'Quokka adapters for tiny…', abstract: abstract('quokka adapters') },
      { title: 'Wombat prompts at scale', abstract: abstract('wombat prompts') },
    ]);
    write(b!, [{ title: 'Numbat tuning for speech', abstract: abstract('numbat tuning') }]);
    const db = openForWrite(path.join(dir, 'x.db'));
    await new Ingester(db, { jobs: 0 }).run([a!, b!]);

    // One batch: c creates Bilby and completes Quokka's title (an older paper, re-indexed); the
    // changed a drops Wombat's only sighting (the paper is deleted, with its terms).
    write(c!, [
      { title: 'Quokka adapters for tiny language models', abstract: abstract('quokka adapters') },
      { title: 'Bilby routing for experts', abstract: abstract('bilby routing') },
    ]);
    write(a!, [{ title: 'Quokka adapters for tiny…', abstract: abstract('quokka adapters') }]);
    const summary = await new Ingester(db, { jobs: 0, batchMs: 60_000 }).run([c!, a!]);
    expect(summary.files).toBe(2);

    expect(db.prepare('SELECT title FROM papers ORDER BY title').pluck().all()).toEqual([
      'Bilby routing for experts',
      'Numbat tuning for speech',
      'Quokka adapters for tiny language models',
    ]);
    expect(() => db.exec("INSERT INTO papers_fts (papers_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(matches(db, 'language')).toEqual(['Quokka adapters for tiny language models']);
    expect(matches(db, 'wombat')).toEqual([]);
    expect(matches(db, 'bilby')).toEqual(['Bilby routing for experts']);
    expect(matches(db, 'numbat')).toEqual(['Numbat tuning for speech']);
    expect(matches(db, 'benchmarks')).toHaveLength(3);
    db.close();
  });

  it('a paper whose text changed and which is then deleted, in one transaction, leaves no terms', () => {
    const db = openForWrite(path.join(tempDir(), 'x.db'));
    const store = new Store(db);
    const p = {
      id: 'p1',
      arxiv_id: null,
      title: 'Alpha title',
      abstract: 'Alpha words in an abstract.',
      authors: '[]',
      upvotes: null,
      published_at: null,
      title_rank: 0,
      abstract_rank: 0,
    };
    db.transaction(() => {
      store.insertPapers([p], 1, () => NOT_SEEN);
      store.syncFullText();
    })();
    db.transaction(() => {
      store.updatePaper({ ...p, title: 'Gamma title' }, 2, true, NOT_SEEN);
      store.deletePaper('p1');
      store.syncFullText();
    })();
    expect(() => db.exec("INSERT INTO papers_fts (papers_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(matches(db, 'alpha')).toEqual([]);
    expect(matches(db, 'gamma')).toEqual([]);
    db.close();
  });
});

describe('bulk ingests build the query indexes at their end', () => {
  const indexes = (db: ReturnType<typeof openForWrite>) =>
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'claims_%' ORDER BY name").pluck().all();
  const ALL = ['claims_kind', 'claims_metric', 'claims_paper', 'claims_unit'];

  it('isBulk: large input into a database that holds much less', () => {
    expect(isBulk(100 * 2 ** 20, 0)).toBe(true);
    expect(isBulk(100 * 2 ** 20, 50_000)).toBe(true);
    expect(isBulk(100 * 2 ** 20, 200_000)).toBe(false);
    expect(isBulk(2 ** 20, 0)).toBe(false); // a day's digest
  });

  it('a bulk ingest stores without the query indexes and ends with every index', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'd.json');
    fs.writeFileSync(f, digest(['Paper one on adapters', 'Paper two on prompts']));
    const db = openForWrite(path.join(dir, 'x.db'));
    let during: unknown[] = [];
    await new Ingester(db, { jobs: 0, bulk: true, onProgress: () => (during = indexes(db)) }).run([f]);
    expect(during).toEqual(['claims_paper']);
    expect(indexes(db)).toEqual(ALL);
    db.close();
  });

  it('a bulk ingest builds the full-text index once, at its end, to the same matches', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'd.json');
    fs.writeFileSync(f, digest(['Paper one on adapters', 'Paper two on prompts', 'Paper three on adapters']));
    const search = (db: ReturnType<typeof openForWrite>, term: string) =>
      db.prepare('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid').pluck().all(term);
    const pending = (db: ReturnType<typeof openForWrite>) =>
      db.prepare("SELECT value FROM meta WHERE key = 'fts_rebuild_pending'").pluck().get();
    const bulk = openForWrite(path.join(dir, 'bulk.db'));
    let during: unknown[] = ['not called'];
    let marked: unknown;
    await new Ingester(bulk, {
      jobs: 0,
      bulk: true,
      batchMs: 0,
      onProgress: () => {
        during = search(bulk, 'adapters');
        marked = pending(bulk);
      },
    }).run([f]);
    expect(during).toEqual([]); // committed, not indexed yet
    expect(marked).toBe('1');
    const plain = openForWrite(path.join(dir, 'plain.db'));
    await new Ingester(plain, { jobs: 0, bulk: false }).run([f]);
    expect(search(bulk, 'adapters')).toHaveLength(2);
    expect(search(bulk, 'adapters')).toEqual(search(plain, 'adapters'));
    expect(pending(bulk)).toBeUndefined();
    bulk.close();
    plain.close();
  });

  it('indexes a stopped bulk ingest left out are built by the next ingest', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'd.json');
    fs.writeFileSync(f, digest(['Paper one on adapters']));
    const db = openForWrite(path.join(dir, 'x.db'));
    new Store(db).dropQueryIndexes(); // as a bulk ingest killed mid-way leaves them
    expect(indexes(db)).toEqual(['claims_paper']);
    await new Ingester(db, { jobs: 0, bulk: false }).run([f]);
    expect(indexes(db)).toEqual(ALL);
    db.close();
  });
});
