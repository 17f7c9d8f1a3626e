/**
 * The language of a text by its script: enough to tell a Chinese, Japanese, Korean or Vietnamese
 * translation or summary from an English abstract. Pure.
 */

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const LATIN = /\p{Script=Latin}/u;
/** Letters only Vietnamese uses among Latin scripts (ơ ư ă đ and the stacked tone marks). */
const VIETNAMESE = /[ơưăđƠƯĂĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u;

/** How many letters of each script the text holds (code points, as a /u pattern counts them). */
export interface ScriptCounts {
  han: number;
  kana: number;
  hangul: number;
  latin: number;
  vietnamese: number;
}

/**
 * One pass over the code points. An ASCII character is classed by its code alone: counting with
 * `text.match(/\p{Script=Latin}/gu)` made an array of one-letter strings for every text (the top
 * function in a profile of reading a large scraper's JSON; 3.0-3.4 us against 1.0-1.5 us for a
 * 1.2 KB abstract).
 */
export function countScripts(s: string): ScriptCounts {
  const n = { han: 0, kana: 0, hangul: 0, latin: 0, vietnamese: 0 };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) n.latin++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++; // the low surrogate is part of this character
    const ch = String.fromCodePoint(cp);
    if (LATIN.test(ch)) {
      n.latin++;
      if (VIETNAMESE.test(ch)) n.vietnamese++;
    } else if (HAN.test(ch)) n.han++;
    else if (KANA.test(ch)) n.kana++;
    else if (HANGUL.test(ch)) n.hangul++;
  }
  return n;
}

/**
 * "zh", "ja", "ko", "vi" or "en" for a text written mostly in that script; null for a text with
 * no letters. A CJK text counts as such when a quarter of its letters are CJK: translations keep
 * English model names ("STORM", "LLM") between the characters.
 */
export function scriptLang(text: string): string | null {
  const s = text.length > 4000 ? text.slice(0, 4000) : text;
  const { han, kana, hangul, latin, vietnamese } = countScripts(s);
  const cjk = han + kana + hangul;
  const letters = cjk + latin;
  if (letters === 0) return null;
  // A CJK character carries about a word, a Latin letter a fifth of one.
  if (cjk * 4 >= latin / 5 && cjk >= 4) {
    if (hangul >= han && hangul >= kana) return 'ko';
    if (kana * 10 >= han && kana > 0) return 'ja';
    return 'zh';
  }
  if (vietnamese * 50 >= latin && vietnamese >= 3) return 'vi';
  return 'en';
}

/** Is the text mostly in a CJK script (a translation, never an English abstract)? */
export function isCjkText(text: string): boolean {
  const l = scriptLang(text);
  return l === 'zh' || l === 'ja' || l === 'ko';
}
