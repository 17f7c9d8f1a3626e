/**
 * Reading one number and what belongs to it, for the numeric-claims extractor (`claims.ts`):
 * digits ("16,000", ".5"), exponent notation ("1e-5", "3.2 × 10^5", "10^{-3}"), fractions
 * ("1/3"), ratios ("1:10"), tolerances ("3.19 ± 0.10"), magnitudes ("0.3M", "1.5 million"),
 * units with exponents and compounds ("g cm−3", "mg/L", "5–13% per year") and count nouns
 * ("16,000 tokens", "14M tunable parameters"). Context (names, years, ranges) is decided by
 * the caller. Every read is a sticky regex at a known position: linear, no backtracking.
 */
import type { Claim } from '../types.js';
import {
  MAGNITUDE_UNITS,
  PER_TIME,
  PER_TIME_UNIT,
  UNIT_ATTACHED,
  UNIT_EXPONENT,
  UNIT_HYPHEN,
  UNIT_JOIN_SLASH,
  UNIT_JOIN_SPACE,
  UNIT_PART,
  UNIT_SPACED,
  unitInfo,
  type UnitInfo,
} from './claims-lexicon.js';
import {
  COUNT_NOUN,
  DIGIT_RUN,
  DIMENSION,
  E_NOTATION,
  MAGNITUDES,
  MAGNITUDE_LETTER,
  MAGNITUDE_WORD,
  NUMBER_FULL,
  POWER,
  SUPERSCRIPTS,
  TIMES_AFTER_X,
  TIMES_TEN,
  TOLERANCE,
  nounUnit,
} from './claims-numbers.js';

/** A number with what follows it, before context rules decide whether it is a claim. */
export interface Atom {
  start: number;
  /** End of the digits (and exponent/fraction/tolerance), before magnitude and unit. */
  numEnd: number;
  end: number;
  raw: number;
  /** A plain integer: no decimal point, no thousands comma, no exponent. */
  plainInt: boolean;
  mag: string | null;
  unit: UnitInfo | null;
  /** Surface the unit was read from, so "1990s" can be told from "15s". */
  unitSurface: string | null;
  unitAttached: boolean;
  noun: 'tokens' | 'examples' | 'parameters' | null;
  special: 'fraction' | 'sci' | 'tolerance' | 'ratio' | null;
}

/** A rejected candidate: where to resume, and whether it was a name/reference (see `mark`). */
export interface Skip {
  skip: number;
  /** Named/referenced numbers make the next list item a name too ("OPT-IML 30B and 175B"). */
  mark: boolean;
}

/** Tells a rejected read from a successful one. */
export const isSkip = <T extends object>(x: T | Skip): x is Skip => (x as Skip).skip !== undefined;
/** An ASCII digit. */
export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const LETTER = /\p{L}/u;
/** Any letter, Greek included ("α2", "δ13C" are names, not numbers). ASCII without a regex. */
export const isLetter = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128 && c.length === 1) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(c);
};
/** A letter or a digit: what glues a number into a name. */
export const isAlnum = (c: string | undefined): boolean => isDigit(c) || isLetter(c);
/** A name-like run to skip past ("4o", "70B", "2.5"). */
export const GLUE_RUN = /[0-9A-Za-z.]*/y;
const EFFICIENT = /^[ -]efficien/;

/** Rounds away binary noise from magnitude products (0.3 * 1e6 stays 300000). */
export function tidy(n: number): number {
  if (Number.isSafeInteger(n) || !Number.isFinite(n)) return n;
  return Number(n.toPrecision(12));
}

/** Reads a plain number at p (digits, or ".5"). Returns the end and value, or a skip. */
export function readNumber(s: string, p: number): { end: number; raw: number; plainInt: boolean } | Skip {
  DIGIT_RUN.lastIndex = s[p] === '.' ? p + 1 : p;
  DIGIT_RUN.exec(s);
  const runEnd = DIGIT_RUN.lastIndex;
  let e = runEnd;
  while (e > p && (s[e - 1] === '.' || s[e - 1] === ',')) e--;
  if (e - p > 40 || e === p) return { skip: Math.max(runEnd, p + 1), mark: false };
  const str = s.slice(p, e);
  const ok = s[p] === '.' ? /^\.\d+$/.test(str) : NUMBER_FULL.test(str);
  // "1.2.3", "1,2,3" and "1,23": versions, lists, decimal commas. Not claims.
  if (!ok) return { skip: runEnd, mark: false };
  const intDigits = str.split('.')[0]!.replace(/,/g, '').length;
  if (intDigits > 21) return { skip: runEnd, mark: false };
  return { end: e, raw: parseFloat(str.replace(/,/g, '')), plainInt: /^[\d,]+$/.test(str) };
}

function superToAscii(x: string): string {
  let out = '';
  for (const c of x) out += SUPERSCRIPTS[c] ?? c;
  return out.replace(/[−–]/g, '-');
}

/** Reads a unit (with exponent and compound parts) at e, or null. */
export function readUnit(s: string, e: number): { info: UnitInfo; surface: string; end: number; attached: boolean } | null {
  const c = s[e];
  let re: RegExp;
  let attached = false;
  if (c === ' ' || c === '\u00a0' || c === '\u2009' || c === '\u202f' || c === '\\') re = UNIT_SPACED;
  else if (c === '-') re = UNIT_HYPHEN;
  else {
    re = UNIT_ATTACHED;
    attached = true;
  }
  // "\%" and "\times" are attached forms that start with a backslash.
  if (c === '\\' && (s.startsWith('\\%', e) || s.startsWith('\\times', e) || s.startsWith('\\texttimes', e))) {
    re = UNIT_ATTACHED;
    attached = true;
  }
  re.lastIndex = e;
  const m = re.exec(s);
  if (!m) return null;
  const surface = m[1] ?? m[0];
  const info = unitInfo(surface);
  if (!info) return null;
  let end = re.lastIndex;
  let unit = info.unit;
  if (info.physical) {
    UNIT_EXPONENT.lastIndex = end;
    const x = UNIT_EXPONENT.exec(s);
    if (x) {
      unit += '^' + superToAscii(x[0].replace(/[\^{}]/g, ''));
      end = UNIT_EXPONENT.lastIndex;
    }
    // Compounds: "mg/L", "tokens/s" is listed whole; "g cm−3", "W m−2", "m s−1" need an exponent.
    for (let k = 0; k < 3; k++) {
      UNIT_JOIN_SLASH.lastIndex = end;
      let joined = UNIT_JOIN_SLASH.exec(s) ? UNIT_JOIN_SLASH.lastIndex : -1;
      let sep = '/';
      if (joined < 0) {
        UNIT_JOIN_SPACE.lastIndex = end;
        joined = UNIT_JOIN_SPACE.exec(s) ? UNIT_JOIN_SPACE.lastIndex : -1;
        sep = ' ';
      }
      if (joined < 0) break;
      UNIT_PART.lastIndex = joined;
      const part = UNIT_PART.exec(s);
      const partInfo = part ? unitInfo(part[0]) : undefined;
      if (!part || !partInfo?.physical) break;
      let partEnd = UNIT_PART.lastIndex;
      UNIT_EXPONENT.lastIndex = partEnd;
      const px = UNIT_EXPONENT.exec(s);
      if (sep === ' ' && !px) break;
      let partUnit = partInfo.unit;
      if (px) {
        partUnit += '^' + superToAscii(px[0].replace(/[\^{}]/g, ''));
        partEnd = UNIT_EXPONENT.lastIndex;
      }
      unit += sep + partUnit;
      end = partEnd;
    }
  }
  // A digit right after a unit: "3x3" (a dimension) or "s1" (a label). Not a unit.
  if (isDigit(s[end])) return null;
  if (info.kind !== 'multiplier') {
    // Rates: "5–13% per year" (the unit stays "%"), "2 mm per year" ("mm/years").
    PER_TIME.lastIndex = end;
    const per = PER_TIME.exec(s);
    if (per) {
      if (info.physical) unit += '/' + PER_TIME_UNIT[per[1]!]!;
      end = PER_TIME.lastIndex;
    }
  }
  if (info.unit === 'x') {
    TIMES_AFTER_X.lastIndex = end;
    if (surface !== 'times' && TIMES_AFTER_X.exec(s)) end = TIMES_AFTER_X.lastIndex;
  }
  return { info: unit === info.unit ? info : { ...info, unit }, surface, end, attached };
}

/**
 * Reads a count noun at e ("16,000 tokens", "14M tunable parameters"). A singular noun is
 * a compound modifier and only counts right after a model size ("9B parameter model",
 * "7B-parameter"); otherwise "two general parameter efficient methods" would be a count.
 */
export function readNoun(s: string, e: number, sized: boolean): { noun: Atom['noun']; end: number } | null {
  COUNT_NOUN.lastIndex = e;
  const m = COUNT_NOUN.exec(s);
  if (!m) return null;
  const noun = m[1]!;
  const end = COUNT_NOUN.lastIndex;
  if (!/s$/i.test(noun)) {
    const direct = m[0].length - noun.length <= 1;
    if (!direct || !(sized || s[e] === '-') || EFFICIENT.test(s.slice(end, end + 11))) return null;
  }
  return { noun: nounUnit(noun), end };
}

/**
 * Reads a number at p with everything that belongs to it: exponent, fraction, tolerance,
 * magnitude, unit or noun. `p` is a digit, or the "." of ".5".
 */
export function readAtom(s: string, p: number, allowTolerance: boolean): Atom | Skip {
  const num = readNumber(s, p);
  if (isSkip(num)) return num;
  let { end: e, raw } = num;
  let plainInt = num.plainInt;
  let special: Atom['special'] = null;

  E_NOTATION.lastIndex = e;
  if (E_NOTATION.exec(s) && !s.slice(p, e).includes(',')) {
    raw = raw * 10 ** Number(superToAscii(s.slice(e + 1, E_NOTATION.lastIndex)));
    e = E_NOTATION.lastIndex;
    special = 'sci';
    plainInt = false;
  }
  if (s[e] === '/' && plainInt) {
    if (!isDigit(s[e + 1])) return { skip: e + 1, mark: false }; // "1/e", "1/text{depth}"
    DIGIT_RUN.lastIndex = e + 1;
    DIGIT_RUN.exec(s);
    let f = DIGIT_RUN.lastIndex;
    while (s[f - 1] === '.' || s[f - 1] === ',') f--;
    const den = s.slice(e + 1, f);
    // "2024/2025" (years), "10/05/2023" (a date), "1/2/3": not fractions.
    if (!/^\d{1,6}$/.test(den) || s[f] === '/' || isLetter(s[f]) || Number(den) === 0) {
      return { skip: DIGIT_RUN.lastIndex, mark: true };
    }
    if (raw >= 1800 && raw <= 2100 && Number(den) >= 1800) return { skip: f, mark: true };
    raw = raw / Number(den);
    e = f;
    special = 'fraction';
    plainInt = false;
  } else if (s[e] === ':' && isDigit(s[e + 1]) && plainInt) {
    DIGIT_RUN.lastIndex = e + 1;
    DIGIT_RUN.exec(s);
    const den = s.slice(e + 1, DIGIT_RUN.lastIndex);
    if (!/^\d{1,4}$/.test(den) || Number(den) === 0 || s[DIGIT_RUN.lastIndex] === ':') {
      return { skip: DIGIT_RUN.lastIndex, mark: false };
    }
    raw = raw / Number(den); // "1:10" ratio
    e = DIGIT_RUN.lastIndex;
    special = 'ratio';
    plainInt = false;
  }
  if (special === null) {
    TIMES_TEN.lastIndex = e;
    const t = TIMES_TEN.exec(s);
    if (t) {
      raw = raw * 10 ** Number(superToAscii(t[1] ?? t[2] ?? t[3] ?? '0'));
      e = TIMES_TEN.lastIndex;
      special = 'sci';
      plainInt = false;
    } else if (s[e] === '^') {
      POWER.lastIndex = e;
      const pw = POWER.exec(s);
      // "10^{-3}" is a number; "2^10" or "O(n^2)" style exponents are mathematics.
      if (!pw || raw !== 10) return { skip: POWER.lastIndex > e ? POWER.lastIndex : e + 1, mark: false };
      raw = 10 ** Number(superToAscii(pw[1]!));
      e = POWER.lastIndex;
      special = 'sci';
      plainInt = false;
    } else {
      DIMENSION.lastIndex = e;
      if (DIMENSION.exec(s)) {
        // "3x3 kernels", "224 × 224 images", "Mixtral 8x7B": sizes and names, not multipliers.
        GLUE_RUN.lastIndex = DIMENSION.lastIndex;
        GLUE_RUN.exec(s);
        return { skip: GLUE_RUN.lastIndex, mark: true };
      }
    }
  }
  if (allowTolerance && special === null) {
    TOLERANCE.lastIndex = e;
    if (TOLERANCE.exec(s)) {
      const tol = readNumber(s, TOLERANCE.lastIndex);
      if (!isSkip(tol)) {
        e = tol.end; // "3.19 ± 0.10 GPa", "9 ± 6%": the unit after the tolerance is shared
        special = 'tolerance';
      }
    }
  }
  const numEnd = e;

  let mag: string | null = null;
  MAGNITUDE_LETTER.lastIndex = e;
  if (MAGNITUDE_LETTER.exec(s)) {
    mag = s[e]!;
    e = MAGNITUDE_LETTER.lastIndex;
  } else {
    MAGNITUDE_WORD.lastIndex = e;
    const mw = MAGNITUDE_WORD.exec(s);
    if (mw) {
      mag = mw[1]!.toLowerCase();
      e = MAGNITUDE_WORD.lastIndex;
    }
  }

  let unit: ReturnType<typeof readUnit> = null;
  let noun: ReturnType<typeof readNoun> = null;
  if (mag !== null) {
    noun = readNoun(s, e, true);
    if (!noun) {
      unit = readUnit(s, e);
      if (unit && !MAGNITUDE_UNITS.has(unit.info.unit)) unit = null;
    }
  } else {
    // "7 B parameters", "10 K examples": a spaced magnitude letter only with its noun.
    if ((s[e] === ' ' || s[e] === '\u00a0') && 'MBKT'.includes(s[e + 1] ?? '#') && (s[e + 2] === ' ' || s[e + 2] === '-')) {
      noun = readNoun(s, e + 2, true);
      if (noun) mag = s[e + 1]!;
    }
    if (!noun) unit = readUnit(s, e);
    if (!unit && !noun) noun = readNoun(s, e, false);
  }
  if (unit) e = unit.end;
  else if (noun) e = noun.end;
  return {
    start: p,
    numEnd,
    end: e,
    raw,
    plainInt,
    mag,
    unit: unit?.info ?? null,
    unitSurface: unit?.surface ?? null,
    unitAttached: unit?.attached ?? false,
    noun: noun?.noun ?? null,
    special,
  };
}

/** The factor of a magnitude suffix or word (1 when none). */
export function magMultiplier(mag: string | null): number {
  return mag === null ? 1 : (MAGNITUDES[mag] ?? 1);
}

/** A bare four-digit number that reads as a year (1800–2100). */
export const isYear = (a: Atom): boolean => a.plainInt && a.raw >= 1800 && a.raw <= 2100 && a.numEnd - a.start === 4;

/** A claim before its sentence and metric are known. */
export type Draft = Omit<Claim, 'metric' | 'sentence'>;

/** Scanner state across candidates within one abstract. */
export interface State {
  /** End of the last number rejected as a name or reference, for list propagation. */
  markEnd: number;
}
