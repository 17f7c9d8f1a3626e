/**
 * A user's `--method` value resolved against the taxonomy. From the taxonomy's data alone, not
 * the tagger's compiled regexes (./compile.ts): a query loads this, and compiling the tagger took
 * ~50 ms of a ~300 ms `papers query --method lora`.
 */
import { keyOf, taxonomy } from './taxonomy.js';

/** The families whose compound tokens name a member as written (MTLoRA), in the taxonomy's order. */
const COMPOUND_CORES = taxonomy.families.flatMap((fam) => (fam.compound ? [{ family: fam.id, core: fam.compound.core }] : []));

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
    for (const rule of COMPOUND_CORES) {
      const core = rule.core.toLowerCase();
      const lower = f.toLowerCase();
      if (lower.includes(core) && lower !== core) return { family: rule.family, name: f };
    }
  }
  return null;
}
