import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/types.js';
import { arxivIdFromUrl, normalizeArxivId, paperSegment } from '../../src/formats/arxiv.js';
import { fileNameDate, parseDate } from '../../src/formats/dates.js';
import { loadJson, looksLikeJson, parsePythonLiteral } from '../../src/formats/json.js';
import { cleanRepoUrl } from '../../src/formats/links.js';
import { frontMatter, parseScrapedCount, urlDigestDate } from '../../src/formats/reader.js';
import { cleanTitle, decodeEntities, looksLikeAbstract, unwrapAbstract } from '../../src/formats/text.js';

describe('arXiv ids', () => {
  it.each([
    ['2405.15738', '2405.15738'],
    ['2405.15738v2', '2405.15738'],
    ['arXiv:2405.15738v3', '2405.15738'],
    ['  2006.15704 ', '2006.15704'],
    ['0704.0001', '0704.0001'],
    ['1501.00001v1', '1501.00001'],
    ['hep-th/9901001', 'hep-th/9901001'],
    ['hep-th/9901001v2', 'hep-th/9901001'],
    ['math.GT/0309136', 'math.GT/0309136'],
    ['cs/0112017', 'cs/0112017'],
    ['https://arxiv.org/abs/2405.15738v2', '2405.15738'],
    ['https://arxiv.org/pdf/2405.15738v1.pdf', '2405.15738'],
    ['https://arxiv.org/pdf/2405.15738', '2405.15738'],
    ['http://export.arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001'],
    ['https://huggingface.co/papers/2410.05434', '2410.05434'],
    ['/papers/2006.15704', '2006.15704'],
    ['https://huggingface.co/papers/2606.00683#community', '2606.00683'],
  ])('normalizeArxivId(%j) = %j', (input, id) => {
    expect(normalizeArxivId(input)).toBe(id);
  });

  it.each([
    [''],
    ['66540321d200a2ecdf784ffe'],
    ['12345'],
    ['2413.12345'], // month 13
    ['not an id'],
    ['https://github.com/owner/repo'],
    ['https://huggingface.co/papers/trending'],
    [42],
    [null],
  ])('normalizeArxivId(%j) is null', (input) => {
    expect(normalizeArxivId(input)).toBeNull();
  });

  it.each([
    ['see https://arxiv.org/abs/2405.15738v2 for details', '2405.15738'],
    ['https://huggingface.co/login?next=%2Fpapers%2F2410.05434', null],
    ['https://arxiv.org/abs/2405.157389', null],
    ['arXiv:2301.00001', '2301.00001'],
  ])('arxivIdFromUrl(%j) = %j', (input, id) => {
    expect(arxivIdFromUrl(input)).toBe(id);
  });

  it.each([
    ['/papers/2006.15704', '2006.15704'],
    ['https://huggingface.co/papers/2410.05434', '2410.05434'],
    ['https://huggingface.co/papers/2410.05434#community', '2410.05434'],
    ['https://huggingface.co/papers/hep-th/9901001', 'hep-th/9901001'],
    ['/papers/trending', null],
    ['/papers/date/2026-03-24', null],
    ['https://huggingface.co/papers?q=x', null],
    ['https://huggingface.co/models', null],
  ])('paperSegment(%j) = %j', (href, seg) => {
    expect(paperSegment(href)).toBe(seg);
  });
});

describe('dates', () => {
  it.each([
    ['2024-12-11T01:02:25.688Z', null, '2024-12-11'],
    ['2024-05-24', null, '2024-05-24'],
    ['Oct 7, 2024', null, '2024-10-07'],
    ['October 7, 2024', null, '2024-10-07'],
    ['Published on Jun 28, 2020', null, '2020-06-28'],
    ['Sept 3, 2021', null, '2021-09-03'],
    ['7 Oct 2024', null, '2024-10-07'],
    ['Feb 29, 2024', null, '2024-02-29'],
    ['Feb 29, 2023', null, null],
    ['2024-13-01', null, null],
    // yearless dates take the capture's year, or the year before when they fall after it
    ['May 29', '2026-10-02', '2026-05-29'],
    ['Sep 9', '2026-10-02', '2026-09-09'],
    ['Dec 30', '2026-10-02', '2025-12-30'],
    ['Sep 29', null, null],
    ['May 29[6](https://huggingface.co/papers/2606.00683#community)', '2026-10-02', '2026-05-29'],
    ['', null, null],
    ['yesterday', null, null],
  ])('parseDate(%j, %j) = %j', (input, ref, out) => {
    expect(parseDate(input, ref)).toBe(out);
  });

  it.each([
    ['2024-12-11.json', '2024-12-11'],
    ['/data/raw/2025-01-10.json', '2025-01-10'],
    ['C:\\scrapes\\daily_2024-05-27_v2.html', '2024-05-27'],
    ['2024-05-27/file.json', null],
    ['2024-02-30.json', null],
    ['trending_page_2026-10_card_excerpt.html', null],
    ['x12024-05-270.json', null],
  ])('fileNameDate(%j) = %j', (name, out) => {
    expect(fileNameDate(name)).toBe(out);
  });

  it.each([
    ['https://huggingface.co/papers/date/2026-03-24', '2026-03-24'],
    ['https://huggingface.co/papers?date=2024-05-27', '2024-05-27'],
    ['https://huggingface.co/papers?q=Intercode%20Bash', null],
  ])('urlDigestDate(%j) = %j', (url, out) => {
    expect(urlDigestDate(url)).toBe(out);
  });
});

describe('titles and abstracts', () => {
  it.each([
    [
      'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal\n  Models',
      'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models',
    ],
    ['  padded title \t', 'padded title'],
    ['Engage\\  with Past Research', 'Engage with Past Research'],
    ['Scaling &amp; Shifting Your Features', 'Scaling & Shifting Your Features'],
    ['Caf&#233; &#x2014; &quot;quoted&quot;', 'Café — "quoted"'],
    ['Unknown &foo; entity stays', 'Unknown &foo; entity stays'],
    ['<i>Italic</i> and <b>bold</b> markup', 'Italic and bold markup'],
    ['When a < b and c > d', 'When a < b and c > d'],
    ['no-break\u00a0space', 'no-break space'],
    ['$\\mathcal{O}(n)$ attention', '$\\mathcal{O}(n)$ attention'],
  ])('cleanTitle(%j) = %j', (raw, clean) => {
    expect(cleanTitle(raw)).toBe(clean);
  });

  it.each([
    ['Sub\\-Quadratic \\[Attention\\] with \\*stars\\*', 'Sub-Quadratic [Attention] with *stars*'],
    ['snake\\_case\\_model', 'snake_case_model'],
  ])('cleanTitle(%j, markdown) = %j', (raw, clean) => {
    expect(cleanTitle(raw, { markdown: true })).toBe(clean);
  });

  it.each([
    ['line one\nline two', 'line one line two'],
    ['wrapped\\\\\nby firecrawl\\\\\nhere', 'wrapped by firecrawl here'],
    ['single backslash\\\nbreak', 'single backslash break'],
    ['crlf\r\nwraps', 'crlf wraps'],
    ['  lots   of\t\tspace  ', 'lots of space'],
    [
      'LaTeX $\\alpha \\times \\beta$ and \\url{https://x.io/ } stay',
      'LaTeX $\\alpha \\times \\beta$ and \\url{https://x.io/ } stay',
    ],
    ['a\\\\b in the middle stays', 'a\\\\b in the middle stays'],
  ])('unwrapAbstract(%j) = %j', (raw, clean) => {
    expect(unwrapAbstract(raw)).toBe(clean);
  });

  it('decodes entities without touching plain text', () => {
    expect(decodeEntities('AT&T')).toBe('AT&T');
    expect(decodeEntities('&lt;b&gt;')).toBe('<b>');
    expect(decodeEntities('&#0; &#xD800;')).toBe('&#0; &#xD800;');
  });

  it('tells abstracts from one-sentence AI summaries', () => {
    expect(
      looksLikeAbstract(
        'The PyTorch distributed data parallel module optimizes large-scale model training using techniques like gradient bucketing, computation-communication overlap, and selective synchronization to achieve near-linear scalability.',
      ),
    ).toBe(false);
    expect(looksLikeAbstract('We study X. We propose Y. '.repeat(30))).toBe(true);
  });
});

describe('links and counts', () => {
  it.each([
    ['https://github.com/pytorch/pytorch', 'https://github.com/pytorch/pytorch'],
    ['https://github.com/nv-tlabs/PixelUMM/', 'https://github.com/nv-tlabs/PixelUMM'],
    ['github.com/owner/repo.git', 'https://github.com/owner/repo'],
    ['https://github.com/owner/repo/tree/main/sub', 'https://github.com/owner/repo/tree/main/sub'],
    ['https://github.com/owner/repo?tab=readme', 'https://github.com/owner/repo'],
    ['https://github.com/huggingface', null],
    ['https://github.com/huggingface/', null],
    ['https://github.com/login', null],
    ['https://github.com/features/copilot', null],
    ['https://gitlab.com/owner/repo', null],
    [null, null],
  ])('cleanRepoUrl(%j) = %j', (raw, out) => {
    expect(cleanRepoUrl(raw)).toBe(out);
  });

  it.each([
    [13, 13],
    ['13', 13],
    ['1,234', 1234],
    ['1.2k', 1200],
    ['-', 0],
    ['n/a', null],
    [-3, null],
    [Number.NaN, null],
  ])('parseScrapedCount(%j) = %j', (raw, out) => {
    expect(parseScrapedCount(raw)).toBe(out);
  });
});

describe('front matter', () => {
  it('reads the flat fields and where the body starts', () => {
    const text = '---\nurl: https://huggingface.co/papers?q=x\nretrieved: 2026-10-02\ntitle: "Daily Papers"\n---\nbody';
    const fm = frontMatter(text);
    expect(fm.fields).toEqual({ url: 'https://huggingface.co/papers?q=x', retrieved: '2026-10-02', title: 'Daily Papers' });
    expect(text.slice(fm.end)).toBe('body');
  });
  it('is empty without one', () => {
    expect(frontMatter('# title\n---\n').fields).toEqual({});
  });
});

describe('Python literals', () => {
  it.each([
    ["{'a': 1, 'b': [True, False, None], 'c': -2.5e3}", { a: 1, b: [true, false, null], c: -2500 }],
    [`{"double": "it's", 'single': 'say "hi"'}`, { double: "it's", single: 'say "hi"' }],
    [String.raw`'esc \' \" \\ \n \t \x41 \u00e9 \U0001F600 \101'`, 'esc \' " \\ \n \t A é 😀 A'],
    [String.raw`'unknown \d escape kept'`, 'unknown \\d escape kept'],
    [String.raw`r'raw \n stays'`, 'raw \\n stays'],
    ["u'unicode prefix'", 'unicode prefix'],
    ["'''triple 'quoted' text'''", "triple 'quoted' text"],
    ['(1, 2,)', [1, 2]],
    ['[1_000, 0.5, .5, inf]', [1000, 0.5, 0.5, Infinity]],
    ["{'__proto__': 1}", JSON.parse('{"__proto__": 1}')],
    ['  [ ]  ', []],
    ["{1: 'int key'}", { 1: 'int key' }],
  ])('parses %s', (src, value) => {
    expect(parsePythonLiteral(src)).toEqual(value);
  });

  it.each([
    ["{'a': 1"],
    ["{'a' 1}"],
    ["'unterminated"],
    ["'new\nline'"],
    ['datetime.datetime(2024, 1, 1)'],
    ['[1, 2] trailing'],
    ["__import__('os')"],
    ['{[1]: 2}'],
    ['['.repeat(10_000)],
    [''],
  ])('rejects %j with a ParseError', (src) => {
    expect(() => parsePythonLiteral(src)).toThrow(ParseError);
  });

  it('names the offset of the failure', () => {
    expect(() => parsePythonLiteral("{'a': @}")).toThrow(/offset 6/);
  });
});

describe('JSON loading', () => {
  it('parses JSON, NDJSON and whole-file Python literals', () => {
    expect(loadJson('[{"a": 1}]')).toMatchObject({ value: [{ a: 1 }], syntax: 'json' });
    expect(loadJson('{"a": 1}\n{"a": 2}\n\n')).toMatchObject({ value: [{ a: 1 }, { a: 2 }], syntax: 'ndjson' });
    expect(loadJson("[{'a': True}]")).toMatchObject({ value: [{ a: true }], syntax: 'python' });
    expect(loadJson('\ufeff[1]').value).toEqual([1]);
  });

  it('skips a minority of bad NDJSON lines with a warning', () => {
    const r = loadJson('{"a": 1}\n{"a": 2}\n{"a": \n');
    expect(r.value).toEqual([{ a: 1 }, { a: 2 }]);
    expect(r.warnings[0]).toMatch(/1 unreadable NDJSON line.*line 3/);
  });

  it.each([
    ['[{"a": 1}, {"a": 2', /invalid JSON at line 1, column \d+ \(offset \d+\)/],
    ['[\n  {"a": 1},\n  {"a" 2}\n]', /invalid JSON at line 3/],
    ['{"a": 1}\n{"a": \n{"a": \n', /invalid NDJSON: 2 bad line/],
  ])('reports where %j broke', (text, message) => {
    expect(() => loadJson(text)).toThrow(ParseError);
    expect(() => loadJson(text)).toThrow(message);
  });

  it.each([
    ['[{"title": 1}]', true],
    ['{"status": "ok"}', true],
    ["[{'paper': {}}]", true],
    ['[]', true],
    ['[Subscribe](https://huggingface.co/login)', false],
    ['[-] 1', false],
    ['{{template}}', false],
    ['plain text', false],
  ])('looksLikeJson(%j) = %j', (text, out) => {
    expect(looksLikeJson(text)).toBe(out);
  });
});
