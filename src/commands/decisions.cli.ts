/** `papers decisions` with its subcommands `undo` and `export`; the work is in decide.ts, loaded when it runs. */
import type { Command } from 'commander';
import { asListing, command, type FlagsOf, type Register, withDb } from './options.js';

function declare(program: Command) {
  return asListing(
    command(program, 'decisions', 'the merge, split and distinct decisions, oldest first (each applied again by every ingest)', [
      'papers decisions',
      'papers decisions undo 3',
      'papers decisions export > decisions.json',
    ]),
  );
}

export type DecisionsFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  const decisions = declare(program).action(run(async () => (await import('./decide.js')).decisionsCommand));
  withDb(command(decisions, 'undo', 'take a decision back'))
    .argument('<id>', 'decision id (see papers decisions)')
    .action(run(async () => (await import('./decide.js')).undoCommand));
  withDb(
    command(decisions, 'export', 'every decision as JSON on stdout, for papers ingest --decisions FILE on a rebuilt database'),
  ).action(run(async () => (await import('./decide.js')).exportDecisionsCommand));
};
