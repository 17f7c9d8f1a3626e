import { describe, expect, it } from 'vitest';
import { splitDigest } from '../../src/formats/index.js';
import { frontMatterReader, yamlReader } from '../../src/formats/yaml.js';
import { ParseError } from '../../src/types.js';

describe('yamlReader', () => {
  it.each([
    ['title: T\narxiv_id: "2401.00001"\n', 'x.txt', 0.75],
    ['- title: A\n  url: https://arxiv.org/abs/2401.00001\n', 'x.txt', 0.75],
    ['papers:\n  - title: A\n    abstract: x\n', 'x.txt', 0.75],
    ['Note: this is a text digest\nA Title\n', 'x.txt', 0],
    ['title: T\n', 'x.yaml', 0.4],
    ['just a string', 'x.yml', 0.1],
    ['---\ntitle: Page\n---\n\nBody of a markdown page.\n', 'x.md', 0],
  ])('detect(%j, %s) = %d', (text, name, confidence) => {
    expect(yamlReader.detect(text, name)).toBe(confidence);
  });

  const _ = (name: string, text: string, expected: Record<string, unknown>[]) => [name, text, expected] as const;
  it.each([
    _(
      'one paper per file, a folded abstract, a versioned id',
      'title: "A: B"\narxiv_id: 2406.00001v3\nabstract: >\n  Folded\n  text.\n',
      [{ title: 'A: B', arxivId: '2406.00001', arxivVersion: 3, abstract: 'Folded text.' }],
    ),
    _('a list of papers', '- title: A\n  url: https://huggingface.co/papers/2401.00001\n- title: B\n  authors: [X, Y]\n', [
      { title: 'A', arxivId: '2401.00001' },
      { title: 'B', authors: ['X', 'Y'] },
    ]),
    _('papers under a wrapper with a date', 'date: 2024-06-02\npapers:\n  - title: A\n    summary: The abstract.\n', [
      { title: 'A', abstract: 'The abstract.' },
    ]),
    _('a TL;DR is a summary, not the abstract', 'title: A\nid: "2401.00002"\ntldr: Short.\n', [
      { abstract: '', summary: 'Short.', summaryLang: 'en' },
    ]),
    _('a stream of documents, one paper each', '---\ntitle: A\nid: "2401.00003"\n---\ntitle: B\nid: "2401.00004"\n', [
      { title: 'A', arxivId: '2401.00003' },
      { title: 'B', arxivId: '2401.00004' },
    ]),
    _('an arXiv id written as a YAML number keeps its digits', 'title: A\narxiv_id: 2401.10000\n', [{ arxivId: '2401.10000' }]),
    _('an old 4-digit id written as a number', 'title: A\nid: 1412.6980\n', [{ arxivId: '1412.6980' }]),
  ])('%s', (_name, text, expected) => {
    const r = yamlReader.split(text, 'x.yaml');
    expect(r.records).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(r.records[i]).toMatchObject(e));
  });

  it('takes the digest date from a wrapper', () => {
    expect(yamlReader.split('date: 2024-06-02\npapers:\n  - title: A\n    id: "2401.00001"\n', 'x.yaml').digestDate).toBe(
      '2024-06-02',
    );
  });

  it.each([
    ['title: [unclosed\n', /invalid YAML/],
    ['a: *nowhere\n', /invalid YAML/],
    ['- 1\n- 2\n', /no paper records/],
  ])('%j is a ParseError', (text, message) => {
    expect(() => yamlReader.split(text, 'x.yaml')).toThrow(ParseError);
    expect(() => yamlReader.split(text, 'x.yaml')).toThrow(message);
  });

  it('refuses an alias bomb with a ParseError', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(() => yamlReader.split(bomb, 'x.yaml')).toThrow(ParseError);
  });
});

describe('frontMatterReader', () => {
  const page = (fm: string, body = '\nA summary written by a model.\n\nSecond paragraph.\n') => `---\n${fm}\n---\n${body}`;

  it.each([
    [page('layout: paper\npdf_url: https://arxiv.org/pdf/2608.12036\ntitle: Mechanist&#58; An AI Scientist'), 0.9],
    [page('layout: default\ntitle: 2026-08-14\npermalink: /2026-08-14/'), 0],
    [page('pdf_url: https://arxiv.org/pdf/2608.12036'), 0],
    ['# No front matter\n', 0],
  ])('detect(%j) = %d', (text, confidence) => {
    expect(frontMatterReader.detect(text, 'x.md')).toBe(confidence);
  });

  it('reads one paper: title entities decoded, pdf_url to arXiv id and version, the body as an English summary', () => {
    const r = frontMatterReader.split(
      page('pdf_url: https://arxiv.org/pdf/2608.12036v2\ntitle: Mechanist&#58; An AI Scientist'),
      'x.md',
    );
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      title: 'Mechanist: An AI Scientist',
      arxivId: '2608.12036',
      arxivVersion: 2,
      abstract: '',
      summary: 'A summary written by a model. Second paragraph.',
      summaryLang: 'en',
    });
  });

  it('an abstract field in the front matter is the abstract; the body stays a summary', () => {
    const r = frontMatterReader.split(page('title: T\narxiv_id: "2401.00001"\nabstract: The real abstract.'), 'x.md');
    expect(r.records[0]).toMatchObject({
      abstract: 'The real abstract.',
      summary: 'A summary written by a model. Second paragraph.',
    });
  });

  it('a Chinese body is a summary in Chinese', () => {
    const r = frontMatterReader.split(page('title: T\nid: "2401.00001"', '\n本文提出了一种新的方法。\n'), 'x.md');
    expect(r.records[0]).toMatchObject({ abstract: '', summaryLang: 'zh' });
  });

  it('wins over the markdown reader for a per-paper page, leaves a digest page to it', () => {
    const paper = page('pdf_url: https://arxiv.org/pdf/2608.12036\ntitle: T');
    expect(splitDigest(paper, 'docs/x.md').format).toBe('front-matter');
    expect(frontMatterReader.detect(page('title: 2026-08-14', '\n### A Paper\n'), 'x.md')).toBe(0);
  });
});
