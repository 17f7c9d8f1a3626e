// Outputs (issue 17): code promises over time, and the memory of the digests made.
export default `
  -- When this database first saw a repository promised ("code will be released at ...") and when
  -- it first saw it available, as digest dates (the ingest's date when the file has none).
  -- Extraction rewrites code_links; Store.writeExtraction carries both over by URL.
  ALTER TABLE code_links ADD COLUMN promised_since TEXT;
  ALTER TABLE code_links ADD COLUMN available_since TEXT;
  -- Links stored before this migration: their paper's first digest date is the best we know
  -- (a yearless --MM-DD date is no date to count an age from).
  UPDATE code_links SET
    promised_since  = CASE WHEN status = 'promised' THEN (SELECT p.first_seen FROM papers p WHERE p.rid = paper_rid) END,
    available_since = CASE WHEN status = 'available' THEN (SELECT p.first_seen FROM papers p WHERE p.rid = paper_rid) END
  WHERE (SELECT p.first_seen FROM papers p WHERE p.rid = paper_rid) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]';

  -- Each digest recorded by papers digest (not with --dry-run): when, over which range and
  -- filters, and which papers it showed, so the next one shows only what is new.
  CREATE TABLE digests (
    id      INTEGER PRIMARY KEY,
    made_at TEXT NOT NULL,               -- ISO 8601 time of the run
    since   TEXT,                        -- the date bounds given (YYYY-MM-DD), if any
    until   TEXT,
    filters TEXT NOT NULL DEFAULT '{}',  -- JSON of the query filters given
    format  TEXT NOT NULL,
    title   TEXT NOT NULL
  );
  -- section 'new': shown as a new paper; 'released': shown under "code released".
  -- code_status: the paper's code at the time ('available', 'promised' or NULL for none), which is
  -- how a later digest knows a promise it showed has been kept.
  CREATE TABLE digest_papers (
    digest_id   INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
    paper_id    TEXT NOT NULL,
    section     TEXT NOT NULL CHECK (section IN ('new', 'released')),
    position    INTEGER NOT NULL,
    code_status TEXT,
    PRIMARY KEY (digest_id, paper_id, section)
  ) WITHOUT ROWID;
  CREATE INDEX digest_papers_paper ON digest_papers(paper_id);
  `;
