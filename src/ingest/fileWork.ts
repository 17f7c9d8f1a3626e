/**
 * What the ingest keeps while it stores one file (FileWork), and the small rules of identity it
 * applies: a paper id and its clash suffixes, a file's resolved path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CanonicalPaper, DigestRecord } from '../types.js';
import type { StoredPaper } from '../db/store.js';

/** What one file's transaction has placed so far, before it is written. */
export class FileWork {
  /** Papers this file creates, with their canonical copy as merged so far. */
  readonly created = new Map<string, CanonicalPaper>();
  /** The record that created each new paper. */
  readonly createdBy = new Map<string, number>();
  /** Existing papers whose canonical copy this file improves. */
  readonly updated = new Map<string, CanonicalPaper>();
  /** Existing papers whose stored title or abstract this file changes. */
  readonly retexted = new Set<string>();
  /** Papers whose extractions must be redone (text changed, or more site fields). */
  readonly reextract = new Set<string>();
  /** Every paper this file sights. */
  readonly touched = new Set<string>();
  readonly siteRepos = new Map<string, string[]>();
  readonly siteLinks = new Map<string, string[]>();

  /** The rid of each paper this file writes rows for, once known (read, or inserted). */
  readonly rids = new Map<string, number>();
  /** Papers whose id should follow their new canonical copy: the id it points to (arXiv id or title hash). */
  readonly retarget = new Map<string, string>();
  /** Ids renamed by renameRetargeted: old -> new. */
  readonly renamed = new Map<string, string>();

  /** A paper's id after this file's renames. */
  idNow(id: string): string {
    return this.renamed.get(id) ?? id;
  }

  /** Moves everything noted under `from` to `to`. */
  rename(from: string, to: string): void {
    for (const m of [this.created, this.createdBy, this.updated, this.siteRepos, this.siteLinks, this.rids] as Map<
      string,
      unknown
    >[]) {
      if (!m.has(from)) continue;
      m.set(to, m.get(from));
      m.delete(from);
    }
    for (const set of [this.retexted, this.reextract, this.touched]) if (set.delete(from)) set.add(to);
    const created = this.created.get(to);
    if (created) this.created.set(to, { ...created, id: to });
    const updated = this.updated.get(to);
    if (updated) this.updated.set(to, { ...updated, id: to });
    this.renamed.set(from, to);
  }

  current(id: string): CanonicalPaper | undefined {
    return this.created.get(id) ?? this.updated.get(id);
  }

  /** Notes the rid of a paper read from the database, and passes it on. */
  stored(p: StoredPaper | undefined): StoredPaper | undefined {
    if (p) this.rids.set(p.id, p.rid);
    return p;
  }

  touch(id: string): void {
    this.touched.add(id);
  }

  addSite(id: string, rec: DigestRecord): void {
    if (rec.siteRepos.length) this.siteRepos.set(id, [...(this.siteRepos.get(id) ?? []), ...rec.siteRepos]);
    if (rec.siteLinks.length) this.siteLinks.set(id, [...(this.siteLinks.get(id) ?? []), ...rec.siteLinks]);
  }
}

/** Whether `id` is `base` or `base` with a clash suffix (`base-2`). */
export function isIdOf(id: string, base: string): boolean {
  return id === base || (id.startsWith(`${base}-`) && /^\d+$/.test(id.slice(base.length + 1)));
}

/** The path a file is known by: absolute, symlinks followed (as given when it cannot be resolved). */
export function resolvedPath(file: string): string {
  try {
    return fs.realpathSync(path.resolve(file));
  } catch {
    return path.resolve(file);
  }
}

/** A file whose parts are being stored: what its first part set up, and what its parts touched. */
export interface OpenFile {
  fileId: number;
  /** The papers the file's previous version was sighted in. */
  affected: string[];
  touched: Set<string>;
  created: number;
}
