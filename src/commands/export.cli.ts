/** `papers export`: registration only; the work is in export.ts, loaded when it runs. */
import { Option } from 'commander';
import { examples, type Register, withColor, withDb, withLimit, withListing } from './options.js';

export const register: Register = (program, run) => {
  const cmd = program
    .command('export')
    .description('the whole database: every paper with its nested data (NDJSON unless a format is given), or citations')
    .addOption(
      new Option('--format <format>', 'ndjson, json or csv (or --ndjson, --json, --csv...); bibtex, ris or csl-json').choices([
        'ndjson',
        'json',
        'csv',
        'bibtex',
        'ris',
        'csl-json',
      ]),
    )
    .option('-o, --out <file>', 'write to this file instead of stdout (never the database)')
    .option('-f, --force', 'replace the --out file if it exists');
  withColor(withLimit(withListing(withDb(cmd)), 'papers', '0'))
    .addHelpText(
      'after',
      examples(
        'papers export --format ndjson --out papers.ndjson',
        'papers export --csv --fields id,title,url > papers.csv',
        'papers export --format bibtex --out papers.bib',
      ),
    )
    .action(run(async () => (await import('./export.js')).exportCommand));
};
