/**
 * `papers digest`: the papers new since the last digest made from this database, as markdown,
 * HTML or a feed. Recording the digest (what it showed, so the next one does not show it again)
 * is a write: the database is opened for writing only then, and the choice of papers, the output
 * and the record happen in one IMMEDIATE transaction, so two digests run at once cannot both
 * show the same papers. With --dry-run it is opened read-only and nothing is recorded.
 */
import fs from 'node:fs';
import { lastDigest, newPaperCandidates, recordDigest, releasedCandidates, type DigestCandidate } from '../db/digests.js';
import { openForRead, openForWrite, resolveDbPath, type DB } from '../db/open.js';
import { findPapers, hydratePapers, type PaperFilters } from '../db/read.js';
import { UsageError, UserError } from '../errors.js';
import { parseCountFlag, parseDateBound } from '../filters.js';
import { buildDigest, DIGEST_FORMATS, renderMarkdown, type DigestFormat, type DigestPaper } from '../output/digest.js';
import { renderFeed, renderHtml } from '../output/digest-html.js';
import { write } from '../output/emit.js';
import { writeFileAtomic } from '../output/files.js';
import { log } from '../output/log.js';
import type { DigestFlags } from './digest.cli.js';
import { parseQueryFlags } from './query.js';

interface DigestOptions {
  format: DigestFormat;
  since?: string;
  until?: string;
  top?: number;
  groupBy: 'method' | 'none';
  filters: PaperFilters | null;
  filterFlags: Record<string, unknown>;
}

/** Checks every flag before the database is opened. */
export function parseDigestFlags(text: string | undefined, flags: DigestFlags): DigestOptions {
  const format = (flags.format ?? 'markdown') as DigestFormat;
  if (!DIGEST_FORMATS.includes(format))
    throw new UsageError(`invalid --format '${flags.format}': expected one of ${DIGEST_FORMATS.join(', ')}`);
  const groupBy = flags.groupBy ?? 'none';
  if (groupBy !== 'method' && groupBy !== 'none')
    throw new UsageError(`invalid --group-by '${groupBy}': expected method or none`);
  const since = flags.since === undefined || flags.since === 'last' ? undefined : parseDateBound(flags.since, 'since');
  const until = flags.until === undefined ? undefined : parseDateBound(flags.until, 'until');
  let top: number | undefined;
  if (flags.top !== undefined) {
    top = parseCountFlag(flags.top, '--top');
    if (top === 0) top = undefined;
  }
  const filters = parseQueryFlags(text, { ...flags, since: undefined, until: undefined });
  const filterFlags = Object.fromEntries(
    Object.entries({
      text: filters.text,
      method: flags.method,
      role: flags.role,
      has_code: flags.hasCode,
      claim: flags.claim,
      file: flags.file,
      arxiv: filters.arxivId,
    }).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
  return { format, since, until, top, groupBy, filters: Object.keys(filterFlags).length ? filters : null, filterFlags };
}

function render(format: DigestFormat, d: ReturnType<typeof buildDigest>): string {
  if (format === 'markdown') return renderMarkdown(d);
  if (format === 'html') return renderHtml(d);
  return renderFeed(d, format);
}

/** The candidates' papers, with how often earlier digests showed them. */
function digestPapers(db: DB, candidates: DigestCandidate[], keep: Set<number> | null): DigestPaper[] {
  const chosen = keep ? candidates.filter((c) => keep.has(c.rid)) : candidates;
  const shown = new Map(chosen.map((c) => [c.id, c.shown]));
  return [
    ...hydratePapers(
      db,
      chosen.map((c) => c.rid),
    ),
  ].map((p) => ({ ...p, shown: shown.get(p.id) ?? 0 }));
}

/** Writes the text to stdout, or to --out through writeFileAtomic (never the database, --force to replace). */
async function deliver(text: string, out: string | undefined, force: boolean | undefined, db: string): Promise<void> {
  if (!out) return write(process.stdout, text);
  return writeFileAtomic(out, (stream) => write(stream, text), { force, protect: [db] });
}

export async function digestCommand(textParts: string[], flags: DigestFlags): Promise<number> {
  const opts = parseDigestFlags(textParts.join(' '), flags);
  const path = resolveDbPath(flags.db);
  const record = !flags.dryRun;
  if (record && !fs.existsSync(path)) {
    throw new UserError(`no database at ${path}: run \`papers ingest <dir>\` first (or pass --db FILE)`);
  }
  const db = record ? openForWrite(path) : openForRead(path);
  try {
    if (record) db.exec('BEGIN IMMEDIATE');
    const all = Boolean(flags.all);
    const keep = opts.filters ? new Set(findPapers(db, opts.filters)) : null;
    const previous = lastDigest(db);
    const made_at = new Date().toISOString();
    const title = flags.title ?? `Papers digest, ${made_at.slice(0, 10)}`;
    const digest = buildDigest({
      title,
      made_at,
      since: opts.since ?? null,
      until: opts.until ?? null,
      after_digest: all ? null : (previous?.made_at ?? null),
      papers: digestPapers(db, newPaperCandidates(db, { since: opts.since, until: opts.until, all }), keep),
      released: digestPapers(db, releasedCandidates(db, all), keep),
      top: opts.top,
      groupBy: opts.groupBy,
    });
    await deliver(render(opts.format, digest), flags.out, flags.force, path);
    if (record) {
      recordDigest(
        db,
        { made_at, since: opts.since ?? null, until: opts.until ?? null, filters: opts.filterFlags, format: opts.format, title },
        [
          ...digest.entries.map((e) => ({ paper_id: e.id, section: 'new' as const, code_status: e.code })),
          ...digest.released.map((e) => ({ paper_id: e.id, section: 'released' as const, code_status: e.code })),
        ],
      );
      db.exec('COMMIT');
    }
    const c = digest.counts;
    log.info(
      `${c.papers} new paper${c.papers === 1 ? '' : 's'}, ${c.code_released} with code released${record ? '' : ' (dry run: not recorded)'}${flags.out ? `; written to ${flags.out}` : ''}`,
    );
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    db.close();
  }
  return 0;
}
