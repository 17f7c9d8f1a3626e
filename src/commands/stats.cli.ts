/** `papers stats`: registration only; the work is in stats.ts, loaded when it runs. */
import type { Command } from 'commander';
import { asListing, command, type FlagsOf, type Register } from './options.js';

function declare(program: Command) {
  const cmd = command(program, 'stats', 'counts by file, digest date, method family, claim kind and code', [
    'papers stats',
    'papers stats --json | jq .methods',
    'papers stats --csv',
  ]);
  return asListing(cmd);
}

export type StatsFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./stats.js')).statsCommand));
};
