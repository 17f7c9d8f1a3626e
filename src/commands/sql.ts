/**
 * `papers sql "SELECT ..."`: one read-only statement, in any output format. The database is
 * opened read-only and with query_only on; the statement must also be a single SELECT or WITH
 * that returns rows, so the refusal is a clear message rather than an SQLite error.
 *
 * A statement can still ask for anything: `randomblob(5e8)` (Node ran out of memory and
 * aborted), a recursive CTE that never ends. better-sqlite3 has no progress handler and no
 * interrupt, and SQLite's heap limits are off in its build (SQLITE_DEFAULT_MEMSTATUS=0), so the
 * statement runs in a child process (./sql-run.ts) that can be killed: after --timeout (30 s by
 * default), or when it runs out of memory, the user gets one line and exit 1. Values over
 * 16 MB are refused rather than printed, and --limit stops after N rows.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, UserError } from '../errors.js';
import { parseCountFlag } from '../filters.js';
import type { SqlFailure, SqlJob } from './sql-run.js';
import { SQL_TIMEOUT_DEFAULT, type SqlFlags } from './sql.cli.js';

/** The largest single value (characters or bytes) printed. */
export const SQL_MAX_CELL_BYTES = 16 * 1024 * 1024;
/** The child's JavaScript heap (rows held for a terminal table live there). */
const CHILD_HEAP_MB = 1024;

/** Strips leading comments and whitespace to see which statement this is. */
export function statementKeyword(sql: string): string {
  const body = sql.replace(/^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, '');
  return (/^[a-z]+/i.exec(body)?.[0] ?? '').toUpperCase();
}

/** `30s`, `500ms`, `2m`, or a bare number of seconds, as milliseconds; `0` means no limit. */
export function parseDuration(text: string, flag = '--timeout'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text);
  if (!m) throw new UsageError(`invalid ${flag} '${text}': expected a duration such as 30s, 500ms or 2m (0 = no limit)`);
  const unit = (m[2] ?? 's').toLowerCase();
  const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000;
  return Math.round(Number(m[1]) * factor);
}

function describeDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export async function sqlCommand(statement: string, flags: SqlFlags): Promise<number> {
  const keyword = statementKeyword(statement);
  if (keyword !== 'SELECT' && keyword !== 'WITH' && keyword !== 'VALUES') {
    throw new UsageError(`papers sql runs one read-only SELECT or WITH statement, not ${keyword || 'an empty statement'}`);
  }
  const timeoutMs = parseDuration(flags.timeout);
  const limit = parseCountFlag(flags.limit, '--limit');
  const { limit: _l, timeout: _t, ...formatFlags } = flags;
  const job: SqlJob = { statement, flags: formatFlags, limit, maxCellBytes: SQL_MAX_CELL_BYTES };
  return runInChild(job, timeoutMs);
}

async function runInChild(job: SqlJob, timeoutMs: number): Promise<number> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql-run.js');
  const child = spawn(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, script], {
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    env: { ...process.env, PAPERS_SQL_CHILD: '1' },
  });
  let failure: SqlFailure | null = null;
  child.on('message', (m) => (failure = m as SqlFailure));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    if (stderr.length < 64 * 1024) stderr += d.toString('utf8');
  });
  let timedOut = false;
  const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), timeoutMs) : null;
  // Ctrl-C reaches the child too (same process group); a parent that stops must not leave it running.
  const stop = () => child.kill('SIGKILL');
  process.once('exit', stop);
  try {
    child.send(job);
    const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
    const reported = failure as SqlFailure | null;
    if (reported) throw reported.kind === 'usage' ? new UsageError(reported.message) : new UserError(reported.message);
    if (timedOut) {
      throw new UserError(
        `the statement ran for ${describeDuration(timeoutMs)} and was stopped (--timeout ${SQL_TIMEOUT_DEFAULT} by default; --timeout 0 for no limit)`,
      );
    }
    if (code === 0) return 0;
    if (
      /heap out of memory|Reached heap limit|Invalid string length|Array buffer allocation failed|ERR_STRING_TOO_LONG|Cannot create a string longer|out of memory/i.test(
        stderr,
      ) ||
      signal === 'SIGKILL' ||
      code === 134
    ) {
      throw new UserError(
        'the statement needed more memory than papers sql allows: select fewer or smaller values (length(), substr(), --limit)',
      );
    }
    throw new Error(`papers sql child exited with ${signal ?? code}:\n${stderr}`);
  } finally {
    if (timer) clearTimeout(timer);
    process.removeListener('exit', stop);
  }
}
