/** `papers methods`: registration only; the work is in methods.ts, loaded when it runs. */
import type { Command } from 'commander';
import { asListing, command, type FlagsOf, type Register } from './options.js';

function declare(program: Command) {
  const cmd = command(program, 'methods', 'method families and their members, with paper counts by role', [
    'papers methods',
    'papers methods --jq \'.[] | select(.family=="lora")\'',
  ]);
  return asListing(cmd, 'rows', '0');
}

export type MethodsFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./methods.js')).methodsCommand));
};
