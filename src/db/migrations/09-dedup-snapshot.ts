// The dedup index kept beside the database (issue 18), so a small ingest into a large database
// loads it rather than re-normalising every stored paper (29 s at 1M papers for a day's
// digests). Its bytes are a file next to the database (<db>.dedup: read from a file in 0.3 s at
// 1M papers, against 1.1-1.5 s as a 250 MB blob through SQLite's overflow pages); this row says
// which file content belongs to this database (token) and at which write: the index as it was
// at meta.rev = rev. Papers written after rev are caught up by rev as before, and the ids renamed
// or deleted after it are in dedup_log (kept by triggers, whoever writes: the ingest, the
// decisions, plain SQL), applied first. The log is kept only while a snapshot exists.
export default `
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
  `;
