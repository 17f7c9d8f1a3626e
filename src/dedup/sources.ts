/**
 * How authoritative an input form is, for choosing a paper's canonical title and abstract: the
 * site's own data (its API, the data a page embeds, feeds that carry ids) over what a scraper
 * re-serialised, over markdown, over text copied from a rendered page (which loses case, math and
 * line breaks first). The rank is a function of the form's name only, so any copy of a file ranks
 * the same whichever path it was read from.
 */

/** Ranks, higher is more authoritative. 0 is "not known" (papers stored before ranks existed). */
export const SOURCE_RANK = {
  unknown: 0,
  pageText: 1,
  markdown: 2,
  scraper: 3,
  site: 4,
} as const;

/**
 * Form names (as readers report them in SplitResult.format) and their rank. One line per form: a
 * new reader adds its line here.
 */
const FORM_RANKS: Record<string, number> = {
  'hf-api-json': SOURCE_RANK.site,
  html: SOURCE_RANK.site, // the page's embedded DailyPapers data (or its cards when that is missing)
  rss: SOURCE_RANK.site,
  atom: SOURCE_RANK.site,
  'json-feed': SOURCE_RANK.site,
  'scraper-json': SOURCE_RANK.scraper,
  json: SOURCE_RANK.scraper,
  csv: SOURCE_RANK.scraper,
  tsv: SOURCE_RANK.scraper,
  yaml: SOURCE_RANK.scraper,
  markdown: SOURCE_RANK.markdown,
  'markdown-newsletter': SOURCE_RANK.markdown,
  'text-spaced': SOURCE_RANK.pageText,
  'text-compact': SOURCE_RANK.pageText,
  'text-export': SOURCE_RANK.pageText,
};

/**
 * Forms not in the table rank by the shape of their name (a new reader's "x-json" is structured
 * data, "x-text" copied text); anything else sits with markdown, between data and page text.
 */
const FORM_PATTERNS: [RegExp, number][] = [
  [/feed|api|rss|atom/, SOURCE_RANK.site],
  [/json|csv|tsv|yaml|xml/, SOURCE_RANK.scraper],
  [/markdown|\bmd\b/, SOURCE_RANK.markdown],
  [/text|txt|plain|newsletter|email/, SOURCE_RANK.pageText],
];

/** The rank of an input form by its name (see FORM_RANKS). */
export function sourceRank(format: string): number {
  const known = FORM_RANKS[format];
  if (known !== undefined) return known;
  const name = format.toLowerCase();
  for (const [re, rank] of FORM_PATTERNS) if (re.test(name)) return rank;
  return SOURCE_RANK.markdown;
}
