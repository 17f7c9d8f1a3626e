import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../../src/cli.js';
import type { Run } from '../../src/commands/options.js';

const noRun = () => async () => {};

describe('command modules', () => {
  it('each registers exactly one command, with a description and an action', () => {
    const names = COMMANDS.map((register) => {
      const program = new Command();
      register(program, noRun);
      expect(program.commands).toHaveLength(1);
      const cmd = program.commands[0] as Command;
      expect(cmd.description()).not.toBe('');
      return cmd.name();
    });
    expect(new Set(names).size).toBe(names.length);
  });

  it('papers --help lists every registered command', () => {
    const program = buildProgram(() => {});
    const help = program.helpInformation();
    const names = program.commands.map((c) => c.name());
    expect(names).toHaveLength(COMMANDS.length);
    for (const name of names) expect(help).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });
});

describe('the defaults a command declares reach its work', () => {
  /** Parses argv through the real declarations; returns the flags the action was handed. */
  function flagsOf(argv: string[]): Record<string, unknown> {
    let got: unknown[] = [];
    const capture: Run =
      () =>
      async (...args) => {
        got = args;
      };
    const program = new Command().exitOverride();
    for (const register of COMMANDS) register(program, capture);
    program.parse(argv, { from: 'user' });
    return got[got.length - 2] as Record<string, unknown>;
  }

  it.each([
    [['query'], { limit: '20', color: true, headers: true }],
    [['claims'], { limit: '20' }],
    [['links'], { limit: '20' }],
    [['dupes'], { limit: '20' }],
    [['methods'], { limit: '0' }],
    [['export'], { limit: '0' }],
    [['sql', 'SELECT 1'], { limit: '0', timeout: '30s' }],
    [['query', '-n', '5', '--no-color'], { limit: '5', color: false }],
  ])('%j: %j', (argv, expected) => {
    expect(flagsOf(argv)).toMatchObject(expected);
  });
});
