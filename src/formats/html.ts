/**
 * Saved Hugging Face Papers HTML pages.
 *  - Listing pages embed the whole list as JSON in the (HTML-escaped) `data-props` attribute of
 *    `div[data-target="DailyPapers"]`; its `dailyPapers[]` entries are shaped like the API's.
 *  - When that blob is absent or unreadable (cut short), the DOM cards are read: `article`, the
 *    title in `h3 a[href^="/papers/"]`, the full-abstract paragraph of an expanded card, the
 *    author chips, `Published on …`, the upvote count, GitHub buttons.
 *  - A single paper page (/papers/<id>, or any page with `citation_*` meta tags).
 * A page with no papers is a ParseError naming what was looked for.
 */
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { findAnchors } from './anchors.js';
import { arxivIdFromUrl, paperSegment } from './arxiv.js';
import { fileNameDate, parseDate } from './dates.js';
import { loadPage } from './htmlPage.js';
import { isObject } from './json.js';
import { NOT_A_DIGEST } from './notADigest.js';
import { cleanLink, cleanRepoUrl, cleanScrapedRepoUrl, pushUnique } from './links.js';
import { emptyRecord, finishRecords, guarded, parseScrapedCount, urlDigestDate } from './reader.js';
import { cleanTitle, collapseWhitespace, looksLikeAbstract, unwrapAbstract } from './text.js';
import { entriesToRecords, isSiteEntry } from './siteJson.js';

export const HTML_FORMAT = 'html';

const TAG_START = /<(?:!doctype|html|head|body|div|article|section|main|p|span|a|h[1-6]|ul|li|meta|script|link|img|svg|table)\b/i;

function looksLikeHtml(text: string, fileName: string): number {
  if (text.includes('data-target="DailyPapers"') || text.includes("data-target='DailyPapers'")) return 0.95;
  const head = text
    .slice(0, 4096)
    .replace(/^\ufeff/, '')
    .trimStart();
  const startsTag = head.startsWith('<');
  const tagged = TAG_START.test(head) || (startsTag && TAG_START.test(text.slice(0, 200_000)));
  if (startsTag && tagged) {
    return /<article\b/i.test(text) && /href=["'](?:https?:\/\/huggingface\.co)?\/papers\//i.test(text) ? 0.95 : 0.7;
  }
  if (/\.html?$/i.test(fileName) && tagged) return 0.6;
  return 0;
}

/** API-shaped entries found in the page's `data-props` blobs, parsed. */
interface Blobs {
  /** The DailyPapers component's list: the page's own list. */
  daily: unknown[] | null;
  /** A single paper's page: its `paper` prop. */
  single: unknown[] | null;
  /** Lists of entries in other components (search results, …). */
  other: unknown[] | null;
  digestDate: string | null;
}

function findBlobs($: CheerioAPI, warnings: string[]): Blobs {
  const out: Blobs = { daily: null, single: null, other: null, digestDate: null };
  let dailyError = '';
  for (const el of $('[data-props]').toArray()) {
    const raw = el.attribs['data-props'] ?? '';
    if (!raw.includes('paper')) continue;
    const daily = isDailyPapers(el);
    let props: unknown;
    try {
      props = JSON.parse(raw);
    } catch (e) {
      if (daily && !dailyError) dailyError = e instanceof Error ? e.message : String(e);
      continue;
    }
    if (!isObject(props)) continue;
    if (daily) out.digestDate ??= parseDate(props.date);
    for (const [k, v] of Object.entries(props)) {
      if (!Array.isArray(v) || v.length === 0) continue;
      if (!(k === 'dailyPapers' || isSiteEntry(v[0]) || isSiteEntry(v[v.length - 1]))) continue;
      if (daily) {
        if (!out.daily || k === 'dailyPapers') out.daily = v;
      } else if (!out.other || v.length > out.other.length) out.other = v;
    }
    if (!out.single && isObject(props.paper) && typeof props.paper.title === 'string') out.single = [{ paper: props.paper }];
  }
  if (dailyError && !out.daily) {
    warnings.push(
      `the embedded DailyPapers data is unreadable (${collapseWhitespace(dailyError).slice(0, 60)}…); read the paper cards instead`,
    );
  }
  return out;
}

function isDailyPapers(el: Element): boolean {
  return el.attribs['data-target'] === 'DailyPapers';
}

/** The page's own address (canonical link or og:url). */
function pageUrl($: CheerioAPI): string | null {
  return $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content') ?? null;
}

const PUBLISHED = /published\s+on\s+(.+)/i;
const UPVOTE_TEXT = /upvote\s*([\d,.]+k?|-)/i;

function text($el: Cheerio<AnyNode>): string {
  return collapseWhitespace($el.text());
}

/** The parts of a card, gathered in one walk over its elements in document order. */
interface CardParts {
  /** Links inside h1–h4. */
  headingLinks: Element[];
  links: Element[];
  paragraphs: Element[];
  authorItems: Element[];
  /** Short leaf texts (span, time, leaf div) where the date is shown. */
  leaves: Element[];
  upvoteBoxes: Element[];
}

const HEADING = /^h[1-4]$/;

function collect(card: Element): CardParts {
  const parts: CardParts = { headingLinks: [], links: [], paragraphs: [], authorItems: [], leaves: [], upvoteBoxes: [] };
  const stack: Array<{ node: AnyNode; inHeading: boolean }> = [];
  const pushChildren = (el: Element, inHeading: boolean): void => {
    for (let i = el.children.length - 1; i >= 0; i--) stack.push({ node: el.children[i]!, inHeading });
  };
  pushChildren(card, false);
  while (stack.length > 0) {
    const { node, inHeading } = stack.pop()!;
    if (node.type !== 'tag') continue;
    const el = node as Element;
    const name = el.name;
    if (name === 'article') continue; // a nested card is its own record
    const a = el.attribs;
    if (name === 'a' && a.href !== undefined) {
      parts.links.push(el);
      if (inHeading) parts.headingLinks.push(el);
      if (a.href.startsWith('/login?next=%2Fpapers') || /\/login\?next=%2Fpapers/.test(a.href)) parts.upvoteBoxes.push(el);
    } else if (name === 'p') parts.paragraphs.push(el);
    else if (name === 'li' && a.title !== undefined) parts.authorItems.push(el);
    else if (name === 'span' || name === 'time' || (name === 'div' && !el.children.some((c) => c.type === 'tag')))
      parts.leaves.push(el);
    if (a.role === 'checkbox') parts.upvoteBoxes.push(el);
    pushChildren(el, inHeading || HEADING.test(name));
  }
  return parts;
}

function cardRecord($: CheerioAPI, card: Element, reference: string | null): DigestRecord | null {
  const parts = collect(card);
  // The title link: a paper link inside a heading, else the first paper link with text.
  let link: Element | null = null;
  for (const a of parts.headingLinks) {
    if (paperSegment(a.attribs.href)) {
      link = a;
      break;
    }
  }
  if (!link) {
    for (const a of parts.links) {
      if (paperSegment(a.attribs.href) && text($(a)).length > 0) {
        link = a;
        break;
      }
    }
  }
  let seg: string | null = link ? paperSegment(link.attribs.href) : null;
  for (let i = 0; !seg && i < parts.links.length; i++) seg = paperSegment(parts.links[i]!.attribs.href);
  if (!seg) return null; // not a paper card
  const r = emptyRecord(0, link ? cleanTitle($(link).text()) : '');
  r.arxivId = arxivIdFromUrl(`/papers/${seg}`);
  for (let i = 0; !r.arxivId && i < parts.links.length; i++) {
    const href = parts.links[i]!.attribs.href!;
    if (href.includes('arxiv.org/')) r.arxivId = arxivIdFromUrl(href);
  }
  // The full abstract of an expanded card. A line-clamped paragraph is the AI summary (not the
  // abstract) unless it reads as an abstract (older layouts clamp the abstract itself).
  let best = '';
  for (const p of parts.paragraphs) {
    const t = $(p).text();
    if (/line-clamp/.test(p.attribs.class ?? '') && !looksLikeAbstract(t)) continue;
    if (t.length > best.length) best = t;
  }
  r.abstract = unwrapAbstract(best);
  for (const li of parts.authorItems) {
    const name = collapseWhitespace(li.attribs.title ?? '');
    if (name) r.authors.push(name);
  }
  for (const leaf of parts.leaves) {
    const t = text($(leaf));
    if (t.length > 40 || t.length < 5) continue;
    const pub = PUBLISHED.exec(t);
    const d = parseDate(pub ? pub[1] : t, reference);
    if (d) {
      r.publishedAt = d;
      break;
    }
  }
  for (const box of parts.upvoteBoxes) {
    const m = UPVOTE_TEXT.exec(text($(box)));
    const n = m ? parseScrapedCount(m[1]) : parseScrapedCount($(box).find('.font-semibold').first().text());
    if (n !== null) {
      r.upvotes = n;
      break;
    }
  }
  for (const a of parts.links) {
    const href = a.attribs.href!;
    if (href.includes('github.com/')) pushUnique(r.siteRepos, cleanRepoUrl(href));
    else if (/^https?:/i.test(href) && /project\s*page|website/i.test($(a).text())) pushUnique(r.siteLinks, cleanLink(href));
  }
  return r;
}

/** Identifies a paper across the blob and the cards: its arXiv id, else its title. */
function recordKey(r: DigestRecord): string {
  return r.arxivId ?? 'title:' + r.title.toLowerCase();
}

/** A single paper's page: citation meta tags (arXiv) or the site's paper page layout. */
function singlePaper($: CheerioAPI, url: string | null): DigestRecord | null {
  const citationTitle = $('meta[name="citation_title"]').attr('content');
  if (citationTitle) {
    const r = emptyRecord(1, cleanTitle(citationTitle));
    r.abstract = unwrapAbstract(
      $('meta[name="citation_abstract"]').attr('content') ??
        $('blockquote.abstract')
          .text()
          .replace(/^\s*Abstract:\s*/i, ''),
    );
    r.arxivId =
      arxivIdFromUrl(`/papers/${$('meta[name="citation_arxiv_id"]').attr('content') ?? ''}`) ??
      arxivIdFromUrl($('meta[name="citation_pdf_url"]').attr('content')) ??
      arxivIdFromUrl(url);
    for (const m of $('meta[name="citation_author"]').toArray()) {
      const n = collapseWhitespace(m.attribs.content ?? '');
      if (n) r.authors.push(n);
    }
    r.publishedAt = parseDate(($('meta[name="citation_date"]').attr('content') ?? '').replace(/\//g, '-'));
    return r;
  }
  const seg = paperSegment(url?.replace(/^https?:\/\/(?:www\.)?huggingface\.co/i, '') ?? undefined);
  if (!seg) return null;
  const h1 = $('h1').first();
  const og = $('meta[property="og:title"]').attr('content');
  const title = h1.length ? h1.text() : (og ?? '').replace(/^Paper page\s*-\s*/i, '');
  const r = emptyRecord(1, cleanTitle(title));
  r.arxivId = arxivIdFromUrl(`/papers/${seg}`);
  const heading = $('h2, h3')
    .toArray()
    .find((h) => /^\s*abstract\s*$/i.test($(h).text()));
  if (heading) {
    let abs = '';
    for (let sib = $(heading).next(); sib.length > 0 && !/^h[1-3]$/i.test(sib.get(0)!.tagName); sib = sib.next()) {
      abs += ' ' + sib.text();
    }
    r.abstract = unwrapAbstract(abs);
  }
  // Links anywhere on the page: the site's own GitHub organisation is chrome.
  for (const a of $('a[href*="github.com/"]').toArray()) pushUnique(r.siteRepos, cleanScrapedRepoUrl(a.attribs.href));
  return r;
}

export const htmlReader: FormatReader = guarded({
  name: HTML_FORMAT,
  detect(text, fileName) {
    return looksLikeHtml(text, fileName);
  },
  split(text, fileName): SplitResult {
    const warnings: string[] = [];
    const $ = loadPage(text);
    const url = pageUrl($);
    let digestDate = urlDigestDate(url);

    const blobs = findBlobs($, warnings);
    digestDate ??= blobs.digestDate;
    const done = (records: DigestRecord[]): SplitResult => ({
      format: HTML_FORMAT,
      digestDate: digestDate ?? fileNameDate(fileName),
      records,
      warnings,
    });
    const reference = digestDate ?? fileNameDate(fileName);
    const cards: DigestRecord[] = [];
    for (const el of $('article').toArray()) {
      const r = cardRecord($, el, reference);
      if (r) cards.push(r);
    }

    // The page's own list first; then a single paper's page (whose other lists are related
    // papers); then lists in other components (search results).
    for (const list of [blobs.daily, blobs.single, blobs.other]) {
      if (!list) continue;
      const records = entriesToRecords(list, warnings);
      if (records.length === 0) continue;
      if (list === blobs.single) return done(records);
      // Cards the page shows beyond its embedded list (more loaded while scrolling before saving).
      const known = new Set(records.map(recordKey));
      const extra = cards.filter((c) => c.title !== '' && !known.has(recordKey(c)));
      if (extra.length > 0) {
        warnings.push(`${extra.length} card(s) not in the embedded data were read from the page`);
        for (const c of extra) {
          known.add(recordKey(c));
          c.position = records.length + 1;
          records.push(c);
        }
      }
      return done(records);
    }

    if (cards.length === 0) {
      const one = singlePaper($, url);
      if (one && one.title) return done([one]);
      // No article cards: headings that link to papers.
      const seen = new Set<string>();
      for (const a of $('h1 a[href], h2 a[href], h3 a[href], h4 a[href]').toArray()) {
        const seg = paperSegment(a.attribs.href);
        if (!seg || seen.has(seg)) continue;
        seen.add(seg);
        const r = emptyRecord(0, cleanTitle($(a).text()));
        r.arxivId = arxivIdFromUrl(`/papers/${seg}`);
        cards.push(r);
      }
    }
    if (cards.length > 0) {
      const records = finishRecords(cards, warnings, 'card');
      if (records.length > 0) {
        if (records.every((r) => r.abstract === '')) {
          warnings.push('the cards show no abstracts (only AI summaries, which are not kept)');
        }
        return done(records);
      }
    }
    // A page that links no paper at all (notes, a bookmark export) is no digest; one that does
    // is a digest this reader could not read.
    const linksPapers = $('a[href]')
      .toArray()
      .some((a) => paperSegment(a.attribs.href) !== null);
    if (warnings.length === 0 && !linksPapers && findAnchors(text).length === 0) {
      throw new ParseError(NOT_A_DIGEST.htmlNoPapers);
    }
    throw new ParseError(
      'HTML page has no papers: no readable DailyPapers data-props, no paper cards ' +
        '(article with a /papers/<id> link), no single-paper page' +
        (warnings.length > 0 ? ` (${warnings.join('; ')})` : ''),
    );
  },
});
