// 2: the extraction tables. Papers stored before them are extracted by the next ingest (see
// meta.extract_version in ingest/run.ts), since extraction is code, not SQL.
export default `
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
  `;
