/**
 * A paper's extraction, reusing what the worker already extracted from the file's records.
 *
 * When a later sighting improves a paper, its canonical copy usually becomes that sighting's own
 * title and abstract, which the worker has extracted already (PreparedDigest.extractions). Doing
 * it again on the main thread, which also stores and deduplicates, cost ~0.45 s per 100k papers.
 * Each extractor is a pure function of its own inputs (see extract/index.ts), so a record with the
 * same abstract gives the same claims, one with the same title and abstract the same methods, and
 * the links also need the same site fields.
 *
 * Only the paper's own records are compared (plain string equality): keying every record of a
 * part by its text cost more than the extraction it saved (hashing 1 KB abstracts).
 */
import { extractAll } from '../extract/index.js';
import { extractLinks } from '../extract/links.js';
import { extractMethods } from '../extract/methods/index.js';
import type { DigestRecord, Extraction } from '../types.js';

export class FileExtractions {
  private byPaper: Map<string, number[]> | null = null;

  /** `paperIds[i]` is the paper records[i] was placed on (after the file's renames). */
  constructor(
    private readonly records: readonly DigestRecord[],
    private readonly extractions: readonly Extraction[],
    private readonly paperIds: readonly string[],
  ) {}

  /** extractAll(title, abstract, siteRepos, siteLinks) of paper `id`, from one of its records' extractions where one fits. */
  of(id: string, title: string, abstract: string, siteRepos: string[] = [], siteLinks: string[] = []): Extraction {
    let sameAbstract: Extraction | null = null;
    for (const i of this.recordsOf(id)) {
      const rec = this.records[i]!;
      if (rec.abstract !== abstract) continue;
      const own = this.extractions[i]!;
      if (rec.title !== title) {
        sameAbstract ??= own;
        continue;
      }
      if (sameList(rec.siteRepos, siteRepos) && sameList(rec.siteLinks, siteLinks)) return own;
      return { ...extractLinks(title, abstract, siteRepos, siteLinks), claims: own.claims, methods: own.methods };
    }
    if (sameAbstract === null) return extractAll(title, abstract, siteRepos, siteLinks);
    return {
      ...extractLinks(title, abstract, siteRepos, siteLinks),
      claims: sameAbstract.claims,
      methods: extractMethods(title, abstract),
    };
  }

  private recordsOf(id: string): number[] {
    if (!this.byPaper) {
      this.byPaper = new Map();
      this.paperIds.forEach((p, i) => {
        const list = this.byPaper!.get(p);
        if (list) list.push(i);
        else this.byPaper!.set(p, [i]);
      });
    }
    return this.byPaper.get(id) ?? [];
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
