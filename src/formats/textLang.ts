/**
 * What a newsletter's body text is, told by its script and its voice: the language of a summary
 * (a Chinese, Korean, Japanese or Vietnamese translation is never the paper's abstract) and
 * whether English prose is an LLM-written lay summary ("The authors propose …; this offers AI
 * practitioners …") rather than the authors' abstract ("We propose …"). Pure and linear.
 */

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;

/** A best guess at the language of a text: "zh", "ja", "ko", "vi", "en", or null when unsure. */
export function guessLang(text: string): string | null {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  if (hangul > 10 && hangul * 4 > latin) return 'ko';
  if (kana > 10 && kana * 4 > latin) return 'ja';
  if (han > 10 && han * 2 > latin / 4) return 'zh';
  if (latin < 20) return null;
  const vi = sample.match(VIETNAMESE)?.length ?? 0;
  if (vi * 20 > latin) return 'vi';
  return 'en';
}

/** Phrases of a third-person summary about a paper, rare in the authors' own abstract. */
const LAY_VOICE =
  /\b(?:the authors|this paper|the paper|the study|this study|the researchers|this (?:survey|research) paper|(?:ai|ml) (?:practitioners|engineers)|data scientists|key takeaways?|main (?:idea|problem|results))\b/gi;

/** Does English prose read as a lay summary written about the paper rather than its abstract? */
export function isLaySummary(text: string): boolean {
  const n = text.length > 6000 ? text.slice(0, 6000).match(LAY_VOICE) : text.match(LAY_VOICE);
  // Abstracts too may open with "This paper introduces": one such phrase is not enough.
  return (n?.length ?? 0) >= 2 || /^here(?:'s| is) a summary/i.test(text.trim());
}
