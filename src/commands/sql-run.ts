/**
 * The child process that runs one `papers sql` statement (see ./sql.ts for why a child). It gets
 * its job over IPC, writes the rows straight to the inherited stdout, and reports an expected
 * failure back as a message ({kind, message}) so the parent can print it as one line.
 */
import type { Statement } from 'better-sqlite3';
import { withReadDb } from '../db/open.js';
import { UsageError, UserError } from '../errors.js';
import { emitRows, outputContext, type FormatFlags } from '../output/emit.js';
import type { View } from '../output/render.js';

/** What the parent sends. */
export interface SqlJob {
  statement: string;
  flags: FormatFlags & { db?: string };
  /** At most this many rows (0 = all). */
  limit: number;
  /** The largest value (text characters or blob bytes) printed. */
  maxCellBytes: number;
}

/** What the child reports when it fails as expected. */
export interface SqlFailure {
  kind: 'usage' | 'user';
  message: string;
}

/** The rows, stopping at the limit, refusing a value over the size cap. */
function* bounded(rows: Iterable<Record<string, unknown>>, limit: number, maxCell: number): Generator<Record<string, unknown>> {
  let n = 0;
  for (const row of rows) {
    if (limit > 0 && n >= limit) return;
    n++;
    for (const [column, v] of Object.entries(row)) {
      const size = typeof v === 'string' ? v.length : Buffer.isBuffer(v) ? v.length : 0;
      if (size > maxCell) {
        throw new UserError(
          `row ${n}, column ${column} holds ${mb(size)}: papers sql prints values up to ${mb(maxCell)} (select length(), substr() or hex(substr()) of it instead)`,
        );
      }
    }
    yield row;
  }
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${n} bytes`;
}

export async function runSqlJob(job: SqlJob): Promise<void> {
  await withReadDb(job.flags.db, async (db) => {
    let stmt: Statement;
    try {
      stmt = db.prepare(job.statement);
    } catch (err) {
      throw new UsageError(`invalid SQL: ${(err as Error).message}`);
    }
    if (!stmt.reader || !stmt.readonly) throw new UsageError('papers sql runs read-only statements that return rows');
    const columns = stmt.columns().map((c) => c.name);
    const ctx = outputContext(job.flags, columns);
    const flex = columns.includes('title') ? 'title' : columns[columns.length - 1];
    const view: View<Record<string, unknown>> = {
      fields: columns,
      toJSON: (r) => r,
      columns: columns.map((c) => ({ key: c, header: c, flex: c === flex })),
    };
    try {
      const rows = bounded(stmt.iterate() as Iterable<Record<string, unknown>>, job.limit, job.maxCellBytes);
      await emitRows(rows, view, ctx, 'no rows');
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_')) throw new UsageError(`SQL error: ${(err as Error).message}`);
      throw err;
    }
  });
}

/** The child's entry: one job, then exit (0, or 1 with a reported failure). */
async function childMain(): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0); // the reader (head) went away: not a failure
    throw err;
  });
  const job = await new Promise<SqlJob>((resolve) => process.once('message', (m) => resolve(m as SqlJob)));
  try {
    await runSqlJob(job);
  } catch (err) {
    if (err instanceof UsageError || err instanceof UserError) {
      const failure: SqlFailure = { kind: err instanceof UsageError ? 'usage' : 'user', message: err.message };
      process.send!(failure);
      process.exitCode = 1;
    } else throw err;
  } finally {
    process.disconnect?.();
  }
}

if (process.send && process.env.PAPERS_SQL_CHILD === '1') await childMain();
