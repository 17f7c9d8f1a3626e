/**
 * The reads behind the companion listings: claims, links, methods, dupes and stats.
 * Every value from the user is a bound parameter.
 */
import type { Claim, CodeLink } from '../types.js';
import { unitFitSql } from '../extract/metric-units.js';
import { COUNT_CAP } from '../vocabulary.js';
import { methodCondition, type MethodFilter, type SightingRef } from './read.js';
import type { DB } from './open.js';
import { CLAIM_SENTENCE, SIGHTING_TITLE } from './texts.js';

/** A listing cut by --limit: its rows, and how many there were when cut (else null; see COUNT_CAP). */
export interface Page<T> {
  rows: T[];
  total: number | null;
}

/**
 * Runs a listing's SELECT and ORDER BY with its limit (0 = all), reading one row more to know
 * whether the limit cut it, and counting the rows (unordered, up to COUNT_CAP) only then.
 */
export function pageOf<T>(db: DB, sql: string, order: string, params: unknown[], limit: number): Page<T> {
  const ordered = `${sql} ORDER BY ${order}`;
  if (!limit) return { rows: db.prepare<unknown[], T>(ordered).all(...params), total: null };
  const rows = db.prepare<unknown[], T>(`${ordered} LIMIT ?`).all(...params, limit + 1);
  if (rows.length <= limit) return { rows, total: null };
  const total = db
    .prepare(`SELECT count(*) FROM (${sql} LIMIT ${COUNT_CAP + 1})`)
    .pluck()
    .get(...params) as number;
  return { rows: rows.slice(0, limit), total };
}

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

export function listClaims(db: DB, q: ClaimQuery): Page<ClaimRow> {
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
  // A numeric bound on a metric keeps the claims in units that fit it (extract/metric-units.ts).
  const fit = q.metric !== undefined && (q.min !== undefined || q.max !== undefined) ? unitFitSql(q.metric, 'c.unit') : null;
  if (fit) {
    where.push(fit.sql);
    params.push(...fit.params);
  }
  if (q.min !== undefined) {
    where.push('c.value >= ?');
    params.push(q.min);
  }
  if (q.max !== undefined) {
    where.push('c.value <= ?');
    params.push(q.max);
  }
  for (const m of q.methods ?? []) {
    const cond = methodCondition(m);
    where.push(`EXISTS (SELECT 1 FROM methods m WHERE m.paper_rid = c.paper_rid AND ${cond.sql})`);
    params.push(...cond.params);
  }
  const sql = `SELECT c.paper_id, p.title, c.text, c.start, c.end_offset AS "end", c.value, c.low, c.high, c.unit, c.kind, c.metric, c.qualifier, ${CLAIM_SENTENCE} AS sentence
    FROM claims c JOIN papers p ON p.rid = c.paper_rid
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`;
  return pageOf<ClaimRow>(db, sql, 'p.last_seen DESC, p.rid DESC, c.start', params, q.limit);
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
export function listLinks(db: DB, status: string | undefined, limit: number, seenBy?: string): Page<LinkRow> {
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
  return pageOf<LinkRow>(db, sql, 'lower(g.owner), lower(g.repo), p.rid', params, limit);
}

/** A method (umbrella, family or member) with how many papers involve it, by role. */
export interface MethodCount {
  /** `umbrella` (peft: several families), `family` (name = the family's id) or `member`. */
  level: 'umbrella' | 'family' | 'member';
  family: string;
  name: string;
  papers: number;
  proposed: number;
  compared: number;
  used: number;
}

/**
 * One row per umbrella (counting the distinct papers of its families), then one per family
 * (name = family, counting distinct papers) followed by its members.
 */
export function methodCounts(db: DB, umbrellas: Readonly<Record<string, readonly string[]>> = {}): MethodCount[] {
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
  for (const [name, fams] of Object.entries(umbrellas)) {
    const row = db
      .prepare<string[], Omit<MethodCount, 'level' | 'family' | 'name'>>(
        `SELECT ${counts} FROM methods WHERE family IN (${fams.map(() => '?').join(',')})`,
      )
      .get(...fams);
    if (row && row.papers > 0) out.push({ level: 'umbrella', family: name, name, ...row });
  }
  for (const f of families) {
    out.push({ ...f, level: 'family' });
    for (const m of members) if (m.family === f.family && m.name !== f.family) out.push({ ...m, level: 'member' });
  }
  return out;
}

/** A paper and the sightings merged into it, each with the rule and score that placed it. */
export interface DupeGroup {
  paper_id: string;
  title: string;
  count: number;
  /** As in `show`, without the file's date. */
  sightings: Omit<SightingRef, 'date'>[];
}

export function listDupeGroups(db: DB, rule: string | undefined, limit: number): Page<DupeGroup> {
  const params: unknown[] = [];
  let sql = `SELECT p.rid, p.id AS paper_id, p.title, count(*) AS count FROM sightings s JOIN papers p ON p.rid = s.paper_rid
    GROUP BY s.paper_rid HAVING count(*) > 1`;
  if (rule) {
    sql += ' AND sum(s.match_rule = ?) > 0';
    params.push(rule);
  }

  const members = db.prepare<[number], DupeGroup['sightings'][number]>(
    `SELECT f.path AS file, s.position, ${SIGHTING_TITLE} AS title, s.match_rule AS rule, s.match_score AS score,
       s.summary, s.summary_lang, s.text_kind, s.arxiv_version, coalesce(s.digest_date, f.digest_date) AS digest_date
     FROM sightings s JOIN files f ON f.id = s.file_id WHERE s.paper_rid = ? ORDER BY s.id`,
  );
  const groups = pageOf<Omit<DupeGroup, 'sightings'> & { rid: number }>(db, sql, 'count DESC, p.rid', params, limit);
  return { rows: groups.rows.map(({ rid, ...g }) => ({ ...g, sightings: members.all(rid) })), total: groups.total };
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
