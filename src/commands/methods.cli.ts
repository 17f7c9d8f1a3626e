/** `papers methods`: registration only; the work is in methods.ts, loaded when it runs. */
import { examples, type Register, withColor, withDb, withLimit, withListing } from './options.js';

export const register: Register = (program, run) => {
  const cmd = program.command('methods').description('method families and their members, with paper counts by role');
  withColor(withLimit(withListing(withDb(cmd)), 'rows', '0'))
    .addHelpText('after', examples('papers methods', 'papers methods --jq \'.[] | select(.family=="lora")\''))
    .action(run(async () => (await import('./methods.js')).methodsCommand));
};
