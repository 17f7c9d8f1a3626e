// Synthetic corpora in the seeds' spaced layout, built from the seeds' real titles and sentences.
// Unique papers get titles recombined from real title words (plus a serial word, so two papers
// never collide by chance) and abstracts of real sentences; about 20% of sightings are
// near-duplicates of an earlier paper with the variants real digests show (case, quotes,
// dashes, clipped titles, truncated abstracts, spelling variants, LaTeX).
import fs from 'node:fs';
import path from 'node:path';

const SEEDS = path.join(import.meta.dirname, '..', 'fixtures', 'seeds');

/** A small deterministic PRNG (mulberry32), so every run builds the same corpus. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedMaterial() {
  const titles = [];
  const sentences = [];
  for (const f of fs.readdirSync(SEEDS).sort()) {
    const lines = fs
      .readFileSync(path.join(SEEDS, f), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    for (const l of lines) {
      if (l.length > 300) sentences.push(...l.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.length > 30));
      else if (l.length > 20 && !/trending|subscribe|research community/i.test(l)) titles.push(l.replace(/^Subscribe/, ''));
    }
  }
  const words = [...new Set(titles.flatMap((t) => t.split(/\s+/)).filter((w) => w.length > 2))];
  return { words, sentences };
}

// Serial words: pronounceable, distinct, no digits (digits would be vetoed by dedup anyway).
const SYL = ['ka', 'lo', 'mi', 'ra', 'te', 'su', 'no', 've', 'zi', 'do', 'pa', 'ne', 'ri', 'go', 'fu', 'hi'];
function serialWord(n) {
  let w = '';
  do {
    w += SYL[n % 16];
    n = Math.floor(n / 16);
  } while (n > 0);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

const VARIANTS = [
  (t, a) => [t.toLowerCase().replace(/^./, (c) => c.toUpperCase()), a],
  (t, a) => [t.replace(/Fine-Tuning/gi, 'Finetuning').replace(/-/g, '\u2013'), a],
  (t, a) => [t.replace(/ /g, '\u00a0'), a.replace(/"/g, '\u201c')],
  (t, a) => [t.slice(0, Math.max(20, Math.floor(t.length * 0.7))) + '…', a],
  (t, a) => [t, a.slice(0, Math.floor(a.length * 0.6)) + '…'],
  (t, a) => [t, a.replace(/(\d+)x\b/g, '$1\\times')],
  (t, a) => [t.replace(/ and /g, ' & '), a + ' Accepted at NeurIPS.'],
  (t, a) => [t, 'Submitted by a reader: a great paper, check the code.'],
];

/**
 * Writes `papers` unique papers (plus ~20% duplicate sightings) into files of `perFile` records
 * under `dir`. Also writes rows.ndjson with every sighting's title and abstract, for the plain
 * SQLite insert baseline. Returns counts and sizes.
 */
export function writeCorpus(dir, papers, { perFile = 1000, dupRate = 0.2, seed = 42 } = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'digests'), { recursive: true });
  const { words, sentences } = seedMaterial();
  const rand = rng(seed);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const made = [];
  const rows = fs.openSync(path.join(dir, 'rows.ndjson'), 'w');
  let fileNo = 0;
  let buf = [];
  let sightings = 0;
  let bytes = 0;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const flush = () => {
    if (buf.length === 0) return;
    const header = `new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\n${MONTHS[fileNo % 12]} ${1 + (fileNo % 28)}\n\n`;
    const text = header + buf.map(([t, a]) => `${t}\n\n${a}\n`).join('\n');
    fs.writeFileSync(path.join(dir, 'digests', `digest-${String(fileNo).padStart(6, '0')}.txt`), text);
    fs.writeSync(rows, buf.map(([title, abstract]) => JSON.stringify({ title, abstract })).join('\n') + '\n');
    bytes += Buffer.byteLength(text);
    fileNo++;
    buf = [];
  };
  for (let i = 0; i < papers; i++) {
    const n = 5 + Math.floor(rand() * 6);
    const tw = [];
    for (let k = 0; k < n; k++) tw.push(pick(words));
    const title = `${serialWord(i)}: ${tw.join(' ')}`;
    const as = [];
    for (let k = 3 + Math.floor(rand() * 5); k > 0; k--) as.push(pick(sentences));
    const abstract = as.join(' ');
    made.push(i < 200_000 ? [title, abstract] : null); // duplicates come from a bounded pool
    buf.push([title, abstract]);
    sightings++;
    if (rand() < dupRate && i > 10) {
      const j = Math.floor(rand() * Math.min(i, 200_000));
      const [t, a] = made[j];
      buf.push(pick(VARIANTS)(t, a));
      sightings++;
    }
    if (buf.length >= perFile) flush();
  }
  flush();
  fs.closeSync(rows);
  return { papers, sightings, files: fileNo, bytes };
}
