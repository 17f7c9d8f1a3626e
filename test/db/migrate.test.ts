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

describe('the migration for other tools: FTS content="papers", has_code, end_offset, views', () => {
  function v3Database(): string {
    const file = path.join(tempDir(), 'v3.db');
    const old = new Database(file);
    for (const m of MIGRATIONS.slice(0, 3)) old.exec(m);
    old.pragma('user_version = 3');
    old.exec(`
      INSERT INTO files (id, path, sha256, size, format, encoding, digest_date, records, ingested_at)
        VALUES (1, 'a.txt', 'x', 1, 'text-spaced', 'utf-8', '2024-05-27', 2, 'now');
      INSERT INTO papers (rid, id, arxiv_id, title, abstract, first_seen, last_seen) VALUES
        (7, '2405.00007', '2405.00007', 'QLoRA revisited', 'We revisit QLoRA and reach 59.1% accuracy.', '2024-05-27', '2024-05-27'),
        (9, 'papernine002', NULL, 'Prompt tuning at scale', 'Soft prompts for large models.', '2024-05-27', '2024-05-27');
      INSERT INTO papers_fts (rowid, title, abstract) SELECT rid, title, abstract FROM papers;
      INSERT INTO sightings (paper_rid, paper_id, file_id, position, title, abstract, match_rule, match_score) VALUES
        (9, 'papernine002', 1, 1, 'Prompt tuning at scale', '', 'new', 1),
        (7, '2405.00007', 1, 2, 'QLoRA revisited', '', 'new', 1);
      INSERT INTO claims (paper_rid, paper_id, text, start, "end", value, unit, kind, metric, sentence)
        VALUES (7, '2405.00007', '59.1%', 27, 32, 59.1, '%', 'percent', 'accuracy', 'We revisit QLoRA and reach 59.1% accuracy.');
      INSERT INTO methods (paper_rid, paper_id, family, name, role) VALUES (7, '2405.00007', 'lora', 'QLoRA', 'proposed'), (7, '2405.00007', 'lora', 'LoRA', 'compared');
      INSERT INTO code_links (paper_rid, paper_id, url, owner, repo, status, source) VALUES (7, '2405.00007', 'https://github.com/o/r', 'o', 'r', 'available', 'abstract');
    `);
    old.close();
    return file;
  }

  it('keeps every row, searches the rebuilt index, and declares it the way sqlite-utils and datasette detect', () => {
    const db = openForWrite(v3Database());
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'papers_fts'").pluck().get() as string;
    // sqlite-utils' Table.detect_fts and datasette's detect_fts: LIKE '%content="papers"%' or '%content=[papers]%'.
    expect(sql).toContain('content="papers"');
    // datasette's detect_fts_sql (datasette/utils/__init__.py) for a table "papers"; its
    // tbl_name = "papers" written with single quotes, as better-sqlite3 has no double-quoted strings.
    const datasette = `select name from sqlite_master where rootpage = 0 and (
      sql like '%VIRTUAL TABLE%USING FTS%content="papers"%' or sql like '%VIRTUAL TABLE%USING FTS%content=[papers]%'
      or (tbl_name = 'papers' and sql like '%VIRTUAL TABLE%USING FTS%'))`;
    expect(db.prepare(datasette).pluck().all()).toEqual(['papers_fts']);
    expect(db.prepare("SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'qlora'").pluck().all()).toEqual([7]);
    expect(db.prepare("SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'prompts'").pluck().all()).toEqual([9]);
    expect(db.prepare('SELECT start, end_offset FROM claims').raw().get()).toEqual([27, 32]);
    const [seven] = [...hydratePapers(db, [7])];
    expect(seven!.claims[0]).toMatchObject({ start: 27, end: 32 });
    expect(db.prepare('SELECT rid, has_code FROM papers ORDER BY rid').raw().all()).toEqual([
      [7, 1],
      [9, 0],
    ]);
    expect(db.prepare('SELECT url, has_code, methods, github, sightings, claims FROM paper_list WHERE rid = 7').get()).toEqual({
      url: 'https://huggingface.co/papers/2405.00007',
      has_code: 1,
      methods: 'QLoRA (proposed), LoRA (compared)',
      github: 'https://github.com/o/r',
      sightings: 1,
      claims: 1,
    });
    expect(db.prepare('SELECT title, text, end_offset FROM claim_list').get()).toEqual({
      title: 'QLoRA revisited',
      text: '59.1%',
      end_offset: 32,
    });
    db.close();
  });

  it('keeps has_code in step with code_links, whoever writes them', () => {
    const db = openForWrite(v3Database());
    const hasCode = (rid: number) => db.prepare('SELECT has_code FROM papers WHERE rid = ?').pluck().get(rid);
    db.prepare(
      "INSERT INTO code_links (paper_rid, paper_id, url, owner, repo, status, source) VALUES (9, 'papernine002', 'https://github.com/a/b', 'a', 'b', 'promised', 'site')",
    ).run();
    expect(hasCode(9)).toBe(1);
    db.prepare(
      "INSERT INTO code_links (paper_rid, paper_id, url, owner, repo, status, source) VALUES (9, 'papernine002', 'https://github.com/a/c', 'a', 'c', 'available', 'site')",
    ).run();
    db.prepare("DELETE FROM code_links WHERE url = 'https://github.com/a/b'").run();
    expect(hasCode(9)).toBe(1); // one link left
    db.prepare('DELETE FROM code_links WHERE paper_rid = 9').run();
    expect(hasCode(9)).toBe(0);
    db.close();
  });
});
