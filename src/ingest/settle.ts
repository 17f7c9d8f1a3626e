/**
 * What happens to stored papers when their sightings change under them: papers whose sightings
 * went away (a file replaced, moved away from, forgotten) are deleted when none is left, else get
 * their canonical copy re-derived; and a paper's id follows its canonical copy (renames, with the
 * old id kept as an alias). Used by the ingest (./run.ts) between and within files.
 */
import type { CanonicalPaper } from '../types.js';
import { bestText } from '../dedup/merge.js';
import { sourceRank } from '../dedup/sources.js';
import { extractAll } from '../extract/index.js';
import { titleKey } from '../normalize.js';
import { NOT_SEEN, type Store } from '../db/store.js';
import { hashKey } from './prepare.js';
import { type FileWork, isIdOf } from './fileWork.js';
import type { PaperIndex } from './paperIndex.js';

export class PaperSettler {
  constructor(
    private readonly store: Store,
    private readonly papers: PaperIndex,
  ) {}

  /**
   * Papers whose sightings went away: those left with none are deleted, the others get their
   * canonical copy re-derived from what is left. `touched` papers (sighted by the file being
   * stored) are left to it. Returns the papers kept, whose extractions must be redone.
   */
  settle(affected: Iterable<string>, touched: ReadonlySet<string>, rev: number): string[] {
    const kept: string[] = [];
    for (const id of affected) {
      if (touched.has(id)) continue;
      if (this.store.sightingCount(id) === 0) {
        this.store.deletePaper(id);
        this.papers.index.remove(id);
      } else {
        kept.push(this.rebuildCanonical(id, rev));
        this.store.touchSeen(kept[kept.length - 1]!, rev);
      }
    }
    return kept;
  }

  /** settle() outside a file being stored: the papers kept get their extractions redone too. */
  settleAndReextract(affected: Iterable<string>, rev: number): void {
    for (const id of this.settle(affected, new Set(), rev)) {
      const p = this.store.paper(id)!;
      const site = this.store.siteFields(id);
      this.store.writeExtraction(p, extractAll(p.title, p.abstract, site.repos, site.links), true);
    }
  }

  /**
   * A paper's id is its arXiv id, else a hash of its canonical title's key: what the sightings
   * agree on, whatever order they came in (the first sighting's title, used before, changed 0.6-0.9%
   * of ids between two runs over the same files in another order). When a paper's canonical title
   * key changes (a clipped title completed) or it gains an arXiv id, it is renamed; a stored paper
   * keeps its old id as an alias, so a published id still finds it.
   */
  renameRetargeted(work: FileWork): void {
    for (const [id, target] of work.retarget) {
      if (isIdOf(id, target)) continue;
      const next = this.freshId(target, work);
      if (!work.created.has(id)) this.store.renamePaper(id, next);
      this.papers.index.rename(id, next);
      work.rename(id, next);
    }
  }

  /**
   * The arXiv id when known, else a hash of the title; a clash (rare) gets a numeric suffix. The
   * index holds every stored paper (PaperIndex.catchUp), so no database lookup is needed: at 1M papers
   * one per new paper cost 8 s, each a random read of the id index.
   */
  freshId(base: string, work?: FileWork): string {
    let id = base;
    for (let n = 2; work?.created.has(id) || this.papers.index.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /** Re-derives a paper's canonical copy from its sightings; returns its id (renamed if its title key changed). */
  private rebuildCanonical(id: string, rev: number): string {
    const current = this.store.paper(id)!;
    const sightings = this.store.sightingTexts(id).map((s) => ({ ...s, arxivId: null, rank: sourceRank(s.format) }));
    const best: CanonicalPaper = { ...current, ...bestText(sightings) };
    this.store.updatePaper(best, rev, true, NOT_SEEN);
    this.papers.index.put({ id, arxivId: best.arxiv_id, title: best.title, abstract: best.abstract });
    const target = best.arxiv_id ?? hashKey(titleKey(best.title));
    if (isIdOf(id, target)) return id;
    const next = this.freshId(target);
    this.store.renamePaper(id, next);
    this.papers.index.rename(id, next);
    return next;
  }
}
