// The targets of issue 18 (and the first round's, kept), checked against what this run measured.
// A target is listed only when the sizes it needs ran; one whose figure this run could not
// measure (sqlite-utils absent, a part skipped) says so instead of vanishing.

const M1 = 1_000_000;
const K100 = 100_000;

/**
 * `results`: the text corpus' figures per size (ascending); `mixed`: the mixed-form corpus'
 * figures or null; `day`: dayDigest()'s result or null; `rival`: why sqlite-utils figures are
 * missing (null when measured). Returns [what, figure, met] rows, met = true | false | null
 * (not measured).
 */
export function checkTargets({ results, mixed, day, rival }) {
  const at = (n) => results.find((r) => r.papers === n);
  const rows = [];
  const ratioTarget = (r, label) => {
    if (!r) return;
    const what = `ingest of ${label} at most the time of sqlite-utils insert + enable-fts`;
    if (r.ratio_vs_sqlite_utils_fts == null) rows.push([what, `not measured (${rival})`, null]);
    else rows.push([what, `${r.ratio_vs_sqlite_utils_fts.toFixed(2)}x its time`, r.ratio_vs_sqlite_utils_fts <= 1]);
  };
  ratioTarget(at(K100), '100k');
  ratioTarget(at(M1), '1M');
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1], results[i]];
    if (b.papers === a.papers * 10) {
      const g = b.wall_s / a.wall_s;
      rows.push([`growth ${short(a.papers)} -> ${short(b.papers)} (10x data) at most 11x time`, `${g.toFixed(2)}x`, g <= 11]);
    }
  }
  const m = at(M1);
  if (m) {
    rows.push(['peak RSS at 1M at most 1 GB', `${(m.peak_rss_mb / 1024).toFixed(2)} GiB`, m.peak_rss_mb <= 1024]);
    rows.push([
      'query --method lora at 1M under 300 ms (Node start included)',
      `${m.query_method_ms.toFixed(0)} ms`,
      m.query_method_ms < 300,
    ]);
    rows.push([
      'full-text query at 1M under 300 ms (Node start included)',
      `${m.query_fts_ms.toFixed(0)} ms`,
      m.query_fts_ms < 300,
    ]);
  }
  const into = (n) => day?.into.find((t) => t.papers === n);
  if (day && into(M1)) {
    const t = into(M1);
    rows.push(["a day's digests (5 seed files) into the 1M database under 2 s", `${t.wall_s.toFixed(2)} s`, t.wall_s < 2]);
  }
  if (day && into(K100)) {
    const t = into(K100);
    rows.push([
      "a day's digests into the 100k database within 1.5x of an empty one",
      `${t.ratio_vs_empty.toFixed(2)}x (${t.wall_s.toFixed(2)} s against ${day.empty.wall_s.toFixed(2)} s)`,
      t.ratio_vs_empty <= 1.5,
    ]);
  }
  if (mixed) {
    const label = `the mixed-form corpus (${short(mixed.papers)})`;
    ratioTarget(mixed, label);
    rows.push([
      `${label}: every file read by its form's reader`,
      `${mixed.files_misread} of ${mixed.files} files not`,
      mixed.files_misread === 0,
    ]);
    rows.push([
      `${label}: dedup finds every paper`,
      `${mixed.papers_in_db.toLocaleString('en-US')} of ${mixed.papers.toLocaleString('en-US')}`,
      mixed.papers_in_db === mixed.papers,
    ]);
  }
  return rows;
}

function short(n) {
  return n >= M1 && n % M1 === 0 ? `${n / M1}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

export function printTargets(rows) {
  if (rows.length === 0) return;
  console.log('\ntargets:');
  const mark = (met) => (met === null ? 'NOT MEASURED' : met ? 'met' : 'NOT MET').padEnd(12);
  for (const [what, figure, met] of rows) console.log(`  ${mark(met)}  ${what}: ${figure}`);
}
