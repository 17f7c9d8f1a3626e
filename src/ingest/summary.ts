/** What an ingest reports: after each file (for the progress bar) and at its end (`--json`). */
import type { ProgressState } from '../output/progress.js';

/** What the progress bar shows, after each file. */
export interface Progress extends ProgressState {
  file: string;
}

/** The summary `papers ingest --json` prints; keys are part of the CLI contract. */
export interface IngestSummary {
  files: number;
  skipped: number;
  records: number;
  papers: number;
  new: number;
  duplicates: number;
  errors: { file: string; message: string }[];
  warnings: { file: string; message: string }[];
  interrupted: boolean;
  dedup: { lookups: number; candidates: number };
  /** Every file read and stored, with its form and record count. */
  files_read: { file: string; format: string; records: number }[];
  /** Files not read because they are not digests (by their name), with the reason. */
  skipped_files: { file: string; reason: string }[];
  /** With --prune: what forgetting the files that no longer exist removed. */
  pruned?: { files: number; sightings: number; papers: number };
  /** With --decisions, or when a stored decision changed something: decisions imported, and applied. */
  decisions?: { imported: number; applied: number };
}

export function emptySummary(): IngestSummary {
  return {
    files: 0,
    skipped: 0,
    records: 0,
    papers: 0,
    new: 0,
    duplicates: 0,
    errors: [],
    warnings: [],
    interrupted: false,
    dedup: { lookups: 0, candidates: 0 },
    files_read: [],
    skipped_files: [],
  };
}
