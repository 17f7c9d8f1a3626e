/**
 * Applying the user's decisions (dedup/decisions.ts) to the database: at once when one is made,
 * and again, all of them in the order they were made, after every ingest, so a decision holds
 * whatever order files arrive in. Each application is idempotent: a decision already in effect
 * changes nothing.
 */
import { addressKey, splitPaperId, type Decision, type PortableDecision, type SightingAddress } from '../dedup/decisions.js';
import { DedupIndex } from '../dedup/index.js';
import { mergeCanonical, newCanonical, type SightingFields } from '../dedup/merge.js';
import { sourceRank } from '../dedup/sources.js';
import { extractAll } from '../extract/index.js';
import { DecisionStore } from '../db/decisions.js';
import type { DB } from '../db/open.js';
import { NOT_SEEN, Store } from '../db/store.js';
import type { CanonicalPaper } from '../types.js';
import { withBusyRetry } from './batch.js';

type PaperRef = { rid: number; id: string };

export class Decider {
  private readonly store: Store;
  readonly decisions: DecisionStore;

  constructor(private readonly db: DB) {
    this.store = new Store(db);
    this.decisions = new DecisionStore(db);
  }

  /** Applies every stored decision, oldest first; returns how many changed something. */
  applyAll(): number {
    let changed = 0;
    const tx = this.db.transaction(() => {
      const all = this.decisions.list();
      if (all.length === 0) return;
      // Papers made or changed since the last application (all of them for a decision that is new
      // since): a merge also takes those that match one of its papers' titles (see mergeMatching).
      const sinceRev = Number(this.store.meta('decisions_rev') ?? -1);
      const lastId = Number(this.store.meta('decisions_last_id') ?? 0);
      const recent = all.some((d) => d.kind === 'merge' && d.id <= lastId) ? [...this.store.papersSince(sinceRev)] : [];
      const rev = this.store.nextRev();
      for (const d of all) if (this.apply(d, rev, d.id > lastId ? undefined : recent)) changed++;
      this.store.syncFullText();
      this.store.setMeta('decisions_rev', String(rev));
      this.store.setMeta('decisions_last_id', String(all[all.length - 1]!.id));
    });
    withBusyRetry(() => tx.immediate());
    return changed;
  }

  /** Stores a decision (groups already resolved) and applies it; returns its id. */
  record(d: PortableDecision): number {
    let id = 0;
    const tx = this.db.transaction(() => {
      id = this.decisions.insert(d);
      this.apply({ ...d, id }, this.store.nextRev());
      this.store.syncFullText();
    });
    withBusyRetry(() => tx.immediate());
    return id;
  }

  /** The sightings a paper has now, as a decision records them. */
  addressesOf(paper: PaperRef): SightingAddress[] {
    return this.decisions.sightingsOf(paper.rid).map(({ sid: _sid, ...a }) => a);
  }

  /**
   * Takes a decision back: a merge gives the papers it merged their sightings back, a split
   * returns its sightings to the paper they came from; a distinct is only forgotten (the next
   * ingest that finds the two alike may merge them again).
   */
  undo(id: number): Decision | undefined {
    const d = this.decisions.list().find((x) => x.id === id);
    if (!d) return undefined;
    const tx = this.db.transaction(() => {
      this.decisions.delete(id);
      const rev = this.store.nextRev();
      if (d.kind === 'merge') for (let i = 1; i < d.ids.length; i++) this.moveOut(d.groups[i] ?? [], d.ids[i]!, rev);
      if (d.kind === 'split') {
        const home = this.decisions.paper(d.ids[0]!);
        const split = this.decisions.paperNamed(splitPaperId(d.groups[0] ?? []));
        if (home && split && home.rid !== split.rid) this.moveInto(this.found(d.groups[0] ?? []), home, rev);
      }
      this.store.syncFullText();
    });
    withBusyRetry(() => tx.immediate());
    return d;
  }

  /** `recent`: the papers to check against a merge's titles; undefined for all of them. */
  private apply(d: Decision, rev: number, recent?: readonly CanonicalPaper[]): boolean {
    if (d.kind === 'merge') {
      let target = this.locate(d.ids[0]!, d.groups[0] ?? []);
      if (!target) return false;
      let changed = this.mergeMatching(d, target, rev, recent);
      for (let i = 0; i < d.ids.length; i++) {
        // Where its sightings went, and a paper that took its id again (new sightings of it, from
        // a changed file or another digest, made it anew).
        const where = this.found(d.groups[i] ?? []).map((x) => ({ rid: x.rid, id: x.paper_id }));
        for (const other of [...where, this.decisions.paperNamed(d.ids[i]!)]) {
          if (!other || other.rid === target.rid || !this.decisions.paperNamed(other.id)) continue;
          const all = this.decisions.sightingsOf(other.rid).map((x) => ({ sid: x.sid, rid: other.rid, paper_id: other.id }));
          this.moveInto(all, target, rev);
          changed = true;
        }
      }
      // The first id stays the merged paper's, whatever the ingest named it since.
      if (target.id !== d.ids[0]) {
        this.store.renamePaper(target.id, d.ids[0]!);
        target = { rid: target.rid, id: d.ids[0]! };
        changed = true;
      }
      return changed;
    }
    if (d.kind === 'split') {
      const sightings = this.found(d.groups[0] ?? []);
      const id = splitPaperId(d.groups[0] ?? []);
      if (sightings.length === 0 || sightings.every((s) => s.paper_id === id)) return false;
      this.moveOut(d.groups[0] ?? [], id, rev);
      return true;
    }
    // distinct: when the two groups share a paper, the one not named by that paper's id leaves it.
    const a = this.locate(d.ids[0]!, d.groups[0] ?? []);
    const b = this.locate(d.ids[1]!, d.groups[1] ?? []);
    if (!a || !b || a.rid !== b.rid) return false;
    const leaves = a.id === d.ids[1] ? 0 : 1;
    this.moveOut(d.groups[leaves] ?? [], d.ids[leaves]!, rev);
    return true;
  }

  /**
   * A merge holds for sightings that arrive later too: a paper whose canonical title matches (by
   * the dedup's own rules) a title one of the merged papers was seen under is merged as well. In
   * the order "all files, then the merge" such a sighting joined one of the papers before they
   * were merged; in the order "merge, then the file" it meets only the merged paper's canonical
   * title, which may be the other paper's.
   */
  private mergeMatching(d: Decision, target: PaperRef, rev: number, recent?: readonly CanonicalPaper[]): boolean {
    const index = new DedupIndex();
    let n = 0;
    for (const t of new Set(d.groups.flat().map((a) => a.title)))
      index.put({ id: String(n++), title: t, abstract: '', arxivId: null });
    let changed = false;
    const papers = recent ?? this.store.paperPage(0, Number.MAX_SAFE_INTEGER);
    for (const p of papers) {
      if (p.id === target.id || !index.match({ title: p.title, abstract: '', arxivId: null })) continue;
      const other = this.decisions.paperNamed(p.id);
      if (!other || other.rid === target.rid) continue;
      const all = this.decisions.sightingsOf(other.rid).map((x) => ({ sid: x.sid, rid: other.rid, paper_id: other.id }));
      this.moveInto(all, target, rev);
      changed = true;
    }
    return changed;
  }

  /** The current sightings a group names. */
  private found(group: readonly SightingAddress[]): { sid: number; rid: number; paper_id: string }[] {
    const seen = new Set<number>();
    const out: { sid: number; rid: number; paper_id: string }[] = [];
    for (const a of group)
      for (const s of this.decisions.find(a))
        if (!seen.has(s.sid)) {
          seen.add(s.sid);
          out.push(s);
        }
    return out;
  }

  /** The paper a decision's group stands for: where most of its sightings are now, else by id or alias. */
  private locate(id: string, group: readonly SightingAddress[]): PaperRef | undefined {
    const votes = new Map<number, { n: number; ref: PaperRef }>();
    for (const s of this.found(group)) {
      const v = votes.get(s.rid) ?? { n: 0, ref: { rid: s.rid, id: s.paper_id } };
      v.n++;
      votes.set(s.rid, v);
    }
    let best: { n: number; ref: PaperRef } | undefined;
    for (const v of votes.values()) if (!best || v.n > best.n || (v.n === best.n && v.ref.rid < best.ref.rid)) best = v;
    return best?.ref ?? this.decisions.paper(id);
  }

  /** Moves a group's sightings into the paper `id` (made when missing), re-deriving both sides. */
  private moveOut(group: readonly SightingAddress[], id: string, rev: number): void {
    const sightings = this.found(group);
    if (sightings.length === 0) return;
    let target = this.decisions.paperNamed(id);
    if (!target) {
      const [first] = sightings;
      const rows = this.decisions.records(first!.rid);
      const seed = newCanonical(id, { title: rows[0]?.title ?? '', abstract: '', arxivId: null });
      const [rid] = this.store.insertPapers([seed], rev, () => NOT_SEEN);
      this.store.dropAlias(id);
      target = { rid: rid!, id };
    }
    this.moveInto(sightings, target, rev);
  }

  /** Moves sightings into `target`; papers left with none are deleted, the rest re-derived. */
  private moveInto(sightings: readonly { sid: number; rid: number; paper_id: string }[], target: PaperRef, rev: number): void {
    const from = new Map<number, string>();
    for (const s of sightings) {
      if (s.rid === target.rid) continue;
      from.set(s.rid, s.paper_id);
      this.decisions.move(s.sid, target);
    }
    for (const id of from.values()) this.settle(id, target.id, rev);
    this.rebuild(target.id, rev);
  }

  /** A paper some sightings left: deleted (its id an alias of where they went) when none is left. */
  private settle(id: string, to: string, rev: number): void {
    if (this.store.sightingCount(id) === 0) {
      this.store.deletePaper(id);
      this.store.aliasPaper(id, to);
    } else this.rebuild(id, rev);
  }

  /** Re-derives a paper's canonical copy and extractions from its sightings (its id stays). */
  private rebuild(id: string, rev: number): void {
    const current = this.store.paper(id);
    if (!current) return;
    const rows = this.decisions.records(current.rid);
    if (rows.length === 0) return;
    const recs: SightingFields[] = rows.map((r) => ({
      title: r.title,
      abstract: r.abstract,
      arxivId: r.arxiv_id,
      authors: JSON.parse(r.authors) as string[],
      upvotes: r.upvotes,
      publishedAt: r.published_at,
      textKind: r.text_kind ?? undefined,
      rank: sourceRank(r.format),
    }));
    let best: CanonicalPaper = newCanonical(id, recs[0]!);
    for (const r of recs.slice(1)) best = mergeCanonical(best, r) ?? best;
    // arXiv ids are unique among papers: a split-off copy does not take one its old paper holds.
    const owner = best.arxiv_id === null ? undefined : this.decisions.arxivOwner(best.arxiv_id);
    if (owner !== undefined && owner !== id) best = { ...best, arxiv_id: current.arxiv_id };
    this.store.updatePaper(best, rev, true, NOT_SEEN);
    this.store.touchSeen(id, rev);
    const site = this.store.siteFields(id);
    this.store.writeExtraction(current, extractAll(best.title, best.abstract, site.repos, site.links), true);
  }

  /** For tests: every sighting key per paper id. */
  membership(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const p of this.store.paperPage(0, Number.MAX_SAFE_INTEGER)) out.set(p.id, this.addressesOf(p).map(addressKey).sort());
    return out;
  }
}
