/** `papers export`: registration only; the work is in export.ts, loaded when it runs. */
import type { Command } from 'commander';
import { command, examples, type FlagsOf, option, type Register, withColor, withDb, withLimit, withListing } from './options.js';

function declare(program: Command) {
  const cmd = command(program, 'export')
    .description('the whole database: every paper with its nested data (NDJSON unless a format is given), or citations')
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
  return withColor(withLimit(withListing(withDb(cmd)), 'papers', '0')).addHelpText(
    'after',
    examples(
      'papers export --format ndjson --out papers.ndjson',
      'papers export --csv --fields id,title,url > papers.csv',
      'papers export --format bibtex --out papers.bib',
    ),
  );
}

export type ExportFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./export.js')).exportCommand));
};
