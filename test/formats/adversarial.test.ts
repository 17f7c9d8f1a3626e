/**
 * Hostile inputs for the prose readers (issue 13): each is large enough that the quadratic code it
 * once hit would run for minutes, while the linear code takes milliseconds, so the test runner's
 * timeout is what catches a regression (no wall-clock assertion here).
 */
import { describe, expect, it } from 'vitest';
import { splitDigest } from '../../src/formats/index.js';
import { capHtmlDepth, MAX_HTML_DEPTH } from '../../src/formats/htmlDepth.js';
import { ParseError } from '../../src/types.js';

const PAPER = 'https://huggingface.co/papers/2401.00001';

/** Splits, accepting a ParseError as an answer too: what matters is that it returns. */
function trySplit(text: string, name = 'x'): number {
  try {
    return splitDigest(text, name).records.length;
  } catch (e) {
    if (e instanceof ParseError) return 0;
    throw e;
  }
}

describe('markdown reader on unclosed links (findClose, readLink)', () => {
  it.each([
    ['2 MB of abstract links to the paper, never closed', `### [T](${PAPER})\n[${`](${PAPER}#`.repeat(45_000)}`],
    ['2 MB of them closed once at the very end', `### [T](${PAPER})\n[${`](${PAPER}# `.repeat(45_000)})`],
    ['hard-break backslashes after 400k blanks', `### [T](${PAPER})\n[${' '.repeat(400_000)}\\\\x](${PAPER})\n`],
    ['1 MB of paper headings without a closing parenthesis', `### [T](${PAPER})\n${`### [a](${PAPER}\n`.repeat(20_000)}`],
  ])('%s', (_name, text) => {
    expect(text.length).toBeGreaterThan(400_000);
    expect(trySplit(text, 'x.md')).toBeGreaterThanOrEqual(1);
  });
});

describe('HTML nested 100k deep', () => {
  const deep = (n: number) =>
    `<html><body>${'<div>'.repeat(n)}<article><h3><a href="/papers/2401.00001">A Title</a></h3><p>text</p></article>${'</div>'.repeat(n)}</body></html>`;

  it('still finds the card inside 100k nested divs (1.1 MB)', () => {
    const out = splitDigest(deep(100_000), 'x.html');
    expect(out.records.map((r) => [r.title, r.arxivId])).toEqual([['A Title', '2401.00001']]);
  });

  it('still returns on 100k nested paper headings', () => {
    const text = `<html><body>${'<h3><a href="/papers/2401.00001">x'.repeat(100_000)}</body></html>`;
    expect(trySplit(text, 'x.html')).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['shallow HTML is returned as is', '<div><p>a</p><br><img src=x></div>', 3, '<div><p>a</p><br><img src=x></div>'],
    [
      'tags past the depth are dropped with their closing tags, text kept',
      '<div><div><div>x</div></div></div>',
      2,
      '<div><div>x</div></div>',
    ],
    ['void and self-closing tags do not count', '<div><br><img/><span>x</span></div>', 2, '<div><br><img/><span>x</span></div>'],
    ['an unclosed < at the end stops the scan', '<div><div><div>x<', 1, '<div>x<'],
  ])('capHtmlDepth: %s', (_n, html, depth, want) => expect(capHtmlDepth(html, depth)).toBe(want));

  it('caps the nesting of 100k divs at MAX_HTML_DEPTH', () => {
    const capped = capHtmlDepth('<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000));
    expect(capped).toBe('<div>'.repeat(MAX_HTML_DEPTH) + 'x' + '</div>'.repeat(MAX_HTML_DEPTH));
  });
});
