/**
 * YAML, read with the `yaml` package: one paper per file, a list of papers, or papers under a
 * wrapper key (found by records.ts, mapped by fields.ts); and markdown files with YAML front
 * matter per paper (Jekyll pages: `title`, `pdf_url`, ...), whose body is an LLM-written summary
 * kept as `summary`, never the abstract. Titles may carry HTML entities (`&#58;`).
 */
import { yaml } from '../deps.js';
import type { FormatReader, SplitResult } from '../types.js';
import { ParseError } from '../types.js';
import { NOT_A_DIGEST } from './notADigest.js';
import { fileNameDate } from './dates.js';
import { findArxiv, fieldsOf, findTitle, isTitleKey, markTextKind, normKey, recordFromFields } from './fields.js';
import { isObject } from './json.js';
import { scriptLang } from './lang.js';
import { findRecords } from './records.js';
import { finishRecords, guarded } from './reader.js';
import { unwrapAbstract } from './text.js';

export const YAML_FORMAT = 'yaml';
export const FRONT_MATTER_FORMAT = 'front-matter';

const YAML_NAME = /\.ya?ml$/i;
/** A first line that opens a YAML mapping or list of mappings (`title: ...`, `- title: ...`, `---`). */
// One line per repetition (a blank or a comment): no nested quantifiers to backtrack over.
const YAML_START =
  /^\ufeff?(?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:---[ \t]*(?:\r?\n|$)|-[ \t]+[A-Za-z_][\w-]*:[ \t]|[A-Za-z_][\w-]*:(?:[ \t]|\r?\n))/;
const FRONT = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** First keys of a YAML digest besides a title: wrappers, ids, dates. */
const FIRST_KEYS = new Set([
  'papers',
  'items',
  'data',
  'entries',
  'results',
  'records',
  'list',
  'date',
  'id',
  'arxivid',
  'paperid',
  'url',
  'name',
  'authors',
]);
const OPTIONS = { maxAliasCount: 100, prettyErrors: false, uniqueKeys: false } as const;

function yamlError(e: unknown): ParseError {
  const msg = e instanceof Error ? e.message : String(e);
  return new ParseError(`invalid YAML: ${msg.slice(0, 200)}`);
}

/** The values of every document in a YAML stream (a `---`-separated file of papers). */
function loadYaml(text: string): unknown {
  const values: unknown[] = [];
  try {
    const docs = yaml().parseAllDocuments(text, OPTIONS);
    for (const d of Array.isArray(docs) ? docs : [docs]) {
      if (d.errors.length > 0) throw yamlError(d.errors[0]);
      values.push(d.toJS({ maxAliasCount: 100 }));
    }
  } catch (e) {
    // The parser also throws plain errors (an unresolved alias, too many aliases).
    throw e instanceof ParseError ? e : yamlError(e);
  }
  return values.length === 1 ? values[0] : values;
}

/** The front matter of a markdown page, parsed, and the body after it; null when there is none. */
function frontMatterOf(text: string): { fields: Record<string, unknown>; body: string } | null {
  const m = FRONT.exec(text.slice(0, 20_000));
  if (!m) return null;
  let v: unknown;
  try {
    v = yaml().parse(m[1]!, OPTIONS);
  } catch {
    return null;
  }
  return isObject(v) ? { fields: v, body: text.slice(m[0].length) } : null;
}

export const yamlReader: FormatReader = guarded({
  name: YAML_FORMAT,
  detect(text, fileName) {
    const named = YAML_NAME.test(fileName);
    if (!named) {
      // Content alone: the first key must be a paper's or a wrapper's, so that a text digest whose
      // first line is "Note: ..." is never parsed as YAML (that would cost a parse per file).
      const m = YAML_START.exec(text.slice(0, 2000));
      if (!m) return 0;
      const key = /([A-Za-z_][\w-]*):\s*$/.exec(m[0].trimEnd() + ' ')?.[1];
      // YAML keys are written in lower case; "Title: ..." opening a text file is labelled text.
      if (key !== undefined && (key !== key.toLowerCase() || (!isTitleKey(key) && !FIRST_KEYS.has(normKey(key))))) return 0;
    }
    // A markdown page with front matter is the front-matter reader's.
    if (!named && FRONT.test(text.slice(0, 20_000)) && text.replace(FRONT, '').trim() !== '') return 0;
    let v: unknown;
    try {
      v = loadYaml(text);
    } catch {
      return named ? 0.2 : 0;
    }
    const found = findRecords(v);
    if (!found) return named ? 0.1 : 0;
    return found.paperLike > 0 ? 0.75 : named ? 0.4 : 0;
  },
  split(text, fileName): SplitResult {
    const v = loadYaml(text);
    const found = findRecords(v);
    // One mapping with a title and nothing of a paper's (`title: My site` in a config) is no digest.
    if (!found || (found.items.length === 1 && found.paperLike === 0)) throw new ParseError(NOT_A_DIGEST.yamlNoRecords);
    const warnings: string[] = [];
    const records = finishRecords(
      found.items.map((it, i) => recordFromFields(it, i + 1)),
      warnings,
    );
    return { format: YAML_FORMAT, digestDate: found.digestDate ?? fileNameDate(fileName), records, warnings };
  },
});

export const frontMatterReader: FormatReader = guarded({
  name: FRONT_MATTER_FORMAT,
  detect(text) {
    if (!text.startsWith('---') && !text.startsWith('\ufeff---')) return 0;
    const fm = frontMatterOf(text);
    if (!fm) return 0;
    const f = fieldsOf(fm.fields);
    if (findTitle(f) === null) return 0;
    // A page about one paper names it (pdf_url, arxiv_id, a paper link); a digest page's
    // front matter (`title: 2026-08-14`) does not, and its body is the markdown reader's.
    return findArxiv(f) !== null ? 0.9 : 0;
  },
  split(text, fileName): SplitResult {
    const fm = frontMatterOf(text);
    if (!fm) throw new ParseError('no YAML front matter');
    const r = recordFromFields(fm.fields, 1);
    if (!r.summary) {
      const body = unwrapAbstract(fm.body.replace(/^#{1,6}\s+.*$/gm, ''));
      if (body) {
        r.summary = body;
        r.summaryLang = scriptLang(body);
      }
    }
    markTextKind(r);
    const warnings: string[] = [];
    const records = finishRecords([r], warnings);
    return { format: FRONT_MATTER_FORMAT, digestDate: fileNameDate(fileName), records, warnings };
  },
});
