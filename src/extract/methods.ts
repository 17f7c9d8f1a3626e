/**
 * Fine-tuning methods a paper involves, tagged against the taxonomy in `taxonomy.json`.
 *
 * Pure and load-time compiled: the taxonomy's aliases become one case-insensitive regex built as
 * a prefix trie (so the engine tries one branch per leading letter, not ~1,500 alternatives at
 * every position) plus one small case-sensitive regex per "compound" family (XxxLoRA,
 * Xxx-Adapter, Xxx-Merging). All repetitions are bounded, so there is no catastrophic
 * backtracking on 200 kB without a space. Nothing is compiled per call.
 *
 * Pipeline per paper: mask URLs (a repo named ".../AdaLoRA" is not a mention) -> collect trie and
 * compound matches -> resolve each to a member (case, context, acronym rules; see the
 * "matching" notes in the JSON) -> keep the leftmost-longest non-overlapping spans -> give each a
 * role from its sentence -> one tag per (family, name) with the strongest role.
 */
import data from './taxonomy.json' with { type: 'json' };
import type { MethodTag } from '../types.js';
import { sentenceIndex, sentenceStarts } from './sentences.js';

/** One alias of a member: a plain string, or an object with matching options. */
export type TaxonomyAlias =
  | string
  | {
      text: string;
      /**
       * "exact": every letter must match in case; "any": case-insensitive. Default: the words
       * written with an uppercase letter must match exactly, the others in any case
       * ("Houlsby adapter" reads "Houlsby Adapter", not "houlsby adapter").
       */
      case?: 'exact' | 'any';
      /** Counts only when the title or abstract has a word of this context (`true` = "ml"). */
      context?: boolean | string;
      /** An acronym counted only where the text defines it as this member ("... (EVA)"). */
      definedOnly?: boolean;
      /** A family id: the alias does not count in a paper that also names that family. */
      notWith?: string;
    };

export interface TaxonomyMember {
  /** Canonical name stored in `MethodTag.name`. */
  name: string;
  aliases: TaxonomyAlias[];
}

export interface TaxonomyFamily {
  /** Stored in `MethodTag.family`; also what `--method` accepts. */
  id: string;
  label: string;
  /** Extra words `methodMatches` resolves to the whole family (never used for tagging). */
  aliases?: string[];
  notes?: string[];
  /** Tokens built on `core` are members named as written (MTLoRA, IP-Adapter, TIES-Merging). */
  compound?: { core: string; prefix: 'any' | 'capitalized'; suffix: boolean };
  /** Words swallowed right after a member ("LoRA adapters" is not the adapter family). */
  absorb?: string[];
  members: TaxonomyMember[];
  /**
   * Phrases read and dropped, to hide a shorter alias inside them ("dataset distillation"). By
   * default one also silences the family's context-gated aliases in the same paper; an object
   * with `gate: false` does not (e.g. "vector quantization", a weight-compression method too).
   */
  exclude?: (string | { text: string; gate?: boolean })[];
}

export interface Taxonomy {
  version: number;
  about: string;
  matching: string[];
  /** Named word lists; an alias with `context` needs one of them in the title or abstract. */
  contexts: Record<string, string[]>;
  families: TaxonomyFamily[];
}

/** The method taxonomy, as loaded from `taxonomy.json`. Treat as read-only. */
export const taxonomy: Taxonomy = data as Taxonomy;

// ---------------------------------------------------------------------------------------------
// Load-time compilation

interface AliasEntry {
  family: string;
  /** null: an exclusion phrase (matches, consumes, tags nothing). */
  name: string | null;
  /** For case-sensitive aliases: each spelling (separators removed) and its case-sensitive offsets. */
  exactForms: { form: string; sensitive: number[] }[] | null;
  /** Name of the context the alias needs, or null. */
  context: string | null;
  definedOnly: boolean;
  /** An all-caps acronym: the text's own "(ACRONYM)" definition overrides the taxonomy. */
  acronym: string | null;
  notWith: string | null;
  /** For an exclusion: whether it silences the family's context-gated aliases. */
  gate: boolean;
}

const SEP_CLASS = String.raw`[\s\-\u2010-\u2014]`;
const SEP_RE = /[\s\-\u2010-\u2014]+/g;
const WORD_CHAR = 'A-Za-z0-9_';
const BEFORE = `(?<![${WORD_CHAR}])`;
const AFTER = `(?![${WORD_CHAR}])`;

/** Lookup key: lowercase, separators removed. */
function keyOf(s: string): string {
  return s.replace(SEP_RE, '').toLowerCase();
}

function stripSeps(s: string): string {
  return s.replace(SEP_RE, '');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Spellings of one alias: "tuning" -> tuned/tune/tunes, plural on the last word. */
function variantsOf(text: string): string[] {
  const words = text.trim().split(/([\s\-\u2010-\u2014]+)/);
  let acc = [''];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const isSep = i % 2 === 1;
    let forms = [w];
    if (!isSep) {
      if (/^tuning$/i.test(w)) {
        const cap = w[0] === 'T' ? 'T' : 't';
        forms = [w, `${cap}uned`, `${cap}une`, `${cap}unes`];
      }
      if (i === words.length - 1 && /[A-Za-z]$/.test(w) && !/^tuning$/i.test(w)) {
        forms = forms.concat(/(?:s|x|sh|ch)$/i.test(w) ? [`${w}es`] : [`${w}s`]);
      }
    }
    const next: string[] = [];
    for (const a of acc) for (const f of forms) next.push(a + f);
    acc = next;
  }
  return acc;
}

const entriesByKey = new Map<string, AliasEntry[]>();
/** Every spelling, lowercased, that the trie must read. */
const trieWords = new Set<string>();

/** Offsets (separators removed) whose case must match: all, or the words with an uppercase letter. */
function sensitiveOffsets(variant: string, all: boolean): number[] {
  const out: number[] = [];
  let at = 0;
  for (const word of variant.split(SEP_RE)) {
    const sensitive = all || /[A-Z]/.test(word);
    for (let i = 0; i < word.length; i++, at++) if (sensitive && /[A-Za-z]/.test(word[i]!)) out.push(at);
  }
  return out;
}

function addAlias(
  family: string,
  name: string | null,
  alias: TaxonomyAlias | { text: string; gate?: boolean },
  forceAny = false,
): void {
  const a: { text: string; case?: string; context?: boolean | string; definedOnly?: boolean; notWith?: string; gate?: boolean } =
    typeof alias === 'string' ? { text: alias } : alias;
  const caseMode = forceAny ? 'any' : (a.case ?? (/[A-Z]/.test(a.text) ? 'words' : 'any'));
  const acronym = /^[A-Z][A-Z0-9-]{1,9}$/.test(a.text) ? a.text : null;
  const variants = variantsOf(a.text);
  const entry: AliasEntry = {
    family,
    name,
    exactForms:
      caseMode === 'any'
        ? null
        : variants.map((v) => ({ form: stripSeps(v), sensitive: sensitiveOffsets(v, caseMode === 'exact') })),
    context: a.context === true ? 'ml' : typeof a.context === 'string' ? a.context : null,
    definedOnly: a.definedOnly === true,
    acronym,
    notWith: a.notWith ?? null,
    gate: a.gate !== false,
  };
  const keys = new Set<string>();
  for (const v of variants) {
    trieWords.add(v.toLowerCase());
    keys.add(keyOf(v));
  }
  for (const k of keys) {
    const list = entriesByKey.get(k);
    if (list) list.push(entry);
    else entriesByKey.set(k, [entry]);
  }
}

for (const fam of taxonomy.families) {
  for (const m of fam.members) for (const al of m.aliases) addAlias(fam.id, m.name, al);
  for (const ex of fam.exclude ?? []) addAlias(fam.id, null, ex, true);
}
// Exact-case entries first: "LoRa" (context-gated) must not be shadowed by a looser entry.
for (const list of entriesByKey.values()) list.sort((x, y) => Number(y.exactForms !== null) - Number(x.exactForms !== null));

/** Builds a regex source matching any of `words` (lowercase), factored as a prefix trie. */
function trieSource(words: Iterable<string>): string {
  interface Node {
    next: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { next: new Map(), end: false };
  for (const w of words) {
    let n = root;
    // Separator runs collapse to one token, emitted as a flexible separator.
    for (const tok of w.replace(SEP_RE, '\u0001')) {
      let c = n.next.get(tok);
      if (!c) n.next.set(tok, (c = { next: new Map(), end: false }));
      n = c;
    }
    n.end = true;
  }
  const emit = (n: Node): string => {
    const parts = [...n.next.entries()].map(([t, c]) => (t === '\u0001' ? `${SEP_CLASS}{0,3}` : escapeRe(t)) + emit(c));
    if (parts.length === 0) return '';
    const body = parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
    return n.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

const TRIE_SOURCE = `${BEFORE}${trieSource(trieWords)}${AFTER}`;
const TRIE_RE = new RegExp(TRIE_SOURCE, 'gi');
/** A second instance for resolving acronym long forms while TRIE_RE is mid-scan. */
const TRIE_RE_DEFS = new RegExp(TRIE_SOURCE, 'gi');

interface CompoundRule {
  family: string;
  core: string;
  re: RegExp;
}
const COMPOUNDS: CompoundRule[] = [];
for (const fam of taxonomy.families) {
  const c = fam.compound;
  if (!c) continue;
  const core = escapeRe(c.core);
  const prefix = c.prefix === 'any' ? `(?:[A-Za-z0-9]{1,24}-?)?` : `[A-Z][A-Za-z0-9]{0,24}(?:-[A-Za-z0-9]{1,24}){0,2}-?`;
  const suffix = c.suffix ? `(?:-[A-Za-z0-9]{1,16}){0,2}(?:\\+|s)?` : `s?`;
  COMPOUNDS.push({ family: fam.id, core: c.core, re: new RegExp(`${BEFORE}${prefix}${core}${suffix}(?![${WORD_CHAR}+])`, 'g') });
}

/** Longest prefix a compound may carry before its core (see the bounded quantifiers above). */
const COMPOUND_REACH = 80;

const ABSORB = new Map<string, RegExp>();
for (const fam of taxonomy.families) {
  if (!fam.absorb?.length) continue;
  const alts = [...fam.absorb].sort((x, y) => y.length - x.length).map((w) => escapeRe(w).replace(/ /g, `${SEP_CLASS}{1,3}`));
  ABSORB.set(fam.id, new RegExp(`${SEP_CLASS}{1,3}(?:${alts.join('|')})${AFTER}`, 'iy'));
}

const CONTEXT_RES = new Map<string, RegExp>();
for (const [name, words] of Object.entries(taxonomy.contexts)) {
  CONTEXT_RES.set(name, new RegExp(words.map((w) => escapeRe(w).replace(/ /g, '\\s+')).join('|'), 'i'));
}

// URLs are masked before matching (seed: "https://github.com/QingruZhang/AdaLoRA").
const URL_MASK_RE = /(?:https?:\/\/|www\.)[^\s{}]+|\b(?:github|gitlab|gitee|huggingface)\.(?:com|co|io)\/[^\s{}]*/gi;
/** Cheap pre-check (plain indexOf): most abstracts carry no URL. */
function maybeUrl(text: string): boolean {
  return (
    text.includes('://') || text.includes('www.') || text.includes('.com/') || text.includes('.co/') || text.includes('.io/')
  );
}

// "(SFT)" after its long form.
const DEF_RE = /\(\s*([A-Z][A-Z0-9-]{1,9})s?\s*\)/g;

// ---------------------------------------------------------------------------------------------
// Roles

// Sentence ends, as in github.ts; abbreviations do not end a sentence.

// Cues before a mention. The last one (nearest) decides, if what lies between it and the mention
// does not break the link (gap rules below).
const ROLE_CUE_RE = new RegExp(
  [
    String.raw`(?<p>\bwe\s+(?:\w+\s+){0,2}?(?:propose|introduce|present|develop|design|devise|put\s+forward|contribute|name|call|term|dub)\b` +
      String.raw`|\b(?:this|the\s+present)\s+(?:paper|work|study|article|letter|report)\s+(?:\w+\s+)?(?:proposes|introduces|presents|develops|designs|devises|puts\s+forward)\b` +
      String.raw`|(?<!so-)\b(?:dubbed|named|called|termed|coined|namely)\b|\b(?:the|our)\s+(?:newly\s+)?proposed\b|\bour\s+(?:new|novel)\b)`,
    String.raw`(?<o>\bover\b)`,
    String.raw`(?<c>\boutperform\w*|\bsurpass\w*|\bbeat(?:s|ing)?\b|\bexceed\w*|\bcompar(?:e|es|ed|ing)\b|\bcomparisons?\b|\bthan\b|\bversus\b|\bvs\b\.?|\bagainst\b|\brelative\s+to\b|\bbaselines?\b|\bunlike\b|\bin\s+contrast\s+(?:to|with)\b|\bdifferent\s+from\b|\bimprov\w+\s+(?:up)?on\b|\bsuperior\s+to\b|\bon\s+par\s+with\b|\bcompetitive\s+with\b|\brival\w*|\balternatives?\s+(?:to|for)\b|\bsubstitutes?\s+(?:to|for)\b|\bas\s+opposed\s+to\b|\binstead\s+of\b|\breplac\w+)`,
  ].join('|'),
  'gi',
);
// Between "we propose" and the mention, these mean the mention is a tool, not the proposal
// ("we propose a framework that uses LoRA").
// Also when the object is a study, not a method (seed: "This paper presents a comprehensive
// analysis of the performance-forgetting trade-offs inherent in low-rank adaptation"), or the
// method is what gets improved (seed EVA: "We propose to enhance LoRA by initializing ..."; seed
// PVeRA: "we propose PVeRA, a probabilistic version of the VeRA adapter").
const PROPOSE_GAP_BREAK_RE =
  /\b(?:analys[ie]s|study|studies|survey|investigation|evaluation|review|comparison|benchmark|overview|understanding|examination|which|that|where|whose|while|using|uses?|used|apply|applies|applying|leverag\w*|employ\w*|utiliz\w*|based\s+on|built\s+(?:on|upon)|on\s+top\s+of|via|through|with|combin\w*|integrat\w*|incorporat\w*|to\s+(?:use|apply|adopt|leverage|employ|enhance|improve|extend|augment|boost|modify|combine|adapt)|(?:version|variant|extension|generali[sz]ation|modification)\s+of)\b|[;:]/i;
// A new main clause ends the comparison (seed: "Unlike full-model fine-tuning or major version
// updates, our method enables rapid remediation by prepending a compact, learnable prefix").
const COMPARE_GAP_BREAK_RE =
  /[;:]|,\s*(?:while|whereas|but|and\s+(?:we|it|our|they)|which|we|our|it|they|this|these|the\s+proposed)\b/i;
// "X, a novel ..." / "X (ours)".
const SUFFIX_PROPOSE_RE = /^\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:novel|new)\b|\(ours\))/i;
const PAREN_AFTER_RE = /^[^.;()]{0,80}\(\s*$/;
const TITLE_VERSUS_RE = /\bvs\b\.?|\bversus\b/i;
const CUE_WINDOW = 250;
// What may stand between "over" and the method for it to be a comparison.
const OVER_GAP_RE =
  /^\s*(?:(?:the|a|an|both|all|simple|basic|default|standard|vanilla|plain|naive|existing|prior|previous|conventional|traditional|original|popular|strong|other|competing|baseline|state-of-the-art|SOTA|full)\s+){0,3}$/i;

const ROLE_RANK: Record<MethodTag['role'], number> = { used: 0, compared: 1, proposed: 2 };

interface Cue {
  kind: 'p' | 'c' | 'o';
  index: number;
  end: number;
}

/**
 * Role cues of a text, found lazily: `upTo(pos)` scans only what the mentions need (the windows
 * before them), each character at most once, and keeps the cues in order.
 */
class CueScanner {
  readonly cues: Cue[] = [];
  private scanned = 0;
  constructor(private readonly text: string) {}

  upTo(from: number, pos: number): Cue[] {
    if (pos <= this.scanned) return this.cues;
    ROLE_CUE_RE.lastIndex = Math.max(from, this.scanned);
    for (let m = ROLE_CUE_RE.exec(this.text); m !== null; m = ROLE_CUE_RE.exec(this.text)) {
      const g = m.groups!;
      const end = m.index + m[0].length;
      this.cues.push({ kind: g.p !== undefined ? 'p' : g.o !== undefined ? 'o' : 'c', index: m.index, end });
      if (end >= pos) {
        this.scanned = end;
        return this.cues;
      }
    }
    this.scanned = this.text.length;
    return this.cues;
  }
}

function roleAt(text: string, starts: number[], scanner: CueScanner, start: number, end: number): MethodTag['role'] {
  if (SUFFIX_PROPOSE_RE.test(text.slice(end, end + 120))) return 'proposed';
  const from = Math.max(starts[sentenceIndex(starts, start)]!, start - CUE_WINDOW);
  const cues = scanner.upTo(from, start);
  // Last cue ending at or before the mention.
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && cues[i]!.index >= from; i--) {
    const cue = cues[i]!;
    const gap = text.slice(cue.end, start);
    if (cue.kind === 'p') {
      if (gap.length <= 100 && !PROPOSE_GAP_BREAK_RE.test(gap)) return 'proposed';
      if (/[;:]/.test(gap)) break;
      continue;
    }
    if (cue.kind === 'o') {
      // "over" only right before the mention: "improvement over LoRA", not "over 20 datasets".
      if (OVER_GAP_RE.test(gap)) return 'compared';
      continue;
    }
    if (gap.length <= 120 && !COMPARE_GAP_BREAK_RE.test(gap)) return 'compared';
    if (/[;:]/.test(gap)) break;
  }
  return 'used';
}

// ---------------------------------------------------------------------------------------------
// Matching

interface Span {
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
interface TextState {
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

/** Resolves trie-matched text to a member, or null (no valid reading), or an exclusion span. */
function resolveAlias(raw: string, st: TextState, allowDefs = true): Resolved | null {
  const list = entriesByKey.get(keyOf(raw));
  if (!list) return null;
  const bare = stripSeps(raw);
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
function acronymDef(text: string, acronym: string, st: TextState): { family: string; name: string } | null {
  for (let i = text.indexOf(acronym); i >= 0; i = text.indexOf(acronym, i + 1)) {
    DEF_RE.lastIndex = Math.max(0, i - 3);
    const m = DEF_RE.exec(text);
    if (!m || m[1] !== acronym || m.index > i) continue;
    const longForm = text.slice(Math.max(0, m.index - 120), m.index).trimEnd();
    let found: { family: string; name: string } | null = null;
    TRIE_RE_DEFS.lastIndex = 0;
    for (let t = TRIE_RE_DEFS.exec(longForm); t !== null; t = TRIE_RE_DEFS.exec(longForm)) {
      if (t[0] === '') {
        TRIE_RE_DEFS.lastIndex++;
        continue;
      }
      if (t.index + t[0].length !== longForm.length) continue;
      const r = resolveAlias(t[0], st, false);
      if (r && r.name !== null && keyOf(t[0]) !== keyOf(acronym)) found = { family: r.family, name: r.name };
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

function collectSpans(text: string, st: TextState): Span[] {
  const spans: Span[] = [];
  TRIE_RE.lastIndex = 0;
  for (let m = TRIE_RE.exec(text); m !== null; m = TRIE_RE.exec(text)) {
    if (m[0] === '') {
      TRIE_RE.lastIndex++;
      continue;
    }
    const r = resolveAlias(m[0], st);
    if (!r) {
      TRIE_RE.lastIndex = m.index + 1; // a shorter alias may start inside a rejected one
      continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length, ...r });
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

function maskUrls(text: string): string {
  if (!maybeUrl(text)) return text;
  return text.replace(URL_MASK_RE, (u) => ' '.repeat(u.length));
}

/**
 * Methods a paper involves, one tag per (family, name) in order of first mention.
 *
 * Role: "proposed" for mentions in the title (or "compared" when the title is an "X vs Y"
 * comparison), in a "we propose / introduce / present / develop ..." clause, after "dubbed",
 * "named", "the proposed", or followed by ", a novel ..."; "compared" after "outperforms",
 * "compared to/with", "than", "over", "baselines", "unlike", ...; otherwise "used". When a
 * method appears with several roles the strongest is kept (proposed > compared > used).
 */
export function extractMethods(title: string, abstract: string): MethodTag[] {
  const t = maskUrls(title);
  const a = maskUrls(abstract);
  const both = `${t}\n${a}`;
  const defCache = new Map<string, { family: string; name: string } | null>();
  const contextCache = new Map<string, boolean>();
  const st: TextState = {
    inContext: (name) => {
      let v = contextCache.get(name);
      if (v === undefined) contextCache.set(name, (v = CONTEXT_RES.get(name)?.test(both) ?? false));
      return v;
    },
    defOf: (acr) => {
      let v = defCache.get(acr);
      if (v === undefined) defCache.set(acr, (v = acronymDef(both, acr, st)));
      return v;
    },
  };
  const tags = new Map<string, MethodTag>();
  const add = (family: string, name: string, role: MethodTag['role']): void => {
    const key = `${family}\u0000${name}`;
    const prev = tags.get(key);
    if (!prev) tags.set(key, { family, name, role });
    else if (ROLE_RANK[role] > ROLE_RANK[prev.role]) prev.role = role;
  };

  const titleSpans = collectSpans(t, st);
  let spans = collectSpans(a, st);
  // Families named, and families with an exclusion phrase. A bare, context-gated alias yields to
  // its family's exclusions: in a paper about "data pruning" (HF sample: "Perplexity-Based Data
  // Pruning ... perplexity-based pruning of pretraining data") a bare "pruning" means the same.
  const named = new Set<string>();
  const excluded = new Set<string>();
  for (const s of [...titleSpans, ...spans]) {
    if (s.name !== null) named.add(s.family);
    else if (s.gate) excluded.add(s.family);
  }
  const keep = (s: Span): boolean =>
    s.name !== null && (s.notWith === null || !named.has(s.notWith)) && !(s.gated && excluded.has(s.family));

  const titleRole: MethodTag['role'] = TITLE_VERSUS_RE.test(t) ? 'compared' : 'proposed';
  // "LoLDU: Low-Rank Adaptation via ...", "DoRA: Weight-Decomposed Low-Rank Adaptation": the name
  // before the colon is what the paper proposes; its own family named again in the description
  // after the colon is the base it builds on, so that mention is "used".
  const colon = t.indexOf(':');
  const headFamilies = new Set(colon > 0 ? titleSpans.filter((s) => keep(s) && s.end <= colon).map((s) => s.family) : []);
  for (const s of titleSpans) {
    if (!keep(s)) continue;
    const base = titleRole === 'proposed' && s.start > colon && colon > 0 && headFamilies.has(s.family);
    add(s.family, s.name!, base ? 'used' : titleRole);
  }

  spans = spans.filter(keep);
  if (spans.length) {
    const starts = sentenceStarts(a);
    const scanner = new CueScanner(a);
    let prev: { span: Span; role: MethodTag['role'] } | null = null;
    for (const s of spans) {
      let role = roleAt(a, starts, scanner, s.start, s.end);
      // "X ... (Y)": an acronym in brackets right after a named method shares its role (seed:
      // "we introduce a novel parameter-efficient MoE method, MoE-LoRA with Layer-wise Expert
      // Allocation (MoLA)", where "with" would otherwise cut MoLA off from "introduce").
      if (
        prev &&
        ROLE_RANK[prev.role] > ROLE_RANK[role] &&
        PAREN_AFTER_RE.test(a.slice(prev.span.end, s.start)) &&
        /^\s*\)/.test(a.slice(s.end, s.end + 5))
      ) {
        role = prev.role;
      }
      add(s.family, s.name!, role);
      prev = { span: s, role };
    }
  }
  return [...tags.values()];
}

// ---------------------------------------------------------------------------------------------
// --method filters

const FILTER_FAMILY = new Map<string, string>();
const FILTER_MEMBER = new Map<string, { family: string; name: string }>();
for (const fam of taxonomy.families) {
  for (const k of [fam.id, ...(fam.aliases ?? [])]) if (!FILTER_FAMILY.has(keyOf(k))) FILTER_FAMILY.set(keyOf(k), fam.id);
}
for (const fam of taxonomy.families) {
  for (const m of fam.members) {
    for (const al of [m.name, ...m.aliases]) {
      const text = typeof al === 'string' ? al : al.text;
      const k = keyOf(text);
      if (!FILTER_FAMILY.has(k) && !FILTER_MEMBER.has(k)) FILTER_MEMBER.set(k, { family: fam.id, name: m.name });
    }
  }
}

/**
 * Resolves a user's `--method` value against the taxonomy, case- and separator-insensitively:
 * a family id or family alias gives the family (`{family, name: null}`: match any member), a
 * member's name or alias gives that member ("qlora" -> `{family: "lora", name: "QLoRA"}`).
 * A token the compound rules would read as a member ("MTLoRA", "IP-Adapter") resolves to that
 * family with the name as typed: stored names are compared case-insensitively by the query.
 * Returns null for anything else.
 */
export function methodMatches(filter: string): { family: string; name: string | null } | null {
  const f = filter.trim();
  if (!f) return null;
  const k = keyOf(f);
  const fam = FILTER_FAMILY.get(k);
  if (fam) return { family: fam, name: null };
  const mem = FILTER_MEMBER.get(k);
  if (mem) return { family: mem.family, name: mem.name };
  if (/^[A-Za-z0-9+-]{1,60}$/.test(f)) {
    for (const rule of COMPOUNDS) {
      const core = rule.core.toLowerCase();
      const lower = f.toLowerCase();
      if (lower.includes(core) && lower !== core) return { family: rule.family, name: f };
    }
  }
  return null;
}
