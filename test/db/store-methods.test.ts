/**
 * A paper's methods as stored: one row per (family, name). The insert is an upsert (issue 18:
 * INSERT OR REPLACE cost three times as much per row); a repeated tag keeps its last role, as
 * REPLACE did, and a rewrite replaces the old tags.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openForWrite } from '../../src/db/open.js';
import { Store } from '../../src/db/store.js';
import type { Extraction, MethodTag } from '../../src/types.js';
import { tempDir } from '../helpers.js';

function storeWithPaper() {
  const db = openForWrite(path.join(tempDir(), 'm.db'));
  const store = new Store(db);
  store.insertFile(
    { path: 'a.json', sha256: 'aa', size: 1, format: 'hf-api-json', encoding: 'utf-8', digestDate: '2024-05-27', records: 1 },
    '/a.json',
  );
  const paper = { id: 'p1', arxiv_id: null, title: 'LoRA at scale', abstract: 'We use LoRA.', authors: '[]' };
  const [rid] = store.insertPapers([{ ...paper, upvotes: null, published_at: null, title_rank: 0, abstract_rank: 0 }], 1, () => ({
    first: null,
    last: null,
  }));
  return { db, store, key: { id: 'p1', rid: rid! } };
}

const extraction = (methods: MethodTag[]): Extraction => ({ github: [], links: [], claims: [], methods });
const rows = (db: ReturnType<typeof storeWithPaper>['db']) =>
  db.prepare('SELECT paper_id, family, name, role FROM methods ORDER BY family, name').raw().all();

describe('storing methods', () => {
  it('keeps one row per family and name, with the last role given', () => {
    const { db, store, key } = storeWithPaper();
    store.writeExtraction(
      key,
      extraction([
        { family: 'peft', name: 'LoRA', role: 'used' },
        { family: 'peft', name: 'DoRA', role: 'compared' },
        { family: 'peft', name: 'LoRA', role: 'proposed' },
      ]),
      false,
    );
    expect(rows(db)).toEqual([
      ['p1', 'peft', 'DoRA', 'compared'],
      ['p1', 'peft', 'LoRA', 'proposed'],
    ]);
  });

  it('a rewrite replaces the old tags', () => {
    const { db, store, key } = storeWithPaper();
    store.writeExtraction(key, extraction([{ family: 'peft', name: 'LoRA', role: 'used' }]), false);
    store.writeExtraction(key, extraction([{ family: 'rl', name: 'DPO', role: 'proposed' }]), true);
    expect(rows(db)).toEqual([['p1', 'rl', 'DPO', 'proposed']]);
  });
});
