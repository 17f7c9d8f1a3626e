/**
 * Text normalisation into comparison keys (pure: no I/O).
 *
 * One pipeline, `normalizeWords`, turns any title or abstract text into lowercase ASCII-ish words
 * that are equal across the formatting variants seen in scraped digests:
 *
 * - Unicode: NFKC (non-breaking and other odd spaces, ligatures, full-width forms, superscript
 *   digits, the micro sign) then diacritics dropped (`Üstün` = `Ustun`); zero-width characters and
 *   soft hyphens removed; HTML entities decoded.
 * - LaTeX: math `$`, braces, `^` and `_` dropped (`S^{2}FT` = `S²FT` = `S2FT`); formatting commands
 *   dropped with their argument kept (`\textit{Trans-LoRA}` = `Trans-LoRA`); accents (`\"u`); other
 *   commands lose their backslash, as the site's renderer does (`$\times$` = `\times` = `times`,
 *   `$\mu$LO` = `μLO` = `muLO`: Greek letters and a few symbols are spelled out by name, `×` =
 *   `times`, `°` = `circ`).
 * - Typography: curly quotes, apostrophes inside words dropped (`LLM's` = `LLMs`), all dashes are
 *   hyphens; a hyphen between two word characters joins them into one word, also across a line
 *   wrap (`Mixture-of- Experts` = `Mixture-of-Experts` = word `mixtureofexperts`); digits joined
 *   across a decimal point (`2.5` -> `25`); `&` = `and`; everything else separates words.
 * - Case folded. Digits are kept everywhere: versions and sizes carry identity.
 *
 * Titles additionally get spelling normalisation per word (British -> American endings) and have
 * a trailing ellipsis (a digest's clip mark) removed and reported.
 *
 * Keys:
 * - `titleKey(t)`: the exact-match key, the title's words concatenated with no separator, so that
 *   spacing/hyphenation variants agree: `Fine-Tuning` = `Finetuning` = `fine tuning` = `finetuning`,
 *   `Pre-training` = `Pretraining`, `3$\times$` = `3 times`.
 * - `titleTokens(t)`: the words (for blocking and the distinguishing-token veto).
 */
import { cleanText, NEEDS_SLOW } from './normalize/clean.js';

/** Words carrying no identity in a title (a difference in them alone is not a veto). */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'and',
  'or',
  'in',
  'on',
  'at',
  'to',
  'from',
  'by',
  'with',
  'via',
  'into',
  'onto',
  'as',
  'is',
  'are',
  'be',
  'its',
  'it',
  'this',
  'that',
  'these',
  'those',
  'we',
  'our',
  'us',
  'do',
  'does',
  'can',
  'than',
  'vs',
  'versus',
  'toward',
  'towards',
  'using',
  'through',
  'about',
  'under',
  'over',
  'between',
  'within',
  'across',
  'when',
  'what',
  'how',
  'why',
  'which',
  'where',
  'who',
  'your',
  'you',
  'their',
  'they',
  'has',
  'have',
  'will',
  'should',
  'could',
  'would',
  'may',
  'might',
  'all',
]);

const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Normalise any text into comparison words (see the module comment). Digits are kept.
 * `normalizeWords("3$\\times$ Faster Fine-Tuning")` -> `["3times", "faster", "finetuning"]`.
 */
export function normalizeWords(s: string): string[] {
  const t = cleanText(s);
  if (NON_ASCII.test(t)) {
    const spaced = t.replace(NON_WORD, ' ').trim();
    return spaced === '' ? [] : spaced.split(' ');
  }
  // ASCII (nearly every text once cleaned): the runs of letters and digits, found by a loop
  // several times faster than the Unicode regex above (which tests a property at each character).
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < t.length; i++) {
    if (isWordCode(t.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(t.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(t.slice(start));
  return out;
}

const NON_ASCII = /[^\x00-\x7F]/;

export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
}

/**
 * At a non-word character `i` inside a word of ASCII text: where the word goes on when the
 * character joins two parts of one word, else 0. Joiners: an apostrophe before a letter
 * ("LLM's"), hyphens, also before a line wrap ("Mixture-of- Experts"), a decimal point between
 * digits ("2.5"). Shared by the word scanners here and in dedup/sketch.ts, which must agree.
 * `n` ends the text early (the scanner of an abstract's prefix reads the abstract in place);
 * the caller ensures `i + 1 < n`.
 */
export function skipJoiner(s: string, i: number, n = s.length): number {
  const c = s.charCodeAt(i);
  const prev = s.charCodeAt(i - 1);
  if ((c === 39 || c === 96) && isWordCode(prev)) {
    const nx = s.charCodeAt(i + 1);
    return (nx >= 97 && nx <= 122) || (nx >= 65 && nx <= 90) ? i + 1 : 0;
  }
  if (c === 45 && isWordCode(prev)) {
    let j = i + 1;
    if (j < n && s.charCodeAt(j) === 45) {
      j++;
      if (j < n && s.charCodeAt(j) === 45) j++;
    }
    let k = j;
    while (k < n && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 10)) k++;
    return k < n && isWordCode(s.charCodeAt(k)) ? k : 0;
  }
  if (c === 46 && prev >= 48 && prev <= 57) {
    const nx = s.charCodeAt(i + 1);
    return nx >= 48 && nx <= 57 ? i + 1 : 0;
  }
  return 0;
}

/**
 * `normalizeWords(s)` limited to the first `maxWords` words, with a hand-written scanner for the
 * common case of printable ASCII without markup (several times faster than the regex pipeline on
 * long texts; same words). Other texts go through `normalizeWords`.
 */
export function normalizeWordsUpTo(s: string, maxWords: number): string[] {
  if (NEEDS_SLOW.test(s)) {
    const w = normalizeWords(s);
    if (w.length > maxWords) w.length = maxWords;
    return w;
  }
  const out: string[] = [];
  const n = s.length;
  // Printable ASCII lowercases character by character: once for the text, not once a word.
  const low = s.toLowerCase();
  let cur = '';
  let i = 0;
  while (i < n && out.length < maxWords) {
    const c = s.charCodeAt(i);
    if (isWordCode(c)) {
      let j = i + 1;
      while (j < n && isWordCode(s.charCodeAt(j))) j++;
      cur += low.slice(i, j);
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

/** `normalizeWords` joined by single spaces. */
export function normalizeText(s: string): string {
  return normalizeWords(s).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Titles

/** Titles are normalised up to this many characters (a longer one is not a title). */
export const MAX_TITLE_CHARS = 1000;

const SPELLING_EXACT: Record<string, string> = {
  centre: 'center',
  centres: 'centers',
  fibre: 'fiber',
  metre: 'meter',
  metres: 'meters',
  programme: 'program',
  programmes: 'programs',
  catalogue: 'catalog',
  dialogue: 'dialog',
  dialogues: 'dialogs',
  analogue: 'analog',
  grey: 'gray',
  defence: 'defense',
  licence: 'license',
  toward: 'towards',
  judgement: 'judgment',
  aluminium: 'aluminum',
  artefact: 'artifact',
  artefacts: 'artifacts',
};
export const SPELLING_EXACT_MAP = new Map(Object.entries(SPELLING_EXACT));
const SPELL_ISE = /^([a-z]{3,})is(e|es|ed|ing|ation|ations|er|ers)$/;
const SPELL_YSE = /^([a-z]{2,})ys(e|es|ed|ing|er|ers)$/;
const SPELL_LL = /^([a-z]{2,}[ae])ll(ing|ed|er|ers)$/;
const SPELL_OUR = /^([a-z]{3,})our(s|ed|ing|able|ite|ites|al)?$/;
export const NUM_X = /^(\d+)x$/;

/** Any word one of the respelling rules below could change (one test instead of four). */
export const SPELL_ANY =
  /(?:[iy]s(?:e|es|ed|ing|ation|ations|er|ers)|[ae]ll(?:ing|ed|er|ers)|our(?:s|ed|ing|able|ite|ites|al)?)$|^\d+x$/;

/** The endings SPELL_ANY matches (each alternative spelled out). */
const SPELL_ENDINGS =
  'ise ises ised ising isation isations iser isers elling elled eller ellers our ours oured ouring ourable ourite ourites oural 4x';
/**
 * The last letters of the words SPELLING_EXACT or SPELL_ANY can change: a word ending otherwise
 * (most title words) is returned without a lookup or a pattern.
 */
const SPELL_LAST = new Uint8Array(128);
for (const w of [...Object.keys(SPELLING_EXACT), ...SPELL_ENDINGS.split(' ')]) SPELL_LAST[w.charCodeAt(w.length - 1)] = 1;

/** Map one title word to its spelling-normal form (British -> American, `4x` -> `4times`). */
export function spellingVariant(w: string): string {
  const last = w.charCodeAt(w.length - 1);
  if (!(last < 128 && SPELL_LAST[last] === 1)) return w;
  if (w.length < 4) return last === 120 && NUM_X.test(w) ? w.replace(NUM_X, '$1times') : w;
  const exact = SPELLING_EXACT_MAP.get(w);
  if (exact !== undefined) return exact;
  return SPELL_ANY.test(w) ? respell(w) : w;
}

/** The rule-based respellings (SPELL_ANY's words); the filters before it are spellingVariant's. */
export function respell(w: string): string {
  if (w.length < 5) return NUM_X.test(w) ? w.replace(NUM_X, '$1times') : w;
  if (SPELL_ISE.test(w)) return w.replace(SPELL_ISE, '$1iz$2');
  if (SPELL_YSE.test(w)) return w.replace(SPELL_YSE, '$1yz$2');
  if (SPELL_LL.test(w)) return w.replace(SPELL_LL, '$1l$2');
  if (SPELL_OUR.test(w)) return w.replace(SPELL_OUR, '$1or$2');
  return w;
}

const SPACE = /\s/;

/** Index of the first of the whitespace characters that end `s` before `end`. */
function trimEndAt(s: string, end: number): number {
  let i = end;
  while (i > 0 && SPACE.test(s[i - 1]!)) i--;
  return i;
}

/**
 * Where the clip mark that ends `s` starts (`…`, `⋯`, three or more dots, `[...]`, `[…]`, with
 * the whitespace around it), or -1 when `s` ends with none. A backward scan, linear in the mark:
 * the regex it replaces (`/\s*(?:…|\.{3,}|…)\s*$/`) retried its match from every dot, so a
 * scraped title of 100k dots took 24 s.
 */
export function clipMarkStart(s: string): number {
  let i = trimEndAt(s, s.length);
  if (i === 0) return -1;
  const last = s[i - 1]!;
  if (last === '\u2026' || last === '\u22EF') return trimEndAt(s, i - 1);
  if (last === '.') {
    let j = i;
    while (j > 0 && s[j - 1] === '.') j--;
    return i - j >= 3 ? trimEndAt(s, j) : -1;
  }
  if (last !== ']') return -1;
  i = trimEndAt(s, i - 1);
  if (s[i - 1] === '\u2026') i--;
  else if (s.slice(i - 3, i) === '...' && i >= 3) i -= 3;
  else return -1;
  i = trimEndAt(s, i);
  return s[i - 1] === '[' ? trimEndAt(s, i - 1) : -1;
}

/** Whether a title ends with a clip mark (`…`, `...`, `[...]`). */
export function isClippedTitle(title: string): boolean {
  return clipMarkStart(title) >= 0;
}

export interface NormalizedTitle {
  /** Normalised words in order (stopwords included). */
  tokens: string[];
  /** The exact-match key: tokens concatenated (see titleKey). */
  key: string;
  /** The title ended with a clip mark (removed before normalising). */
  clipped: boolean;
}

/** Full title normalisation: clip mark, words, spelling variants, exact key. */
export function normalizeTitle(title: string): NormalizedTitle {
  let t = title.length > MAX_TITLE_CHARS ? title.slice(0, MAX_TITLE_CHARS) : title;
  const mark = clipMarkStart(t);
  const clipped = mark >= 0;
  if (clipped) t = t.slice(0, mark);
  const words = normalizeWordsUpTo(t, MAX_TITLE_CHARS);
  for (let i = 0; i < words.length; i++) {
    const v = spellingVariant(words[i]!);
    // A clip's last word may be a fragment: a respelling that shortens it (`encour` -> `encor`)
    // would break the prefix relation, so only same-length respellings (`-ise` -> `-ize`) apply.
    words[i] = clipped && i === words.length - 1 && v.length !== words[i]!.length ? words[i]! : v;
  }
  return { tokens: words, key: words.join(''), clipped };
}

/**
 * The exact-match key of a title: normalised words concatenated without separators, digits kept,
 * a trailing clip mark removed. Two titles with equal keys are the same title up to formatting:
 * `titleKey("Fine-Tuning LLMs")` = `titleKey("fine tuning LLM’s")` = `"finetuningllms"`.
 */
export function titleKey(title: string): string {
  return normalizeTitle(title).key;
}

/** The normalised words of a title (clip mark removed, spelling-normalised). */
export function titleTokens(title: string): string[] {
  return normalizeTitle(title).tokens;
}
