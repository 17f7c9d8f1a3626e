/**
 * The database schema as ordered migrations. `PRAGMA user_version` records how many have run;
 * opening a database applies the missing ones inside one transaction, and refuses a database
 * written by a newer `papers` (its user_version is past the last migration we know).
 *
 * One file per migration under ./migrations/, in order (its comment says why it exists). Append
 * new migrations; never edit one that has shipped.
 */
import m1 from './migrations/01-papers.js';
import m2 from './migrations/02-extractions.js';
import m3 from './migrations/03-rid-keys.js';
import m4 from './migrations/04-outside-view.js';
import m5 from './migrations/05-body-kind.js';
import m6 from './migrations/06-outputs.js';
import m7 from './migrations/07-records.js';
import m8 from './migrations/08-digest-date.js';
import m9 from './migrations/09-dedup-snapshot.js';
import m10 from './migrations/10-write-less.js';

export const MIGRATIONS: readonly string[] = [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Indexes that serve queries (claim filters) and none of the ingest's own lookups. An ingest much
 * larger than the database drops them and builds them once at its end: inserting 1.1M claims into
 * them cost 8 s of 11 (random inserts into ever larger indexes), while CREATE INDEX sorts once.
 * Whatever stops an ingest, the next one's end builds any that are missing.
 */
export const QUERY_INDEXES: readonly { name: string; sql: string }[] = [
  { name: 'claims_metric', sql: 'CREATE INDEX IF NOT EXISTS claims_metric ON claims(metric COLLATE NOCASE, value)' },
  { name: 'claims_unit', sql: 'CREATE INDEX IF NOT EXISTS claims_unit ON claims(unit COLLATE NOCASE, value)' },
  { name: 'claims_kind', sql: 'CREATE INDEX IF NOT EXISTS claims_kind ON claims(kind, value)' },
];
