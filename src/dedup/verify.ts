/**
 * Pairwise verification rules on normalised titles (pure functions, no index state).
 *
 * - `tokenDiff`: which words one title has and the other lacks, after explaining away spacing
 *   variants (a word equal to 2-4 consecutive words of the other title: `finetuning` =
 *   `fine tuning`, `3times` = `3 times`) and stopwords. What is left vetoes a fuzzy match:
 *   *hard* words (digits, roman numerals, model size/tier words: `Nano`/`Super`, `7B`/`70B`,
 *   `2.5`/`3.5`, `Part I`/`Part II`) always; other words (`On-Policy` vs `Policy`, `Code`) unless
 *   excused as a plural of a word of the other title (`Model`/`Models`). One-letter
 *   differences are not excused: `PAT`/`IAPT`, `MemEye`/`IMemEye` are different papers.
 * - `orderConsistent`: shared content words appear in the same order (Dice ignores order).
 * - `clipRatio`: one title is a digest clip (`…`) of the other.
 */
import { STOPWORDS } from '../normalize.js';

/** Tier/size words of model names: a difference in one of these is a different model. */
export const TIER_WORDS: ReadonlySet<string> = new Set([
  'nano',
  'super',
  'ultra',
  'mini',
  'micro',
  'tiny',
  'small',
  'medium',
  'large',
  'base',
  'lite',
  'light',
  'plus',
  'pro',
  'max',
  'flash',
  'turbo',
  'xl',
  'xxl',
  'xs',
  'instruct',
  'chat',
  'preview',
  'omni',
  'air',
  'edge',
  'mobile',
  'next',
  'prime',
  'premium',
  'heavy',
  'deluxe',
  'extra',
  'part',
  'volume',
  'vol',
  'version',
  'series',
  'sequel',
  'revisited',
  'extended',
]);
const ROMAN = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi|xx)$/;
const HAS_DIGIT = /\d/;
const TIER_SUFFIX = /(?:nano|super|ultra|micro|tiny|small|medium|large|lite|pro|flash|turbo|xl|instruct|omni)$/;

/** A word whose presence on one side only always means a different paper. */
export function isHardWord(w: string): boolean {
  return HAS_DIGIT.test(w) || ROMAN.test(w) || TIER_WORDS.has(w) || (w.length > 5 && TIER_SUFFIX.test(w));
}

export interface TokenDiff {
  /** A hard word is unexplained on some side. */
  hard: boolean;
  /** Unexplained non-stopword words that could not be excused. */
  blocking: number;
  /** Differences excused: stopwords, plurals. */
  excused: number;
}

const MAX_SPAN = 4;

function markConcatenations(x: string[], setY: Set<string>, explX: Uint8Array, explYWords: Set<string>): void {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    const end = Math.min(n, i + MAX_SPAN);
    for (let j = i + 1; j < end; j++) {
      s += x[j]!;
      if (s.length > 64) break;
      if (setY.has(s)) {
        for (let k = i; k <= j; k++) explX[k] = 1;
        explYWords.add(s);
      }
    }
  }
}

function pluralPair(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  if (b.length - a.length > 2 || a.length < 3) return false;
  if (!b.startsWith(a)) {
    // study / studies
    return a.endsWith('y') && b === a.slice(0, -1) + 'ies';
  }
  const rest = b.slice(a.length);
  return rest === 's' || rest === 'es';
}

/** Word-level difference of two normalised titles (see the module comment). */
export function tokenDiff(a: string[], b: string[]): TokenDiff {
  const setA = new Set(a);
  const setB = new Set(b);
  const explA = new Uint8Array(a.length);
  const explB = new Uint8Array(b.length);
  const explAWords = new Set<string>();
  const explBWords = new Set<string>();
  markConcatenations(a, setB, explA, explBWords);
  markConcatenations(b, setA, explB, explAWords);
  const ua: string[] = [];
  const ub: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const w = a[i]!;
    if (explA[i] || setB.has(w) || explAWords.has(w)) continue;
    ua.push(w);
  }
  for (let i = 0; i < b.length; i++) {
    const w = b[i]!;
    if (explB[i] || setA.has(w) || explBWords.has(w)) continue;
    ub.push(w);
  }
  let hard = false;
  let excused = 0;
  const softA: string[] = [];
  const softB: string[] = [];
  for (const w of ua) {
    if (isHardWord(w)) hard = true;
    else if (STOPWORDS.has(w)) excused++;
    else softA.push(w);
  }
  for (const w of ub) {
    if (isHardWord(w)) hard = true;
    else if (STOPWORDS.has(w)) excused++;
    else softB.push(w);
  }
  let blocking = 0;
  const usedB = new Uint8Array(softB.length);
  for (const w of softA) {
    let ok = false;
    for (let j = 0; j < softB.length; j++) {
      if (usedB[j]) continue;
      const v = softB[j]!;
      if (pluralPair(w, v)) {
        usedB[j] = 1;
        ok = true;
        break;
      }
    }
    if (ok) excused++;
    else blocking++;
  }
  for (let j = 0; j < softB.length; j++) if (!usedB[j]) blocking++;
  return { hard, blocking, excused };
}

/**
 * Words shared by both titles appear in the same order (one displacement tolerated in long
 * titles): Dice scores `Attention Is All You Need` / `All You Need Is Attention` near 1.
 */
export function orderConsistent(a: string[], b: string[]): boolean {
  const setA = new Set(a);
  const setB = new Set(b);
  const sa: string[] = [];
  const sb: string[] = [];
  const seenA = new Set<string>();
  const seenB = new Set<string>();
  for (const w of a) if (setB.has(w) && !seenA.has(w)) seenA.add(w), sa.push(w);
  for (const w of b) if (setA.has(w) && !seenB.has(w)) seenB.add(w), sb.push(w);
  const n = sa.length;
  if (n <= 1) return true;
  // LCS over at most a few dozen words.
  const m = sb.length;
  let prev = new Uint16Array(m + 1);
  let cur = new Uint16Array(m + 1);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      cur[j] = sa[i - 1] === sb[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]! >= (n >= 8 ? n - 1 : n);
}

/** The shortest clip this index trusts (characters of the exact key). */
export const MIN_CLIP_CHARS = 12;
const CLIP_TAIL = 4;

/**
 * When one title is a clip of the other (the clipped key is a prefix of the other key), the
 * clipped key's share of the longer key in (0, 1]; else -1.
 */
export function clipRatio(aKey: string, aClipped: boolean, bKey: string, bClipped: boolean): number {
  if (!aClipped && !bClipped) return -1;
  let shortKey: string;
  let longKey: string;
  if (aClipped && (!bClipped || aKey.length <= bKey.length)) {
    shortKey = aKey;
    longKey = bKey;
  } else {
    shortKey = bKey;
    longKey = aKey;
  }
  if (shortKey.length < MIN_CLIP_CHARS || shortKey.length > longKey.length) return -1;
  if (!longKey.startsWith(shortKey)) {
    // The clip's last word may be a fragment the full word's respelling changed (`Compromis…` /
    // `compromises` -> `compromizes`, `Controlling…` / `controlling` -> `controling`, `Colou…` /
    // `colour` -> `color`): in the clip's last CLIP_TAIL characters, one s/z substitution or one
    // extra l/u. Nothing else: `…for F…` is not a clip of `…for Large…`.
    let i = 0;
    while (shortKey.charCodeAt(i) === longKey.charCodeAt(i)) i++;
    if (i < shortKey.length - CLIP_TAIL) return -1;
    const a = shortKey[i];
    const b = longKey[i];
    const rest = shortKey.slice(i + 1);
    const substitution = a === 's' && b === 'z' && rest === longKey.slice(i + 1, shortKey.length);
    const extra = (a === 'l' || a === 'u') && rest === longKey.slice(i, shortKey.length - 1);
    if (!substitution && !extra) return -1;
  }
  return shortKey.length / longKey.length;
}
