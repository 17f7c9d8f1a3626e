/** `papers open`: registration only; the work is in open.ts, loaded when it runs. */
import { examples, type Register, withDb } from './options.js';

export const register: Register = (program, run) => {
  withDb(
    program
      .command('open')
      .description("open a paper's page in the browser (prints the URL when there is no browser)")
      .argument('<id>', 'as for show: an id, a prefix, an arXiv id or URL')
      .option('--print', 'only print the URL'),
  )
    .addHelpText('after', examples('papers open 2405.15738', 'papers open 8143bbb6 --print'))
    .action(run(async () => (await import('./open.js')).openCommand));
};
