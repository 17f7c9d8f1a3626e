/**
 * Messages for people, on stderr (stdout is for data only). Coloured when stderr is a terminal
 * and NO_COLOR is not set. Messages name files and quote scraped text: their control characters
 * are shown escaped, never obeyed.
 */
import { Chalk } from 'chalk';
import { escapeTerminal } from '../sanitize.js';
import { colorEnabled } from './emit.js';

const chalk = new Chalk({ level: colorEnabled(Boolean(process.stderr.isTTY), undefined) ? 3 : 0 });

export const log = {
  info(msg: string): void {
    process.stderr.write(escapeTerminal(msg) + '\n');
  },
  warn(msg: string): void {
    process.stderr.write(`${chalk.yellow('warning:')} ${escapeTerminal(msg)}\n`);
  },
  error(msg: string): void {
    process.stderr.write(`${chalk.red('error:')} ${escapeTerminal(msg)}\n`);
  },
};
