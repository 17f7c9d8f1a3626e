/**
 * Mentions of taxonomy members in one text: trie and compound matches resolved to members (case,
 * context and acronym rules; see the "matching" notes in the JSON), absorbed words, then the
 * leftmost-longest non-overlapping spans.
 */
import { maybeUrl } from '../regex.js';
import {
  ABSORB,
  COMPOUNDS,
  COMPOUND_REACH,
  type AliasEntry,
  type CompoundRule,
  TRIE_AT,
  TRIE_SIEVE,
  entriesByKey,
} from './compile.js';
import { keyOf, stripSeps } from './taxonomy.js';

// URLs are masked before matching (seed: "https://github.com/QingruZhang/AdaLoRA").
const URL_MASK_RE = /(?:https?:\/\/|www\.)[^\s{}]+|\b(?:github|gitlab|gitee|huggingface)\.(?:com|co|io)\/[^\s{}]*/gi;

// "(SFT)" after its long form; sticky: tried only where a parenthesis opens just before a mention.
const DEF_AT = /\(\s*([A-Z][A-Z0-9-]{1,9})s?\s*\)/y;

export interface Span {
  start: number;
  end: number;
  family: string;
  /** null for an exclusion. */
  name: string | null;
  /** Dropped when the paper also names this family. */
  notWith: string | null;
  /** A context-gated (ambiguous) alias: yields to the family's exclusions, see extractMethods. */
  gated: boolean;
  /** For an exclusion span: whether it silences the family's gated aliases. */
  gate: boolean;
}

/** Per-text lazy state shared by the resolution steps. */
export interface TextState {
  /** Whether the paper's text has a word of the named context (cached per name). */
  inContext: (name: string) => boolean;
  /** The member the text defines `acronym` as ("sparse fine-tuning (SFT)"), cached per acronym. */
  defOf: (acronym: string) => { family: string; name: string } | null;
}

interface Resolved {
  family: string;
  name: string | null;
  notWith: string | null;
  gated: boolean;
  gate: boolean;
}

/**
 * The entries and the separator-free spelling of a trie-matched text. The same few spellings
 * ("LoRA", "fine-tuning") come back in paper after paper: kept, so the two regex replaces run
 * once per spelling, not per mention (bounded: cleared when full).
 */
const lookups = new Map<string, { list: AliasEntry[] | undefined; bare: string }>();
function lookup(raw: string): { list: AliasEntry[] | undefined; bare: string } {
  let v = lookups.get(raw);
  if (v === undefined) {
    if (lookups.size >= 10_000) lookups.clear();
    // Kept as copies: a match is a slice of the text, which V8 keeps whole (a record's abstract is
    // itself a slice of its file's text) as long as the slice lives. Cached as it came, the spellings
    // held on to the files they came from: +130 MB of peak RSS over the 100k bench corpus.
    const own = copyOf(raw);
    v = { list: entriesByKey.get(keyOf(own)), bare: copyOf(stripSeps(own)) };
    lookups.set(own, v);
  }
  return v;
}

/** A string with the same characters that shares no memory with `s` (see lookup). */
function copyOf(s: string): string {
  // Concatenation then slicing flattens into a new string; the slice's parent is that copy.
  return ` ${s}`.slice(1);
}

/** Resolves trie-matched text to a member, or null (no valid reading), or an exclusion span. */
function resolveAlias(raw: string, st: TextState, allowDefs = true): Resolved | null {
  const { list, bare } = lookup(raw);
  if (!list) return null;
  for (const e of list) {
    if (
      e.exactForms &&
      !e.exactForms.some((f) => f.form.length === bare.length && f.sensitive.every((i) => bare[i] === f.form[i]))
    )
      continue;
    if (e.context !== null && !st.inContext(e.context)) continue;
    if (e.acronym && allowDefs) {
      const d = st.defOf(e.acronym);
      if (d) return { ...d, notWith: null, gated: false, gate: false };
      if (e.definedOnly) continue;
    } else if (e.definedOnly) {
      continue;
    }
    return { family: e.family, name: e.name, notWith: e.notWith, gated: e.context !== null, gate: e.gate };
  }
  return null;
}

/** The member `text` defines `acronym` as: the alias ending right before "(ACRONYM)", or null. */
export function acronymDef(text: string, acronym: string, st: TextState): { family: string; name: string } | null {
  for (let i = text.indexOf(acronym); i >= 0; i = text.indexOf(acronym, i + 1)) {
    // The leftmost "(ACRONYM)" opening at most 3 characters before the mention. (A global search
    // from there ran on to the next parenthesis anywhere, for every mention: 0.15 s of a day's
    // 453 records, quadratic in a long text.)
    let m: RegExpExecArray | null = null;
    for (let j = Math.max(0, i - 3); j <= i && m === null; j++) {
      if (text.charCodeAt(j) !== 40 /* ( */) continue;
      DEF_AT.lastIndex = j;
      m = DEF_AT.exec(text);
    }
    if (!m || m[1] !== acronym) continue;
    const longForm = text.slice(Math.max(0, m.index - 120), m.index).trimEnd();
    // The aliases a global scan of the long form finds, read with the sticky trie where the sieve
    // says one may begin (as collectSpans does; a regex of its own cost its compile, 0.16 s a run).
    // The scan that called this sets TRIE_AT.lastIndex again before its next match.
    let found: { family: string; name: string } | null = null;
    for (let q = TRIE_SIEVE.next(longForm, 0); q >= 0; ) {
      TRIE_AT.lastIndex = q;
      const t = TRIE_AT.exec(longForm);
      if (t === null || t[0] === '') {
        q = TRIE_SIEVE.next(longForm, q + 1);
        continue;
      }
      const end = q + t[0].length;
      if (end === longForm.length) {
        const r = resolveAlias(t[0], st, false);
        if (r && r.name !== null && keyOf(t[0]) !== keyOf(acronym)) found = { family: r.family, name: r.name };
      }
      q = TRIE_SIEVE.next(longForm, end);
    }
    if (found) return found;
  }
  return null;
}

/** Name of a compound token: generic lowercase affixes dropped, plural folded, aliases mapped. */
function resolveCompound(rule: CompoundRule, token: string, st: TextState): Resolved | null {
  let t = token;
  if (rule.core === 'LoRA') {
    t = t.replace(/^[a-z]{3,}-(?=[A-Za-z0-9]*LoRA)/, ''); // "multi-LoRA" -> "LoRA"
    t = t.replace(/(LoRA[^-]*)(?:-[a-z]{3,})+$/, '$1'); // "LoRA-based", "QLoRA-finetuned"
    t = t.replace(/LoRAs$/, 'LoRA');
  } else {
    if (/LoRA/.test(t)) return null; // "LoRA-Adapter": the lora rule reads it
    t = t.replace(new RegExp(`${rule.core}s$`), rule.core); // "LLM-Adapters" -> "LLM-Adapter"
  }
  const known = resolveAlias(t, st);
  if (known) return known.name === null ? null : known;
  if (t === rule.core) return null;
  return { family: rule.family, name: t, notWith: null, gated: false, gate: false };
}

export function collectSpans(text: string, st: TextState): Span[] {
  const spans: Span[] = [];
  // The trie regex runs only where the sieve says an alias may begin: the same matches as a
  // global scan, which would try it at every character.
  for (let p = TRIE_SIEVE.next(text, 0); p >= 0; ) {
    TRIE_AT.lastIndex = p;
    const m = TRIE_AT.exec(text);
    const r = m !== null && m[0] !== '' ? resolveAlias(m[0], st) : null;
    if (!r) {
      p = TRIE_SIEVE.next(text, p + 1); // a shorter alias may start inside a rejected one
      continue;
    }
    const end = p + m![0].length;
    spans.push({ start: p, end, ...r });
    p = TRIE_SIEVE.next(text, end);
  }
  // Compounds: the regex only runs from a little before each literal occurrence of the core,
  // so an abstract without "LoRA" pays one indexOf.
  for (const rule of COMPOUNDS) {
    let from = 0;
    for (let i = text.indexOf(rule.core); i >= 0; i = text.indexOf(rule.core, from)) {
      rule.re.lastIndex = Math.max(from, i - COMPOUND_REACH);
      const m = rule.re.exec(text);
      if (m === null) break;
      // Leftmost match from there: it holds this occurrence or a later one (earlier cores were
      // no token), exactly what a scan from 0 would find.
      const end = m.index + m[0].length;
      const r = resolveCompound(rule, m[0], st);
      if (r) spans.push({ start: m.index, end, ...r });
      from = end;
    }
  }
  for (const s of spans) {
    const absorb = s.name !== null ? ABSORB.get(s.family) : undefined;
    if (absorb) {
      absorb.lastIndex = s.end;
      const a = absorb.exec(text);
      if (a) s.end += a[0].length;
    }
  }
  // Leftmost-longest, non-overlapping.
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: Span[] = [];
  let lastEnd = -1;
  for (const s of spans) {
    if (s.start < lastEnd) continue;
    kept.push(s);
    lastEnd = s.end;
  }
  return kept;
}

export function maskUrls(text: string): string {
  if (!maybeUrl(text)) return text;
  return text.replace(URL_MASK_RE, (u) => ' '.repeat(u.length));
}
