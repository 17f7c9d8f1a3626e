/**
 * The database schema as ordered migrations. `PRAGMA user_version` records how many have run;
 * opening a database applies the missing ones inside one transaction, and refuses a database
 * written by a newer `papers` (its user_version is past the last migration we know).
 *
 * Append new migrations; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: files, papers, sightings and the full-text index.
  `
  CREATE TABLE files (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,   -- as given on the command line (relative paths stay relative)
    sha256      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    format      TEXT NOT NULL,          -- the reader that split it: text-spaced, hf-api-json, html, ...
    encoding    TEXT NOT NULL,
    digest_date TEXT,                   -- YYYY-MM-DD, or --MM-DD when the page shows no year
    records     INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
  );

  -- One row per distinct paper; title and abstract are the canonical (most complete) copy.
  -- rid is the stable integer key the FTS index needs; id is the public, content-derived id.
  CREATE TABLE papers (
    rid          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    arxiv_id     TEXT UNIQUE,
    title        TEXT NOT NULL,
    abstract     TEXT NOT NULL,
    authors      TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
    upvotes      INTEGER,
    published_at TEXT,
    first_seen   TEXT,                        -- earliest and latest digest date among its sightings
    last_seen    TEXT,
    rev          INTEGER NOT NULL DEFAULT 0   -- the write that last touched it (see meta.rev)
  );
  CREATE INDEX papers_rev ON papers(rev);
  CREATE INDEX papers_last_seen ON papers(last_seen);

  -- One row per appearance of a paper in a file, with the text exactly as read there.
  CREATE TABLE sightings (
    id           INTEGER PRIMARY KEY,
    paper_id     TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE ON UPDATE CASCADE,
    file_id      INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,            -- 1-based order of the record in its file
    title        TEXT NOT NULL,
    abstract     TEXT NOT NULL,
    arxiv_id     TEXT,
    authors      TEXT NOT NULL DEFAULT '[]',
    upvotes      INTEGER,
    published_at TEXT,
    site_repos   TEXT NOT NULL DEFAULT '[]',  -- JSON arrays of URLs the input form gave as fields
    site_links   TEXT NOT NULL DEFAULT '[]',
    match_rule   TEXT NOT NULL,               -- why it joined its paper: new, arxiv-id, exact-title, ...
    match_score  REAL NOT NULL,
    UNIQUE (file_id, position)
  );
  CREATE INDEX sightings_paper ON sightings(paper_id);

  -- The full-text index. Deletes and text changes keep it in sync by trigger; new papers are
  -- added by the ingest in one statement per write batch, just before its commit
  -- (Store.syncFullText), which measured 2.5x faster than a per-row insert trigger.
  CREATE VIRTUAL TABLE papers_fts USING fts5(
    title, abstract, content='papers', content_rowid='rid', tokenize='porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER papers_fts_delete AFTER DELETE ON papers BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, abstract) VALUES ('delete', old.rid, old.title, old.abstract);
  END;
  CREATE TRIGGER papers_fts_update AFTER UPDATE OF title, abstract ON papers
  WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, abstract) VALUES ('delete', old.rid, old.title, old.abstract);
    INSERT INTO papers_fts(rowid, title, abstract) VALUES (new.rid, new.title, new.abstract);
  END;

  -- Small key/value facts about the database itself: meta.rev counts write transactions so a
  -- running ingest can pick up papers another process wrote meanwhile.
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  INSERT INTO meta(key, value) VALUES ('rev', '0');
  `,

  // 2: the extraction tables. Papers stored before them are extracted by the next ingest (see
  // meta.extract_version in ingest/run.ts), since extraction is code, not SQL.
  `
  -- Extractions: derived from a paper's canonical text (and its sightings' site fields), rebuilt
  -- whenever that changes.
  CREATE TABLE code_links (
    paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE ON UPDATE CASCADE,
    url      TEXT NOT NULL,
    owner    TEXT NOT NULL,
    repo     TEXT NOT NULL,
    path     TEXT,
    status   TEXT NOT NULL CHECK (status IN ('available', 'promised')),
    source   TEXT NOT NULL CHECK (source IN ('abstract', 'site'))
  );
  CREATE INDEX code_links_paper ON code_links(paper_id);

  CREATE TABLE links (
    paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE ON UPDATE CASCADE,
    url      TEXT NOT NULL,
    kind     TEXT NOT NULL
  );
  CREATE INDEX links_paper ON links(paper_id);

  CREATE TABLE claims (
    id        INTEGER PRIMARY KEY,
    paper_id  TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE ON UPDATE CASCADE,
    text      TEXT NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    value     REAL NOT NULL,
    low       REAL,
    high      REAL,
    unit      TEXT,
    kind      TEXT NOT NULL,
    metric    TEXT,
    qualifier TEXT,
    sentence  TEXT NOT NULL
  );
  CREATE INDEX claims_paper ON claims(paper_id);
  CREATE INDEX claims_metric ON claims(metric COLLATE NOCASE, value);
  CREATE INDEX claims_unit ON claims(unit COLLATE NOCASE, value);
  CREATE INDEX claims_kind ON claims(kind, value);

  CREATE TABLE methods (
    paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE ON UPDATE CASCADE,
    family   TEXT NOT NULL,
    name     TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('proposed', 'compared', 'used')),
    PRIMARY KEY (paper_id, family, name)
  ) WITHOUT ROWID;
  CREATE INDEX methods_family ON methods(family, name);
  `,

  // 3: the tables of per-paper rows (sightings, extractions) point at their paper by its integer
  // rid, and their indexes are on it. Paper ids are content hashes, random text: an index on them
  // dirtied a page per inserted row wherever it fell, and at 1M papers the ingest wrote 14x the
  // database's size. New papers get increasing rids, so their rows now append. paper_id stays as
  // a copy of the public id, so queries written against the documented columns keep working.
  `
  CREATE TABLE sightings_v3 (
    id           INTEGER PRIMARY KEY,
    paper_id     TEXT NOT NULL,
    file_id      INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    abstract     TEXT NOT NULL,
    arxiv_id     TEXT,
    authors      TEXT NOT NULL DEFAULT '[]',
    upvotes      INTEGER,
    published_at TEXT,
    site_repos   TEXT NOT NULL DEFAULT '[]',
    site_links   TEXT NOT NULL DEFAULT '[]',
    match_rule   TEXT NOT NULL,
    match_score  REAL NOT NULL,
    paper_rid    INTEGER NOT NULL REFERENCES papers(rid) ON DELETE CASCADE,
    UNIQUE (file_id, position)
  );
  INSERT INTO sightings_v3
    SELECT s.id, s.paper_id, s.file_id, s.position, s.title, s.abstract, s.arxiv_id, s.authors, s.upvotes,
           s.published_at, s.site_repos, s.site_links, s.match_rule, s.match_score, p.rid
    FROM sightings s JOIN papers p ON p.id = s.paper_id;
  DROP TABLE sightings;
  ALTER TABLE sightings_v3 RENAME TO sightings;
  CREATE INDEX sightings_paper ON sightings(paper_rid);

  CREATE TABLE code_links_v3 (
    paper_id  TEXT NOT NULL,
    url       TEXT NOT NULL,
    owner     TEXT NOT NULL,
    repo      TEXT NOT NULL,
    path      TEXT,
    status    TEXT NOT NULL CHECK (status IN ('available', 'promised')),
    source    TEXT NOT NULL CHECK (source IN ('abstract', 'site')),
    paper_rid INTEGER NOT NULL REFERENCES papers(rid) ON DELETE CASCADE
  );
  INSERT INTO code_links_v3
    SELECT g.paper_id, g.url, g.owner, g.repo, g.path, g.status, g.source, p.rid
    FROM code_links g JOIN papers p ON p.id = g.paper_id ORDER BY g.rowid;
  DROP TABLE code_links;
  ALTER TABLE code_links_v3 RENAME TO code_links;
  CREATE INDEX code_links_paper ON code_links(paper_rid);

  CREATE TABLE links_v3 (
    paper_id  TEXT NOT NULL,
    url       TEXT NOT NULL,
    kind      TEXT NOT NULL,
    paper_rid INTEGER NOT NULL REFERENCES papers(rid) ON DELETE CASCADE
  );
  INSERT INTO links_v3
    SELECT l.paper_id, l.url, l.kind, p.rid FROM links l JOIN papers p ON p.id = l.paper_id ORDER BY l.rowid;
  DROP TABLE links;
  ALTER TABLE links_v3 RENAME TO links;
  CREATE INDEX links_paper ON links(paper_rid);

  CREATE TABLE claims_v3 (
    id        INTEGER PRIMARY KEY,
    paper_id  TEXT NOT NULL,
    text      TEXT NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    value     REAL NOT NULL,
    low       REAL,
    high      REAL,
    unit      TEXT,
    kind      TEXT NOT NULL,
    metric    TEXT,
    qualifier TEXT,
    sentence  TEXT NOT NULL,
    paper_rid INTEGER NOT NULL REFERENCES papers(rid) ON DELETE CASCADE
  );
  INSERT INTO claims_v3
    SELECT c.id, c.paper_id, c.text, c.start, c."end", c.value, c.low, c.high, c.unit, c.kind, c.metric,
           c.qualifier, c.sentence, p.rid
    FROM claims c JOIN papers p ON p.id = c.paper_id;
  DROP TABLE claims;
  ALTER TABLE claims_v3 RENAME TO claims;
  CREATE INDEX claims_paper ON claims(paper_rid);
  CREATE INDEX claims_metric ON claims(metric COLLATE NOCASE, value);
  CREATE INDEX claims_unit ON claims(unit COLLATE NOCASE, value);
  CREATE INDEX claims_kind ON claims(kind, value);

  CREATE TABLE methods_v3 (
    paper_id  TEXT NOT NULL,
    family    TEXT NOT NULL,
    name      TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('proposed', 'compared', 'used')),
    paper_rid INTEGER NOT NULL REFERENCES papers(rid) ON DELETE CASCADE,
    PRIMARY KEY (paper_rid, family, name)
  ) WITHOUT ROWID;
  INSERT INTO methods_v3
    SELECT m.paper_id, m.family, m.name, m.role, p.rid FROM methods m JOIN papers p ON p.id = m.paper_id;
  DROP TABLE methods;
  ALTER TABLE methods_v3 RENAME TO methods;
  CREATE INDEX methods_family ON methods(family, name);

  -- The ingest re-indexes changed papers itself, in rid order, before each commit (see
  -- Store.syncFullText): this trigger's updates out of rid order made FTS5 flush its pending
  -- terms to a new segment each time.
  DROP TRIGGER papers_fts_update;
  -- A write batch gathers its terms in memory up to this size before writing a segment (default
  -- 1 MB: a 10 MB batch of abstracts made 10 segments, then merged them).
  INSERT INTO papers_fts (papers_fts, rank) VALUES ('hashsize', 16777216);
  -- Merge segments 16 at a time rather than 4: indexing 1M abstracts in 8k-paper transactions
  -- took 23 s instead of 33 s, and a phrase query on the result the same 91 ms.
  INSERT INTO papers_fts (papers_fts, rank) VALUES ('automerge', 16);
  `,

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
  `
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
  `,

  // 5: what each sighting's body text is. A translation, a summary in another language or a page
  // comment is kept in summary (with its language) and never feeds the canonical abstract;
  // text_kind is NULL for sightings stored before this was known. arxiv_version: the vN named.
  `
  ALTER TABLE sightings ADD COLUMN summary TEXT NOT NULL DEFAULT '';
  ALTER TABLE sightings ADD COLUMN summary_lang TEXT;
  ALTER TABLE sightings ADD COLUMN text_kind TEXT CHECK (text_kind IN ('abstract', 'summary', 'comment', 'none'));
  ALTER TABLE sightings ADD COLUMN arxiv_version INTEGER;
  `,

  // Outputs (issue 17): code promises over time, and the memory of the digests made.
  `
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
  `,

  // Records a user can trust and correct (issue 14): the source rank of the canonical title and
  // abstract (see dedup/sources.ts; 0 for papers stored before); every path a file's content was
  // seen at (a file is its content: a moved, renamed or copied file adds no sightings); the ids a
  // paper had before (merged away, or renamed when its canonical title changed); and the user's
  // merge / split / distinct decisions, applied again by every ingest.
  `
  ALTER TABLE papers ADD COLUMN title_rank INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE papers ADD COLUMN abstract_rank INTEGER NOT NULL DEFAULT 0;

  CREATE TABLE file_paths (
    path    TEXT PRIMARY KEY,            -- resolved: absolute, symlinks followed (as given for older rows)
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    seen_at TEXT NOT NULL
  );
  CREATE INDEX file_paths_file ON file_paths(file_id);
  INSERT OR IGNORE INTO file_paths (path, file_id, seen_at) SELECT path, id, ingested_at FROM files;
  CREATE INDEX files_sha256 ON files(sha256);

  CREATE TABLE paper_aliases (
    alias    TEXT PRIMARY KEY,           -- an id the paper was published under
    paper_id TEXT NOT NULL,              -- the paper's id now
    since    TEXT NOT NULL
  );
  CREATE INDEX paper_aliases_paper ON paper_aliases(paper_id);

  CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: "decision 3" means one thing
    kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'distinct')),
    ids        TEXT NOT NULL,            -- JSON array of the paper ids the user named
    sightings  TEXT NOT NULL,            -- JSON array of groups of sighting addresses (see dedup/decisions.ts)
    note       TEXT,
    created_at TEXT NOT NULL
  );
  `,

  // The digest date of a sighting's own part when one file holds several pasted digests, each
  // with its date line (issue 12, form 7); NULL means its file's date applies. Kept so that first
  // and last seen can be recomputed from the sightings left when some are forgotten.
  `
  ALTER TABLE sightings ADD COLUMN digest_date TEXT;
  `,

  // The dedup index kept beside the database (issue 18), so a small ingest into a large database
  // loads it rather than re-normalising every stored paper (29 s at 1M papers for a day's
  // digests). Its bytes are a file next to the database (<db>.dedup: read from a file in 0.3 s at
  // 1M papers, against 1.1-1.5 s as a 250 MB blob through SQLite's overflow pages); this row says
  // which file content belongs to this database (token) and at which write: the index as it was
  // at meta.rev = rev. Papers written after rev are caught up by rev as before, and the ids renamed
  // or deleted after it are in dedup_log (kept by triggers, whoever writes: the ingest, the
  // decisions, plain SQL), applied first. The log is kept only while a snapshot exists.
  `
  CREATE TABLE dedup_snapshot (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    rev     INTEGER NOT NULL,            -- meta.rev the index was caught up to
    log_seq INTEGER NOT NULL,            -- the last dedup_log entry it includes
    format  TEXT NOT NULL,               -- snapshot format and tool version: another one is ignored
    papers  INTEGER NOT NULL,
    token   TEXT NOT NULL,               -- also at the start of the file: another file is ignored
    bytes   INTEGER NOT NULL             -- the file's size
  );
  CREATE TABLE dedup_log (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT, -- increasing even after the log is pruned
    old_id TEXT NOT NULL,
    new_id TEXT                               -- NULL: the paper was deleted
  );
  CREATE TRIGGER papers_dedup_delete AFTER DELETE ON papers
  WHEN EXISTS (SELECT 1 FROM dedup_snapshot) BEGIN
    INSERT INTO dedup_log (old_id, new_id) VALUES (old.id, NULL);
  END;
  CREATE TRIGGER papers_dedup_rename AFTER UPDATE OF id ON papers
  WHEN old.id IS NOT new.id AND EXISTS (SELECT 1 FROM dedup_snapshot) BEGIN
    INSERT INTO dedup_log (old_id, new_id) VALUES (old.id, new.id);
  END;
  `,

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
  `
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
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Indexes that serve queries (claim filters) and none of the ingest's own lookups. An ingest much
 * larger than the database drops them and builds them once at its end: inserting 1.1M claims into
 * them cost 8 s of 11 (random inserts into ever larger indexes), while CREATE INDEX sorts once.
 * Whatever stops an ingest, the next one's end builds any that are missing.
 */
export const QUERY_INDEXES: readonly { name: string; sql: string }[] = [
  { name: 'claims_metric', sql: 'CREATE INDEX IF NOT EXISTS claims_metric ON claims(metric COLLATE NOCASE, value)' },
  { name: 'claims_unit', sql: 'CREATE INDEX IF NOT EXISTS claims_unit ON claims(unit COLLATE NOCASE, value)' },
  { name: 'claims_kind', sql: 'CREATE INDEX IF NOT EXISTS claims_kind ON claims(kind, value)' },
];
