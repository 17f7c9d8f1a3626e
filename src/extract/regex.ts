/**
 * Small text helpers the extractors share: one escaper for building regexes from word lists, one
 * cheap URL pre-check.
 */

/** `s` with every regex metacharacter escaped (also `/` and `-`, safe in and out of a class). */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Cheap pre-check (plain indexOf) before a URL regex runs: most abstracts carry no URL at all.
 * It may say yes to text without a URL (the regex decides); it never says no to one the link and
 * method extractors read (a scheme, `www.`, or a known host followed by a path).
 */
export function maybeUrl(text: string): boolean {
  return (
    text.includes('://') ||
    text.includes('www.') ||
    text.includes('.com/') ||
    text.includes('.co/') ||
    text.includes('.io') ||
    text.includes('.org/')
  );
}
