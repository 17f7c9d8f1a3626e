/**
 * arXiv ids: finding, validating and normalising them in field values, URLs and text.
 * Pure; errors are `ParseError`s.
 */

/** New-style id (0704.0001 .. 2609.38597), optional version. */
const NEW_ID_SRC = String.raw`\d{4}\.\d{4,5}`;
/** Old-style id: archive(.SUBJ)/YYMMNNN ("hep-th/9901001", "math.GT/0309136", "cs/0112017"). */
const OLD_ID_SRC = String.raw`[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]{2})?/\d{7}`;
const ID_SRC = `(?:${NEW_ID_SRC}|${OLD_ID_SRC})`;

const BARE_ID = new RegExp(String.raw`^(?:arxiv:\s*)?(${ID_SRC})(?:v\d+)?(?:\.pdf)?$`, 'i');
/** An id inside a Hugging Face paper URL or an arXiv abs/pdf/html URL. */
const URL_ID = new RegExp(String.raw`(?:/papers/|arxiv\.org/(?:abs|pdf|html)/)(${ID_SRC})(?:v\d+)?(?![\d])`, 'i');
const TEXT_ID = new RegExp(String.raw`\barxiv:\s*(${ID_SRC})(?:v\d+)?(?![\d])`, 'i');

/** Old-style archive names are lower case; keep the subject class's case ("math.GT"). */
function canonicalId(id: string): string {
  const slash = id.indexOf('/');
  if (slash < 0) return id;
  const archive = id.slice(0, slash);
  const dot = archive.indexOf('.');
  const name = dot < 0 ? archive.toLowerCase() : archive.slice(0, dot).toLowerCase() + '.' + archive.slice(dot + 1).toUpperCase();
  return name + id.slice(slash);
}

function validNewId(id: string): boolean {
  if (!/^\d{4}\./.test(id)) return true;
  const mm = Number(id.slice(2, 4));
  return mm >= 1 && mm <= 12;
}

/** An arXiv id from a field value: a bare id ("2405.15738v2", "arXiv:hep-th/9901001") or a URL. */
export function normalizeArxivId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (v.length === 0 || v.length > 2000) return null;
  const bare = BARE_ID.exec(v);
  if (bare && validNewId(bare[1]!)) return canonicalId(bare[1]!);
  return arxivIdFromUrl(v);
}

/** The arXiv id in a `/papers/<id>`, `arxiv.org/abs/<id>`, `arxiv.org/pdf/<id>` URL, else null. */
export function arxivIdFromUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const m = URL_ID.exec(url) ?? TEXT_ID.exec(url);
  if (!m || !validNewId(m[1]!)) return null;
  return canonicalId(m[1]!);
}

/** A link to a paper page: `/papers/<id>` (relative or absolute), not the listing's own pages. */
const PAPER_HREF = new RegExp(
  String.raw`^(?:https?://(?:www\.)?huggingface\.co)?/papers/(${OLD_ID_SRC}|[^/?#\s()]+)/?(?:[?#]\S*)?$`,
  'i',
);
const NOT_PAPER = new Set(['trending', 'date', 'week', 'month', 'submit', 'search', 'index']);

/** The `<id>` of a Hugging Face paper link (relative or absolute), else null. */
export function paperSegment(href: string | undefined | null): string | null {
  if (!href) return null;
  const m = PAPER_HREF.exec(href.trim());
  if (!m) return null;
  const seg = m[1]!;
  if (NOT_PAPER.has(seg.toLowerCase()) || !/\d/.test(seg)) return null;
  return seg;
}

/** An arXiv id with the version the value named ("2405.15738v2" -> version 2), or null when it named none. */
export interface ArxivRef {
  id: string;
  version: number | null;
}

const VERSION_AFTER = /^v(\d{1,3})(?![\d])/;

/** As `normalizeArxivId`, keeping the version the value names (bare id or URL). */
export function arxivRef(value: unknown): ArxivRef | null {
  const id = normalizeArxivId(value);
  if (!id || typeof value !== 'string') return null;
  const at = value.toLowerCase().indexOf(id.toLowerCase());
  const m = at >= 0 ? VERSION_AFTER.exec(value.slice(at + id.length)) : null;
  return { id, version: m ? Number(m[1]) : null };
}
