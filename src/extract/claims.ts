/**
 * Numeric claims in an abstract: "2.46%", "about 0.3M parameters", "1.5-2.7times",
 * "from 125M to 30B", "16,000 tokens", "34 °C", "three million examples".
 *
 * Design. One left-to-right scan with a precompiled global regex finds where a number can
 * start (a digit that begins a digit run, or a number word). At each start a few sticky
 * regexes read, in order: the number, scientific notation / fraction / tolerance, a
 * magnitude ("M", "billion"), a unit or count noun, and a range partner. Context rules
 * then drop numbers that are parts of names or references (left glue "GPT-4", "VTAB-1k";
 * right glue "3D"; a name word before "Mistral 7B"; "Table 2"; years; "(1)"; "[23]"), and
 * the scan resumes after what was consumed, so every character is looked at a bounded
 * number of times: linear, with no backtracking-prone patterns. Sentences and metric
 * mentions are computed once per abstract, lazily, only when a claim was found.
 *
 * Kind rules (decided here, documented once):
 * - "%" and "pp" → percent; x/×/times/-fold → multiplier (unit "x").
 * - "parameters"/"params" nouns, and model sizes "7B"/"33b" (any B magnitude) or an "M"
 *   magnitude next to model words ("increasing parameter count from 220M to 770M")
 *   → parameters, unit "parameters".
 * - "tokens" and "examples" (also samples, instances) are counts that carry a unit:
 *   kind count, unit "tokens" / "examples". Other counted nouns ("26 datasets") are
 *   kind count, unit null.
 * - A number with a physical, time, data or compute unit → quantity ("120 ms", "2.3 GB").
 *   A bare decimal, fraction or scientific number ("r = 0.87", "1e-5") → quantity, unit
 *   null; a bare integer → count, unit null.
 *
 * Field choices:
 * - `text` covers the number, its unit or count noun, a range or tolerance partner, and a
 *   glued symbol qualifier ("~10%", ">95%", "+7.01%"); word qualifiers ("up to", "about")
 *   and LaTeX words that lost their backslash ("sim0.01%" → "0.01%") stay outside it.
 * - Qualifiers: "nearly"/"almost"/"roughly"/"~"/"sim" → "about"; "at least"/"more than"/
 *   "above"/">" → "over"; "at most"/"≤" → "up to"; "under"/"below"/"fewer than"/"<" →
 *   "less than"; "merely"/"just"/"a mere" → "only"; a glued "+" → "+".
 * - Metric: the nearest metric word in the same clause (commas cost distance, "; : , and"
 *   end the clause); parameters claims always get "parameters", counts never get one.
 * - Not claims: numbers glued into names ("GPT-4", "VTAB-1k", "3D"), numbers after a name or
 *   a reference word ("Mistral 7B", "Table 2") and the list that follows ("OPT-IML 30B and
 *   175B"), years and year ranges, "(1)"/"1)"/"[23]", arXiv ids, versions, LaTeX exponents,
 *   ordinals, dimensions ("3x3"), "one of", "a single".
 */
import type { Claim } from '../types.js';
import { CANDIDATE, RANGE_DASH, RANGE_WORD, TOLERANCE } from './claims-numbers.js';
import { classify, metricFor } from './claims-kind.js';
import { classifyPrevWord, insideBrackets, insideParens } from './claims-context.js';
import { type MetricMention, findMetrics, nearestMetric } from './claims-metrics.js';
import { SYMBOL_QUALIFIERS, mangledQualifier, qualifierBefore } from './claims-qualifiers.js';
import { splitSentences } from './sentences.js';
import {
  GLUE_RUN,
  isAlnum,
  isDigit,
  isLetter,
  isSkip,
  isYear,
  magMultiplier,
  readAtom,
  tidy,
  type Atom,
  type Draft,
  type State,
} from './claims-atom.js';
import { scanWords } from './claims-words.js';

export { splitSentences } from './sentences.js';

const LIST_GAP = /^(?:[\s,&]|and|or|to|[-–—])+$/;
const SHOT = /^-(?:shot|shots|D\b|[A-Z])/;
const ARXIV_ID = /^\d{4}\.\d{4,5}$/;
const FACTOR_OF = /\bfactor of[ \u00a0]$/i;
const PH_BEFORE = /(?:^|[^A-Za-z])pH[ \u00a0]$/;

/** Tries to read a claim at digit position p. Returns the draft (or null) and where to resume. */
function scanNumber(s: string, p: number, st: State): { draft: Draft | null; next: number } {
  const skip = (to: number, mark: boolean): { draft: null; next: number } => {
    if (mark) st.markEnd = to;
    return { draft: null, next: Math.max(to, p + 1) };
  };
  const glue = (): { draft: null; next: number } => {
    GLUE_RUN.lastIndex = p;
    GLUE_RUN.exec(s);
    return skip(GLUE_RUN.lastIndex, false);
  };

  let numPos = p;
  let start = p;
  let negative = false;
  let symbol: string | null = null;
  let mangled: string | null = null;
  let currency: string | null = null;
  const c1 = s[p - 1];
  const c2 = s[p - 2];

  // A LaTeX qualifier that lost its backslash: "sim0.01%" ("\sim 0.01\%"), "leq 0.02%".
  if (isLetter(c1) || c1 === ' ' || c1 === '!') mangled = mangledQualifier(s, p)?.qualifier ?? null;

  if (isLetter(c1)) {
    if (!mangled) return glue(); // "GPT4", "S3FT", "seq2seq": names
  } else if (c1 === '.') {
    if (isAlnum(c2)) return glue(); // "anonymous.4open", "v1.5"
    numPos = p - 1; // ".5"
    start = p - 1;
  } else if (c1 === '-' || c1 === '−' || c1 === '–' || c1 === '—') {
    // "GPT-4", "ResNet-50", "VTAB-1k", "Top-1", "LLaMA-2-70B", or the tail of a range
    // that was rejected: names. A minus after a space or bracket is a sign ("-82.30%").
    if (isAlnum(c2) || c2 === ')' || c2 === ']' || c2 === '%') return glue();
    if (c1 !== '–' && c1 !== '—') {
      negative = true;
      start = p - 1;
    }
  } else if (
    c1 === '_' ||
    c1 === '^' ||
    c1 === '@' ||
    c1 === '#' ||
    c1 === '\\' ||
    c1 === '/' ||
    c1 === ')' ||
    c1 === ']' ||
    c1 === '&'
  ) {
    return glue(); // "F_1", "n^2", "pass@1", "ViT-B/16", "Mg(ClO4)2", "(IA)^3"
  } else if (c1 === ':' && isAlnum(c2)) {
    return glue(); // "arXiv:2405.15738", "host:8080"
  } else if (c1 === '{' && (c2 === '^' || c2 === '_' || isLetter(c2))) {
    return glue(); // "S^{2}FT", "F_{1}"
  } else if (c1 === '$') {
    currency = 'USD';
    start = p - 1;
    if (s.slice(p - 3, p) === 'US$') start = p - 3;
  } else if (c1 === '€' || c1 === '£' || c1 === '¥') {
    currency = c1 === '€' ? 'EUR' : c1 === '£' ? 'GBP' : 'JPY';
    start = p - 1;
  }
  // Symbol qualifiers glued (or one space) before: "~10%", "(>95%)", "+3.2%", "≤ 5 ms".
  if (!mangled) {
    let q = start - 1;
    if (s[q] === ' ' && s[q - 1] !== undefined && '~∼≈≃<>≤≥≲≳⩽⩾'.includes(s[q - 1]!)) q--;
    const sym = s[q];
    if (
      sym !== undefined &&
      SYMBOL_QUALIFIERS[sym] !== undefined &&
      !(sym === '+' && (q !== start - 1 || isAlnum(s[q - 1]) || s[q - 1] === '+'))
    ) {
      symbol = SYMBOL_QUALIFIERS[sym]!;
      start = q;
      if ((sym === '>' || sym === '<') && s[q + 1] === '=') symbol = sym === '>' ? 'over' : 'up to';
    } else if (sym === '=' && (s[q - 1] === '>' || s[q - 1] === '<')) {
      symbol = s[q - 1] === '>' ? 'over' : 'up to';
      start = q - 1;
    }
  }

  const a = readAtom(s, numPos, true);
  if (isSkip(a)) return skip(a.skip, a.mark);
  // arXiv identifiers ("2405.15738", "2405.15738v2") are references, not measurements.
  if (a.special === null && ARXIV_ID.test(s.slice(numPos, a.numEnd))) {
    GLUE_RUN.lastIndex = a.numEnd;
    GLUE_RUN.exec(s);
    return skip(GLUE_RUN.lastIndex, true);
  }
  // "$3\times$" is LaTeX maths, not dollars.
  if (currency === 'USD' && (s[a.numEnd] === '\\' || s[a.numEnd] === '$')) {
    currency = null;
    start = numPos;
  }

  let low: number | null = null;
  let high: number | null = null;
  let end = a.end;
  let unitAtom: Atom = a;
  const signA = negative ? -1 : 1;
  let value = tidy(signA * a.raw * magMultiplier(a.mag));
  let tolerance = a.special === 'tolerance';
  if (!tolerance && a.unit) {
    // A tolerance after the unit: "43.57% ± 4.35%", "1.5 m ± 0.2 m".
    TOLERANCE.lastIndex = a.end;
    if (TOLERANCE.exec(s)) {
      const t = readAtom(s, TOLERANCE.lastIndex, false);
      if (!isSkip(t) && (t.unit === null || t.unit.unit === a.unit.unit) && t.mag === null) {
        end = t.end;
        tolerance = true;
      }
    }
  }
  // Range partner: "40-90%", "11%-37%", "8x - 50x", "from 125M to 30B", "between 1% and 37%".
  if (!tolerance && a.special !== 'ratio' && currency === null) {
    let q = -1;
    RANGE_DASH.lastIndex = a.end;
    if (RANGE_DASH.exec(s)) q = RANGE_DASH.lastIndex;
    else {
      RANGE_WORD.lastIndex = a.end;
      const w = RANGE_WORD.exec(s);
      if (w && (w[1] === 'to' || classifyPrevWord(s, start) === 'between')) q = RANGE_WORD.lastIndex;
    }
    if (q >= 0) {
      let signB = 1;
      if (s[q] === '-' || s[q] === '−') {
        signB = -1;
        q++;
      }
      const b = readAtom(s, q, false);
      if (!isSkip(b) && !isAlnum(s[b.end]) && b.special !== 'ratio') {
        const aUnit = a.unit?.unit ?? a.noun;
        const bUnit = b.unit?.unit ?? b.noun;
        let aMag = a.mag;
        if (aMag === null && b.mag !== null && a.raw <= b.raw && !aUnit) aMag = b.mag; // "2-7B"
        const compatible = (aUnit === null || aUnit === bUnit) && (a.mag === null || b.mag !== null);
        if (compatible) {
          const lo = tidy(signA * a.raw * magMultiplier(aMag));
          const hi = tidy(signB * b.raw * magMultiplier(b.mag));
          if (isYear(a) && isYear(b) && !aUnit && !bUnit && a.mag === null && b.mag === null) {
            return skip(b.end, true); // "2005–2010", "between 1947 and 1999"
          }
          if (lo <= hi) {
            low = lo;
            high = hi;
            value = hi;
            end = b.end;
            unitAtom = { ...b, mag: b.mag ?? aMag, noun: b.noun ?? a.noun };
          }
        }
      }
    }
  }

  let plus = false;
  if (s[end] === '+' && !isAlnum(s[end + 1]) && s[end + 1] !== '+') {
    plus = true; // "23+ languages", "3.2+"
    end++;
  }

  const bare = !unitAtom.unit && !unitAtom.noun && currency === null;
  // Right glue: "3D", "2nd", "4o-mini", "3Bv2" are names; "1-D" and "5-shot" too.
  if (bare && low === null) {
    const c = s[end];
    if (isAlnum(c) || c === '_' || c === '^' || c === "'" || c === '’') {
      if (!(c === "'" || c === '’') || s[end + 1] === 's') return glue();
    }
    if (c === '-' && SHOT.test(s.slice(end, end + 7))) return glue();
  }

  if (bare && !plus && !symbol && !mangled && !negative && low === null && unitAtom.mag === null) {
    // Years: "in 2023", "(Smith, 2020)", "[Ponti et al., 2023]", "Ktzi201/2007".
    if (isYear(a) && a.special === null) return skip(end, true);
  }
  if (a.unitSurface === 's' && a.unitAttached && isYear(a)) return skip(end, true); // "1990s"

  if (bare && a.special === null) {
    const prev = classifyPrevWord(s, start);
    const magOnly = unitAtom.mag !== null;
    // "Table 2", "Sec. 4", "Eq. (3)", "Nos. 1 and 4" are references.
    if (prev === 'reference') return skip(end, true);
    // "Mistral 7B", "Llama 3.1 8B", "Keye-VL 1.5", "UL2 20B", "Sep 16": names and dates.
    if (prev === 'name' && !PH_BEFORE.test(s.slice(Math.max(0, start - 4), start))) return skip(end, true);
    // "Llama 3.1 8B", "OPT-IML 30B and 175B", "Figs. 3, 6–9": lists after a name continue it.
    if (st.markEnd >= 0 && start > st.markEnd && start - st.markEnd <= 8 && LIST_GAP.test(s.slice(st.markEnd, start))) {
      return skip(end, true);
    }
    if (!magOnly && a.plainInt && low === null) {
      // "(1)", "1)", "[23]": enumerations and citations.
      if (s[end] === ')' && (s[start - 1] === '(' || !insideParens(s, start))) return skip(end, true);
      if (insideBrackets(s, start)) return skip(end, true);
    }
  }

  let { kind, unit } = classify(s, unitAtom, start, end, currency);
  if (bare && unitAtom.mag === null && FACTOR_OF.test(s.slice(Math.max(0, start - 12), start))) {
    kind = 'multiplier'; // "by a factor of 2"
    unit = 'x';
  }
  if (bare && unitAtom.mag === null && PH_BEFORE.test(s.slice(Math.max(0, start - 4), start))) {
    start -= 3; // "pH 7.5": a unit written before the number
    unit = 'pH';
    kind = 'quantity';
  }
  const qualifier = symbol ?? mangled ?? (plus ? '+' : null) ?? qualifierBefore(s, start);
  return {
    draft: { text: s.slice(start, end), start, end, value, low, high, unit, kind, qualifier },
    next: end,
  };
}

/**
 * Extracts the numeric claims of an abstract, in order of position. Each claim's `text` is
 * exactly `abstract.slice(start, end)` and covers the number with its unit (and a glued
 * symbol qualifier such as "~" or ">"); word qualifiers ("up to", "about") are reported in
 * `qualifier` but left out of the span. Pure: no I/O, no shared mutable state between calls.
 */
export function extractClaims(abstract: string): Claim[] {
  const drafts: Draft[] = [];
  if (!abstract) return [];
  const st: State = { markEnd: -1 };
  // A fresh RegExp object per call would cost a compile; a shared global one is reset
  // instead. Calls are synchronous, so no two scans interleave.
  const re = CANDIDATE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(abstract)) !== null) {
    const p = m.index;
    const res = isDigit(m[0]) ? scanNumber(abstract, p, st) : scanWords(abstract, p, m[0], st);
    if (res.draft && res.draft.end > res.draft.start && Number.isFinite(res.draft.value)) drafts.push(res.draft);
    re.lastIndex = Math.max(res.next, p + 1);
  }
  re.lastIndex = 0;
  if (drafts.length === 0) return [];

  const sentences = splitSentences(abstract);
  const out: Claim[] = [];
  let si = -1;
  let sentence = '';
  let trimmed = '';
  let ss = 0;
  let mentions: MetricMention[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    if (si < 0 || d.start >= sentences[si]![1]) {
      // Next sentence with a claim: read it and its metric words once.
      si = Math.max(si, 0);
      while (si < sentences.length - 1 && sentences[si]![1] <= d.start) si++;
      const se = sentences[si]![1];
      ss = sentences[si]![0];
      sentence = abstract.slice(ss, se);
      trimmed = sentence.trimEnd();
      // A metric word inside another claim ("1.3B parameter models") is that claim's unit,
      // not the measured thing of its neighbours ("performance by 3.23").
      // Both lists are sorted and claims do not overlap: one merge pass.
      let j = i;
      mentions = findMetrics(sentence).filter((mm) => {
        while (j < drafts.length && drafts[j]!.end - ss <= mm.start) j++;
        return !(j < drafts.length && drafts[j]!.start - ss < mm.end);
      });
    }
    const nearest = nearestMetric(sentence, mentions, d.start - ss, d.end - ss);
    out.push({
      text: d.text,
      start: d.start,
      end: d.end,
      value: d.value,
      low: d.low,
      high: d.high,
      unit: d.unit,
      kind: d.kind,
      metric: metricFor(d, nearest),
      qualifier: d.qualifier,
      sentence: trimmed,
    });
  }
  return out;
}
