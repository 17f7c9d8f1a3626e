/**
 * The command-line program: the global options, the list of commands and the mapping of errors to
 * exit codes (0 success, 1 failure, 2 usage error). Each command declares itself (options,
 * defaults, examples) in src/commands/<name>.cli.ts and does its work in <name>.ts.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError, UserError } from './errors.js';
import { ParseError } from './types.js';
import { log } from './output/log.js';
import { escapeTerminal } from './sanitize.js';
import { examples, type Register, type Run } from './commands/options.js';
import { register as claims } from './commands/claims.cli.js';
import { register as decisions } from './commands/decisions.cli.js';
import { register as digest } from './commands/digest.cli.js';
import { register as distinct } from './commands/distinct.cli.js';
import { register as dupes } from './commands/dupes.cli.js';
import { register as exportCmd } from './commands/export.cli.js';
import { register as forget } from './commands/forget.cli.js';
import { register as ingest } from './commands/ingest.cli.js';
import { register as links } from './commands/links.cli.js';
import { register as merge } from './commands/merge.cli.js';
import { register as methods } from './commands/methods.cli.js';
import { register as open } from './commands/open.cli.js';
import { register as query } from './commands/query.cli.js';
import { register as show } from './commands/show.cli.js';
import { register as split } from './commands/split.cli.js';
import { register as sql } from './commands/sql.cli.js';
import { register as stats } from './commands/stats.cli.js';
import { TOOL_VERSION } from './version.js';

/**
 * The commands, in the order `papers --help` lists them. Each module registers exactly one command
 * (with its options, defaults, examples) and loads the module doing the work only when it runs.
 */
export const COMMANDS: readonly Register[] = [
  ingest,
  query,
  show,
  open,
  claims,
  links,
  methods,
  dupes,
  merge,
  split,
  distinct,
  decisions,
  forget,
  stats,
  sql,
  digest,
  exportCmd,
];

export function buildProgram(onExit: (code: number) => void): Command {
  const program = new Command();
  // Each command's module is loaded only when it runs: a query must not pay for loading the HTML
  // parser and the dedup engine (start-up time is most of a query's latency).
  // The options a command sees include the global ones (`papers --db X query`): commander hands
  // an action its own options, then the command; the command's optsWithGlobals() merges both.
  const run: Run =
    <A extends unknown[]>(load: () => Promise<(...args: A) => Promise<number>>) =>
    async (...args: [...A, ...unknown[]]) => {
      const cmd = args[args.length - 1];
      if (cmd instanceof Command && args.length >= 2) args[args.length - 2] = cmd.optsWithGlobals();
      onExit(await (await load())(...(args as unknown as A)));
    };

  program
    .name('papers')
    .description('Turn scraped Hugging Face Papers digests into one deduplicated, queryable SQLite database.')
    .version(TOOL_VERSION, '-V, --version')
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

  for (const register of COMMANDS) register(program, run);
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
