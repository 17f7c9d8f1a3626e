/**
 * An HTML file parsed once for the readers that look at it. The html-cards reader parses a page to
 * judge it and the html reader then splits the same page when both claim it (a mirror's card page
 * looks like the site's to the html reader): one parse, not two. The readers only read the tree.
 * Per thread; the last page only, let go once its file is split.
 */
import type { CheerioAPI } from 'cheerio/slim';
import { cheerio } from '../deps.js';
import { capHtmlDepth } from './htmlDepth.js';
import { keptUntilSplit } from './reader.js';

let lastText: string | null = null;
let lastPage: CheerioAPI | null = null;
keptUntilSplit(() => {
  lastText = null;
  lastPage = null;
});

/** The parsed page of an HTML text, its nesting capped (see ./htmlDepth.ts). */
export function loadPage(text: string): CheerioAPI {
  if (lastPage !== null && lastText === text) return lastPage;
  lastPage = null; // a parse that throws keeps nothing
  lastPage = cheerio().load(capHtmlDepth(text));
  lastText = text;
  return lastPage;
}
