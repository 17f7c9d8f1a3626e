/**
 * `papers ingest <paths...>`: files and folders into the database.
 */
import fs from 'node:fs';
import v8 from 'node:v8';
import { discoverFiles, notADigestByContent } from '../ingest/discover.js';
import { Decider } from '../ingest/decide.js';
import { parseDecisions, sameDecision, type PortableDecision } from '../dedup/decisions.js';
import { limitHeapGrowth } from '../ingest/heap.js';
import { Ingester } from '../ingest/run.js';
import { emptySummary, type IngestSummary } from '../ingest/summary.js';
import { openForWrite, resolveDbPath } from '../db/open.js';
import { finishIngest, tuneForIngest } from '../db/pragmas.js';
import { markIngestStart } from '../db/runs.js';
import { ProgressBar } from '../output/progress.js';
import { UsageError, UserError } from '../errors.js';
import { emitJson } from '../output/emit.js';
import { logIngest } from '../output/ingest-summary.js';
import { log } from '../output/log.js';
import { parseCountFlag } from '../filters.js';
import type { IngestFlags } from './ingest.cli.js';

function positiveNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`invalid ${flag} '${text}': expected a positive number`);
  return n;
}

/** Past this much heap, its growth is limited (see ingest/heap.ts). */
const LARGE_HEAP_BYTES = 256 * 1024 * 1024;

function limitHeapGrowthWhenLarge(): void {
  if (v8.getHeapStatistics().used_heap_size >= LARGE_HEAP_BYTES) limitHeapGrowth();
}

/** A decisions.json from `papers decisions export` (untrusted: checked before anything is written). */
function readDecisions(file: string): PortableDecision[] {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--decisions ${file}: ${(err as Error).message}`);
  }
  const parsed = parseDecisions(value);
  if (typeof parsed === 'string') throw new UsageError(`--decisions ${file}: ${parsed}`);
  return parsed;
}

export async function ingestCommand(paths: string[], flags: IngestFlags): Promise<number> {
  const threshold = positiveNumber(flags.threshold, '--threshold');
  if (threshold !== undefined && threshold > 1)
    throw new UsageError(`invalid --threshold '${flags.threshold}': expected a number in (0, 1]`);
  const maxFileMb = positiveNumber(flags.maxFileMb, '--max-file-mb');
  const maxRecordChars = positiveNumber(flags.maxRecordChars, '--max-record-chars');
  const jobs = flags.jobs === undefined ? undefined : parseCountFlag(flags.jobs, '--jobs');
  const dbPath = resolveDbPath(flags.db);
  if (paths.length === 0 && !flags.prune && !flags.decisions)
    throw new UsageError('nothing to ingest: give files or folders (or --prune, --decisions FILE)');

  const toImport = flags.decisions === undefined ? [] : readDecisions(flags.decisions);
  const found = await discoverFiles(paths);
  const summary: IngestSummary = emptySummary();
  summary.errors.push(...found.errors);
  summary.skipped_files.push(...found.skipped);
  // Nothing to read and no database yet: create none (a typo in a path must not leave an empty
  // papers.db behind for the next command to find).
  if (found.files.length === 0 && !fs.existsSync(dbPath)) {
    if (flags.json) await emitJson(summary);
    else for (const e of summary.errors) log.error(`${e.file}: ${e.message}`);
    if (!flags.json && !flags.quiet) log.info(`nothing to ingest: no database created at ${dbPath}`);
    return summary.errors.length > 0 ? 1 : 0;
  }

  const quiet = Boolean(flags.quiet || flags.json);
  const bar = !quiet && process.stderr.isTTY ? new ProgressBar(process.stderr) : null;

  // Ctrl-C stops at once: a file being read is dropped (its worker is stopped), the files stored
  // whole are committed, and the summary so far is printed. A second Ctrl-C exits at once: the
  // batch in hand is lost, whole, and the database is sound (WAL).
  let stopping = false;
  const stop = new AbortController();
  const onSigint = () => {
    if (stopping) process.exit(130);
    stopping = true;
    stop.abort();
    if (!quiet) log.warn('interrupted: committing the files stored so far, then stopping (Ctrl-C again to quit now)');
  };
  process.on('SIGINT', onSigint);

  const db = withDbNamed(dbPath, () => openForWrite(dbPath));
  tuneForIngest(db);
  markIngestStart(db); // for `papers query --new` (see db/runs.ts)
  try {
    const ingester = new Ingester(db, {
      threshold,
      maxFileBytes: maxFileMb === undefined ? undefined : maxFileMb * 1024 * 1024,
      maxRecordChars,
      jobs,
      shouldStop: () => stopping,
      stopSignal: stop.signal,
      onProgress: (p) => {
        limitHeapGrowthWhenLarge();
        bar?.update(p, p.filesDone === p.filesTotal);
      },
    });
    const decider = new Decider(db);
    const imported = toImport.filter((d) => !decider.decisions.list().some((x) => sameDecision(x, d)));
    for (const d of imported) decider.decisions.insert(d);
    await withDbNamedAsync(dbPath, async () => {
      await ingester.run(found.files, summary);
      skipNotDigests(summary, found.named);
      if (flags.prune && !summary.interrupted) {
        summary.pruned = ingester.forgetFiles(ingester.missingFiles());
      }
      // The user's decisions hold whatever the files brought: applied again after every ingest.
      const applied = decider.applyAll();
      if (flags.decisions || applied > 0) summary.decisions = { imported: imported.length, applied };
      // Pruning and decisions change the papers after the run counted them.
      if (summary.pruned !== undefined || applied > 0) summary.papers = ingester.paperCount();
      finishIngest(db);
    });
  } finally {
    bar?.done();
    process.off('SIGINT', onSigint);
    db.close();
  }

  if (flags.json) await emitJson(summary);
  else logIngest(summary, dbPath, Boolean(flags.quiet));
  if (summary.interrupted) return 130;
  return summary.errors.length > 0 ? 1 : 0;
}

/**
 * Files found in a folder whose content no reader recognises are not digests: moved from the
 * errors to the skipped files, with the reason (see discover.ts notADigestByContent).
 */
function skipNotDigests(summary: IngestSummary, named: ReadonlySet<string>): void {
  const errors: IngestSummary['errors'] = [];
  for (const e of summary.errors) {
    const reason = notADigestByContent(e.file, e.message, named);
    if (reason === null) errors.push(e);
    else summary.skipped_files.push({ file: e.file, reason });
  }
  summary.errors = errors;
  summary.skipped_files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * A database that cannot be written (disk full, I/O error, read-only) as a message naming it: with
 * several databases about, "database or disk is full" alone did not say which. The files stored
 * before the error are committed (see ingest/batch.ts): a rerun after freeing space goes on.
 */
export function describeWriteError(err: unknown, dbPath: string): Error {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return err as Error;
  const why =
    code === 'SQLITE_FULL'
      ? 'the disk is full'
      : code.startsWith('SQLITE_IOERR')
        ? 'an I/O error (is the disk full or gone?)'
        : code.startsWith('SQLITE_READONLY')
          ? 'it is read-only'
          : code.startsWith('SQLITE_CANTOPEN')
            ? 'it cannot be opened'
            : null;
  if (why === null) return err as Error;
  return new UserError(
    `could not write the database ${dbPath}: ${why} (${code}). The files stored before were kept; free space or fix it, then run the same command again.`,
  );
}

function withDbNamed<T>(dbPath: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw describeWriteError(err, dbPath);
  }
}

async function withDbNamedAsync(dbPath: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    throw describeWriteError(err, dbPath);
  }
}
