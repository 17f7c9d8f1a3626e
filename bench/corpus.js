// Synthetic corpora in the seeds' spaced layout, built from the seeds' real titles and sentences.
// Unique papers get titles recombined from real title words (plus a serial word, so two papers
// never collide by chance) and abstracts of real sentences; about 20% of sightings are
// near-duplicates of an earlier paper with the variants real digests show (case, quotes,
// dashes, clipped titles, truncated abstracts, spelling variants, LaTeX). By default every file is
// a text copy; the mixed-form corpus spreads the same kind of sightings over every form in
// bench/forms.js.
import fs from 'node:fs';
import path from 'node:path';
import { FORMS, syntheticArxivId } from './forms.js';

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
 * Writes `papers` unique papers (plus ~20% duplicate sightings) into digest files under
 * `dir`/digests. `forms` names the forms to write (keys of FORMS in bench/forms.js): the default is
 * the site's text copy alone, 1000 records a file; with several, each sighting goes to a form
 * picked at random (so a paper and its duplicate often arrive in different forms) and each form
 * fills files of its own size. Also writes rows.ndjson with every sighting's title and abstract
 * (the same rows, duplicates included), for the sqlite-utils baseline. Returns counts and sizes.
 */
export function writeCorpus(dir, papers, { perFile, dupRate = 0.2, seed = 42, forms = ['text'] } = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'digests'), { recursive: true });
  const { words, sentences } = seedMaterial();
  const rand = rng(seed);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const made = [];
  const rows = fs.openSync(path.join(dir, 'rows.ndjson'), 'w');
  let fileNo = 0;
  /** Each file's form, by file name: the bench checks the intended reader read it. */
  const fileForms = {};
  let sightings = 0;
  let bytes = 0;
  /** Per form: the sightings waiting for its next file, and what was written. */
  const out = Object.fromEntries(forms.map((f) => [f, { buf: [], files: 0, sightings: 0, bytes: 0 }]));
  const flush = (form) => {
    const o = out[form];
    if (o.buf.length === 0) return;
    const { name, text } = FORMS[form].write(o.buf, fileNo);
    fs.writeFileSync(path.join(dir, 'digests', name), text);
    fileForms[name] = form;
    fs.writeSync(rows, o.buf.map(({ title, abstract }) => JSON.stringify({ title, abstract })).join('\n') + '\n');
    const b = Buffer.byteLength(text);
    bytes += b;
    o.bytes += b;
    o.files++;
    o.sightings += o.buf.length;
    fileNo++;
    o.buf = [];
  };
  const add = (title, abstract, id) => {
    // One form only: no draw, so the text-only corpus stays the one every earlier run built.
    const form = forms.length === 1 ? forms[0] : pick(forms);
    out[form].buf.push({ title, abstract, id });
    sightings++;
    return form;
  };
  const full = (form) => out[form].buf.length >= (perFile ?? FORMS[form].perFile);
  for (let i = 0; i < papers; i++) {
    const n = 5 + Math.floor(rand() * 6);
    const tw = [];
    for (let k = 0; k < n; k++) tw.push(pick(words));
    const title = `${serialWord(i)}: ${tw.join(' ')}`;
    const as = [];
    for (let k = 3 + Math.floor(rand() * 5); k > 0; k--) as.push(pick(sentences));
    const abstract = as.join(' ');
    made.push(i < 200_000 ? [title, abstract] : null); // duplicates come from a bounded pool
    const first = add(title, abstract, syntheticArxivId(i));
    let second = first;
    if (rand() < dupRate && i > 10) {
      const j = Math.floor(rand() * Math.min(i, 200_000));
      const [t, a] = made[j];
      const [vt, va] = pick(VARIANTS)(t, a);
      second = add(vt, va, syntheticArxivId(j));
    }
    // A paper and its duplicate stay in one text file (files end after a pair, as they always did).
    if (full(first)) flush(first);
    if (second !== first && full(second)) flush(second);
  }
  for (const f of forms) flush(f);
  fs.closeSync(rows);
  const byForm = Object.fromEntries(
    forms.map((f) => [f, { files: out[f].files, sightings: out[f].sightings, bytes: out[f].bytes }]),
  );
  return { papers, sightings, files: fileNo, bytes, forms: byForm, fileForms };
}
