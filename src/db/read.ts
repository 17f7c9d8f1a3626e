/**
 * Reads: which papers match the filters (one SQL statement built from parameterised parts), and
 * the full paper objects for them, hydrated in batches so a listing of a million papers streams
 * in bounded memory.
 */
import type { Claim, CodeLink, Link, MethodTag, PaperRecord, SightingRef, StoredCodeLink } from '../types.js';
import { toFtsQuery, type ClaimFilter } from '../filters.js';
import { UsageError } from '../errors.js';
import { unitFitSql } from '../extract/metric-units.js';
import { normalizeArxivId } from '../formats/arxiv.js';
import { CLAIM_KINDS, COUNT_CAP, type SORTS } from '../vocabulary.js';
import type { DB } from './open.js';
import { CLAIM_SENTENCE, SIGHTING_TITLE } from './texts.js';
import type { StoredPaper } from './store.js';

// The JSON contract (the paper object and its parts) is in types.ts; re-exported for the readers.
export { PAPER_FIELDS, type PaperRecord, type SightingRef, type StoredCodeLink } from '../types.js';

/** A method filter resolved against the taxonomy: a family, one member of it, or an umbrella of families. */
export interface MethodFilter {
  family: string;
  name: string | null;
  /** An umbrella (`peft`): any of these families. */
  families?: readonly string[];
}

/** The links people use for a paper with an arXiv id (pure). */
export function paperUrls(arxivId: string | null): Pick<PaperRecord, 'url' | 'arxiv_url' | 'pdf_url'> {
  if (!arxivId) return { url: null, arxiv_url: null, pdf_url: null };
  return {
    url: `https://huggingface.co/papers/${arxivId}`,
    arxiv_url: `https://arxiv.org/abs/${arxivId}`,
    pdf_url: `https://arxiv.org/pdf/${arxivId}`,
  };
}

/** Text folded for comparison: lower case, accents dropped ("Müller" = "muller"). */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The SQL condition on a method, for `methods m` rows of one paper, with its parameters. */
export function methodCondition(m: MethodFilter): { sql: string; params: unknown[] } {
  if (m.families) return { sql: `m.family IN (${m.families.map(() => '?').join(',')})`, params: [...m.families] };
  return m.name
    ? { sql: 'm.family = ? AND m.name = ? COLLATE NOCASE', params: [m.family, m.name] }
    : { sql: 'm.family = ?', params: [m.family] };
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
  /** Any part of an author's name, folded (see foldText). */
  author?: string;
  minUpvotes?: number;
  /** Papers whose first sighting is dated on or after (YYYY-MM-DD). */
  firstSeenSince?: string;
  /** Papers with a rid above this mark: those the last ingest created (see db/runs.ts). */
  ridAbove?: number;
  sort?: (typeof SORTS)[number];
  /** 0 = all. */
  limit?: number;
}

/** Claim subjects that name a unit or a kind rather than a metric. */
const CLAIM_UNITS = new Set(['x', 'parameters', 'tokens', 'examples']);
const CLAIM_KIND_SET = new Set<string>(CLAIM_KINDS); // 'parameters' is read as the unit first

/** `NOT lora` alone: FTS5's NOT needs something on its left, so a leading NOT negates the rest. */
export function leadingNot(text: string): string | null {
  const m = /^\s*NOT\s+(\S.*)$/s.exec(text);
  return m ? m[1]! : null;
}

/** Builds the SELECT of matching paper rids, in order. Pure: returns SQL and its parameters. */
export function buildPaperQuery(f: PaperFilters, unordered = false): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'papers p';
  const negated = f.text !== undefined ? leadingNot(f.text) : null;
  if (negated !== null) {
    where.push('p.rid NOT IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?)');
    params.push(toFtsQuery(negated));
  } else if (f.text !== undefined) {
    from = 'papers_fts JOIN papers p ON p.rid = papers_fts.rowid';
    where.push('papers_fts MATCH ?');
    params.push(toFtsQuery(f.text));
  }
  const methods = f.methods ?? [];
  for (const m of methods) {
    const role = f.role ? ' AND m.role = ?' : '';
    const cond = methodCondition(m);
    where.push(`EXISTS (SELECT 1 FROM methods m WHERE m.paper_rid = p.rid AND ${cond.sql}${role})`);
    params.push(...cond.params);
    if (f.role) params.push(f.role);
  }
  if (methods.length === 0 && f.role) {
    where.push('EXISTS (SELECT 1 FROM methods m WHERE m.paper_rid = p.rid AND m.role = ?)');
    params.push(f.role);
  }
  if (f.hasCode) where.push('p.has_code = 1'); // kept by triggers on code_links (migration 4)
  for (const c of f.claims ?? []) {
    // `parameters<1e6` is about parameter counts (a unit), `speedup>2` about what was measured
    // (a metric): a subject that names a unit or a kind compares those claims, any other a metric.
    const column = CLAIM_UNITS.has(c.subject) ? 'c.unit' : CLAIM_KIND_SET.has(c.subject) ? 'c.kind' : 'c.metric';
    // IN, not a correlated EXISTS: the matching claims are found once through their index, then
    // each paper is a lookup. (The planner otherwise searched the metric index once per paper.)
    const collate = column === 'c.kind' ? '' : ' COLLATE NOCASE'; // kinds are lower case; metrics as written ("BLEU")
    // A metric compares only claims in units that fit it: `speedup>2` is about multipliers, not
    // "25% faster" or "17 seconds" (see extract/metric-units.ts).
    const fit = column === 'c.metric' ? unitFitSql(c.subject, 'c.unit') : null;
    where.push(
      `p.rid IN (SELECT c.paper_rid FROM claims c WHERE ${column} = ?${collate} AND c.value ${c.op} ?${fit ? ` AND ${fit.sql}` : ''})`,
    );
    params.push(c.subject, c.value, ...(fit?.params ?? []));
  }
  if (f.author !== undefined) {
    // papers_fold is registered on the connection by findPapers (accents and case dropped).
    where.push(`EXISTS (SELECT 1 FROM json_each(p.authors) a WHERE papers_fold(a.value) LIKE ? ESCAPE '\\')`);
    params.push(`%${foldText(f.author).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  }
  if (f.minUpvotes !== undefined) {
    where.push('p.upvotes >= ?');
    params.push(f.minUpvotes);
  }
  if (f.firstSeenSince !== undefined) {
    where.push('p.first_seen >= ?');
    params.push(f.firstSeenSince);
  }
  if (f.ridAbove !== undefined) {
    where.push('p.rid > ?');
    params.push(f.ridAbove);
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
    // An arXiv id that was a paper's id before a merge is that paper's alias now.
    where.push('(p.arxiv_id = ? OR p.id IN (SELECT paper_id FROM paper_aliases WHERE alias = ?))');
    params.push(f.arxivId, f.arxivId);
  }
  const ranked = f.text !== undefined && negated === null;
  const sort = f.sort ?? (ranked ? 'relevance' : 'date');
  // --sort relevance without a ranked TEXT is refused where the flags are parsed (parseQueryFlags).
  const order = {
    // bm25 weights: a hit in the title counts for more than one in the abstract.
    relevance: 'bm25(papers_fts, 5.0, 1.0), p.rid',
    // DESC puts papers with no date last, and matches the papers_last_seen index, so a LIMIT stops early.
    date: 'p.last_seen DESC, p.rid DESC',
    title: 'p.title COLLATE NOCASE, p.rid',
    claims: '(SELECT count(*) FROM claims c WHERE c.paper_rid = p.rid) DESC, p.rid',
    // Papers without upvotes (most scraped forms have none) last.
    upvotes: 'p.upvotes IS NULL, p.upvotes DESC, p.rid',
  }[sort];
  // Unordered, for counting: without ORDER BY SQLite picks the cheapest plan and a capped count
  // stops early (see findPaperPage).
  const by = unordered ? '' : ` ORDER BY ${order}`;
  let sql = `SELECT p.rid AS rid FROM ${from}${where.length ? ' WHERE ' + where.join(' AND ') : ''}${by}`;
  if (sort === 'relevance' && where.length === 1) {
    // Search text alone: rank in the index without joining papers, which at 1M papers cost a
    // row lookup per match (290 ms against 96 ms for a common phrase).
    sql = `SELECT rowid AS rid FROM papers_fts WHERE papers_fts MATCH ?${unordered ? '' : ' ORDER BY bm25(papers_fts, 5.0, 1.0), rowid'}`;
  }
  if (f.limit) {
    sql += ' LIMIT ?';
    params.push(f.limit);
  }
  return { sql, params };
}

/** The matching papers' rids, and how many matched when the limit cut the list (else null). */
export interface PaperPage {
  rids: number[];
  /** All the matches, or COUNT_CAP + 1 when there are more than COUNT_CAP. */
  total: number | null;
}

/**
 * The rids of the matching papers. One more than the limit is read, so a cut list is known
 * without counting; only then are the matches counted, up to COUNT_CAP. An FTS syntax error in
 * the user's text is a usage error.
 */
export function findPaperPage(db: DB, f: PaperFilters): PaperPage {
  if (!f.limit) return { rids: findPapers(db, f), total: null };
  const rids = findPapers(db, { ...f, limit: f.limit + 1 });
  if (rids.length <= f.limit) return { rids, total: null };
  const { sql, params } = buildPaperQuery({ ...f, limit: 0 }, true);
  const total = run(db, f, () =>
    db
      .prepare(`SELECT count(*) FROM (${sql} LIMIT ${COUNT_CAP + 1})`)
      .pluck()
      .get(...params),
  ) as number;
  return { rids: rids.slice(0, f.limit), total };
}

/** The rids of the matching papers. An FTS syntax error in the user's text is a usage error. */
export function findPapers(db: DB, f: PaperFilters): number[] {
  const { sql, params } = buildPaperQuery(f);
  return run(db, f, () =>
    db
      .prepare(sql)
      .pluck()
      .all(...params),
  ) as number[];
}

function run(db: DB, f: PaperFilters, query: () => unknown): unknown {
  if (f.author !== undefined) db.function('papers_fold', { deterministic: true }, (v: unknown) => foldText(String(v ?? '')));
  try {
    return query();
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
    `SELECT paper_rid, text, start, end_offset AS "end", value, low, high, unit, kind, metric, qualifier, ${CLAIM_SENTENCE} AS sentence
     FROM claims c WHERE paper_rid IN (?) ORDER BY paper_rid, start`,
  );
  const methods = group<MethodTag & { paper_rid: number }>(
    `SELECT paper_rid, family, name, role FROM methods WHERE paper_rid IN (?)
     ORDER BY paper_rid, CASE role WHEN 'proposed' THEN 0 WHEN 'compared' THEN 1 ELSE 2 END, family, name`,
  );
  const sightings = group<SightingRef & { paper_rid: number }>(
    `SELECT s.paper_rid, f.path AS file, s.position, f.digest_date AS date, ${SIGHTING_TITLE} AS title, s.match_rule AS rule, s.match_score AS score,
       s.summary, s.summary_lang, s.text_kind, s.arxiv_version,
       coalesce(s.digest_date, f.digest_date) AS digest_date
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
      ...paperUrls(r.arxiv_id),
      github: gh as StoredCodeLink[],
      links: (links.get(rid) ?? []) as Link[],
      claims: (claims.get(rid) ?? []) as Claim[],
      methods: (methods.get(rid) ?? []) as MethodTag[],
      sightings: (sightings.get(rid) ?? []) as SightingRef[],
    });
  }
  return out;
}

/**
 * A paper as people refer to it: its id, its arXiv id in any spelling (`arXiv:2405.15738`,
 * `2405.15738v2`, an arxiv.org or huggingface.co/papers URL) or a unique prefix of its id (at
 * least 4 characters). Undefined when none matches; a prefix of several ids is a usage error
 * naming them.
 */
export function findPaperRid(db: DB, ref: string): number | undefined {
  const text = ref.trim();
  const exact = db.prepare<[string, string], number>(
    'SELECT rid FROM papers WHERE id = ? OR arxiv_id = ? COLLATE NOCASE LIMIT 1',
  );
  const direct = exact.pluck().get(text, text);
  if (direct !== undefined) return direct;
  const arxiv = normalizeArxivId(text.replace(/^arxiv:\s*/i, ''));
  if (arxiv) {
    const rid = exact.pluck().get(arxiv, arxiv);
    if (rid !== undefined) return rid;
  }
  // An id the paper had before (merged away by a decision, or renamed when its title changed).
  const alias = db
    .prepare<[string], number>('SELECT p.rid FROM paper_aliases a JOIN papers p ON p.id = a.paper_id WHERE a.alias = ?')
    .pluck()
    .get(arxiv ?? text);
  if (alias !== undefined) return alias;
  if (text.length < 4 || /[%_\\]/.test(text)) return undefined;
  const hits = db
    .prepare<[string, string], { rid: number; id: string }>(
      `SELECT rid, id FROM papers WHERE id LIKE ? ESCAPE '\\' OR arxiv_id LIKE ? ESCAPE '\\' ORDER BY id LIMIT 6`,
    )
    .all(`${text}%`, `${text}%`);
  if (hits.length > 1) {
    const shown = hits.slice(0, 5).map((h) => h.id);
    throw new UsageError(`'${ref}' is the start of several ids: ${shown.join(', ')}${hits.length > 5 ? ', ...' : ''}`);
  }
  return hits[0]?.rid;
}
