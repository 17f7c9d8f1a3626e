/**
 * JSON of any reasonable shape that other scrapers write: the paper records are found anywhere in
 * the tree (records.ts) and their fields by name (fields.ts), so one reader covers arrays,
 * wrappers, objects keyed by arXiv id, nested detail objects and JSON Lines. A saved error
 * response (`{"error": "..."}`) is a ParseError naming it, never a paper.
 */
import type { FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { NOT_A_DIGEST } from './notADigest.js';
import { fileNameDate } from './dates.js';
import { recordFromFields } from './fields.js';
import { loadJson, looksLikeJson } from './json.js';
import { errorBody, findRecords } from './records.js';
import { finishRecords, guarded } from './reader.js';

export const SCRAPER_JSON_FORMAT = 'scraper-json';

export const scraperJsonReader: FormatReader = guarded({
  name: SCRAPER_JSON_FORMAT,
  detect(text, fileName) {
    const jsonName = /\.(?:json|jsonl|ndjson)$/i.test(fileName);
    if (!looksLikeJson(text)) return 0;
    let value: unknown;
    try {
      value = loadJson(text).value;
    } catch {
      // Invalid JSON: claim it weakly so split() reports where it broke.
      return jsonName ? 0.2 : 0.1;
    }
    const found = findRecords(value);
    if (!found) return 0.05; // parsed but no records: split() says why
    return found.paperLike > 0 ? 0.8 : 0.5;
  },
  split(text, fileName): SplitResult {
    const loaded = loadJson(text);
    const err = errorBody(loaded.value);
    const found = findRecords(loaded.value);
    if (err !== null && (!found || found.paperLike === 0)) {
      throw new ParseError(`the file is a saved error response, not a digest: "${err}"`);
    }
    if (!found) {
      throw new ParseError(NOT_A_DIGEST.jsonNoRecords);
    }
    const warnings = [...loaded.warnings];
    const raw = found.items.map((it, i) => recordFromFields(it, i + 1));
    const titled = raw.filter((r) => r.title !== '').length;
    if (found.paperLike === 0 && titled * 2 < raw.length) {
      throw new ParseError('JSON holds no recognisable paper records (titles without ids or abstracts)');
    }
    const records = finishRecords(raw, warnings);
    const noAbstract = records.filter((r) => r.abstract === '').length;
    if (noAbstract > 0) warnings.push(`${noAbstract} record(s) have no abstract`);
    return {
      format: SCRAPER_JSON_FORMAT,
      digestDate: found.digestDate ?? fileNameDate(fileName),
      records,
      warnings,
    };
  },
});
