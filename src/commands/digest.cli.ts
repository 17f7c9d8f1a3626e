/** `papers digest`: registration only; the work is in digest.ts, loaded when it runs. */
import type { Command } from 'commander';
import { collect, command, type FlagsOf, option, type Register, withDb } from './options.js';

function declare(program: Command) {
  return withDb(
    command(
      program,
      'digest',
      'papers new since the last digest (the database remembers each one), as markdown, HTML or a feed',
      [
        'papers digest > issue-42.md',
        'papers digest --format html --top 10 --group-by method --out issue.html --force',
        'papers digest --dry-run --method lora --format rss',
      ],
    )
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
        option('--format <format>', 'markdown (default), html, rss, atom or jsonfeed').choices([
          'markdown',
          'html',
          'rss',
          'atom',
          'jsonfeed',
        ] as const),
      )
      .option('-o, --out <file>', 'write to this file instead of stdout (never the database)')
      .option('-f, --force', 'replace the --out file if it exists')
      .option('--top <n>', 'only the N most upvoted new papers (default: all)')
      .addOption(option('--group-by <key>', 'method (by method family) or none (default)').choices(['method', 'none'] as const))
      .option('--title <text>', 'the digest title (default: "Papers digest, DATE")')
      .option('--dry-run', 'do not record this digest (the next one will show the same papers)')
      .option('--all', 'ignore the memory: every paper in range, shown before or not'),
  );
}

export type DigestFlags = FlagsOf<ReturnType<typeof declare>>;

export const register: Register = (program, run) => {
  declare(program).action(run(async () => (await import('./digest.js')).digestCommand));
};
