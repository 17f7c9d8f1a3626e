/**
 * Test oracle: `prepareSighting` as it was before issue 18's worker-CPU round (words and hashes
 * built as arrays of strings and numbers, the sketch through `normalizeWordsUpTo`, every piece
 * its own string). test/dedup/prepared-fast.test.ts checks that the faster code packs exactly the
 * same `data` and `key`. Only the cleanup under the words (test/normalize/clean-reference.ts) and
 * the small shared rules the change left as they were (spelling, clip marks, stopwords, hashes,
 * comment cues) are imported.
 */
import { clipMarkStart, isClippedTitle, isWordCode, skipJoiner, spellingVariant, STOPWORDS } from '../../src/normalize.js';
import { rangeHash, PREPARED_KIND, PREFIX_CHARS, type PreparedSighting, type SightingFields } from '../../src/dedup/prepared.js';
import { fmix, isCommentLike, wordHash } from '../../src/dedup/sketch.js';
import { MIN_CLIP_CHARS } from '../../src/dedup/verify.js';
import { NEEDS_SLOW } from '../../src/normalize/clean.js';
import { referenceNormalizeWords } from '../normalize/clean-reference.js';

function normalizeWordsUpTo(s: string, maxWords: number): string[] {
  if (NEEDS_SLOW.test(s)) {
    const w = referenceNormalizeWords(s);
    if (w.length > maxWords) w.length = maxWords;
    return w;
  }
  const out: string[] = [];
  const n = s.length;
  let cur = '';
  let i = 0;
  while (i < n && out.length < maxWords) {
    const c = s.charCodeAt(i);
    if (isWordCode(c)) {
      let j = i + 1;
      while (j < n && isWordCode(s.charCodeAt(j))) j++;
      cur += s.slice(i, j).toLowerCase();
      i = j;
      continue;
    }
    if (cur !== '' && i + 1 < n) {
      const next = skipJoiner(s, i);
      if (next > 0) {
        i = next;
        continue;
      }
    }
    if (cur !== '') {
      out.push(cur);
      cur = '';
    }
    i++;
  }
  if (cur !== '' && out.length < maxWords) out.push(cur);
  return out;
}

function normalizeTitle(title: string): { tokens: string[]; key: string; clipped: boolean } {
  let t = title.length > 1000 ? title.slice(0, 1000) : title;
  const mark = clipMarkStart(t);
  const clipped = mark >= 0;
  if (clipped) t = t.slice(0, mark);
  const words = normalizeWordsUpTo(t, 1000);
  for (let i = 0; i < words.length; i++) {
    const v = spellingVariant(words[i]!);
    words[i] = clipped && i === words.length - 1 && v.length !== words[i]!.length ? words[i]! : v;
  }
  return { tokens: words, key: words.join(''), clipped };
}

/** The old sketch: words, comment flag and sorted unique fingerprints. */
export function referenceSketch(abstract: string): { words: number; comment: boolean; sig: number[] } {
  if (abstract.length === 0) return { words: 0, comment: false, sig: [] };
  const prefix = abstract.length > 600 ? abstract.slice(0, 600) : abstract;
  const hashes = normalizeWordsUpTo(prefix, 65).map(wordHash);
  const cut = prefix.length < abstract.length || /(?:\u2026|\.{3,})\s*$/.test(abstract);
  if (hashes.length <= 64 && cut && hashes.length > 1) hashes.pop();
  const n = Math.min(hashes.length, 64);
  if (n === 0) return { words: 0, comment: false, sig: [] };
  const comment = hashes.length < 60 && isCommentLike(prefix);
  const out: number[] = [];
  if (n >= 3) {
    let h1 = hashes[0]!;
    let h2 = hashes[1]!;
    for (let i = 2; i < n && out.length < 16; i++) {
      const h3 = hashes[i]!;
      const h = fmix(Math.imul(h1, 0x9e3779b1) ^ Math.imul(h2 ^ 0x7f4a7c15, 0x85ebca77) ^ h3);
      if ((h & 3) === 0) out.push(h >>> 16);
      h1 = h2;
      h2 = h3;
    }
  }
  out.sort((a, b) => a - b);
  const sig = out.filter((x, i) => i === 0 || x !== out[i - 1]);
  return { words: Math.min(hashes.length, 255), comment, sig };
}

const i32 = (n: number) => String.fromCharCode((n >>> 16) & 0xffff, n & 0xffff);

/** The old prepareSighting, piece by piece (see src/dedup/prepared.ts for the layout). */
export function referencePrepareSighting(rec: SightingFields): PreparedSighting {
  const title = rec.title ?? '';
  const t = normalizeTitle(title);
  const key = t.key;
  const units: number[] = [];
  const stop = new Array<number>((t.tokens.length + 15) >> 4).fill(0);
  let off = 0;
  t.tokens.forEach((w, i) => {
    const h = rangeHash(key, off, off + w.length);
    units.push(w.length, (h >>> 16) & 0xffff, h & 0xffff);
    if (STOPWORDS.has(w)) stop[i >> 4]! |= 1 << (i & 15);
    off += w.length;
  });
  const words = units.map((u) => String.fromCharCode(u)).join('') + stop.map((u) => String.fromCharCode(u)).join('');
  const head =
    i32(key.length > 0 ? rangeHash(key, 0, key.length) : 0) +
    i32(key.length >= MIN_CLIP_CHARS ? rangeHash(key, 0, MIN_CLIP_CHARS) : 0) +
    i32(key.length >= PREFIX_CHARS ? rangeHash(key, 0, PREFIX_CHARS) : 0) +
    String.fromCharCode(t.tokens.length);
  const titleFlags = (t.clipped ? 1 : 0) | (isClippedTitle(title) ? 4 : 0) | (/\s/.test(key) ? 8 : 0);
  const k = referenceSketch(rec.abstract ?? '');
  const sig = k.sig.slice(0, 16);
  const absFlags = k.words >= 20 && !k.comment ? 2 : 0;
  let code = 0;
  let str = '';
  const v = (rec.arxivId ?? '').trim();
  if (v !== '') {
    const m = /^(?:arxiv:)?(\d{4})\.(\d{4,5})(?:v\d+)?$/i.exec(v);
    if (m) code = Number(m[1]) * 100000 + Number(m[2]);
    else {
      code = -1;
      str = v
        .toLowerCase()
        .replace(/^arxiv:/, '')
        .replace(/v\d+$/i, '');
    }
  }
  const data =
    String.fromCharCode(titleFlags | absFlags) +
    i32(code) +
    head +
    String.fromCharCode(sig.length) +
    words +
    sig.map((u) => String.fromCharCode(u)).join('') +
    str;
  return { kind: PREPARED_KIND, key, data };
}
