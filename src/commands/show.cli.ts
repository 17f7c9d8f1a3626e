/** `papers show`: registration only; the work is in show.ts, loaded when it runs. */
import type { Command } from 'commander';
import { asListing, command, type FlagsOf, type Register } from './options.js';

function declare(program: Command) {
  const cmd = command(program, 'show', 'one paper in full, with its links and every sighting', [
    'papers show 2405.15738',
    'papers show https://arxiv.org/abs/2405.15738v2',
    'papers show 8143bbb6a6e4 --json | jq .claims',
  ]).argument('<id>', 'a paper id, a unique prefix of one, an arXiv id (arXiv:ID, IDv2) or an arxiv.org / huggingface.co URL');
  return asListing(cmd);
}

export type ShowFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./show.js')).showCommand));
};
