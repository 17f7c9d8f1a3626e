/** `papers export`: registration only; the work is in export.ts, loaded when it runs. */
import type { Command } from 'commander';
import { asListing, command, type FlagsOf, option, type Register } from './options.js';

function declare(program: Command) {
  const cmd = command(
    program,
    'export',
    'the whole database: every paper with its nested data (NDJSON unless a format is given), or citations',
    [
      'papers export --format ndjson --out papers.ndjson',
      'papers export --csv --fields id,title,url > papers.csv',
      'papers export --format bibtex --out papers.bib',
    ],
  )
    .addOption(
      option('--format <format>', 'ndjson, json or csv (or --ndjson, --json, --csv...); bibtex, ris or csl-json').choices([
        'ndjson',
        'json',
        'csv',
        'bibtex',
        'ris',
        'csl-json',
      ] as const),
    )
    .option('-o, --out <file>', 'write to this file instead of stdout (never the database)')
    .option('-f, --force', 'replace the --out file if it exists');
  return asListing(cmd, 'papers', '0');
}

export type ExportFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./export.js')).exportCommand));
};
