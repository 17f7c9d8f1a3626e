/**
 * GitHub's URL grammar: which github.com paths are a repository, an owner page, or GitHub's own
 * pages. Used by ./links.ts, which finds every link of a paper.
 */
import { isReservedGithubName } from './github-names.js';

const OWNER_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO_RE = /^[A-Za-z0-9._-]{1,100}$/;

export type GithubParse =
  | { kind: 'repo'; owner: string; repo: string; path: string | null }
  | { kind: 'owner'; owner: string }
  | { kind: 'chrome' };

/** Reads owner/repo/path from a github.com URL path. */
export function parseGithubPath(path: string): GithubParse {
  const segs = path.split('/').filter((s) => s !== '');
  const owner = segs[0];
  if (owner === undefined || isReservedGithubName(owner) || !OWNER_RE.test(owner)) {
    return { kind: 'chrome' };
  }
  let repo = segs[1];
  if (repo !== undefined) repo = repo.replace(/\.git$/i, '');
  if (repo === undefined || repo === '' || repo === '.' || repo === '..' || !REPO_RE.test(repo)) {
    return { kind: 'owner', owner };
  }
  const deeper = segs.slice(2);
  return { kind: 'repo', owner, repo, path: deeper.length ? `/${deeper.join('/')}` : null };
}
