/** `papers forget`: registration only; the work is in forget.ts, loaded when it runs. */
import type { Command } from 'commander';
import { command, examples, type FlagsOf, type Register, withDb } from './options.js';

function declare(program: Command) {
  return withDb(command(program, 'forget'))
    .description(
      'forget files: their sightings, and papers left with none (a file is known by its content and every path it was seen at)',
    )
    .argument('<files...>', 'files as ingested (any path they were seen at), or copies with the same content')
    .option('--json', 'print what was removed as JSON on stdout')
    .addHelpText('after', examples('papers forget digests/2024-05-27.txt', 'papers ingest ~/digests --prune'));
}

export type ForgetFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./forget.js')).forgetCommand));
};
