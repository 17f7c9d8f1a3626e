/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds of the papers pages, read with a real XML parser:
 * one paper per `<item>`/`<entry>`; the feed's own title is never a paper. The title is
 * collapsed (feeds hard-wrap it), the arXiv id comes from the link, guid or id (else the body's
 * links), and the description/content is read by paperBody.ts for the abstract, labelled lines,
 * an AI summary and a translation.
 */
import { xmlParser } from '../deps.js';
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { arxivRef, type ArxivRef } from './arxiv.js';
import { parseDate } from './dates.js';
import { isObject } from './json.js';
import { cleanLink, cleanScrapedRepoUrl, pushUnique } from './links.js';
import { markTextKind } from './fields.js';
import { readPaperBody } from './paperBody.js';
import { emptyRecord, finishRecords, guarded } from './reader.js';
import { cleanTitle, collapseWhitespace } from './text.js';

export const FEED_FORMAT = 'feed';

/** The root element after the prolog (declaration, comments, doctype, processing instructions). */
const ROOT =
  /^\ufeff?\s*(?:<\?[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*<((?:[\w-]+:)?(?:rss|feed|RDF))[\s>]/;

/** The feeds' XML parser, made on first use (see ../deps.ts). */
let parser: InstanceType<ReturnType<typeof xmlParser>['XMLParser']> | null = null;
const parserOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name: string) => ['item', 'entry', 'link', 'author', 'dc:creator', 'category'].includes(name),
};

/** The text of an element however the parser shaped it (string, {#text}, CDATA, array). */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(text).filter(Boolean).join(', ');
  if (isObject(v)) return text(v['#text']);
  return '';
}

function field(item: Record<string, unknown>, ...names: string[]): string {
  for (const n of names) {
    const t = text(item[n]).trim();
    if (t) return t;
  }
  return '';
}

/** Every link target of an item: RSS `<link>` text, Atom `<link href>`. */
function hrefs(item: Record<string, unknown>): string[] {
  const out: string[] = [];
  const links = item.link;
  for (const l of Array.isArray(links) ? links : [links]) {
    if (typeof l === 'string') out.push(l.trim());
    else if (isObject(l)) {
      const h = l['@_href'] ?? l['#text'];
      if (typeof h === 'string') out.push(h.trim());
    }
  }
  return out;
}

function authorsOf(item: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['author', 'dc:creator']) {
    const v = item[key];
    for (const a of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      const name = isObject(a) && 'name' in a ? text(a.name) : text(a);
      // RSS <author> is "email (Name)"; keep the name.
      const m = /^\S+@\S+\s+\((.+)\)$/.exec(name.trim());
      for (const n of (m ? m[1]! : name).split(/\s*[;,]\s*|\s+and\s+/)) {
        const c = collapseWhitespace(n);
        if (c && !/^\S+@\S+$/.test(c)) out.push(c);
      }
    }
  }
  return out;
}

function itemToRecord(item: Record<string, unknown>, position: number): DigestRecord {
  const r = emptyRecord(position, cleanTitle(field(item, 'title')));
  const body = readPaperBody(field(item, 'content:encoded', 'content', 'description', 'summary'), r.title);
  let ref: ArxivRef | null = null;
  for (const candidate of [...hrefs(item), field(item, 'guid'), field(item, 'id')]) {
    ref ??= arxivRef(candidate);
    const repo = cleanScrapedRepoUrl(candidate);
    if (repo) pushUnique(r.siteRepos, repo);
  }
  ref ??= body.arxivRefs[0] ?? null;
  r.arxivId = ref?.id ?? null;
  if (ref?.version) r.arxivVersion = ref.version;
  r.abstract = body.abstract;
  r.authors = body.authors.length > 0 ? body.authors : authorsOf(item);
  r.upvotes = body.upvotes;
  r.publishedAt = parseDate(field(item, 'published', 'dc:date', 'pubDate', 'updated'));
  for (const repo of body.repos) pushUnique(r.siteRepos, repo);
  for (const l of body.links) pushUnique(r.siteLinks, cleanLink(l));
  if (body.summary && body.summary !== r.abstract) {
    r.summary = body.summary;
    r.summaryLang = body.summaryLang;
  }
  markTextKind(r);
  return r;
}

/** The items of a parsed feed, whichever of the three dialects it is. */
function itemsOf(doc: Record<string, unknown>): { items: unknown[]; kind: string } | null {
  const rss = doc.rss;
  if (isObject(rss)) {
    const channel = Array.isArray(rss.channel) ? rss.channel[0] : rss.channel;
    const items = isObject(channel) ? channel.item : undefined;
    return { items: Array.isArray(items) ? items : [], kind: 'RSS' };
  }
  const feed = doc.feed;
  if (isObject(feed)) return { items: Array.isArray(feed.entry) ? feed.entry : [], kind: 'Atom' };
  const rdf = doc['rdf:RDF'] ?? doc.RDF;
  if (isObject(rdf)) return { items: Array.isArray(rdf.item) ? rdf.item : [], kind: 'RSS 1.0' };
  return null;
}

export const feedReader: FormatReader = guarded({
  name: FEED_FORMAT,
  detect(t) {
    return ROOT.test(t.slice(0, 4000)) ? 0.95 : 0;
  },
  split(t): SplitResult {
    // Entity declarations are never in a real feed and are how XML bombs are built.
    if (/<!ENTITY/i.test(t.slice(0, 20000))) throw new ParseError('the feed declares XML entities; not read');
    let doc: unknown;
    try {
      parser ??= new (xmlParser().XMLParser)(parserOptions);
      doc = parser.parse(t, true);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw new ParseError(`invalid XML feed: ${msg.slice(0, 200)}`);
    }
    const found = isObject(doc) ? itemsOf(doc) : null;
    if (!found) throw new ParseError('XML is not an RSS or Atom feed');
    const warnings: string[] = [];
    const raw = found.items.filter(isObject).map((it, i) => itemToRecord(it, i + 1));
    if (raw.length === 0) warnings.push(`the ${found.kind} feed has no items`);
    const records = finishRecords(raw, warnings, 'item');
    return { format: FEED_FORMAT, digestDate: null, records, warnings };
  },
});
