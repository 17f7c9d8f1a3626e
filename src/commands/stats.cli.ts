/** `papers stats`: registration only; the work is in stats.ts, loaded when it runs. */
import { examples, type Register, withColor, withDb, withListing } from './options.js';

export const register: Register = (program, run) => {
  const cmd = program.command('stats').description('counts by file, digest date, method family, claim kind and code');
  withColor(withListing(withDb(cmd)))
    .addHelpText('after', examples('papers stats', 'papers stats --json | jq .methods', 'papers stats --csv'))
    .action(run(async () => (await import('./stats.js')).statsCommand));
};
