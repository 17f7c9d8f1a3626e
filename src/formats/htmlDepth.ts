/**
 * Bounds how deeply an HTML text nests before it is handed to the parser. cheerio's parser and its
 * selector engine slow down with depth (100k nested divs, 1.3 MB: 31 s), and no real page nests
 * deeper than a few dozen elements, so opening tags past `maxDepth` (and their closing tags) are
 * dropped, except the elements that carry a paper (kept to twice the depth): the text inside them
 * is kept, only the extra nesting goes. One linear pass; the text is
 * returned unchanged when nothing is that deep.
 */

/** Elements that never have a closing tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements that carry a paper (its card, heading, link, paragraph): kept up to twice the depth. */
const KEEP = new Set(['article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'p']);

/** Deeper than any real page; far below where parsing slows down. */
export const MAX_HTML_DEPTH = 256;

/** The tag name at `s[i]` (just after `<` or `</`), lower-cased, or '' when there is none. */
function tagName(s: string, i: number): string {
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    const other = (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;
    if (!(letter || (j > i && other))) break;
    j++;
  }
  return s.slice(i, j).toLowerCase();
}

export function capHtmlDepth(html: string, maxDepth = MAX_HTML_DEPTH): string {
  let depth = 0;
  const dropped = new Map<string, number>();
  const parts: string[] = [];
  let copied = 0;
  let any = false;
  for (let lt = html.indexOf('<'); lt >= 0; ) {
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break; // no tag can close after this point
    const closing = html.charCodeAt(lt + 1) === 47; /* / */
    const name = tagName(html, lt + (closing ? 2 : 1));
    let drop = false;
    if (name && name !== 'script' && name !== 'style' && !VOID.has(name)) {
      if (closing) {
        const n = dropped.get(name) ?? 0;
        if (n > 0) {
          dropped.set(name, n - 1);
          drop = true;
        } else if (depth > 0) depth--;
      } else if (html.charCodeAt(gt - 1) !== 47 /* self-closing */) {
        if (depth >= maxDepth && (!KEEP.has(name) || depth >= 2 * maxDepth)) {
          dropped.set(name, (dropped.get(name) ?? 0) + 1);
          drop = true;
        } else depth++;
      }
    }
    if (drop) {
      parts.push(html.slice(copied, lt));
      copied = gt + 1;
      any = true;
    }
    lt = html.indexOf('<', gt + 1);
  }
  if (!any) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}
