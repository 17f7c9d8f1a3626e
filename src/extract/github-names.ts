/**
 * First path segments of github.com that are GitHub's own pages, not users or organisations (site
 * chrome on scraped pages: `github.com/features`, `/login`, `/sponsors`). GitHub does not let an
 * account take these names, so a URL under one is never a repository. One list for the links an
 * abstract names (extract/github.ts) and the repository fields a form gives (formats/links.ts).
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
