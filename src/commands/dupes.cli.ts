/** `papers dupes`: registration only; the work is in dupes.ts, loaded when it runs. */
import { Option } from 'commander';
import { MATCH_RULES } from '../vocabulary.js';
import { examples, type Register, withColor, withDb, withLimit, withListing } from './options.js';

export const register: Register = (program, run) => {
  const cmd = program
    .command('dupes')
    .description('papers merged from more than one sighting, with the rule and score that merged each')
    .addOption(new Option('--rule <rule>', 'only groups with a sighting merged by this rule').choices([...MATCH_RULES]))
    .option('--near', 'instead: pairs kept apart whose titles scored just under the threshold (likely misses)')
    .option('--margin <n>', 'with --near: how far under the threshold (default 0.1)')
    .option('--threshold <n>', 'with --near: the threshold the ingest used (default 0.9)');
  withColor(withLimit(withListing(withDb(cmd)), 'groups', '20'))
    .addHelpText('after', examples('papers dupes', 'papers dupes --rule exact-title --json'))
    .action(run(async () => (await import('./dupes.js')).dupesCommand));
};
