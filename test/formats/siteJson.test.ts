import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/types.js';
import { siteJsonReader } from '../../src/formats/siteJson.js';

/** One API entry as the site gives it (fields trimmed to what matters). */
function entry(id: string, title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    paper: {
      id,
      authors: [
        { _id: 'a1', name: 'Ada Lovelace', hidden: false },
        { _id: 'a2', user: { fullname: 'Alan T.' }, name: 'Alan Turing', hidden: false },
      ],
      publishedAt: '2024-05-24T17:59:42.000Z',
      title,
      summary: 'First line of the abstract\nsecond line.',
      upvotes: 32,
      ...extra,
    },
    publishedAt: '2024-05-27T01:21:26.374Z',
    title,
    numComments: 2,
  };
}

describe('siteJsonReader', () => {
  it('reads an /api/daily_papers array', () => {
    const text = JSON.stringify([
      entry('2405.15738', 'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal\n  Models'),
    ]);
    expect(siteJsonReader.detect(text, 'x.json')).toBeGreaterThan(0.9);
    const r = siteJsonReader.split(text, 'daily/2024-05-27.json');
    expect(r.format).toBe('hf-api-json');
    expect(r.digestDate).toBe('2024-05-27');
    expect(r.records).toEqual([
      {
        position: 1,
        title: 'ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models',
        abstract: 'First line of the abstract second line.',
        arxivId: '2405.15738',
        authors: ['Ada Lovelace', 'Alan Turing'],
        upvotes: 32,
        publishedAt: '2024-05-24',
        siteRepos: [],
        siteLinks: [],
      },
    ]);
  });

  it.each([
    ['title wrapped with \\n  ', { title: 'A title wrapped\n  over lines' }, 'title', 'A title wrapped over lines'],
    ['summary wrapped with \\n  ', { summary: 'An abstract\n  wrapped.\n  Twice.' }, 'abstract', 'An abstract wrapped. Twice.'],
    [
      'githubRepo as siteRepos',
      { githubRepo: 'https://github.com/alibaba/conv-llava' },
      'siteRepos',
      ['https://github.com/alibaba/conv-llava'],
    ],
    ['projectPage as siteLinks', { projectPage: 'https://x.github.io/p/' }, 'siteLinks', ['https://x.github.io/p/']],
    [
      'a GitHub projectPage as a repo',
      { projectPage: 'https://github.com/thu-ml/Causal-Forcing' },
      'siteRepos',
      ['https://github.com/thu-ml/Causal-Forcing'],
    ],
    ['owner-only githubRepo dropped', { githubRepo: 'https://github.com/huggingface' }, 'siteRepos', []],
    ['paper publication date', { publishedAt: '2020-06-28T00:00:00.000Z' }, 'publishedAt', '2020-06-28'],
    ['no upvotes', { upvotes: undefined }, 'upvotes', null],
    ['versioned id', { id: '2405.15738v2' }, 'arxivId', '2405.15738'],
    ['old-style id', { id: 'hep-th/9901001' }, 'arxivId', 'hep-th/9901001'],
  ])('keeps %s', (_name, extra, field, value) => {
    const e = entry('2405.15738', 'T');
    Object.assign(e.paper as object, extra);
    const r = siteJsonReader.split(JSON.stringify([e]), 'x.json');
    expect((r.records[0] as unknown as Record<string, unknown>)[field]).toEqual(value);
  });

  it('reads entries stored as Python-repr strings (2024-12-11.json)', () => {
    const repr =
      "{'paper': {'id': '2412.07730', 'authors': [{'_id': 'x', 'name': 'Zongyu Lin', 'hidden': False}, " +
      `{'_id': 'y', 'name': "Felice Dell'Orletta", 'hidden': False}], 'publishedAt': '2024-12-10T18:27:06.000Z', ` +
      "'title': 'STIV: Scalable Text and Image\\n  Conditioned Video Generation', " +
      "'summary': 'The field of video generation\\nhas made \\'remarkable\\' advancements \\u2014 \\\\url{x}.', 'upvotes': 54, " +
      "'discussionId': '67590ae79500a8d4bb970b16'}, 'publishedAt': '2024-12-11T01:02:25.688Z', 'numComments': 2, 'x': None}";
    const text = JSON.stringify([repr, repr.replace('2412.07730', '2412.05210')]);
    expect(siteJsonReader.detect(text, 'x.json')).toBeGreaterThan(0.9);
    const r = siteJsonReader.split(text, '2024-12-11.json');
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toMatchObject({
      position: 1,
      title: 'STIV: Scalable Text and Image Conditioned Video Generation',
      abstract: "The field of video generation has made 'remarkable' advancements — \\url{x}.",
      arxivId: '2412.07730',
      authors: ['Zongyu Lin', "Felice Dell'Orletta"],
      upvotes: 54,
      publishedAt: '2024-12-10',
    });
    expect(r.records[1]!.arxivId).toBe('2412.05210');
    expect(r.digestDate).toBe('2024-12-11');
  });

  it('reads the {status, date, count, data} wrapper (2025-01-10.json) and its date', () => {
    const repr = "{'paper': {'id': '2501.05441', 'title': 'The GAN is dead', 'summary': 'S.', 'upvotes': 51}}";
    const text = JSON.stringify({ status: 'success', date: '2025-01-10', count: 1, data: [repr] });
    expect(siteJsonReader.detect(text, 'x.json')).toBeGreaterThan(0.9);
    const r = siteJsonReader.split(text, 'renamed.json');
    expect(r.digestDate).toBe('2025-01-10');
    expect(r.records.map((x) => x.title)).toEqual(['The GAN is dead']);
  });

  it('prefers the wrapper date over the file name', () => {
    const text = JSON.stringify({ status: 'success', date: '2025-01-10', data: [entry('2501.05441', 'T')] });
    expect(siteJsonReader.split(text, '2025-01-11.json').digestDate).toBe('2025-01-10');
  });

  it('has no digest date without wrapper date or file name date', () => {
    expect(siteJsonReader.split(JSON.stringify([entry('2501.05441', 'T')]), 'latest.json').digestDate).toBeNull();
  });

  it('reads a bare paper object (/api/papers/<id>)', () => {
    const paper = entry('2405.15738', 'One paper').paper as object;
    const r = siteJsonReader.split(JSON.stringify(paper), 'paper.json');
    expect(r.records).toHaveLength(1);
    expect(r.records[0]!.title).toBe('One paper');
  });

  it('reads NDJSON entries', () => {
    const text = [entry('2405.00001', 'A'), entry('2405.00002', 'B')].map((e) => JSON.stringify(e)).join('\n');
    expect(siteJsonReader.split(text, 'x.ndjson').records.map((r) => r.position)).toEqual([1, 2]);
  });

  it('takes an empty day as an empty digest, with a warning', () => {
    const r = siteJsonReader.split('[]', '2024-06-01.json');
    expect(r.records).toEqual([]);
    expect(r.warnings).toContain('the digest lists no papers');
    expect(siteJsonReader.detect('{"status":"success","date":"2024-06-01","count":0,"data":[]}', 'x')).toBeGreaterThan(0);
  });

  it('skips unreadable repr entries and untitled ones with warnings', () => {
    const good = "{'paper': {'id': '2501.05441', 'title': 'Kept', 'summary': ''}}";
    const text = JSON.stringify([good, "{'paper': {'id': '2501.0", { paper: { id: '2501.00001', summary: 'no title' } }]);
    const r = siteJsonReader.split(text, 'x.json');
    expect(r.records.map((x) => x.title)).toEqual(['Kept']);
    expect(r.warnings.join('\n')).toMatch(/1 unreadable entry skipped \(entry 2: invalid Python literal/);
    expect(r.warnings.join('\n')).toMatch(/1 entry\(s\) without a title dropped/);
  });

  it.each([['{"a": 1}'], ['[1, 2, 3]'], ['[{"title": "scraper record", "abstract": "x"}]'], ['not json']])(
    'does not claim %j',
    (text) => {
      expect(siteJsonReader.detect(text, 'x.json')).toBe(0);
    },
  );

  it.each([
    ['[{"paper": {"id": "2405.1', /invalid JSON at line 1/],
    ['{"a": 1}', /not a daily-papers response/],
    ['[{"paper": {"id": "2405.15738"}}]', /none of the 1 entries is a readable paper/],
  ])('throws a ParseError on %j', (text, message) => {
    expect(() => siteJsonReader.split(text, 'x.json')).toThrow(ParseError);
    expect(() => siteJsonReader.split(text, 'x.json')).toThrow(message);
  });
});
