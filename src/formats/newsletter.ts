/**
 * Newsletters and digests written in Markdown by people and bots: daily logs with a table per day,
 * themed newsletters with "Key Links" lists, one file per paper with an LLM summary, translated
 * digests keeping English titles. What they share is an anchor per paper (a link to
 * `huggingface.co/papers/ID` or `arxiv.org/abs|pdf/ID`, or an arXiv id written out); the title
 * sits in the link text, in the heading above it, in a table cell, or in a labelled field.
 *
 *     ## 3. SkillOpt: Executive Strategy for Self-Evolving Agent Skills *(12 votes)*
 *     - **arXiv ID**: 2605.23904
 *     | Title (Read more on [arXiv](https://arxiv.org/abs/2409.02795)) | Authors | Summary |
 *     - [HeurAgenix: Leveraging LLMs for Solving Complex
 *       Combinatorial Optimization Challenges](https://huggingface.co/papers/2506.15196)
 *
 * The body text of these files is a summary (an LLM's, or a translation), not the paper's
 * abstract: it is kept as `summary` with its language; only a labelled English abstract is an
 * abstract. One record per paper: a title clipped with "..." in a ranking table loses to the full
 * title in the details further down.
 */
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { type Anchor, findAnchors } from './anchors.js';
import { parseDate } from './dates.js';
import { emptyRecord, finishRecords, frontMatter, guarded, ParseForSplit, parseScrapedCount } from './reader.js';
import { cleanTitle, collapseWhitespace, looksLikeAbstract } from './text.js';
import { guessLang, isLaySummary } from './textLang.js';

export const NEWSLETTER_FORMAT = 'markdown-newsletter';

interface Heading {
  start: number;
  /** End of the heading line. */
  lineEnd: number;
  level: number;
  text: string;
  /** Where its section ends: the next heading of the same or a higher level. */
  scopeEnd: number;
}

const HEADING_LINE = /^ {0,3}(#{1,6})[ \t]+(.*)$/gm;
/** Headings that name a part of a paper's entry, not the paper. */
const GENERIC =
  /^(?:related links?|links?|key links|resources?|summary|abstract|paper|papers|details|references|code|overview|introduction|tl;?\s?dr|executive summary|key contributions.*|methodology.*|results?|conclusions?|authors?|metadata|main (?:problem|idea|results))$/i;
const TITLE_LABEL =
  /^[\s>*_\-•🔗📄📝]{0,8}(?:\*\*|__)?(?:english title|original title|paper title|title|原文标题|英文标题|论文标题|論文標題|原文標題|제목|tiêu đề)(?:\*\*|__)?\s{0,3}[:：]\s{0,3}(?:\*\*|__)?(.{4,400})$/gimu;
const ABSTRACT_LABEL = /^[\s>*_\-•📝]{0,8}(?:\*\*|__)?abstract(?:\*\*|__)?\s{0,3}[:：]?(?:\*\*|__)?\s{0,3}(.*)$/imu;
const AUTHORS_LABEL =
  /^[\s>*_\-•👤]{0,8}(?:\*\*|__)?(?:authors?|作者)(?:\*\*|__)?\s{0,3}[:：]\s{0,3}(?:\*\*|__)?\s{0,3}(.{1,2000})$/imu;
const UPVOTES = /\*?\((\d{1,6}) votes?\)\*?|(?:upvotes?|votes?|热度)\*{0,2}\s{0,3}[:：]\s{0,3}\*{0,2}\s{0,3}(\d{1,6})/i;
const PUBLISHED_LABEL = /(?:published|date)(?:\*\*|__)?\s{0,3}[:：]\s{0,3}(?:\*\*|__)?\s{0,3}([^\n]{4,40})/i;
const ISO_DATE = /\b(20\d{2}-\d{2}-\d{2})\b/;
/** A "Label: value" line (Markdown emphasis and an emoji allowed around the label). */
const FIELD_LINE = /^[^\p{L}\p{N}]{0,8}(?:\*\*|__)?([^:：*\n]{1,30}?)(?:\*\*|__)?\s{0,2}[:：]/u;
/** Labels whose value is the prose itself. */
const PROSE_LABEL = /summary|abstract|relevance|摘要|main|tl;?dr|overview|key/i;
/** Chinese, Japanese or Korean script: not an author's name as the site lists it. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
/** A title clipped by the page: "HRM-Text: Efficient Pretraining Beyond Scalin..." */
const CLIPPED = /(?:\.\.\.|…)$/;

function headings(text: string, from: number): Heading[] {
  const out: Heading[] = [];
  const re = new RegExp(HEADING_LINE.source, 'gm');
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, lineEnd: m.index + m[0].length, level: m[1]!.length, text: m[2]!, scopeEnd: text.length });
  }
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      if (out[j]!.level <= out[i]!.level) {
        out[i]!.scopeEnd = out[j]!.start;
        break;
      }
    }
  }
  return out;
}

/** A heading or link text as a title: emphasis, numbering, vote counts and emoji removed. */
function titleText(raw: string): string {
  let t = raw.replace(/!\[[^\]]{0,200}\]\([^)]{0,2000}\)/g, '').replace(/\[([^\]]{0,600})\]\([^)]{0,2000}\)/g, '$1');
  // Emphasis markers, not the `*` of a name such as "FaSTA^*".
  t = t
    .replace(/\*?\(\d{1,6} votes?\)\*?/gi, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/^\*(?=\S)|(?<=\S)\*$/g, '');
  t = t.replace(/^\s{0,3}(?:#{1,3}\s?)?(?:\d{1,3}[.)]|#\d{1,3}|no\.\s?\d{1,3}|paper\s\d{1,3}:)\s+/i, '');
  t = t.replace(/\p{Extended_Pictographic}/gu, '').replace(/\u{FE0F}|\u{200D}/gu, '');
  return cleanTitle(t, { markdown: true });
}

/** Could this text be a paper's title (not a URL, an id, a button label, a date)? */
function titleLike(t: string): boolean {
  if (t.length < 6 || t.length > 400 || /^https?:\/\//i.test(t) || /^\d{4}\.\d{4,5}/.test(t)) return false;
  if (
    GENERIC.test(t) ||
    /^(?:arxiv|pdf|hf|hugging ?face|full paper|read more|paper page|project page|github|code|link|arxiv_pdf_url|html|summary)$/i.test(
      t,
    )
  )
    return false;
  if (!/\p{L}{2}/u.test(t) || (ISO_DATE.test(t) && t.replace(ISO_DATE, '').trim().length < 12)) return false;
  return guessLang(t) !== 'zh' && guessLang(t) !== 'ko' && guessLang(t) !== 'ja';
}

interface Candidate {
  title: string;
  /** Higher is more trustworthy: labelled field 4, link text 3.5, paper heading 3, table cell 1. */
  rank: number;
  /** The text around the anchor that describes this paper (section, table row), for the summary. */
  body: string;
  /** The heading line, when the title came from one (votes are shown there). */
  headingLine: string;
}

function lineAround(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl < 0 ? text.length : nl };
}

/** The heading an anchor sits under: the nearest one above it, or its parent when that one is a generic part. */
function headingOf(hs: Heading[], at: number): Heading | null {
  let i = -1;
  for (let k = 0; k < hs.length && hs[k]!.start < at; k++) i = k;
  if (i < 0) return null;
  let h = hs[i]!;
  while (!titleLike(titleText(h.text))) {
    let parent: Heading | null = null;
    for (let k = i - 1; k >= 0; k--) {
      if (hs[k]!.level < h.level) {
        parent = hs[k]!;
        i = k;
        break;
      }
    }
    if (!parent) return null;
    h = parent;
  }
  return h;
}

function candidatesFor(text: string, a: Anchor, owner: Heading | null, idsIn: (h: Heading) => number): Candidate[] {
  const out: Candidate[] = [];
  const line = lineAround(text, a.end - 1);
  const row = text.slice(line.start, line.end);
  if (a.linkText !== null) {
    const t = titleText(a.linkText);
    // A link's own text names the paper more surely than a heading over it ("## Vision").
    if (titleLike(t)) out.push({ title: t, rank: 3.5, body: '', headingLine: '' });
  }
  if (/^\s{0,3}\|/.test(row)) {
    const cells = row.split('|').map((c) => c.trim());
    const first = cells.find((c) => titleLike(titleText(c.replace(/\(read more on .*$/i, ''))));
    const body = cells.reduce((best, c) => (c.length > best.length ? c : best), '');
    if (first) {
      const t = titleText(first.replace(/\(read more on .*$/i, ''));
      out.push({ title: t, rank: 1, body: body === first ? '' : body, headingLine: '' });
    }
  }
  // A heading over several papers (a topic, the page's own title) is not a paper's.
  const h = owner && idsIn(owner) === 1 ? owner : null;
  if (h) {
    const body = text.slice(h.lineEnd, h.scopeEnd);
    out.push({ title: titleText(h.text), rank: 3, body, headingLine: h.text });
    for (const m of body.matchAll(TITLE_LABEL)) {
      const t = titleText(m[1]!);
      if (titleLike(t)) out.push({ title: t, rank: 4, body, headingLine: h.text });
    }
  }
  return out;
}

/** Markdown reduced to prose: links to their text, images, tables, code and markup removed. */
function prose(md: string): string {
  const kept: string[] = [];
  for (const l of md.split('\n')) {
    const t = l.trim();
    if (/^\|/.test(t) || /^```/.test(t) || /^\\(?:begin|end|includegraphics)/.test(t) || /^[-*_]{3,}$/.test(t)) continue;
    const line = t.replace(/^#{1,6}\s+/, '').replace(/^[-*+>]\s+/, '');
    // Short "Label: value" lines are the entry's fields (ids, links, authors, votes), not prose.
    const label = FIELD_LINE.exec(line);
    if (label && line.length < 200 && !PROSE_LABEL.test(label[1]!)) continue;
    kept.push(line);
  }
  const s = kept
    .join('\n')
    .replace(/!\[[^\]]{0,200}\]\([^)]{0,2000}\)/g, '')
    .replace(/\[([^\]]{0,600})\]\([^)]{0,2000}\)/g, '$1')
    .replace(/<[^<>]{0,200}>/g, '')
    .replace(/[*_`]{1,3}/g, '');
  return collapseWhitespace(s).slice(0, 5000);
}

/** Fills the record's abstract, or its summary and language, from the text describing it. */
function readBody(r: DigestRecord, body: string): void {
  const labelled = ABSTRACT_LABEL.exec(body);
  if (labelled) {
    const after = body.slice(labelled.index + labelled[0].length - labelled[1]!.length);
    const para = prose(after.split(/\n\s*\n|\n#{1,6}\s/)[0] ?? '');
    // Labelled by the writer: English prose of an abstract's length in the authors' voice.
    if (guessLang(para) === 'en' && (looksLikeAbstract(para) || para.length >= 150) && !isLaySummary(para)) {
      r.abstract = para;
      r.textKind = 'abstract';
      return;
    }
  }
  const text = prose(body);
  if (text.length < (CJK.test(text) ? 10 : 40)) {
    r.textKind = 'none';
    return;
  }
  // Unlabelled prose in a newsletter is the writer's (or an LLM's) account of the paper.
  const lang = guessLang(text);
  r.summary = text;
  r.summaryLang = lang;
  r.textKind = 'summary';
}

function readFields(r: DigestRecord, c: Candidate, reference: string | null): void {
  const where = `${c.headingLine}\n${c.body}`;
  const up = UPVOTES.exec(where);
  if (up) r.upvotes = parseScrapedCount(up[1] ?? up[2]);
  const au = AUTHORS_LABEL.exec(c.body);
  if (au) {
    const names = au[1]!.split(/\s*[,;，、]\s*/).map((n) => cleanTitle(n.replace(/[*_]/g, '')));
    if (names.every((n) => n.length > 0 && n.length < 60 && !CJK.test(n))) r.authors = names;
  }
  const pub = PUBLISHED_LABEL.exec(c.body);
  if (pub) r.publishedAt = parseDate(pub[1]!.trim(), reference);
}

/** The paper a page's front matter names (`title` and a paper URL or id), its body as the summary. */
function frontMatterPaper(fields: Record<string, string>, body: string): DigestRecord | null {
  const title = cleanTitle(fields.title ?? '');
  const link = ['pdf_url', 'arxiv_url', 'url', 'link', 'paper_url', 'hf_url', 'arxiv', 'arxiv_id', 'id']
    .map((k) => fields[k])
    .find((v) => v && findAnchors(/^\d/.test(v) ? `arXiv:${v}` : v).length > 0);
  if (!title || !link || !titleLike(title)) return null;
  const a = findAnchors(/^\d/.test(link) ? `arXiv:${link}` : link)[0]!;
  const r = emptyRecord(0, title);
  r.arxivId = a.id;
  r.arxivVersion = a.version;
  readBody(r, body);
  return r;
}

interface Parsed {
  records: DigestRecord[];
  digestDate: string | null;
}

function parse(text: string): Parsed {
  const fm = frontMatter(text);
  const anchors = findAnchors(text).filter((a) => a.start >= fm.end);
  const hs = headings(text, fm.end);
  // Each anchor's heading; a heading is a paper's when the anchors under it name one paper.
  const owners = anchors.map((a) => headingOf(hs, a.start));
  const idsByHeading = new Map<Heading, Set<string>>();
  anchors.forEach((a, i) => {
    const h = owners[i];
    if (!h) return;
    const ids = idsByHeading.get(h) ?? new Set<string>();
    ids.add(a.id);
    idsByHeading.set(h, ids);
  });
  const idsIn = (h: Heading): number => idsByHeading.get(h)?.size ?? 0;
  const byId = new Map<string, { anchor: Anchor; cands: Candidate[]; version: number | null }>();
  for (const [i, a] of anchors.entries()) {
    let e = byId.get(a.id);
    if (!e) {
      e = { anchor: a, cands: [], version: null };
      byId.set(a.id, e);
    }
    e.version ??= a.version;
    e.cands.push(...candidatesFor(text, a, owners[i] ?? null, idsIn));
  }
  const dateSource = `${fm.fields.date ?? ''} ${fm.fields.title ?? ''} ${hs[0]?.text ?? ''}`;
  const iso = ISO_DATE.exec(dateSource);
  const digestDate = iso ? parseDate(iso[1]) : null;
  const records: DigestRecord[] = [];
  if (byId.size === 0) {
    // One page per paper whose front matter names it (a Jekyll page: `title`, `pdf_url`).
    const one = frontMatterPaper(fm.fields, text.slice(fm.end));
    return { records: one ? [one] : [], digestDate };
  }
  for (const [id, e] of byId) {
    // Full titles over clipped ones, then the most trustworthy place.
    const best = e.cands
      .filter((c) => c.title.length > 0)
      .sort((x, y) => Number(CLIPPED.test(x.title)) - Number(CLIPPED.test(y.title)) || y.rank - x.rank)[0];
    if (!best) continue;
    const r = emptyRecord(
      0,
      best.title.replace(CLIPPED, (m) => m),
    );
    r.arxivId = id;
    r.arxivVersion = e.version;
    // The section under a heading describes this paper only when the heading names it too (a
    // topic heading over one link is not the paper's).
    const section = e.cands.find((c) => c.rank === 3 && c.title.toLowerCase() === best.title.toLowerCase());
    const chosen = best.body || !section ? best : section;
    readBody(r, chosen.body);
    readFields(r, chosen, digestDate);
    records.push(r);
  }
  return { records, digestDate };
}

const parsed = new ParseForSplit(parse);

export const newsletterReader: FormatReader = guarded({
  name: NEWSLETTER_FORMAT,
  // Its detect parses up to 300 kB: a listing capture sure of its form (0.9) spares it.
  maxConfidence: 0.55,
  detect(text) {
    const head = text.slice(0, 1000).trimStart();
    if (/^[{<]/.test(head)) return 0;
    if (!/huggingface\.co\/papers\/|arxiv\.org\/|arxiv|paper\s{0,3}id/i.test(text)) return 0;
    const sample = text.length > 300_000 ? text.slice(0, 300_000) : text;
    const n = parsed.peek(sample).records.length;
    // Below the listing-capture readers, which know their own forms exactly.
    return n === 0 ? 0 : n >= 3 ? 0.55 : 0.45; // at most maxConfidence
  },
  split(text): SplitResult {
    const warnings: string[] = [];
    const p = parsed.take(text);
    const records = finishRecords(p.records, warnings);
    if (records.length === 0) throw new ParseError('no paper anchored on a link or an arXiv id with a title');
    return { format: NEWSLETTER_FORMAT, digestDate: p.digestDate, records, warnings };
  },
});
