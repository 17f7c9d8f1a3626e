/**
 * The pieces every command's registration shares: option bundles defined once (so `--db`, the
 * formats and `--jq` read and behave the same everywhere), the examples block, and the lazy action.
 * Cheap to import on purpose: no database, parser or dedup code is loaded here.
 *
 * The flags' types are inferred from the option strings by @commander-js/extra-typings (`--has-code`
 * gives `hasCode?: true`, `--limit <n>` with a default gives `limit: string`), so a command's work
 * takes `FlagsOf<typeof its declaration>` and no flag type is written twice. Those typings are types
 * only: at run time every command is commander's own Command (extra-typings re-exports the same
 * classes, and is a dev dependency), hence the two casts in `command` and `option`.
 */
import { type Command as CommanderCommand, Option as CommanderOption } from 'commander';
import type { Command, Option, OptionValues } from '@commander-js/extra-typings';

/** A command being declared, its arguments and options typed from their flags. */
// biome-ignore lint/complexity/noBannedTypes: `{}` is extra-typings' own "no options yet"
export type Declared<A extends unknown[] = [], O extends OptionValues = {}> = Command<A, O, {}>;

/** The options a declared command's action receives, inferred from its flags. */
export type FlagsOf<C> = C extends Command<unknown[], infer O, OptionValues> ? O : never;

/** A repeatable flag's parser: `--method a --method b` gives ['a', 'b']. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * Runs a command's work, loaded on demand, and hands its exit code on (see cli.ts). The work's
 * parameters must accept what the action is given: the arguments, then the inferred flags.
 */
export type Run = <A extends unknown[]>(
  load: () => Promise<(...args: A) => Promise<number>>,
) => (...args: [...A, ...unknown[]]) => Promise<void>;

/** What a command module exports: adds exactly one command (with its subcommands) to the program. */
export type Register = (program: CommanderCommand, run: Run) => void;

/**
 * A new subcommand of `parent`, typed, with its description and the examples its help ends with.
 * Made by `parent.command()` so that it inherits the program's settings (exitOverride, the error
 * output), as every command must.
 */
export function command(
  parent: CommanderCommand | Declared<unknown[], OptionValues>,
  name: string,
  description: string,
  exampleLines: string[] = [],
): Declared {
  const cmd = (parent as CommanderCommand).command(name).description(description);
  if (exampleLines.length > 0) cmd.addHelpText('after', examples(...exampleLines));
  return cmd as unknown as Declared;
}

/** An option for `addOption` (choices, hidden options), typed from its flags. */
export function option<U extends string>(flags: U, description: string): Option<U> {
  return new CommanderOption(flags, description) as unknown as Option<U>;
}

// The bundles below are declared once on a bare command, so their flags' types are inferred there
// (not through a generic chain, which made tsc take minutes); the `with*` functions add them to a
// command and its type.

const dbOption = (cmd: Declared) => cmd.option('--db <file>', 'database file (default: $PAPERS_DB or ./papers.db)');

/**
 * The flags every listing takes, defined once so they read and behave the same everywhere:
 * formats (sqlite-utils' names, --nl included), --fields, --no-headers, --jq as gh has it.
 */
const listingOptions = (cmd: Declared) =>
  cmd
    .option('--json', 'one JSON array (or object) on stdout')
    .option('--ndjson', 'one JSON object per line, streamed (or --nl)')
    .addOption(option('--nl', 'one JSON object per line (= --ndjson)').hideHelp())
    .option('--csv', 'CSV (RFC 4180) with a header; nested values as JSON')
    .option('--tsv', 'tab-separated with a header line (the default when piped)')
    .option('--table', 'a table even when piped (as wide as the terminal, $COLUMNS or 100)')
    .option('--fields <a,b,c>', 'keep only these keys (columns); nested values print as JSON')
    .option('--no-headers', 'no header line in TSV or CSV')
    .option('--jq <expr>', "filter the JSON through jq (jq-wasm), e.g. --jq '.[].title'");

const limitOption = (cmd: Declared, what: string, defaultLimit: string) =>
  cmd.option('-n, --limit <n>', `at most this many ${what} (0 = all)`, defaultLimit);

const colorOption = (cmd: Declared) => cmd.option('--no-color', 'no colour, even in a terminal (NO_COLOR works too)');

type DbFlags = FlagsOf<ReturnType<typeof dbOption>>;
type ListingFlags = FlagsOf<ReturnType<typeof listingOptions>>;
type LimitFlags = FlagsOf<ReturnType<typeof limitOption>>;
type ColorFlags = FlagsOf<ReturnType<typeof colorOption>>;

/** --db, on every command that opens the database (it is a global option too: `papers --db X query`). */
export function withDb<A extends unknown[], O extends OptionValues>(cmd: Declared<A, O>): Declared<A, O & DbFlags> {
  dbOption(cmd as unknown as Declared);
  return cmd as unknown as Declared<A, O & DbFlags>;
}

/**
 * The listing flags. A listing's --limit and its default are the command's own (see `withLimit`),
 * declared after these so the help keeps its order: call `withColor` last.
 */
function withListing<A extends unknown[], O extends OptionValues>(cmd: Declared<A, O>): Declared<A, O & ListingFlags> {
  listingOptions(cmd as unknown as Declared);
  return cmd as unknown as Declared<A, O & ListingFlags>;
}

/** A listing's --limit, with its default written once, at the command that owns it. */
function withLimit<A extends unknown[], O extends OptionValues>(
  cmd: Declared<A, O>,
  what: string,
  defaultLimit: string,
): Declared<A, O & LimitFlags> {
  limitOption(cmd as unknown as Declared, what, defaultLimit);
  return cmd as unknown as Declared<A, O & LimitFlags>;
}

function withColor<A extends unknown[], O extends OptionValues>(cmd: Declared<A, O>): Declared<A, O & ColorFlags> {
  colorOption(cmd as unknown as Declared);
  return cmd as unknown as Declared<A, O & ColorFlags>;
}

/**
 * A listing command's bundles, in the help's order: --db, the formats, its --limit (when it has
 * one: what it counts and the default, written here once) and --no-color.
 */
export function asListing<A extends unknown[], O extends OptionValues>(
  cmd: Declared<A, O>,
): Declared<A, O & DbFlags & ListingFlags & ColorFlags>;
export function asListing<A extends unknown[], O extends OptionValues>(
  cmd: Declared<A, O>,
  what: string,
  defaultLimit: string,
): Declared<A, O & DbFlags & ListingFlags & LimitFlags & ColorFlags>;
export function asListing<A extends unknown[], O extends OptionValues>(
  cmd: Declared<A, O>,
  what?: string,
  defaultLimit?: string,
) {
  const listing = withListing(withDb(cmd));
  return withColor(what === undefined || defaultLimit === undefined ? listing : withLimit(listing, what, defaultLimit));
}

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
