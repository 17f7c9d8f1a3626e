/**
 * Load-time compilation of the taxonomy: the aliases become one case-insensitive regex built as a
 * prefix trie (so the engine tries one branch per leading letter, not ~1,500 alternatives at every
 * position) plus one small case-sensitive regex per "compound" family (XxxLoRA, Xxx-Adapter,
 * Xxx-Merging). All repetitions are bounded, so there is no catastrophic backtracking on 200 kB
 * without a space. Nothing is compiled per call.
 */
import { escapeRe } from '../regex.js';
import { SIEVE_DEPTH, SIEVE_SEP, StartSieve } from '../sieve.js';
import { SEP_CLASS, SEP_RE, type TaxonomyAlias, keyOf, stripSeps, taxonomy } from './taxonomy.js';

export interface AliasEntry {
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

const WORD_CHAR = 'A-Za-z0-9_';
const BEFORE = `(?<![${WORD_CHAR}])`;
const AFTER = `(?![${WORD_CHAR}])`;

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

export const entriesByKey = new Map<string, AliasEntry[]>();
/** Every spelling, lowercased, that the trie must read. */
export const trieWords = new Set<string>();

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

/**
 * The first `length` characters a trie match can begin with, for the sieve: a separator run in
 * a spelling matches zero to three separator characters (`SEP_CLASS{0,3}` above), so "k-adapter"
 * gives "kad" as well as "k" + separators + "a". A spelling shorter than `length` gives itself.
 */
export function triePrefixes(words: Iterable<string>, length = 3): Set<string> {
  const out = new Set<string>();
  const expand = (toks: string[], at: number, acc: string): void => {
    if (acc.length >= length || at === toks.length) {
      out.add(acc.slice(0, length));
      return;
    }
    const t = toks[at]!;
    if (t !== SIEVE_SEP) {
      expand(toks, at + 1, acc + t);
      return;
    }
    for (let k = 0; k <= 3; k++) expand(toks, at + 1, acc + SIEVE_SEP.repeat(k));
  };
  for (const w of words) expand([...w.replace(SEP_RE, SIEVE_SEP)], 0, '');
  return out;
}

const TRIE_SOURCE = `${BEFORE}${trieSource(trieWords)}${AFTER}`;
/** The trie, sticky: run only where TRIE_SIEVE says a match may begin (see collectSpans). */
export const TRIE_AT = new RegExp(TRIE_SOURCE, 'iy');
export const TRIE_SIEVE = new StartSieve(triePrefixes(trieWords, SIEVE_DEPTH));

export interface CompoundRule {
  family: string;
  core: string;
  re: RegExp;
}
export const COMPOUNDS: CompoundRule[] = [];
for (const fam of taxonomy.families) {
  const c = fam.compound;
  if (!c) continue;
  const core = escapeRe(c.core);
  const prefix = c.prefix === 'any' ? `(?:[A-Za-z0-9]{1,24}-?)?` : `[A-Z][A-Za-z0-9]{0,24}(?:-[A-Za-z0-9]{1,24}){0,2}-?`;
  const suffix = c.suffix ? `(?:-[A-Za-z0-9]{1,16}){0,2}(?:\\+|s)?` : `s?`;
  COMPOUNDS.push({ family: fam.id, core: c.core, re: new RegExp(`${BEFORE}${prefix}${core}${suffix}(?![${WORD_CHAR}+])`, 'g') });
}

/** Longest prefix a compound may carry before its core (see the bounded quantifiers above). */
export const COMPOUND_REACH = 80;

export const ABSORB = new Map<string, RegExp>();
for (const fam of taxonomy.families) {
  if (!fam.absorb?.length) continue;
  const alts = [...fam.absorb].sort((x, y) => y.length - x.length).map((w) => escapeRe(w).replace(/ /g, `${SEP_CLASS}{1,3}`));
  ABSORB.set(fam.id, new RegExp(`${SEP_CLASS}{1,3}(?:${alts.join('|')})${AFTER}`, 'iy'));
}

export const CONTEXT_RES = new Map<string, RegExp>();
for (const [name, words] of Object.entries(taxonomy.contexts)) {
  CONTEXT_RES.set(name, new RegExp(words.map((w) => escapeRe(w).replace(/ /g, '\\s+')).join('|'), 'i'));
}
