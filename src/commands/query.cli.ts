/** `papers query`: its options, defaults and examples; the work is in query.ts, loaded when it runs. */
import type { Command } from 'commander';
import { SORTS, ROLES } from '../vocabulary.js';
import { collect, asListing, command, type FlagsOf, option, type Register } from './options.js';

function declare(program: Command) {
  const cmd = command(
    program,
    'query',
    'papers matching every filter given: full-text search, methods, code, claims, authors, files, dates',
    [
      'papers query --method lora --has-code',
      "papers query fine-tuning --claim 'accuracy>=90' --json | jq '.[].title'",
      "papers query --author 'wei liu' --sort upvotes",
      'papers query --method lora --limit 0 --format bibtex > lora.bib',
      'papers query --since 2024-05 --csv --fields id,title,last_seen > papers.csv',
    ],
  )
    .argument('[text...]', 'full-text search (FTS5: "exact phrase", prefix*, AND/OR/NOT; NOT x alone: all but x)')
    .option(
      '-m, --method <name>',
      'a method family (lora), member (qlora) or umbrella (peft); repeat to require several',
      collect,
    )
    .addOption(option('--role <role>', 'with --method: proposed, compared or used').choices(ROLES))
    .option('--has-code', 'only papers with a GitHub repository')
    .option('--claim <expr>', "a claim filter, e.g. 'accuracy>=90', 'speedup>2', 'params<7B'; repeatable", collect)
    .option('--author <name>', 'an author (any part of the name; case and accents ignored)')
    .option('--min-upvotes <n>', 'at least this many upvotes')
    .option('--file <glob>', 'only papers seen in files matching this glob')
    .option('--since <date>', 'only papers seen in digests dated on or after (YYYY-MM-DD, YYYY-MM, YYYY)')
    .option('--until <date>', 'only papers seen in digests dated on or before')
    .option('--first-seen-since <date>', 'only papers whose first sighting is dated on or after')
    .option('--new', 'only papers first seen in the last ingest')
    .option('--arxiv <id>', 'the paper with this arXiv id')
    .addOption(option('--sort <order>', 'relevance (default with TEXT), date (default), title, claims, upvotes').choices(SORTS))
    .addOption(
      option('--format <format>', 'citation entries instead of a listing').choices(['bibtex', 'ris', 'csl-json'] as const),
    );
  return asListing(cmd, 'papers', '20');
}

/** The flags `papers query` gives its work, as declared above. */
export type QueryFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./query.js')).queryCommand));
};
