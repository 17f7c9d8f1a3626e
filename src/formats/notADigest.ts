/**
 * The reasons a text is not a digest at all, as opposed to a digest that could not be read: no
 * reader claims it (empty, prose, notes), or it is JSON/YAML holding no titled object anywhere
 * (a package.json, a CI config), an HTML page or a sheet that links no paper (notes, a budget).
 * Readers throw ParseErrors with these messages; a file found in a
 * folder walk that fails with one is skipped as not a digest, not reported as an error (see
 * ingest/discover.ts notADigestByContent). Invalid JSON, a saved error body, a feed with no items
 * stay errors: those files are digests gone wrong.
 */
export const NOT_A_DIGEST = {
  empty: 'not a known digest form: the file is empty',
  unrecognised: 'not a known digest form: no reader recognised its content',
  jsonNoRecords: 'JSON holds no paper records (no object with a title, name or headline anywhere in it)',
  yamlNoRecords: 'YAML holds no paper records (no list of titled mappings, no mapping with a title and an id, link or abstract)',
  htmlNoPapers: 'HTML page with no paper in it: no DailyPapers data and no link to a paper (huggingface.co/papers, arxiv.org)',
  sheetNoPapers: 'the sheet names no paper: no title column, no id, link or abstract column, no link to a paper',
} as const;

const REASONS: ReadonlyMap<string, string> = new Map([
  [NOT_A_DIGEST.empty, 'empty file'],
  [NOT_A_DIGEST.unrecognised, 'not a digest: no reader recognised its content'],
  [NOT_A_DIGEST.jsonNoRecords, 'not a digest: JSON with no paper records'],
  [NOT_A_DIGEST.yamlNoRecords, 'not a digest: YAML with no paper records'],
  [NOT_A_DIGEST.htmlNoPapers, 'not a digest: HTML page with no paper links'],
  [NOT_A_DIGEST.sheetNoPapers, 'not a digest: a sheet with no title column and no paper links'],
]);

/** The skip reason for a ParseError's message that says "not a digest", else null. */
export function notADigestReason(message: string): string | null {
  return REASONS.get(message) ?? null;
}
