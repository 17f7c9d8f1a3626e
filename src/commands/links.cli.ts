/** `papers links`: registration only; the work is in links.ts, loaded when it runs. */
import type { Command } from 'commander';
import { asListing, command, type FlagsOf, option, type Register } from './options.js';

function declare(program: Command) {
  const cmd = command(program, 'links', 'GitHub repositories linked from papers', [
    'papers links --status promised',
    'papers links --older-than 1y --limit 5',
    "papers links --limit 0 --jq '.[].url'",
  ])
    .addOption(option('--status <status>', 'available or promised').choices(['available', 'promised'] as const))
    .option('--older-than <age>', 'in that status since at least this long ago: 30d, 4w, 6m, 1y');
  return asListing(cmd, 'repositories', '20');
}

export type LinksFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./links.js')).linksCommand));
};
