import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanRecordText, cleanText, escapeTerminal, hasControl } from '../src/sanitize.js';
import { cleanLink, cleanRepoUrl } from '../src/formats/links.js';
import { extractLinks } from '../src/extract/links.js';

const ESC = '\x1b';
const BEL = '\x07';

describe('cleanText (where scraped text enters)', () => {
  it.each([
    ['plain text stays', 'LoRA: Low-Rank Adaptation', 'LoRA: Low-Rank Adaptation'],
    ['SGR colours', `${ESC}[31mRed${ESC}[0m title`, 'Red title'],
    ['clear screen', `A${ESC}[2J${ESC}[HB`, 'AB'],
    ['CSI with private parameters', `A${ESC}[?25lB`, 'AB'],
    ['OSC 8 hyperlink keeps only its text', `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\ me`, 'click me'],
    ['OSC 52 clipboard write (BEL)', `x${ESC}]52;c;cm0gLXJmIH4=${BEL}y`, 'xy'],
    ['OSC title', `x${ESC}]0;pwned${BEL}y`, 'xy'],
    ['8-bit CSI', 'a\x9b2Jb', 'ab'],
    ['8-bit OSC with ST', 'a\x9d52;c;AAAA\x9cb', 'ab'],
    ['a stray 8-bit OSC swallows nothing', 'a\x9d keeps the rest', 'a keeps the rest'],
    ['unterminated 7-bit OSC loses its introducer', `a${ESC}]0;rest`, 'a0;rest'],
    ['ESC c (reset)', `a${ESC}cb`, 'ab'],
    ['C0 controls', 'a\x00b\x08c\x0bd\x0ce\x7ff', 'abcdef'],
    ['C1 controls', 'a\x85b\x9fc', 'abc'],
    ['bidi overrides and isolates', 'a\u202ecba\u202c \u2066x\u2069', 'acba x'],
    ['tab and line feed stay', 'a\tb\nc\r\nd', 'a\tb\nc\r\nd'],
    ['a lone CR becomes a line feed', 'safe\rEVIL', 'safe\nEVIL'],
    ['non-ASCII text stays', 'Qwen2.5 — 中文 naïve ü', 'Qwen2.5 — 中文 naïve ü'],
  ])('%s', (_name, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('leaves no control character or bidi control but tab and line feed, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            ' ',
            ESC,
            '[',
            ']',
            '\\',
            BEL,
            '\x9b',
            '\x9d',
            '\x9c',
            '\r',
            '\u202e',
            '\x00',
            '2',
            'J',
            ';',
          ),
        }),
        (s) => {
          expect(cleanText(s)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
        },
      ),
    );
  });

  it('is linear: a megabyte of unterminated introducers', () => {
    // With a payload that could run on to the end, each of these would scan the rest: minutes.
    expect(cleanText('\x9d'.repeat(500_000) + 'x'.repeat(500_000)).length).toBe(500_000);
    expect(cleanText(`${ESC}]`.repeat(300_000)).length).toBe(0);
    expect(cleanText(`${ESC}[`.repeat(300_000) + '1'.repeat(300_000)).length).toBe(0);
  });

  it('cleans every text field of a record', () => {
    const r = cleanRecordText({
      title: `${ESC}[2JT`,
      abstract: `A${ESC}]52;c;x${BEL}`,
      authors: [`B\u202e`],
      summary: 'S\x00',
      position: 1,
    });
    expect(r).toEqual({ title: 'T', abstract: 'A', authors: ['B'], summary: 'S', position: 1 });
  });
});

describe('escapeTerminal (where text leaves for a terminal or a pipe)', () => {
  it.each([
    ['plain', 'plain'],
    [`${ESC}[2J`, '\\x1b[2J'],
    ['a\rb', 'a\\rb'],
    ['a\u202eb', 'a\\u202eb'],
    ['a\x9bb', 'a\\x9bb'],
    ['tab\tand\nline', 'tab\tand\nline'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeTerminal(input)).toBe(expected);
  });
});

describe('URLs with control characters are not links', () => {
  it('hasControl', () => {
    expect(hasControl('https://evil.example/x\x1b')).toBe(true);
    expect(hasControl('https://good.example/x')).toBe(false);
  });
  it('in link fields', () => {
    expect(cleanLink('https://evil.example/x\x1b')).toBeNull();
    expect(cleanLink('https://evil.example/x\u202e')).toBeNull();
    expect(cleanRepoUrl('https://github.com/a/b\x1b[2J')).toBeNull();
    expect(cleanRepoUrl('https://github.com/a/b')).toBe('https://github.com/a/b');
  });
  it('in abstracts and site fields', () => {
    const found = extractLinks('T', 'Code: https://evil.example/x\x1b[2J and https://github.com/a/b\x07.', [
      'https://github.com/c/d\x1b',
    ]);
    expect(found.links).toEqual([]);
    expect(found.github).toEqual([]);
  });
});

describe('the terminal table escapes cells before colouring them', () => {
  it('a coloured table shows the escape, and only chalk adds escape sequences', async () => {
    const { PassThrough } = await import('node:stream');
    const { emitRows, outputContext } = await import('../src/output/emit.js');
    const out = new PassThrough() as InstanceType<typeof PassThrough> & { isTTY?: boolean; columns?: number };
    out.isTTY = true;
    out.columns = 120;
    const ctx = outputContext({ color: true }, null, out);
    ctx.chalk.level = 3;
    const rows = [{ title: `A ${ESC}[2J title`, who: 'x\u202ey' }];
    const view = {
      fields: ['title', 'who'],
      toJSON: (r: (typeof rows)[number]) => r,
      columns: [
        { key: 'title', header: 'title', flex: true, style: (s: string) => ctx.chalk.bold(s) },
        { key: 'who', header: 'who' },
      ],
    };
    await emitRows(rows, view, ctx);
    out.end();
    const text = out.read().toString();
    expect(text).toContain('A \\x1b[2J title');
    expect(text).toContain('x\\u202ey');
    // The only ESC bytes left are chalk's own SGR sequences.
    expect(text.replace(/\x1b\[\d+(?:;\d+)*m/g, '')).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  });
});
