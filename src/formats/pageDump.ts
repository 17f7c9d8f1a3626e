/**
 * The text of one paper's page on the site, dumped by a scraper that joined the page's elements
 * without spaces (`element.text` of the whole page):
 *
 *     Papersarxiv:2505.11594SageAttention3: Microscaling FP4 Attention for Inference and An
 *       Exploration of 8-Bit TrainingPublished on May 16·Submitted byjt-zhangon May 21#2 Paper of
 *     the dayUpvote48+40Authors:Jintao Zhang,Jia Wei,…,Jianfei ChenThe efficiency ofattentionis …
 *     …View arXiv pageView PDFProject pageGitHub repositoryAdd to collectionCommunity…
 *
 * The title runs from the id to "Published on"; the abstract from the last author (cut where the
 * name is glued to the abstract's first word) to the page's buttons. Words the dump glued inside
 * the abstract ("ofattentionis", where the page linked a keyword) cannot be told apart and stay.
 */
import type { FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { emptyRecord, guarded, parseScrapedCount } from './reader.js';
import { cleanTitle, unwrapAbstract } from './text.js';

export const PAGE_DUMP_FORMAT = 'text-page-dump';

const HEAD = /^\s{0,20}(?:Papers)?\s{0,3}arxiv:(\d{4}\.\d{4,5})(?:v(\d{1,3}))?/i;
const BUTTONS = /View arXiv page|View PDF|Add to collection|Project page|GitHub repository|Community/;

function read(text: string): ReturnType<typeof emptyRecord> | null {
  const head = HEAD.exec(text);
  if (!head) return null;
  const rest = text.slice(head[0].length, head[0].length + 200_000);
  const pub = rest.indexOf('Published on');
  if (pub <= 0 || pub > 600) return null;
  const r = emptyRecord(1, cleanTitle(rest.slice(0, pub)));
  r.arxivId = head[1]!;
  r.arxivVersion = head[2] ? Number(head[2]) : null;
  const up = /Upvote\s{0,3}(\d{1,6})/.exec(rest.slice(pub, pub + 600));
  if (up) r.upvotes = parseScrapedCount(up[1]);
  const au = rest.indexOf('Authors:', pub);
  const end = rest.slice(Math.max(au, pub)).search(BUTTONS);
  if (au > 0 && end > 0) {
    const body = rest.slice(au + 'Authors:'.length, Math.max(au, pub) + end);
    const parts = body.split(',');
    // "Jianfei ChenThe efficiency …": the last name ends where a capital follows a lower-case letter.
    for (let i = 0; i < parts.length && i < 300; i++) {
      const seam = /\p{Ll}(?=\p{Lu}\p{Ll})/u.exec(parts[i]!);
      if (!seam) continue;
      const names = [...parts.slice(0, i), parts[i]!.slice(0, seam.index + 1)];
      r.authors = names.map((n) => cleanTitle(n)).filter((n) => n.length > 0);
      r.abstract = unwrapAbstract([parts[i]!.slice(seam.index + 1), ...parts.slice(i + 1)].join(','));
      r.textKind = r.abstract ? 'abstract' : 'none';
      break;
    }
  }
  return r.title ? r : null;
}

export const pageDumpReader: FormatReader = guarded({
  name: PAGE_DUMP_FORMAT,
  detect(text) {
    return HEAD.test(text.slice(0, 200)) && read(text) !== null ? 0.8 : 0;
  },
  split(text): SplitResult {
    const r = read(text);
    if (!r) throw new ParseError('not a dump of a paper page: no "arxiv:ID … Published on" head');
    return { format: PAGE_DUMP_FORMAT, digestDate: null, records: [r], warnings: [] };
  },
});
