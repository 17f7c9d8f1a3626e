// The database as other tools see it (sqlite-utils, datasette, plain SQL).
// - The full-text index again, declared content="papers": sqlite-utils (Table.detect_fts) and
//   datasette find a table's index by the text `content="papers"` or `content=[papers]` in its
//   SQL, and content='papers' (single quotes) matched neither, so `sqlite-utils search` failed
//   and datasette offered no search box. Same columns, tokenizer and settings; rebuilt from papers.
// - has_code in papers, kept by triggers on code_links (whoever writes them, the ingest or a
//   later tool), so a plain SELECT or datasette facet can filter on it.
// - claims."end" renamed end_offset: "end" is an SQL keyword and needed quoting in every query.
//   The JSON key stays `end`.
// - Views for browsing: paper_list (one row a paper, its links and methods as text) and
//   claim_list (claims with their paper's title).
export default `
  DROP TABLE papers_fts;
  CREATE VIRTUAL TABLE papers_fts USING fts5(
    title, abstract, content="papers", content_rowid="rid", tokenize='porter unicode61 remove_diacritics 2'
  );
  INSERT INTO papers_fts (papers_fts) VALUES ('rebuild');
  INSERT INTO papers_fts (papers_fts, rank) VALUES ('hashsize', 16777216);
  INSERT INTO papers_fts (papers_fts, rank) VALUES ('automerge', 16);

  ALTER TABLE papers ADD COLUMN has_code INTEGER NOT NULL DEFAULT 0;
  UPDATE papers SET has_code = 1 WHERE rid IN (SELECT paper_rid FROM code_links);
  CREATE TRIGGER code_links_has_code_insert AFTER INSERT ON code_links BEGIN
    UPDATE papers SET has_code = 1 WHERE rid = new.paper_rid AND has_code = 0;
  END;
  CREATE TRIGGER code_links_has_code_delete AFTER DELETE ON code_links BEGIN
    UPDATE papers SET has_code = EXISTS (SELECT 1 FROM code_links g WHERE g.paper_rid = old.paper_rid)
    WHERE rid = old.paper_rid;
  END;

  ALTER TABLE claims RENAME COLUMN "end" TO end_offset;

  CREATE VIEW paper_list AS
  SELECT p.rid, p.id, p.arxiv_id, p.title,
         CASE WHEN p.arxiv_id IS NOT NULL THEN 'https://huggingface.co/papers/' || p.arxiv_id END AS url,
         p.has_code, p.upvotes, p.published_at, p.first_seen, p.last_seen,
         (SELECT group_concat(label, ', ') FROM (
            SELECT m.name || ' (' || m.role || ')' AS label FROM methods m WHERE m.paper_rid = p.rid
            ORDER BY CASE m.role WHEN 'proposed' THEN 0 WHEN 'compared' THEN 1 ELSE 2 END, m.family, m.name)) AS methods,
         (SELECT group_concat(url, ' ') FROM code_links g WHERE g.paper_rid = p.rid) AS github,
         (SELECT count(*) FROM sightings s WHERE s.paper_rid = p.rid) AS sightings,
         (SELECT count(*) FROM claims c WHERE c.paper_rid = p.rid) AS claims
  FROM papers p;

  CREATE VIEW claim_list AS
  SELECT c.id, c.paper_id, p.title, c.text, c.value, c.low, c.high, c.unit, c.kind, c.metric, c.qualifier,
         c.start, c.end_offset, c.sentence
  FROM claims c JOIN papers p ON p.rid = c.paper_rid;
  `;
