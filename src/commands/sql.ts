/**
 * `papers sql "SELECT ..."`: one read-only statement, in any output format. The database is
 * opened read-only and with query_only on; the statement must also be a single SELECT or WITH
 * that returns rows, so the refusal is a clear message rather than an SQLite error.
 */
import type { Statement } from 'better-sqlite3';
import { withReadDb } from '../db/open.js';
import { UsageError } from '../errors.js';
import { emitRows, outputContext, type FormatFlags } from '../output/emit.js';
import type { View } from '../output/format.js';

/** Strips leading comments and whitespace to see which statement this is. */
export function statementKeyword(sql: string): string {
  const body = sql.replace(/^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, '');
  return (/^[a-z]+/i.exec(body)?.[0] ?? '').toUpperCase();
}

export async function sqlCommand(statement: string, flags: FormatFlags & { db?: string }): Promise<number> {
  const keyword = statementKeyword(statement);
  if (keyword !== 'SELECT' && keyword !== 'WITH' && keyword !== 'VALUES') {
    throw new UsageError(`papers sql runs one read-only SELECT or WITH statement, not ${keyword || 'an empty statement'}`);
  }
  await withReadDb(flags.db, async (db) => {
    let stmt: Statement;
    try {
      stmt = db.prepare(statement);
    } catch (err) {
      throw new UsageError(`invalid SQL: ${(err as Error).message}`);
    }
    if (!stmt.reader || !stmt.readonly) throw new UsageError('papers sql runs read-only statements that return rows');
    const columns = stmt.columns().map((c) => c.name);
    const ctx = outputContext(flags, columns);
    const flex = columns.includes('title') ? 'title' : columns[columns.length - 1];
    const view: View<Record<string, unknown>> = {
      fields: columns,
      toJSON: (r) => r,
      columns: columns.map((c) => ({ key: c, header: c, flex: c === flex })),
    };
    try {
      await emitRows(stmt.iterate() as Iterable<Record<string, unknown>>, view, ctx, 'no rows');
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_')) throw new UsageError(`SQL error: ${(err as Error).message}`);
      throw err;
    }
  });
  return 0;
}
