/** `papers split`: registration only; the work is in decide.ts, loaded when it runs. */
import { command, type Register, withDb } from './options.js';

export const register: Register = (program, run) => {
  withDb(
    command(program, 'split', 'these sightings are a paper of their own, never merged back', [
      'papers split 5f2c1a9e0b7d digests/2024-05-27.txt:12',
    ]),
  )
    .argument('<id>', 'the paper they are in')
    .argument('<sightings...>', 'FILE:POSITION (see papers show ID --json), FILE a path or sha256 prefix')
    .option('--note <text>', 'why (shown by papers decisions)')
    .action(run(async () => (await import('./decide.js')).splitCommand));
};
