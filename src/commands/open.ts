/**
 * `papers open ID`: the paper's page in the browser, as `gh browse` does. The page is the
 * Hugging Face paper page when the paper has an arXiv id, else its first link or repository.
 * With no browser to start (no display, a server, a test), the URL is printed instead.
 */
import { spawn } from 'node:child_process';
import { withReadDb } from '../db/open.js';
import type { PaperRecord } from '../db/read.js';
import { UserError } from '../errors.js';
import { log } from '../output/log.js';
import type { OpenFlags } from './open.cli.js';
import { paperByRef } from './show.js';

/** The page to open for a paper (pure): its url, else a project link, else its repository. */
export function pageOf(p: PaperRecord): string | null {
  return p.url ?? p.links[0]?.url ?? p.github[0]?.url ?? null;
}

/** The command that opens a URL on this platform: $BROWSER when set, else the system's opener. */
export function opener(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.BROWSER) return [env.BROWSER];
  if (platform === 'darwin') return ['open'];
  if (platform === 'win32') return ['cmd', '/c', 'start', '""'];
  return ['xdg-open'];
}

/** Starts the opener; resolves false when it cannot run or fails (no browser here). */
function launch(argv: string[], url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, [...argv.slice(1), url], { stdio: 'ignore', detached: true });
    // Openers usually hand the URL over and exit at once; one still running after a while
    // (a browser started in the foreground) is taken as opened and left to run.
    const timer = setTimeout(() => {
      child.unref();
      resolve(true);
    }, 3000);
    const settle = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    child.once('error', () => settle(false));
    child.once('exit', (code) => settle(code === 0));
  });
}

export async function openCommand(id: string, flags: OpenFlags): Promise<number> {
  const paper = await withReadDb(flags.db, (db) => paperByRef(db, id));
  const url = pageOf(paper);
  if (!url) throw new UserError(`paper ${paper.id} has no arXiv id and no link to open`);
  // A browser only for a person at a display: on a server xdg-open would start a text browser.
  const display =
    process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.env.BROWSER);
  if (!flags.print && display && (await launch(opener(), url))) {
    log.info(`opened ${url}`);
    return 0;
  }
  if (!flags.print) log.info('no browser to open it: the page is');
  process.stdout.write(url + '\n');
  return 0;
}
