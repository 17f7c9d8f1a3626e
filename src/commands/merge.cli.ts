/** `papers merge`: registration only; the work is in decide.ts, loaded when it runs. */
import type { Command } from 'commander';
import { command, type FlagsOf, type Register, withDb } from './options.js';

function declare(program: Command) {
  return withDb(
    command(program, 'merge', 'these papers are one: the first id stays, the others become its aliases (kept by later ingests)', [
      'papers merge 2405.15738 5f2c1a9e0b7d --note "same paper, retitled"',
    ]),
  )
    .argument('<ids...>', 'paper ids (or arXiv ids), at least two')
    .option('--note <text>', 'why (shown by papers decisions)');
}

/** The flags of merge, split and distinct (the same two: --db and --note). */
export type DecideFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./decide.js')).mergeCommand));
};
