// 3: the tables of per-paper rows (sightings, extractions) point at their paper by its integer
// rid, and their indexes are on it. Paper ids are content hashes, random text: an index on them
// dirtied a page per inserted row wherever it fell, and at 1M papers the ingest wrote 14x the
// database's size. New papers get increasing rids, so their rows now append. paper_id stays as
// a copy of the public id, so queries written against the documented columns keep working.
export default `
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
  `;
