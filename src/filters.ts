/**
 * Parsing the user's filter expressions (pure): claim filters, dates, arXiv ids, numbers with
 * magnitudes. Bad input is a UsageError whose message says what was expected.
 */
import { UsageError } from './errors.js';
import { normalizeArxivId } from './formats/arxiv.js';
import { spellingVariant } from './normalize.js';

export type Comparison = '>' | '>=' | '<' | '<=' | '=' | '!=';

/** `--claim 'accuracy>=90'`: a claim whose metric (or unit, or kind) is `subject` and whose value compares. */
export interface ClaimFilter {
  subject: string;
  op: Comparison;
  value: number;
}

const MAGNITUDE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

/**
 * "2", "1e6", "0.3M", "7B", "90%", "2x", "16,000" → a number; null when it is not one. With
 * `plain`, a trailing % or x is refused: `claims --min 2x` would otherwise read as 2 and match
 * 2% too (the unit is a filter of its own, --unit).
 */
export function parseQuantity(text: string, plain = false): number | null {
  // Commas only as thousands separators ("16,000"): "1,5" is not a number here.
  const m = /^\s*([-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)(?:e[-+]?\d+)?)\s*([kmbt])?\s*(%|x|×)?\s*$/i.exec(text);
  if (!m || (plain && m[3])) return null;
  const n = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  return m[2] ? n * MAGNITUDE[m[2].toLowerCase()]! : n;
}

/** Short names people type for a claim subject: `params<7B` is `parameters<7e9`. */
const SUBJECT_ALIASES: Record<string, string> = {
  params: 'parameters',
  param: 'parameters',
  parameter: 'parameters',
  acc: 'accuracy',
  speed: 'speedup',
  'speed up': 'speedup',
  token: 'tokens',
  example: 'examples',
};

/** Parses `METRIC OP VALUE`, e.g. `accuracy>=90`, `speedup > 2`, `parameters<1e6`, `attack success rate>=90`. */
export function parseClaimFilter(expr: string): ClaimFilter {
  const m = /^\s*([a-z][a-z0-9 _-]*?)\s*(>=|<=|!=|=|>|<)\s*(\S.*?)\s*$/i.exec(expr);
  const hint = `expected METRIC OP VALUE, e.g. 'accuracy>=90', 'speedup>2' or 'parameters<1e6'`;
  if (!m) throw new UsageError(`invalid --claim '${expr}': ${hint}`);
  const value = parseQuantity(m[3]!);
  if (value === null) throw new UsageError(`invalid --claim '${expr}': '${m[3]}' is not a number; ${hint}`);
  const said = m[1]!.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  return { subject: SUBJECT_ALIASES[said] ?? said, op: m[2] as Comparison, value };
}

/**
 * `--since`/`--until`: YYYY, YYYY-MM or YYYY-MM-DD. Returns the inclusive bound as a
 * YYYY-MM-DD string (the start of the period for since, its end for until).
 */
export function parseDateBound(text: string, bound: 'since' | 'until', flag = `--${bound}`): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) throw new UsageError(`invalid ${flag} '${text}': expected YYYY-MM-DD, YYYY-MM or YYYY`);
  const [, y, mo, d] = m;
  const month = mo ?? (bound === 'since' ? '01' : '12');
  if (Number(month) < 1 || Number(month) > 12) throw new UsageError(`invalid ${flag} '${text}': no month ${month}`);
  const lastDay = new Date(Date.UTC(Number(y), Number(month), 0)).getUTCDate();
  const day = d ?? (bound === 'since' ? '01' : String(lastDay));
  if (Number(day) < 1 || Number(day) > lastDay) throw new UsageError(`invalid ${flag} '${text}': no day ${day} in that month`);
  return `${y}-${month}-${day.padStart(2, '0')}`;
}

/**
 * Accepts "2405.15738", "2405.15738v2", "arXiv:2405.15738", old-style "math.GT/0309136", and
 * arxiv.org or huggingface.co/papers URLs; returns the id as the ingest stores it.
 */
export function parseArxivId(text: string): string {
  const id = normalizeArxivId(
    text
      .trim()
      .replace(/^arxiv:\s*/i, '')
      .replace(/[?#].*$/, ''),
  );
  if (!id) throw new UsageError(`invalid arXiv id '${text}': expected e.g. 2405.15738`);
  return id;
}

/** A count flag's value: a whole number (0 = all), for --limit, --jobs and friends. Not a scraped count (formats/reader.ts parseScrapedCount). */
export function parseCountFlag(text: string, flag: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`invalid ${flag} '${text}': expected a whole number (0 = all)`);
  return Number(text);
}

/**
 * Caps on a search's size. Each prefix term (`a*`) makes FTS5 walk every indexed word it could
 * begin: 100 of them took 13 s on 20k papers (about 0.1-0.2 s each). A few are what people type.
 */
export const FTS_MAX_TERMS = 32;
export const FTS_MAX_PREFIX_TERMS = 4;

/**
 * Makes a user's search text a valid FTS5 query without taking its syntax away: "phrases",
 * prefix*, AND/OR/NOT/NEAR, parentheses and `title:` column filters pass through, while a bare
 * word FTS5 cannot parse as one token (`low-rank`, `Qwen2.5`, `GPT-4o`) becomes a quoted phrase,
 * which is what the user meant. What is still malformed (an unterminated quote) stays an error
 * for the caller to report as a usage error.
 */
export function toFtsQuery(text: string): string {
  const out: string[] = [];
  let terms = 0;
  let prefixes = 0;
  const count = (isPrefix: boolean) => {
    if (++terms > FTS_MAX_TERMS) throw new UsageError(`too many search terms: at most ${FTS_MAX_TERMS}`);
    if (isPrefix && ++prefixes > FTS_MAX_PREFIX_TERMS) {
      throw new UsageError(`too many prefix terms (word*): at most ${FTS_MAX_PREFIX_TERMS} in one search`);
    }
  };
  const re = /"[^"]*"?|[(),]|[^\s(),"]+/g;
  let inNear = false;
  let pendingColumn = '';
  for (const m of text.matchAll(re)) {
    const tok = m[0];
    if (tok === '(' && out[out.length - 1] === 'NEAR') {
      out[out.length - 1] = 'NEAR('; // NEAR(a b, 3): the group must follow the keyword directly
      inNear = true;
      continue;
    }
    if (tok === ',') {
      if (inNear) out.push(tok); // the distance separator; elsewhere a comma is just punctuation
      continue;
    }
    if (tok === ')') inNear = false;
    if (pendingColumn && (tok.startsWith('"') || tok === '(')) out.push(pendingColumn); // title: "a b", title: (a OR b)
    if (tok.startsWith('"') || tok === '(' || tok === ')' || /^(?:AND|OR|NOT|NEAR)$/.test(tok)) {
      if (tok.startsWith('"')) count(false);
      pendingColumn = '';
      out.push(tok);
      continue;
    }
    const col = /^(title|abstract):(.*)$/i.exec(tok);
    let word = col ? col[2]! : tok;
    if (col && word === '') {
      pendingColumn = `${col[1]!.toLowerCase()}:`; // "title: lora": the filter applies to the next word
      continue;
    }
    const prefix = col ? `${col[1]!.toLowerCase()}:` : pendingColumn;
    pendingColumn = '';
    const star = word.endsWith('*') ? '*' : '';
    if (star) word = word.slice(0, -1);
    count(star !== '');
    // Inside NEAR(...) only phrases are allowed, and a prefix (word*) is broad already and costly
    // (see FTS_MAX_PREFIX_TERMS): no spelling alternatives for those.
    out.push(prefix + (inNear || star ? ftsTerm(word, star) : searchTerm(word, star)));
  }
  // Nothing searchable left (the text was only punctuation): an empty phrase, which matches nothing.
  return out.length > 0 ? withExplicitAnd(out).join(' ') : '""';
}

/** An FTS5 term for one word: a bareword when FTS5 reads it as one token, else a quoted phrase. */
function ftsTerm(word: string, star: string): string {
  // FTS5 barewords: letters, digits, underscore and any non-ASCII character.
  return /^[\p{L}\p{N}_\u0080-\uffff]+$/u.test(word) ? word + star : `"${word.replace(/"/g, '""')}"${star}`;
}

/**
 * Word starts that writers join, hyphenate or space at will ("finetuning", "fine-tuning",
 * "fine tuning"): the dedup treats these as one (titleKey drops the separators), so the search
 * does too.
 */
const JOINABLE_PREFIXES = [
  'fine',
  'pre',
  'post',
  'multi',
  'self',
  'cross',
  'zero',
  'few',
  'semi',
  'non',
  'co',
  'sub',
  'meta',
  'over',
  'under',
  'down',
];

/**
 * The spellings of one search word the dedup already counts as the same: joined, hyphenated or
 * spaced ("finetuning" = "fine-tuning" = "fine tuning") and British or American ("optimisation"
 * = "optimization"). Pure; the first is the word itself.
 */
export function spellingsOf(word: string): string[] {
  const lower = word.toLowerCase();
  const out = new Set<string>([word]);
  if (/^[a-z]+(?:-[a-z]+)+$/i.test(word)) out.add(lower.replace(/-/g, '')); // fine-tuning -> finetuning
  if (/^[a-z]+$/i.test(word)) {
    for (const p of JOINABLE_PREFIXES) {
      if (lower.startsWith(p) && lower.length - p.length >= 4) out.add(`${p} ${lower.slice(p.length)}`);
    }
    const american = spellingVariant(lower);
    if (american !== lower) out.add(american);
    const british = lower.replace(/^([a-z]{3,})iz(e|es|ed|ing|ation|ations|er|ers)$/, '$1is$2');
    if (british !== lower) out.add(british);
  }
  return [...out];
}

/** One search word as FTS5 text: the word, or its known spellings joined with OR. */
function searchTerm(word: string, star: string): string {
  const spellings = spellingsOf(word);
  if (spellings.length === 1) return ftsTerm(word, star);
  return `(${spellings.map((w) => ftsTerm(w, star)).join(' OR ')})`;
}

/**
 * FTS5 reads two phrases side by side as AND, but not a parenthesised group beside anything
 * ("(a OR b) c" is a syntax error): an explicit AND goes wherever a group meets an operand.
 */
function withExplicitAnd(tokens: string[]): string[] {
  const operator = (t: string) => /^(?:AND|OR|NOT|NEAR\(|,)$/.test(t);
  const opensGroup = (t: string) => t === '(' || t === 'NEAR(' || t.endsWith(':');
  const group = (t: string) => /^(?:[a-z]+:)?\(.+\)$/s.test(t);
  const out: string[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    const prevEndsOperand = prev !== undefined && !operator(prev) && !opensGroup(prev);
    const startsOperand = !operator(t) && t !== ')';
    if (prevEndsOperand && startsOperand && (group(prev) || prev === ')' || group(t) || t === '(')) out.push('AND');
    out.push(t);
  }
  return out;
}
