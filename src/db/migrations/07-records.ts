// Records a user can trust and correct (issue 14): the source rank of the canonical title and
// abstract (see dedup/sources.ts; 0 for papers stored before); every path a file's content was
// seen at (a file is its content: a moved, renamed or copied file adds no sightings); the ids a
// paper had before (merged away, or renamed when its canonical title changed); and the user's
// merge / split / distinct decisions, applied again by every ingest.
export default `
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
  `;
