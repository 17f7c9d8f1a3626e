import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countScripts, isCjkText, type ScriptCounts, scriptLang } from '../../src/formats/lang.js';

/** How scriptLang counted before its one-pass rewrite: every script matched with a /gu pattern. */
function countByMatch(s: string): ScriptCounts {
  const count = (re: RegExp) => s.match(re)?.length ?? 0;
  return {
    han: count(/\p{Script=Han}/gu),
    kana: count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu),
    hangul: count(/\p{Script=Hangul}/gu),
    latin: count(/\p{Script=Latin}/gu),
    vietnamese: count(/[ơưăđƠƯĂĐạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/gu),
  };
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

  it('counts the letters of each script as the /u patterns do (accents, full-width, astral, lone surrogates)', () => {
    // Array.from splits by code point: '𠀀' stays one character; the lone surrogates are added apart.
    const alphabet = [...Array.from('aZ 1.éßơạＡｚ汉字のカ한글𠀀αя\u0301'), '\ud800', '\udc00'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(countScripts(text)).toEqual(countByMatch(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(countScripts(text)).toEqual(countByMatch(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads only the first 4,000 characters', () => {
    // Ten Han characters, then blanks to the 4,000th character: Chinese, whatever English follows.
    const text = `${'汉'.repeat(10)}${' '.repeat(3990)}${'x'.repeat(10_000)}`;
    expect(scriptLang(text)).toBe('zh');
  });
});
