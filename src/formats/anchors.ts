/**
 * Paper anchors in free text (newsletters, digests, notes): where a text names a paper by a link
 * to `huggingface.co/papers/ID`, an `arxiv.org/abs|pdf|html/ID[vN]` URL, or an arXiv id written
 * out (`arXiv:2401.00001`, `arXiv ID: 2605.15565`, `Paper ID: 2506.22832`, `` `2606.05405` ``).
 * Pure; every pattern is linear (bounded quantifiers, no nested repetition).
 */

/** One place the text names a paper. */
export interface Anchor {
  /** Offset of the anchor (the `[` of a Markdown link, else the URL or id). */
  start: number;
  end: number;
  /** The arXiv id, without version. */
  id: string;
  /** The version the URL or id named ("v2" -> 2), else null. */
  version: number | null;
  /** The text of a Markdown link `[text](url)` around the URL, else null. */
  linkText: string | null;
}

const ID = String.raw`(\d{4}\.\d{4,5})(?:v(\d{1,3}))?`;
const URL_ID = new RegExp(
  String.raw`https?://(?:www\.)?(?:huggingface\.co/papers/|(?:export\.)?arxiv\.org/(?:abs|pdf|html)/)${ID}(?![\d])(?:\.pdf)?`,
  'gi',
);
/** Ids written out: after "arXiv", "arXiv ID", "Paper ID" (with Markdown emphasis and a colon), or in backticks. */
const TEXT_ID = new RegExp(
  String.raw`(?:\barxiv(?:\s{0,3}id)?|\bpaper\s{0,3}id)\*{0,2}\s{0,3}[:：]?\s{0,3}\*{0,2}\s{0,3}\[?\x60?${ID}(?![\d.])|\x60${ID}\x60`,
  'gi',
);

function validId(id: string): boolean {
  const mm = Number(id.slice(2, 4));
  return mm >= 1 && mm <= 12;
}

/** The Markdown link `[text](` whose `(` sits just before `urlStart`, if any (text up to 600 chars). */
function linkTextBefore(text: string, urlStart: number): { start: number; text: string } | null {
  if (text.charCodeAt(urlStart - 1) !== 40 /* ( */ || text.charCodeAt(urlStart - 2) !== 93 /* ] */) return null;
  let depth = 0;
  for (let i = urlStart - 3; i >= 0 && i >= urlStart - 600; i--) {
    const c = text.charCodeAt(i);
    if (c === 93) depth++;
    else if (c === 91 /* [ */) {
      if (depth === 0) return text.charCodeAt(i - 1) === 33 /* ! */ ? null : { start: i, text: text.slice(i + 1, urlStart - 2) };
      depth--;
    } else if (c === 10 && text.charCodeAt(i + 1) === 10) return null; // a blank line ends a link text
  }
  return null;
}

/** Every paper anchor in `text`, in order; an id named twice in one place counts once. */
export function findAnchors(text: string): Anchor[] {
  const out: Anchor[] = [];
  for (const m of text.matchAll(URL_ID)) {
    if (!validId(m[1]!)) continue;
    const link = linkTextBefore(text, m.index);
    out.push({
      start: link ? link.start : m.index,
      end: m.index + m[0].length,
      id: m[1]!,
      version: m[2] ? Number(m[2]) : null,
      linkText: link ? link.text : null,
    });
  }
  for (const m of text.matchAll(TEXT_ID)) {
    const id = m[1] ?? m[3]!;
    if (!validId(id)) continue;
    const version = m[2] ?? m[4];
    // Inside a URL already found (`arxiv.org/abs/…`) or a link's text: not a second anchor.
    if (out.some((a) => a.start <= m.index && m.index < a.end)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, id, version: version ? Number(version) : null, linkText: null });
  }
  return out.sort((a, b) => a.start - b.start);
}
