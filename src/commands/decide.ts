/**
 * `papers merge`, `split`, `distinct` and `decisions`: the user's corrections to the dedup,
 * stored and applied at once, and again by every later ingest (see ingest/decide.ts).
 */
import fs from 'node:fs';
import { addressKey, type DecisionKind, type PortableDecision, type SightingAddress } from '../dedup/decisions.js';
import { findPaperRid } from '../db/read.js';
import { openForWrite, resolveDbPath, withReadDb, type DB } from '../db/open.js';
import { DecisionStore } from '../db/decisions.js';
import { UsageError } from '../errors.js';
import { Decider } from '../ingest/decide.js';
import { Ingester } from '../ingest/run.js';
import { emitJson, emitRows, outputContext } from '../output/emit.js';
import { log } from '../output/log.js';
import { decisionView } from '../output/views.js';
import type { DecisionsFlags } from './decisions.cli.js';
import type { DecideFlags } from './merge.cli.js';

/** A paper by id, arXiv id or alias; a usage error names the one not found. */
function paperOf(db: DB, id: string): { rid: number; id: string } {
  const rid = findPaperRid(db, id.trim());
  if (rid === undefined) throw new UsageError(`no paper '${id}' (see papers query, papers dupes)`);
  return db.prepare<[number], { rid: number; id: string }>('SELECT rid, id FROM papers WHERE rid = ?').get(rid)!;
}

function withWriteDb<T>(flags: DecideFlags, fn: (db: DB, decider: Decider) => T): T {
  const db = openForWrite(resolveDbPath(flags.db));
  try {
    return fn(db, new Decider(db));
  } finally {
    db.close();
  }
}

function record(decider: Decider, kind: DecisionKind, ids: string[], groups: SightingAddress[][], note?: string): number {
  const d: PortableDecision = { kind, ids, groups, note: note ?? null, created_at: new Date().toISOString() };
  return decider.record(d);
}

/** `papers merge ID ID...`: one paper; the first id stays, the others become its aliases. */
export async function mergeCommand(ids: string[], flags: DecideFlags): Promise<number> {
  return withWriteDb(flags, (db, decider) => {
    const papers = ids.map((id) => paperOf(db, id));
    if (new Set(papers.map((p) => p.rid)).size < 2) throw new UsageError('merge needs at least two different papers');
    const n = record(
      decider,
      'merge',
      papers.map((p) => p.id),
      papers.map((p) => decider.addressesOf(p)),
      flags.note,
    );
    log.info(
      `decision ${n}: merged ${papers
        .slice(1)
        .map((p) => p.id)
        .join(', ')} into ${papers[0]!.id}`,
    );
    return 0;
  });
}

/** `papers distinct ID ID`: these two papers are never merged with each other. */
export async function distinctCommand(a: string, b: string, flags: DecideFlags): Promise<number> {
  return withWriteDb(flags, (db, decider) => {
    const pa = paperOf(db, a);
    const pb = paperOf(db, b);
    if (pa.rid === pb.rid) throw new UsageError(`${a} and ${b} are one paper now: use papers split to take sightings out`);
    const n = record(decider, 'distinct', [pa.id, pb.id], [decider.addressesOf(pa), decider.addressesOf(pb)], flags.note);
    log.info(`decision ${n}: ${pa.id} and ${pb.id} are distinct`);
    return 0;
  });
}

/**
 * `FILE:POSITION` (a path the file was seen at, a copy of it, or the start of its sha256) -> the
 * stored file's id and the position.
 */
function sightingSpec(ingester: Ingester, decisions: DecisionStore, spec: string): { fileId: number; position: number } {
  const at = spec.lastIndexOf(':');
  const position = Number(spec.slice(at + 1));
  if (at <= 0 || !Number.isInteger(position) || position < 1)
    throw new UsageError(`invalid sighting '${spec}': expected FILE:POSITION (e.g. digests/2024-05-27.txt:3)`);
  const file = spec.slice(0, at);
  const ids = fs.existsSync(file) ? ingester.filesAt(file) : /^[0-9a-f]{8,64}$/i.test(file) ? decisions.filesBySha(file) : [];
  if (ids.length !== 1) throw new UsageError(`'${file}' is ${ids.length === 0 ? 'not an ingested file' : 'ambiguous'}`);
  return { fileId: ids[0]!, position };
}

/** `papers split ID FILE:POSITION...`: these sightings are a paper of their own, never merged back. */
export async function splitCommand(id: string, specs: string[], flags: DecideFlags): Promise<number> {
  return withWriteDb(flags, (db, decider) => {
    const paper = paperOf(db, id);
    const ingester = new Ingester(db);
    const own = new Set(decider.addressesOf(paper).map(addressKey));
    const group: SightingAddress[] = [];
    for (const spec of specs) {
      const { fileId, position } = sightingSpec(ingester, decider.decisions, spec);
      const s = decider.decisions.atFilePosition(fileId, position);
      if (!s || !own.has(addressKey(s)))
        throw new UsageError(`${spec} is not a sighting of ${paper.id} (see papers show ${paper.id})`);
      const { sid: _sid, ...address } = s;
      group.push(address);
    }
    if (new Set(group.map(addressKey)).size === own.size)
      throw new UsageError('a split must leave the paper at least one sighting');
    const n = record(decider, 'split', [paper.id], [group], flags.note);
    log.info(`decision ${n}: ${group.length} sighting(s) split from ${paper.id}`);
    return 0;
  });
}

/** `papers decisions`: every decision, oldest first. */
export async function decisionsCommand(flags: DecisionsFlags): Promise<number> {
  const ctx = outputContext(flags, decisionView.fields);
  await withReadDb(flags.db, (db) => emitRows(new DecisionStore(db).list(), decisionView, ctx, 'no decisions'));
  return 0;
}

/** A subcommand's flags with its parent's (`papers decisions --db X export` and `... export --db X`). */
function withParent<F extends object>(flags: F, cmd?: { parent?: { opts(): object } | null }): F {
  return { ...(cmd?.parent?.opts() ?? {}), ...flags };
}

/** `papers decisions undo ID`. */
export async function undoCommand(
  id: string,
  ownFlags: DecideFlags,
  cmd?: { parent?: { opts(): object } | null },
): Promise<number> {
  const flags = withParent(ownFlags, cmd);
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`invalid decision id '${id}' (see papers decisions)`);
  return withWriteDb(flags, (_db, decider) => {
    const d = decider.undo(n);
    if (!d) {
      log.error(`no decision ${n} (see papers decisions)`);
      return 1;
    }
    log.info(`decision ${n} (${d.kind} ${d.ids.join(' ')}) undone`);
    return 0;
  });
}

/** `papers decisions export`: every decision as JSON, for `papers ingest --decisions FILE`. */
export async function exportDecisionsCommand(
  ownFlags: { db?: string },
  cmd?: { parent?: { opts(): object } | null },
): Promise<number> {
  const flags = withParent(ownFlags, cmd);
  const list = await withReadDb(flags.db, (db) => new DecisionStore(db).list());
  // The same keys as `papers decisions --json`, less the local id (a rebuilt database numbers its own).
  const decisions = list.map((d) => ({ kind: d.kind, ids: d.ids, sightings: d.groups, note: d.note, created_at: d.created_at }));
  await emitJson({ version: 1, decisions });
  return 0;
}
