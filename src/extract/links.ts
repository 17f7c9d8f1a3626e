/**
 * All the links of a paper: GitHub repositories (code links) and the other links around them, found
 * in its title and abstract, plus the repository / project-page fields some input forms carry.
 *
 * Pure: no I/O, no globals mutated. Every regex is compiled once at module load; the scanning
 * regexes use only bounded or single-character-class repetitions, so a 200 kB string without a
 * space costs one linear pass (see the pathological-input tests).
 *
 * Decisions (the brief left them open):
 * - `url` is always `https://github.com/{owner}/{repo}` (scheme, `www.` and `.git` normalised,
 *   owner/repo kept as first written); anything deeper (`/tree/main/x`) goes to `path`, never
 *   into `url`, so `url` is a stable join key.
 * - One entry per repository per paper, compared case-insensitively. When the abstract and a
 *   site field name the same repository the abstract entry is kept (it carries the promise
 *   wording), but a site field linking a repository the abstract only promised makes it
 *   "available" (the promise was kept); site-only repositories come after, with
 *   `source: "site"`, `status: "available"`.
 * - `github.com/{owner}` alone (an organisation or user page) is not a repository: it becomes a
 *   link of kind "other". Site chrome paths (`github.com/features`, `/login`, ...) are dropped.
 * - Status is decided per URL from the sentence that holds it: a promise right after the URL in
 *   the same clause ("(coming soon)", "upon acceptance") wins; else the last promise/availability
 *   cue between the sentence start and the URL (so "Code is available at A, and data will be
 *   released at B" gives A available, B promised); with no cue at all, "available".
 */
import type { CodeLink, Link } from '../types.js';
import { parseGithubPath } from './github.js';
import { maybeUrl } from './regex.js';
import { sentenceIndex, sentenceStarts } from './sentences.js';
import { hasControl } from '../sanitize.js';

/** Result of {@link extractLinks}. */
export interface ExtractedLinks {
  github: CodeLink[];
  links: Link[];
}

// A URL with a scheme, or a scheme-less one on a host we know (seed: "found at
// github.com/microsoft/mup and installable via ..."). The body stops at whitespace, quotes,
// braces and brackets: `\url{...}` / `\href{...}{...}` and the seed's URL glued to a braced copy
// of itself ("https://github.com/SKDDJ/LoLDU{https://github.com/SKDDJ/LoLDU}") split there.
// LaTeX escapes inside a URL (`\_`, `\%`, `\&`, `\#`, `\~`) are kept and unescaped later.
const URL_BODY = String.raw`(?:[^\s<>"'\x60{}|\\^\[\]\u201c\u201d\u2018\u2019]|\\[_%&#~])`;
const URL_RE = new RegExp(
  String.raw`https?://${URL_BODY}+` +
    String.raw`|(?<![A-Za-z0-9_.@/-])(?:www\.)?(?:github\.com|gitlab\.com|gitee\.com|huggingface\.co|hf\.co|arxiv\.org|[A-Za-z0-9-]{1,63}\.github\.io)(?:/${URL_BODY}*)?`,
  'gi',
);
// Punctuation that ends a sentence or a clause rather than a URL ("...SSF." / "...models,").
const TRAILING_PUNCT = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', '\\', '>', '~']);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

// Status cues. One alternation, promise phrases first so that "will be released" is consumed
// whole and its "released" is not read again as an availability cue.
const STATUS_CUE_RE = new RegExp(
  [
    // promised
    String.raw`(?<p>\bwill\s+(?:soon\s+|also\s+|then\s+|shortly\s+)?(?:be\s+)?(?:soon\s+|made\s+|shortly\s+)*(?:publicly\s+|openly\s+|freely\s+)?(?:released|available|open[\s-]?sourced?|public|published|shared|accessible|provided|uploaded|posted|online|disclosed|put)\b` +
      String.raw`|\bwill\s+(?:\w+\s+)?(?:release|open[\s-]?source|publish|share|make|provide|upload|post)\b` +
      String.raw`|\b(?:to|shall|would|going\s+to)\s+be\s+(?:made\s+)?(?:publicly\s+)?(?:released|available|open[\s-]?sourced?|published)\b` +
      String.raw`|\bplan(?:s|ned)?\s+to\s+(?:release|open[\s-]?source|publish|make)\b` +
      String.raw`|\bcoming\s+soon\b|\bforthcoming\b|\b(?:upon|after|following)\s+(?:the\s+)?(?:paper(?:'s)?\s+)?(?:acceptance|publication|review)\b` +
      String.raw`|\bonce\s+(?:the\s+)?(?:paper\s+|manuscript\s+|work\s+)?(?:is\s+)?(?:accepted|published)\b` +
      String.raw`|\bas\s+soon\s+as\s+possible\b)`,
    // available
    String.raw`(?<a>\b(?:is|are|was|were|has\s+been|have\s+been|now)\s+(?:now\s+)?(?:publicly\s+|freely\s+|openly\s+)?(?:available|released|open[\s-]?sourced?|accessible|disclosed|hosted|provided|published|shared|online)\b` +
      String.raw`|\b(?:we\s+)?(?:release|open[\s-]?source|publish|provide|share|make)\b` +
      String.raw`|\b(?:available|accessible)\s+(?:at|in|on|from|via|here|through|under)\b` +
      String.raw`|\b(?:can|could)\s+be\s+(?:found|accessed|downloaded|obtained)\b|\bopen[\s-]?sourced?\s+(?:at|in|on)\b` +
      String.raw`|\b(?:code|codes|repository|repo|implementation|github)\s*:)`,
  ].join('|'),
  'gi',
);
// After the URL, only unmistakable promises in the same clause count, and they win over a cue
// before it ("Code: https://github.com/x/y (coming soon)").
const AFTER_PROMISE_RE =
  /^[^,;]{0,60}?(?:\bcoming\s+soon\b|\b(?:upon|after|following)\s+(?:the\s+)?(?:paper(?:'s)?\s+)?(?:acceptance|publication|review)\b|\bonce\s+(?:the\s+)?(?:paper\s+)?(?:is\s+)?(?:accepted|published)\b|\bto\s+be\s+(?:released|published|made\s+available)\b|\bwill\s+be\s+(?:made\s+)?(?:publicly\s+)?(?:released|available|open[\s-]?sourced?)\b)/i;

// Words before a non-GitHub URL that make it a project page ("Project website: https://...").
const PROJECT_WORDS_RE =
  /\b(?:project\s+(?:page|website|site|homepage|web\s*page)|home\s*page|website|web\s*page|demo\s+page)\b[^.;]{0,30}$/i;

// Sentence ends: ". " / "? " / "! " (optionally closing quote/bracket), or a period glued to a
// capital after a lowercase word (seed: "downstream tasks.Our project page is at ...").

interface FoundUrl {
  start: number;
  end: number;
  /** Cleaned URL text, scheme-less or not, as it should be parsed. */
  text: string;
}

/** Strip what surrounds a URL in real abstracts; returns the cleaned text (maybe ""). */
function cleanUrl(raw: string): string {
  const s = raw.replace(/\\([_%&#~])/g, '$1');
  // Bracket balance inside the URL, counted once: a closing bracket ends the URL unless the URL
  // opened it (".../Foo_(bar)" keeps its ")", "(https://...)." loses it).
  const depth: Record<string, number> = { '(': 0, '[': 0, '{': 0 };
  for (const ch of s) {
    if (ch in depth) depth[ch]!++;
    else if (ch in CLOSERS) depth[CLOSERS[ch]!]!--;
  }
  let end = s.length;
  while (end > 0) {
    const last = s.charAt(end - 1);
    if (TRAILING_PUNCT.has(last)) {
      end--;
      continue;
    }
    const opener = CLOSERS[last];
    if (opener !== undefined && depth[opener]! < 0) {
      depth[opener]!++;
      end--;
      continue;
    }
    break;
  }
  return s.slice(0, end);
}

function findUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = [];
  if (!maybeUrl(text)) return out;
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m !== null; m = URL_RE.exec(text)) {
    const cleaned = cleanUrl(m[0]);
    if (cleaned.length < 4) continue;
    out.push({ start: m.index, end: m.index + cleaned.length, text: cleaned });
  }
  return out;
}

interface ParsedUrl {
  /** "https://host/path..." with a scheme (https added when absent). */
  url: string;
  host: string;
  /** Path without query or fragment, "" when none. */
  path: string;
}

function parseUrl(text: string): ParsedUrl | null {
  const m = /^(?:(https?):\/\/)?([^/?#\s]+)([^?#\s]*)/i.exec(text);
  if (!m || !m[2]) return null;
  const scheme = (m[1] ?? 'https').toLowerCase();
  const hostRaw = m[2].replace(/:\d+$/, '');
  if (!/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(hostRaw)) return null;
  const rest = text.slice(m[1] ? m[1].length + 3 : 0);
  return { url: `${scheme}://${rest}`, host: hostRaw.toLowerCase(), path: m[3] ?? '' };
}

/** Link kind from the host; `fallback` for hosts we do not know. */
function linkKind(host: string, fallback: string): string {
  const h = host.replace(/^www\./, '');
  if (h === 'huggingface.co' || h === 'hf.co' || h.endsWith('.huggingface.co') || h.endsWith('.hf.space')) {
    return 'huggingface';
  }
  if (h === 'gitlab.com' || h.startsWith('gitlab.') || h.endsWith('.gitlab.io')) {
    return h.endsWith('.gitlab.io') ? 'project-page' : 'gitlab';
  }
  if (h === 'gitee.com') return 'gitee';
  if (h === 'arxiv.org' || h.endsWith('.arxiv.org')) return 'arxiv';
  if (h.endsWith('.github.io')) return 'project-page';
  return fallback;
}

// Cues further than this before a URL belong to another clause; the cap also keeps a giant
// one-sentence input linear.
const CUE_WINDOW = 400;

/** "promised" or "available" for `urls[index]`; see the module comment. */
function statusAt(text: string, starts: number[], urls: FoundUrl[], index: number): CodeLink['status'] {
  const u = urls[index]!;
  const si = sentenceIndex(starts, u.start);
  const sStart = starts[si]!;
  const before = text.slice(Math.max(sStart, u.start - CUE_WINDOW), u.start);
  let last: 'p' | 'a' | null = null;
  STATUS_CUE_RE.lastIndex = 0;
  for (let m = STATUS_CUE_RE.exec(before); m !== null; m = STATUS_CUE_RE.exec(before)) {
    last = m.groups?.p !== undefined ? 'p' : 'a';
  }
  const next = urls[index + 1];
  let sEnd = starts[si + 1] ?? text.length;
  if (next && next.start < sEnd) sEnd = next.start;
  if (AFTER_PROMISE_RE.test(text.slice(u.end, Math.min(sEnd, u.end + 200)))) return 'promised';
  return last === 'p' ? 'promised' : 'available';
}

/** Accumulates entries with the dedup rules. */
class Collector {
  readonly github: CodeLink[] = [];
  readonly links: Link[] = [];
  private readonly repoKeys = new Set<string>();
  private readonly linkKeys = new Set<string>();

  addRepo(owner: string, repo: string, path: string | null, status: CodeLink['status'], source: CodeLink['source']): void {
    const key = `${owner}/${repo}`.toLowerCase();
    if (this.repoKeys.has(key)) {
      // The abstract promised it and a site field (a later sighting's githubRepo) links it: the
      // promise is kept. The abstract entry stays, with the status of the repository today.
      const seen = this.github.find((g) => `${g.owner}/${g.repo}`.toLowerCase() === key);
      if (seen && seen.status === 'promised' && status === 'available' && source === 'site') seen.status = 'available';
      return;
    }
    this.repoKeys.add(key);
    this.github.push({ url: `https://github.com/${owner}/${repo}`, owner, repo, path, status, source });
  }

  addLink(url: string, kind: string): void {
    const key = url
      .toLowerCase()
      .replace(/^https?:\/\/(?:www\.)?/, '')
      .replace(/\/+$/, '');
    if (this.linkKeys.has(key)) return;
    this.linkKeys.add(key);
    this.links.push({ url, kind });
  }

  /** Routes one cleaned URL: repository, owner page, chrome (dropped) or other link. */
  add(text: string, source: CodeLink['source'], status: () => CodeLink['status'], fallbackKind: () => string): void {
    // A URL with a control character in it is not a link (`https://evil.example/x\x1b`).
    const p = hasControl(text) ? null : parseUrl(text);
    if (!p) return;
    const host = p.host.replace(/^www\./, '');
    if (host === 'github.com') {
      const g = parseGithubPath(p.path);
      if (g.kind === 'repo') this.addRepo(g.owner, g.repo, g.path, status(), source);
      else if (g.kind === 'owner') this.addLink(`https://github.com/${g.owner}`, 'other');
      return;
    }
    this.addLink(p.url.replace(/^(https?:\/\/)www\.github\.com/i, '$1github.com'), linkKind(host, fallbackKind()));
  }
}

function scanText(text: string, c: Collector): void {
  const urls = findUrls(text);
  let starts: number[] | null = null;
  urls.forEach((u, i) => {
    c.add(
      u.text,
      'abstract',
      () => statusAt(text, (starts ??= sentenceStarts(text)), urls, i),
      () => (PROJECT_WORDS_RE.test(text.slice(Math.max(0, u.start - 80), u.start)) ? 'project-page' : 'other'),
    );
  });
}

/**
 * Extracts GitHub repositories and other links from a paper.
 *
 * @param title     the paper title (scanned like the abstract; rarely holds a URL)
 * @param abstract  the abstract as read
 * @param siteRepos repository URLs the input form gives as a field (HF API `githubRepo`);
 *                  non-GitHub values fall through to `links`
 * @param siteLinks other URLs the form gives (HF API `projectPage`): a GitHub repository URL there
 *                  counts as code (`source: "site"`); hosts we do not recognise become
 *                  kind "project-page"
 * @returns `github` in order of first appearance (title, abstract, siteRepos, siteLinks) and
 *          `links` likewise, both deduplicated
 */
export function extractLinks(
  title: string,
  abstract: string,
  siteRepos: string[] = [],
  siteLinks: string[] = [],
): ExtractedLinks {
  const c = new Collector();
  scanText(title, c);
  scanText(abstract, c);
  const available = (): CodeLink['status'] => 'available';
  for (const raw of siteRepos) {
    const cleaned = cleanUrl(raw.trim());
    if (cleaned) c.add(cleaned, 'site', available, () => 'other');
  }
  for (const raw of siteLinks) {
    const cleaned = cleanUrl(raw.trim());
    if (cleaned) c.add(cleaned, 'site', available, () => 'project-page');
  }
  return { github: c.github, links: c.links };
}
