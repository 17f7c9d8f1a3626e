/**
 * The language of a text by its script: enough to tell a Chinese, Japanese, Korean or Vietnamese
 * translation or summary from an English abstract. Pure.
 */

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const LATIN = /\p{Script=Latin}/gu;
/** Letters only Vietnamese uses among Latin scripts (ơ ư ă đ and the stacked tone marks). */
const VIETNAMESE = /[ơưăđƠƯĂĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/gu;

function count(re: RegExp, s: string): number {
  return s.match(re)?.length ?? 0;
}

/**
 * "zh", "ja", "ko", "vi" or "en" for a text written mostly in that script; null for a text with
 * no letters. A CJK text counts as such when a quarter of its letters are CJK: translations keep
 * English model names ("STORM", "LLM") between the characters.
 */
export function scriptLang(text: string): string | null {
  const s = text.length > 4000 ? text.slice(0, 4000) : text;
  const han = count(HAN, s);
  const kana = count(KANA, s);
  const hangul = count(HANGUL, s);
  const latin = count(LATIN, s);
  const cjk = han + kana + hangul;
  const letters = cjk + latin;
  if (letters === 0) return null;
  // A CJK character carries about a word, a Latin letter a fifth of one.
  if (cjk * 4 >= latin / 5 && cjk >= 4) {
    if (hangul >= han && hangul >= kana) return 'ko';
    if (kana * 10 >= han && kana > 0) return 'ja';
    return 'zh';
  }
  if (count(VIETNAMESE, s) * 50 >= latin && count(VIETNAMESE, s) >= 3) return 'vi';
  return 'en';
}

/** Is the text mostly in a CJK script (a translation, never an English abstract)? */
export function isCjkText(text: string): boolean {
  const l = scriptLang(text);
  return l === 'zh' || l === 'ja' || l === 'ko';
}
