/**
 * Errors the shell turns into exit codes and one-line messages. Anything else is a bug and
 * gets its stack trace printed (with --debug, expected errors do too).
 */

/** Something the user can fix (missing database, unreadable file): exit 1, no stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

/** A bad flag, value or query syntax: exit 2, with a hint to see --help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Exit codes, in one place. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
