// npm run bench [-- --sizes 10000,100000,1000000 --out DIR --no-baseline --no-adversarial]
// npm run bench -- --adversarial [--timeout-s 60]   (only the adversarial inputs: bench/adversarial.js)
//
// For each size: build a synthetic corpus (bench/corpus.js), ingest it into a fresh database with
// the real CLI in a child process, and print wall seconds, papers/s, MB/s, peak RSS, dedup
// candidates per paper, database size, and the latency of two queries (Node start included).
// When sqlite-utils is installed, also times `sqlite-utils insert DB papers rows.ndjson --nl` on
// the same title/abstract rows and prints the ratio.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAdversarial } from './adversarial.js';
import { writeCorpus } from './corpus.js';

const ROOT = path.join(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin', 'papers.js');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const sizes = arg('sizes', '10000,100000,1000000').split(',').map(Number);
const outDir = arg('out', path.join(os.tmpdir(), 'papers-bench'));
const baseline = !process.argv.includes('--no-baseline') && spawnSync('sqlite-utils', ['--version']).status === 0;

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Runs the CLI in a child that reports its own peak RSS (bench/measure.js). */
function measured(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'measure.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const wall = seconds(start);
  if (r.status !== 0 && r.status !== 1) throw new Error(`papers ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const figure = (name) => Number(new RegExp(`${name}=([0-9.]+)`).exec(r.stderr)?.[1] ?? NaN);
  return {
    wall,
    rss: figure('peak_rss_bytes'),
    cpu: figure('cpu_seconds'),
    written: figure('disk_write_bytes'),
    stdout: r.stdout,
  };
}

/** Median wall time of a query over several runs, Node start included. */
function queryLatency(db, args, runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, 'query', ...args, '--db', db, '--json', '--limit', '20'], { encoding: 'utf8' });
    times.push(seconds(start));
    if (r.status !== 0) throw new Error(r.stderr);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function nodeStart(runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(seconds(start));
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const adversarialTimeout = { timeoutS: Number(arg('timeout-s', '60')) };
if (process.argv.includes('--adversarial')) {
  await runAdversarial(adversarialTimeout);
  process.exit(0);
}

const results = [];
console.log(`papers bench: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`corpora and databases under ${outDir}${baseline ? '' : ' (sqlite-utils not installed: no baseline)'}`);
const bare = nodeStart();
console.log(`bare node start: ${(bare * 1000).toFixed(0)} ms\n`);

for (const size of sizes) {
  const dir = path.join(outDir, `corpus-${size}`);
  const stamp = path.join(dir, 'corpus.json');
  let corpus;
  if (fs.existsSync(stamp)) {
    corpus = JSON.parse(fs.readFileSync(stamp, 'utf8'));
  } else {
    const g = process.hrtime.bigint();
    corpus = writeCorpus(dir, size);
    fs.writeFileSync(stamp, JSON.stringify(corpus));
    console.log(`built corpus of ${size} papers in ${seconds(g).toFixed(1)} s`);
  }
  const db = path.join(dir, 'papers.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  const ingest = measured(['ingest', path.join(dir, 'digests'), '--db', db, '--json']);
  const summary = JSON.parse(ingest.stdout);
  const dbBytes = fs.statSync(db).size;
  const lora = queryLatency(db, ['--method', 'lora']);
  const fts = queryLatency(db, ['low-rank adaptation']);
  let su = null;
  let suFts = null;
  if (baseline) {
    const suDb = path.join(dir, 'sqlite-utils.db');
    fs.rmSync(suDb, { force: true });
    const start = process.hrtime.bigint();
    execFileSync('sqlite-utils', ['insert', suDb, 'papers', path.join(dir, 'rows.ndjson'), '--nl']);
    su = seconds(start);
    // The same rows made searchable too (FTS5 with porter, as ours): the part of our work a plain
    // insert leaves out that costs the most.
    const ftsStart = process.hrtime.bigint();
    execFileSync('sqlite-utils', ['enable-fts', suDb, 'papers', 'title', 'abstract', '--fts5', '--tokenize', 'porter']);
    suFts = su + seconds(ftsStart);
  }
  const r = {
    papers: size,
    sightings: corpus.sightings,
    files: corpus.files,
    mb: corpus.bytes / 2 ** 20,
    wall_s: ingest.wall,
    papers_per_s: size / ingest.wall,
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
    sqlite_utils_s: su,
    ratio_vs_sqlite_utils: su ? ingest.wall / su : null,
    sqlite_utils_fts_s: suFts,
    ratio_vs_sqlite_utils_fts: suFts ? ingest.wall / suFts : null,
  };
  results.push(r);
  console.log(
    [
      `${size.toLocaleString('en-US')} papers (${corpus.sightings.toLocaleString('en-US')} sightings, ${corpus.files} files, ${r.mb.toFixed(0)} MB)`,
      `  ingest          ${r.wall_s.toFixed(1)} s   ${Math.round(r.papers_per_s).toLocaleString('en-US')} papers/s   ${r.mb_per_s.toFixed(1)} MB/s   peak RSS ${r.peak_rss_mb.toFixed(0)} MB`,
      `  dedup           ${r.papers_in_db.toLocaleString('en-US')} papers in db (expected ${size.toLocaleString('en-US')})   ${r.candidates_per_paper.toFixed(2)} candidates per lookup`,
      `  database        ${r.db_mb.toFixed(0)} MB   written to disk ${r.disk_written_mb.toFixed(0)} MB (${(r.disk_written_mb / r.db_mb).toFixed(1)}x its size)   CPU ${r.cpu_s.toFixed(1)} s (${(r.cpu_s / r.wall_s).toFixed(2)} cores busy)`,
      `  query --method lora --limit 20   ${r.query_method_ms.toFixed(0)} ms   full-text query ${r.query_fts_ms.toFixed(0)} ms   (node start alone ${(bare * 1000).toFixed(0)} ms)`,
      su
        ? `  sqlite-utils insert of the same rows  ${su.toFixed(1)} s   ratio papers/sqlite-utils ${r.ratio_vs_sqlite_utils.toFixed(2)}`
        : null,
      suFts
        ? `  sqlite-utils insert + enable-fts (FTS5, porter)  ${suFts.toFixed(1)} s   ratio papers/that ${r.ratio_vs_sqlite_utils_fts.toFixed(2)}`
        : null,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
for (let i = 1; i < results.length; i++) {
  const a = results[i - 1];
  const b = results[i];
  console.log(
    `growth ${a.papers} -> ${b.papers}: ${(b.papers / a.papers).toFixed(0)}x data, ${(b.wall_s / a.wall_s).toFixed(2)}x time`,
  );
}
// The targets, as measured in this run (only for the sizes that ran).
const at = (n) => results.find((r) => r.papers === n);
const checks = [];
if (at(100_000)?.ratio_vs_sqlite_utils) {
  checks.push([
    'ingest of 100k no slower than sqlite-utils insert',
    `${at(100_000).ratio_vs_sqlite_utils.toFixed(2)}x its time`,
    at(100_000).ratio_vs_sqlite_utils <= 1,
  ]);
}
for (let i = 1; i < results.length; i++) {
  const [a, b] = [results[i - 1], results[i]];
  if (b.papers === a.papers * 10)
    checks.push([
      `growth ${a.papers} -> ${b.papers} at most 11x`,
      `${(b.wall_s / a.wall_s).toFixed(2)}x`,
      b.wall_s / a.wall_s <= 11,
    ]);
}
if (at(1_000_000)) {
  const m = at(1_000_000);
  checks.push(['peak RSS at 1M at most 1 GB', `${(m.peak_rss_mb / 1024).toFixed(2)} GiB`, m.peak_rss_mb <= 1024]);
  checks.push(['--method lora at 1M under 300 ms', `${m.query_method_ms.toFixed(0)} ms`, m.query_method_ms < 300]);
  checks.push(['full-text query at 1M under 300 ms', `${m.query_fts_ms.toFixed(0)} ms`, m.query_fts_ms < 300]);
}
if (checks.length) {
  console.log('\ntargets:');
  for (const [what, figure, met] of checks) console.log(`  ${met ? 'met    ' : 'NOT MET'}  ${what}: ${figure}`);
}
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(results, null, 2));
console.log(`\nfigures written to ${path.join(outDir, 'results.json')}`);
if (!process.argv.includes('--no-adversarial')) await runAdversarial(adversarialTimeout);
