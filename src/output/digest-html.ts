/**
 * A digest as a self-contained HTML page fit for an e-mail (inline styles only: mail clients drop
 * <style> blocks and never load external sheets, scripts or fonts), and as RSS 2.0, Atom and JSON
 * Feed documents written by the `feed` package.
 */
import { Feed } from 'feed';
import { countsLine, type Digest, type DigestEntry, releaseDates } from './digest.js';

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const S = {
  body: 'margin:0;padding:0;background:#f6f8fa;',
  page: "max-width:680px;margin:0 auto;padding:24px 16px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328;line-height:1.5;",
  h1: 'font-size:24px;margin:0 0 4px;',
  counts: 'font-size:14px;color:#59636e;margin:0 0 24px;',
  h2: 'font-size:18px;margin:28px 0 12px;padding-bottom:4px;border-bottom:1px solid #d1d9e0;',
  card: 'background:#ffffff;border:1px solid #d1d9e0;border-radius:6px;padding:16px;margin:0 0 16px;',
  h3: 'font-size:17px;margin:0 0 6px;',
  a: 'color:#0969da;text-decoration:none;',
  meta: 'font-size:13px;color:#59636e;margin:0 0 8px;',
  p: 'font-size:14px;margin:0 0 8px;',
  quote: 'font-size:14px;margin:8px 0 0;padding:0 0 0 12px;border-left:3px solid #d1d9e0;color:#3d444d;',
};

const a = (text: string, url: string) => `<a href="${escapeHtml(url)}" style="${S.a}">${escapeHtml(text)}</a>`;

/** One paper as an HTML fragment (also the content of its feed item). */
export function entryHtml(e: DigestEntry, n?: number): string {
  const title = e.url ? a(e.title, e.url) : escapeHtml(e.title);
  const facts = [
    e.authors.length ? escapeHtml(e.authors.join(', ')) : '',
    e.upvotes !== null ? `${e.upvotes} upvotes` : '',
    e.first_seen ? `first seen ${escapeHtml(e.first_seen)}` : '',
    e.shown > 0 ? `in ${e.shown} earlier digest${e.shown === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  const parts = [`<h3 style="${S.h3}">${n !== undefined ? `${n}. ` : ''}${title}</h3>`];
  if (facts.length) parts.push(`<p style="${S.meta}">${facts.join(' · ')}</p>`);
  if (e.links.length) parts.push(`<p style="${S.p}">${e.links.map((l) => a(l.label, l.url)).join(' · ')}</p>`);
  if (e.methods.length) parts.push(`<p style="${S.p}">Methods: ${escapeHtml(e.methods.join(', '))}</p>`);
  for (const c of e.claims) {
    parts.push(
      `<blockquote style="${S.quote}">${escapeHtml(c.before)}<strong>${escapeHtml(c.text)}</strong>${escapeHtml(c.after)}</blockquote>`,
    );
  }
  return parts.join('\n');
}

/** A released paper's repositories, with when each was promised and made available. */
function releasedHtml(e: DigestEntry): string {
  const repos = e.repos.map((r) => {
    const dates = releaseDates(r);
    return `${a(r.url.replace(/^https:\/\//, ''), r.url)}${dates ? ` (${escapeHtml(dates)})` : ''}`;
  });
  return `<h3 style="${S.h3}">${e.url ? a(e.title, e.url) : escapeHtml(e.title)}</h3>\n<p style="${S.p}">Code: ${repos.join(', ')}</p>`;
}

export function renderHtml(d: Digest): string {
  const body: string[] = [
    `<h1 style="${S.h1}">${escapeHtml(d.title)}</h1>`,
    `<p style="${S.counts}">${escapeHtml(countsLine(d))}</p>`,
  ];
  if (d.entries.length === 0 && d.released.length === 0) body.push(`<p style="${S.p}">Nothing new since the last digest.</p>`);
  let n = 0;
  for (const g of d.groups) {
    if (g.entries.length === 0) continue;
    body.push(`<h2 style="${S.h2}">${g.family ? escapeHtml(g.family) : 'New papers'}</h2>`);
    for (const e of g.entries) body.push(`<div style="${S.card}">\n${entryHtml(e, ++n)}\n</div>`);
  }
  if (d.released.length) {
    body.push(`<h2 style="${S.h2}">Code released</h2>`);
    body.push(`<p style="${S.p}">Code promised when an earlier digest showed these papers is out:</p>`);
    for (const e of d.released) body.push(`<div style="${S.card}">\n${releasedHtml(e)}\n</div>`);
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(d.title)}</title>
</head>
<body style="${S.body}">
<div style="${S.page}">
${body.join('\n')}
</div>
</body>
</html>
`;
}

/** Where a feed and its items point when a paper has no page of its own. */
const HOME = 'https://huggingface.co/papers';

/** A date a feed can carry: the paper's first digest date, else the digest's own time. */
function itemDate(e: DigestEntry, madeAt: Date): Date {
  return e.first_seen && /^\d{4}-\d{2}-\d{2}$/.test(e.first_seen) ? new Date(`${e.first_seen}T00:00:00Z`) : madeAt;
}

/** Characters XML 1.0 does not allow at all (not even escaped): a feed holding one is not XML. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * The digest as a feed object: one item per new paper, then one per paper whose code was released.
 * Atom declares its titles and summaries `type="html"` (so does the `feed` package), where a raw
 * "LoRA & <Friends>" would lose its "<Friends>" as a tag: for Atom they are HTML-escaped. RSS 2.0
 * and JSON Feed titles are plain text.
 */
export function digestFeed(d: Digest, format: 'rss' | 'atom' | 'jsonfeed'): Feed {
  const madeAt = new Date(d.made_at);
  const text = (t: string) => (format === 'atom' ? escapeHtml(t) : t).replace(NOT_XML, '');
  const authors = (e: DigestEntry) =>
    format === 'rss' ? undefined : e.authors.map((name) => ({ name: name.replace(NOT_XML, '') }));
  const feed = new Feed({
    title: text(d.title),
    // The same id for every digest: a reader subscribed to the file sees one feed whose items change.
    id: `${HOME}#papers-digest`,
    link: HOME,
    description: text(countsLine(d)),
    updated: madeAt,
    generator: 'papers digest',
    // Atom needs an author on the feed unless every entry has one (a paper may list none).
    author: { name: 'papers digest' },
  });
  const itemId = (e: DigestEntry) => (e.arxiv_id ? `https://arxiv.org/abs/${e.arxiv_id}` : `urn:papers:${e.id}`);
  for (const e of d.entries) {
    feed.addItem({
      title: text(e.title),
      id: itemId(e),
      link: e.url ?? HOME,
      date: itemDate(e, madeAt),
      description: text(e.summary),
      content: entryHtml(e).replace(NOT_XML, ''),
      author: authors(e),
      // RSS's <author> must be an e-mail address; Dublin Core's creator is how feeds name authors.
      extensions:
        format === 'rss' && e.authors.length
          ? [{ name: 'dc:creator', objects: { _text: e.authors.join(', ').replace(NOT_XML, '') } }]
          : undefined,
    });
  }
  for (const e of d.released) {
    feed.addItem({
      title: text(`Code released: ${e.title}`),
      id: `${itemId(e)}#code`,
      link: e.repos.find((r) => r.available_since)?.url ?? e.url ?? HOME,
      date: madeAt,
      description: text(`Code promised earlier is out: ${e.repos.map((r) => r.url).join(', ')}`),
      content: releasedHtml(e).replace(NOT_XML, ''),
    });
  }
  return feed;
}

export function renderFeed(d: Digest, format: 'rss' | 'atom' | 'jsonfeed'): string {
  const feed = digestFeed(d, format);
  const text = format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
  return text.endsWith('\n') ? text : `${text}\n`;
}
