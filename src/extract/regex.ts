/**
 * Small text helpers the extractors share: one escaper for building regexes from word lists, one
 * cheap URL pre-check.
 */

/** `s` with every regex metacharacter escaped (also `/` and `-`, safe in and out of a class). */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Cheap pre-check before a URL regex runs: most abstracts carry no URL at all. It may say yes to
 * text without a URL (the regex decides); it never says no to one the link and method extractors
 * read: true exactly when the text holds `://`, `www.`, `.com/`, `.co/`, `.io` or `.org/`.
 * It runs four times a paper (title and abstract, links and methods): one search for `://`, then
 * a look around each period (a few per abstract) instead of six searches of the whole text.
 */
export function maybeUrl(text: string): boolean {
  if (text.includes('://')) return true;
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 99 /* c */) {
      if (text.startsWith('om/', i + 2) || text.startsWith('o/', i + 2)) return true;
    } else if (next === 105 /* i */) {
      if (text.charCodeAt(i + 2) === 111 /* o */) return true;
    } else if (next === 111 /* o */) {
      if (text.startsWith('rg/', i + 2)) return true;
    }
    if (i >= 3 && text.startsWith('www', i - 3)) return true;
  }
  return false;
}
