/**
 * `papers digest` as a value, and as markdown. Pure: the command hands in the papers and the
 * memory's counts, this module ranks, groups and writes. HTML and the feeds are in
 * ./digest-html.ts; all of them render the same {@link Digest}.
 *
 * Everything scraped (titles, authors, sentences) is escaped where it is written, for the format
 * it is written in: a title such as `LoRA & <Friends>: *Fast* [Adapters]` must read as written
 * in markdown, in an e-mail and in a feed reader.
 */
import type { PaperRecord } from '../db/read.js';

export type DigestFormat = 'markdown' | 'html' | 'rss' | 'atom' | 'jsonfeed';
export const DIGEST_FORMATS: readonly DigestFormat[] = ['markdown', 'html', 'rss', 'atom', 'jsonfeed'];

/** A paper with how many earlier digests showed it. */
export type DigestPaper = PaperRecord & { shown: number };

export interface DigestLink {
  label: string;
  url: string;
}

/** A claim shown in the sentence it stands in, cut around it so a renderer can emphasise it. */
export interface HeadlineClaim {
  before: string;
  text: string;
  after: string;
}

export type CodeStatus = 'available' | 'promised' | null;

/** One paper of a digest, ready to render. */
export interface DigestEntry {
  id: string;
  arxiv_id: string | null;
  title: string;
  authors: string[];
  upvotes: number | null;
  first_seen: string | null;
  /** How many recorded digests showed it before this one. */
  shown: number;
  /** The paper's main page: Hugging Face when it has an arXiv id, else its first link, else null. */
  url: string | null;
  links: DigestLink[];
  /** Method names, proposed ones first and marked. */
  methods: string[];
  /** The method family it is grouped under: its first proposed method's, else its first method's. */
  family: string;
  claims: HeadlineClaim[];
  code: CodeStatus;
  /** For "code released": the repositories and their dates. */
  repos: { url: string; promised_since: string | null; available_since: string | null }[];
  /** A short plain-text description (the first claim's sentence, else the abstract's start). */
  summary: string;
}

export interface DigestGroup {
  family: string;
  entries: DigestEntry[];
}

export interface Digest {
  title: string;
  /** ISO time the digest was made. */
  made_at: string;
  since: string | null;
  until: string | null;
  /** The time of the digest this one follows (null: the first, or --all). */
  after_digest: string | null;
  groups: DigestGroup[];
  /** New papers, ranked (the groups hold the same entries, grouped). */
  entries: DigestEntry[];
  released: DigestEntry[];
  counts: { papers: number; with_code: number; code_promised: number; code_released: number; left_out: number };
}

/** The code status a reader sees: available if any repository is out, else promised if any is promised. */
export function codeStatus(p: Pick<PaperRecord, 'github'>): CodeStatus {
  if (p.github.some((g) => g.status === 'available')) return 'available';
  return p.github.some((g) => g.status === 'promised') ? 'promised' : null;
}

const safeUrl = (u: string) => /^https?:\/\/[^\s<>"]+$/i.test(u);

export function paperLinks(p: PaperRecord): DigestLink[] {
  const out: DigestLink[] = [];
  if (p.arxiv_id) {
    out.push({ label: 'Hugging Face', url: `https://huggingface.co/papers/${p.arxiv_id}` });
    out.push({ label: 'arXiv', url: `https://arxiv.org/abs/${p.arxiv_id}` });
    out.push({ label: 'PDF', url: `https://arxiv.org/pdf/${p.arxiv_id}` });
  }
  for (const g of p.github) out.push({ label: g.status === 'promised' ? 'code (promised)' : 'code', url: g.url });
  for (const l of p.links) {
    if (l.kind === 'project-page') out.push({ label: 'project page', url: l.url });
    else if (!p.arxiv_id && (l.kind === 'huggingface' || l.kind === 'arxiv'))
      out.push({ label: l.kind === 'arxiv' ? 'arXiv' : 'Hugging Face', url: l.url });
  }
  // Scraped URLs go into href attributes: only http(s), nothing that could close a quote.
  return out.filter((l) => safeUrl(l.url));
}

/** Up to `n` claims, those naming what they measure first, one per sentence. */
export function headlineClaims(p: Pick<PaperRecord, 'claims'>, n = 2): HeadlineClaim[] {
  const ranked = [...p.claims.filter((c) => c.metric), ...p.claims.filter((c) => !c.metric)];
  const out: HeadlineClaim[] = [];
  const sentences = new Set<string>();
  for (const c of ranked) {
    if (out.length >= n) break;
    if (sentences.has(c.sentence)) continue;
    const at = c.sentence.indexOf(c.text);
    if (at < 0) continue;
    sentences.add(c.sentence);
    out.push({ before: c.sentence.slice(0, at), text: c.text, after: c.sentence.slice(at + c.text.length) });
  }
  return out;
}

function methodNames(p: PaperRecord): string[] {
  const names: string[] = [];
  for (const m of p.methods) {
    const name = m.role === 'proposed' ? `${m.name} (proposed)` : m.name;
    if (!names.includes(name) && !names.includes(`${m.name} (proposed)`)) names.push(name);
  }
  return names;
}

export function toEntry(p: DigestPaper): DigestEntry {
  const links = paperLinks(p);
  const claims = headlineClaims(p);
  const first = claims[0];
  const abstract = p.abstract.length > 280 ? `${p.abstract.slice(0, 279).trimEnd()}…` : p.abstract;
  return {
    id: p.id,
    arxiv_id: p.arxiv_id,
    title: p.title,
    authors: p.authors,
    upvotes: p.upvotes,
    first_seen: p.first_seen,
    shown: p.shown,
    url: links.find((l) => l.label === 'Hugging Face')?.url ?? links[0]?.url ?? null,
    links,
    methods: methodNames(p),
    family: (p.methods.find((m) => m.role === 'proposed') ?? p.methods[0])?.family ?? 'other',
    claims,
    code: codeStatus(p),
    repos: p.github.map((g) => ({
      url: g.url,
      promised_since: g.promised_since ?? null,
      available_since: g.available_since ?? null,
    })),
    summary: first ? `${first.before}${first.text}${first.after}` : abstract,
  };
}

/** Most upvoted first, then the most often shown, then the most recently seen, then by id (a total order). */
export function compareEntries(a: DigestEntry, b: DigestEntry): number {
  return (
    (b.upvotes ?? -1) - (a.upvotes ?? -1) ||
    b.shown - a.shown ||
    (b.first_seen ?? '').localeCompare(a.first_seen ?? '') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Groups by method family, the largest group first (ties by name), "other" last; entries keep their rank. */
export function groupByFamily(entries: DigestEntry[]): DigestGroup[] {
  const groups = new Map<string, DigestEntry[]>();
  for (const e of entries) {
    const g = groups.get(e.family);
    if (g) g.push(e);
    else groups.set(e.family, [e]);
  }
  return [...groups]
    .map(([family, es]) => ({ family, entries: es }))
    .sort(
      (a, b) =>
        Number(a.family === 'other') - Number(b.family === 'other') ||
        b.entries.length - a.entries.length ||
        a.family.localeCompare(b.family),
    );
}

export interface DigestInput {
  title: string;
  made_at: string;
  since: string | null;
  until: string | null;
  after_digest: string | null;
  papers: DigestPaper[];
  released: DigestPaper[];
  /** Keep the best N new papers (undefined: all). */
  top?: number;
  groupBy: 'method' | 'none';
}

export function buildDigest(input: DigestInput): Digest {
  const ranked = input.papers.map(toEntry).sort(compareEntries);
  const entries = input.top === undefined ? ranked : ranked.slice(0, input.top);
  const released = input.released.map(toEntry).sort(compareEntries);
  return {
    title: input.title,
    made_at: input.made_at,
    since: input.since,
    until: input.until,
    after_digest: input.after_digest,
    entries,
    groups: input.groupBy === 'method' ? groupByFamily(entries) : [{ family: '', entries }],
    released,
    counts: {
      papers: entries.length,
      with_code: entries.filter((e) => e.code === 'available').length,
      code_promised: entries.filter((e) => e.code === 'promised').length,
      code_released: released.length,
      left_out: ranked.length - entries.length,
    },
  };
}

/** The counts line every format shows under the title. */
export function countsLine(d: Digest): string {
  const c = d.counts;
  const parts = [
    `${c.papers} new paper${c.papers === 1 ? '' : 's'}`,
    `${c.with_code} with code`,
    `${c.code_promised} with code promised`,
    `${c.code_released} with code released since an earlier digest`,
  ];
  if (c.left_out > 0) parts.push(`${c.left_out} more not shown (--top)`);
  const range =
    d.since || d.until
      ? `first seen ${d.since ?? '…'} to ${d.until ?? '…'}`
      : d.after_digest
        ? `since the digest of ${d.after_digest}`
        : '';
  return [...parts, range].filter(Boolean).join(' · ');
}

// ---- markdown ----

/**
 * Escapes text for inline markdown (CommonMark and GitHub's). The characters with an inline
 * meaning are backslash-escaped wherever they are (`\*` is a literal star anywhere; `&` could
 * start an entity, `<` HTML, `$` GitHub's math, `|` a table cell, `#` a heading's closing run);
 * those that only mean something at the start of a line (`- `, `+ `, `1. `) only there. Line breaks
 * become spaces, so a scraped text never opens a block of its own.
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  const inline = text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]<>|~&$#]/g, '\\$&');
  return atLineStart ? inline.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2') : inline;
}

/** A URL inside `(...)`: spaces and the characters that would end it are percent-encoded. */
function mdUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

const mdLink = (text: string, url: string) => `[${escapeMarkdown(text, false)}](${mdUrl(url)})`;

function mdEntry(e: DigestEntry, n: number): string {
  const lines = [`### ${n}. ${e.url ? mdLink(e.title, e.url) : escapeMarkdown(e.title, false)}`, ''];
  const facts = [
    e.authors.length ? escapeMarkdown(e.authors.join(', ')) : '',
    e.upvotes !== null ? `${e.upvotes} upvotes` : '',
    e.first_seen ? `first seen ${escapeMarkdown(e.first_seen)}` : '',
    e.shown > 0 ? `in ${e.shown} earlier digest${e.shown === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  if (facts.length) lines.push(facts.join(' · '), '');
  if (e.links.length) lines.push(e.links.map((l) => mdLink(l.label, l.url)).join(' · '), '');
  if (e.methods.length) lines.push(`Methods: ${escapeMarkdown(e.methods.join(', '), false)}`, '');
  for (const c of e.claims) {
    lines.push(`> ${escapeMarkdown(c.before)}**${escapeMarkdown(c.text, false)}**${escapeMarkdown(c.after, false)}`, '');
  }
  return lines.join('\n');
}

/** "promised 2026-05-11, available 2026-05-20": when a released repository was promised and came. */
export function releaseDates(r: { promised_since?: string | null; available_since?: string | null }): string {
  return [r.promised_since ? `promised ${r.promised_since}` : '', r.available_since ? `available ${r.available_since}` : '']
    .filter(Boolean)
    .join(', ');
}

function mdReleased(e: DigestEntry): string {
  const title = e.url ? mdLink(e.title, e.url) : escapeMarkdown(e.title, false);
  const repos = e.repos.map((r) => {
    const dates = releaseDates(r);
    return `${mdLink(r.url.replace(/^https:\/\//, ''), r.url)}${dates ? ` (${escapeMarkdown(dates, false)})` : ''}`;
  });
  return `- ${title}: ${repos.join(', ')}`;
}

export function renderMarkdown(d: Digest): string {
  const out = [`# ${escapeMarkdown(d.title)}`, '', `_${escapeMarkdown(countsLine(d))}_`, ''];
  if (d.entries.length === 0 && d.released.length === 0) out.push('Nothing new since the last digest.', '');
  let n = 0;
  for (const g of d.groups) {
    if (g.entries.length === 0) continue;
    out.push(`## ${g.family ? escapeMarkdown(g.family) : 'New papers'}`, '');
    for (const e of g.entries) out.push(mdEntry(e, ++n));
  }
  if (d.released.length) {
    out.push('## Code released', '', 'Code promised when an earlier digest showed these papers is out:', '');
    for (const e of d.released) out.push(mdReleased(e));
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
