/**
 * SQL for the user's decisions (see dedup/decisions.ts): the decisions table, and finding and
 * moving the sightings they name.
 */
import type { Decision, PortableDecision, SightingAddress } from '../dedup/decisions.js';
import type { DB } from './open.js';
import { SIGHTING_ABSTRACT, SIGHTING_TITLE } from './texts.js';
import type { TextKind } from '../types.js';

/** A stored sighting as a decision sees it. */
export interface SightingRow {
  sid: number;
  rid: number;
  paper_id: string;
  title: string;
}

/** A sighting's fields, to re-derive its paper's canonical copy. */
export interface SightingRecordRow {
  title: string;
  abstract: string;
  arxiv_id: string | null;
  authors: string;
  upvotes: number | null;
  published_at: string | null;
  /** What the body text is (NULL: stored before this was known, read as an abstract). */
  text_kind: TextKind | null;
  format: string;
}

interface DecisionRow {
  id: number;
  kind: Decision['kind'];
  ids: string;
  sightings: string;
  note: string | null;
  created_at: string;
}

/** The path a decision records for a file: one it was seen at (resolved), for finding it changed. */
const PATH_OF_FILE = 'coalesce((SELECT min(path) FROM file_paths WHERE file_id = f.id), f.path)';

export class DecisionStore {
  private readonly s;

  constructor(readonly db: DB) {
    const sighting = `SELECT s.id AS sid, s.paper_rid AS rid, s.paper_id, ${SIGHTING_TITLE} AS title FROM sightings s`;
    this.s = {
      list: db.prepare<[], DecisionRow>('SELECT id, kind, ids, sightings, note, created_at FROM decisions ORDER BY id'),
      insert: db.prepare<[string, string, string, string | null, string]>(
        'INSERT INTO decisions (kind, ids, sightings, note, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      delete: db.prepare<[number]>('DELETE FROM decisions WHERE id = ?'),
      byAddress: db.prepare<[string, number], SightingRow>(
        `${sighting} JOIN files f ON f.id = s.file_id WHERE f.sha256 = ? AND s.position = ?`,
      ),
      // A changed file (new content, same path): the sighting with the same title there.
      byPathTitle: db.prepare<[string, string], SightingRow>(
        `${sighting} JOIN file_paths fp ON fp.file_id = s.file_id WHERE fp.path = ? AND ${SIGHTING_TITLE} = ?`,
      ),
      ofPaper: db.prepare<[number], SightingAddress & { sid: number }>(
        `SELECT s.id AS sid, f.sha256, s.position, ${PATH_OF_FILE} AS path, ${SIGHTING_TITLE} AS title
         FROM sightings s JOIN files f ON f.id = s.file_id WHERE s.paper_rid = ? ORDER BY s.id`,
      ),
      atFilePosition: db.prepare<[number, number], SightingAddress & { sid: number }>(
        `SELECT s.id AS sid, f.sha256, s.position, ${PATH_OF_FILE} AS path, ${SIGHTING_TITLE} AS title FROM sightings s JOIN files f ON f.id = s.file_id
         WHERE f.id = ? AND s.position = ?`,
      ),
      filesBySha: db.prepare<[string], number>("SELECT id FROM files WHERE sha256 LIKE ? || '%' ORDER BY id").pluck(),
      // The sighting is where it is by a decision now, not by a match rule.
      move: db.prepare<[number, string, number]>(
        "UPDATE sightings SET paper_rid = ?, paper_id = ?, match_rule = 'decision', match_score = 1 WHERE id = ?",
      ),
      paper: db.prepare<[string], { rid: number; id: string }>('SELECT rid, id FROM papers WHERE id = ?'),
      alias: db.prepare<[string], { rid: number; id: string }>(
        'SELECT p.rid, p.id FROM paper_aliases a JOIN papers p ON p.id = a.paper_id WHERE a.alias = ?',
      ),
      records: db.prepare<[number], SightingRecordRow>(
        `SELECT ${SIGHTING_TITLE} AS title, ${SIGHTING_ABSTRACT} AS abstract, s.arxiv_id, s.authors, s.upvotes, s.published_at, s.text_kind, f.format
         FROM sightings s JOIN files f ON f.id = s.file_id WHERE s.paper_rid = ? ORDER BY s.id`,
      ),
      arxivOwner: db.prepare<[string], string>('SELECT id FROM papers WHERE arxiv_id = ?').pluck(),
    };
  }

  list(): Decision[] {
    return this.s.list.all().map((r) => ({
      id: r.id,
      kind: r.kind,
      ids: JSON.parse(r.ids) as string[],
      groups: JSON.parse(r.sightings) as SightingAddress[][],
      note: r.note,
      created_at: r.created_at,
    }));
  }

  insert(d: PortableDecision): number {
    const info = this.s.insert.run(d.kind, JSON.stringify(d.ids), JSON.stringify(d.groups), d.note, d.created_at);
    return Number(info.lastInsertRowid);
  }

  delete(id: number): boolean {
    return this.s.delete.run(id).changes > 0;
  }

  /** Where a sighting a decision names is now: by its address, else (a changed file) by path and title. */
  find(a: SightingAddress): SightingRow[] {
    const exact = this.s.byAddress.all(a.sha256, a.position);
    if (exact.length > 0 || a.path === '' || a.title === '') return exact;
    return this.s.byPathTitle.all(a.path, a.title);
  }

  /** The sightings of a paper, addressed. */
  sightingsOf(rid: number): (SightingAddress & { sid: number })[] {
    return this.s.ofPaper.all(rid);
  }

  /** The sighting at a position of a stored file. */
  atFilePosition(fileId: number, position: number): (SightingAddress & { sid: number }) | undefined {
    return this.s.atFilePosition.get(fileId, position);
  }

  /** Stored files whose sha256 starts with `prefix`. */
  filesBySha(prefix: string): number[] {
    return this.s.filesBySha.all(prefix.toLowerCase());
  }

  move(sid: number, to: { rid: number; id: string }): void {
    this.s.move.run(to.rid, to.id, sid);
  }

  /** A paper by its id, or by an id it had (an alias). */
  paper(id: string): { rid: number; id: string } | undefined {
    return this.s.paper.get(id) ?? this.s.alias.get(id);
  }

  /** A paper by its current id only. */
  paperNamed(id: string): { rid: number; id: string } | undefined {
    return this.s.paper.get(id);
  }

  /** The sightings of a paper with the fields a canonical copy is made of. */
  records(rid: number): SightingRecordRow[] {
    return this.s.records.all(rid);
  }

  arxivOwner(arxivId: string): string | undefined {
    return this.s.arxivOwner.get(arxivId);
  }
}
