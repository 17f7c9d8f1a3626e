/**
 * Input files as stored: a file is known by its content (sha256) and remembers every path it was
 * seen at. The bottom layer of the ingest's writes (./store.ts builds papers and sightings on it).
 */
import type { DB } from './open.js';

/** The facts about an input file that identify its content. */
export interface FileFacts {
  path: string;
  sha256: string;
  size: number;
  format: string;
  encoding: string;
  digestDate: string | null;
  records: number;
}

export class FileStore {
  private readonly f;
  /** The digest date of the file being stored (set by insertFile): when its code links were seen. */
  protected fileDate: string | null = null;

  constructor(readonly db: DB) {
    this.f = {
      fileHashes: db.prepare<[], { path: string; sha256: string }>(
        'SELECT p.path, f.sha256 FROM file_paths p JOIN files f ON f.id = p.file_id UNION SELECT path, sha256 FROM files',
      ),
      fileAtPath: db.prepare<[string], { id: number; sha256: string; path: string }>(
        'SELECT f.id, f.sha256, f.path FROM file_paths p JOIN files f ON f.id = p.file_id WHERE p.path = ?',
      ),
      fileBySha: db.prepare<[string], { id: number }>('SELECT id FROM files WHERE sha256 = ? ORDER BY id LIMIT 1'),
      addPath: db.prepare<[string, number, string]>(
        'INSERT OR REPLACE INTO file_paths (path, file_id, seen_at) VALUES (?, ?, ?)',
      ),
      dropPath: db.prepare<[string, number]>('DELETE FROM file_paths WHERE path = ? AND file_id = ?'),
      pathsOf: db.prepare<[number], string>('SELECT path FROM file_paths WHERE file_id = ? ORDER BY path').pluck(),
      renameFile: db.prepare<[string, number]>('UPDATE files SET path = ? WHERE id = ?'),
      sightingsOfFile: db.prepare<[number], number>('SELECT count(*) FROM sightings WHERE file_id = ?').pluck(),
      fileName: db.prepare<[number], string>('SELECT path FROM files WHERE id = ?').pluck(),
      allFiles: db.prepare<[], { id: number; path: string; sha256: string }>('SELECT id, path, sha256 FROM files ORDER BY id'),
      fileByPath: db.prepare<[string], { id: number; sha256: string }>('SELECT id, sha256 FROM files WHERE path = ?'),
      insertFile: db.prepare(
        `INSERT INTO files (path, sha256, size, format, encoding, digest_date, records, ingested_at)
         VALUES (@path, @sha256, @size, @format, @encoding, @digestDate, @records, @ingestedAt)`,
      ),
      deleteFile: db.prepare<[number]>('DELETE FROM files WHERE id = ?'),
      papersOfFile: db.prepare<[number], { paper_id: string }>('SELECT DISTINCT paper_id FROM sightings WHERE file_id = ?'),
    };
  }

  /** Every ingested path with its content hash: unchanged files are skipped without parsing. */
  fileHashes(): Map<string, string> {
    return new Map(this.f.fileHashes.all().map((r) => [r.path, r.sha256]));
  }

  /** The file last seen at a path (resolved, or as given for files stored before paths were resolved). */
  fileAtPath(...paths: string[]): { id: number; sha256: string; path: string } | undefined {
    for (const p of paths) {
      const f = this.f.fileAtPath.get(p) ?? this.f.fileByPath.get(p);
      if (f) return { path: p, ...f };
    }
    return undefined;
  }

  /** A stored file with this content, if any: a file is known by its content. */
  fileBySha(sha256: string): { id: number } | undefined {
    return this.f.fileBySha.get(sha256);
  }

  /** Remembers that a file's content was seen at `path` (a path shows one content: the latest). */
  addPath(fileId: number, path: string): void {
    this.f.addPath.run(path, fileId, new Date().toISOString());
  }

  sightingsOfFile(fileId: number): number {
    return this.f.sightingsOfFile.get(fileId) ?? 0;
  }

  /** Every path a file was seen at. */
  pathsOf(fileId: number): string[] {
    return this.f.pathsOf.all(fileId);
  }

  /** Every stored file (for --prune and forget). */
  allFiles(): { id: number; path: string; sha256: string }[] {
    return this.f.allFiles.all();
  }

  /**
   * The content a path showed is gone from it: forgets those paths of the file. A file left with
   * no path is deleted with its sightings (returns the papers they pointed to, to re-check); one
   * still seen elsewhere stays, named by a path it still has.
   */
  detachPaths(fileId: number, paths: string[]): string[] {
    for (const p of paths) this.f.dropPath.run(p, fileId);
    const left = this.f.pathsOf.all(fileId);
    if (left.length === 0) return this.deleteFile(fileId);
    const named = this.f.fileName.get(fileId);
    if (named === undefined || paths.includes(named)) this.f.renameFile.run(left[0]!, fileId);
    return [];
  }

  /** The stored sha256 of a path, if it was ingested before. */
  fileByPath(path: string): { id: number; sha256: string } | undefined {
    return this.f.fileByPath.get(path);
  }

  /** Forgets a file and its sightings; returns the papers they pointed to (to re-check). */
  deleteFile(fileId: number): string[] {
    const papers = this.f.papersOfFile.all(fileId).map((r) => r.paper_id);
    this.f.deleteFile.run(fileId);
    return papers;
  }

  /** Stores a file's facts and the (resolved) path it was read at. */
  insertFile(f: FileFacts, resolvedPath: string): number {
    // files.path is unique: a file still seen elsewhere that was named by this path takes another name.
    const holder = this.f.fileByPath.get(f.path);
    if (holder) {
      const other = this.f.pathsOf.all(holder.id).find((p) => p !== f.path && p !== resolvedPath);
      this.f.renameFile.run(other ?? `${f.path}#${holder.id}`, holder.id);
    }
    this.fileDate = f.digestDate;
    const info = this.f.insertFile.run({ ...f, ingestedAt: new Date().toISOString() });
    const id = Number(info.lastInsertRowid);
    this.addPath(id, resolvedPath);
    return id;
  }
}
