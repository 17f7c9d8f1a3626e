import { describe, expect, it } from 'vitest';
import { csvReader } from '../../src/formats/csv.js';
import { splitDigest } from '../../src/formats/index.js';
import { ParseError } from '../../src/types.js';

describe('csvReader: detection', () => {
  it.each([
    ['title,url\nT,https://huggingface.co/papers/2401.00001\n', 'x.txt', 0.85],
    ['标题,中文标题,PDF链接,论文链接,简明摘要,Upvote数\n', 'x.txt', 0.85],
    ['Title\tAbstract\n', 'x.txt', 0.85],
    ['title\nA\nB\n', 'x.csv', 0.6],
    ['title,notes\nA,b\n', 'x.txt', 0.3],
    ['name,abstract\nfoo,bar\n', 'x.txt', 0],
    ['Get trending papers, every day, in your inbox\nA title\n', 'x.txt', 0],
    ['This is a long sentence, with commas, that is not a header at all, title\n', 'x.txt', 0],
  ])('detect(%j, %s) = %d', (text, name, confidence) => {
    expect(csvReader.detect(text, name)).toBe(confidence);
  });
});

describe('csvReader: rows', () => {
  const _ = (name: string, text: string, expected: Record<string, unknown>[]) => [name, text, expected] as const;
  it.each([
    _(
      'title and arXiv id, abstract column, comma-separated authors',
      'title,arxiv_id,abstract,authors\nT,2401.00001v2,"An abstract.","A One, B Two"\n',
      [{ title: 'T', arxivId: '2401.00001', arxivVersion: 2, abstract: 'An abstract.', authors: ['A One', 'B Two'] }],
    ),
    _('a multi-line quoted title is collapsed', '"Title"\n"A Title Wrapped\n  Over Lines"\n', [
      { title: 'A Title Wrapped Over Lines' },
    ]),
    _('doubled quotes inside a field', 'title,url\n"The ""Quoted"" Word",https://arxiv.org/abs/2401.00002\n', [
      { title: 'The "Quoted" Word', arxivId: '2401.00002' },
    ]),
    _('a UTF-8 BOM before the header', '\ufefftitle,url\nT,https://huggingface.co/papers/2401.00003\n', [
      { title: 'T', arxivId: '2401.00003' },
    ]),
    _(
      'Chinese headers: English title, PDF and paper links, a Chinese summary (not the abstract), upvotes',
      '标题,中文标题,PDF链接,论文链接,简明摘要,Upvote数\nEnglish Title,中文标题,https://arxiv.org/pdf/2504.01990,https://huggingface.co/papers/2504.01990,本文提出了一种新方法。,109\n',
      [
        {
          title: 'English Title',
          arxivId: '2504.01990',
          abstract: '',
          summary: '本文提出了一种新方法。',
          summaryLang: 'zh',
          upvotes: 109,
        },
      ],
    ),
    _('TSV, titles only: papers without abstracts', 'Title\tURL\nFirst\t\nSecond\thttps://huggingface.co/papers/2401.00004\n', [
      { title: 'First', abstract: '', arxivId: null },
      { title: 'Second', arxivId: '2401.00004' },
    ]),
    _('semicolons, a github column, a short row', 'title;github;abstract\nT;https://github.com/o/r\nU;;x\n', [
      { title: 'T', siteRepos: ['https://github.com/o/r'] },
      { title: 'U', abstract: 'x' },
    ]),
  ])('%s', (_name, text, expected) => {
    const r = csvReader.split(text, 'sheet.csv');
    expect(r.records).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(r.records[i]).toMatchObject(e));
  });

  it('rows without a title are dropped with a warning', () => {
    const r = csvReader.split('title,url\n,https://x.org\nT,\n', 'x.csv');
    expect(r.records.map((x) => x.title)).toEqual(['T']);
    expect(r.warnings).toEqual(['1 row(s) without a title dropped']);
  });

  it('a header named __proto__ is just a column', () => {
    const r = csvReader.split('title,__proto__\nT,x\n', 'x.csv');
    expect(r.records[0]!.title).toBe('T');
  });

  it.each([
    ['name,notes\na,b\n', /no title column/],
    ['title,abstract\n"unterminated,x\n', /invalid CSV/],
  ])('%j is a ParseError', (text, message) => {
    expect(() => csvReader.split(text, 'x.csv')).toThrow(ParseError);
    expect(() => csvReader.split(text, 'x.csv')).toThrow(message);
  });

  it('takes the digest date from the file name', () => {
    expect(splitDigest('title,url\nT,https://arxiv.org/abs/2401.00001\n', 'papers_2025-04-05.csv').digestDate).toBe('2025-04-05');
  });
});
