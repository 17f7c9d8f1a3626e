/**
 * Plain-text digests written by scripts as labelled blocks, one paper per block, blocks separated
 * by `---` lines or blank lines:
 *
 *     Title: Multi-task retriever fine-tuning for domain-specific and efficient RAG
 *     PDF: https://arxiv.org/pdf/2501.04652
 *     Summary: Retrieval-Augmented Generation (RAG) has become ubiquitous …
 *     ---
 *
 * "Summary" here is often arXiv's own name for the abstract (its API calls it so): English prose
 * in the authors' voice is kept as the abstract; a translation or a lay summary about the paper
 * is kept as a summary.
 */
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { findAnchors } from './anchors.js';
import { parseDate } from './dates.js';
import { emptyRecord, finishRecords, guarded, lines, parseScrapedCount } from './reader.js';
import { cleanTitle, looksLikeAbstract, unwrapAbstract } from './text.js';
import { guessLang, isLaySummary } from './textLang.js';

export const LABELLED_TEXT_FORMAT = 'text-labelled';

/** `Label: value` at the start of a line; the label is one to three words. */
const LABEL = /^[ \t]{0,4}([A-Za-z\u4e00-\u9fff][\w \u4e00-\u9fff-]{0,30}?)[ \t]{0,2}[:：][ \t]{0,4}(.*)$/;
const SEPARATOR = /^[ \t]*(?:-{3,}|={3,}|\*{3,})[ \t]*$/;

type Field = 'title' | 'link' | 'abstract' | 'summary' | 'authors' | 'upvotes' | 'date' | null;

function fieldOf(label: string): Field {
  const l = label.trim().toLowerCase();
  if (/^(?:title|paper title|english title|original title|原文标题|标题|英文标题)$/.test(l)) return 'title';
  if (/^(?:pdf|url|link|arxiv|arxiv url|arxiv id|paper id|hf|hf url|paper|paper url|id|huggingface)$/.test(l)) return 'link';
  if (/^(?:abstract)$/.test(l)) return 'abstract';
  if (/^(?:summary|tl;?dr|摘要|summary \(\w+\))$/.test(l)) return 'summary';
  if (/^(?:authors?|作者)$/.test(l)) return 'authors';
  if (/^(?:upvotes?|votes?|likes)$/.test(l)) return 'upvotes';
  if (/^(?:date|published|published on|submitted)$/.test(l)) return 'date';
  return null;
}

interface Block {
  fields: Map<Field, string>;
}

/** The blocks of labelled lines; an unlabelled line continues the field before it (a wrapped value). */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  let cur: Block | null = null;
  let last: Field = null;
  const close = () => {
    if (cur && cur.fields.size > 0) out.push(cur);
    cur = null;
    last = null;
  };
  for (const line of lines(text)) {
    if (SEPARATOR.test(line)) {
      close();
      continue;
    }
    const m = LABEL.exec(line);
    const f = m ? fieldOf(m[1]!) : null;
    if (f) {
      // A second title starts the next block (files without separators).
      if (f === 'title' && cur?.fields.has('title')) close();
      cur ??= { fields: new Map() };
      const prev = cur.fields.get(f);
      cur.fields.set(f, prev ? `${prev}\n${m![2]!}` : m![2]!);
      last = f;
    } else if (cur && last && line.trim().length > 0) {
      cur.fields.set(last, `${cur.fields.get(last)}\n${line}`);
    } else if (line.trim().length === 0) last = null;
  }
  close();
  return out;
}

function toRecord(b: Block): DigestRecord | null {
  const title = cleanTitle(b.fields.get('title') ?? '');
  const anchor = findAnchors(b.fields.get('link') ?? '')[0] ?? findAnchors(b.fields.get('title') ?? '')[0];
  if (!title || !anchor) return null;
  const r = emptyRecord(0, title);
  r.arxivId = anchor.id;
  r.arxivVersion = anchor.version;
  const abs = unwrapAbstract(b.fields.get('abstract') ?? '');
  const sum = unwrapAbstract(b.fields.get('summary') ?? '');
  // In the authors' voice ("We propose …") and of an abstract's length; not a lay summary about it.
  const englishAbstract = (t: string) =>
    guessLang(t) === 'en' && (looksLikeAbstract(t) || (t.length >= 200 && /\b(?:we|our)\b/i.test(t))) && !isLaySummary(t);
  if (abs && guessLang(abs) === 'en') r.abstract = abs;
  else if (sum && englishAbstract(sum)) r.abstract = sum;
  const other = r.abstract === sum ? '' : sum || (r.abstract === abs ? '' : abs);
  if (other) {
    r.summary = other;
    r.summaryLang = guessLang(other);
  }
  r.textKind = r.abstract ? 'abstract' : other ? 'summary' : 'none';
  const authors = b.fields.get('authors');
  if (authors) r.authors = authors.split(/\s*[,;]\s*/).filter((n) => n.length > 0 && n.length < 80);
  r.upvotes = parseScrapedCount(b.fields.get('upvotes') ?? null);
  r.publishedAt = parseDate(b.fields.get('date') ?? null);
  return r;
}

export const labelledTextReader: FormatReader = guarded({
  name: LABELLED_TEXT_FORMAT,
  detect(text) {
    if (/^\s*[[{<]/.test(text.slice(0, 200))) return 0;
    const bs = blocks(text.length > 200_000 ? text.slice(0, 200_000) : text);
    const papers = bs.map(toRecord).filter((r) => r !== null).length;
    // Above the listing-copy readers: a rhythm of labelled blocks is this form's own.
    return papers >= 2 && papers * 2 >= bs.length ? 0.92 : papers === 1 && bs.length === 1 ? 0.7 : 0;
  },
  split(text): SplitResult {
    const warnings: string[] = [];
    const raw = blocks(text).map(toRecord);
    const skipped = raw.filter((r) => r === null).length;
    if (skipped > 0) warnings.push(`${skipped} block(s) without a title and a paper link or id were skipped`);
    const records = finishRecords(
      raw.filter((r): r is DigestRecord => r !== null),
      warnings,
    );
    if (records.length === 0) throw new ParseError('no labelled block with a title and a paper link or id');
    return { format: LABELLED_TEXT_FORMAT, digestDate: null, records, warnings };
  },
});
