/** `papers merge`: registration only; the work is in decide.ts, loaded when it runs. */
import { examples, type Register, withDb } from './options.js';

export const register: Register = (program, run) => {
  withDb(program.command('merge'))
    .description('these papers are one: the first id stays, the others become its aliases (kept by later ingests)')
    .argument('<ids...>', 'paper ids (or arXiv ids), at least two')
    .option('--note <text>', 'why (shown by papers decisions)')
    .addHelpText('after', examples('papers merge 2405.15738 5f2c1a9e0b7d --note "same paper, retitled"'))
    .action(run(async () => (await import('./decide.js')).mergeCommand));
};
