/**
 * An HTML file parsed once for the readers that look at it. The html-cards reader parses a page to
 * judge it and the html reader then splits the same page when both claim it (a mirror's card page
 * looks like the site's to the html reader): one parse, not two. The readers only read the tree,
 * so both peek at the one kept parse (it is let go once the file is split, see ParseForSplit).
 */
import type { CheerioAPI } from 'cheerio/slim';
import { cheerio } from '../deps.js';
import { capHtmlDepth } from './htmlDepth.js';
import { ParseForSplit } from './reader.js';

const pages = new ParseForSplit((text: string): CheerioAPI => cheerio().load(capHtmlDepth(text)));

/** The parsed page of an HTML text, its nesting capped (see ./htmlDepth.ts). */
export function loadPage(text: string): CheerioAPI {
  return pages.peek(text);
}
