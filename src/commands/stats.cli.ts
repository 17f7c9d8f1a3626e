/** `papers stats`: registration only; the work is in stats.ts, loaded when it runs. */
import type { Command } from 'commander';
import { command, examples, type FlagsOf, type Register, withColor, withDb, withListing } from './options.js';

function declare(program: Command) {
  const cmd = command(program, 'stats').description('counts by file, digest date, method family, claim kind and code');
  return withColor(withListing(withDb(cmd))).addHelpText(
    'after',
    examples('papers stats', 'papers stats --json | jq .methods', 'papers stats --csv'),
  );
}

export type StatsFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./stats.js')).statsCommand));
};
