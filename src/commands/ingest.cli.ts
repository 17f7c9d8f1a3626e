/** `papers ingest`: registration only; the work is in ingest.ts, loaded when it runs. */
import type { Command } from 'commander';
import { ARCHIVE_EXTENSIONS, DIGEST_EXTENSIONS } from '../ingest/discover.js';
import { command, type FlagsOf, type Register, withDb } from './options.js';

// The help names every form a folder is searched for, from the list the search itself uses.
const SEARCHED = [...DIGEST_EXTENSIONS, ...ARCHIVE_EXTENSIONS].map((e) => `.${e}`).join(' ');

function declare(program: Command) {
  const cmd = command(
    program,
    'ingest',
    'read digests (text, HTML, JSON, feeds, CSV, YAML, newsletters) under files or folders into the database',
    ['papers ingest fixtures', "papers ingest ~/digests --db research.db --json | jq '{files, new, errors}'"],
  ).argument('[paths...]', `files or folders (searched recursively for ${SEARCHED}), or - for standard input`);
  return withDb(cmd)
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'no progress bar, warnings or summary (errors still go to stderr)')
    .option('--threshold <n>', 'title similarity needed for a fuzzy merge, in (0, 1] (default 0.9)')
    .option('--max-file-mb <n>', 'skip files larger than this (default 256)')
    .option('--max-record-chars <n>', 'drop records whose title or abstract is longer (default 100000)')
    .option('-j, --jobs <n>', 'worker threads reading and splitting files (default: by input size and cores; 0 = none)')
    .option('--decisions <file>', 'import merge/split/distinct decisions (from papers decisions export) and apply them')
    .option('--prune', 'also forget files that no longer exist at any path they were seen at, and papers left with no sighting');
}

export type IngestFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./ingest.js')).ingestCommand));
};
