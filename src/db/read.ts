/**
 * Reads: which papers match the filters (one SQL statement built from parameterised parts), and
 * the full paper objects for them, hydrated in batches so a listing of a million papers streams
 * in bounded memory.
 */
import type { Claim, CodeLink, Link, MethodTag } from '../types.js';
import { toFtsQuery, type ClaimFilter } from '../filters.js';
import { UsageError } from '../errors.js';
import type { DB } from './open.js';
import type { StoredPaper } from './store.js';

/** A sighting as it appears inside a paper object. */
export interface SightingRef {
  file: string;
  position: number;
  /** The digest date of the file (YYYY-MM-DD, or --MM-DD when the page shows no year). */
  date: string | null;
  title: string;
  rule: string;
  score: number;
}

/** A code link as stored: with when it was first seen promised / available (YYYY-MM-DD or null). */
export interface StoredCodeLink extends CodeLink {
  promised_since?: string | null;
  available_since?: string | null;
}

/** The paper object: the same in `query`, `show` and `export`. Keys are only ever added. */
export interface PaperRecord {
  id: string;
  arxiv_id: string | null;
  title: string;
  abstract: string;
  authors: string[];
  upvotes: number | null;
  published_at: string | null;
  first_seen: string | null;
  last_seen: string | null;
  has_code: boolean;
  github: StoredCodeLink[];
  links: Link[];
  claims: Claim[];
  methods: MethodTag[];
  sightings: SightingRef[];
}

export const PAPER_FIELDS = [
  'id',
  'arxiv_id',
  'title',
  'abstract',
  'authors',
  'upvotes',
  'published_at',
  'first_seen',
  'last_seen',
  'has_code',
  'github',
  'links',
  'claims',
  'methods',
  'sightings',
] as const satisfies readonly (keyof PaperRecord)[];

/** A method filter resolved against the taxonomy: a family, or one member of it. */
export interface MethodFilter {
  family: string;
  name: string | null;
}

export interface PaperFilters {
  text?: string;
  methods?: MethodFilter[];
  role?: string;
  hasCode?: boolean;
  claims?: ClaimFilter[];
  fileGlob?: string;
  since?: string;
  until?: string;
  arxivId?: string;
  sort?: 'relevance' | 'date' | 'title' | 'claims';
  /** 0 = all. */
  limit?: number;
}

/** Claim subjects that name a unit or a kind rather than a metric. */
const CLAIM_UNITS = new Set(['x', 'parameters', 'tokens', 'examples']);
const CLAIM_KINDS = new Set(['percent', 'multiplier', 'count', 'quantity']);

/** Builds the SELECT of matching paper rids, in order. Pure: returns SQL and its parameters. */
export function buildPaperQuery(f: PaperFilters): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'papers p';
  if (f.text !== undefined) {
    from = 'papers_fts JOIN papers p ON p.rid = papers_fts.rowid';
    where.push('papers_fts MATCH ?');
    params.push(toFtsQuery(f.text));
  }
  const methods = f.methods ?? [];
  for (const m of methods) {
    const role = f.role ? ' AND m.role = ?' : '';
    where.push(
      `EXISTS (SELECT 1 FROM methods m WHERE m.paper_rid = p.rid AND m.family = ?${m.name ? ' AND m.name = ? COLLATE NOCASE' : ''}${role})`,
    );
    params.push(m.family);
    if (m.name) params.push(m.name);
    if (f.role) params.push(f.role);
  }
  if (methods.length === 0 && f.role) {
    where.push('EXISTS (SELECT 1 FROM methods m WHERE m.paper_rid = p.rid AND m.role = ?)');
    params.push(f.role);
  }
  if (f.hasCode) where.push('EXISTS (SELECT 1 FROM code_links g WHERE g.paper_rid = p.rid)');
  for (const c of f.claims ?? []) {
    // `parameters<1e6` is about parameter counts (a unit), `speedup>2` about what was measured
    // (a metric): a subject that names a unit or a kind compares those claims, any other a metric.
    const column = CLAIM_UNITS.has(c.subject) ? 'c.unit' : CLAIM_KINDS.has(c.subject) ? 'c.kind' : 'c.metric';
    // IN, not a correlated EXISTS: the matching claims are found once through their index, then
    // each paper is a lookup. (The planner otherwise searched the metric index once per paper.)
    const collate = column === 'c.kind' ? '' : ' COLLATE NOCASE'; // kinds are lower case; metrics as written ("BLEU")
    where.push(`p.rid IN (SELECT c.paper_rid FROM claims c WHERE ${column} = ?${collate} AND c.value ${c.op} ?)`);
    params.push(c.subject, c.value);
  }
  if (f.fileGlob !== undefined || f.since !== undefined || f.until !== undefined) {
    const conds: string[] = [];
    if (f.fileGlob !== undefined) {
      conds.push('(fl.path GLOB ? OR fl.path GLOB ?)');
      params.push(f.fileGlob, `*/${f.fileGlob}`);
    }
    if (f.since !== undefined) {
      conds.push('fl.digest_date >= ?');
      params.push(f.since);
    }
    if (f.until !== undefined) {
      // '0000' excludes yearless dates (--MM-DD), which sort before every dated one.
      conds.push("fl.digest_date >= '0000' AND fl.digest_date <= ?");
      params.push(f.until);
    }
    where.push(
      `EXISTS (SELECT 1 FROM sightings s JOIN files fl ON fl.id = s.file_id WHERE s.paper_rid = p.rid AND ${conds.join(' AND ')})`,
    );
    // A paper seen in the range has last_seen >= since and first_seen <= until: an indexed
    // pre-filter, so a range with few papers does not check every paper's sightings.
    if (f.since !== undefined) {
      where.push('p.last_seen >= ?');
      params.push(f.since);
    }
  }
  if (f.arxivId !== undefined) {
    where.push('p.arxiv_id = ?');
    params.push(f.arxivId);
  }
  const sort = f.sort ?? (f.text !== undefined ? 'relevance' : 'date');
  if (sort === 'relevance' && f.text === undefined) throw new UsageError('--sort relevance needs a search TEXT');
  const order = {
    // bm25 weights: a hit in the title counts for more than one in the abstract.
    relevance: 'bm25(papers_fts, 5.0, 1.0), p.rid',
    // DESC puts papers with no date last, and matches the papers_last_seen index, so a LIMIT stops early.
    date: 'p.last_seen DESC, p.rid DESC',
    title: 'p.title COLLATE NOCASE, p.rid',
    claims: '(SELECT count(*) FROM claims c WHERE c.paper_rid = p.rid) DESC, p.rid',
  }[sort];
  let sql = `SELECT p.rid AS rid FROM ${from}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY ${order}`;
  if (sort === 'relevance' && where.length === 1) {
    // Search text alone: rank in the index without joining papers, which at 1M papers cost a
    // row lookup per match (290 ms against 96 ms for a common phrase).
    sql = `SELECT rowid AS rid FROM papers_fts WHERE papers_fts MATCH ? ORDER BY bm25(papers_fts, 5.0, 1.0), rowid`;
  }
  if (f.limit) {
    sql += ' LIMIT ?';
    params.push(f.limit);
  }
  return { sql, params };
}

/** The rids of the matching papers. An FTS syntax error in the user's text is a usage error. */
export function findPapers(db: DB, f: PaperFilters): number[] {
  const { sql, params } = buildPaperQuery(f);
  try {
    return db
      .prepare(sql)
      .pluck()
      .all(...params) as number[];
  } catch (err) {
    const msg = (err as Error).message;
    if (f.text !== undefined && /fts5|syntax error|unterminated|no such column/i.test(msg)) {
      throw new UsageError(`invalid search text '${f.text}': ${msg} (quote phrases with "...", prefixes end with *)`);
    }
    throw err;
  }
}

const HYDRATE_BATCH = 500;

/**
 * The full paper objects for rids, in the given order, a batch at a time: six queries a batch
 * rather than six a paper.
 */
export function* hydratePapers(db: DB, rids: number[]): Generator<PaperRecord> {
  for (let i = 0; i < rids.length; i += HYDRATE_BATCH) {
    yield* hydrateBatch(db, rids.slice(i, i + HYDRATE_BATCH));
  }
}

interface PaperRow extends StoredPaper {
  first_seen: string | null;
  last_seen: string | null;
}

function hydrateBatch(db: DB, rids: number[]): PaperRecord[] {
  const marks = rids.map(() => '?').join(',');
  const rows = db
    .prepare<number[], PaperRow>(
      `SELECT rid, id, arxiv_id, title, abstract, authors, upvotes, published_at, first_seen, last_seen FROM papers WHERE rid IN (${marks})`,
    )
    .all(...rids);
  const byRid = new Map(rows.map((r) => [r.rid, r]));
  const found = rows.map((r) => r.rid);
  const ridMarks = found.map(() => '?').join(',');
  /** Each paper's rows of one table, by paper rid (the rows' own paper_rid is dropped). */
  const group = <T extends { paper_rid: number }>(sql: string): Map<number, Omit<T, 'paper_rid'>[]> => {
    const out = new Map<number, Omit<T, 'paper_rid'>[]>();
    if (found.length === 0) return out;
    for (const row of db.prepare<number[], T>(sql.replace('(?)', `(${ridMarks})`)).all(...found)) {
      const { paper_rid, ...rest } = row;
      let list = out.get(paper_rid);
      if (!list) out.set(paper_rid, (list = []));
      list.push(rest);
    }
    return out;
  };
  const github = group<CodeLink & { paper_rid: number }>(
    'SELECT paper_rid, url, owner, repo, path, status, source, promised_since, available_since FROM code_links WHERE paper_rid IN (?) ORDER BY rowid',
  );
  const links = group<Link & { paper_rid: number }>(
    'SELECT paper_rid, url, kind FROM links WHERE paper_rid IN (?) ORDER BY rowid',
  );
  const claims = group<Claim & { paper_rid: number }>(
    `SELECT paper_rid, text, start, "end", value, low, high, unit, kind, metric, qualifier, sentence
     FROM claims WHERE paper_rid IN (?) ORDER BY paper_rid, start`,
  );
  const methods = group<MethodTag & { paper_rid: number }>(
    `SELECT paper_rid, family, name, role FROM methods WHERE paper_rid IN (?)
     ORDER BY paper_rid, CASE role WHEN 'proposed' THEN 0 WHEN 'compared' THEN 1 ELSE 2 END, family, name`,
  );
  const sightings = group<SightingRef & { paper_rid: number }>(
    `SELECT s.paper_rid, f.path AS file, s.position, f.digest_date AS date, s.title, s.match_rule AS rule, s.match_score AS score
     FROM sightings s JOIN files f ON f.id = s.file_id WHERE s.paper_rid IN (?) ORDER BY s.paper_rid, f.path, s.position`,
  );
  const out: PaperRecord[] = [];
  for (const rid of rids) {
    const r = byRid.get(rid);
    if (!r) continue;
    const gh = github.get(rid) ?? [];
    out.push({
      id: r.id,
      arxiv_id: r.arxiv_id,
      title: r.title,
      abstract: r.abstract,
      authors: JSON.parse(r.authors) as string[],
      upvotes: r.upvotes,
      published_at: r.published_at,
      first_seen: r.first_seen,
      last_seen: r.last_seen,
      has_code: gh.length > 0,
      github: gh as StoredCodeLink[],
      links: (links.get(rid) ?? []) as Link[],
      claims: (claims.get(rid) ?? []) as Claim[],
      methods: (methods.get(rid) ?? []) as MethodTag[],
      sightings: (sightings.get(rid) ?? []) as SightingRef[],
    });
  }
  return out;
}

/** A paper by its id or its arXiv id. */
export function findPaperRid(db: DB, idOrArxiv: string): number | undefined {
  return db
    .prepare<[string, string], number>('SELECT rid FROM papers WHERE id = ? OR arxiv_id = ? COLLATE NOCASE LIMIT 1')
    .pluck()
    .get(idOrArxiv, idOrArxiv);
}
