/** `papers open`: registration only; the work is in open.ts, loaded when it runs. */
import type { Command } from 'commander';
import { command, type FlagsOf, type Register, withDb } from './options.js';

function declare(program: Command) {
  return withDb(
    command(program, 'open', "open a paper's page in the browser (prints the URL when there is no browser)", [
      'papers open 2405.15738',
      'papers open 8143bbb6 --print',
    ])
      .argument('<id>', 'as for show: an id, a prefix, an arXiv id or URL')
      .option('--print', 'only print the URL'),
  );
}

export type OpenFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./open.js')).openCommand));
};
