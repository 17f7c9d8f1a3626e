/**
 * The registry of digest forms. `splitDigest` asks every reader how confident it is that the text
 * is in its form (content first, the file name only a hint). When one reader is clearly the most
 * confident it splits the text alone; when several are close, each of them splits it and the one
 * that finds the most paper-like records (a title plus an arXiv id or an abstract) wins, the
 * confidence breaking ties. A text no reader claims is a ParseError: papers are never guessed
 * out of garbage. Adding a form: one file in this folder and one line in `readers`.
 */
import type { DigestRecord, FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { NOT_A_DIGEST } from './notADigest.js';
import { cleanRecordText } from '../sanitize.js';
import { csvReader } from './csv.js';
import { fileNameDate } from './dates.js';
import { setBodyKind } from './bodyKind.js';
import { feedReader } from './feed.js';
import { htmlReader } from './html.js';
import { htmlCardsReader } from './htmlCards.js';
import { jsonFeedReader } from './jsonFeed.js';
import { labelledTextReader } from './labelledText.js';
import { markdownReader } from './markdown.js';
import { newsletterReader } from './newsletter.js';
import { pageDumpReader } from './pageDump.js';
import { forgetKeptParses, guarded } from './reader.js';
import { scraperJsonReader } from './scraperJson.js';
import { compactTextReader, spacedTextReader } from './seedText.js';
import { siteJsonReader } from './siteJson.js';
import { textExportReader } from './textExport.js';
import { frontMatterReader, yamlReader } from './yaml.js';

/** Every known form; on equal confidence (and equal records) the earlier reader wins. */
export const readers: FormatReader[] = [
  jsonFeedReader,
  siteJsonReader,
  scraperJsonReader,
  feedReader,
  htmlReader,
  frontMatterReader,
  markdownReader,
  textExportReader,
  csvReader,
  yamlReader,
  guarded(spacedTextReader),
  guarded(compactTextReader),
  newsletterReader,
  htmlCardsReader,
  labelledTextReader,
  pageDumpReader,
];

/**
 * Readers within this much of the most confident one are contenders whose records are counted.
 * A reader this sure of a form it recognises by a marker no other form has (a JSON Feed version,
 * an RSS root) is trusted alone above `SURE`.
 */
const CONTENDER_MARGIN = 0.3;
const SURE = 0.95;

/**
 * Every reader (of `among`, the registry by default) that claims the text, most confident first.
 * With `onlyContenders`, a reader whose `maxConfidence` is below a claim already made minus
 * CONTENDER_MARGIN is not asked: it could be neither the most confident nor a contender, so
 * bestSplit decides the same without its (sometimes costly) look. Nor is one that cannot reach a
 * claim of SURE or more (bestSplit then takes that reader alone): the html-cards reader parsed
 * every RSS and Atom feed as a page to judge it, an eighth of reading a feed.
 */
export function detectForms(
  text: string,
  fileName: string,
  among: readonly FormatReader[] = readers,
  onlyContenders = false,
): { reader: FormatReader; confidence: number }[] {
  const out: { reader: FormatReader; confidence: number }[] = [];
  let best = 0;
  for (const reader of among) {
    const max = reader.maxConfidence;
    if (onlyContenders && max !== undefined && (max < best - CONTENDER_MARGIN || (best >= SURE && max < best))) continue;
    const confidence = reader.detect(text, fileName);
    if (confidence > 0) out.push({ reader, confidence });
    if (confidence > best) best = confidence;
  }
  // Stable: equal confidences keep the registry's order.
  return out.sort((a, b) => b.confidence - a.confidence);
}

/** The reader most confident about the text, with its confidence; null when none claims it. */
export function detectForm(text: string, fileName: string): { reader: FormatReader; confidence: number } | null {
  return detectForms(text, fileName)[0] ?? null;
}

/** A record a reader found that reads as a paper: a title plus an arXiv id or an abstract. */
export function isPaperRecord(r: DigestRecord): boolean {
  return r.title.length > 0 && (r.arxivId !== null || r.abstract.length > 0);
}

function paperCount(result: SplitResult): number {
  let n = 0;
  for (const r of result.records) if (isPaperRecord(r)) n++;
  return n;
}

/** The split of the text by the reader (of `among`) that reads it best (see the module comment). */
export function bestSplit(text: string, fileName: string, among: readonly FormatReader[] = readers): SplitResult {
  const claims = detectForms(text, fileName, among, true);
  const top = claims[0];
  if (!top) {
    throw new ParseError(text.trim().length === 0 ? NOT_A_DIGEST.empty : NOT_A_DIGEST.unrecognised);
  }
  const contenders = claims.filter((c) => c.confidence >= top.confidence - CONTENDER_MARGIN);
  if (contenders.length === 1 || top.confidence >= SURE) return top.reader.split(text, fileName);
  let best: { result: SplitResult; papers: number } | null = null;
  let firstError: ParseError | null = null;
  for (const c of contenders) {
    let result: SplitResult;
    try {
      result = c.reader.split(text, fileName);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      firstError ??= e;
      continue;
    }
    const papers = paperCount(result);
    if (
      !best ||
      papers > best.papers ||
      (papers === best.papers && best.result.records.length === 0 && result.records.length > 0)
    ) {
      best = { result, papers };
    }
  }
  if (best) return best.result;
  throw firstError ?? new ParseError('not a known digest form');
}

/**
 * Splits one digest file's text into records with the reader of its form. Fills `digestDate`
 * from a `YYYY-MM-DD` in the file name when the content carries none (or the same day without a year).
 * Throws ParseError when the text is in no known form or its reader cannot read it.
 */
export function splitDigest(text: string, fileName: string): SplitResult {
  let split: SplitResult;
  try {
    split = bestSplit(text, fileName);
  } finally {
    forgetKeptParses();
  }
  // Scraped text enters here, once: no terminal control sequences are stored (see ../sanitize.ts).
  // Then what each body text is (abstract, summary, comment, none), for the readers that did not say.
  // cleanRecordText copies each record: the body kind is set on that copy.
  const result = { ...split, records: split.records.map((r) => setBodyKind(cleanRecordText(r))) };
  const fromName = fileNameDate(fileName);
  if (fromName) {
    const d = result.digestDate;
    // A yearless date ("--09-16") is completed only by a file-name date of the same day.
    if (d === null || (d.startsWith('--') && d.slice(2) === fromName.slice(5))) return { ...result, digestDate: fromName };
  }
  return result;
}
