/** `papers methods`: registration only; the work is in methods.ts, loaded when it runs. */
import type { Command } from 'commander';
import { command, examples, type FlagsOf, type Register, withColor, withDb, withLimit, withListing } from './options.js';

function declare(program: Command) {
  const cmd = command(program, 'methods').description('method families and their members, with paper counts by role');
  return withColor(withLimit(withListing(withDb(cmd)), 'rows', '0')).addHelpText(
    'after',
    examples('papers methods', 'papers methods --jq \'.[] | select(.family=="lora")\''),
  );
}

export type MethodsFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./methods.js')).methodsCommand));
};
