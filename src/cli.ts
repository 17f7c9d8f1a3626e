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

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** --db and the format flags, the same on every command that reads. */
function withDb(cmd: Command): Command {
  return cmd.option('--db <file>', 'database file (default: $PAPERS_DB or ./papers.db)');
}

function withFormats(cmd: Command, fields = true): Command {
  cmd
    .option('--json', 'one JSON array (or object) on stdout')
    .option('--ndjson', 'one JSON object per line, streamed')
    .option('--csv', 'CSV (RFC 4180) with a header; nested values as JSON');
  if (fields) cmd.option('--fields <a,b,c>', 'keep only these keys (columns)');
  return cmd.option('--no-color', 'no colour, even in a terminal (NO_COLOR works too)');
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export function buildProgram(onExit: (code: number) => void): Command {
  const program = new Command();
  // Each command's module is loaded only when it runs: a query must not pay for loading the HTML
  // parser and the dedup engine (start-up time is most of a query's latency).
  const run =
    <A extends unknown[]>(load: () => Promise<(...args: A) => Promise<number>>) =>
    async (...args: A) =>
      onExit(await (await load())(...args));

  program
    .name('papers')
    .description('Turn scraped Hugging Face Papers digests into one deduplicated, queryable SQLite database.')
    .version(pkg.version, '-V, --version')
    .option('--debug', 'print stack traces for errors')
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
    .addHelpText('after', examples('papers ingest fixtures', 'papers ingest ~/digests --db research.db --json | jq .errors'))
    .action(run(async () => (await import('./commands/ingest.js')).ingestCommand));

  withFormats(
    withDb(
      program
        .command('query')
        .description('papers matching every filter given: full-text search, methods, code, claims, files, dates')
        .argument('[text...]', 'full-text search (FTS5: "exact phrase", prefix*, AND/OR/NOT)')
        .option('-m, --method <name>', 'a method family (lora) or member (qlora); repeat to require several', collect)
        .option('--role <role>', 'with --method: proposed, compared or used')
        .option('--has-code', 'only papers with a GitHub repository')
        .option('--claim <expr>', "a claim filter, e.g. 'accuracy>=90', 'speedup>2', 'parameters<1e6'; repeatable", collect)
        .option('--file <glob>', 'only papers seen in files matching this glob')
        .option('--since <date>', 'only papers seen in digests dated on or after (YYYY-MM-DD, YYYY-MM, YYYY)')
        .option('--until <date>', 'only papers seen in digests dated on or before')
        .option('--arxiv <id>', 'the paper with this arXiv id')
        .addOption(
          new Option('--sort <order>', 'relevance (default with TEXT), date (default), title, claims').choices([
            'relevance',
            'date',
            'title',
            'claims',
          ]),
        )
        .option('-n, --limit <n>', 'at most this many papers (0 = all)', '20'),
    ),
  )
    .addHelpText(
      'after',
      examples(
        'papers query --method lora --has-code',
        "papers query 'low-rank adaptation' --claim 'accuracy>=90' --json | jq '.[].title'",
        'papers query --since 2024-05 --csv --fields id,title,last_seen > papers.csv',
      ),
    )
    .action(run(async () => (await import('./commands/query.js')).queryCommand));

  withFormats(
    withDb(
      program.command('show').description('one paper in full, with every sighting').argument('<id>', 'a paper id or arXiv id'),
    ),
    false,
  )
    .addHelpText('after', examples('papers show 2405.15738', 'papers show 3f1c0a9e22b1 --json | jq .claims'))
    .action(run(async () => (await import('./commands/show.js')).showCommand));

  withFormats(
    withDb(
      program
        .command('claims')
        .description('numeric claims found in abstracts, with their papers')
        .option('--metric <name>', 'e.g. accuracy, speedup, memory')
        .option('--kind <kind>', 'percent, multiplier, parameters, count or quantity')
        .option('--unit <unit>', 'e.g. %, x, parameters, tokens, ms, GB')
        .option('--min <value>', 'value at least')
        .option('--max <value>', 'value at most')
        .option('-m, --method <name>', 'only claims of papers involving this method', collect)
        .option('-n, --limit <n>', 'at most this many claims (0 = all)', '20'),
    ),
  )
    .addHelpText(
      'after',
      examples('papers claims --metric speedup --min 2', 'papers claims --kind parameters --method lora --json'),
    )
    .action(run(async () => (await import('./commands/extractions.js')).claimsCommand));

  withFormats(
    withDb(
      program
        .command('links')
        .description('GitHub repositories linked from papers')
        .addOption(new Option('--status <status>', 'available or promised').choices(['available', 'promised']))
        .option('-n, --limit <n>', 'at most this many (0 = all)', '0'),
    ),
  )
    .addHelpText('after', examples('papers links --status promised', 'papers links --json | jq -r ".[].url"'))
    .action(run(async () => (await import('./commands/extractions.js')).linksCommand));

  withFormats(withDb(program.command('methods').description('method families and members, with paper counts by role')))
    .addHelpText('after', examples('papers methods', 'papers methods --json | jq ".[] | select(.family==\\"lora\\")"'))
    .action(run(async () => (await import('./commands/extractions.js')).methodsCommand));

  withFormats(
    withDb(
      program
        .command('dupes')
        .description('papers merged from more than one sighting, with the rule and score that merged each')
        .option('--rule <rule>', 'only groups with a sighting merged by this rule (e.g. fuzzy-title)')
        .option('-n, --limit <n>', 'at most this many groups (0 = all)', '20'),
    ),
  )
    .addHelpText('after', examples('papers dupes', 'papers dupes --rule fuzzy-title --json'))
    .action(run(async () => (await import('./commands/dupes.js')).dupesCommand));

  withFormats(
    withDb(program.command('stats').description('counts by file, digest date, method family, claim kind and code')),
    false,
  )
    .addHelpText('after', examples('papers stats', 'papers stats --json | jq .methods'))
    .action(run(async () => (await import('./commands/stats.js')).statsCommand));

  withFormats(
    withDb(
      program
        .command('sql')
        .description('run one read-only SELECT (or WITH) statement')
        .argument('<statement>', 'the SQL; the database is opened read-only')
        .option('-n, --limit <n>', 'at most this many rows (0 = all)', '0')
        .option('--timeout <duration>', 'stop the statement after this long (e.g. 30s, 2m; 0 = no limit)', '30s'),
    ),
  )
    .addHelpText('after', examples(`papers sql "SELECT family, count(*) AS n FROM methods GROUP BY family ORDER BY n DESC"`))
    .action(run(async () => (await import('./commands/sql.js')).sqlCommand));

  withDb(
    program
      .command('export')
      .description('the whole database: every paper with its nested data')
      .addOption(new Option('--format <format>', 'ndjson, json or csv').choices(['ndjson', 'json', 'csv']).default('ndjson'))
      .option('-o, --out <file>', 'write to this file instead of stdout (never the database)')
      .option('-f, --force', 'replace the --out file if it exists'),
  )
    .addHelpText(
      'after',
      examples('papers export --format ndjson --out papers.ndjson', 'papers export --format csv > papers.csv'),
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
