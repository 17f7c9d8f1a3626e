// npm run bench [-- OPTIONS]
//   --sizes 10000,100000,1000000   corpus sizes in papers (text copies in the seeds' spaced layout)
//   --out DIR                       where corpora, databases and results.json go (default: $TMPDIR/papers-bench);
//                                   a corpus is built once and kept there
//   --no-baseline                   skip sqlite-utils (insert, and insert + enable-fts)
//   --no-day                        skip the day's-digest ingest into the databases the run built
//   --mixed-size N                  papers in the mixed-form corpus (default 100000, run only when
//                                   100000 is among --sizes; with this option it runs whatever the sizes)
//   --no-mixed                      skip the mixed-form corpus
//   --no-adversarial                skip the adversarial inputs at the end
//   --timeout-s 60                  time limit of each adversarial input
//   --cpu-prof DIR                  also write V8 CPU profiles (main thread and each worker) of every
//                                   ingest under DIR/<corpus>, DIR/day-into-<papers>|empty: where a target
//                                   not met spends its time (profiling slows the run: figures are
//                                   then not comparable with unprofiled runs)
// npm run bench -- --adversarial [--timeout-s 60]   (only the adversarial inputs: bench/adversarial.js)
//
// For each size: build a synthetic corpus (bench/corpus.js), ingest it into a fresh database with
// the real CLI in a child process, and print wall seconds, papers/s, MB/s, peak RSS, dedup
// candidates per paper, database size, and the latency of two queries (Node start included).
// When sqlite-utils is installed, also times `sqlite-utils insert` of the same title/abstract rows,
// then insert + `enable-fts --fts5 --tokenize porter` (the fair rival: a searchable table), and
// prints both ratios (bench/rival.js). Then:
// - the mixed-form corpus (bench/forms.js: RSS, Atom, JSON Feed, scraper JSON, CSV, Markdown
//   newsletters, HTML cards and text copies), with a check that each file was read by its reader;
// - a day's digests (the five seed files) into an empty database and into a copy of each size's
//   database, median of 3 (bench/dayDigest.js);
// - every target of issue 18, met or NOT MET (bench/targets.js), and results.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAdversarial } from './adversarial.js';
import { benchCorpus } from './corpusRun.js';
import { dayDigest } from './dayDigest.js';
import { FORMS } from './forms.js';
import { sqliteUtilsVersion } from './rival.js';
import { checkTargets, printTargets } from './targets.js';
import { nodeStart } from './timing.js';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);
const sizes = arg('sizes', '10000,100000,1000000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const outDir = arg('out', path.join(os.tmpdir(), 'papers-bench'));
const adversarialTimeout = { timeoutS: Number(arg('timeout-s', '60')) };
const profileRoot = arg('cpu-prof', null);
const profileDir = (name) => (profileRoot ? path.resolve(profileRoot, name) : null);
const mixedSize = flag('no-mixed')
  ? null
  : arg('mixed-size')
    ? Number(arg('mixed-size'))
    : sizes.includes(100_000)
      ? 100_000
      : null;
if (sizes.some((s) => !(s > 0)) || (mixedSize !== null && !(mixedSize > 0))) {
  console.error('bench: --sizes and --mixed-size take positive numbers of papers');
  process.exit(2);
}

if (flag('adversarial')) {
  await runAdversarial(adversarialTimeout);
  process.exit(0);
}

// sqlite-utils: used whenever it is installed, unless --no-baseline; said loudly when absent.
const suVersion = flag('no-baseline') ? null : sqliteUtilsVersion();
const rivalMissing = flag('no-baseline') ? 'skipped: --no-baseline' : suVersion ? null : 'sqlite-utils is not installed';
console.log(`papers bench: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
console.log(`corpora and databases under ${outDir}`);
console.log(
  suVersion
    ? `rival: ${suVersion}`
    : flag('no-baseline')
      ? 'rival: sqlite-utils skipped (--no-baseline)'
      : 'rival: sqlite-utils is NOT INSTALLED, so no baseline and no ratio (pipx install sqlite-utils, or apt install sqlite-utils)',
);
const bare = nodeStart();
console.log(`bare node start: ${(bare * 1000).toFixed(0)} ms\n`);

const results = [];
for (const size of sizes) {
  const dir = path.join(outDir, `corpus-${size}`);
  results.push(
    benchCorpus({
      dir,
      papers: size,
      forms: ['text'],
      rival: suVersion !== null,
      bare,
      profileDir: profileDir(`corpus-${size}`),
    }),
  );
}
for (let i = 1; i < results.length; i++) {
  const [a, b] = [results[i - 1], results[i]];
  console.log(
    `growth ${a.papers} -> ${b.papers}: ${(b.papers / a.papers).toFixed(0)}x data, ${(b.wall_s / a.wall_s).toFixed(2)}x time`,
  );
}

let mixed = null;
if (mixedSize) {
  console.log('');
  const dir = path.join(outDir, `mixed-${mixedSize}`);
  mixed = benchCorpus({
    dir,
    papers: mixedSize,
    forms: Object.keys(FORMS),
    rival: suVersion !== null,
    bare,
    profileDir: profileDir(`mixed-${mixedSize}`),
  });
  const text = results.find((r) => r.papers === mixedSize);
  if (text) mixed.ratio_vs_text_corpus = mixed.wall_s / text.wall_s;
  if (text) console.log(`  against the text-only corpus of the same size: ${(mixed.wall_s / text.wall_s).toFixed(2)}x its time`);
}

let day = null;
if (!flag('no-day') && results.length > 0) {
  const bases = results.map((r) => ({ papers: r.papers, db: path.join(outDir, `corpus-${r.papers}`, 'papers.db') }));
  day = dayDigest(bases, path.join(outDir, 'day'), { profileDir: profileRoot ? path.resolve(profileRoot) : null });
  const n = (x) => x.toLocaleString('en-US');
  console.log(
    `\na day's digests (the ${fs.readdirSync(path.join(import.meta.dirname, '..', 'fixtures', 'seeds')).length} seed files, ${day.empty.records} records), median of 3, each into a fresh copy (copy not timed):`,
  );
  const line = (label, t, extra) =>
    console.log(
      `  ${label.padEnd(34)}${t.wall_s.toFixed(2).padStart(6)} s   CPU ${t.cpu_s.toFixed(2)} s   ${n(t.new_papers)} new papers${t.errors ? `   ${t.errors} FILE ERRORS` : ''}${extra}`,
    );
  line('into an empty database', day.empty, '');
  for (const t of day.into) {
    line(`into the ${n(t.papers)}-paper database`, t, `   ${t.ratio_vs_empty.toFixed(2)}x empty`);
    Object.assign(
      results.find((r) => r.papers === t.papers),
      {
        day_digest_s: t.wall_s,
        day_digest_cpu_s: t.cpu_s,
        day_digest_empty_s: day.empty.wall_s,
        day_digest_ratio_vs_empty: t.ratio_vs_empty,
        day_digest_new_papers: t.new_papers,
      },
    );
  }
}

printTargets(checkTargets({ results, mixed, day, rival: rivalMissing }));
if (profileRoot) console.log(`\nCPU profiles (one .cpuprofile per thread) under ${path.resolve(profileRoot)}`);
fs.mkdirSync(outDir, { recursive: true });
// The text corpus' sizes first, as always; the mixed-form corpus after them, marked corpus: "mixed".
fs.writeFileSync(path.join(outDir, 'results.json'), JSON.stringify(mixed ? [...results, mixed] : results, null, 2));
console.log(`\nfigures written to ${path.join(outDir, 'results.json')}`);
if (!flag('no-adversarial')) await runAdversarial(adversarialTimeout);
