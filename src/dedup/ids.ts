/**
 * Paper ids by slot and slots by id, on typed arrays: a 32-bit hash of the id -> the latest slot
 * with that hash, chained through `next`. A Map<string, number> did the same, but a snapshot
 * (./snapshot.ts) had to rebuild it entry by entry: 1.3 s of a 1M-paper load; these arrays are
 * copied as they are.
 */
import { IntMap } from './intmap.js';
import { grow } from './grow.js';
import { StringList } from './stringList.js';

/** FNV-1a over the UTF-16 code units; never 0 (IntMap's reserved key). */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h === 0 ? 1 : h;
}

export class SlotIds {
  /** The id of each slot (undefined: removed). */
  ids = new StringList();
  heads = new IntMap();
  next = new Int32Array(0);
  size = 0;

  /** The id of slot s (undefined: removed). */
  idAt(s: number): string | undefined {
    return this.ids.get(s) || undefined;
  }

  /** The slot holding `id`, or -1. */
  get(id: string): number {
    for (let s = this.heads.get(idHash(id)); s >= 0; s = this.next[s]!) if (this.ids.equals(s, id)) return s;
    return -1;
  }

  /** Gives slot `s` (which holds no id) the id `id` (which no slot holds). */
  set(id: string, s: number): void {
    const h = idHash(id);
    this.next = grow(this.next, s + 1);
    this.next[s] = this.heads.get(h);
    this.heads.set(h, s);
    this.ids.set(s, id);
    this.size++;
  }

  /** Takes `id` from its slot; returns the slot, or -1 when no slot holds it. */
  delete(id: string): number {
    const h = idHash(id);
    let prev = -1;
    for (let s = this.heads.get(h); s >= 0; prev = s, s = this.next[s]!) {
      if (!this.ids.equals(s, id)) continue;
      const after = this.next[s]!;
      if (prev >= 0) this.next[prev] = after;
      else if (after >= 0) this.heads.set(h, after);
      else this.heads.delete(h);
      this.ids.set(s, undefined);
      this.size--;
      return s;
    }
    return -1;
  }
}
