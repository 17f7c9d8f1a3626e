/**
 * A bulk load's deferred full-text index, brought forward while the ingest waits for files
 * (FullTextQueue.indexSome) and finished at its end: whatever happened between, the index ends
 * holding exactly the papers' text (FTS5's integrity-check against the content table).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openForWrite, type DB } from '../../src/db/open.js';
import { NOT_SEEN, Store } from '../../src/db/store.js';
import { fullTextBehind, setFullTextBehind } from '../../src/db/runs.js';
import { tempDir } from '../helpers.js';

const paper = (n: number, word: string) => ({
  id: `p${n}`,
  arxiv_id: null,
  title: `Paper ${n} on ${word}`,
  abstract: `An abstract about ${word} and other things, number ${n}.`,
  authors: '[]',
  upvotes: null,
  published_at: null,
  title_rank: 0,
  abstract_rank: 0,
});

function setup(): { db: DB; store: Store } {
  const db = openForWrite(path.join(tempDir(), 'x.db'));
  return { db, store: new Store(db) };
}

/** One committed write batch, as the ingest's (syncFullText just before COMMIT). */
function batch(db: DB, store: Store, work: () => void): void {
  db.transaction(() => {
    work();
    store.syncFullText();
  })();
}

function sound(db: DB): void {
  expect(() => db.exec("INSERT INTO papers_fts (papers_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
}

const matches = (db: DB, term: string) =>
  db
    .prepare('SELECT p.id FROM papers_fts f JOIN papers p ON p.rid = f.rowid WHERE papers_fts MATCH ? ORDER BY p.rid')
    .pluck()
    .all(term);

describe('deferred full-text index brought forward while waiting', () => {
  it('indexes stored papers a few at a time, re-indexes those that change, and finishes with the rest', () => {
    const { db, store } = setup();
    store.deferFullText();
    expect(store.fullTextCatchingUp()).toBe(true);
    batch(db, store, () =>
      store.insertPapers(
        [1, 2, 3, 4, 5].map((n) => paper(n, 'alpaca')),
        1,
        () => NOT_SEEN,
      ),
    );
    expect(matches(db, 'alpaca')).toEqual([]); // deferred
    batch(db, store, () => {
      expect(store.indexSomeFullText(2)).toBe(true);
      expect(store.indexSomeFullText(2)).toBe(true);
    });
    expect(matches(db, 'alpaca')).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(fullTextBehind(db)).toBe(true);
    batch(db, store, () => {
      store.updatePaper({ ...paper(2, 'bison') }, 2, true, NOT_SEEN); // indexed: re-indexed at sync
      store.updatePaper({ ...paper(5, 'bison') }, 2, true, NOT_SEEN); // not yet indexed
      store.deletePaper('p3'); // indexed: its delete trigger takes its terms out
      store.insertPapers([paper(6, 'camel')], 2, () => NOT_SEEN);
    });
    // (No integrity check mid-load: papers 5 and 6 are not in the index yet, by design.)
    expect(matches(db, 'bison')).toEqual(['p2']);
    expect(matches(db, 'alpaca')).toEqual(['p1', 'p4']);
    db.transaction(() => expect(store.finishFullText()).toBe(true))();
    sound(db);
    expect(fullTextBehind(db)).toBe(false);
    expect(matches(db, 'alpaca')).toEqual(['p1', 'p4']);
    expect(matches(db, 'bison')).toEqual(['p2', 'p5']);
    expect(matches(db, 'camel')).toEqual(['p6']);
    db.close();
  });

  it('a paper deleted before it was indexed, or a rollback, makes the end rebuild the index', () => {
    for (const mishap of ['delete', 'rollback'] as const) {
      const { db, store } = setup();
      store.deferFullText();
      batch(db, store, () =>
        store.insertPapers(
          [1, 2, 3].map((n) => paper(n, 'dingo')),
          1,
          () => NOT_SEEN,
        ),
      );
      batch(db, store, () => store.indexSomeFullText(1));
      if (mishap === 'delete') {
        batch(db, store, () => store.deletePaper('p3'));
      } else {
        db.exec('BEGIN');
        store.indexSomeFullText(1);
        db.exec('ROLLBACK');
        store.discardFullText();
      }
      expect(store.fullTextCatchingUp()).toBe(false);
      expect(store.indexSomeFullText(10)).toBe(false);
      db.transaction(() => expect(store.finishFullText()).toBe(true))();
      sound(db);
      expect(matches(db, 'dingo')).toEqual(mishap === 'delete' ? ['p1', 'p2'] : ['p1', 'p2', 'p3']);
      db.close();
    }
  });

  it('an index left behind by a load killed earlier is rebuilt whole, not brought forward', () => {
    const { db, store } = setup();
    batch(db, store, () => store.insertPapers([paper(1, 'emu')], 1, () => NOT_SEEN));
    setFullTextBehind(db, true); // as a killed bulk load leaves it
    store.deferFullText();
    expect(store.fullTextCatchingUp()).toBe(false);
    batch(db, store, () => store.insertPapers([paper(2, 'emu')], 2, () => NOT_SEEN));
    db.transaction(() => expect(store.finishFullText()).toBe(true))();
    sound(db);
    expect(matches(db, 'emu')).toEqual(['p1', 'p2']);
    db.close();
  });
});
