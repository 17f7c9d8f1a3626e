import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/db/schema.js';
import { openForWrite } from '../../src/db/open.js';
import { hydratePapers } from '../../src/db/read.js';
import { tempDir } from '../helpers.js';

describe('migration 3: per-paper rows point at papers.rid', () => {
  it('carries every sighting and extraction of a v2 database to its paper, and search still works', () => {
    const file = path.join(tempDir(), 'v2.db');
    const old = new Database(file);
    old.exec(MIGRATIONS[0]!);
    old.exec(MIGRATIONS[1]!);
    old.pragma('user_version = 2');
    old.exec(`
      INSERT INTO files (id, path, sha256, size, format, encoding, digest_date, records, ingested_at)
        VALUES (1, 'a.txt', 'x', 1, 'text-spaced', 'utf-8', '2024-05-27', 2, 'now');
      INSERT INTO papers (rid, id, title, abstract) VALUES
        (7, 'paperseven01', 'QLoRA revisited', 'We revisit QLoRA and reach 59.1% accuracy.'),
        (9, 'papernine002', 'Prompt tuning at scale', 'Soft prompts for large models.');
      INSERT INTO papers_fts (rowid, title, abstract) SELECT rid, title, abstract FROM papers;
      INSERT INTO sightings (paper_id, file_id, position, title, abstract, match_rule, match_score) VALUES
        ('papernine002', 1, 1, 'Prompt tuning at scale', '', 'new', 1),
        ('paperseven01', 1, 2, 'QLoRA revisited', '', 'new', 1);
      INSERT INTO claims (paper_id, text, start, "end", value, unit, kind, metric, sentence)
        VALUES ('paperseven01', '59.1%', 30, 35, 59.1, '%', 'percent', 'accuracy', 'We revisit QLoRA and reach 59.1% accuracy.');
      INSERT INTO methods (paper_id, family, name, role) VALUES ('paperseven01', 'lora', 'QLoRA', 'proposed'), ('papernine002', 'prompt-tuning', 'Prompt tuning', 'proposed');
      INSERT INTO code_links (paper_id, url, owner, repo, status, source) VALUES ('paperseven01', 'https://github.com/o/r', 'o', 'r', 'available', 'abstract');
      INSERT INTO links (paper_id, url, kind) VALUES ('papernine002', 'https://example.org', 'project-page');
    `);
    old.close();

    const db = openForWrite(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT paper_id, paper_rid FROM sightings ORDER BY position').raw().all()).toEqual([
      ['papernine002', 9],
      ['paperseven01', 7],
    ]);
    const [seven, nine] = [...hydratePapers(db, [7, 9])];
    expect(seven!.claims.map((c) => c.text)).toEqual(['59.1%']);
    expect(seven!.methods.map((m) => m.name)).toEqual(['QLoRA']);
    expect(seven!.github.map((g) => g.url)).toEqual(['https://github.com/o/r']);
    expect(nine!.links.map((l) => l.url)).toEqual(['https://example.org']);
    expect(nine!.sightings.map((s) => s.position)).toEqual([1]);
    expect(db.prepare("SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'qlora'").pluck().all()).toEqual([7]);
    // Deleting a paper takes its rows with it (ON DELETE CASCADE through paper_rid).
    db.prepare("DELETE FROM papers WHERE id = 'paperseven01'").run();
    for (const t of ['sightings', 'claims', 'methods', 'code_links']) {
      expect(db.prepare(`SELECT count(*) FROM ${t} WHERE paper_id = 'paperseven01'`).pluck().get()).toBe(0);
    }
    db.close();
  });
});
