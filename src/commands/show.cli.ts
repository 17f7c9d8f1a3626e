/** `papers show`: registration only; the work is in show.ts, loaded when it runs. */
import { examples, type Register, withColor, withDb, withListing } from './options.js';

export const register: Register = (program, run) => {
  const cmd = program
    .command('show')
    .description('one paper in full, with its links and every sighting')
    .argument('<id>', 'a paper id, a unique prefix of one, an arXiv id (arXiv:ID, IDv2) or an arxiv.org / huggingface.co URL');
  withColor(withListing(withDb(cmd)))
    .addHelpText(
      'after',
      examples(
        'papers show 2405.15738',
        'papers show https://arxiv.org/abs/2405.15738v2',
        'papers show 8143bbb6a6e4 --json | jq .claims',
      ),
    )
    .action(run(async () => (await import('./show.js')).showCommand));
};
