/** `papers sql`: registration only; the work is in sql.ts, loaded when it runs. */
import type { Command } from 'commander';
import { asListing, command, type FlagsOf, type Register } from './options.js';

/** The default time a statement may run. */
export const SQL_TIMEOUT_DEFAULT = '30s';

function declare(program: Command) {
  const cmd = command(program, 'sql', 'run one read-only SELECT (or WITH) statement', [
    `papers sql "SELECT family, count(DISTINCT paper_rid) AS papers FROM methods GROUP BY family ORDER BY papers DESC"`,
    `papers sql "SELECT id, title, url FROM paper_list WHERE has_code" --limit 5 --jq '.[].url'`,
  ])
    .argument('<statement>', 'the SQL; the database is opened read-only')
    .option('-n, --limit <n>', 'at most this many rows (0 = all)', '0')
    .option('--timeout <duration>', 'stop the statement after this long (e.g. 30s, 2m; 0 = no limit)', SQL_TIMEOUT_DEFAULT);
  return asListing(cmd);
}

export type SqlFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./sql.js')).sqlCommand));
};
