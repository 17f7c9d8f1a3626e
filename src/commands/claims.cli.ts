/** `papers claims`: registration only; the work is in claims.ts, loaded when it runs. */
import type { Command } from 'commander';
import { CLAIM_KINDS } from '../vocabulary.js';
import { collect, asListing, command, type FlagsOf, option, type Register } from './options.js';

function declare(program: Command) {
  const cmd = command(program, 'claims', 'numeric claims found in abstracts, with their papers', [
    'papers claims --metric speedup --min 2',
    'papers claims --kind parameters --method lora --json',
  ])
    .option('--metric <name>', 'e.g. accuracy, speedup, memory (with --min/--max: only claims in units that fit it)')
    .addOption(option('--kind <kind>', 'the kind of quantity').choices(CLAIM_KINDS))
    .option('--unit <unit>', 'e.g. %, x, parameters, tokens, ms, GB (`papers claims --unit ?` lists them)')
    .option('--min <value>', 'value at least (a number: 2, 1e6, 7B)')
    .option('--max <value>', 'value at most')
    .option('-m, --method <name>', 'only claims of papers involving this method', collect);
  return asListing(cmd, 'claims', '20');
}

export type ClaimsFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./claims.js')).claimsCommand));
};
