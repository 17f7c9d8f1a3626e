/**
 * Writes: files, papers, sightings and extractions. Every statement is prepared once and
 * parameterised (a title such as `'; DROP TABLE papers; --` is just a title).
 *
 * The unit of work is a write batch of whole input files (ingest/batch.ts): their sightings, the
 * papers they create or improve, and the extractions of those papers commit together or not at
 * all, so a crash or a kill never leaves a half-ingested file behind.
 */
import type { CanonicalPaper, DigestRecord, Extraction, TextKind } from '../types.js';
import type { DB } from './open.js';
import { QUERY_INDEXES } from './schema.js';
import { FileStore } from './files.js';
import { FullTextQueue } from './fullText.js';

export type { FileFacts } from './files.js';
import { promiseDates, sightingDay, type PromiseDates } from '../extract/promises.js';
import { SentenceSpans } from './spans.js';

/** A paper's canonical record as stored (the columns the ingest reads back). */
export interface StoredPaper extends CanonicalPaper {
  rid: number;
}

/** A stored paper's two keys: the public id and the integer rid that rows pointing at it use. */
export interface PaperKey {
  id: string;
  rid: number;
}

/**
 * SET clauses widening a paper's first/last seen to include @first..@last (a null changes
 * nothing): the dates of the paper's sightings in the file being stored.
 */
const SEEN = `
  first_seen = CASE WHEN @first IS NOT NULL AND (first_seen IS NULL OR first_seen > @first) THEN @first ELSE first_seen END,
  last_seen  = CASE WHEN @last IS NOT NULL AND (last_seen IS NULL OR last_seen < @last) THEN @last ELSE last_seen END`;

/**
 * The digest dates a file's sightings of one paper span: one date for most files; the earliest
 * and latest part dates when several digests pasted into one file list the paper.
 */
export interface SeenDates {
  first: string | null;
  last: string | null;
}

/** No date: first/last seen stay as they are (a re-derived paper; touchSeen recomputes them). */
export const NOT_SEEN: SeenDates = { first: null, last: null };

/** The ingest's writes: the files layer below (./files.ts), papers, sightings and extractions here. */
export class Store extends FileStore {
  private readonly s;
  private readonly fullText: FullTextQueue;

  constructor(db: DB) {
    super(db);
    this.fullText = new FullTextQueue(db);
    this.s = {
      renamePaper: [
        'papers SET id = @to WHERE rid = @rid',
        ...['sightings', 'code_links', 'links', 'claims', 'methods'].map((t) => `${t} SET paper_id = @to WHERE paper_rid = @rid`),
      ].map((u) => db.prepare<{ to: string; rid: number }>(`UPDATE ${u}`)),
      aliasTo: db.prepare<{ from: string; to: string; since: string }>(
        'INSERT OR REPLACE INTO paper_aliases (alias, paper_id, since) VALUES (@from, @to, @since)',
      ),
      repointAliases: db.prepare<{ from: string; to: string }>('UPDATE paper_aliases SET paper_id = @to WHERE paper_id = @from'),
      unalias: db.prepare<[string]>('DELETE FROM paper_aliases WHERE alias = ?'),
      paperById: db.prepare<[string], StoredPaper>(
        'SELECT rid, id, arxiv_id, title, abstract, authors, upvotes, published_at, title_rank, abstract_rank FROM papers WHERE id = ?',
      ),
      papersSince: db.prepare<[number], StoredPaper>(
        'SELECT rid, id, arxiv_id, title, abstract, authors, upvotes, published_at, title_rank, abstract_rank FROM papers WHERE rev > ?',
      ),
      insertPaper: db.prepare(
        `INSERT INTO papers (id, arxiv_id, title, abstract, authors, upvotes, published_at, title_rank, abstract_rank,
           first_seen, last_seen, rev)
         VALUES (@id, @arxiv_id, @title, @abstract, @authors, @upvotes, @published_at, @title_rank, @abstract_rank,
           @first, @last, @rev)`,
      ),
      paperCount: db.prepare<[], number>('SELECT count(*) FROM papers').pluck(),
      markSeen: db.prepare<{ id: string; first: string | null; last: string | null; rev: number }>(
        `UPDATE papers SET rev = @rev, ${SEEN} WHERE id = @id`,
      ),
      sightingTexts: db.prepare<[string], { title: string; abstract: string; format: string; textKind?: TextKind }>(
        `SELECT coalesce(s.title, p.title) AS title, coalesce(s.abstract, p.abstract) AS abstract, f.format,
           coalesce(s.text_kind, 'abstract') AS textKind
         FROM papers p JOIN sightings s ON s.paper_rid = p.rid JOIN files f ON f.id = s.file_id WHERE p.id = ? ORDER BY s.id`,
      ),
      // Both also widen first/last seen to @first..@last (when not null), so a sighting costs one UPDATE.
      updatePaper: db.prepare(
        `UPDATE papers SET arxiv_id = @arxiv_id, title = @title, abstract = @abstract, authors = @authors,
           upvotes = @upvotes, published_at = @published_at, title_rank = @title_rank, abstract_rank = @abstract_rank,
           rev = @rev, ${SEEN} WHERE id = @id`,
      ),
      // Title and abstract untouched: nothing for the full-text index to redo (see syncFullText).
      updatePaperFacts: db.prepare(
        `UPDATE papers SET arxiv_id = @arxiv_id, authors = @authors, upvotes = @upvotes,
           published_at = @published_at, rev = @rev, ${SEEN} WHERE id = @id`,
      ),
      // A sighting's own date (a part of several pasted digests) else its file's.
      touchSeen: db.prepare<{ id: string; rev: number }>(
        `UPDATE papers SET rev = @rev,
           first_seen = (SELECT min(coalesce(s.digest_date, f.digest_date)) FROM sightings s JOIN files f ON f.id = s.file_id WHERE s.paper_rid = papers.rid),
           last_seen  = (SELECT max(coalesce(s.digest_date, f.digest_date)) FROM sightings s JOIN files f ON f.id = s.file_id WHERE s.paper_rid = papers.rid)
         WHERE id = @id`,
      ),
      sightingCount: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM sightings WHERE paper_rid = (SELECT rid FROM papers WHERE id = ?)',
      ),
      deletePaper: db.prepare<[string]>('DELETE FROM papers WHERE id = ?'),
      // Title and abstract are stored only when they differ from the paper's (NULL: the same):
      // compared here when the paper's text is known (insertSightingAs), else by SQL.
      insertSightingAs: db.prepare(
        `INSERT INTO sightings (paper_id, file_id, position, title, abstract, arxiv_id, authors, upvotes,
           published_at, site_repos, site_links, match_rule, match_score, summary, summary_lang, text_kind, arxiv_version,
           digest_date, paper_rid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertSighting: db.prepare(
        `INSERT INTO sightings (paper_id, file_id, position, title, abstract, arxiv_id, authors, upvotes,
           published_at, site_repos, site_links, match_rule, match_score, summary, summary_lang, text_kind, arxiv_version,
           digest_date, paper_rid)
         SELECT ?, ?, ?, nullif(?, p.title), nullif(?, p.abstract), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, p.rid
         FROM papers p WHERE p.rid = ?`,
      ),
      siteFields: db.prepare<[string], { site_repos: string; site_links: string }>(
        'SELECT site_repos, site_links FROM sightings WHERE paper_rid = (SELECT rid FROM papers WHERE id = ?) ORDER BY id',
      ),
      ridOf: db.prepare<[string], number>('SELECT rid FROM papers WHERE id = ?').pluck(),
      deleteCodeLinks: db.prepare<[number]>('DELETE FROM code_links WHERE paper_rid = ?'),
      deleteLinks: db.prepare<[number]>('DELETE FROM links WHERE paper_rid = ?'),
      deleteClaims: db.prepare<[number]>('DELETE FROM claims WHERE paper_rid = ?'),
      deleteMethods: db.prepare<[number]>('DELETE FROM methods WHERE paper_rid = ?'),
      insertCodeLink: db.prepare(
        `INSERT INTO code_links (paper_rid, paper_id, url, owner, repo, path, status, source, promised_since, available_since)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      codeLinkDates: db.prepare<[number], PromiseDates & { url: string }>(
        'SELECT url, promised_since, available_since FROM code_links WHERE paper_rid = ?',
      ),
      insertLink: db.prepare('INSERT INTO links (paper_rid, paper_id, url, kind) VALUES (?, ?, ?, ?)'),
      insertClaim: db.prepare(
        `INSERT INTO claims (paper_rid, paper_id, text, start, end_offset, value, low, high, unit, kind, metric, qualifier, sentence,
           sentence_start, sentence_end)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      abstractOf: db.prepare<[number], string>('SELECT abstract FROM papers WHERE rid = ?').pluck(),
      // An upsert, not INSERT OR REPLACE: the same rows, but REPLACE cost ~16 us a row in a real
      // ingest against ~6 us (2.4 s against 0.8 s of main-thread time per 100k papers).
      insertMethod: db.prepare(
        `INSERT INTO methods (paper_rid, paper_id, family, name, role) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (paper_rid, family, name) DO UPDATE SET paper_id = excluded.paper_id, role = excluded.role`,
      ),
      getMeta: db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      paperPage: db.prepare<[number, number], StoredPaper>(
        'SELECT rid, id, arxiv_id, title, abstract, authors, upvotes, published_at, title_rank, abstract_rank FROM papers WHERE rid > ? ORDER BY rid LIMIT ?',
      ),
      getRev: db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'rev'"),
      setRev: db.prepare<[string]>("UPDATE meta SET value = ? WHERE key = 'rev'"),
    };
  }

  paper(id: string): StoredPaper | undefined {
    return this.s.paperById.get(id);
  }

  /** Papers written after `rev` (by this process or another): what an in-memory index must learn. */
  *papersSince(rev: number): IterableIterator<StoredPaper> {
    yield* this.s.papersSince.iterate(rev);
  }

  meta(key: string): string | undefined {
    return this.s.getMeta.get(key);
  }

  setMeta(key: string, value: string): void {
    this.s.setMeta.run(key, value);
  }

  /** Papers in rid order after `afterRid`, a page at a time (for whole-database passes). */
  paperPage(afterRid: number, size: number): StoredPaper[] {
    return this.s.paperPage.all(afterRid, size);
  }

  paperCount(): number {
    return this.s.paperCount.get()!;
  }

  /** Drops the indexes only queries use (a bulk ingest builds them at its end). */
  dropQueryIndexes(): void {
    for (const i of QUERY_INDEXES) this.db.exec(`DROP INDEX IF EXISTS ${i.name}`);
  }

  /** Builds whichever query indexes are missing (none: nothing to do). */
  createQueryIndexes(): void {
    for (const i of QUERY_INDEXES) this.db.exec(i.sql);
  }

  /** Bumps the database's write counter; call inside the transaction that stores a file. */
  nextRev(): number {
    const rev = Number(this.s.getRev.get()?.value ?? 0) + 1;
    this.s.setRev.run(String(rev));
    return rev;
  }

  currentRev(): number {
    return Number(this.s.getRev.get()?.value ?? 0);
  }

  /**
   * Inserts new papers, first and last seen on the dates `seen` gives for each (indexed at
   * syncFullText). Returns their rids, in order.
   */
  insertPapers(papers: Omit<StoredPaper, 'rid'>[], rev: number, seen: (id: string) => SeenDates): number[] {
    if (papers.length === 0) return [];
    this.fullText.begin();
    return papers.map((p) => {
      const rid = Number(this.s.insertPaper.run({ ...p, rev, ...seen(p.id) }).lastInsertRowid);
      this.fullText.inserted(rid, { title: p.title, abstract: p.abstract });
      return rid;
    });
  }

  /** The full-text index brought up to this transaction's writes, just before COMMIT (see FullTextQueue.sync). */
  syncFullText(): void {
    this.fullText.sync();
  }

  /** For a bulk load: the full-text index is rebuilt once at its end (see FullTextQueue.defer). */
  deferFullText(): void {
    this.fullText.defer();
  }

  /** Inside a write transaction: the full-text index rebuilt if a deferred load left it behind. */
  finishFullText(): boolean {
    return this.fullText.finish();
  }

  /** Forgets the pending full-text work of a transaction that rolled back. */
  discardFullText(): void {
    this.fullText.discard();
  }

  /** Widens a paper's first/last seen to include these digest dates, and stamps it with this write. */
  markSeen(id: string, seen: SeenDates, rev: number): void {
    this.s.markSeen.run({ id, first: seen.first, last: seen.last, rev });
  }

  /** The text of each sighting of a paper and its file's form, in the order they were stored. */
  sightingTexts(id: string): { title: string; abstract: string; format: string; textKind?: TextKind }[] {
    return this.s.sightingTexts.all(id);
  }

  /**
   * Writes a paper's new canonical copy and widens its first/last seen to `seen`. `textChanged`
   * false promises title and abstract are as stored, which skips the full-text index.
   */
  updatePaper(p: Omit<StoredPaper, 'rid'>, rev: number, textChanged: boolean, seen: SeenDates): void {
    if (textChanged) {
      const was = this.s.paperById.get(p.id);
      if (was)
        this.fullText.changed(was.rid, { title: was.title, abstract: was.abstract }, { title: p.title, abstract: p.abstract });
    }
    (textChanged ? this.s.updatePaper : this.s.updatePaperFacts).run({ ...p, rev, first: seen.first, last: seen.last });
  }

  /** Recomputes first/last seen from the paper's sightings and stamps it with this write's rev. */
  touchSeen(id: string, rev: number): void {
    this.s.touchSeen.run({ id, rev });
  }

  sightingCount(id: string): number {
    return this.s.sightingCount.get(id)?.n ?? 0;
  }

  deletePaper(id: string): void {
    // The delete trigger removes the terms the index holds: it must hold this paper's current ones.
    this.syncFullText();
    this.s.deletePaper.run(id);
  }

  // The per-row inserts bind by position: named parameters cost an object per row and a lookup per
  // column, ~15% of the time of these inserts.

  insertSighting(paper: PaperKey, fileId: number, r: DigestRecord, rule: string, score: number): void {
    const json = (a: string[]) => (a.length === 0 ? '[]' : JSON.stringify(a));
    const known = this.fullText.written(paper.rid);
    const done = (known ? this.s.insertSightingAs : this.s.insertSighting).run(
      paper.id,
      fileId,
      r.position,
      known && r.title === known.title ? null : r.title,
      known && r.abstract === known.abstract ? null : r.abstract,
      r.arxivId,
      json(r.authors),
      r.upvotes,
      r.publishedAt,
      json(r.siteRepos),
      json(r.siteLinks),
      rule,
      score,
      r.summary ?? '',
      r.summaryLang ?? null,
      r.textKind ?? null,
      r.arxivVersion ?? null,
      // Only a record's own part date is kept: null means the file's date applies.
      r.digestDate ?? null,
      paper.rid,
    );
    if (done.changes !== 1) throw new Error(`no stored paper ${paper.id} (rid ${paper.rid})`);
  }

  /** The repos and links every sighting of a paper got from its input form's fields. */
  siteFields(id: string): { repos: string[]; links: string[] } {
    const repos: string[] = [];
    const links: string[] = [];
    for (const row of this.s.siteFields.all(id)) {
      repos.push(...(JSON.parse(row.site_repos) as string[]));
      links.push(...(JSON.parse(row.site_links) as string[]));
    }
    return { repos, links };
  }

  /**
   * Writes a paper's extractions; `replace` first removes the old ones (not needed for a new
   * paper). `seenOn` is the digest date its code links count from: by default the file's, but a
   * paper listed in a dated part of several pasted digests counts from that part's date.
   */
  writeExtraction(paper: PaperKey, x: Extraction, replace: boolean, seenOn: string | null = this.fileDate): void {
    const { rid, id } = paper;
    // A rewrite must not forget when each repository was first promised or made available.
    const before = new Map<string, PromiseDates>();
    if (replace) {
      for (const row of this.s.codeLinkDates.all(rid)) before.set(row.url.toLowerCase(), row);
      this.s.deleteCodeLinks.run(rid);
      this.s.deleteLinks.run(rid);
      this.s.deleteClaims.run(rid);
      this.s.deleteMethods.run(rid);
    }
    const day = x.github.length ? sightingDay(seenOn, new Date()) : '';
    for (const g of x.github) {
      const d = promiseDates(before.get(g.url.toLowerCase()), g.status, day);
      this.s.insertCodeLink.run(rid, id, g.url, g.owner, g.repo, g.path, g.status, g.source, d.promised_since, d.available_since);
    }
    for (const l of x.links) this.s.insertLink.run(rid, id, l.url, l.kind);
    // A sentence is stored as its span of the abstract as stored now, else as text.
    const abstract = x.claims.length > 0 ? (this.fullText.written(rid)?.abstract ?? this.s.abstractOf.get(rid) ?? '') : '';
    const spans = new SentenceSpans(abstract);
    for (const c of x.claims) {
      const span = spans.of(c.sentence, c.start);
      this.s.insertClaim.run(
        rid,
        id,
        c.text,
        c.start,
        c.end,
        c.value,
        c.low,
        c.high,
        c.unit,
        c.kind,
        c.metric,
        c.qualifier,
        span ? null : c.sentence,
        span?.[0] ?? null,
        span?.[1] ?? null,
      );
    }
    for (const m of x.methods) this.s.insertMethod.run(rid, id, m.family, m.name, m.role);
  }

  /**
   * Gives a stored paper a new id; the old one becomes an alias (an id once published keeps
   * finding the paper), and aliases that pointed to it follow.
   */
  renamePaper(from: string, to: string): void {
    const rid = this.ridOf(from);
    for (const u of this.s.renamePaper) u.run({ to, rid });
    this.aliasPaper(from, to);
  }

  /** `id` is a real paper's id again: it is no alias. */
  dropAlias(id: string): void {
    this.s.unalias.run(id);
  }

  /** Records `from` as an alias of paper `to` (and of whatever pointed to `from`). */
  aliasPaper(from: string, to: string): void {
    this.s.unalias.run(to); // a real paper's id is no alias
    this.s.repointAliases.run({ from, to });
    this.s.aliasTo.run({ from, to, since: new Date().toISOString() });
  }

  /** The integer key of a stored paper (what its sightings and extractions point at). */
  ridOf(paperId: string): number {
    const rid = this.s.ridOf.get(paperId);
    if (rid === undefined) throw new Error(`no stored paper ${paperId}`);
    return rid;
  }
}
