/**
 * The pieces every command's registration shares: option bundles defined once (so `--db`, the
 * formats and `--jq` read and behave the same everywhere), the examples block, and the lazy action.
 * Cheap to import on purpose: no database, parser or dedup code is loaded here.
 */
import { type Command, Option } from 'commander';

/** A repeatable flag's parser: `--method a --method b` gives ['a', 'b']. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Runs a command's work, loaded on demand, and hands its exit code on (see cli.ts). */
export type Run = <A extends unknown[]>(
  // biome-ignore lint/suspicious/noExplicitAny: a command's work takes its own typed arguments
  load: () => Promise<(...args: any[]) => Promise<number>>,
) => (...args: A) => Promise<void>;

/** What a command module exports: adds exactly one command (with its subcommands) to the program. */
export type Register = (program: Command, run: Run) => void;

/** --db, on every command that opens the database (it is a global option too: `papers --db X query`). */
export function withDb(cmd: Command): Command {
  return cmd.option('--db <file>', 'database file (default: $PAPERS_DB or ./papers.db)');
}

/**
 * The flags every listing takes, defined once so they read and behave the same everywhere:
 * formats (sqlite-utils' names, --nl included), --fields, --no-headers, --jq as gh has it.
 * A listing's --limit and its default are the command's own (see `withLimit`), declared after these
 * so the help keeps its order: call `withColor` last.
 */
export function withListing(cmd: Command): Command {
  return cmd
    .option('--json', 'one JSON array (or object) on stdout')
    .option('--ndjson', 'one JSON object per line, streamed (or --nl)')
    .addOption(new Option('--nl', 'one JSON object per line (= --ndjson)').hideHelp())
    .option('--csv', 'CSV (RFC 4180) with a header; nested values as JSON')
    .option('--tsv', 'tab-separated with a header line (the default when piped)')
    .option('--table', 'a table even when piped (as wide as the terminal, $COLUMNS or 100)')
    .option('--fields <a,b,c>', 'keep only these keys (columns); nested values print as JSON')
    .option('--no-headers', 'no header line in TSV or CSV')
    .option('--jq <expr>', "filter the JSON through jq (jq-wasm), e.g. --jq '.[].title'");
}

/** A listing's --limit, with its default written once, here at the command that owns it. */
export function withLimit(cmd: Command, what: string, defaultLimit: string): Command {
  return cmd.option('-n, --limit <n>', `at most this many ${what} (0 = all)`, defaultLimit);
}

export function withColor(cmd: Command): Command {
  return cmd.option('--no-color', 'no colour, even in a terminal (NO_COLOR works too)');
}

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}
