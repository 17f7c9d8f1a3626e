/**
 * The digest memory: which papers each recorded digest showed, and the reads that pick the next
 * digest's papers. A paper shown once as new is never new again (the commonest fault of digest
 * bots is sending the same paper twice); a paper whose code a digest showed as promised comes
 * back once, under "code released", when a repository is linked.
 */
import type { DB } from './open.js';

/** What picks the papers of a digest (the query's filters are applied by the caller, as rids). */
export interface DigestRange {
  /** First seen (digest date) on or after / on or before, YYYY-MM-DD. */
  since?: string;
  until?: string;
  /** Ignore the memory: every paper in range, shown before or not. */
  all: boolean;
}

/** A candidate paper with how many recorded digests showed it as new. */
export interface DigestCandidate {
  rid: number;
  id: string;
  shown: number;
}

/** Papers first seen in the range, not shown as new by any recorded digest (unless `all`). */
export function newPaperCandidates(db: DB, range: DigestRange): DigestCandidate[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (range.since !== undefined) {
    where.push('p.first_seen >= ?');
    params.push(range.since);
  }
  if (range.until !== undefined) {
    // '0000' leaves out yearless dates (--MM-DD), which sort before every dated one.
    where.push("p.first_seen >= '0000' AND p.first_seen <= ?");
    params.push(range.until);
  }
  const shown = `(SELECT count(*) FROM digest_papers d WHERE d.paper_id = p.id AND d.section = 'new')`;
  if (!range.all) where.push(`${shown} = 0`);
  return db
    .prepare<unknown[], DigestCandidate>(
      `SELECT p.rid, p.id, ${shown} AS shown FROM papers p ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.rid`,
    )
    .all(...params);
}

/**
 * Papers a recorded digest showed with code promised that now link an available repository, and
 * (unless `all`) that no digest has yet announced as released.
 */
export function releasedCandidates(db: DB, all: boolean): DigestCandidate[] {
  return db
    .prepare<[], DigestCandidate>(
      `SELECT p.rid, p.id, (SELECT count(*) FROM digest_papers d WHERE d.paper_id = p.id AND d.section = 'new') AS shown
       FROM papers p
       WHERE EXISTS (SELECT 1 FROM digest_papers d WHERE d.paper_id = p.id AND d.code_status = 'promised')
         AND EXISTS (SELECT 1 FROM code_links g WHERE g.paper_rid = p.rid AND g.status = 'available')
         ${all ? '' : `AND NOT EXISTS (SELECT 1 FROM digest_papers d WHERE d.paper_id = p.id AND d.section = 'released')`}
       ORDER BY p.rid`,
    )
    .all();
}

/** A digest as recorded. */
export interface DigestRecordRow {
  id: number;
  made_at: string;
  since: string | null;
  until: string | null;
  filters: string;
  format: string;
  title: string;
  papers: number;
}

/** The last recorded digest, if any. */
export function lastDigest(db: DB): DigestRecordRow | undefined {
  return db
    .prepare<[], DigestRecordRow>(
      `SELECT g.*, (SELECT count(*) FROM digest_papers d WHERE d.digest_id = g.id) AS papers
       FROM digests g ORDER BY g.id DESC LIMIT 1`,
    )
    .get();
}

/** One paper a digest showed. */
export interface ShownPaper {
  paper_id: string;
  section: 'new' | 'released';
  code_status: 'available' | 'promised' | null;
}

/** Records a digest and what it showed; call inside the transaction that chose them. */
export function recordDigest(
  db: DB,
  d: { made_at: string; since: string | null; until: string | null; filters: unknown; format: string; title: string },
  shown: ShownPaper[],
): number {
  const id = Number(
    db
      .prepare('INSERT INTO digests (made_at, since, until, filters, format, title) VALUES (?, ?, ?, ?, ?, ?)')
      .run(d.made_at, d.since, d.until, JSON.stringify(d.filters), d.format, d.title).lastInsertRowid,
  );
  const insert = db.prepare(
    'INSERT OR IGNORE INTO digest_papers (digest_id, paper_id, section, position, code_status) VALUES (?, ?, ?, ?, ?)',
  );
  shown.forEach((s, i) => insert.run(id, s.paper_id, s.section, i + 1, s.code_status));
  return id;
}
