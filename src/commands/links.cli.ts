/** `papers links`: registration only; the work is in links.ts, loaded when it runs. */
import { Option } from 'commander';
import { examples, type Register, withColor, withDb, withLimit, withListing } from './options.js';

export const register: Register = (program, run) => {
  const cmd = program
    .command('links')
    .description('GitHub repositories linked from papers')
    .addOption(new Option('--status <status>', 'available or promised').choices(['available', 'promised']))
    .option('--older-than <age>', 'in that status since at least this long ago: 30d, 4w, 6m, 1y');
  withColor(withLimit(withListing(withDb(cmd)), 'repositories', '20'))
    .addHelpText(
      'after',
      examples(
        'papers links --status promised',
        'papers links --older-than 1y --limit 5',
        "papers links --limit 0 --jq '.[].url'",
      ),
    )
    .action(run(async () => (await import('./links.js')).linksCommand));
};
