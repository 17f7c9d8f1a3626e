/**
 * Citation export: papers as BibTeX, RIS or CSL-JSON entries a reference manager imports. The
 * entries are CSL-JSON items built here (pure); citation-js writes the formats, with its LaTeX
 * escaping and name handling. What it does not do for arXiv preprints, two lines do after it:
 * its BibTeX output has no `eprint` / `archivePrefix` (it maps eprint only to PubMed ids), so they
 * are added to each `@misc` entry, as arXiv's own "Export BibTeX citation" writes them.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

export type CitationFormat = 'bibtex' | 'ris' | 'csl-json';
export const CITATION_FORMATS: readonly CitationFormat[] = ['bibtex', 'ris', 'csl-json'];

// Our citation keys, not citation-js's own (it derives one from the title when asked to check).
plugins.config.get('@bibtex').format!.useIdAsLabel = true;

/** What an entry is made of: the fields of a paper object that a reference needs. */
export interface CitablePaper {
  id: string;
  arxiv_id: string | null;
  title: string;
  abstract: string;
  authors: string[];
  published_at: string | null;
  first_seen: string | null;
  /** A page for a paper without an arXiv id (its Hugging Face page), if known. */
  url?: string | null;
}

/** A CSL-JSON name. */
export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

/** A CSL-JSON item (the fields we fill). */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author: CslName[];
  issued?: { 'date-parts': number[][] };
  abstract?: string;
  URL?: string;
  DOI?: string;
  number?: string;
  publisher?: string;
}

const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'du',
  'la',
  'le',
  'ter',
  'ten',
  'bin',
  'al',
]);
const SUFFIXES = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;

/**
 * "Ludwig van Beethoven" → family "Beethoven", particle "van", given "Ludwig". Scraped author
 * lists give names in display order, "First Middle Last"; "Last, First" is taken as written.
 * A single word is a family name.
 */
export function splitName(name: string): CslName {
  const clean = name.replace(/\s+/g, ' ').trim();
  const comma = /^([^,]+),\s*([^,]+)$/.exec(clean);
  if (comma && !SUFFIXES.test(comma[2]!.trim())) return { family: comma[1]!.trim(), given: comma[2]!.trim() };
  const words = clean.replace(/,\s*(?=(?:jr|sr|ii|iii|iv)\.?$)/i, ' ').split(' ');
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIXES.test(words[words.length - 1]!)) suffix = words.pop();
  if (words.length === 1) return suffix ? { family: words[0]!, suffix } : { family: words[0]! };
  let i = words.length - 1; // the family name starts at the last word, or at the particles before it
  while (i > 1 && PARTICLES.has(words[i - 1]!)) i--;
  const out: CslName = { family: words[words.length - 1]!, given: words.slice(0, i).join(' ') };
  if (i < words.length - 1) out['non-dropping-particle'] = words.slice(i, words.length - 1).join(' ');
  if (suffix) out.suffix = suffix;
  return out;
}

/**
 * The year of a paper: from its arXiv id (2405.15738 was submitted in 2024-05; hep-th/9901001 in
 * 1999), else its publication date, else the first digest that showed it.
 */
export function citationYear(p: Pick<CitablePaper, 'arxiv_id' | 'published_at' | 'first_seen'>): number | null {
  const id = p.arxiv_id;
  const modern = id ? /^(\d{2})(\d{2})\.\d{4,5}/.exec(id) : null;
  if (modern) return 2000 + Number(modern[1]);
  const old = id ? /\/(\d{2})(\d{2})\d{3}/.exec(id) : null;
  if (old) return (Number(old[1]) >= 91 ? 1900 : 2000) + Number(old[1]);
  for (const d of [p.published_at, p.first_seen]) if (d && /^\d{4}/.test(d)) return Number(d.slice(0, 4));
  return null;
}

/** Letters and digits only, accents folded ("Núñez" → "nunez"). */
function keyPart(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const KEY_STOPWORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'towards', 'toward', 'with']);

/** "vanbeethoven2026lora": first author's surname, year, first title word (not a stopword). */
export function baseCitationKey(p: CitablePaper): string {
  const first = p.authors[0] ? splitName(p.authors[0]) : null;
  const surname = keyPart([first?.['non-dropping-particle'], first?.family].filter(Boolean).join('')) || 'anon';
  const words = p.title
    .split(/[\s\-–—:/]+/)
    .map(keyPart)
    .filter((w) => w.length > 0);
  const word = words.find((w) => !KEY_STOPWORDS.has(w)) ?? words[0] ?? 'untitled';
  return `${surname}${citationYear(p) ?? ''}${word}`;
}

/** Suffixes for the 2nd, 3rd... paper sharing a key: b, c, ..., z, then aa, ab... */
function suffix(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * Citation keys for a set of papers, by paper id. Papers sharing a key are ordered by arXiv id
 * (else paper id), not by their order in the listing: the first keeps the key, the next get
 * b, c, ... So the same set of papers gets the same keys on every run, whatever the query's sort.
 */
export function assignCitationKeys(papers: readonly CitablePaper[]): Map<string, string> {
  const groups = new Map<string, CitablePaper[]>();
  for (const p of papers) {
    const base = baseCitationKey(p);
    const g = groups.get(base);
    if (g) g.push(p);
    else groups.set(base, [p]);
  }
  const keys = new Map<string, string>();
  const taken = new Set(groups.keys());
  const order = (p: CitablePaper) => p.arxiv_id ?? `~${p.id}`;
  for (const [base, group] of groups) {
    group.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
    keys.set(group[0]!.id, base);
    let n = 1;
    for (const p of group.slice(1)) {
      // "smith2026prefixb" could be another paper's base key (a title starting "Prefixb"): skip it.
      let key = `${base}${suffix(++n)}`;
      while (taken.has(key)) key = `${base}${suffix(++n)}`;
      taken.add(key);
      keys.set(p.id, key);
    }
  }
  return keys;
}

type RisEntry = Record<string, string | number | (string | number)[]>;

/**
 * RIS lines from citation-js's RIS entries. Its text output cuts every value at 70 characters
 * onto continuation lines, which its own reader (and others) join back with a space: "r eduction".
 * One line per value, then, as Zotero and EndNote write and read them.
 */
function risText(entries: RisEntry[]): string {
  return entries
    .map((e) => {
      const lines = [`TY  - ${e.TY}`];
      for (const [tag, value] of Object.entries(e)) {
        if (tag === 'TY') continue;
        for (const v of ([] as (string | number)[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s+/g, ' ')}`);
      }
      return `${lines.join('\n')}\nER  - \n`;
    })
    .join('\n');
}

function particleInFamily(n: CslName): CslName {
  const { 'non-dropping-particle': particle, ...rest } = n;
  return particle ? { ...rest, family: `${particle} ${n.family ?? ''}`.trim() } : n;
}

/** A paper as a CSL-JSON item: an arXiv preprint ("article" in CSL 1.0.2) when it has an arXiv id. */
export function toCslItem(p: CitablePaper, key: string): CslItem {
  const year = citationYear(p);
  const item: CslItem = {
    id: key,
    type: 'article',
    title: p.title,
    author: p.authors.map(splitName),
  };
  if (year !== null) item.issued = { 'date-parts': [[year]] };
  if (p.abstract) item.abstract = p.abstract;
  if (p.arxiv_id) {
    item.URL = `https://arxiv.org/abs/${p.arxiv_id}`;
    item.DOI = `10.48550/arXiv.${p.arxiv_id}`;
    item.number = `arXiv:${p.arxiv_id}`;
    item.publisher = 'arXiv';
  } else if (p.url && /^https?:\/\/\S+$/.test(p.url)) {
    item.URL = p.url;
  }
  return item;
}

/**
 * The entries of `papers` in one format. `keys` from {@link assignCitationKeys} over the whole set
 * being exported (a batch of a large export is rendered with the keys of all).
 */
export function renderCitations(papers: readonly CitablePaper[], keys: Map<string, string>, format: CitationFormat): string {
  const items = papers.map((p) => toCslItem(p, keys.get(p.id) ?? baseCitationKey(p)));
  if (items.length === 0) return '';
  if (format === 'csl-json') {
    const data = new Cite(items).format('data', { format: 'object' }) as unknown as CslItem[];
    return data.map((i) => JSON.stringify(i)).join(',\n');
  }
  // BibTeX and RIS take the item as a generic document (@misc, TY GEN): a preprint is not a
  // journal article, which is what CSL "article" becomes in both (@article, TY JOUR).
  // RIS names are "Family, Given" and citation-js drops the particle there ("van Beethoven" lost
  // its "van"): it goes into the family name.
  const generic = items.map(({ number: _n, publisher, ...rest }) => ({
    ...rest,
    type: 'document',
    ...(format === 'ris' ? { publisher, author: rest.author.map(particleInFamily) } : {}),
  }));
  if (format === 'ris') return risText(new Cite(generic).format('ris', { format: 'object' }) as unknown as RisEntry[]);
  const text = new Cite(generic).format('bibtex');
  const byKey = new Map(papers.map((p, i) => [items[i]!.id, p.arxiv_id]));
  // citation-js protects capitalised words from a style's lower-casing, except each part's first
  // word (a style keeps its first letter): "LoRA: ..." would print "Lora". Protect those too when
  // a capital follows the first letter.
  const protectFirst = (title: string) =>
    title.replace(/(^|:\s*)([A-Za-z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)(?=[\s:,.]|$)/g, '$1{$2}');
  // An arXiv id is [0-9a-z.-/]: nothing in it needs escaping.
  return (
    text
      .replace(/^(\ttitle = \{)(.*)\},$/gm, (_l, head: string, title: string) => `${head}${protectFirst(title)}},`)
      .replace(/^@misc\{([^,\n]+),\n/gm, (line, key: string) => {
        const id = byKey.get(key);
        return id ? `${line}\teprint = {${id}},\n\tarchivePrefix = {arXiv},\n` : line;
      })
      .trim() + '\n'
  );
}

/**
 * Writes the entries of papers given in batches (`batches()` is called twice: once for the keys,
 * which must see every paper before the first entry is written, once for the entries).
 */
export async function emitCitations(
  batches: (withAbstract: boolean) => Iterable<CitablePaper[]>,
  format: CitationFormat,
  write: (text: string) => Promise<void>,
): Promise<number> {
  const all: CitablePaper[] = [];
  for (const b of batches(false)) all.push(...b);
  const keys = assignCitationKeys(all);
  let n = 0;
  if (format === 'csl-json') await write('[');
  for (const batch of batches(true)) {
    if (batch.length === 0) continue;
    const text = renderCitations(batch, keys, format);
    if (format === 'csl-json') await write((n === 0 ? '\n' : ',\n') + text);
    else await write((n === 0 ? '' : '\n') + text);
    n += batch.length;
  }
  if (format === 'csl-json') await write(n === 0 ? ']\n' : '\n]\n');
  return n;
}
