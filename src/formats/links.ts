/**
 * Link fields of a record: GitHub repository URLs (cleaned and validated) and other absolute links.
 * Pure; errors are `ParseError`s.
 */
import { isReservedGithubName } from '../extract/github.js';
import { hasControl } from '../sanitize.js';

const GITHUB_URL =
  /^(?:https?:\/\/)?(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?:\/([A-Za-z0-9_.-]+))?(\/[^\s?#]*)?/i;
/**
 * A repository URL given by a form as a field, cleaned to `https://github.com/owner/repo[/path]`,
 * or null for anything that is not a repository: owner-only URLs (site chrome such as
 * `https://github.com/huggingface`), GitHub's own pages.
 */
export function cleanRepoUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = GITHUB_URL.exec(raw.trim());
  // A URL with a control character in it is not a link (`https://github.com/a/b\x1b[2J`).
  if (!m || !m[2] || hasControl(raw)) return null;
  const owner = m[1]!;
  let repo = m[2];
  if (isReservedGithubName(owner)) return null;
  repo = repo.replace(/\.git$/i, '').replace(/[.,;:]+$/, '');
  if (repo.length === 0 || repo === '.' || repo === '..') return null;
  let path = (m[3] ?? '').replace(/[.,;:)\]]+$/, '').replace(/\/+$/, '');
  if (path === '/') path = '';
  return `https://github.com/${owner}/${repo}${path}`;
}

/**
 * A repository URL found among a page's links rather than given as the paper's code field:
 * as `cleanRepoUrl`, and the site's own organisation (huggingface/…) is chrome, not the paper's.
 */
export function cleanScrapedRepoUrl(raw: unknown): string | null {
  const url = cleanRepoUrl(raw);
  return url && !/^https:\/\/github\.com\/huggingface\//i.test(url) ? url : null;
}

/** A link field's value as an absolute http(s) URL, else null. */
export function cleanLink(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!/^https?:\/\/[^\s/]+\.[^\s]/i.test(s) || s.length > 2000 || /\s/.test(s) || hasControl(s)) return null;
  return s;
}

/** Adds to `list` the values not already there (order kept). */
export function pushUnique(list: string[], value: string | null): void {
  if (value && !list.includes(value)) list.push(value);
}
