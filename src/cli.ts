/**
 * The command-line program: commander wiring, global options and exit codes. Each command's work
 * is in src/commands/; this file only describes the surface and maps errors to exit codes:
 * 0 success, 1 failure, 2 usage error.
 */
import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import { EXIT, UsageError, UserError } from './errors.js';
import { ParseError } from './types.js';
import { log } from './output/log.js';
import { escapeTerminal } from './sanitize.js';
import { CLAIM_KINDS, MATCH_RULES, ROLES, SORTS } from './vocabulary.js';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** --db, on every command that opens the database (it is a global option too: `papers --db X query`). */
function withDb(cmd: Command): Command {
  return cmd.option('--db <file>', 'database file (default: $PAPERS_DB or ./papers.db)');
}

/** The format flags of the commands that print one object (show, stats) and of `sql`. */
function withFormats(cmd: Command, fields = true): Command {
  cmd
    .option('--json', 'one JSON array (or object) on stdout')
    .option('--ndjson', 'one JSON object per line, streamed')
    .option('--csv', 'CSV (RFC 4180) with a header; nested values as JSON');
  if (fields) cmd.option('--fields <a,b,c>', 'keep only these keys (columns)');
  return cmd.option('--no-color', 'no colour, even in a terminal (NO_COLOR works too)');
}

/**
 * The flags every listing takes, defined once so they read and behave the same everywhere:
 * formats (sqlite-utils' names, --nl included), --fields, --no-headers, --jq as gh has it, and
 * --limit with the listing's default (null: no --limit).
 */
function withListing(cmd: Command, limit: { default: string; what: string } | null): Command {
  cmd
    .option('--json', 'one JSON array (or object) on stdout')
    .option('--ndjson', 'one JSON object per line, streamed (or --nl)')
    .addOption(new Option('--nl', 'one JSON object per line (= --ndjson)').hideHelp())
    .option('--csv', 'CSV (RFC 4180) with a header; nested values as JSON')
    .option('--tsv', 'tab-separated with a header line (the default when piped)')
    .option('--table', 'a table even when piped (as wide as the terminal, $COLUMNS or 100)')
    .option('--fields <a,b,c>', 'keep only these keys (columns); nested values print as JSON')
    .option('--no-headers', 'no header line in TSV or CSV')
    .option('--jq <expr>', "filter the JSON through jq (jq-wasm), e.g. --jq '.[].title'");
  if (limit) cmd.option('-n, --limit <n>', `at most this many ${limit.what} (0 = all)`, limit.default);
  return cmd.option('--no-color', 'no colour, even in a terminal (NO_COLOR works too)');
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export function buildProgram(onExit: (code: number) => void): Command {
  const program = new Command();
  // Each command's module is loaded only when it runs: a query must not pay for loading the HTML
  // parser and the dedup engine (start-up time is most of a query's latency).
  // The options a command sees include the global ones (`papers --db X query`): commander hands
  // an action its own options, then the command; the command's optsWithGlobals() merges both.
  const run =
    <A extends unknown[]>(load: () => Promise<(...args: A) => Promise<number>>) =>
    async (...args: A) => {
      const cmd = args[args.length - 1];
      if (cmd instanceof Command && args.length >= 2) args[args.length - 2] = cmd.optsWithGlobals();
      onExit(await (await load())(...args));
    };

  program
    .name('papers')
    .description('Turn scraped Hugging Face Papers digests into one deduplicated, queryable SQLite database.')
    .version(pkg.version, '-V, --version')
    .option('--debug', 'print stack traces for errors')
    .option('--db <file>', 'database file, before or after the command (default: $PAPERS_DB or ./papers.db)')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      examples(
        'papers ingest fixtures',
        'papers query --method lora --has-code',
        "papers query 'prefix tuning' --json | jq '.[].title'",
        'papers show 2405.15738',
      ),
    )
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(str) });

  program
    .command('ingest')
    .description('read digests (text, HTML, JSON, markdown) under files or folders into the database')
    .argument('<paths...>', 'files or folders (searched recursively for .txt .md .html .htm .json .jsonl .ndjson)')
    .option('--db <file>', 'database file (default: $PAPERS_DB or ./papers.db)')
    .option('--json', 'print the summary as JSON on stdout')
    .option('-q, --quiet', 'no progress bar, warnings or summary (errors still go to stderr)')
    .option('--threshold <n>', 'title similarity needed for a fuzzy merge, in (0, 1] (default 0.9)')
    .option('--max-file-mb <n>', 'skip files larger than this (default 256)')
    .option('--max-record-chars <n>', 'drop records whose title or abstract is longer (default 100000)')
    .option('-j, --jobs <n>', 'worker threads reading and splitting files (default: by input size and cores; 0 = none)')
    .addHelpText(
      'after',
      examples('papers ingest fixtures', "papers ingest ~/digests --db research.db --json | jq '{files, new, errors}'"),
    )
    .action(run(async () => (await import('./commands/ingest.js')).ingestCommand));

  withListing(
    withDb(
      program
        .command('query')
        .description('papers matching every filter given: full-text search, methods, code, claims, authors, files, dates')
        .argument('[text...]', 'full-text search (FTS5: "exact phrase", prefix*, AND/OR/NOT; NOT x alone: all but x)')
        .option(
          '-m, --method <name>',
          'a method family (lora), member (qlora) or umbrella (peft); repeat to require several',
          collect,
        )
        .addOption(new Option('--role <role>', 'with --method: proposed, compared or used').choices([...ROLES]))
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
        .addOption(
          new Option('--sort <order>', 'relevance (default with TEXT), date (default), title, claims, upvotes').choices([
            ...SORTS,
          ]),
        )
        .addOption(
          new Option('--format <format>', 'citation entries instead of a listing').choices(['bibtex', 'ris', 'csl-json']),
        ),
    ),
    { default: '20', what: 'papers' },
  )
    .addHelpText(
      'after',
      examples(
        'papers query --method lora --has-code',
        "papers query fine-tuning --claim 'accuracy>=90' --json | jq '.[].title'",
        "papers query --author 'wei liu' --sort upvotes",
        'papers query --method lora --limit 0 --format bibtex > lora.bib',
        'papers query --since 2024-05 --csv --fields id,title,last_seen > papers.csv',
      ),
    )
    .action(run(async () => (await import('./commands/query.js')).queryCommand));

  withListing(
    withDb(
      program
        .command('show')
        .description('one paper in full, with its links and every sighting')
        .argument(
          '<id>',
          'a paper id, a unique prefix of one, an arXiv id (arXiv:ID, IDv2) or an arxiv.org / huggingface.co URL',
        ),
    ),
    null,
  )
    .addHelpText(
      'after',
      examples(
        'papers show 2405.15738',
        'papers show https://arxiv.org/abs/2405.15738v2',
        'papers show 8143bbb6a6e4 --json | jq .claims',
      ),
    )
    .action(run(async () => (await import('./commands/show.js')).showCommand));

  withDb(
    program
      .command('open')
      .description("open a paper's page in the browser (prints the URL when there is no browser)")
      .argument('<id>', 'as for show: an id, a prefix, an arXiv id or URL')
      .option('--print', 'only print the URL'),
  )
    .addHelpText('after', examples('papers open 2405.15738', 'papers open 8143bbb6 --print'))
    .action(run(async () => (await import('./commands/open.js')).openCommand));

  withListing(
    withDb(
      program
        .command('claims')
        .description('numeric claims found in abstracts, with their papers')
        .option('--metric <name>', 'e.g. accuracy, speedup, memory (with --min/--max: only claims in units that fit it)')
        .addOption(new Option('--kind <kind>', 'the kind of quantity').choices([...CLAIM_KINDS]))
        .option('--unit <unit>', 'e.g. %, x, parameters, tokens, ms, GB (`papers claims --unit ?` lists them)')
        .option('--min <value>', 'value at least (a number: 2, 1e6, 7B)')
        .option('--max <value>', 'value at most')
        .option('-m, --method <name>', 'only claims of papers involving this method', collect),
    ),
    { default: '20', what: 'claims' },
  )
    .addHelpText(
      'after',
      examples('papers claims --metric speedup --min 2', 'papers claims --kind parameters --method lora --json'),
    )
    .action(run(async () => (await import('./commands/extractions.js')).claimsCommand));

  withListing(
    withDb(
      program
        .command('links')
        .description('GitHub repositories linked from papers')
        .addOption(new Option('--status <status>', 'available or promised').choices(['available', 'promised']))
        .option('--older-than <age>', 'in that status since at least this long ago: 30d, 4w, 6m, 1y'),
    ),
    { default: '20', what: 'repositories' },
  )
    .addHelpText(
      'after',
      examples(
        'papers links --status promised',
        'papers links --older-than 1y --limit 5',
        "papers links --limit 0 --jq '.[].url'",
      ),
    )
    .action(run(async () => (await import('./commands/extractions.js')).linksCommand));

  withListing(withDb(program.command('methods').description('method families and their members, with paper counts by role')), {
    default: '0',
    what: 'rows',
  })
    .addHelpText('after', examples('papers methods', 'papers methods --jq \'.[] | select(.family=="lora")\''))
    .action(run(async () => (await import('./commands/extractions.js')).methodsCommand));

  withListing(
    withDb(
      program
        .command('dupes')
        .description('papers merged from more than one sighting, with the rule and score that merged each')
        .addOption(new Option('--rule <rule>', 'only groups with a sighting merged by this rule').choices([...MATCH_RULES])),
    ),
    { default: '20', what: 'groups' },
  )
    .addHelpText('after', examples('papers dupes', 'papers dupes --rule exact-title --json'))
    .action(run(async () => (await import('./commands/dupes.js')).dupesCommand));

  withListing(
    withDb(program.command('stats').description('counts by file, digest date, method family, claim kind and code')),
    null,
  )
    .addHelpText('after', examples('papers stats', 'papers stats --json | jq .methods', 'papers stats --csv'))
    .action(run(async () => (await import('./commands/stats.js')).statsCommand));

  // The listing flags (formats, --fields, --jq...) without the bundle's --limit: sql has its own.
  withListing(
    withDb(
      program
        .command('sql')
        .description('run one read-only SELECT (or WITH) statement')
        .argument('<statement>', 'the SQL; the database is opened read-only')
        .option('-n, --limit <n>', 'at most this many rows (0 = all)', '0')
        .option('--timeout <duration>', 'stop the statement after this long (e.g. 30s, 2m; 0 = no limit)', '30s'),
    ),
    null,
  )
    .addHelpText(
      'after',
      examples(
        `papers sql "SELECT family, count(DISTINCT paper_rid) AS papers FROM methods GROUP BY family ORDER BY papers DESC"`,
        `papers sql "SELECT id, title, url FROM paper_list WHERE has_code" --limit 5 --jq '.[].url'`,
      ),
    )
    .action(run(async () => (await import('./commands/sql.js')).sqlCommand));

  withDb(
    program
      .command('digest')
      .description('papers new since the last digest (the database remembers each one), as markdown, HTML or a feed')
      .argument('[text...]', 'full-text search, as in query')
      .option('--since <date>', "papers first seen on or after this date, or 'last' (default: since the last digest)")
      .option('--until <date>', 'papers first seen on or before this date')
      .option('-m, --method <name>', 'a method family or member, as in query; repeatable', collect)
      .option('--role <role>', 'with --method: proposed, compared or used')
      .option('--has-code', 'only papers with a GitHub repository')
      .option('--claim <expr>', "a claim filter, as in query, e.g. 'accuracy>=90'; repeatable", collect)
      .option('--file <glob>', 'only papers seen in files matching this glob')
      .option('--arxiv <id>', 'the paper with this arXiv id')
      .addOption(
        new Option('--format <format>', 'markdown (default), html, rss, atom or jsonfeed').choices([
          'markdown',
          'html',
          'rss',
          'atom',
          'jsonfeed',
        ]),
      )
      .option('-o, --out <file>', 'write to this file instead of stdout (never the database)')
      .option('-f, --force', 'replace the --out file if it exists')
      .option('--top <n>', 'only the N most upvoted new papers (default: all)')
      .addOption(new Option('--group-by <key>', 'method (by method family) or none (default)').choices(['method', 'none']))
      .option('--title <text>', 'the digest title (default: "Papers digest, DATE")')
      .option('--dry-run', 'do not record this digest (the next one will show the same papers)')
      .option('--all', 'ignore the memory: every paper in range, shown before or not'),
  )
    .addHelpText(
      'after',
      examples(
        'papers digest > issue-42.md',
        'papers digest --format html --top 10 --group-by method --out issue.html --force',
        'papers digest --dry-run --method lora --format rss',
      ),
    )
    .action(run(async () => (await import('./commands/digest.js')).digestCommand));

  withListing(
    withDb(
      program
        .command('export')
        .description('the whole database: every paper with its nested data (NDJSON unless a format is given), or citations')
        .addOption(
          new Option('--format <format>', 'ndjson, json or csv (or --ndjson, --json, --csv...); bibtex, ris or csl-json').choices(
            ['ndjson', 'json', 'csv', 'bibtex', 'ris', 'csl-json'],
          ),
        )
        .option('-o, --out <file>', 'write to this file instead of stdout (never the database)')
        .option('-f, --force', 'replace the --out file if it exists'),
    ),
    { default: '0', what: 'papers' },
  )
    .addHelpText(
      'after',
      examples(
        'papers export --format ndjson --out papers.ndjson',
        'papers export --csv --fields id,title,url > papers.csv',
        'papers export --format bibtex --out papers.bib',
      ),
    )
    .action(run(async () => (await import('./commands/export.js')).exportCommand));

  return program;
}

/** Runs the program; resolves to the exit code (the caller sets process.exitCode). */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and --version are successes; everything else commander rejects is a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      log.error(`${err.message}\n(add --help for usage)`);
      return EXIT.usage;
    }
    if (err instanceof UserError || err instanceof ParseError) {
      log.error(err.message);
      if (debug) process.stderr.write(escapeTerminal(`${err.stack}\n`));
      return EXIT.failure;
    }
    const e = err as NodeJS.ErrnoException;
    if (e?.code === 'EPIPE') return EXIT.ok; // the reader (head, jq) went away: not our failure
    if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_')) {
      log.error(`database error: ${e.message}${debug ? '' : ' (add --debug for details)'}`);
      if (debug) process.stderr.write(escapeTerminal(`${e.stack}\n`));
      return EXIT.failure;
    }
    // The stack can quote a file name or scraped text: escaped like every message.
    process.stderr.write(escapeTerminal(`papers: unexpected error (a bug; please report it):\n${e?.stack ?? String(err)}\n`));
    return EXIT.failure;
  }
}
