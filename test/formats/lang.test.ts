import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCjkText, scriptLang } from '../../src/formats/lang.js';

/** The counting scriptLang did before its one-pass rewrite: every script matched with a /gu pattern. */
function scriptLangByMatch(text: string): string | null {
  const s = text.length > 4000 ? text.slice(0, 4000) : text;
  const count = (re: RegExp) => s.match(re)?.length ?? 0;
  const han = count(/\p{Script=Han}/gu);
  const kana = count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(/\p{Script=Hangul}/gu);
  const latin = count(/\p{Script=Latin}/gu);
  const vi = count(/[ơưăđƠƯĂĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/gu);
  const cjk = han + kana + hangul;
  if (cjk + latin === 0) return null;
  if (cjk * 4 >= latin / 5 && cjk >= 4) {
    if (hangul >= han && hangul >= kana) return 'ko';
    if (kana * 10 >= han && kana > 0) return 'ja';
    return 'zh';
  }
  if (vi * 50 >= latin && vi >= 3) return 'vi';
  return 'en';
}

describe('scriptLang', () => {
  it('tells the scripts apart', () => {
    expect(scriptLang('We propose LoRA, a low-rank adaptation.')).toBe('en');
    expect(scriptLang('我们提出了一种新的低秩适应方法 LoRA')).toBe('zh');
    expect(scriptLang('本論文では、LoRAを用いた手法を提案する')).toBe('ja');
    expect(scriptLang('우리는 새로운 방법을 제안한다')).toBe('ko');
    expect(scriptLang('Chúng tôi đề xuất một phương pháp mới dựa trên LoRA')).toBe('vi');
    expect(scriptLang('12345 --- !!!')).toBeNull();
    expect(scriptLang('')).toBeNull();
    expect(isCjkText('𠀀𠀁𠀂𠀃 characters beyond the BMP')).toBe(true);
  });

  it('counts letters beyond ASCII as the /u patterns do (accents, full-width, astral, lone surrogates)', () => {
    // Array.from splits by code point: '𠀀' stays one character; the lone surrogates are added apart.
    const alphabet = [...Array.from('aZ 1.éßơạＡｚ汉字のカ한글𠀀αя\u0301'), '\ud800', '\udc00'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(scriptLang(text)).toBe(scriptLangByMatch(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(scriptLang(text)).toBe(scriptLangByMatch(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads only the first 4,000 characters', () => {
    const text = `${'x'.repeat(4000)}${'汉'.repeat(100)}`;
    expect(scriptLang(text)).toBe('en');
    expect(scriptLangByMatch(text)).toBe('en');
  });
});
