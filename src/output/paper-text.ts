/**
 * A paper for people: the text `papers show` prints in a terminal or a pipe, the claims marked
 * inside the abstract, and the label of what each sighting's text is (shared with `dupes`).
 */
import type { ChalkInstance } from 'chalk';
import type { PaperRecord } from '../db/read.js';
import { escapeTerminal, escapeTerminalDeep } from '../sanitize.js';
import { flatCell } from './render.js';

/**
 * Wraps text to a width by turning spaces into line breaks: the result has the same length, so
 * offsets into the original (a claim's start and end) still hold.
 */
export function wrapInPlace(text: string, width: number): string {
  if (width <= 0) return text;
  const out = text.split(''); // UTF-16 units, like the claims' offsets
  let lineStart = 0;
  let lastSpace = -1;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === ' ') lastSpace = i;
    if (i - lineStart >= width && lastSpace > lineStart) {
      out[lastSpace] = '\n';
      lineStart = lastSpace + 1;
    }
  }
  return out.join('');
}

/** Marks each claim's span inside the abstract (claims carry their offsets). */
export function highlightClaims(p: PaperRecord, mark: (s: string) => string, text = p.abstract): string {
  // Escaped piece by piece, after slicing: the claims' offsets are into the stored text.
  const e = escapeTerminal;
  let out = '';
  let at = 0;
  for (const c of [...p.claims].sort((a, b) => a.start - b.start)) {
    if (c.start < at) continue; // overlapping spans: keep the first
    out += e(text.slice(at, c.start)) + mark(e(text.slice(c.start, c.end)));
    at = c.end;
  }
  return out + e(text.slice(at));
}

/** The paper for people: a header, the abstract, then its extractions and sightings. */
export function renderPaper(paper: PaperRecord, chalk: ChalkInstance | null, width = 0): string {
  // Every field is scraped text: shown escaped, never obeyed (the abstract by highlightClaims).
  const p = { ...escapeTerminalDeep(paper), abstract: paper.abstract };
  const c = {
    bold: (s: string) => (chalk ? chalk.bold(s) : s),
    dim: (s: string) => (chalk ? chalk.dim(s) : s),
    mark: (s: string) => (chalk ? chalk.yellow.bold(s) : s),
  };
  const lines: string[] = [];
  lines.push(c.bold(p.title));
  const meta = [
    `id ${p.id}`,
    p.arxiv_id ? `arXiv ${p.arxiv_id}` : null,
    p.published_at ? `published ${p.published_at}` : null,
    p.first_seen ? `seen ${p.first_seen}${p.last_seen !== p.first_seen ? ` to ${p.last_seen}` : ''}` : null,
    p.upvotes !== null ? `${p.upvotes} upvotes` : null,
  ].filter(Boolean);
  lines.push(c.dim(meta.join(' · ')));
  if (p.authors.length) lines.push(c.dim(p.authors.join(', ')));
  if (p.url) lines.push(`${p.url}  ${c.dim(`arXiv ${p.arxiv_url} · PDF ${p.pdf_url}`)}`);
  lines.push('', highlightClaims(p, c.mark, wrapInPlace(p.abstract, Math.min(width, 100))), '');
  if (p.methods.length)
    lines.push(`${c.bold('Methods:')} ${p.methods.map((m) => `${m.name} (${m.family}, ${m.role})`).join('; ')}`);
  for (const g of p.github) lines.push(`${c.bold('Code:')} ${g.url}${g.path ?? ''} (${g.status}, from ${g.source})`);
  for (const l of p.links) lines.push(`${c.bold('Link:')} ${l.url} (${l.kind})`);
  if (p.claims.length) {
    lines.push(c.bold('Claims:'));
    for (const cl of p.claims) {
      const range = cl.low !== null ? ` [${cl.low}–${cl.high}]` : '';
      lines.push(
        `  ${cl.text}  ${c.dim(`${cl.kind}${cl.unit ? ' ' + cl.unit : ''} = ${cl.value}${range}${cl.metric ? ' · ' + cl.metric : ''}${cl.qualifier ? ' · ' + cl.qualifier : ''}`)}`,
      );
    }
  }
  lines.push(c.bold(`Sightings (${p.sightings.length}):`));
  for (const s of p.sightings) {
    lines.push(
      `  ${s.file}:${s.position}  ${c.dim(`${s.date ?? 'no date'} · ${textKindLabel(s)} · ${s.rule}${s.rule !== 'new' ? ` ${flatCell(Math.round(s.score * 1000) / 1000)}` : ''}`)}${s.title !== p.title ? `  ${c.dim('“' + s.title + '”')}` : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** What a sighting's body text is, for people: "abstract", "summary (zh)", "comment", "no text". */
export function textKindLabel(s: { text_kind: string | null; summary_lang: string | null }): string {
  switch (s.text_kind) {
    case null:
      return 'text not classified';
    case 'none':
      return 'no text';
    case 'summary':
    case 'comment':
      return s.summary_lang ? `${s.text_kind} (${s.summary_lang})` : s.text_kind;
    default:
      return s.text_kind;
  }
}
