/** `papers distinct`: registration only; the work is in decide.ts, loaded when it runs. */
import { command, type Register, withDb } from './options.js';

export const register: Register = (program, run) => {
  withDb(
    command(program, 'distinct', 'these two papers are never merged with each other', [
      'papers distinct 5f2c1a9e0b7d 0c4be81f22a3',
    ]),
  )
    .argument('<a>', 'paper id')
    .argument('<b>', 'paper id')
    .option('--note <text>', 'why (shown by papers decisions)')
    .action(run(async () => (await import('./decide.js')).distinctCommand));
};
