/**
 * Messages for people, on stderr (stdout is for data only). Coloured when stderr is a terminal
 * and NO_COLOR is not set.
 */
import { Chalk } from 'chalk';
import { colorEnabled } from './emit.js';

const chalk = new Chalk({ level: colorEnabled(Boolean(process.stderr.isTTY), undefined) ? 3 : 0 });

export const log = {
  info(msg: string): void {
    process.stderr.write(msg + '\n');
  },
  warn(msg: string): void {
    process.stderr.write(`${chalk.yellow('warning:')} ${msg}\n`);
  },
  error(msg: string): void {
    process.stderr.write(`${chalk.red('error:')} ${msg}\n`);
  },
};
