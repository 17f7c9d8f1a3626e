/** `papers forget`: registration only; the work is in forget.ts, loaded when it runs. */
import type { Command } from 'commander';
import { command, type FlagsOf, type Register, withDb } from './options.js';

function declare(program: Command) {
  return withDb(
    command(
      program,
      'forget',
      'forget files: their sightings, and papers left with none (a file is known by its content and every path it was seen at)',
      ['papers forget digests/2024-05-27.txt', 'papers ingest ~/digests --prune'],
    ),
  )
    .argument('<files...>', 'files as ingested (any path they were seen at), or copies with the same content')
    .option('--json', 'print what was removed as JSON on stdout');
}

export type ForgetFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./forget.js')).forgetCommand));
};
