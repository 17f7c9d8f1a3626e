/**
 * Candidate blocking over the store: which few papers a sighting is verified against (see the
 * "Blocking" paragraph of index.ts). Reads the posting lists of the sighting's rarest title words
 * (bounded), keeps the best MAX_CANDIDATES, and adds clip / key-prefix candidates. Decides no
 * match: rules.ts scores what this returns.
 */
import { P_PREFIX_HASH, P_SHORT_HASH, PREFIX_CHARS, readI32 } from './prepared.js';
import type { Query } from './query.js';
import { FLAG_CLIPPED, grow, type SlotStore } from './slots.js';
import { clipRatio, MIN_CLIP_CHARS } from './verify.js';

/** Blocking limits. */
export const LISTS = 3;
export const LISTS_CLIPPED = 7;
export const SCAN_CAP = 300;
export const MAX_CANDIDATES = 12;
/** At most this many clipped canonicals sharing the query's key prefix are verified. */
export const MAX_CLIP_CANDIDATES = 8;
/** Papers sharing one exact title key tested at most (most recent first). */
export const EXACT_SCAN = 64;
/** Titles sharing a clipped sighting's key prefix tested at most (most recent first). */
export const PREFIX_SCAN = 64;
/** A posting list this short is read and all its papers verified even on a single shared word. */
const RARE_DF = 8;

/** Scratch capacity for the slots noted while reading posting lists in one lookup. */
const TOUCHED_CAP = LISTS_CLIPPED * SCAN_CAP;

export class Blocking {
  /** Per slot: epoch << 6 | last list read << 3 | hits (see candidates). */
  private mark = new Int32Array(0);
  private epoch = 0;
  private readonly chosen = new Int32Array(LISTS_CLIPPED);
  private readonly chosenDf = new Int32Array(LISTS_CLIPPED);
  private readonly qualified = new Int32Array(TOUCHED_CAP);
  private readonly rare = new Int32Array(TOUCHED_CAP);
  /** The candidates of the last lookup: the top MAX_CANDIDATES, then clip candidates. */
  readonly top = new Int32Array(MAX_CANDIDATES + MAX_CLIP_CANDIDATES + 1);
  private readonly topRank = new Int32Array(MAX_CANDIDATES + 1);
  /** One posting list's slots as read (the most recent first, at most SCAN_CAP). */
  private readonly listSlots = new Int32Array(SCAN_CAP);

  constructor(
    private readonly store: SlotStore,
    /** Counts every pair tested (the index's stats). */
    private readonly stats: { candidates: number },
  ) {}

  /**
   * Papers sharing the sighting's rarest title words (bounded; see index.ts's module comment), into
   * this.top; returns their number.
   */
  candidates(q: Query): number {
    const ids = this.store.queryIds(q);
    const post = this.store.post;
    const clipped = q.clipped;
    const last = clipped ? q.nWords - 1 : q.nWords; // a clip's last word may be partial
    // The chosen lists, rarest first (a stable insertion sort by list length), at most `lists`.
    const lists = clipped ? LISTS_CLIPPED : LISTS;
    const chosen = this.chosen;
    const chosenDf = this.chosenDf;
    let nChosen = 0;
    let distinct = 0; // distinct known content words with postings (before the cut)
    for (let i = 0; i < last; i++) {
      if (q.isStop(i)) continue;
      const tid = ids[i]!;
      if (tid < 0) continue;
      const df = post.count(tid);
      if (df === 0) continue;
      let dup = false;
      for (let k = 0; k < i; k++)
        if (ids[k] === tid && !q.isStop(k)) {
          dup = true;
          break;
        }
      if (dup) continue;
      distinct++;
      // Insert after every chosen list with df <= this one (stable); drop past `lists`.
      let at = nChosen;
      while (at > 0 && chosenDf[at - 1]! > df) at--;
      if (at >= lists) continue;
      const to = nChosen < lists ? nChosen : lists - 1;
      for (let k = to; k > at; k--) {
        chosen[k] = chosen[k - 1]!;
        chosenDf[k] = chosenDf[k - 1]!;
      }
      chosen[at] = tid;
      chosenDf[at] = df;
      if (nChosen < lists) nChosen++;
    }
    const top = this.top;
    let nTop = 0;
    if (distinct === 0) return this.clipCandidatesInto(q, 0);

    // Count, per slot, the chosen lists it is in: mark = epoch << 6 | list << 3 | hits. A slot is
    // noted in `qualified` when its hits reach `need`, in `rare` each time a short list has it.
    if (this.mark.length < this.store.alive.length) this.mark = grow(this.mark, this.store.alive.length);
    if (++this.epoch >= 1 << 24) {
      this.mark.fill(0);
      this.epoch = 1;
    }
    const epochBits = this.epoch << 6;
    const mark = this.mark;
    const qualified = this.qualified;
    const rare = this.rare;
    let nQualified = 0;
    let nRare = 0;
    const need = nChosen >= 4 && clipped ? nChosen - 1 : nChosen >= 2 ? 2 : 1;
    const slots = this.listSlots;
    for (let li = 0; li < nChosen; li++) {
      const len = post.recent(chosen[li]!, SCAN_CAP, slots); // most recent first
      const listBits = li << 3;
      if (chosenDf[li]! <= RARE_DF) {
        // A short list: read whole, each slot also noted as rare.
        for (let k = 0; k < len; k++) {
          const s = slots[k]!;
          const m = mark[s]!;
          if ((m & ~63) !== epochBits) {
            mark[s] = epochBits | listBits | 1;
            if (need === 1) qualified[nQualified++] = s;
            rare[nRare++] = s;
          } else if (((m >> 3) & 7) !== li) {
            const next = ((m & ~56) | listBits) + 1;
            mark[s] = next;
            if ((next & 7) === need) qualified[nQualified++] = s;
            rare[nRare++] = s;
          }
        }
        continue;
      }
      if (nChosen - li >= need) {
        // Slots may still qualify when first seen here.
        for (let k = 0; k < len; k++) {
          const s = slots[k]!;
          const m = mark[s]!;
          if ((m & ~63) !== epochBits) {
            mark[s] = epochBits | listBits | 1;
            if (need === 1) qualified[nQualified++] = s;
          } else if (((m >> 3) & 7) !== li) {
            const next = ((m & ~56) | listBits) + 1;
            mark[s] = next;
            if ((next & 7) === need) qualified[nQualified++] = s;
          }
        }
      } else {
        // A slot first seen after this many lists cannot qualify: only count the others.
        for (let k = 0; k < len; k++) {
          const s = slots[k]!;
          const m = mark[s]!;
          if ((m & ~63) === epochBits && ((m >> 3) & 7) !== li) {
            const next = ((m & ~56) | listBits) + 1;
            mark[s] = next;
            if ((next & 7) === need) qualified[nQualified++] = s;
          }
        }
      }
    }
    const klen = q.key.length;
    const keyLen = this.store.keyLen;
    // Keep the MAX_CANDIDATES best: most lists, then (full titles) closest key length, then newest.
    // The order is total (slot numbers break ties), so the kept set does not depend on the order
    // slots are considered in.
    const topRank = this.topRank;
    const alive = this.store.alive;
    for (let pass = 0; pass < 2; pass++) {
      const from = pass === 0 ? qualified : rare;
      const count = pass === 0 ? nQualified : nRare;
      for (let t = 0; t < count; t++) {
        const s = from[t]!;
        const hits = mark[s]! & 7;
        if (pass === 0) {
          // A full title shorter than a clip of it cannot be its source.
          if (clipped && keyLen[s]! < klen && (this.store.flags[s]! & FLAG_CLIPPED) === 0) continue;
        } else {
          // Rare-list slots short of `need`, each once.
          if (hits >= need) continue;
          mark[s] = (mark[s]! & ~7) | need;
        }
        if (!alive[s]) continue;
        const lenDiff = clipped ? 0 : Math.min(1023, Math.abs(keyLen[s]! - klen));
        const rank = hits * 1024 - lenDiff;
        let i = nTop;
        if (i === MAX_CANDIDATES) {
          const lr = topRank[i - 1]!;
          if (rank < lr || (rank === lr && s < top[i - 1]!)) continue;
          i--;
          nTop--;
        }
        while (i > 0 && (topRank[i - 1]! < rank || (topRank[i - 1] === rank && top[i - 1]! < s))) i--;
        for (let k = nTop; k > i; k--) {
          top[k] = top[k - 1]!;
          topRank[k] = topRank[k - 1]!;
        }
        top[i] = s;
        topRank[i] = rank;
        nTop++;
      }
    }
    return this.clipCandidatesInto(q, nTop);
  }

  /** Appends the clip / prefix candidates not already in top[0, n); returns the new count. */
  private clipCandidatesInto(q: Query, n: number): number {
    const extra = q.clipped ? this.prefixCandidates(q) : this.clipCandidates(q);
    if (extra === null) return n;
    const top = this.top;
    const kept = n;
    for (const s of extra) {
      let dup = false;
      for (let i = 0; i < kept; i++)
        if (top[i] === s) {
          dup = true;
          break;
        }
      if (!dup) top[n++] = s;
    }
    return n;
  }

  /**
   * For a clipped sighting: canonical titles starting with its key (up to PREFIX_SCAN of the
   * most recent titles sharing its first PREFIX_CHARS characters, or MIN_CLIP_CHARS for a shorter
   * clip, are tested).
   */
  private prefixCandidates(q: Query): number[] | null {
    const key = q.key;
    if (key.length < MIN_CLIP_CHARS) return null;
    const long = key.length >= PREFIX_CHARS;
    const next = long ? this.store.prefNext : this.store.shortPrefNext;
    const head = long
      ? this.store.prefixes.get(readI32(q.data, P_PREFIX_HASH))
      : this.store.shortPrefixes.get(readI32(q.data, P_SHORT_HASH));
    let out: number[] | null = null;
    let n = 0;
    for (let s = head; s >= 0 && n < PREFIX_SCAN; s = next[s]!, n++) {
      this.stats.candidates++;
      if (!this.store.alive[s]) continue;
      const clipped = (this.store.flags[s]! & FLAG_CLIPPED) !== 0;
      if (!clipped && this.store.keyLen[s]! < key.length) continue;
      if (clipRatio(key, true, this.store.keyOf(s), clipped) < 0) continue;
      (out ??= []).push(s);
      if (out.length >= MAX_CLIP_CANDIDATES) break;
    }
    return out;
  }

  /** Clipped canonical titles whose first MIN_CLIP_CHARS key characters are the query's. */
  private clipCandidates(q: Query): number[] | null {
    if (q.key.length < MIN_CLIP_CHARS || this.store.clips.size === 0) return null;
    let out: number[] | null = null;
    let n = 0;
    for (
      let s = this.store.clips.get(readI32(q.data, P_SHORT_HASH));
      s >= 0 && n < MAX_CLIP_CANDIDATES;
      s = this.store.clipNext.get(s) ?? -1, n++
    ) {
      if (this.store.alive[s]) (out ??= []).push(s);
    }
    return out;
  }
}
