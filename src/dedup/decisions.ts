/**
 * A user's corrections to the dedup, as plain data: which papers are one (`merge`), which
 * sightings are a paper of their own (`split`), which papers are never one (`distinct`). They are
 * stored, applied at once, and applied again after every ingest, so they hold whatever order files
 * arrive in and survive a rebuild (`papers decisions export` / `papers ingest --decisions`).
 *
 * A decision names papers by id and, to find them again when ids change or the database is
 * rebuilt, the sightings each paper had when it was made: a sighting is addressed by its file's
 * content and its position there (`<sha256>:<position>`), with the path and title as read, so a
 * file re-ingested with changed content (a new sha256) still leads to it.
 */
import crypto from 'node:crypto';

export const DECISION_KINDS = ['merge', 'split', 'distinct'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Where a sighting is, in terms that outlive the database. */
export interface SightingAddress {
  sha256: string;
  position: number;
  /** A path its file was seen at (to find a changed file's sighting again by its title). */
  path: string;
  title: string;
}

/** One decision. `groups[i]` holds the sightings of the paper `ids[i]` named (split: the sightings split off). */
export interface Decision {
  id: number;
  kind: DecisionKind;
  ids: string[];
  groups: SightingAddress[][];
  note: string | null;
  created_at: string;
}

/** A decision as exported: no local id (a rebuilt database numbers its own). */
export type PortableDecision = Omit<Decision, 'id'>;

/** `<sha256>:<position>`: a sighting's stable key. */
export function addressKey(a: Pick<SightingAddress, 'sha256' | 'position'>): string {
  return `${a.sha256}:${a.position}`;
}

/**
 * The id of the paper a split makes: a hash of the sightings split off, so the same split gives
 * the same id in any database.
 */
export function splitPaperId(group: readonly SightingAddress[]): string {
  const keys = group.map(addressKey).sort();
  return `split-${crypto.createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 12)}`;
}

/** Whether two decisions say the same thing (importing the same file twice adds nothing). */
export function sameDecision(a: PortableDecision, b: PortableDecision): boolean {
  const key = (d: PortableDecision) => JSON.stringify([d.kind, d.ids, d.groups.map((g) => g.map(addressKey).sort())]);
  return key(a) === key(b);
}

/** Checks a decisions.json value (untrusted input): the decisions it holds, or an error message. */
export function parseDecisions(value: unknown): PortableDecision[] | string {
  const list = Array.isArray(value) ? value : (value as { decisions?: unknown } | null)?.decisions;
  if (!Array.isArray(list)) return 'expected an array of decisions (from `papers decisions export`)';
  const out: PortableDecision[] = [];
  for (const [i, d] of list.entries()) {
    const bad = (why: string) => `decision ${i + 1}: ${why}`;
    if (typeof d !== 'object' || d === null) return bad('not an object');
    const { kind, ids, groups, sightings, note, created_at } = d as Record<string, unknown>;
    if (!DECISION_KINDS.includes(kind as DecisionKind)) return bad(`unknown kind ${JSON.stringify(kind)}`);
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) return bad('ids must be strings');
    const gs = groups ?? sightings;
    if (!Array.isArray(gs)) return bad('sightings must be an array of groups');
    const parsed: SightingAddress[][] = [];
    for (const g of gs) {
      if (!Array.isArray(g)) return bad('each group of sightings must be an array');
      const group: SightingAddress[] = [];
      for (const a of g as Record<string, unknown>[]) {
        if (typeof a?.sha256 !== 'string' || !Number.isInteger(a.position)) return bad('a sighting needs sha256 and position');
        group.push({
          sha256: a.sha256,
          position: a.position as number,
          path: typeof a.path === 'string' ? a.path : '',
          title: typeof a.title === 'string' ? a.title : '',
        });
      }
      parsed.push(group);
    }
    out.push({
      kind: kind as DecisionKind,
      ids: ids as string[],
      groups: parsed,
      note: typeof note === 'string' ? note : null,
      created_at: typeof created_at === 'string' ? created_at : new Date().toISOString(),
    });
  }
  return out;
}
