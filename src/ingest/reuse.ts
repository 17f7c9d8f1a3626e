/**
 * A paper's extraction, reusing what the worker already extracted from the file's records.
 *
 * When a later sighting improves a paper, its canonical copy usually becomes that sighting's own
 * title and abstract, which the worker has extracted already (PreparedDigest.extractions). Doing
 * it again on the main thread, which also stores and deduplicates, cost ~0.45 s per 100k papers.
 * Each extractor is a pure function of its own inputs (see extract/index.ts), so a record with the
 * same abstract gives the same claims, one with the same title and abstract the same methods, and
 * the links also need the same site fields.
 */
import { extractAll } from '../extract/index.js';
import { extractLinks } from '../extract/links.js';
import { extractMethods } from '../extract/methods/index.js';
import type { DigestRecord, Extraction } from '../types.js';

export class FileExtractions {
  private byAbstract: Map<string, number> | null = null;
  private byText: Map<string, number> | null = null;

  constructor(
    private readonly records: readonly DigestRecord[],
    private readonly extractions: readonly Extraction[],
  ) {}

  /** extractAll(title, abstract, siteRepos, siteLinks), from a record's extraction where one fits. */
  of(title: string, abstract: string, siteRepos: string[] = [], siteLinks: string[] = []): Extraction {
    this.index();
    const same = this.byText!.get(textKey(title, abstract));
    if (same !== undefined) {
      const own = this.extractions[same]!;
      const rec = this.records[same]!;
      if (sameList(rec.siteRepos, siteRepos) && sameList(rec.siteLinks, siteLinks)) return own;
      return { ...extractLinks(title, abstract, siteRepos, siteLinks), claims: own.claims, methods: own.methods };
    }
    const sameAbstract = this.byAbstract!.get(abstract);
    if (sameAbstract === undefined) return extractAll(title, abstract, siteRepos, siteLinks);
    return {
      ...extractLinks(title, abstract, siteRepos, siteLinks),
      claims: this.extractions[sameAbstract]!.claims,
      methods: extractMethods(title, abstract),
    };
  }

  private index(): void {
    if (this.byText) return;
    this.byText = new Map();
    this.byAbstract = new Map();
    this.records.forEach((r, i) => {
      const k = textKey(r.title, r.abstract);
      if (!this.byText!.has(k)) this.byText!.set(k, i);
      if (!this.byAbstract!.has(r.abstract)) this.byAbstract!.set(r.abstract, i);
    });
  }
}

function textKey(title: string, abstract: string): string {
  return `${title}\u0000${abstract}`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
