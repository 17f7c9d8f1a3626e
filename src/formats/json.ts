/**
 * JSON, NDJSON and Python-literal loading for the JSON readers, with errors that name the line and column.
 * Pure; errors are `ParseError`s.
 */
import { ParseError } from '../types.js';
import { keptUntilSplit, lines } from './reader.js';

/** How deep the walkers over parsed data go (guards against stack overflow on hostile input). */
export const MAX_DEPTH = 200;

function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return `line ${line}, column ${end - last}`;
}

/** A ParseError for invalid JSON naming where it broke. */
export function jsonError(text: string, err: unknown, what = 'invalid JSON'): ParseError {
  const msg = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(msg);
  let offset: number;
  if (pos) offset = Number(pos[1]);
  else if (/end of (?:JSON )?input|Unterminated/i.test(msg)) offset = text.length;
  else offset = -1;
  const where = offset >= 0 ? ` at ${lineCol(text, offset)} (offset ${offset})` : '';
  return new ParseError(`${what}${where}: ${msg.length > 200 ? msg.slice(0, 200) + '…' : msg}`);
}

/** Does the text open like JSON (an object or array), so that a parse failure is worth reporting? */
export function looksLikeJson(text: string): boolean {
  const m = /^\ufeff?\s*([[{])\s*(.?)/.exec(text.slice(0, 200));
  if (!m) return false;
  const next = m[2]!;
  if (m[1] === '{') return next === '' || next === '"' || next === "'" || next === '}';
  return next === '' || /["'{[\]\dtfnN]/.test(next) || (next === '-' && /^\ufeff?\s*\[\s*-\d/.test(text));
}

export interface LoadedJson {
  value: unknown;
  /** "json", "ndjson" or "python" (a Python literal, as `print(obj)` writes). */
  syntax: 'json' | 'ndjson' | 'python';
  warnings: string[];
}

let cacheText: string | null = null;
let cacheResult: LoadedJson | ParseError | null = null;
keptUntilSplit(() => {
  cacheText = null;
  cacheResult = null;
});

/**
 * Parses a JSON document, NDJSON (one JSON value a line) or a whole-file Python literal.
 * Throws ParseError (with the position) when the text is none of them. The last result is
 * cached, so detect() and split() on the same text parse once.
 */
export function loadJson(text: string): LoadedJson {
  if (cacheText !== null && cacheText === text && cacheResult) {
    if (cacheResult instanceof ParseError) throw cacheResult;
    return cacheResult;
  }
  let result: LoadedJson | ParseError;
  try {
    result = loadJsonUncached(text);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    result = e;
  }
  cacheText = text;
  cacheResult = result;
  if (result instanceof ParseError) throw result;
  return result;
}

const NDJSON_LINE_START = /^\s*[{[]/;

function loadJsonUncached(rawText: string): LoadedJson {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  let firstError: unknown;
  try {
    return { value: JSON.parse(text), syntax: 'json', warnings: [] };
  } catch (e) {
    firstError = e;
  }
  // NDJSON: the first non-empty line is a complete JSON object or array on its own.
  const ls = lines(text);
  let first = 0;
  while (first < ls.length && ls[first]!.trim() === '') first++;
  if (first < ls.length && NDJSON_LINE_START.test(ls[first]!) && parsesAlone(ls[first]!)) {
    const values: unknown[] = [];
    const warnings: string[] = [];
    let bad = 0;
    let firstBad = '';
    for (let i = first; i < ls.length; i++) {
      const l = ls[i]!;
      if (l.trim() === '') continue;
      try {
        values.push(JSON.parse(l));
      } catch (e) {
        bad++;
        if (!firstBad) firstBad = jsonError(l, e, `invalid JSON on line ${i + 1}`).message;
      }
    }
    if (bad > 0) {
      if (bad * 2 > values.length + bad) throw new ParseError(`invalid NDJSON: ${bad} bad line(s); ${firstBad}`);
      warnings.push(`${bad} unreadable NDJSON line(s) skipped; ${firstBad}`);
    }
    return { value: values, syntax: 'ndjson', warnings };
  }
  // A whole-file Python literal ([{'paper': …}]), as printed by a Python scraper.
  if (/^\s*[[{(]\s*['"{[(]/.test(text.slice(0, 100)) && /'|\b(?:True|False|None)\b/.test(text.slice(0, 5000))) {
    try {
      return { value: parsePythonLiteral(text), syntax: 'python', warnings: [] };
    } catch {
      // report the JSON error below
    }
  }
  throw jsonError(text, firstError);
}

function parsesAlone(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}

/**
 * A safe parser for Python literals as `repr()` writes them: dicts, lists, tuples, strings in
 * either quote style (with prefixes, triple quotes and escapes), True/False/None, numbers.
 * No evaluation. Throws ParseError with the offset on anything else.
 */
export function parsePythonLiteral(text: string): unknown {
  const p = new PyParser(text);
  p.ws();
  const v = p.value(0);
  p.ws();
  if (p.pos < text.length) p.fail('unexpected text after the value');
  return v;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};
const PY_NUMBER = /[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?|[-+]?(?:inf|nan)\b/y;
const PY_WS = /(?:\s|#[^\n]*)*/y;

class PyParser {
  pos = 0;
  constructor(private readonly s: string) {}

  fail(msg: string): never {
    throw new ParseError(`invalid Python literal at offset ${this.pos}: ${msg}`);
  }

  ws(): void {
    PY_WS.lastIndex = this.pos;
    PY_WS.exec(this.s);
    this.pos = PY_WS.lastIndex;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    const s = this.s;
    const c = s[this.pos];
    if (c === undefined) this.fail('unexpected end of input');
    if (c === '{') return this.dict(depth);
    if (c === '[') return this.seq(']', depth);
    if (c === '(') return this.seq(')', depth);
    if (c === "'" || c === '"') return this.string();
    const word = /[A-Za-z_]+/y;
    word.lastIndex = this.pos;
    const w = word.exec(s);
    if (w) {
      const name = w[0];
      const next = s[this.pos + name.length];
      if ((next === "'" || next === '"') && /^(?:[rRuUbB]|[rR][bB]|[bB][rR])$/.test(name)) {
        this.pos += name.length;
        return this.string(/[rR]/.test(name));
      }
      if (name === 'True') return this.advance(4, true);
      if (name === 'False') return this.advance(5, false);
      if (name === 'None') return this.advance(4, null);
      if (name !== 'inf' && name !== 'nan') this.fail(`unexpected name "${name.slice(0, 40)}"`);
    }
    PY_NUMBER.lastIndex = this.pos;
    const n = PY_NUMBER.exec(s);
    if (!n) this.fail(`unexpected character "${c}"`);
    this.pos += n[0].length;
    const t = n[0].replace(/_/g, '').toLowerCase();
    if (t.endsWith('inf')) return t.startsWith('-') ? -Infinity : Infinity;
    if (t.endsWith('nan')) return NaN;
    const v = Number(t);
    if (Number.isNaN(v)) this.fail(`bad number "${n[0]}"`);
    return v;
  }

  private advance<T>(n: number, v: T): T {
    this.pos += n;
    return v;
  }

  private dict(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    this.pos++;
    for (;;) {
      this.ws();
      if (this.s[this.pos] === '}') {
        this.pos++;
        return { ...out };
      }
      const k = this.value(depth + 1);
      if (typeof k === 'object' && k !== null) this.fail('unhashable dict key');
      this.ws();
      if (this.s[this.pos] !== ':') this.fail('expected ":"');
      this.pos++;
      this.ws();
      out[String(k)] = this.value(depth + 1);
      this.ws();
      const c = this.s[this.pos];
      if (c === ',') this.pos++;
      else if (c !== '}') this.fail('expected "," or "}"');
    }
  }

  private seq(close: string, depth: number): unknown[] {
    const out: unknown[] = [];
    this.pos++;
    for (;;) {
      this.ws();
      if (this.s[this.pos] === close) {
        this.pos++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s[this.pos];
      if (c === ',') this.pos++;
      else if (c !== close) this.fail(`expected "," or "${close}"`);
    }
  }

  private string(raw = false): string {
    const s = this.s;
    const q = s[this.pos]!;
    const triple = s.startsWith(q + q + q, this.pos);
    const closer = triple ? q + q + q : q;
    this.pos += closer.length;
    const parts: string[] = [];
    let chunk = this.pos;
    for (;;) {
      const c = s[this.pos];
      if (c === undefined) this.fail('unterminated string');
      if (c === q && (!triple || s.startsWith(closer, this.pos))) {
        parts.push(s.slice(chunk, this.pos));
        this.pos += closer.length;
        return parts.join('');
      }
      if (!triple && (c === '\n' || c === '\r')) this.fail('newline in string');
      if (c !== '\\') {
        this.pos++;
        continue;
      }
      parts.push(s.slice(chunk, this.pos));
      const e = s[this.pos + 1];
      if (e === undefined) this.fail('unterminated string');
      if (raw) {
        parts.push('\\' + e);
        this.pos += 2;
      } else {
        this.pos += 2;
        parts.push(this.escape(e));
      }
      chunk = this.pos;
    }
  }

  /** Decodes the escape whose letter `e` was just consumed (pos is after it). */
  private escape(e: string): string {
    const s = this.s;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) return simple;
    if (e === '\n') return '';
    if (e === '\r') {
      if (s[this.pos] === '\n') this.pos++;
      return '';
    }
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLen > 0) {
      const hex = s.slice(this.pos, this.pos + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) this.fail(`bad \\${e} escape`);
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) this.fail('code point out of range');
      this.pos += hexLen;
      return String.fromCodePoint(cp);
    }
    if (e >= '0' && e <= '7') {
      let oct = e;
      while (oct.length < 3 && s[this.pos]! >= '0' && s[this.pos]! <= '7') oct += s[this.pos++];
      return String.fromCharCode(parseInt(oct, 8));
    }
    if (e === 'N' && s[this.pos] === '{') {
      const close = s.indexOf('}', this.pos);
      if (close < 0 || close - this.pos > 100) this.fail('bad \\N escape');
      const named = s.slice(this.pos - 2, close + 1);
      this.pos = close + 1;
      return named; // kept verbatim: no Unicode name table here
    }
    return '\\' + e; // Python keeps unknown escapes as written
  }
}

/** A plain object (not an array, not null), for walking parsed data. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
