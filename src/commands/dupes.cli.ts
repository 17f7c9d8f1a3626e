/** `papers dupes`: registration only; the work is in dupes.ts, loaded when it runs. */
import type { Command } from 'commander';
import { MATCH_RULES } from '../vocabulary.js';
import { asListing, command, type FlagsOf, option, type Register } from './options.js';

/** How far under the threshold `--near` looks by default. */
export const NEAR_MARGIN = '0.1';

function declare(program: Command) {
  const cmd = command(program, 'dupes', 'papers merged from more than one sighting, with the rule and score that merged each', [
    'papers dupes',
    'papers dupes --rule exact-title --json',
  ])
    .addOption(option('--rule <rule>', 'only groups with a sighting merged by this rule').choices(MATCH_RULES))
    .option('--near', 'instead: pairs kept apart whose titles scored just under the threshold (likely misses)')
    .option('--margin <n>', `with --near: how far under the threshold (default ${NEAR_MARGIN})`)
    .option('--threshold <n>', 'with --near: the threshold the ingest used (default 0.9)');
  return asListing(cmd, 'groups', '20');
}

export type DupesFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./dupes.js')).dupesCommand));
};
