/**
 * The match rules (see index.ts's module comment for what each means): their thresholds, their
 * names, and `verify`, which scores one candidate paper for a sighting. Over the store, Dice and
 * the word-level tests of verify.ts; blocking decides which candidates are scored.
 */
import type { DiceTable } from './dice.js';
import type { Query } from './query.js';
import { FLAG_CLIPPED, type SlotStore } from './slots.js';
import { clipRatio, orderConsistent, tokenDiff } from './verify.js';

/** Which rule matched a sighting to a paper, in the order they are tried. */
export type MatchRule = 'arxiv-id' | 'exact-title' | 'clipped-title' | 'fuzzy-title' | 'title+abstract';

/** Default Dice threshold for `fuzzy-title`. */
export const DEFAULT_THRESHOLD = 0.9;
/** `title+abstract`: minimum title Dice and abstract-signature containment. */
export const TITLE_ABSTRACT_MIN_DICE = 0.5;
export const TITLE_ABSTRACT_MIN_CONTAINMENT = 0.7;
/** Abstract containment below this (both real) counts as "unrelated texts". */
export const UNRELATED_ABSTRACTS = 0.15;
/** Content words on one side only beyond which a pair is not even scored for fuzzy-title. */
export const MAX_WORD_GAP = 3;

export class MatchRules {
  /** The rule of the last verify() that returned a score. */
  rule: MatchRule = 'fuzzy-title';

  constructor(
    private readonly store: SlotStore,
    private readonly dice: DiceTable,
    /** Minimum Dice of two title keys for fuzzy-title. */
    readonly threshold: number,
  ) {}

  /** The score of slot s for the query (see the module comment), or -1; sets this.rule. */
  verify(q: Query, s: number): number {
    const cClip = (this.store.flags[s]! & FLAG_CLIPPED) !== 0;
    if (!q.clipped && !cClip) {
      // Cheap rejections before comparing text: Dice bound from the lengths; and unless the
      // abstracts agree (title+abstract), the word sets must nearly coincide (fuzzy-title).
      const la = q.key.length;
      const lb = this.store.keyLen[s]!;
      if (la < 2 || lb < 2) return -1;
      const bound = (2 * Math.min(la - 1, lb - 1)) / (la + lb - 2);
      if (bound < TITLE_ABSTRACT_MIN_DICE) return -1;
      if (this.store.abstractSim(q, s) < TITLE_ABSTRACT_MIN_CONTAINMENT) {
        if (bound < this.threshold || this.wordGap(q, s) > MAX_WORD_GAP) return -1;
      }
    }
    if (q.clipped || cClip) {
      const r = clipRatio(q.key, q.clipped, this.store.keyOf(s), cClip);
      if (r < 0) return -1;
      const sim = this.store.abstractSim(q, s);
      if (sim >= 0 && sim < UNRELATED_ABSTRACTS) return -1;
      this.rule = 'clipped-title';
      return 0.85 + 0.1 * r + (sim >= 0.5 ? 0.05 : 0);
    }
    const dice = this.dice.dice(q, s);
    if (dice < TITLE_ABSTRACT_MIN_DICE) return -1;
    const qTokens = q.words();
    const cTokens = this.store.tokensOf(s);
    const d = tokenDiff(qTokens, cTokens);
    if (d.hard) return -1;
    if (dice >= this.threshold && d.blocking === 0 && orderConsistent(qTokens, cTokens)) {
      const sim = d.excused === 0 ? -1 : this.store.abstractSim(q, s);
      if (d.excused === 0 || sim < 0 || sim >= UNRELATED_ABSTRACTS) {
        this.rule = 'fuzzy-title';
        return dice;
      }
      return -1;
    }
    const sim = this.store.abstractSim(q, s);
    if (sim < TITLE_ABSTRACT_MIN_CONTAINMENT) return -1;
    this.rule = 'title+abstract';
    return (dice + sim) / 2;
  }

  /**
   * Content words on one side only, by word id (the larger of the two counts). A fuzzy-title
   * match has none that is not a spacing variant, stopword or plural, so a few at most.
   */
  private wordGap(q: Query, s: number): number {
    if (q.gapIds === null) {
      const all = this.store.queryIds(q);
      const ids: number[] = [];
      for (let i = 0; i < q.nWords; i++) {
        if (q.isStop(i)) continue;
        const id = all[i]!;
        if (id < 0 || !ids.includes(id)) ids.push(id);
      }
      q.gapIds = ids;
    }
    const qIds = q.gapIds;
    this.store.needTokens(s);
    const pool = this.store.tokPool;
    const st = this.store.tokStart[s]!;
    const end = st + this.store.tokCount[s]!;
    let qMissing = 0;
    for (let k = 0; k < qIds.length; k++) {
      const id = qIds[k]!;
      let found = false;
      if (id >= 0)
        for (let i = st; i < end; i++)
          if (pool[i] === id) {
            found = true;
            break;
          }
      if (!found) qMissing++;
    }
    let cMissing = 0;
    for (let i = st; i < end; i++) {
      const id = pool[i]!;
      if (!this.store.isStop[id] && !qIds.includes(id)) cMissing++;
    }
    return Math.max(qMissing, cMissing);
  }
}
