// Write less (issue 18). Most sightings read a paper exactly as its canonical copy holds it, and
// storing that text again was 110 MB of a 360 MB database at 100k papers; a claim's sentence is
// a span of its paper's abstract, and storing it was 25 MB more.
// - sightings.title and .abstract: NULL means "the same as the paper's" (readers take
//   coalesce(s.title, p.title)). A paper's text changes (a better copy, a re-derivation, a
//   decision), so a trigger first writes the old text into the sightings that shared it, and
//   lets go of the new text in those that hold it: whoever updates papers (the ingest, a
//   decision, plain SQL), a sighting keeps reading as it was read. A sighting moved to another
//   paper (a decision) takes its text along the same way.
// - claims.sentence: NULL means the span [sentence_start, sentence_end) of the paper's abstract,
//   counted in characters (code points), as SQLite's substr() and Python count them; the JSON's
//   start and end stay JavaScript string offsets (UTF-16 units), as before. A sentence that is no
//   span of the abstract keeps its text. Extraction is redone whenever the abstract changes; in
//   case a path does not, a trigger writes the sentences out before the abstract goes.
// SQLite cannot drop a NOT NULL with ALTER TABLE, so both tables are rebuilt (as migration 3
// did); the views that name them are dropped first (a RENAME fails while a view names a missing
// table) and made again, claim_list reading the sentence from the abstract.
export default `
  DROP VIEW paper_list;
  DROP VIEW claim_list;

  CREATE TABLE sightings_once (
    id            INTEGER PRIMARY KEY,
    paper_id      TEXT NOT NULL,
    file_id       INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT,                       -- NULL: its paper's title
    abstract      TEXT,                       -- NULL: its paper's abstract
    arxiv_id      TEXT,
    authors       TEXT NOT NULL DEFAULT '[]',
    upvotes       INTEGER,
    published_at  TEXT,
    site_repos    TEXT NOT NULL DEFAULT '[]',
    site_links    TEXT NOT NULL DEFAULT '[]',
    match_rule    TEXT NOT NULL,
    match_score   REAL NOT NULL,
    paper_rid     INTEGER NOT NULL REFERENCES papers(rid) ON DELETE CASCADE,
    summary       TEXT NOT NULL DEFAULT '',
    summary_lang  TEXT,
    text_kind TEXT CHECK (text_kind IN ('abstract', 'summary', 'comment', 'none')),
    arxiv_version INTEGER,
    digest_date   TEXT,
    UNIQUE (file_id, position)
  );
  INSERT INTO sightings_once
    SELECT s.id, s.paper_id, s.file_id, s.position, nullif(s.title, p.title), nullif(s.abstract, p.abstract), s.arxiv_id,
           s.authors, s.upvotes, s.published_at, s.site_repos, s.site_links, s.match_rule, s.match_score, s.paper_rid,
           s.summary, s.summary_lang, s.text_kind, s.arxiv_version, s.digest_date
    FROM sightings s JOIN papers p ON p.rid = s.paper_rid ORDER BY s.id;
  DROP TABLE sightings;
  ALTER TABLE sightings_once RENAME TO sightings;
  CREATE INDEX sightings_paper ON sightings(paper_rid);

  CREATE TRIGGER papers_text_sightings AFTER UPDATE OF title, abstract ON papers
  WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract BEGIN
    UPDATE sightings SET
      title = CASE WHEN old.title IS new.title THEN title WHEN title IS NULL THEN old.title
                   WHEN title = new.title THEN NULL ELSE title END,
      abstract = CASE WHEN old.abstract IS new.abstract THEN abstract WHEN abstract IS NULL THEN old.abstract
                      WHEN abstract = new.abstract THEN NULL ELSE abstract END
    WHERE paper_rid = old.rid
      AND ((old.title IS NOT new.title AND (title IS NULL OR title = new.title))
        OR (old.abstract IS NOT new.abstract AND (abstract IS NULL OR abstract = new.abstract)));
  END;
  CREATE TRIGGER sightings_move_text AFTER UPDATE OF paper_rid ON sightings
  WHEN old.paper_rid IS NOT new.paper_rid AND (new.title IS NULL OR new.abstract IS NULL) BEGIN
    UPDATE sightings SET
      title = coalesce(title, (SELECT p.title FROM papers p WHERE p.rid = old.paper_rid)),
      abstract = coalesce(abstract, (SELECT p.abstract FROM papers p WHERE p.rid = old.paper_rid))
    WHERE id = new.id;
  END;

  CREATE TABLE claims_once (
    id             INTEGER PRIMARY KEY,
    paper_id       TEXT NOT NULL,
    text           TEXT NOT NULL,
    start          INTEGER NOT NULL,
    end_offset     INTEGER NOT NULL,
    value          REAL NOT NULL,
    low            REAL,
    high           REAL,
    unit           TEXT,
    kind           TEXT NOT NULL,
    metric         TEXT,
    qualifier      TEXT,
    sentence       TEXT,                      -- NULL: the abstract's characters [sentence_start, sentence_end)
    paper_rid      INTEGER NOT NULL REFERENCES papers(rid) ON DELETE CASCADE,
    sentence_start INTEGER,
    sentence_end   INTEGER
  );
  -- The first place the sentence occurs in the abstract: wherever it is, the span reads the same.
  INSERT INTO claims_once
    SELECT id, paper_id, text, start, end_offset, value, low, high, unit, kind, metric, qualifier,
           CASE WHEN span THEN NULL ELSE sentence END, paper_rid,
           CASE WHEN span THEN at - 1 END, CASE WHEN span THEN at - 1 + length(sentence) END
    FROM (SELECT c.*, at > 0 AND substr(abstract, at, length(c.sentence)) = c.sentence AS span
          FROM (SELECT c.*, p.abstract, instr(p.abstract, c.sentence) AS at FROM claims c JOIN papers p ON p.rid = c.paper_rid) c)
    ORDER BY id;
  DROP TABLE claims;
  ALTER TABLE claims_once RENAME TO claims;
  CREATE INDEX claims_paper ON claims(paper_rid);
  CREATE INDEX claims_metric ON claims(metric COLLATE NOCASE, value);
  CREATE INDEX claims_unit ON claims(unit COLLATE NOCASE, value);
  CREATE INDEX claims_kind ON claims(kind, value);

  CREATE TRIGGER papers_abstract_claims AFTER UPDATE OF abstract ON papers
  WHEN old.abstract IS NOT new.abstract BEGIN
    UPDATE claims SET sentence = substr(old.abstract, sentence_start + 1, sentence_end - sentence_start)
    WHERE paper_rid = old.rid AND sentence IS NULL;
  END;

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
         c.start, c.end_offset,
         coalesce(c.sentence, substr(p.abstract, c.sentence_start + 1, c.sentence_end - c.sentence_start)) AS sentence
  FROM claims c JOIN papers p ON p.rid = c.paper_rid;
  `;
