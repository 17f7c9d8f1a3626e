/**
 * The reads behind the companion listings: claims, links, methods, dupes and stats.
 * Every value from the user is a bound parameter.
 */
import type { Claim, CodeLink } from '../types.js';
import type { MethodFilter } from './read.js';
import type { DB } from './open.js';

/** A claim with the paper it belongs to. */
export interface ClaimRow extends Claim {
  paper_id: string;
  title: string;
}

export interface ClaimQuery {
  metric?: string;
  kind?: string;
  unit?: string;
  min?: number;
  max?: number;
  methods?: MethodFilter[];
  limit: number;
}

export function listClaims(db: DB, q: ClaimQuery): ClaimRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const eq = (col: string, v: string | undefined) => {
    if (v === undefined) return;
    where.push(`${col} = ? COLLATE NOCASE`);
    params.push(v);
  };
  eq('c.metric', q.metric);
  eq('c.kind', q.kind);
  eq('c.unit', q.unit);
  if (q.min !== undefined) {
    where.push('c.value >= ?');
    params.push(q.min);
  }
  if (q.max !== undefined) {
    where.push('c.value <= ?');
    params.push(q.max);
  }
  for (const m of q.methods ?? []) {
    where.push(
      `EXISTS (SELECT 1 FROM methods m WHERE m.paper_rid = c.paper_rid AND m.family = ?${m.name ? ' AND m.name = ? COLLATE NOCASE' : ''})`,
    );
    params.push(m.family);
    if (m.name) params.push(m.name);
  }
  let sql = `SELECT c.paper_id, p.title, c.text, c.start, c."end", c.value, c.low, c.high, c.unit, c.kind, c.metric, c.qualifier, c.sentence
    FROM claims c JOIN papers p ON p.rid = c.paper_rid
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY p.last_seen DESC, p.rid DESC, c.start`;
  if (q.limit) {
    sql += ' LIMIT ?';
    params.push(q.limit);
  }
  return db.prepare<unknown[], ClaimRow>(sql).all(...params);
}

/** A GitHub repository with the paper linking it. */
export interface LinkRow extends CodeLink {
  paper_id: string;
  title: string;
  /** When the repository was first seen promised / available (YYYY-MM-DD), or null. */
  promised_since: string | null;
  available_since: string | null;
}

/**
 * Code links, by status; `seenBy` (YYYY-MM-DD) keeps those in their status since that day or
 * earlier (`links --status promised --older-than 30d`: promises not kept after a month).
 */
export function listLinks(db: DB, status: string | undefined, limit: number, seenBy?: string): LinkRow[] {
  const params: unknown[] = [];
  const where: string[] = [];
  let sql = `SELECT g.paper_id, p.title, g.url, g.owner, g.repo, g.path, g.status, g.source, g.promised_since, g.available_since
    FROM code_links g JOIN papers p ON p.rid = g.paper_rid`;
  if (status) {
    where.push('g.status = ?');
    params.push(status);
  }
  if (seenBy !== undefined) {
    where.push(`(CASE g.status WHEN 'promised' THEN g.promised_since ELSE g.available_since END) <= ?`);
    params.push(seenBy);
  }
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`;
  sql += ' ORDER BY lower(g.owner), lower(g.repo), p.rid';
  if (limit) {
    sql += ' LIMIT ?';
    params.push(limit);
  }
  return db.prepare<unknown[], LinkRow>(sql).all(...params);
}

/** A method (family or member) with how many papers involve it, by role. */
export interface MethodCount {
  family: string;
  name: string;
  papers: number;
  proposed: number;
  compared: number;
  used: number;
}

/** One row per family (name = family, counting distinct papers) followed by its members. */
export function methodCounts(db: DB): MethodCount[] {
  const counts = `count(DISTINCT paper_rid) AS papers,
      count(DISTINCT CASE WHEN role = 'proposed' THEN paper_rid END) AS proposed,
      count(DISTINCT CASE WHEN role = 'compared' THEN paper_rid END) AS compared,
      count(DISTINCT CASE WHEN role = 'used' THEN paper_rid END) AS used`;
  const families = db
    .prepare<[], MethodCount>(
      `SELECT family, family AS name, ${counts} FROM methods GROUP BY family ORDER BY papers DESC, family`,
    )
    .all();
  const members = db
    .prepare<[], MethodCount>(`SELECT family, name, ${counts} FROM methods GROUP BY family, name ORDER BY papers DESC, name`)
    .all();
  const out: MethodCount[] = [];
  for (const f of families) {
    out.push(f);
    for (const m of members) if (m.family === f.family && m.name !== f.family) out.push(m);
  }
  return out;
}

/** A paper and the sightings merged into it, each with the rule and score that placed it. */
export interface DupeGroup {
  paper_id: string;
  title: string;
  count: number;
  sightings: { file: string; position: number; title: string; rule: string; score: number }[];
}

export function listDupeGroups(db: DB, rule: string | undefined, limit: number): DupeGroup[] {
  const params: unknown[] = [];
  let sql = `SELECT p.rid, p.id AS paper_id, p.title, count(*) AS count FROM sightings s JOIN papers p ON p.rid = s.paper_rid
    GROUP BY s.paper_rid HAVING count(*) > 1`;
  if (rule) {
    sql += ' AND sum(s.match_rule = ?) > 0';
    params.push(rule);
  }
  sql += ' ORDER BY count DESC, p.rid';
  if (limit) {
    sql += ' LIMIT ?';
    params.push(limit);
  }
  const members = db.prepare<[number], DupeGroup['sightings'][number]>(
    `SELECT f.path AS file, s.position, s.title, s.match_rule AS rule, s.match_score AS score
     FROM sightings s JOIN files f ON f.id = s.file_id WHERE s.paper_rid = ? ORDER BY s.id`,
  );
  const groups = db.prepare<unknown[], Omit<DupeGroup, 'sightings'> & { rid: number }>(sql).all(...params);
  return groups.map(({ rid, ...g }) => ({ ...g, sightings: members.all(rid) }));
}

/** Counts for `papers stats`: plain numbers, shaped for JSON. */
export interface Stats {
  papers: number;
  sightings: number;
  files: { path: string; format: string; digest_date: string | null; records: number }[];
  dates: { date: string | null; papers: number }[];
  methods: { family: string; papers: number }[];
  claims: { kind: string; claims: number; papers: number }[];
  code: { with_code: number; promised: number; without_code: number };
  match_rules: { rule: string; sightings: number }[];
}

export function collectStats(db: DB): Stats {
  const one = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;
  const papers = one('SELECT count(*) FROM papers');
  const withCode = one('SELECT count(DISTINCT paper_rid) FROM code_links');
  return {
    papers,
    sightings: one('SELECT count(*) FROM sightings'),
    files: db.prepare('SELECT path, format, digest_date, records FROM files ORDER BY path').all() as Stats['files'],
    dates: db
      .prepare(
        `SELECT f.digest_date AS date, count(DISTINCT s.paper_rid) AS papers FROM sightings s JOIN files f ON f.id = s.file_id
         GROUP BY f.digest_date ORDER BY f.digest_date`,
      )
      .all() as Stats['dates'],
    methods: db
      .prepare('SELECT family, count(DISTINCT paper_rid) AS papers FROM methods GROUP BY family ORDER BY papers DESC, family')
      .all() as Stats['methods'],
    claims: db
      .prepare(
        'SELECT kind, count(*) AS claims, count(DISTINCT paper_rid) AS papers FROM claims GROUP BY kind ORDER BY claims DESC',
      )
      .all() as Stats['claims'],
    code: {
      with_code: withCode,
      promised: one(`SELECT count(DISTINCT paper_rid) FROM code_links WHERE status = 'promised'`),
      without_code: papers - withCode,
    },
    match_rules: db
      .prepare('SELECT match_rule AS rule, count(*) AS sightings FROM sightings GROUP BY match_rule ORDER BY sightings DESC')
      .all() as Stats['match_rules'],
  };
}
