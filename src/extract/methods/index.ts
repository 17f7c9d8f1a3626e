/**
 * Fine-tuning methods a paper involves, tagged against the taxonomy in `taxonomy.json`.
 *
 * Pure. taxonomy.ts holds the data and its types, compile.ts turns it into regexes once at load,
 * spans.ts finds the mentions, roles.ts reads what each mention does, filter.ts resolves a
 * `--method` value.
 *
 * Pipeline per paper: mask URLs (a repo named ".../AdaLoRA" is not a mention) -> collect trie and
 * compound matches -> resolve each to a member (case, context, acronym rules; see the
 * "matching" notes in the JSON) -> keep the leftmost-longest non-overlapping spans -> give each a
 * role from its sentence -> one tag per (family, name) with the strongest role.
 */
import type { MethodRole, MethodTag } from '../../types.js';
import { sentenceStarts } from '../sentences.js';
import { CONTEXT_RES } from './compile.js';
import { CueScanner, PAREN_AFTER_RE, ROLE_RANK, TITLE_VERSUS_RE, roleAt } from './roles.js';
import { type Span, type TextState, acronymDef, collectSpans, maskUrls } from './spans.js';

export { methodMatches } from './filter.js';
export { type Taxonomy, type TaxonomyAlias, type TaxonomyFamily, type TaxonomyMember, taxonomy } from './taxonomy.js';

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
  const add = (family: string, name: string, role: MethodRole): void => {
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

  const titleRole: MethodRole = TITLE_VERSUS_RE.test(t) ? 'compared' : 'proposed';
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
    let prev: { span: Span; role: MethodRole } | null = null;
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
