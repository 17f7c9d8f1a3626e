/**
 * GitHub's URL grammar: which github.com paths are a repository, an owner page, or GitHub's own
 * pages. Used by ./links.ts, which finds every link of a paper, and by formats/links.ts for the
 * repository fields a form gives.
 */

/**
 * First path segments of github.com that are GitHub's own pages, not users or organisations (site
 * chrome on scraped pages: `github.com/features`, `/login`, `/sponsors`). GitHub does not let an
 * account take these names, so a URL under one is never a repository.
 */
const GITHUB_RESERVED_NAMES: ReadonlySet<string> = new Set([
  'about',
  'account',
  'apps',
  'blog',
  'business',
  'codespaces',
  'collections',
  'contact',
  'customer-stories',
  'dashboard',
  'enterprise',
  'events',
  'explore',
  'features',
  'git-guides',
  'github',
  'home',
  'issues',
  'join',
  'login',
  'logout',
  'marketplace',
  'new',
  'nonprofit',
  'notifications',
  'organizations',
  'orgs',
  'password_reset',
  'premium-support',
  'pricing',
  'pulls',
  'readme',
  'resources',
  'search',
  'security',
  'sessions',
  'settings',
  'signup',
  'site',
  'solutions',
  'sponsors',
  'team',
  'topics',
  'trending',
  'users',
  'watching',
]);

/** Whether `owner` (any case) is one of GitHub's own top-level pages. */
export function isReservedGithubName(owner: string): boolean {
  return GITHUB_RESERVED_NAMES.has(owner.toLowerCase());
}

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
