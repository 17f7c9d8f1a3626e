// One corpus through the bench: build it (once; kept under its folder with a stamp), ingest it
// into a fresh database with the real CLI, time two queries, time sqlite-utils on the same rows,
// and print the figures. For a mixed-form corpus, also check each file was read by the reader of
// its form, from the `files_read` of `papers ingest --json`.
import fs from 'node:fs';
import path from 'node:path';
import { writeCorpus } from './corpus.js';
import { FORMS } from './forms.js';
import { timeSqliteUtils } from './rival.js';
import { measured, queryLatency, seconds } from './timing.js';

const n = (x) => x.toLocaleString('en-US');

/** The corpus in `dir`, built unless a stamp says it was, with these forms. */
function corpusIn(dir, papers, forms) {
  const stamp = path.join(dir, 'corpus.json');
  if (fs.existsSync(stamp)) {
    const c = JSON.parse(fs.readFileSync(stamp, 'utf8'));
    // Stamps written before the mixed-form corpus existed have no form list: text only.
    const same = JSON.stringify(c.form_list ?? ['text']) === JSON.stringify(forms) && c.papers === papers;
    if (same && (forms.length === 1 || c.fileForms)) return c;
  }
  const g = process.hrtime.bigint();
  const c = { ...writeCorpus(dir, papers, { forms }), form_list: forms };
  fs.writeFileSync(stamp, JSON.stringify(c));
  console.log(`built ${forms.length > 1 ? 'mixed-form ' : ''}corpus of ${n(papers)} papers in ${seconds(g).toFixed(1)} s`);
  return c;
}

/** Per form: files written, files read by the form's reader, records read, sightings written. */
function readersCheck(corpus, summary) {
  const byForm = Object.fromEntries(
    Object.entries(corpus.forms).map(([f, c]) => [
      f,
      { files: c.files, files_by_reader: 0, records: 0, sightings: c.sightings, read_as: {} },
    ]),
  );
  for (const fr of summary.files_read) {
    const form = corpus.fileForms[path.basename(fr.file)];
    if (!form) continue;
    const b = byForm[form];
    b.read_as[fr.format] = (b.read_as[fr.format] ?? 0) + 1;
    if (fr.format === FORMS[form].reader) b.files_by_reader++;
    b.records += fr.records;
  }
  return byForm;
}

/**
 * Benchmarks one corpus of `papers` papers in `forms` under `dir`. `rival`: time sqlite-utils too;
 * `profileDir`: write the ingest's CPU profiles there. Returns the figures (the keys of results.json).
 */
export function benchCorpus({ dir, papers, forms, rival, bare, profileDir }) {
  const corpus = corpusIn(dir, papers, forms);
  const db = path.join(dir, 'papers.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}.dedup`]) fs.rmSync(f, { force: true });
  const ingest = measured(['ingest', path.join(dir, 'digests'), '--db', db, '--json'], profileDir);
  const summary = JSON.parse(ingest.stdout);
  const dbBytes = fs.statSync(db).size;
  const lora = queryLatency(db, ['--method', 'lora']);
  const fts = queryLatency(db, ['low-rank adaptation']);
  const su = rival ? timeSqliteUtils(dir, corpus.sightings) : null;
  const mixed = forms.length > 1;
  const r = {
    papers,
    sightings: corpus.sightings,
    files: corpus.files,
    mb: corpus.bytes / 2 ** 20,
    wall_s: ingest.wall,
    papers_per_s: papers / ingest.wall,
    sightings_per_s: corpus.sightings / ingest.wall,
    mb_per_s: corpus.bytes / 2 ** 20 / ingest.wall,
    peak_rss_mb: ingest.rss / 2 ** 20,
    cpu_s: ingest.cpu,
    disk_written_mb: ingest.written / 2 ** 20,
    papers_in_db: summary.papers,
    candidates_per_paper: summary.dedup.candidates / Math.max(1, summary.dedup.lookups),
    db_mb: dbBytes / 2 ** 20,
    query_method_ms: lora * 1000,
    query_fts_ms: fts * 1000,
    sqlite_utils_s: su?.insert ?? null,
    ratio_vs_sqlite_utils: su ? ingest.wall / su.insert : null,
    sqlite_utils_fts_s: su?.insertFts ?? null,
    ratio_vs_sqlite_utils_fts: su ? ingest.wall / su.insertFts : null,
    corpus: mixed ? 'mixed' : 'text',
    ingest_errors: summary.errors.length,
  };
  const lines = [
    `${n(papers)} papers${mixed ? ', mixed forms' : ''} (${n(corpus.sightings)} sightings, ${corpus.files} files, ${r.mb.toFixed(0)} MB)`,
    `  ingest          ${r.wall_s.toFixed(1)} s   ${n(Math.round(r.papers_per_s))} papers/s   ${r.mb_per_s.toFixed(1)} MB/s   peak RSS ${r.peak_rss_mb.toFixed(0)} MB${r.ingest_errors ? `   ${r.ingest_errors} FILE ERRORS` : ''}`,
    `  dedup           ${n(r.papers_in_db)} papers in db (expected ${n(papers)})   ${r.candidates_per_paper.toFixed(2)} candidates per lookup`,
    `  database        ${r.db_mb.toFixed(0)} MB   written to disk ${r.disk_written_mb.toFixed(0)} MB (${(r.disk_written_mb / r.db_mb).toFixed(1)}x its size)   CPU ${r.cpu_s.toFixed(1)} s (${(r.cpu_s / r.wall_s).toFixed(2)} cores busy)`,
    `  query --method lora --limit 20   ${r.query_method_ms.toFixed(0)} ms   full-text query ${r.query_fts_ms.toFixed(0)} ms   (node start alone ${(bare * 1000).toFixed(0)} ms)`,
  ];
  if (su) {
    lines.push(
      `  sqlite-utils insert of the same ${n(su.rows)} rows   ${su.insert.toFixed(1)} s   ratio papers/that ${r.ratio_vs_sqlite_utils.toFixed(2)}`,
      `  sqlite-utils insert + enable-fts (FTS5, porter)   ${su.insertFts.toFixed(1)} s   ratio papers/that ${r.ratio_vs_sqlite_utils_fts.toFixed(2)}`,
    );
  }
  if (mixed) {
    const byForm = readersCheck(corpus, summary);
    r.forms = byForm;
    r.files_misread = Object.values(byForm).reduce((s, b) => s + b.files - b.files_by_reader, 0);
    lines.push('  forms           files  read by its reader       records read / sightings written');
    for (const [form, b] of Object.entries(byForm)) {
      const others = Object.entries(b.read_as).filter(([f]) => f !== FORMS[form].reader);
      lines.push(
        `    ${form.padEnd(14)}${String(b.files).padStart(5)}  ${`${FORMS[form].reader} ${b.files_by_reader}/${b.files}`.padEnd(25)}${n(b.records).padStart(7)} / ${n(b.sightings)}${others.length ? `   ALSO READ AS ${others.map(([f, k]) => `${f} (${k})`).join(', ')}` : ''}`,
      );
    }
    lines.push('    (a reader keeps one record per paper in a file: a paper seen twice in one file is read once)');
  }
  console.log(lines.join('\n'));
  return r;
}
