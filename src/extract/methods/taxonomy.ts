/**
 * The method taxonomy (`../taxonomy.json`) as typed data, and the lookup key its aliases and a
 * user's `--method` value are compared by.
 */
import data from '../taxonomy.json' with { type: 'json' };

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

export const SEP_CLASS = String.raw`[\s\-\u2010-\u2014]`;
export const SEP_RE = /[\s\-\u2010-\u2014]+/g;

/** Lookup key: lowercase, separators removed. */
export function keyOf(s: string): string {
  return s.replace(SEP_RE, '').toLowerCase();
}

export function stripSeps(s: string): string {
  return s.replace(SEP_RE, '');
}
