/** `papers claims`: registration only; the work is in claims.ts, loaded when it runs. */
import { Option } from 'commander';
import { CLAIM_KINDS } from '../vocabulary.js';
import { collect, examples, type Register, withColor, withDb, withLimit, withListing } from './options.js';

export const register: Register = (program, run) => {
  const cmd = program
    .command('claims')
    .description('numeric claims found in abstracts, with their papers')
    .option('--metric <name>', 'e.g. accuracy, speedup, memory (with --min/--max: only claims in units that fit it)')
    .addOption(new Option('--kind <kind>', 'the kind of quantity').choices([...CLAIM_KINDS]))
    .option('--unit <unit>', 'e.g. %, x, parameters, tokens, ms, GB (`papers claims --unit ?` lists them)')
    .option('--min <value>', 'value at least (a number: 2, 1e6, 7B)')
    .option('--max <value>', 'value at most')
    .option('-m, --method <name>', 'only claims of papers involving this method', collect);
  withColor(withLimit(withListing(withDb(cmd)), 'claims', '20'))
    .addHelpText(
      'after',
      examples('papers claims --metric speedup --min 2', 'papers claims --kind parameters --method lora --json'),
    )
    .action(run(async () => (await import('./claims.js')).claimsCommand));
};
