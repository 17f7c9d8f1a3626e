/**
 * HTML fragments (a feed item's description, a scraper's `description` field) to text blocks:
 * one block per paragraph-like element or `<br>`-separated line, headings marked, images and
 * scripts dropped, link targets collected. Pure.
 */
import { cheerio } from '../deps.js';
import type { AnyNode } from 'domhandler';
import { decodeEntities } from './text.js';

/** One block of text as a reader sees it: a heading or a paragraph (lines kept). */
export interface TextBlock {
  text: string;
  heading: boolean;
}

export interface FragmentText {
  blocks: TextBlock[];
  /** Every `href` in the fragment, in order, with its link text. */
  links: { href: string; text: string }[];
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'blockquote',
  'pre',
  'details',
  'summary',
  'header',
  'footer',
  'dd',
  'dt',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SKIP_TAGS = new Set(['script', 'style', 'img', 'svg', 'noscript', 'iframe', 'video', 'audio', 'head', 'title']);
/** A tag-like token, to tell an HTML fragment from text that merely mentions "a < b". */
const LOOKS_HTML = /<\/?(?:[a-z][a-z0-9]*)(?:\s[^<>]*)?\/?>/i;

/** Does the text hold HTML markup (rather than plain text)? */
export function looksLikeHtml(s: string): boolean {
  return LOOKS_HTML.test(s);
}

/** Text blocks of a fragment; plain text (no tags) is split on blank lines, entities decoded. */
export function fragmentText(html: string): FragmentText {
  if (!looksLikeHtml(html)) {
    const blocks = decodeEntities(html)
      .split(/\r?\n[ \t]*\r?\n/)
      .map((t) => ({ text: t.trim(), heading: false }))
      .filter((b) => b.text.length > 0);
    return { blocks, links: [] };
  }
  const $ = cheerio().load(html, null, false);
  const blocks: TextBlock[] = [];
  const links: { href: string; text: string }[] = [];
  let buf = '';
  const flush = (heading = false) => {
    const t = buf
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
    if (t) blocks.push({ text: t, heading });
    buf = '';
  };
  const walk = (nodes: AnyNode[], depth: number) => {
    for (const n of nodes) {
      if (n.type === 'text') {
        buf += n.data;
        continue;
      }
      if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') continue;
      const tag = n.name.toLowerCase();
      if (SKIP_TAGS.has(tag) || depth > 100) continue;
      if (tag === 'br') {
        flush();
        continue;
      }
      if (tag === 'a' && typeof n.attribs.href === 'string') links.push({ href: n.attribs.href, text: $(n).text().trim() });
      if (HEADING_TAGS.has(tag)) {
        flush();
        walk(n.children, depth + 1);
        flush(true);
      } else if (BLOCK_TAGS.has(tag)) {
        flush();
        walk(n.children, depth + 1);
        flush();
      } else {
        walk(n.children, depth + 1);
      }
    }
  };
  walk($.root().contents().toArray(), 0);
  flush();
  return { blocks, links };
}
