/**
 * JSON Feed 1.0/1.1 (jsonfeed.org): `{version: "https://jsonfeed.org/version/1.1", title,
 * items: [{id, url, external_url, title, content_text | content_html | summary, date_published,
 * authors | author}]}`. One paper per item; the feed's own title is never a paper. The body is
 * read like a feed item's (paperBody.ts): markup, labelled lines and summaries out of the abstract.
 */
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { arxivRef, type ArxivRef } from './arxiv.js';
import { parseDate } from './dates.js';
import { authorList, markTextKind } from './fields.js';
import { isObject, loadJson, looksLikeJson } from './json.js';
import { scriptLang } from './lang.js';
import { cleanLink, cleanScrapedRepoUrl, pushUnique } from './links.js';
import { readPaperBody } from './paperBody.js';
import { emptyRecord, finishRecords, guarded } from './reader.js';
import { cleanTitle, unwrapAbstract } from './text.js';

export const JSON_FEED_FORMAT = 'json-feed';

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(?:\.\d+)?\/?$/i;

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function itemToRecord(item: Record<string, unknown>, position: number): DigestRecord {
  const r = emptyRecord(position, cleanTitle(str(item.title)));
  const body = readPaperBody(str(item.content_html) || str(item.content_text), r.title);
  let ref: ArxivRef | null = null;
  for (const v of [item.url, item.external_url, item.id]) {
    ref ??= arxivRef(v);
    pushUnique(r.siteRepos, cleanScrapedRepoUrl(v));
  }
  ref ??= body.arxivRefs[0] ?? null;
  r.arxivId = ref?.id ?? null;
  if (ref?.version) r.arxivVersion = ref.version;
  r.abstract = body.abstract;
  // `summary` is, by the spec, a short plain-text summary of the item: the abstract when there is
  // no content, else a summary beside it.
  const summary = unwrapAbstract(str(item.summary));
  const summaryLang = summary ? scriptLang(summary) : null;
  if (!r.abstract && summaryLang === 'en' && !body.summary) r.abstract = summary;
  else if (summary && summary !== r.abstract) {
    r.summary = summary;
    r.summaryLang = summaryLang;
  } else if (body.summary && body.summary !== r.abstract) {
    r.summary = body.summary;
    r.summaryLang = body.summaryLang;
  }
  const authors = authorList(item.authors ?? (item.author ? [item.author] : []));
  r.authors = authors.length > 0 ? authors : body.authors;
  r.upvotes = body.upvotes;
  r.publishedAt = parseDate(item.date_published);
  for (const repo of body.repos) pushUnique(r.siteRepos, repo);
  for (const l of body.links) pushUnique(r.siteLinks, cleanLink(l));
  markTextKind(r);
  return r;
}

export const jsonFeedReader: FormatReader = guarded({
  name: JSON_FEED_FORMAT,
  detect(text) {
    // The version key may follow a long items array: look for it anywhere (a cheap scan).
    if (!looksLikeJson(text) || !text.includes('jsonfeed.org/version')) return 0;
    try {
      const v = loadJson(text).value;
      return isObject(v) && VERSION.test(str(v.version)) ? 0.98 : 0;
    } catch {
      return 0;
    }
  },
  split(text): SplitResult {
    const v = loadJson(text).value;
    if (!isObject(v) || !VERSION.test(str(v.version))) throw new ParseError('not a JSON Feed (no jsonfeed.org version)');
    if (!Array.isArray(v.items)) throw new ParseError('JSON Feed has no "items" array');
    const warnings: string[] = [];
    const raw = v.items.filter(isObject).map((it, i) => itemToRecord(it, i + 1));
    if (raw.length === 0) warnings.push('the JSON Feed has no items');
    return { format: JSON_FEED_FORMAT, digestDate: null, records: finishRecords(raw, warnings, 'item'), warnings };
  },
});
