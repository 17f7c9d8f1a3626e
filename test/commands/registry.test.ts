import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../../src/cli.js';

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
