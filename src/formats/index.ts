/**
 * The registry of digest forms. `splitDigest` asks every reader how confident it is that the text
 * is in its form (content first, the file name only a hint) and lets the most confident one split
 * it. A text no reader claims is a ParseError: papers are never guessed out of garbage.
 */
import type { FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { cleanRecordText } from '../sanitize.js';
import { fileNameDate } from './dates.js';
import { withBodyKind } from './bodyKind.js';
import { guarded } from './reader.js';
import { htmlReader } from './html.js';
import { htmlCardsReader } from './htmlCards.js';
import { labelledTextReader } from './labelledText.js';
import { markdownReader } from './markdown.js';
import { pageDumpReader } from './pageDump.js';
import { newsletterReader } from './newsletter.js';
import { scraperJsonReader } from './scraperJson.js';
import { compactTextReader, spacedTextReader } from './seedText.js';
import { siteJsonReader } from './siteJson.js';
import { textExportReader } from './textExport.js';

/** Every known form; on equal confidence the earlier reader wins. */
export const readers: FormatReader[] = [
  siteJsonReader,
  scraperJsonReader,
  htmlReader,
  markdownReader,
  textExportReader,
  guarded(spacedTextReader),
  guarded(compactTextReader),
  newsletterReader,
  htmlCardsReader,
  labelledTextReader,
  pageDumpReader,
];

/** The reader most confident about the text, with its confidence; null when none claims it. */
export function detectForm(text: string, fileName: string): { reader: FormatReader; confidence: number } | null {
  let best: { reader: FormatReader; confidence: number } | null = null;
  for (const reader of readers) {
    const confidence = reader.detect(text, fileName);
    if (confidence > 0 && (!best || confidence > best.confidence)) best = { reader, confidence };
  }
  return best;
}

/**
 * Splits one digest file's text into records with the reader of its form. Fills `digestDate`
 * from a `YYYY-MM-DD` in the file name when the content carries none (or the same day without a year).
 * Throws ParseError when the text is in no known form or its reader cannot read it.
 */
export function splitDigest(text: string, fileName: string): SplitResult {
  const found = detectForm(text, fileName);
  if (!found) {
    const what = text.trim().length === 0 ? 'the file is empty' : 'no reader recognised its content';
    throw new ParseError(`not a known digest form: ${what}`);
  }
  const split = found.reader.split(text, fileName);
  // Scraped text enters here, once: no terminal control sequences are stored (see ../sanitize.ts).
  // Then what each body text is (abstract, summary, comment, none), for the readers that did not say.
  const result = { ...split, records: split.records.map((r) => withBodyKind(cleanRecordText(r))) };
  const fromName = fileNameDate(fileName);
  if (fromName) {
    const d = result.digestDate;
    // A yearless date ("--09-16") is completed only by a file-name date of the same day.
    if (d === null || (d.startsWith('--') && d.slice(2) === fromName.slice(5))) return { ...result, digestDate: fromName };
  }
  return result;
}
